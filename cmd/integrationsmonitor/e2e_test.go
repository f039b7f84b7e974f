package main

import (
	"bytes"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// What the window does with a file (tabs, forms, typing a value, the
// report) is tested through fyne's test driver in package ui
// (TestWorkflowTypeValueAndReport). The tests here keep what needs the
// real program: it starts on a file under X, its window appears with the
// right title and is drawn, and it exits cleanly leaving the file intact.

// quitOnSignal lets the window tests close the program as the user does:
// SIGTERM quits the app like the window's close button, so main returns
// and its deferred Close runs. Without a window manager X has no close
// request xdotool could send.
func quitOnSignal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		fyne.Do(func() { fyne.CurrentApp().Quit() })
	}()
}

// guiProgram is the test binary running as the program under Xvfb.
type guiProgram struct {
	t    *testing.T
	cmd  *exec.Cmd
	logs bytes.Buffer
	done chan error
}

// startProgram runs the program with args on display, with its own home
// (so no preferences of the developer are used) and extra environment.
func startProgram(t *testing.T, display, home string, env []string, args ...string) *guiProgram {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := &guiProgram{t: t, cmd: exec.Command(self, args...), done: make(chan error, 1)}
	p.cmd.Env = append(os.Environ(), append([]string{"IM_RUN_MAIN=1", "DISPLAY=" + display, "HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config")}, env...)...)
	p.cmd.Stdout, p.cmd.Stderr = &p.logs, &p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

func (p *guiProgram) String() string { return p.logs.String() }

// quit closes the program and requires a clean exit (status 0).
func (p *guiProgram) quit() {
	p.t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		p.t.Fatal(err)
	}
	select {
	case err := <-p.done:
		if err != nil {
			p.t.Fatalf("program did not exit cleanly: %v\nprogram output:\n%s", err, p)
		}
	case <-time.After(30 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
		p.t.Fatalf("program did not exit within 30 s of being closed\nprogram output:\n%s", p)
	}
}

// TestEndToEnd starts the real program on a file with Beispieldaten: the
// window appears titled with the file, is drawn (kept as the CI artifact
// out/ci/main-window.png), and closing it leaves the file byte for byte
// unchanged and valid.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	display := startXvfb(t)
	file := filepath.Join(t.TempDir(), "e2e.sqlite")
	if _, _, err := runCmd(t, "demo", file); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, file)

	p := startProgram(t, display, t.TempDir(), nil, file)
	id, title := waitWindow(t, display, "e2e.sqlite", p)
	if want := "Integrationsmonitoring Bergisch Gladbach — e2e.sqlite — Beispieldaten"; title != want {
		t.Errorf("window title %q, want %q", title, want)
	}
	keepScreenshot(t, display, id, "main-window.png")
	p.quit()

	if fileHash(t, file) != before {
		t.Error("opening and closing the window changed the file")
	}
	out, _, err := runCmd(t, "pruefen", file)
	if err != nil || !strings.Contains(out, "in Ordnung") {
		t.Errorf("file after closing: %v %q", err, out)
	}
}
