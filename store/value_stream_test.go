package store_test

import (
	"context"
	"errors"
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
			s, _ := mustCreate(t)
			before := fileState(t, s)
			_, err := s.SaveStream(ctx, c.src, store.SaveOptions{Origin: "Import: t.csv"})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one that names %q", err, c.want)
			}
			if after := fileState(t, s); after != before {
				t.Errorf("file changed by a refused save: %v, was %v", after, before)
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
