package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A report of a new file is an Entwurf, and `bericht` says so on the
// console with what is missing.
func TestReportOfEmptyFileWarnsDraft(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "leer.sqlite")
	if _, errOut, err := runWith(runNew, src); err != nil {
		t.Fatalf("neu: %v %s", err, errOut)
	}
	_, errOut, err := runWith(runReport, src, "-jahr", "2025", "-o", filepath.Join(dir, "b.pdf"))
	if err != nil {
		t.Fatalf("bericht: %v %s", err, errOut)
	}
	if !strings.Contains(errOut, "Entwurf") || !strings.Contains(errOut, "Wählerinnen und Wähler (C-K4)") {
		t.Errorf("no draft warning:\n%s", errOut)
	}
}
