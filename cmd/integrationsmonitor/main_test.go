package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary act as the real program, so the window test
// runs exactly this build without linking a second binary.
func TestMain(m *testing.M) {
	if os.Getenv("IM_RUN_MAIN") == "1" {
		quitOnSignal()
		main()
		os.Exit(0)
	}
	if os.Getenv("IM_EMPTY_WINDOW") == "1" {
		runEmptyWindow()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func TestNewAndCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "neu.sqlite")
	out, _, err := runCmd(t, "neu", path)
	if err != nil || !strings.Contains(out, "angelegt") {
		t.Fatalf("neu: %v %q", err, out)
	}
	out, _, err = runCmd(t, "pruefen", path)
	if err != nil {
		t.Fatalf("pruefen: %v", err)
	}
	if !strings.Contains(out, "in Ordnung") || !strings.Contains(out, "14 Kennzahlen, 8 Wirkungsindikatoren") {
		t.Errorf("pruefen output: %q", out)
	}
	before, _ := os.ReadFile(path)
	_, errOut, err := runCmd(t, "neu", path)
	if err == nil || !strings.Contains(errOut, "nicht überschrieben") {
		t.Errorf("neu on existing file: %v %q", err, errOut)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Errorf("neu changed an existing file")
	}
}

func TestCheckRefusesGarbage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.sqlite")
	os.WriteFile(path, []byte("kein SQLite"), 0o644)
	_, errOut, err := runCmd(t, "pruefen", path)
	if err == nil {
		t.Fatal("pruefen accepted garbage")
	}
	if !strings.Contains(errOut, "keine Integrationsmonitoring-Datei") {
		t.Errorf("message: %q", errOut)
	}
}

// TestWindowAppears starts the real program under Xvfb on a fresh home,
// waits for its window to show the default file, and checks that file.
func TestWindowAppears(t *testing.T) {
	display := startXvfb(t)
	home := t.TempDir()
	dataFile := filepath.Join(home, "Integrationsmonitoring.sqlite")
	p := startProgram(t, display, home, []string{"INTEGRATIONSMONITOR_DATEI=" + dataFile})
	// The window appears before the file is opened; its title names the
	// file once it is shown.
	waitWindow(t, display, "Integrationsmonitoring Bergisch Gladbach", p)
	_, title := waitWindow(t, display, "Integrationsmonitoring.sqlite", p)
	if !strings.HasPrefix(title, "Integrationsmonitoring Bergisch Gladbach — Integrationsmonitoring.sqlite") {
		t.Errorf("window title %q does not name the file", title)
	}
	if _, err := os.Stat(dataFile); err != nil {
		t.Errorf("default file not created on first start: %v", err)
	}
	p.quit()
	out, _, err := runCmd(t, "pruefen", dataFile)
	if err != nil || !strings.Contains(out, "in Ordnung") {
		t.Errorf("default file after closing: %v %q", err, out)
	}
}
