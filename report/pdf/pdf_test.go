package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// demoReport renders the demo report once for all tests that only read it.
var demoReport = sync.OnceValues(func() (string, error) {
	var buf bytes.Buffer
	cat, err := store.ParseCatalog(catalogBytes())
	if err != nil {
		return "", err
	}
	snap, err := pdfSnapshotErr(cat, 2011)
	if err != nil {
		return "", err
	}
	if _, err := pdf.Write(&buf, evalOf(snap, true), pdfTexts(), pdfOptions()); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "bericht")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "bericht.pdf")
	return path, os.WriteFile(path, buf.Bytes(), 0o644)
})

func reportPath(t *testing.T) string {
	t.Helper()
	path, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(testtool.Need(t, name)[0], args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pageTexts are the pages of the PDF as pdftotext reads them.
func pageTexts(t *testing.T, path string, layout bool) []string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	out := run(t, "pdftotext", append(args, path, "-")...)
	pages := strings.Split(out, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// squeeze removes whitespace and the hyphens of words broken at a line
// end, so that text compares however pdftotext broke its lines.
func squeeze(s string) string {
	s = regexp.MustCompile(`-\s*\n\s*`).ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestWritePDFContainsEveryKeyFigureAndIndicator(t *testing.T) {
	all := squeeze(strings.Join(pageTexts(t, reportPath(t), false), "\n"))
	cat := pdfCatalog(t)
	var want []string
	for _, f := range cat.Fields {
		for _, k := range f.KeyFigures {
			want = append(want, k.Statement)
		}
		for _, w := range f.Indicators {
			want = append(want, w.Title)
		}
	}
	want = append(want, "Übersicht der Kennzahlen", "Zuständigkeiten", "Zeichenerklärung",
		"2.500 €", "85 %", "Schule–Beruf", "Äußerst gefragt", "Stand: 01.03.2026",
		"Integrationsmonitoring — Monitoring-Bericht 2025", "Für dieses Berichtsjahr liegt noch kein Bericht vor.",
		"Anzahl der Instrumente: 3", "33.400 Personen", "88,6 %")
	for _, s := range want {
		if !strings.Contains(all, squeeze(s)) {
			t.Errorf("the report text lacks %q", s)
		}
	}
}

func TestWritePDFEmbedsAllFonts(t *testing.T) {
	out := run(t, "pdffonts", reportPath(t))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object ID: emb is the fifth
		// field from the end.
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

func TestWritePDFPassesQpdfCheck(t *testing.T) {
	out := run(t, "qpdf", "--check", reportPath(t))
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestWritePDFMetadata(t *testing.T) {
	path := reportPath(t)
	info := run(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           Integrationsmonitoring — Monitoring-Bericht 2025",
		"Author:          Stabsstelle soziale Stadtentwicklung",
		"Subject:         Integrationsmonitoring der Stadt Bergisch Gladbach, Berichtsjahr 2025",
		"Creator:         Integrationsmonitor",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("/Lang (de-DE)")) {
		t.Error("the catalogue has no /Lang (de-DE)")
	}
	if !bytes.Contains(data, []byte("/CreationDate (D:20260301000000)")) {
		t.Error("the creation date is not the Stand of the options")
	}
}

// tocEntry is a line of the table of contents as printed.
type tocEntry struct {
	title string
	page  int
}

var (
	tocStart = regexp.MustCompile(`^\s*(\d+(?:\.\d+)?)\s{2,}(.*)$`)
	tocEnd   = regexp.MustCompile(`^(.*?)\s{2,}(\d+)$`)
)

// readTOC parses the contents pages; it stops after the last entry, the
// Zeichenerklärung.
func readTOC(t *testing.T, pages []string) (entries []tocEntry, lastTOCPage int) {
	t.Helper()
	var cur []string
	for i := 1; i < len(pages); i++ {
		for _, line := range strings.Split(pages[i], "\n") {
			line = strings.TrimRight(line, " ")
			if m := tocStart.FindStringSubmatch(line); m != nil && cur == nil {
				cur = []string{m[1], m[2]}
				line = ""
			} else if cur != nil {
				cur = append(cur, strings.TrimSpace(line))
			}
			if cur == nil {
				continue
			}
			joined := strings.TrimSpace(strings.Join(cur, " "))
			if m := tocEnd.FindStringSubmatch(joined); m != nil {
				n, _ := strconv.Atoi(m[2])
				entries = append(entries, tocEntry{title: m[1], page: n})
				cur = nil
				if strings.HasSuffix(m[1], "Zeichenerklärung") {
					return entries, i + 1
				}
			}
		}
	}
	t.Fatalf("no complete table of contents found; read %d entries", len(entries))
	return nil, 0
}

func TestWritePDFTableOfContentsMatchesHeadings(t *testing.T) {
	pages := pageTexts(t, reportPath(t), true)
	entries, lastTOC := readTOC(t, pages)
	outline := 0
	for _, f := range pdfCatalog(t).Fields {
		outline += 2 + len(f.KeyFigures) + len(f.Indicators)
	}
	if want := outline + 3 + 5; len(entries) != want {
		t.Errorf("%d contents entries, want %d", len(entries), want)
	}
	for _, e := range entries {
		heading := squeeze(e.title)
		found := 0
		for p := lastTOC + 1; p <= len(pages); p++ {
			if strings.Contains(squeeze(pages[p-1]), heading) {
				found = p
				break
			}
		}
		if found != e.page {
			t.Errorf("%q: contents say page %d, the heading is on page %d", e.title, e.page, found)
		}
	}
}

func TestWritePDFFootersAndDemoStampOnEveryPage(t *testing.T) {
	pages := pageTexts(t, reportPath(t), false)
	if len(pages) < 30 {
		t.Fatalf("only %d pages", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "Beispieldaten – keine echten Zahlen") {
			t.Errorf("page %d lacks the demo stamp", i+1)
		}
		if footer := fmt.Sprintf("Seite %d von %d", i+1, len(pages)); i > 0 && !strings.Contains(p, footer) {
			t.Errorf("page %d lacks %q", i+1, footer)
		}
	}
}

// TestWritePDFSuppressesSmallCounts looks up the count of reached parents
// at the Grundschulen, set to 2 in the fixture: it must print as ".",
// and so must the rate it enters (issue 13: rate × families / 100 gave
// the 2 back; this test pinned the rate as shown before).
func TestWritePDFSuppressesSmallCounts(t *testing.T) {
	text := strings.Join(pageTexts(t, reportPath(t), true), "\n")
	at := strings.Index(text, "Erreichte Eltern")
	if at < 0 {
		t.Fatal("no table of reached parents")
	}
	var cells []string
	for _, line := range strings.Split(text[at:], "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "Grundschulen (alle)") {
			cells = regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(line), -1)
			break
		}
	}
	if len(cells) != 5 {
		t.Fatalf("row of the Grundschulen: %q, want 5 cells", cells)
	}
	if cells[2] != "." {
		t.Errorf("reached parents at the Grundschulen print as %q, want \".\"", cells[2])
	}
	if cells[3] != "." {
		t.Errorf("the rate per 100 families prints as %q; with the families printed it gives the count back", cells[3])
	}
}

func TestWritePDFIsDeterministic(t *testing.T) {
	first, _ := pdfRender(t, pdfOptions())
	for range 2 {
		again, _ := pdfRender(t, pdfOptions())
		if !bytes.Equal(first, again) {
			t.Fatal("two renderings of the same data differ")
		}
	}
	later := pdfOptions()
	later.Created = later.Created.AddDate(0, 0, 1)
	other, _ := pdfRender(t, later)
	if bytes.Equal(first, other) {
		t.Error("another Stand gives the same bytes: the date is not in the file")
	}
}

// A file of real figures carries no demo stamp; the evaluation marks a
// report as Beispieldaten when the file or any value is (the demo values
// here are relabelled as real).
func TestWritePDFWithoutDemoHasNoStamp(t *testing.T) {
	snap := pdfSnapshot(t, pdfCatalog(t), 2011)
	for i := range snap.Values {
		snap.Values[i].Demo = false
	}
	var buf bytes.Buffer
	if _, err := pdf.Write(&buf, evalOf(snap, false), pdfTexts(), pdfOptions()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "echt.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, p := range pageTexts(t, path, false) {
		if strings.Contains(p, "keine echten Zahlen") {
			t.Errorf("page %d carries the demo stamp although Demo is off", i+1)
		}
	}
}

// TestWritePDFWithoutData is a new file: no values, no texts. Every
// section still appears, saying that nothing is there yet.
func TestWritePDFWithoutData(t *testing.T) {
	snap := &store.Snapshot{Catalog: pdfCatalog(t), ReportYear: pdfYear}
	texts := &store.ReportTexts{ReportYear: pdfYear, Texts: map[string]store.IndicatorText{
		// What users paste: an emoji, a tab, a carriage return.
		"A-W1": {Text: "Gut besucht 👍\tund\r\nvoll"},
	}}
	var buf bytes.Buffer
	pages, err := pdf.Write(&buf, report.Evaluate(report.Input{Snapshot: snap, Texts: texts, Year: pdfYear}), texts, pdf.Options{Fonts: pdfFonts()})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Errorf("%d pages for the empty catalogue", pages)
	}
	path := filepath.Join(t.TempDir(), "leer.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pageTxt := pageTexts(t, path, false)
	all := strings.Join(pageTxt, "\n")
	// Issue 14: a short block instead of an empty chart, no Stand date
	// when nothing was entered.
	for _, want := range []string{"Noch keine Werte", "Gut besucht ? und", "Stand: noch keine Werte erfasst"} {
		if !strings.Contains(all, want) {
			t.Errorf("the empty report lacks %q", want)
		}
	}
	if strings.Contains(all, "Stand: 01.01.2026") {
		t.Error("the empty report carries a Stand date although nothing was entered")
	}
	if !strings.Contains(pageTxt[0], "Entwurf") || !strings.Contains(pageTxt[0], "fehlt noch") {
		t.Errorf("the empty report's title page does not say Entwurf:\n%s", pageTxt[0])
	}
}

// A report from today's values for a frozen year says so on every page,
// beside the demo stamp.
func TestWritePDFDeviationOnEveryPage(t *testing.T) {
	opt := pdfOptions()
	opt.Deviation = "Abweichend vom festgeschriebenen Bericht 2025"
	data, pages := pdfRender(t, opt)
	path := filepath.Join(t.TempDir(), "abweichend.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	texts := pageTexts(t, path, false)
	if len(texts) != pages {
		t.Fatalf("%d page texts for %d pages", len(texts), pages)
	}
	for i, p := range texts {
		if !strings.Contains(p, opt.Deviation) || !strings.Contains(p, "keine echten Zahlen") {
			t.Errorf("page %d lacks the deviation or the demo stamp", i+1)
		}
	}
}
