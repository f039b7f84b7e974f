package ui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// screenshotDir keeps the screenshots CI archives (out/ is git-ignored).
const screenshotDir = "../out/ci/tabs"

// screenSizes are the smallest supported window and a full HD screen.
var screenSizes = []fyne.Size{{Width: 1024, Height: 700}, {Width: 1920, Height: 1080}}

// TestScreenshotsEveryTab renders every tab of a demo file, a Kennzahl and
// a Wirkungsindikator of each Handlungsfeld, and the start panel of an
// empty file at both window sizes and writes them as PNGs, so that a
// reviewer can see clipped text without starting the program.
func TestScreenshotsEveryTab(t *testing.T) {
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	u, _ := demoTestApp(t, 2023)
	for _, size := range screenSizes {
		u.win.Resize(size)
		for i, item := range u.tabs.Items {
			u.tabs.SelectIndex(i)
			name := fmt.Sprintf("%02d_%s", i, item.Text)
			writeShot(t, u, size, name)
			if i > 0 && i <= len(u.field) {
				ft := u.field[i-1]
				if len(ft.field.KeyFigures) > 0 {
					ft.SelectKeyFigure(ft.field.KeyFigures[0].Code)
					writeShot(t, u, size, name+"_Kennzahl")
					ft.scroll.ScrollToBottom()
					writeShot(t, u, size, name+"_Kennzahl_unten")
				}
				if len(ft.field.Indicators) > 0 {
					ft.SelectIndicator(ft.field.Indicators[0].Code)
					writeShot(t, u, size, name+"_Wirkungsindikator")
				}
				ft.list.Select(0)
			}
		}
	}

	empty, _ := newTestApp(t)
	for _, size := range screenSizes {
		empty.win.Resize(size)
		empty.tabs.SelectIndex(0)
		writeShot(t, empty, size, "00_Start_leere_Datei")
	}
}

// writeShot captures u's window as out/ci/tabs/<w>x<h>_<name>.png.
func writeShot(t *testing.T, u *App, size fyne.Size, name string) {
	t.Helper()
	img := u.win.Canvas().Capture()
	if b := img.Bounds(); b.Dx() < int(size.Width) || b.Dy() < int(size.Height) {
		t.Errorf("%s: screenshot is %v, want at least %v", name, b.Size(), size)
	}
	file := fmt.Sprintf("%dx%d_%s.png", int(size.Width), int(size.Height), safeName(name))
	if err := writePNG(filepath.Join(screenshotDir, file), img); err != nil {
		t.Fatal(err)
	}
}

// safeName keeps a tab title usable as a file name on every system.
func safeName(s string) string {
	r := strings.NewReplacer(" · ", "_", " ", "_", "/", "-", ",", "", "·", "_")
	return r.Replace(s)
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
