package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// runEmptyWindow is the baseline for the start-up benchmark: a Fyne window
// with one label, started the same way as the program.
func runEmptyWindow() {
	a := app.NewWithID("de.bergischgladbach.integrationsmonitor.leer")
	w := a.NewWindow("Leeres Fenster")
	w.SetContent(widget.NewLabel("leer"))
	w.Resize(fyne.NewSize(1280, 820))
	w.ShowAndRun()
}

// benchStartup starts the test binary as a program under Xvfb b.N times
// and measures until xdotool sees its window. It asks every 10 ms: "search
// --sync" sleeps half a second between tries, which rounded every
// measurement up to a multiple of 0.5 s.
func benchStartup(b *testing.B, env []string, title string) {
	display := startXvfb(b)
	self, _ := os.Executable()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		home := b.TempDir()
		p := exec.Command(self)
		p.Env = append(os.Environ(), append(env, "DISPLAY="+display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))...)
		if err := p.Start(); err != nil {
			b.Fatal(err)
		}
		err := waitVisible(display, title, 60*time.Second)
		b.StopTimer()
		p.Process.Kill()
		p.Wait()
		if err != nil {
			b.Fatalf("window %q did not appear: %v", title, err)
		}
		b.StartTimer()
	}
}

// waitVisible asks xdotool every 10 ms for a visible window whose title
// contains title.
func waitVisible(display, title string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		s := exec.Command("xdotool", "search", "--onlyvisible", "--name", title)
		s.Env = append(os.Environ(), "DISPLAY="+display)
		out, err := s.Output()
		if err == nil && len(bytes.TrimSpace(out)) > 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not within %v: %v", timeout, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// BenchmarkStartupDemoFile: the program on the demo file, to its window.
func BenchmarkStartupDemoFile(b *testing.B) {
	demo := filepath.Join(b.TempDir(), "demo.sqlite")
	if err := run(context.Background(), []string{"demo", demo}, io.Discard, os.Stderr); err != nil {
		b.Fatal(err)
	}
	benchStartup(b, []string{"IM_RUN_MAIN=1", "INTEGRATIONSMONITOR_DATEI=" + demo}, "Integrationsmonitoring Bergisch Gladbach")
}

// BenchmarkStartupDemoFileShown: the program on the demo file, until its
// window shows the file: the title names it once the Übersicht is built
// (the window itself appears before, with a placeholder).
func BenchmarkStartupDemoFileShown(b *testing.B) {
	demo := filepath.Join(b.TempDir(), "demo.sqlite")
	if err := run(context.Background(), []string{"demo", demo}, io.Discard, os.Stderr); err != nil {
		b.Fatal(err)
	}
	benchStartup(b, []string{"IM_RUN_MAIN=1", "INTEGRATIONSMONITOR_DATEI=" + demo}, "demo.sqlite — Beispieldaten")
}

// BenchmarkStartupEmptyWindow: an empty Fyne window started the same way.
func BenchmarkStartupEmptyWindow(b *testing.B) {
	benchStartup(b, []string{"IM_EMPTY_WINDOW=1"}, "Leeres Fenster")
}
