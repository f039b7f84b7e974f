package store_test

import (
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// streamOf yields vs in chunks of size n and returns breaks.
func streamOf(vs []store.Value, n int, breaks []store.SeriesBreak) store.ValueSource {
	return func(yield func([]store.Value) error) ([]store.SeriesBreak, error) {
		for len(vs) > 0 {
			k := min(n, len(vs))
			if err := yield(vs[:k]); err != nil {
				return nil, err
			}
			vs = vs[k:]
		}
		return breaks, nil
	}
}

// fileState is what a save may change: the values, their history and the
// series breaks, as plain counts.
func fileState(t *testing.T, s *store.Store) [3]int {
	t.Helper()
	ctx := context.Background()
	vs, err := s.Values(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bs, err := s.SeriesBreaks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hist := 0
	for _, v := range vs {
		h, err := s.History(ctx, v.BaseFigure, v.Period, v.Area, v.Group)
		if err != nil {
			t.Fatal(err)
		}
		hist += len(h)
	}
	return [3]int{len(vs), hist, len(bs)}
}

// TestSaveStreamStoresValuesAndBreaksTogether: values yielded in chunks,
// two Grundzahlen one after the other (the second already holds a value),
// are stored with their history and the source's breaks in one save, and
// the counts say what happened.
func TestSaveStreamStoresValuesAndBreaksTogether(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreate(t)
	before := fileState(t, s)
	pre := store.Value{BaseFigure: "BEV", Period: "2020-12-31", Area: "stadt", Group: "insgesamt", Number: 111000, Source: "IT.NRW"}
	if _, err := s.SaveValue(ctx, pre, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	var vs []store.Value
	for i := range 700 {
		vs = append(vs, bulkValue(i, float64(i)))
	}
	vs = append(vs, pre, store.Value{BaseFigure: "BEV", Period: "2021-12-31", Area: "stadt", Group: "insgesamt", Number: 111500, Source: "IT.NRW"})
	brk := store.SeriesBreak{BaseFigure: "BEV", Period: "2021", Reason: "Zensus 2022", Origin: store.BreakImport}
	got, err := s.SaveStream(ctx, streamOf(vs, 97, []store.SeriesBreak{brk}), store.SaveOptions{Origin: "Import: t.csv"})
	if err != nil {
		t.Fatal(err)
	}
	want := store.SaveCounts{Inserted: 701, Unchanged: 1, Breaks: 1}
	if got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
	after := fileState(t, s)
	if d := [3]int{after[0] - before[0], after[1] - before[1], after[2] - before[2]}; d != [3]int{702, 702, 1} {
		t.Errorf("file gained %v values/history rows/breaks, want [702 702 1]", d)
	}
	// The break already set is not set twice.
	if got, err := s.SaveStream(ctx, streamOf(nil, 1, []store.SeriesBreak{brk}), store.SaveOptions{Origin: "Import: t.csv"}); err != nil || got.Breaks != 0 {
		t.Errorf("second save of the same break: %+v, %v", got, err)
	}
}

// TestSaveStreamLeavesFileUnchangedOnRefusal: whatever stops a streamed
// save part-way — a value refused in a later chunk, an error of the source
// after some chunks, a break that cannot be stored after all values —
// leaves the file as it was, including the values of the chunks already
// inserted.
func TestSaveStreamLeavesFileUnchangedOnRefusal(t *testing.T) {
	ctx := context.Background()
	// More values than the saver inserts in one batch (2,048), so that
	// some are in the file before the refusal.
	var vs []store.Value
	day := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3000 {
		vs = append(vs, store.Value{BaseFigure: "BEV", Period: store.Period(day.AddDate(0, 0, i).Format("2006-01-02")), Area: "stadt", Group: "insgesamt", Number: float64(100000 + i)})
	}
	bad := store.Value{BaseFigure: "BEV", Period: "1999-06-30", Area: "nirgendwo", Group: "insgesamt", Number: 1}
	srcErr := errors.New("Die Quelle bricht ab.")
	for _, c := range []struct {
		name string
		src  store.ValueSource
		want string
	}{
		{"refused value", streamOf(append(vs[:2500:2500], bad), 300, nil), "nirgendwo"},
		{"source error", func(yield func([]store.Value) error) ([]store.SeriesBreak, error) {
			if err := yield(vs[:2100]); err != nil {
				return nil, err
			}
			return nil, srcErr
		}, "bricht ab"},
		{"invalid break", streamOf(vs, 1000, []store.SeriesBreak{{BaseFigure: "BEV", Period: "2021"}}), "Grund"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, path := mustCreate(t)
			before, hash := fileState(t, s), hashFile(t, path)
			gogc := gcPercent()
			_, err := s.SaveStream(ctx, c.src, store.SaveOptions{Origin: "Import: t.csv"})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one that names %q", err, c.want)
			}
			if after := fileState(t, s); after != before {
				t.Errorf("file changed by a refused save: %v, was %v", after, before)
			}
			if hashFile(t, path) != hash {
				t.Errorf("file bytes changed by a refused save")
			}
			if got := gcPercent(); got != gogc {
				t.Errorf("GOGC %d after a refused save, want %d again", got, gogc)
			}
		})
	}
}

// TestSaveStreamStopsTheSource: after a refused value, yield reports the
// stop and the source's later calls store nothing.
func TestSaveStreamStopsTheSource(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreate(t)
	bad := store.Value{BaseFigure: "GIBTESNICHT", Period: "2020", Area: "stadt", Group: "insgesamt", Number: 1}
	calls, refused := 0, 0
	_, err := s.SaveStream(ctx, func(yield func([]store.Value) error) ([]store.SeriesBreak, error) {
		for i := range 5 {
			calls++
			chunk := []store.Value{bulkValue(i, 1)}
			if i == 1 {
				chunk = []store.Value{bad}
			}
			if yield(chunk) != nil {
				refused++ // a careless source goes on
			}
		}
		return nil, nil
	}, store.SaveOptions{Origin: "Import: t.csv"})
	if err == nil || !strings.Contains(err.Error(), "GIBTESNICHT") {
		t.Fatalf("error %v, want one naming the unknown Grundzahl", err)
	}
	if calls != 5 || refused != 4 {
		t.Errorf("%d calls, %d refused; want 5 and 4", calls, refused)
	}
	if vs, _ := s.Values(ctx); len(vs) != 0 {
		t.Errorf("%d values stored by a refused save", len(vs))
	}
}

// TestSaveStreamPanicAndCancel: a source that panics part-way hands the
// panic to the caller and a context cancelled part-way ends the save;
// either way the file is unchanged, the insert trigger is back, the
// collector's target is restored and no goroutine is left behind.
func TestSaveStreamPanicAndCancel(t *testing.T) {
	var vs []store.Value
	day := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 6000 {
		vs = append(vs, store.Value{BaseFigure: "BEV", Period: store.Period(day.AddDate(0, 0, i).Format("2006-01-02")), Area: "stadt", Group: "insgesamt", Number: float64(100000 + i)})
	}
	for _, c := range []string{"panic", "cancel"} {
		t.Run(c, func(t *testing.T) {
			s, path := mustCreate(t)
			hash, gogc := hashFile(t, path), gcPercent()
			goroutines := runtime.NumGoroutine()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			src := func(yield func([]store.Value) error) ([]store.SeriesBreak, error) {
				for i := 0; i < len(vs); i += 1000 {
					if i == 3000 {
						if c == "panic" {
							panic("Quelle kaputt")
						}
						cancel()
					}
					if err := yield(vs[i : i+1000]); err != nil {
						return nil, err
					}
				}
				return nil, nil
			}
			var err error
			recovered := func() (r any) {
				defer func() { r = recover() }()
				_, err = s.SaveStream(ctx, src, store.SaveOptions{Origin: "Import: t.csv"})
				return nil
			}()
			switch c {
			case "panic":
				if recovered != "Quelle kaputt" {
					t.Errorf("recovered %v, want the source's panic", recovered)
				}
			case "cancel":
				if recovered != nil || err == nil {
					t.Errorf("cancelled save: error %v, panic %v", err, recovered)
				}
			}
			if hashFile(t, path) != hash {
				t.Errorf("file bytes changed")
			}
			if got := gcPercent(); got != gogc {
				t.Errorf("GOGC %d afterwards, want %d again", got, gogc)
			}
			for range 100 {
				if runtime.NumGoroutine() <= goroutines {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			if n := runtime.NumGoroutine(); n > goroutines {
				t.Errorf("%d goroutines after the save, %d before", n, goroutines)
			}
			// The trigger is back: a plain insert is logged.
			if _, err := s.SaveValue(context.Background(), vs[0], store.SaveOptions{Origin: "Eingabe"}); err != nil {
				t.Fatal(err)
			}
			if h, err := s.History(context.Background(), "BEV", vs[0].Period, "stadt", "insgesamt"); err != nil || len(h) != 1 {
				t.Errorf("history of a later save: %d rows, %v", len(h), err)
			}
		})
	}
}

// gcPercent reads the collector's target (setting it back at once).
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}
