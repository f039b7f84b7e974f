package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// session is the real program running under Xvfb, driven with xdotool.
type session struct {
	t       *testing.T
	display string
	win     string
	app     *exec.Cmd
	logs    bytes.Buffer
	step    int
}

func startSession(t *testing.T, display, home, file string) *session {
	t.Helper()
	s := &session{t: t, display: display}
	self, _ := os.Executable()
	s.app = exec.Command(self, file)
	s.app.Env = append(os.Environ(), "IM_RUN_MAIN=1", "DISPLAY="+display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	s.app.Stdout, s.app.Stderr = &s.logs, &s.logs
	if err := s.app.Start(); err != nil {
		t.Fatal(err)
	}
	out := s.xdo("search", "--sync", "--onlyvisible", "--name", "Integrationsmonitoring Bergisch Gladbach")
	s.win = strings.Fields(out)[0]
	s.settle()
	s.xdo("windowfocus", s.win)
	return s
}

func (s *session) xdo(args ...string) string {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, "xdotool", args...)
	c.Env = append(os.Environ(), "DISPLAY="+s.display)
	out, err := c.Output()
	if err != nil {
		s.shot("fehler")
		s.t.Fatalf("xdotool %v: %v\nprogram output:\n%s", args, err, s.logs.String())
	}
	return string(out)
}

// settle gives the window time to draw after an input: X offers no
// "frame done" signal for a GLFW window, so the script waits a moment.
func (s *session) settle() { time.Sleep(700 * time.Millisecond) }

func (s *session) click(x, y string) {
	s.xdo("mousemove", "--window", s.win, x, y)
	time.Sleep(200 * time.Millisecond)
	s.xdo("click", "1")
	s.settle()
}

func (s *session) typeText(x, y, text string) {
	s.click(x, y)
	s.xdo("type", "--delay", "40", text)
	s.settle()
}

func (s *session) drag(x, fromY, toY string) {
	s.xdo("mousemove", "--window", s.win, x, fromY)
	time.Sleep(300 * time.Millisecond)
	s.xdo("mousedown", "1")
	for _, y := range []string{"300", "500", "700", toY} {
		s.xdo("mousemove", "--window", s.win, x, y)
		time.Sleep(100 * time.Millisecond)
	}
	s.xdo("mouseup", "1")
	s.settle()
}

// shot keeps a screenshot of the step in out/ci (CI artifact).
func (s *session) shot(name string) {
	if _, err := exec.LookPath("import"); err != nil {
		return
	}
	s.step++
	dir := filepath.Join("..", "..", "out", "ci")
	os.MkdirAll(dir, 0o755)
	c := exec.Command("import", "-window", "root", filepath.Join(dir, "e2e-"+itoa2(s.step)+"-"+name+".png"))
	c.Env = append(os.Environ(), "DISPLAY="+s.display)
	c.Run()
}

func (s *session) stop() {
	s.app.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { s.app.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		s.app.Process.Kill()
		<-done
	}
}

func itoa2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// TestEndToEnd drives the real program: a new file, a value typed into the
// form of Kennzahl A-K6, the PDF created from the menu, quit, reopen, and
// the value is still there.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	display := startXvfb(t)

	dir := t.TempDir()
	file := filepath.Join(dir, "e2e.sqlite")
	if _, _, err := runCmd(t, "neu", file); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	s := startSession(t, display, home, file)
	s.click("170", "50")         // tab A
	s.click("150", "328")        // Kennzahl 6 in the list
	s.drag("1274", "110", "815") // scroll the details to the entry form
	s.shot("formular")
	s.typeText("800", "446", "2025") // Erhebungszeit
	s.typeText("800", "563", "43")   // Wert
	s.click("437", "758")            // Wert speichern
	s.shot("gespeichert")

	s.click("94", "13")  // menu Bericht
	s.click("160", "42") // Monitoring-Bericht erstellen…
	s.shot("berichtsdialog")
	s.click("695", "680") // Erstellen
	// The PDF is written by another process; its file appearing (renamed
	// into place when complete) is the only signal, so the test looks for it.
	pdf := filepath.Join(dir, "Monitoring-Bericht_2025.pdf")
	deadline := time.Now().Add(60 * time.Second)
	for {
		if st, err := os.Stat(pdf); err == nil && st.Size() > 0 {
			break
		}
		if time.Now().After(deadline) {
			s.shot("kein-bericht")
			t.Fatalf("no PDF written within a minute\n%s", s.logs.String())
		}
		time.Sleep(300 * time.Millisecond)
	}
	s.shot("bericht-erstellt")
	s.stop()

	st, err := store.Open(context.Background(), file)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	v, err := st.Value(context.Background(), "A-K6-G1", "2025", "stadt", "insgesamt")
	st.Close()
	if err != nil || v.Number != 43 || v.Origin != "Eingabe" {
		t.Fatalf("typed value after reopening: %+v %v", v, err)
	}
	s2 := startSession(t, display, home, file)
	s2.step = s.step
	s2.shot("wieder-geoeffnet")
	s2.stop()
}
