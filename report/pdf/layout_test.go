package pdf_test

import (
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// mm is a millimetre in PDF points.
const mm = 72 / 25.4

// bodyBand is the page body (25 mm below the top edge to 20 mm above the
// bottom edge of A4), in points from the top, as PageFill takes it.
var bodyBand = [2]float64{25 * mm, (297 - 20) * mm}

// subheadings are the headings of the report outside the table of
// contents.
var subheadings = []string{"Methodische Hinweise", "Einordnung", "Annahmen", "Ziele nach Rang", "Bericht 2025",
	"Hinweise zu den Wirkungsindikatoren", "Noch fehlende Datenlieferungen für 2025"}

func TestWritePDFPagesAreWellFilled(t *testing.T) {
	path := reportPath(t)
	fills := testtool.PageFill(t, path, bodyBand[0], bodyBand[1])
	pages := pageTexts(t, path, false)
	if len(fills) != len(pages) {
		t.Fatalf("%d fills for %d pages", len(fills), len(pages))
	}
	var under []int
	for i, f := range fills[1:] { // the title page is laid out on its own
		if f < 0.5 {
			under = append(under, i+2)
		}
	}
	if len(under) > 4 {
		t.Errorf("%d of %d pages under half full (pages %v), want at most 4", len(under), len(pages), under)
	}
	t.Logf("%d pages, under half full: %v", len(pages), under)
}

func TestWritePDFNoPageEndsWithAHeading(t *testing.T) {
	pages := pageTexts(t, reportPath(t), true)
	entries, lastTOC := readTOC(t, pages)
	headings := slicesClone(subheadings)
	for _, e := range entries {
		headings = append(headings, e.title)
	}
	plain := pageTexts(t, reportPath(t), false)
	for p := lastTOC + 1; p <= len(plain); p++ {
		body := squeeze(pageBody(plain[p-1]))
		if body == "" {
			t.Errorf("page %d is empty", p)
			continue
		}
		for _, h := range headings {
			if strings.HasSuffix(body, squeeze(h)) {
				t.Errorf("page %d ends with the heading %q", p, h)
			}
		}
	}
}

// pageBody is a page's text without its running footer.
func pageBody(page string) string {
	var keep []string
	for _, line := range strings.Split(page, "\n") {
		l := strings.TrimSpace(line)
		if l == "Stadt Bergisch Gladbach · Integrationsmonitoring" || strings.HasPrefix(l, "Seite ") && strings.Contains(l, " von ") {
			continue
		}
		keep = append(keep, line)
	}
	return strings.Join(keep, "\n")
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }
