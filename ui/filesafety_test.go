package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestPathPickerForcesExtension(t *testing.T) {
	w := test.NewTempApp(t).NewWindow("x")
	cases := []struct{ name, ext, want string }{
		{"bericht", ".pdf", "bericht.pdf"},
		{"bericht.PDF", ".pdf", "bericht.PDF"},
		{"Integrationsmonitoring.sqlite", ".pdf", "Integrationsmonitoring.pdf"},
		{"Werte.xlsx", ".csv", "Werte.csv"},
	}
	for _, c := range cases {
		p := newPathPicker(w, "/tmp", c.name, c.ext)
		if got := filepath.Base(p.path()); got != c.want {
			t.Errorf("path(%q, %q) = %q, want %q", c.name, c.ext, got, c.want)
		}
	}
}

func TestNewRefusesTheOpenFile(t *testing.T) {
	u, path := newTestApp(t)
	before, _ := os.ReadFile(path)
	u.files.create(path, false)
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("Neu… replaced the open file")
	}
	if u.Store() == nil || u.Store().Path() != path {
		t.Errorf("open file was closed")
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Errorf("no message shown")
	}
}

func TestReopenOpenFileIsNoOp(t *testing.T) {
	u, path := newTestApp(t)
	st := u.Store()
	u.files.open(path)
	if u.Store() != st {
		t.Errorf("store replaced when opening the file that is already open")
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("an error was shown for opening the open file")
	}
}

func TestFreeName(t *testing.T) {
	dir := t.TempDir()
	if got := freeName(dir, "a.sqlite"); got != "a.sqlite" {
		t.Errorf("free name = %q", got)
	}
	os.WriteFile(filepath.Join(dir, "a.sqlite"), nil, 0o644)
	if got := freeName(dir, "a.sqlite"); got != "a_2.sqlite" {
		t.Errorf("taken name gives %q, want a_2.sqlite", got)
	}
}
