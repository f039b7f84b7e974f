package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary act as the real program, so the window test
// runs exactly this build without linking a second binary.
func TestMain(m *testing.M) {
	if os.Getenv("IM_RUN_MAIN") == "1" {
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
// waits for its window, and checks the default file it created.
func TestWindowAppears(t *testing.T) {
	display := startXvfb(t)

	home := t.TempDir()
	dataFile := filepath.Join(home, "Integrationsmonitoring.sqlite")
	self, _ := os.Executable()
	app := exec.Command(self)
	app.Env = append(os.Environ(), "IM_RUN_MAIN=1", "DISPLAY="+display, "HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "INTEGRATIONSMONITOR_DATEI="+dataFile)
	var logs bytes.Buffer
	app.Stdout, app.Stderr = &logs, &logs
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { app.Process.Kill(); app.Wait() }()

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	search := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", "Integrationsmonitoring Bergisch Gladbach")
	search.Env = append(os.Environ(), "DISPLAY="+display)
	ids, err := search.Output()
	if err != nil {
		t.Fatalf("window did not appear: %v\nprogram output:\n%s", err, logs.String())
	}
	id := strings.Fields(string(ids))[0]
	nameCmd := exec.Command("xdotool", "getwindowname", id)
	nameCmd.Env = search.Env
	name, _ := nameCmd.Output()
	if !strings.Contains(string(name), "Integrationsmonitoring.sqlite") {
		t.Errorf("window title %q does not name the file", name)
	}
	if _, err := os.Stat(dataFile); err != nil {
		t.Errorf("default file not created on first start: %v", err)
	}
	keepScreenshot(t, display)
	app.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- app.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		app.Process.Kill()
	}
	out, _, err := runCmd(t, "pruefen", dataFile)
	if err != nil || !strings.Contains(out, "in Ordnung") {
		t.Errorf("default file after closing: %v %q", err, out)
	}
}

// freeDisplay finds an X display number without a lock file.
func freeDisplay(t *testing.T) string {
	for n := 90; n < 400; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); os.IsNotExist(err) {
			return fmt.Sprintf(":%d", n)
		}
	}
	t.Fatal("no free X display")
	return ""
}

// keepScreenshot saves the screen to out/ci/main-window.png in the
// project, the CI artifact of the real window (ImageMagick's import).
func keepScreenshot(t *testing.T, display string) {
	if _, err := exec.LookPath("import"); err != nil {
		t.Log("no screenshot: ImageMagick's import is not installed")
		return
	}
	dir := filepath.Join("..", "..", "out", "ci")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Log(err)
		return
	}
	// Give the first frame time to be drawn; the window exists already.
	time.Sleep(2 * time.Second)
	cmd := exec.Command("import", "-window", "root", filepath.Join(dir, "main-window.png"))
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Logf("screenshot failed: %v %s", err, out)
	}
}

// startXvfb starts a virtual X display for the window tests and stops it
// at the end of the test. Missing tools skip the test locally and fail it
// on CI, where they must be installed.
func startXvfb(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s missing on CI", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
	display := freeDisplay(t)
	xvfb := exec.Command("Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
	if err := xvfb.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xvfb.Process.Kill(); xvfb.Wait() })
	// Xvfb has no readiness signal; the tests' xdotool --sync waits for
	// the window itself, this only avoids connecting before X listens.
	time.Sleep(500 * time.Millisecond)
	return display
}
