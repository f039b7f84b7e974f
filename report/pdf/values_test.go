package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// testDoc is a pass over an empty document, enough to measure text.
func testDoc(t *testing.T) *pdfDoc {
	t.Helper()
	opt := Options{Fonts: Fonts{Regular: assets.FontRegular, Bold: assets.FontBold, Italic: assets.FontItalic}}
	in, err := prepare(report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: &store.Catalog{}}}), &store.ReportTexts{}, opt)
	if err != nil {
		t.Fatal(err)
	}
	d := &pdfDoc{pdf: gofpdf.New("P", "mm", "A4", ""), in: in, opt: opt}
	d.setup()
	d.newPage()
	d.font("", 10)
	return d
}

func TestWrap(t *testing.T) {
	d := testDoc(t)
	for _, tc := range []struct {
		name  string
		text  string
		width float64
		check func(lines []string) bool
	}{
		{"NoBreakSpaceHolds", "Der Anteil beträgt 12,5\u00a0% im Jahr", 48,
			func(l []string) bool { return strings.Contains(strings.Join(l, "\n"), "12,5\u00a0%") }},
		{"NewlineBreaks", "eins\nzwei", 100,
			func(l []string) bool { return len(l) == 2 && l[0] == "eins" && l[1] == "zwei" }},
		{"SoftHyphenBreaks", "Migrations\u00adhintergrund", 25,
			func(l []string) bool { return len(l) == 2 && l[0] == "Migrations-" && l[1] == "hintergrund" }},
		{"SoftHyphenUnusedIsInvisible", "Migrations\u00adhintergrund", 100,
			func(l []string) bool { return len(l) == 1 && l[0] == "Migrationshintergrund" }},
		{"SlashBreaks", "Schulabgänger/innen", 30,
			func(l []string) bool { return len(l) == 2 && l[0] == "Schulabgänger/" }},
		{"LongWordGetsHyphen", "Sozialversicherungspflichtigbeschäftigte", 30,
			func(l []string) bool { return len(l) > 1 && strings.HasSuffix(l[0], "-") }},
		{"EmojiReplaced", "gut 👍", 100,
			func(l []string) bool { return len(l) == 1 && l[0] == "gut ?" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := d.wrap(tc.text, tc.width)
			if !tc.check(lines) {
				t.Errorf("wrap(%q, %g) = %q", tc.text, tc.width, lines)
			}
			for _, l := range lines {
				if w := d.pdf.GetStringWidth(l); w > tc.width+1e-9 {
					t.Errorf("line %q is %.1f mm wide, more than %g", l, w, tc.width)
				}
			}
		})
	}
}

func TestWithLang(t *testing.T) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out, err := withLang(buf.Bytes(), "de-DE")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("/Type /Catalog\n/Lang (de-DE)\n")) {
		t.Error("no /Lang in the catalogue")
	}
	i := bytes.LastIndex(out, []byte("startxref\n"))
	rest := out[i+len("startxref\n"):]
	off, err := strconv.Atoi(string(rest[:bytes.IndexByte(rest, '\n')]))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out[off:], []byte("xref\n")) {
		t.Errorf("startxref %d points at %q, not at the cross-reference table", off, out[off:min(off+10, len(out))])
	}
	if _, err := withLang([]byte("%PDF-1.3\nnot really"), "de-DE"); err == nil {
		t.Error("a file without catalogue was accepted")
	}
}
