package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

func TestSaveValueValidation(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreate(t)
	defer s.Close()
	base := store.Value{BaseFigure: "A-K1-G1", Period: "2024-H1", Area: "stadt", Group: "auslaender", Number: 1134}
	cases := []struct {
		name   string
		change func(v *store.Value)
	}{
		{"NegativeCount", func(v *store.Value) { v.Number = -1 }},
		{"YearForHalfYear", func(v *store.Value) { v.Period = "2024" }},
		{"ImpossibleHalf", func(v *store.Value) { v.Period = "2024-H3" }},
		{"UnknownGroup", func(v *store.Value) { v.Group = "ohne_mh" }},
		{"UnknownArea", func(v *store.Value) { v.Area = "mond" }},
		{"UnknownBaseFigure", func(v *store.Value) { v.BaseFigure = "Z-K9-G1" }},
		{"BadSymbol", func(v *store.Value) { v.Symbol = "?" }},
		{"BadAsOf", func(v *store.Value) { v.AsOf = "gestern" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := base
			tc.change(&v)
			_, err := s.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"})
			if err == nil {
				t.Fatal("invalid value was saved")
			}
			var ue *store.UserError
			if !errors.As(err, &ue) || ue.Message == "" {
				t.Errorf("error %v carries no German message", err)
			}
			all, _ := s.Values(ctx)
			if len(all) != 0 {
				t.Errorf("%d values stored after a refused save", len(all))
			}
		})
	}
}

func TestShareOver100Refused(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreate(t)
	defer s.Close()
	cat, _ := s.Catalog(ctx)
	var pct *store.BaseFigure
	for _, f := range cat.Fields {
		for _, k := range f.KeyFigures {
			for i := range k.BaseFigures {
				if k.BaseFigures[i].Unit == "%" {
					pct = &k.BaseFigures[i]
				}
			}
		}
	}
	if pct == nil {
		t.Skip("catalogue has no percentage base figure")
	}
	p, _ := store.ParsePeriod("2024")
	for pct.PeriodKind != p.Kind() {
		p, _ = store.ParsePeriodOfKind(map[store.PeriodKind]string{store.HalfYearPeriod: "2024-H1", store.SchoolYearPeriod: "2024/25", store.DatePeriod: "2024-12-31"}[pct.PeriodKind], pct.PeriodKind)
	}
	_, err := s.SaveValue(ctx, store.Value{BaseFigure: pct.Code, Period: p, Area: pct.Areas[0], Group: pct.Groups[0], Number: 100.5}, store.SaveOptions{})
	if err == nil {
		t.Fatal("share over 100 % was saved")
	}
}

func TestSymbolStoredAsSymbol(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	v := store.Value{BaseFigure: "A-K1-G1", Period: "2024-H1", Area: "stadt", Group: "auslaender", Symbol: store.SymUnknown, Source: "Jobcenter"}
	if _, err := s.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
	defer db.Close()
	var num sql.NullFloat64
	var sym sql.NullString
	if err := db.QueryRow(`SELECT number, symbol FROM value`).Scan(&num, &sym); err != nil {
		t.Fatal(err)
	}
	if num.Valid || sym.String != "." {
		t.Errorf("stored number=%v symbol=%q, want NULL and \".\"", num, sym.String)
	}
}

func TestCorrectionNeedsConfirmationAndKeepsHistory(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	v := store.Value{BaseFigure: "A-K1-G1", Period: "2. Halbjahr 2016", Area: "stadt", Group: "auslaender", Number: 1134, Source: "Jobcenter"}
	if a, err := s.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"}); err != nil || a != store.Inserted {
		t.Fatalf("first save: %v %v", a, err)
	}
	if a, err := s.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"}); err != nil || a != store.Unchanged {
		t.Fatalf("same value again: %v %v", a, err)
	}
	v.Number = 1140
	_, err := s.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"})
	var ce *store.ConflictError
	if !errors.As(err, &ce) || ce.Old.Number != 1134 {
		t.Fatalf("unconfirmed correction: err = %v, want ConflictError with old 1134", err)
	}
	got, _ := s.Value(ctx, "A-K1-G1", "2016-H2", "stadt", "auslaender")
	if got.Number != 1134 {
		t.Fatalf("unconfirmed correction changed the value to %v", got.Number)
	}
	if a, err := s.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe", Correct: true}); err != nil || a != store.Corrected {
		t.Fatalf("confirmed correction: %v %v", a, err)
	}
	s.Close()

	// The Statistikdienststelle edits the file with its own tools.
	db, _ := sql.Open("sqlite", "file:"+path)
	if _, err := db.Exec(`UPDATE value SET number = 1150 WHERE period = '2016-H2'`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := s.History(ctx, "A-K1-G1", "2016-H2", "stadt", "auslaender")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 {
		t.Fatalf("history has %d entries, want 3: %+v", len(h), h)
	}
	if h[0].Action != "neu" || *h[0].NewNumber != 1134 || h[0].By != "test" {
		t.Errorf("entry 0 = %+v", h[0])
	}
	if h[1].Action != "geaendert" || *h[1].OldNumber != 1134 || *h[1].NewNumber != 1140 || h[1].Origin != "Eingabe" {
		t.Errorf("entry 1 = %+v", h[1])
	}
	if h[2].Origin != "extern" || *h[2].OldNumber != 1140 || *h[2].NewNumber != 1150 {
		t.Errorf("external edit not recorded as such: %+v", h[2])
	}
}

func TestSaveValuesIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreate(t)
	defer s.Close()
	vs := []store.Value{
		{BaseFigure: "A-K1-G1", Period: "2015-H1", Area: "stadt", Group: "auslaender", Number: 1000},
		{BaseFigure: "A-K1-G1", Period: "2015-H2", Area: "stadt", Group: "auslaender", Number: -5},
	}
	if _, _, err := s.SaveValues(ctx, vs, store.SaveOptions{Origin: "Import"}); err == nil {
		t.Fatal("batch with an invalid value was saved")
	}
	all, _ := s.Values(ctx)
	if len(all) != 0 {
		t.Errorf("%d values stored from a refused batch", len(all))
	}
}

func TestCorrectionKeepsConfidential(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	v := store.Value{BaseFigure: "B-K2-G2", Period: "2024/25", Area: "stadt", Group: "auslaender", Number: 2, Confidential: true}
	if _, err := s.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	v.Confidential, v.Number = false, 3 // the form cannot set the flag
	if _, err := s.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe", Correct: true}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Value(ctx, "B-K2-G2", "2024/25", "stadt", "auslaender")
	if got.Number != 3 || !got.Confidential {
		t.Errorf("after correction: %+v, want 3 and still confidential", got)
	}
	s.Close()
	_ = path
}
