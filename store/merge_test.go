package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// created is mustCreate's clock; afterCopy is when the open file is edited
// after the copy went out.
var created = time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)

var afterCopy = time.Date(2025, 3, 20, 9, 0, 0, 0, time.UTC)

// editPlain changes a file with plain SQL and nothing of ours, as the
// Statistikdienststelle does in the sqlite3 shell or DB Browser.
func editPlain(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// where selects one A-K1-G1 value in plain SQL.
func where(period, area, group string) string {
	return ` WHERE base_figure_code = 'A-K1-G1' AND period = '` + period + `' AND area_code = '` + area + `' AND group_code = '` + group + `'`
}

func key(period, area, group string) store.ValueKey {
	return store.ValueKey{BaseFigure: "A-K1-G1", Period: store.Period(period), Area: area, Group: group}
}

func keysOf(items []store.MergeItem) []store.ValueKey {
	var out []store.ValueKey
	for _, it := range items {
		out = append(out, it.ValueKey)
	}
	return out
}

// correct saves a number as a confirmed correction in the open file.
func correct(t *testing.T, s *store.Store, period, area, group string, n float64) {
	t.Helper()
	v := store.Value{BaseFigure: "A-K1-G1", Period: store.Period(period), Area: area, Group: group, Number: n, Source: "IT.NRW"}
	if _, err := s.SaveValue(context.Background(), v, store.SaveOptions{Origin: "Eingabe", Correct: true}); err != nil {
		t.Fatalf("save %v: %v", v, err)
	}
}

// TestMergeRoundTrip is issue 7's "Done when": copy, edit the copy with
// plain SQL, and the merge shows exactly those differences.
func TestMergeRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, ours := mustCreateWithValues(t)
	defer s.Close()
	returned, err := s.CopyForMail(ctx, t.TempDir(), copyDay)
	if err != nil {
		t.Fatal(err)
	}
	editPlain(t, returned,
		`UPDATE value SET number = 1140`+where("2016-H2", "stadt", "auslaender"),
		`INSERT INTO value(base_figure_code, period, area_code, group_code, number, source) VALUES ('A-K1-G1', '2016-H2', 'kreis', 'auslaender', 9050, 'IT.NRW')`,
		`UPDATE value SET number = 50020`+where("2016-H2", "stadt", "deutsche"),
		`DELETE FROM value`+where("2016-H1", "kreis", "auslaender"))
	s.Now = func() time.Time { return afterCopy }
	correct(t, s, "2016-H2", "stadt", "deutsche", 50010)
	correct(t, s, "2016-H2", "stadt", "insgesamt", 51150)
	hash := hashFile(t, returned)

	plan, err := s.CompareReturned(ctx, returned)
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	for _, c := range []struct {
		list  string
		items []store.MergeItem
		want  []store.ValueKey
	}{
		{"New", plan.New, []store.ValueKey{key("2016-H2", "kreis", "auslaender")}},
		{"Changed", plan.Changed, []store.ValueKey{key("2016-H2", "stadt", "auslaender")}},
		{"Conflicts", plan.Conflicts, []store.ValueKey{key("2016-H2", "stadt", "deutsche")}},
		{"Removed", plan.Removed, []store.ValueKey{key("2016-H1", "kreis", "auslaender")}},
	} {
		if got := keysOf(c.items); !slices.Equal(got, c.want) {
			t.Errorf("%s = %v, want %v", c.list, got, c.want)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	if got, want := plan.Changed[0].Describe(), "A-K1-G1, 2. Halbjahr 2016, Stadt Bergisch Gladbach, Ausländer/innen: 1.134 → 1.140"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	if c := plan.Conflicts[0]; c.Ours.Number != 50010 || c.Theirs.Number != 50020 {
		t.Errorf("conflict ours %v theirs %v, want 50010 and 50020", c.Ours.Number, c.Theirs.Number)
	}

	take := slices.Concat(plan.New, plan.Changed, plan.Conflicts, plan.Removed)
	n, err := s.ApplyMerge(ctx, plan, take)
	if err != nil || n != 4 {
		t.Fatalf("apply = %d, %v; want 4", n, err)
	}
	origin := "Rückmeldung: Integrationsmonitoring_2025-03-01.sqlite"
	for _, c := range []struct {
		key    store.ValueKey
		want   float64 // -1: deleted
		action store.HistoryAction
		origin string
		at     time.Time
	}{
		{key("2016-H2", "stadt", "auslaender"), 1140, "geaendert", origin, afterCopy},
		{key("2016-H2", "kreis", "auslaender"), 9050, "neu", origin, afterCopy},
		{key("2016-H2", "stadt", "deutsche"), 50020, "geaendert", origin, afterCopy},
		{key("2016-H1", "kreis", "auslaender"), -1, "geloescht", origin, afterCopy},
		{key("2016-H2", "stadt", "insgesamt"), 51150, "geaendert", "Eingabe", afterCopy},
		{key("2016-H1", "stadt", "auslaender"), 1100, "neu", "Eingabe", created},
	} {
		k := c.key
		v, err := s.Value(ctx, k.BaseFigure, k.Period, k.Area, k.Group)
		switch {
		case c.want < 0 && !errors.Is(err, store.ErrNotFound):
			t.Errorf("%v: still there (%v, %v)", k, v.Number, err)
		case c.want >= 0 && (err != nil || v.Number != c.want):
			t.Errorf("%v = %v (%v), want %v", k, v.Number, err, c.want)
		}
		h, err := s.History(ctx, k.BaseFigure, k.Period, k.Area, k.Group)
		if err != nil || len(h) == 0 {
			t.Fatalf("%v: history %v %v", k, h, err)
		}
		if last := h[len(h)-1]; last.Action != c.action || last.Origin != c.origin || last.By != "test" || !last.At.Equal(c.at) {
			t.Errorf("%v: last history entry %+v, want %s by test at %v from %q", k, last, c.action, c.at, c.origin)
		}
	}
	again, err := s.CompareReturned(ctx, returned)
	if err != nil || !again.Empty() {
		t.Errorf("second reading after taking everything over: %+v, %v", again, err)
	}
	if hashFile(t, returned) != hash {
		t.Errorf("the returned file was changed")
	}
	if _, err := os.Stat(ours + "-journal"); err == nil {
		t.Errorf("a journal was left beside the open file")
	}
}

// TestMergeRule checks the conflict rule on one value (A-K1-G1 2016-H2
// Stadt Ausländer/innen, 1.134) changed there, here, both or neither.
func TestMergeRule(t *testing.T) {
	tmpl, tmplPath := mustCreateWithValues(t)
	tmpl.Close()
	w := where("2016-H2", "stadt", "auslaender")
	here := func(n float64) func(*testing.T, *store.Store) {
		return func(t *testing.T, s *store.Store) { correct(t, s, "2016-H2", "stadt", "auslaender", n) }
	}
	insertHere := func(t *testing.T, s *store.Store) { correct(t, s, "2016-H2", "kreis", "deutsche", 7) }
	tests := []struct {
		name  string
		there []string
		here  func(*testing.T, *store.Store)
		key   store.ValueKey
		want  string // list the key lands in, "" for none
	}{
		{name: "untouched", want: ""},
		{name: "changed there", there: []string{`UPDATE value SET number = 1140` + w}, want: "Changed"},
		{name: "changed here", here: here(1150), want: ""},
		{name: "changed on both sides", there: []string{`UPDATE value SET number = 1140` + w}, here: here(1150), want: "Conflicts"},
		{name: "changed on both sides alike", there: []string{`UPDATE value SET number = 1140` + w}, here: here(1140), want: ""},
		{name: "changed there and back", there: []string{`UPDATE value SET number = 1140` + w, `UPDATE value SET number = 1134` + w}, want: ""},
		{name: "symbol set there", there: []string{`UPDATE value SET number = NULL, symbol = '/'` + w}, want: "Changed"},
		{name: "note changed there", there: []string{`UPDATE value SET note = 'korrigiert'` + w}, want: "Changed"},
		{name: "deleted there", there: []string{`DELETE FROM value` + w}, want: "Removed"},
		{name: "deleted there, changed here", there: []string{`DELETE FROM value` + w}, here: here(1150), want: "Conflicts"},
		{name: "history bypassed there", there: []string{`UPDATE value SET number = 1140` + w, `DELETE FROM value_history WHERE origin = 'extern'`}, want: "Conflicts"},
		{name: "new there", there: []string{`INSERT INTO value(base_figure_code, period, area_code, group_code, number) VALUES ('A-K1-G1', '2016-H2', 'kreis', 'deutsche', 8)`},
			key: key("2016-H2", "kreis", "deutsche"), want: "New"},
		{name: "new on both sides, differing", there: []string{`INSERT INTO value(base_figure_code, period, area_code, group_code, number) VALUES ('A-K1-G1', '2016-H2', 'kreis', 'deutsche', 8)`},
			here: insertHere, key: key("2016-H2", "kreis", "deutsche"), want: "Conflicts"},
		{name: "new here", here: insertHere, key: key("2016-H2", "kreis", "deutsche"), want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "monitoring.sqlite")
			b, err := os.ReadFile(tmplPath)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			s.Now, s.User = func() time.Time { return afterCopy }, "test"
			returned, err := s.CopyForMail(ctx, t.TempDir(), copyDay)
			if err != nil {
				t.Fatal(err)
			}
			editPlain(t, returned, tt.there...)
			if tt.here != nil {
				tt.here(t, s)
			}
			plan, err := s.CompareReturned(ctx, returned)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.key
			if want == (store.ValueKey{}) {
				want = key("2016-H2", "stadt", "auslaender")
			}
			var lists []string
			for name, items := range map[string][]store.MergeItem{"New": plan.New, "Changed": plan.Changed, "Conflicts": plan.Conflicts, "Removed": plan.Removed} {
				for _, it := range items {
					if it.ValueKey != want {
						t.Errorf("%s lists an unrelated value: %s", name, it.Describe())
					}
					lists = append(lists, name)
				}
			}
			if got := strings.Join(lists, ","); got != tt.want {
				t.Errorf("listed in %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCompareReturnedRefusesBadFilesUnchanged(t *testing.T) {
	s, ours := mustCreateWithValues(t)
	defer s.Close()
	tests := []struct {
		name string
		path string
		want error
	}{
		{"foreign database", foreignDB(t), store.ErrForeignFile},
		{"newer schema", newerSchema(t), store.ErrNewerSchema},
		{"damaged pages", corruptedPage(t), store.ErrDamaged},
		{"truncated", truncated(t), store.ErrDamaged},
		{"not SQLite", writeFile(t, "brief.sqlite", []byte("Sehr geehrte Damen und Herren,")), store.ErrNotSQLite},
		{"the open file itself", ours, store.ErrInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, oursBefore := hashFile(t, tt.path), hashFile(t, ours)
			files := dirNames(t, filepath.Dir(tt.path))
			plan, err := s.CompareReturned(context.Background(), tt.path)
			if !errors.Is(err, tt.want) || plan != nil {
				t.Fatalf("CompareReturned = %v, %v; want %v", plan, err, tt.want)
			}
			if store.Message(err) == store.Message(errors.New("x")) {
				t.Errorf("no German message for %v", err)
			}
			if hashFile(t, tt.path) != before || hashFile(t, ours) != oursBefore {
				t.Errorf("a refused file was changed")
			}
			if got := dirNames(t, filepath.Dir(tt.path)); !slices.Equal(got, files) {
				t.Errorf("folder was %v, is %v", files, got)
			}
		})
	}
}

// mergePlanFor copies s, applies stmts to the copy and compares it.
func mergePlanFor(t *testing.T, s *store.Store, stmts ...string) *store.MergePlan {
	t.Helper()
	returned, err := s.CopyForMail(context.Background(), t.TempDir(), copyDay)
	if err != nil {
		t.Fatal(err)
	}
	editPlain(t, returned, stmts...)
	plan, err := s.CompareReturned(context.Background(), returned)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func TestApplyMergeIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	newKreis := `INSERT INTO value(base_figure_code, period, area_code, group_code, number) VALUES ('A-K1-G1', '2016-H2', 'kreis', 'deutsche', 8)`
	tests := []struct {
		name  string
		there []string
		here  func(*testing.T, *store.Store) // after comparing
		take  func(*store.MergePlan) []store.MergeItem
		want  error
	}{
		{"value changed here after reading",
			[]string{newKreis, `UPDATE value SET number = 1140` + where("2016-H2", "stadt", "auslaender")},
			func(t *testing.T, s *store.Store) { correct(t, s, "2016-H2", "stadt", "auslaender", 1150) },
			func(p *store.MergePlan) []store.MergeItem { return slices.Concat(p.New, p.Changed) },
			store.ErrConflict},
		{"value the file cannot hold",
			[]string{newKreis, `INSERT INTO value(base_figure_code, period, area_code, group_code, number) VALUES ('A-K1-G1', '2016-H2', 'stadt', 'ohne_mh', 3)`},
			nil,
			func(p *store.MergePlan) []store.MergeItem { return p.New },
			store.ErrInvalidInput},
		{"item not in the plan",
			[]string{newKreis},
			nil,
			func(p *store.MergePlan) []store.MergeItem {
				return append(slices.Clone(p.New), store.MergeItem{ValueKey: key("2020-H1", "stadt", "deutsche")})
			},
			store.ErrInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, path := mustCreateWithValues(t)
			defer s.Close()
			plan := mergePlanFor(t, s, tt.there...)
			if tt.here != nil {
				tt.here(t, s)
			}
			before := hashFile(t, path)
			n, err := s.ApplyMerge(ctx, plan, tt.take(plan))
			if !errors.Is(err, tt.want) || n != 0 {
				t.Fatalf("apply = %d, %v; want 0, %v", n, err, tt.want)
			}
			if hashFile(t, path) != before {
				t.Errorf("a refused merge changed the file")
			}
			if _, err := s.Value(ctx, "A-K1-G1", "2016-H2", "kreis", "deutsche"); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("the new value was stored although the merge failed")
			}
		})
	}
}

func TestMergeProblemShown(t *testing.T) {
	s, _ := mustCreateWithValues(t)
	defer s.Close()
	plan := mergePlanFor(t, s, `INSERT INTO value(base_figure_code, period, area_code, group_code, number) VALUES ('A-K1-G1', '2016-H2', 'stadt', 'ohne_mh', 3)`)
	if len(plan.New) != 1 || !strings.Contains(plan.New[0].Problem, "Gruppe „ohne_mh“") {
		t.Errorf("plan.New = %+v, want the group named as the problem", plan.New)
	}
}

func TestMergeItemDescribe(t *testing.T) {
	num := func(n float64) *store.Value { return &store.Value{Number: n, Source: "IT.NRW"} }
	tests := []struct {
		name         string
		ours, theirs *store.Value
		area, group  string
		want         string
	}{
		{"numbers", num(1134), num(1140), "Stadt Bergisch Gladbach", "Ausländer/innen",
			"A-K1-G1, 2. Halbjahr 2016, Stadt Bergisch Gladbach, Ausländer/innen: 1.134 → 1.140"},
		{"decimals and millions", num(12.5), num(1234567.25), "", "", "A-K1-G1, 2. Halbjahr 2016, stadt, auslaender: 12,5 → 1.234.567,25"},
		{"negative", num(-1234), num(-0.5), "", "", "A-K1-G1, 2. Halbjahr 2016, stadt, auslaender: -1.234 → -0,5"},
		{"symbol", num(1134), &store.Value{Symbol: store.SymUnknown, Source: "IT.NRW"}, "", "", "A-K1-G1, 2. Halbjahr 2016, stadt, auslaender: 1.134 → ."},
		{"new", nil, num(9050), "", "", "A-K1-G1, 2. Halbjahr 2016, stadt, auslaender: kein Wert → 9.050"},
		{"removed", num(9000), nil, "", "", "A-K1-G1, 2. Halbjahr 2016, stadt, auslaender: 9.000 → kein Wert"},
		{"same number, other source and note", num(7), &store.Value{Number: 7, Source: "Bezirksregierung", Note: "neu", Provisional: true}, "", "",
			"A-K1-G1, 2. Halbjahr 2016, stadt, auslaender: 7 → 7 (geändert: Kennzeichen, Quelle, Anmerkung)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := store.MergeItem{ValueKey: key("2016-H2", "stadt", "auslaender"), AreaName: tt.area, GroupName: tt.group, Ours: tt.ours, Theirs: tt.theirs}
			if got := it.Describe(); got != tt.want {
				t.Errorf("Describe =\n %q\nwant\n %q", got, tt.want)
			}
		})
	}
}

// TestMergeSecondRound reads files after a first takeover: the same file,
// edited again, brings changes; another copy that never held the value
// taken over conflicts with it.
func TestMergeSecondRound(t *testing.T) {
	ctx := context.Background()
	w := where("2016-H2", "stadt", "auslaender")
	tests := []struct {
		name string
		// second returns the file read in the second round; first is the
		// file taken over in the first round, other a copy made with it.
		second func(t *testing.T, first, other string) string
		want   string
	}{
		{"same file edited again", func(t *testing.T, first, _ string) string {
			editPlain(t, first, `UPDATE value SET number = 1150`+w)
			return first
		}, "Changed"},
		{"other copy changed the value", func(t *testing.T, _, other string) string {
			editPlain(t, other, `UPDATE value SET number = 1160`+w)
			return other
		}, "Conflicts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := mustCreateWithValues(t)
			defer s.Close()
			first, err := s.CopyForMail(ctx, t.TempDir(), copyDay)
			if err != nil {
				t.Fatal(err)
			}
			other, err := s.CopyForMail(ctx, t.TempDir(), copyDay)
			if err != nil {
				t.Fatal(err)
			}
			editPlain(t, first, `UPDATE value SET number = 1140`+w)
			plan, err := s.CompareReturned(ctx, first)
			if err != nil {
				t.Fatal(err)
			}
			if n, err := s.ApplyMerge(ctx, plan, plan.Changed); n != 1 || err != nil {
				t.Fatalf("first round: %d, %v", n, err)
			}
			plan, err = s.CompareReturned(ctx, tt.second(t, first, other))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]store.ValueKey{"Changed": keysOf(plan.Changed), "Conflicts": keysOf(plan.Conflicts)}
			if len(plan.New)+len(plan.Removed) != 0 || len(got[tt.want]) != 1 || len(plan.Changed)+len(plan.Conflicts) != 1 {
				t.Errorf("second round: %+v, want one item in %s", got, tt.want)
			}
		})
	}
}

func TestCompareReturnedUnreadableValue(t *testing.T) {
	s, _ := mustCreateWithValues(t)
	defer s.Close()
	returned, err := s.CopyForMail(context.Background(), t.TempDir(), copyDay)
	if err != nil {
		t.Fatal(err)
	}
	// REAL affinity keeps text that is no number as text.
	editPlain(t, returned, `UPDATE value SET number = 'viel'`+where("2016-H2", "stadt", "auslaender"))
	hash := hashFile(t, returned)
	plan, err := s.CompareReturned(context.Background(), returned)
	if plan != nil || !strings.Contains(store.Message(err), "lassen sich nicht lesen") {
		t.Errorf("CompareReturned = %v, %v", plan, err)
	}
	if hashFile(t, returned) != hash {
		t.Errorf("the returned file was changed")
	}
}
