package store_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// bulkValues are n values of distinct keys, Stichtage of the population
// figure BEV, each with its own number.
func bulkValues(n int) []store.Value {
	vs := make([]store.Value, n)
	day := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range vs {
		vs[i] = store.Value{BaseFigure: "BEV", Period: store.Period(day.AddDate(0, 0, i/3).Format("2006-01-02")),
			Area: []string{"stadt", "kreis", "nrw"}[i%3], Group: "insgesamt", Number: float64(100000 + i), Source: "IT.NRW"}
	}
	return vs
}

// settledGoroutines waits until no more than want goroutines run (the
// database/sql watcher of a closed transaction ends a moment after it)
// and returns how many run.
func settledGoroutines(want int) int {
	n := runtime.NumGoroutine()
	for end := time.Now().Add(2 * time.Second); n > want && time.Now().Before(end); n = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	return n
}

func storedCount(t *testing.T, s *store.Store) int {
	t.Helper()
	vs, err := s.Values(context.Background(), "BEV")
	if err != nil {
		t.Fatal(err)
	}
	return len(vs)
}

// A bulk save refused in its middle, after several batches went to
// SQLite, says which value and why, as a save value by value would, keeps
// nothing, and leaves no goroutine of its planner behind.
func TestBulkSaveRefusedMidway(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreate(t)
	defer s.Close()
	if _, _, err := s.SaveValues(ctx, bulkValues(3), store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()

	unknownArea := bulkValues(10_000)
	unknownArea[7_000].Area = "mond"
	corrected := bulkValues(10_000)
	corrected[9_000] = corrected[1] // a second, different value for a stored key
	corrected[9_000].Number = 1
	for _, c := range []struct {
		name string
		vs   []store.Value
		want string
	}{
		{"unknown Bezirk", unknownArea, fmt.Sprintf("BEV %s mond insgesamt: %v", unknownArea[7_000].Period, store.Invalid("Den Statistischen Bezirk „mond“ gibt es in dieser Datei nicht."))},
		{"conflict", corrected, "BEV 1950-01-01 kreis insgesamt: " + (&store.ConflictError{}).Error()},
	} {
		_, _, err := s.SaveValues(ctx, c.vs, store.SaveOptions{Origin: "Import: x.csv"})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
		if n := storedCount(t, s); n != 3 {
			t.Errorf("%s: %d values stored after the refused save, want the 3 from before", c.name, n)
		}
		if n := settledGoroutines(before); n > before {
			t.Errorf("%s: %d goroutines after the refused save, %d before", c.name, n, before)
		}
	}
}

// A bulk save whose context is cancelled while it runs stops with the
// cancellation, keeps nothing, and leaves no goroutine behind.
func TestBulkSaveCancelled(t *testing.T) {
	s, _ := mustCreate(t)
	defer s.Close()
	vs := bulkValues(30_000)
	before := runtime.NumGoroutine()
	cancelled := 0
	for _, after := range []time.Duration{0, 20 * time.Millisecond, 60 * time.Millisecond, 150 * time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		timer := time.AfterFunc(after, cancel)
		_, _, err := s.SaveValues(ctx, vs, store.SaveOptions{Origin: "Import: x.csv"})
		timer.Stop()
		cancel()
		switch {
		case err == nil:
			// Finished before the cancellation: keep the file as it was
			// for the next round.
			if n := storedCount(t, s); n != len(vs) {
				t.Fatalf("save finished with %d values stored, want %d", n, len(vs))
			}
			t.Logf("save of %d values finished within %v", len(vs), after)
			return
		case errors.Is(err, context.Canceled):
			cancelled++
		default:
			t.Errorf("cancelled after %v: %v, want the cancellation", after, err)
		}
		if n := storedCount(t, s); n != 0 {
			t.Errorf("cancelled after %v: %d values stored", after, n)
		}
		if n := settledGoroutines(before); n > before {
			t.Errorf("cancelled after %v: %d goroutines, %d before", after, n, before)
		}
	}
	if cancelled < 2 {
		t.Errorf("only %d saves were cancelled", cancelled)
	}
}
