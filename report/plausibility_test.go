package report_test

import (
	"slices"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

func findingTexts(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Line())
	}
	return out
}

// hasFinding reports whether fs has a finding of rule at bf, period and
// group whose text contains text.
func hasFinding(fs []report.Finding, rule report.Rule, bf, period, group, text string) bool {
	return slices.ContainsFunc(fs, func(f report.Finding) bool {
		return f.Rule == rule && f.BaseFigure == bf && string(f.Period) == period && f.Group == group && strings.Contains(f.Text, text)
	})
}

func TestPlausibilityPartLargerThanWhole(t *testing.T) {
	cat := realCatalog(t)
	snap := &store.Snapshot{Catalog: cat, Values: []store.Value{
		val("A-K1-G1", "2024-H1", "insgesamt", 5500),
		val("A-K1-G1", "2024-H1", "auslaender", 5612),
		val("A-K1-G1", "2024-H1", "deutsche", 300),
	}}
	fs := report.CheckPlausibility(snap, 0)
	if len(fs) != 1 {
		t.Fatalf("findings = %q, want one", findingTexts(fs))
	}
	f := fs[0]
	if f.Rule != report.RulePartWhole || f.KeyFigure != "A-K1" || f.BaseFigure != "A-K1-G1" || f.PeriodLabel() != "1. Halbjahr 2024" ||
		f.GroupName != "Ausländer/innen" || f.AreaName == "" || f.Text != "Ausländer/innen (5.612) größer als Insgesamt (5.500)" {
		t.Errorf("finding = %+v", f)
	}
	if !strings.Contains(f.Line(), "A-K1 · Arbeitslose (A-K1-G1) · 1. Halbjahr 2024 ·") {
		t.Errorf("line = %q", f.Line())
	}
}

func TestPlausibilityShareFromFormula(t *testing.T) {
	cat := realCatalog(t)
	// B-K1: "G2.auslaender / G1.auslaender * 100" – more foreign pupils at
	// Gymnasien than in all 5th classes. A-K3 "G1 / G2" (Stellen je
	// Bewerber/in) is a ratio, not a share, and may exceed 1.
	snap := &store.Snapshot{Catalog: cat, Values: []store.Value{
		val("B-K1-G1", "2024/25", "auslaender", 60),
		val("B-K1-G2", "2024/25", "auslaender", 80),
		val("B-K1-G1", "2024/25", "insgesamt", 900),
		val("B-K1-G2", "2024/25", "insgesamt", 400),
		{BaseFigure: "A-K3-G1", Period: "2024", Area: "agentur", Group: "insgesamt", Number: 3900},
		{BaseFigure: "A-K3-G2", Period: "2024", Area: "agentur", Group: "insgesamt", Number: 3800},
		// C-K4: more voters than people entitled to vote.
		val("C-K4-G1", "2020", "insgesamt", 1000),
		val("C-K4-G2", "2020", "insgesamt", 1001),
	}}
	fs := report.CheckPlausibility(snap, 0)
	if len(fs) != 2 {
		t.Fatalf("findings = %q, want two", findingTexts(fs))
	}
	if !hasFinding(fs, report.RuleShare, "B-K1-G2", "2024/25", "auslaender", "(80) größer als Schüler/innen in allen 5. Klassen, Ausländer/innen (60)") ||
		fs[0].KeyFigure != "B-K1" {
		t.Errorf("findings = %q", findingTexts(fs))
	}
	if !hasFinding(fs, report.RuleShare, "C-K4-G2", "2020", "insgesamt", "(1.001) größer als Wahlberechtigte zur Integrationsratswahl, Insgesamt (1.000)") {
		t.Errorf("findings = %q", findingTexts(fs))
	}
}

func TestPlausibilityCountsAndShares(t *testing.T) {
	cat := realCatalog(t)
	snap := &store.Snapshot{Catalog: cat, Values: []store.Value{
		val("C-K2-G1", "2024", "insgesamt", 12.5),
		val("C-K2-G1", "2023", "insgesamt", -2),
		// Symbols are not numbers and never findings.
		sym("C-K2-G1", "2022", "insgesamt", store.SymUnknown),
		sym("C-K2-G1", "2021", "insgesamt", store.SymNothing),
	}}
	fs := report.CheckPlausibility(snap, 0)
	if len(fs) != 2 || !hasFinding(fs, report.RuleWholeNumber, "C-K2-G1", "2024", "insgesamt", "nicht 12,5") ||
		!hasFinding(fs, report.RuleNegative, "C-K2-G1", "2023", "insgesamt", "(−2)") {
		t.Errorf("findings = %q", findingTexts(fs))
	}
	pct := &store.Catalog{Groups: cat.Groups, Areas: cat.Areas, BaseFigures: []store.BaseFigure{
		{Code: "Q", Alias: "Q", Name: "Quote", Unit: "%", PeriodKind: store.YearPeriod, Groups: []string{"insgesamt"}},
	}}
	fs = report.CheckPlausibility(&store.Snapshot{Catalog: pct, Values: []store.Value{val("Q", "2024", "insgesamt", 100.5), val("Q", "2023", "insgesamt", 100)}}, 0)
	if len(fs) != 1 || !hasFinding(fs, report.RulePercent, "Q", "2024", "insgesamt", "100,5") {
		t.Errorf("findings = %q", findingTexts(fs))
	}
}

func TestPlausibilityChangeToLikePeriod(t *testing.T) {
	cat := realCatalog(t)
	values := []store.Value{
		// A-K1 has a season: the first half-years are compared with each
		// other, not 2024-H1 with 2023-H2.
		val("A-K1-G1", "2023-H1", "insgesamt", 3000),
		val("A-K1-G1", "2023-H2", "insgesamt", 900),
		val("A-K1-G1", "2024-H1", "insgesamt", 2800),
		val("A-K1-G1", "2024-H2", "insgesamt", 8100),
		// Small counts move by large factors by nature.
		val("C-K2-G1", "2023", "insgesamt", 4),
		val("C-K2-G1", "2024", "insgesamt", 13),
	}
	fs := report.CheckPlausibility(&store.Snapshot{Catalog: cat, Values: values}, 0)
	if len(fs) != 1 || !hasFinding(fs, report.RuleChange, "A-K1-G1", "2024-H2", "insgesamt",
		"8.100 ist mehr als das Dreifache des Werts im 2. Halbjahr 2023 (900).") {
		t.Errorf("findings = %q", findingTexts(fs))
	}
	// A factor of 10 (store.Settings.ChangeFactor) lets it pass.
	if fs := report.CheckPlausibility(&store.Snapshot{Catalog: cat, Values: values}, 10); len(fs) != 0 {
		t.Errorf("factor 10: findings = %q", findingTexts(fs))
	}
}

// The example: "12,5" typed for about 5.500 foreign unemployed.
func TestPlausibilityCandidate(t *testing.T) {
	cat := realCatalog(t)
	snap := &store.Snapshot{Catalog: cat, Values: []store.Value{
		val("A-K1-G1", "2023-H1", "auslaender", 5480),
		val("A-K1-G1", "2023-H1", "insgesamt", 9000),
		val("A-K1-G1", "2024-H1", "insgesamt", 9100),
		val("A-K1-G1", "2024-H1", "auslaender", 5500),
		val("A-K1-G1", "2024-H2", "auslaender", 5400),
	}}
	if fs := report.CheckPlausibility(snap, 0); len(fs) != 0 {
		t.Fatalf("stored values: findings = %q", findingTexts(fs))
	}
	cand := val("A-K1-G1", "2024-H1", "auslaender", 12.5)
	fs := report.CheckCandidates(snap, []store.Value{cand}, 0)
	if len(fs) != 2 || !hasFinding(fs, report.RuleWholeNumber, "A-K1-G1", "2024-H1", "auslaender", "12,5") ||
		!hasFinding(fs, report.RuleChange, "A-K1-G1", "2024-H1", "auslaender", "12,5 ist weniger als ein Drittel des Werts im 1. Halbjahr 2023 (5.480).") {
		t.Errorf("findings = %q", findingTexts(fs))
	}
	// A candidate whole smaller than a stored part is its finding too,
	// and so is a later value it makes jump.
	whole := val("A-K1-G1", "2024-H1", "insgesamt", 5000)
	fs = report.CheckCandidates(snap, []store.Value{whole}, 0)
	if len(fs) != 1 || !hasFinding(fs, report.RulePartWhole, "A-K1-G1", "2024-H1", "auslaender", "(5.500) größer als Insgesamt (5.000)") {
		t.Errorf("whole: findings = %q", findingTexts(fs))
	}
	early := val("A-K1-G1", "2022-H2", "auslaender", 100)
	fs = report.CheckCandidates(snap, []store.Value{early}, 0)
	if len(fs) != 1 || !hasFinding(fs, report.RuleChange, "A-K1-G1", "2024-H2", "auslaender", "2. Halbjahr 2022 (100)") {
		t.Errorf("early: findings = %q", findingTexts(fs))
	}
	// A sound value has none; a symbol never.
	if fs := report.CheckCandidates(snap, []store.Value{val("A-K1-G1", "2024-H1", "auslaender", 5490), sym("A-K1-G1", "2024-H2", "auslaender", store.SymLater)}, 0); len(fs) != 0 {
		t.Errorf("sound: findings = %q", findingTexts(fs))
	}
}

func TestPlausibilityDemoFile(t *testing.T) {
	cat := realCatalog(t)
	fs := report.CheckPlausibility(&store.Snapshot{Catalog: cat, Values: demo.Values(cat, 2011, 2025)}, 0)
	// The demo file looks like real series: nothing to question.
	if len(fs) != 0 {
		t.Errorf("findings = %q", findingTexts(fs))
	}
}

func BenchmarkCheckPlausibilityDemo(b *testing.B) {
	cat := realCatalog(b)
	snap := &store.Snapshot{Catalog: cat, Values: demo.Values(cat, 2011, 2025)}
	b.ReportMetric(float64(len(snap.Values)), "values")
	for b.Loop() {
		report.CheckPlausibility(snap, 0)
	}
}
