package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// bulkValue is value i of the bulk tests: Arbeitslose per half-year, area
// and group, 612 distinct keys, more than two of the saver's batches.
func bulkValue(i int, number float64) store.Value {
	return store.Value{
		BaseFigure: "A-K1-G1",
		Period:     store.Period(fmt.Sprintf("%d-H%d", 1990+i/12, i/6%2+1)),
		Area:       []string{"stadt", "kreis"}[i/3%2],
		Group:      []string{"insgesamt", "deutsche", "auslaender"}[i%3],
		Number:     number,
		Source:     "IT.NRW",
	}
}

// historyRow is one row of value_history as another tool reads it.
type historyRow struct {
	valueID            int64
	action             string
	oldNumber, newNum  sql.NullFloat64
	newSource, origin  string
	changedBy, newFlag string
}

func historyRows(t *testing.T, path string) map[string][]historyRow {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT value_id, base_figure_code, period, area_code, group_code, action, old_number, new_number,
		COALESCE(new_source,''), origin, changed_by, COALESCE(new_flags,'') FROM value_history ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][]historyRow{}
	for rows.Next() {
		var h historyRow
		var bf, p, a, g string
		if err := rows.Scan(&h.valueID, &bf, &p, &a, &g, &h.action, &h.oldNumber, &h.newNum, &h.newSource, &h.origin, &h.changedBy, &h.newFlag); err != nil {
			t.Fatal(err)
		}
		k := bf + "/" + p + "/" + a + "/" + g
		out[k] = append(out[k], h)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func keyString(v store.Value) string {
	return v.BaseFigure + "/" + string(v.Period) + "/" + v.Area + "/" + v.Group
}

// TestSaveValuesHistory: the bulk save writes the history rows of its new
// values itself (migration 3) and leaves corrections to the update
// trigger. Either way every new and every changed value has exactly one
// row with the right old and new number, and nothing else has one; a
// change made afterwards with plain SQL is still logged as 'extern'.
func TestSaveValuesHistory(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	const first = 500
	var vs []store.Value
	for i := 0; i < first; i++ {
		vs = append(vs, bulkValue(i, float64(i)+0.5))
	}
	// The same key twice in one save: the second says the same and
	// changes nothing.
	vs = append(vs, bulkValue(7, 7.5))
	ins, cor, err := s.SaveValues(ctx, vs, store.SaveOptions{Origin: "Import: erste.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if ins != first || cor != 0 {
		t.Fatalf("first save: %d inserted, %d corrected; want %d, 0", ins, cor, first)
	}

	// The second save: every third stored value changes, the others are
	// delivered again unchanged, and 112 keys are new. One new key comes
	// twice with different numbers: inserted, then corrected.
	vs = nil
	want := map[int][2]float64{} // key i -> old, new number of its 'geaendert' row
	for i := 0; i < 612; i++ {
		n := float64(i) + 0.5
		if i < first && i%3 == 0 {
			want[i] = [2]float64{n, n + 1000}
			n += 1000
		}
		vs = append(vs, bulkValue(i, n))
	}
	vs = append(vs, bulkValue(600, 4711))
	want[600] = [2]float64{600.5, 4711}
	ins, cor, err = s.SaveValues(ctx, vs, store.SaveOptions{Origin: "Import: zweite.csv", Correct: true})
	if err != nil {
		t.Fatal(err)
	}
	if ins != 612-first || cor != len(want) {
		t.Fatalf("second save: %d inserted, %d corrected; want %d, %d", ins, cor, 612-first, len(want))
	}
	s.Close()

	hist := historyRows(t, path)
	total := 0
	for i := 0; i < 612; i++ {
		v := bulkValue(i, 0)
		rows := hist[keyString(v)]
		total += len(rows)
		wantRows := 1
		if _, ok := want[i]; ok {
			wantRows = 2
		}
		if len(rows) != wantRows {
			t.Errorf("%s: %d history rows, want %d: %+v", keyString(v), len(rows), wantRows, rows)
			continue
		}
		neu := rows[0]
		origin, number := "Import: erste.csv", float64(i)+0.5
		if i >= first {
			origin = "Import: zweite.csv"
		}
		if neu.action != "neu" || neu.oldNumber.Valid || neu.newNum.Float64 != number || neu.origin != origin ||
			neu.changedBy != "test" || neu.newSource != "IT.NRW" || neu.newFlag != "000" {
			t.Errorf("%s: first history row %+v, want 'neu' of %v from %s by test", keyString(v), neu, number, origin)
		}
		if wantRows == 2 {
			ch := rows[1]
			if ch.action != "geaendert" || ch.oldNumber.Float64 != want[i][0] || ch.newNum.Float64 != want[i][1] ||
				ch.origin != "Import: zweite.csv" || ch.changedBy != "test" || ch.valueID != neu.valueID {
				t.Errorf("%s: second history row %+v, want 'geaendert' %v -> %v", keyString(v), ch, want[i][0], want[i][1])
			}
		}
	}
	if len(hist) != 612 || total != 612+len(want) {
		t.Errorf("%d keys with %d history rows, want 612 keys with %d", len(hist), total, 612+len(want))
	}

	// Another tool changes one value and adds one; both are logged by the
	// triggers, the change as 'extern'.
	db, err := sql.Open("sqlite", "file:"+path+"?mode=rw")
	if err != nil {
		t.Fatal(err)
	}
	v0 := bulkValue(1, 0)
	if _, err := db.Exec(`UPDATE value SET number = 99 WHERE base_figure_code = ? AND period = ? AND area_code = ? AND group_code = ?`,
		v0.BaseFigure, string(v0.Period), v0.Area, v0.Group); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO value(base_figure_code, period, area_code, group_code, number, entered_by, origin) VALUES ('A-K1-G1', '2060-H1', 'stadt', 'insgesamt', 5, 'jemand', 'Handarbeit')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	hist = historyRows(t, path)
	rows := hist[keyString(v0)]
	if len(rows) != 2 || rows[1].action != "geaendert" || rows[1].changedBy != "extern" || rows[1].origin != "extern" ||
		rows[1].oldNumber.Float64 != 1.5 || rows[1].newNum.Float64 != 99 {
		t.Errorf("plain SQL update of %s: history %+v, want a second row 'geaendert' 1.5 -> 99 by extern", keyString(v0), rows)
	}
	rows = hist["A-K1-G1/2060-H1/stadt/insgesamt"]
	if len(rows) != 1 || rows[0].action != "neu" || rows[0].newNum.Float64 != 5 || rows[0].changedBy != "jemand" || rows[0].origin != "Handarbeit" {
		t.Errorf("plain SQL insert: history %+v, want one 'neu' row of 5 by jemand", rows)
	}

	// What History shows for a bulk-inserted, corrected value.
	s, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v3 := bulkValue(3, 0)
	h, err := s.History(ctx, v3.BaseFigure, v3.Period, v3.Area, v3.Group)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Action != store.HistoryInserted || h[1].Action != store.HistoryChanged ||
		*h[1].OldNumber != 3.5 || *h[1].NewNumber != 1003.5 || h[1].Origin != "Import: zweite.csv" {
		t.Errorf("History(%s) = %+v", keyString(v3), h)
	}
}

// TestSaveValuesConflictKeepsNothing: a bulk save that meets a differing
// stored value without Correct stores none of its values and writes no
// history, even when new values were already inserted before the conflict.
func TestSaveValuesConflictKeepsNothing(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	if _, _, err := s.SaveValues(ctx, []store.Value{bulkValue(0, 1)}, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	var vs []store.Value
	for i := 1; i < 400; i++ {
		vs = append(vs, bulkValue(i, float64(i)))
	}
	vs = append(vs, bulkValue(0, 2))
	if _, _, err := s.SaveValues(ctx, vs, store.SaveOptions{Origin: "Import: x.csv"}); err == nil {
		t.Fatal("a differing value without Correct was saved")
	}
	s.Close()
	hist := historyRows(t, path)
	if len(hist) != 1 {
		t.Errorf("history of %d keys after the refused import, want 1", len(hist))
	}
}
