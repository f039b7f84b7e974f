package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -format html writes the accessible edition; a .pdf name for it, or an
// unknown format, is refused before anything is written.
func TestRunReportHTML(t *testing.T) {
	src := demoMonitoringFile(t)
	out := filepath.Join(t.TempDir(), "bericht.html")
	stdout, errOut, err := runWith(runReport, src, "-jahr", "2025", "-format", "html", "-o", out)
	if err != nil {
		t.Fatalf("bericht: %v\n%s", err, errOut)
	}
	if !strings.HasPrefix(stdout, "Bericht geschrieben: "+out+" (HTML)\n") {
		t.Errorf("stdout %q", stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{`<html lang="de">`, "<h1>", `role="img"`, "Rheinisch-Bergischer Kreis", "</html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the edition lacks %q", want)
		}
	}
	for _, args := range [][]string{
		{src, "-jahr", "2025", "-format", "html", "-o", filepath.Join(t.TempDir(), "bericht.pdf")},
		{src, "-jahr", "2025", "-format", "docx", "-o", filepath.Join(t.TempDir(), "bericht.docx")},
	} {
		if _, errOut, err := runWith(runReport, args...); err == nil || errOut == "" {
			t.Errorf("%v: accepted (%q)", args[3:], errOut)
		}
		if _, err := os.Stat(args[len(args)-1]); err == nil {
			t.Errorf("%v: a file was written", args[3:])
		}
	}
}
