package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/ui"
)

const appID = "de.bergischgladbach.integrationsmonitor"

// runGUI opens the window on the named file, the last file, or the
// default file (created on first start).
func runGUI(ctx context.Context, args []string, stderr io.Writer) error {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor [DATEI] – siehe „integrationsmonitor hilfe“")
		return errReported
	}
	ui.UseGerman()
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(ui.Theme())
	w := a.NewWindow(ui.AppTitle)
	w.Resize(fyne.NewSize(1280, 820))
	u := ui.New(a, w)
	defer u.Close()

	path := ""
	if len(args) == 1 {
		path = args[0]
	} else if last := ui.LastFile(a); last != "" && fileExists(last) {
		path = last
	} else {
		p, err := defaultFile()
		if err != nil {
			return err
		}
		path = p
	}
	// The window appears at once. The file is opened, checked and
	// evaluated meanwhile, once the window is up: started before, this
	// competed with creating the window for the processor.
	named := len(args) == 1
	u.ShowOpening()
	a.Lifecycle().SetOnStarted(func() {
		u.OpenInBackground(func() (*store.Store, error) { return openOrCreate(ctx, path, named) }, func(err error) {
			fyne.LogError("open "+path, err)
			dialog.ShowError(errors.New(store.Message(err)), w)
		})
	})
	w.SetMaster()
	w.ShowAndRun()
	return nil
}

// openOrCreate opens path; the default file is created when missing, but a
// file named on the command line never is (a typo must not create files).
func openOrCreate(ctx context.Context, path string, named bool) (*store.Store, error) {
	if !fileExists(path) && !named {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		return newFile(ctx, path)
	}
	return store.Open(ctx, path)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// defaultFile is Dokumente/Integrationsmonitor/Integrationsmonitoring.sqlite
// in the user's home (falling back to the app-data folder), so she finds it
// in the Explorer to attach it to an e-mail.
func defaultFile() (string, error) {
	if p := os.Getenv("INTEGRATIONSMONITOR_DATEI"); p != "" {
		return p, nil
	}
	const name = "Integrationsmonitoring.sqlite"
	if home, err := os.UserHomeDir(); err == nil {
		for _, docs := range []string{"Documents", "Dokumente"} {
			d := filepath.Join(home, docs)
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return filepath.Join(d, "Integrationsmonitor", name), nil
			}
		}
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(cfg, "Integrationsmonitor", name), nil
}
