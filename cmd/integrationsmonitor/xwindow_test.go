package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// startXvfb starts a virtual X display for the window tests and stops it
// at the end of the test. Xvfb writes its display number to -displayfd
// once it accepts connections, so nothing waits for a fixed time. Missing
// tools skip the test locally and fail it on CI.
func startXvfb(tb testing.TB) string {
	tb.Helper()
	testtool.Need(tb, "Xvfb", "xdotool")
	r, w, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1400x900x24", "-nolisten", "tcp")
	xvfb.ExtraFiles = []*os.File{w}
	var logs bytes.Buffer
	xvfb.Stderr = &logs
	if err := xvfb.Start(); err != nil {
		tb.Fatal(err)
	}
	w.Close()
	tb.Cleanup(func() { xvfb.Process.Kill(); xvfb.Wait() })
	ready := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		ready <- strings.TrimSpace(line)
	}()
	select {
	case n := <-ready:
		if n == "" {
			tb.Fatalf("Xvfb did not start:\n%s", logs.String())
		}
		return ":" + n
	case <-time.After(30 * time.Second):
		tb.Fatalf("Xvfb not ready within 30 s:\n%s", logs.String())
		return ""
	}
}

// xdotool runs xdotool on display and returns its output; ctx bounds the
// waiting commands (search --sync).
func xdotool(ctx context.Context, display string, args ...string) (string, error) {
	c := exec.CommandContext(ctx, "xdotool", args...)
	c.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := c.Output()
	return string(out), err
}

// waitWindow waits until a visible window whose title contains name
// exists and returns its id and full title.
func waitWindow(t *testing.T, display, name string, logs fmt.Stringer) (id, title string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	out, err := xdotool(ctx, display, "search", "--sync", "--onlyvisible", "--name", name)
	if err != nil || len(strings.Fields(out)) == 0 {
		t.Fatalf("no window %q: %v\nprogram output:\n%s", name, err, logs)
	}
	id = strings.Fields(out)[0]
	title, err = xdotool(context.Background(), display, "getwindowname", id)
	if err != nil {
		t.Fatalf("window title: %v", err)
	}
	return id, strings.TrimSpace(title)
}

// keepScreenshot saves window id to out/ci/<name> in the project, a CI
// artifact. A mapped window is not yet a drawn one: the screen is taken
// again until the window shows more than a plain background.
func keepScreenshot(t *testing.T, display, id, name string) {
	t.Helper()
	testtool.Need(t, "import")
	deadline := time.Now().Add(60 * time.Second)
	for {
		c := exec.Command("import", "-window", id, "png:-")
		c.Env = append(os.Environ(), "DISPLAY="+display)
		shot, err := c.Output()
		if err == nil {
			if img, err := png.Decode(bytes.NewReader(shot)); err == nil && drawn(img) {
				dir := filepath.Join("..", "..", "out", "ci")
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), shot, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("window %s not drawn within a minute (import: %v)", id, err)
		}
		time.Sleep(100 * time.Millisecond) // poll interval, not a wait for drawing
	}
}

// drawn reports whether img shows text and widgets: a window not yet
// drawn is one or two flat colours.
func drawn(img image.Image) bool {
	colours := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if len(colours) > 32 {
				return true
			}
		}
	}
	return false
}
