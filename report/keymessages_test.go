package report_test

import (
	"regexp"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

func demoEvaluation(t *testing.T, texts *store.ReportTexts, withValues bool) *report.Evaluation {
	t.Helper()
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	snap := &store.Snapshot{Catalog: cat, ReportYear: 2025}
	if withValues {
		snap.Values = demo.Values(cat, 2011, 2025)
	}
	return report.Evaluate(report.Input{Snapshot: snap, Texts: texts, Year: 2025, Demo: true})
}

// The draft names developments with their numbers and periods, three to
// six messages; her own messages replace it.
func TestKeyMessagesDraftAndOwn(t *testing.T) {
	e := demoEvaluation(t, nil, true)
	if n := len(e.KeyMessages); n < 3 || n > 6 || e.KeyMessagesOwn {
		t.Fatalf("%d drafted messages (own %v): %q", n, e.KeyMessagesOwn, e.KeyMessages)
	}
	numbered := regexp.MustCompile(`\(Kennzahl [ABC]-K\d\) ist von [\d.,]+.* \((\d\. Halbjahr )?(Schuljahr )?\d{4}(/\d\d)?\) auf .* (gestiegen|gesunken)`)
	hits := 0
	for _, m := range e.KeyMessages {
		if numbered.MatchString(m) {
			hits++
		}
	}
	if hits < 2 {
		t.Errorf("fewer than two messages with numbers and periods: %q", e.KeyMessages)
	}
	own := demoEvaluation(t, &store.ReportTexts{Own: store.OwnTexts{KeyMessages: "- Eins\n\n• Zwei\n"}}, true)
	if !own.KeyMessagesOwn || strings.Join(own.KeyMessages, "|") != "Eins|Zwei" {
		t.Errorf("her messages: %q (own %v)", own.KeyMessages, own.KeyMessagesOwn)
	}
	if len(own.KeyMessagesDraft) != len(e.KeyMessages) {
		t.Error("the draft is lost when she has her own messages")
	}
}

// A file without values is a draft with every delivery missing and no
// Kennzahl with values; the demo file misses little.
func TestDraftMode(t *testing.T) {
	empty := demoEvaluation(t, nil, false)
	if !empty.Draft || len(empty.Missing) < 20 || len(empty.NoValues) != len(empty.KeyFigures) {
		t.Errorf("empty file: draft %v, %d missing, %d of %d without values", empty.Draft, len(empty.Missing), len(empty.NoValues), len(empty.KeyFigures))
	}
	if !strings.Contains(empty.KeyMessages[len(empty.KeyMessages)-1], "Entwurf") {
		t.Errorf("the last key message does not say Entwurf: %q", empty.KeyMessages)
	}
	full := demoEvaluation(t, nil, true)
	if len(full.NoValues) != 0 || len(full.Missing) >= len(empty.Missing) {
		t.Errorf("demo file: %d without values, %d missing", len(full.NoValues), len(full.Missing))
	}
}

// Time-bound sentences of the concept are not printed as current unless
// she keeps them; references into the concept name the report's chapter.
func TestCurrentNotes(t *testing.T) {
	e := demoEvaluation(t, nil, false)
	n := e.Note("A-K3", store.NoteRemarks)
	if strings.Contains(n.Text, "2012") || !strings.Contains(n.Original, "Voraussichtlich im Juni 2012") || !n.Changed() {
		t.Errorf("A-K3 Anmerkungen: %+v", n)
	}
	if st := e.Note("A-K5", store.NoteSurveyTime); st.Text != "Sommer" {
		t.Errorf("A-K5 Erhebungszeit %q", st.Text)
	}
	if m := e.Note("A-K5", store.NoteMigration); strings.Contains(m.Text, "Abschnitt 3.4") || !strings.Contains(m.Text, "Stellungnahme zum Migrationshintergrund") {
		t.Errorf("A-K5 Migrationshintergrund %q", m.Text)
	}
	if s := e.Note(report.NoteKeySources, store.NoteSources); strings.Contains(s.Text, "Ab 2013") || !strings.Contains(s.Text, "Landesdatenbank") {
		t.Errorf("sources %q", s.Text)
	}
	if w := e.Note("feld-B", store.NoteIndicators); strings.Contains(w.Text, "Workshopreihe") || !strings.Contains(w.Text, "Elternbefragung") {
		t.Errorf("B notes %q", w.Text)
	}
	kept := "Voraussichtlich im Juni 2012 werden ergänzende Daten vorliegen."
	e = demoEvaluation(t, &store.ReportTexts{Notes: map[string]string{store.NoteKey("A-K3", store.NoteRemarks): kept}}, false)
	if n := e.Note("A-K3", store.NoteRemarks); n.Text != kept || !n.Own {
		t.Errorf("her wording is not kept: %+v", n)
	}
}

// The table of a long half-yearly series shows the base and the last like
// half-years and says so.
func TestTableSpan(t *testing.T) {
	e := demoEvaluation(t, nil, true)
	kr, _ := e.KeyFigure("A-K1")
	periods, note := kr.TableSpan(2025)
	if len(periods) != report.TableRows || periods[0] != kr.Change.From.Period || !strings.Contains(note, "1. Halbjahr") {
		t.Errorf("A-K1 table: %v, %q", periods, note)
	}
	for _, p := range periods[1:] {
		if !strings.HasSuffix(string(p), "-H1") && p.Compare(kr.Latest.Period) < 0 {
			t.Errorf("unlike period %s", p)
		}
	}
	kr, _ = e.KeyFigure("C-K4")
	if periods, note := kr.TableSpan(2025); note != "" || len(periods) == 0 || len(periods) > report.TableRows {
		t.Errorf("C-K4 table: %v, %q", periods, note)
	}
}

// The Übersicht says what is measured, the reference and the change since
// the previous report year, and a shape for the Bewertung.
func TestOverviewExplainsItself(t *testing.T) {
	e := demoEvaluation(t, nil, true)
	o := e.Overview[0]
	if o.Measure != "Arbeitslosenindex: Ausländer/innen (in\u00a0%)" || !strings.Contains(o.Reference, "Deutsche") ||
		o.ChangePrev == report.NotComputable || !strings.HasPrefix(o.ChangePrevSince, "seit ") || o.Shape == "" {
		t.Errorf("A-K1 row: %+v", o)
	}
	states := e.IndicatorStates(&store.ReportTexts{Texts: map[string]store.IndicatorText{"A-W1": {Text: "x"}}})
	if len(states) == 0 || states[0].Code != "A-W1" || !states[0].Present {
		t.Errorf("indicator states: %+v", states)
	}
}

// A year before the concept is part of the Erhebungszeit's wording and
// stays ("Seit 2000 halbjährlich").
func TestCurrentNotesKeepOlderYears(t *testing.T) {
	e := demoEvaluation(t, nil, false)
	if n := e.Note("A-K1", store.NoteSurveyTime); n.Text != n.Original || n.Changed() {
		t.Errorf("A-K1 Erhebungszeit %+v", n)
	}
}

// A note without a time-bound sentence is printed as the concept has it,
// also when a sentence begins with a quotation mark.
func TestCurrentNotesUnchangedWithoutTimeBound(t *testing.T) {
	e := demoEvaluation(t, nil, false)
	for _, code := range []string{"A-K1", "A-K2", "B-K1", "C-K1"} {
		for _, f := range []string{store.NoteRemarks, store.NoteMigration, store.NoteMethod, store.NoteSurveyTime} {
			if n := e.Note(code, f); n.Changed() && len(n.Dropped) == 0 && !strings.Contains(n.Original, "Abschnitt") {
				t.Errorf("%s %s changed without reason:\n%q\n%q", code, f, n.Original, n.Text)
			}
		}
	}
}
