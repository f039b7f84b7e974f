package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/export"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// hauptschuleSnapshot holds the reviewer's case of issue 13: 2 of 60
// foreign fifth-graders at the Hauptschule in the latest school year
// (B-K2), hidden as a small count, so that the share 3,3 % and every
// change to it must be hidden too. The Kreis has 2 of 600 (0,3 %) in the
// same year, which its comparison column must hide as well. The year
// before had 24, so that the plausibility check finds a jump to the
// hidden 2. A-W2's 2 of 127 managers sits beside it.
func hauptschuleSnapshot(tb testing.TB) *store.Snapshot {
	tb.Helper()
	v := func(bf, period, area, group string, n float64) store.Value {
		return store.Value{BaseFigure: bf, Period: store.Period(period), Area: area, Group: group, Number: n}
	}
	var values []store.Value
	years := []string{"2020/21", "2021/22", "2022/23", "2023/24", "2024/25"}
	hs := []float64{27, 26, 25, 24, 2}
	kreis := []float64{45, 44, 42, 40, 2}
	for i, y := range years {
		values = append(values,
			v("B-K2-G1", y, "stadt", "insgesamt", 1010),
			v("B-K2-G1", y, "stadt", "auslaender", 60),
			v("B-K2-G2", y, "stadt", "insgesamt", 90),
			v("B-K2-G2", y, "stadt", "auslaender", hs[i]),
			v("B-K2-G1", y, "kreis", "auslaender", 600),
			v("B-K2-G2", y, "kreis", "auslaender", kreis[i]),
		)
	}
	values = append(values,
		v("A-W2-G1", "2025", "verwaltung_fuehrung", "insgesamt", 127),
		v("A-W2-G1", "2025", "verwaltung_fuehrung", "mit_mh", 2),
		v("A-W2-G1", "2025", "verwaltung_sachbearbeitung", "insgesamt", 840),
		v("A-W2-G1", "2025", "verwaltung_sachbearbeitung", "mit_mh", 151),
		v("BEV", "2025-12-31", "stadt", "insgesamt", 111000),
		v("BEV", "2025-12-31", "stadt", "mit_mh", 33300),
	)
	return &store.Snapshot{Catalog: pdfCatalog(tb), ReportYear: pdfYear, Values: values}
}

// leakPatterns are the numbers that give a hidden count back: the shares
// 2 / 60 (3,3 %), 2 / 600 at the Kreis (0,3 %), 2 / 127 (1,6 %), the
// changes to the hidden share (−36,7 Pp. from 40,0 %, −41,7 Pp. from the
// base), and the complement 125.
var leakPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(^|[^0-9,])3,3([^0-9]|$)`),
	regexp.MustCompile(`(^|[^0-9,])0,3[\s\x{a0}]*%`),
	regexp.MustCompile(`(^|[^0-9,])1,6([^0-9]|$)`),
	regexp.MustCompile(`36,7`),
	regexp.MustCompile(`41,7[\s\x{a0}]*Pp`),
	regexp.MustCompile(`(^|[^0-9.,])125([^0-9]|$)`),
	regexp.MustCompile(`(^|[^0-9.,])2 ist (weniger|mehr)`),
}

func assertNoLeak(t *testing.T, what, text string) {
	t.Helper()
	for _, re := range leakPatterns {
		if loc := re.FindStringIndex(text); loc != nil {
			from, to := max(0, loc[0]-80), min(len(text), loc[1]+80)
			t.Errorf("%s gives a hidden count back (%s): …%s…", what, re, text[from:to])
		}
	}
}

// TestPublishedOutputsDoNotGiveBackHiddenCounts writes every published
// output of a file with hidden counts (PDF with annex, Übersicht, key
// messages, the HTML edition's tables, default CSV and XLSX) and looks
// for the hidden counts and every number derived from them.
func TestPublishedOutputsDoNotGiveBackHiddenCounts(t *testing.T) {
	e := report.Evaluate(report.Input{Snapshot: hauptschuleSnapshot(t), Year: pdfYear})
	kr, ok := e.KeyFigure("B-K2")
	if !ok || !kr.HasLatest || kr.Latest.Period != "2024/25" || !kr.Latest.Suppressed {
		t.Fatalf("B-K2's latest point is not the hidden 2024/25: %+v", kr.Latest)
	}
	// The window is internal and keeps the value.
	if p := kr.Result.Series[0].Points; len(p) == 0 || report.PointText(p[len(p)-1], "%") != "3,3\u00a0%" {
		t.Errorf("the window lost the internal value: %+v", p)
	}

	path := filepath.Join(t.TempDir(), "bericht.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.Write(f, e, &store.ReportTexts{ReportYear: pdfYear}, pdfOptions()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	text := testtool.PDFText(t, path)
	if os.Getenv("LEAKS_DUMP") != "" {
		_ = os.WriteFile(os.Getenv("LEAKS_DUMP"), []byte(text), 0o644)
	}
	assertNoLeak(t, "the PDF", text)
	if !strings.Contains(text, "Plausibilitätshinweise") {
		t.Error("the PDF has no plausibility annex; the jump to the hidden 2 is not tested")
	}
	// The hidden 2 in its cells: no table line of 2024/25 holds a lone 2.
	lone2 := regexp.MustCompile(`(^|\s)2(\s|$)`)
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "2024/25") && lone2.MatchString(strings.ReplaceAll(line, "2024/25", "")) {
			t.Errorf("the PDF prints the hidden 2: %q", line)
		}
	}

	var rows strings.Builder
	for _, r := range e.Overview {
		rows.WriteString(strings.Join([]string{r.Code, r.Latest, r.LatestPeriod, r.Reference, r.Change, r.ChangeSince, r.ChangePrev, r.ChangePrevSince, r.Assessment}, " | ") + "\n")
	}
	assertNoLeak(t, "the Übersicht", rows.String())
	assertNoLeak(t, "the key messages", strings.Join(e.KeyMessages, "\n"))
	assertNoLeak(t, "the drafted key messages", strings.Join(e.KeyMessagesDraft, "\n"))
	for _, fd := range e.Findings {
		assertNoLeak(t, "a published finding", e.PublishedFindingText(fd))
	}

	var tables strings.Builder
	for _, fl := range e.Catalog.Fields {
		for _, k := range fl.KeyFigures {
			values, _, base, details := pdf.KeyFigureTables(e, k)
			for _, tb := range append([]pdf.Table{values, details}, base...) {
				for _, r := range tb.Rows {
					tables.WriteString(strings.Join(r.Cells, " | ") + "\n")
				}
				tables.WriteString(tb.Note + "\n")
			}
		}
	}
	assertNoLeak(t, "the HTML edition's tables", tables.String())

	var csv bytes.Buffer
	if err := export.WriteCSV(&csv, e); err != nil {
		t.Fatal(err)
	}
	var kcsv bytes.Buffer
	if err := export.WriteKeyFiguresCSV(&kcsv, e); err != nil {
		t.Fatal(err)
	}
	assertNoLeak(t, "the CSV export", csv.String()+kcsv.String())
	if strings.Contains(csv.String(), ";2;") || strings.Contains(kcsv.String(), ";3,3") {
		t.Error("the CSV export holds a hidden count")
	}

	var xb bytes.Buffer
	if err := export.WriteXLSX(&xb, e); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&xb)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var cells strings.Builder
	for _, sheet := range x.GetSheetList() {
		rs, _ := x.GetRows(sheet)
		for _, r := range rs {
			cells.WriteString(strings.Join(r, " | ") + "\n")
			if len(r) > 7 && strings.Contains(strings.Join(r, " "), "2024/25") && strings.Contains(strings.Join(r, " "), "Ausländer") && r[7] == "2" {
				t.Errorf("the XLSX export holds the hidden 2: %q", r)
			}
		}
	}
	assertNoLeak(t, "the XLSX export", cells.String())
}
