package testtool

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// PDFText is the text of a PDF as pdftotext -layout lays it out, with
// no-break spaces as plain spaces.
func PDFText(tb testing.TB, path string) string {
	tb.Helper()
	tool := Need(tb, "pdftotext")[0]
	out, err := exec.Command(tool, "-layout", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.ReplaceAll(string(out), "\u00a0", " ")
}

var (
	keyFigureRow = regexp.MustCompile(`^([ABC]-K[0-9]+)\s`)
	nextChapter  = regexp.MustCompile(`\n[0-9]+ (Handlungsfeld A:|Änderungen seit dem Bericht)`)
)

// OverviewRows cuts the report's Übersicht der Kennzahlen out of its
// PDFText: one block of lines per Kennzahl, from the line that starts
// with its code to the next code, group heading or page footer. The first
// line holds the latest value; its Erhebungszeit follows below it.
func OverviewRows(tb testing.TB, text string) map[string]string {
	tb.Helper()
	start := strings.Index(text, "Übersicht der Kennzahlen\nDie Tabelle")
	if start < 0 {
		tb.Fatal("no Übersicht der Kennzahlen in the PDF")
	}
	text = text[start:]
	// The chapter of Handlungsfeld A follows the Übersicht, or the
	// Änderungen seit dem letzten festgeschriebenen Bericht do.
	if end := nextChapter.FindStringIndex(text); end != nil {
		text = text[:end[0]]
	}
	rows := map[string]string{}
	cur := ""
	for _, line := range strings.Split(text, "\n") {
		if m := keyFigureRow.FindStringSubmatch(line); m != nil {
			cur = m[1]
		} else if strings.HasPrefix(line, "Handlungsfeld ") || strings.Contains(line, "Seite ") {
			cur = ""
		}
		if cur != "" {
			rows[cur] += line + "\n"
		}
	}
	return rows
}
