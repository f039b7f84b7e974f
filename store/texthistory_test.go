package store_test

import (
	"context"
	"database/sql"
	"reflect"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// textChange is one row of the view Texthistorie.
type textChange struct {
	At, By, Origin, Action, Kind string
	Year                         sql.NullInt64
	Code, Part                   string
	Old, New                     sql.NullString
}

// readTextHistory reads the view Texthistorie of the file at path in plain
// SQL, oldest first, as another SQLite tool sees it.
func readTextHistory(t *testing.T, path, where string) []textChange {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	mustSucceed(t, err)
	defer db.Close()
	rows, err := db.Query(`SELECT "Geaendert_am", "Von", "Herkunft", "Aktion", "Art", "Berichtsjahr", "Kennzahl", "Teil",
		"Alter_Text", "Neuer_Text" FROM "Texthistorie" ` + where + ` ORDER BY "Nr"`)
	mustSucceed(t, err)
	defer rows.Close()
	var out []textChange
	for rows.Next() {
		var c textChange
		mustSucceed(t, rows.Scan(&c.At, &c.By, &c.Origin, &c.Action, &c.Kind, &c.Year, &c.Code, &c.Part, &c.Old, &c.New))
		out = append(out, c)
	}
	mustSucceed(t, rows.Err())
	return out
}

func ns(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }

// TestOverwrittenTextsStayInHistory: an Einordnung she overwrites and key
// messages she clears (which removes their row) are kept in text_history
// with her name and the time of the save; saving unchanged texts again
// logs nothing.
func TestOverwrittenTextsStayInHistory(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	ein := store.YearText{ReportYear: 2024, Kind: store.TextCommentary, Code: "A-K1", Text: "Die Quote steigt seit 2019."}
	key := store.YearText{ReportYear: 2024, Kind: store.TextKeyMessages, Text: "– Mehr Kinder in Kitas\n– Weniger Arbeitslose"}
	mustSucceed(t, s.SaveTexts(ctx, []store.YearText{ein, key}, nil))
	mustSucceed(t, s.SaveTexts(ctx, []store.YearText{ein, key}, nil)) // unchanged: nothing to log
	ein2 := ein
	ein2.Text = "Die Quote steigt seit 2019, 2024 langsamer."
	mustSucceed(t, s.SaveYearText(ctx, ein2))
	key.Text = "   "
	mustSucceed(t, s.SaveYearText(ctx, key))
	mustSucceed(t, s.SaveCatalogNote(ctx, store.CatalogNote{Code: "A-K1", Field: store.NoteRemarks, Text: "Neue Anmerkung"}))
	mustSucceed(t, s.ResetCatalogNote(ctx, "A-K1", store.NoteRemarks))
	got, err := s.ReportTexts(ctx, 2024)
	mustSucceed(t, err)
	if got.Own.KeyMessages != "" || got.Own.Commentary["A-K1"] != ein2.Text {
		t.Fatalf("own texts after saves: %+v", got.Own)
	}
	mustSucceed(t, s.Close())

	at := mustCreateNow().Format("2006-01-02T15:04:05Z")
	y := sql.NullInt64{Int64: 2024, Valid: true}
	want := []textChange{
		{at, "test", store.TextOriginInput, "neu", "einordnung", y, "A-K1", "", sql.NullString{}, ns(ein.Text)},
		{at, "test", store.TextOriginInput, "neu", "kernaussagen", y, "", "", sql.NullString{}, ns("– Mehr Kinder in Kitas\n– Weniger Arbeitslose")},
		{at, "test", store.TextOriginInput, "geaendert", "einordnung", y, "A-K1", "", ns(ein.Text), ns(ein2.Text)},
		{at, "test", store.TextOriginInput, "geloescht", "kernaussagen", y, "", "", ns("– Mehr Kinder in Kitas\n– Weniger Arbeitslose"), sql.NullString{}},
		{at, "test", store.TextOriginInput, "neu", "katalog", sql.NullInt64{}, "A-K1", "anmerkungen", sql.NullString{}, ns("Neue Anmerkung")},
		{at, "test", store.TextOriginInput, "geloescht", "katalog", sql.NullInt64{}, "A-K1", "anmerkungen", ns("Neue Anmerkung"), sql.NullString{}},
	}
	if h := readTextHistory(t, path, ""); !reflect.DeepEqual(h, want) {
		t.Errorf("Texthistorie:\n got %+v\nwant %+v", h, want)
	}
}

// TestPlainSQLTextEditIsLogged: a change made with another SQLite tool is
// logged by the triggers as "extern", also in the older text tables.
func TestPlainSQLTextEditIsLogged(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	mustSucceed(t, s.SaveYearText(ctx, store.YearText{ReportYear: 2024, Kind: store.TextCommentary, Code: "A-K1", Text: "Erste Fassung"}))
	mustSucceed(t, s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "B-W3", ReportYear: 2024, Text: "Bericht 2024"}))
	mustSucceed(t, s.SaveReportSettings(ctx, store.ReportSettings{ReportYear: 2024, Title: "Monitoring 2024", Foreword: "Vorwort"}))
	mustSucceed(t, s.Close())
	editPlain(t, path,
		`UPDATE report_text SET text = 'Aus der Shell' WHERE kind = 'einordnung'`,
		`UPDATE indicator_text SET text = 'Bericht 2024, geändert'`,
		`DELETE FROM report_setting`)

	h := readTextHistory(t, path, `WHERE "Herkunft" = 'extern'`)
	var got []string
	for _, c := range h {
		if c.By != "extern" {
			t.Errorf("extern change by %q", c.By)
		}
		got = append(got, c.Action+" "+c.Kind+" "+c.Code+" "+c.Part+": "+c.Old.String+" → "+c.New.String)
	}
	want := []string{
		"geaendert einordnung A-K1 : Erste Fassung → Aus der Shell",
		"geaendert wirkungsindikator B-W3 : Bericht 2024 → Bericht 2024, geändert",
		"geloescht bericht  titel: Monitoring 2024 → ",
		"geloescht bericht  vorwort: Vorwort → ",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("extern changes:\n got %q\nwant %q", got, want)
	}
	// The file with the logged changes still opens: the history is part of
	// the program's schema, not a foreign object.
	s2, err := store.Open(ctx, path)
	mustSucceed(t, err)
	defer s2.Close()
	if s2.ReadOnlyReason() != nil {
		t.Errorf("read-only after plain edit: %v", s2.ReadOnlyReason())
	}
}

// TestOlderTextTablesKeepHistory: instruments, survey counts and the
// Stellungnahme log only what changed, with the old value.
func TestOlderTextTablesKeepHistory(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	list := []store.Instrument{{Name: "Sprachcafé", Provider: "VHS", Count: ptrInt(3)}, {Name: "Lotsenprojekt"}}
	mustSucceed(t, s.SaveInstruments(ctx, "B-W3", 2024, list))
	mustSucceed(t, s.SaveInstruments(ctx, "B-W3", 2024, list)) // unchanged
	mustSucceed(t, s.SaveInstruments(ctx, "B-W3", 2024, list[1:]))
	survey := store.SurveyResult{ReportYear: 2024, Counts: [3][5]int{{4, 2}}}
	mustSucceed(t, s.SaveSurvey(ctx, survey))
	survey.Counts[0][1] = 5
	mustSucceed(t, s.SaveSurvey(ctx, survey))
	mustSucceed(t, s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2024, Persons: ptrFloat(30000), Statement: "Schätzung"}))
	mustSucceed(t, s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2024, Persons: ptrFloat(31000), Statement: "Schätzung"}))
	if in, err := s.Instruments(ctx, "B-W3", 2024); err != nil || len(in) != 1 || in[0].Name != "Lotsenprojekt" {
		t.Fatalf("instruments after saves: %+v, %v", in, err)
	}
	mustSucceed(t, s.Close())

	var got []string
	for _, c := range readTextHistory(t, path, `WHERE "Aktion" <> 'neu'`) {
		got = append(got, c.Action+" "+c.Kind+" "+c.Part+": "+c.Old.String+" → "+c.New.String)
	}
	want := []string{
		"geaendert instrument Nr. 1: Sprachcafé | VHS | 3 |  → Lotsenprojekt |  |  | ",
		"geloescht instrument Nr. 2: Lotsenprojekt |  |  |  → ",
		"geaendert befragung Frage 1, Kategorie 2: 2 → 5",
		"geaendert stellungnahme personen: 30000.0 → 31000.0",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changes:\n got %q\nwant %q", got, want)
	}
	if n := len(readTextHistory(t, path, `WHERE "Art" = 'befragung' AND "Aktion" = 'neu'`)); n != 18 {
		t.Errorf("%d new survey counts logged, want 18", n)
	}
	if h := readTextHistory(t, path, `WHERE "Art" = 'instrument' AND "Aktion" = 'neu'`); len(h) != 2 || !strings.HasPrefix(h[0].New.String, "Sprachcafé") {
		t.Errorf("new instruments logged: %+v", h)
	}
}
