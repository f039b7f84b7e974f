package ui

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/store"
)

// TestForeignTriggerOffersCleanCopy: a file with a trigger someone added
// opens read-only with the offer of a clean copy; the copy is written
// beside it and, once opened, takes saves.
func TestForeignTriggerOffersCleanCopy(t *testing.T) {
	ctx := context.Background()
	st, path := createFile(t, "m.sqlite", 0)
	st.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TRIGGER wipe AFTER INSERT ON value BEGIN DELETE FROM value; END`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1200, 800))
	u := New(a, w)
	t.Cleanup(u.Close)
	if err := u.Open(path); err != nil {
		t.Fatalf("open: %v", err)
	}
	if !u.Store().ReadOnly() {
		t.Fatal("file with a foreign trigger opened writable")
	}
	if txt := overlayTexts(t, u); !strings.Contains(txt, "Trigger „wipe“") {
		t.Errorf("read-only message does not name the trigger:\n%s", txt)
	}
	test.Tap(topButton(t, u, cleanCopyLabel))
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "Speichern")) }); err != nil {
		t.Fatalf("clean copy: %v", err)
	}
	test.Tap(topButton(t, u, "Kopie öffnen"))
	clean := filepath.Join(filepath.Dir(path), "m_bereinigt.sqlite")
	if got := u.Store(); got == nil || got.Path() != clean || got.ReadOnly() {
		t.Fatalf("after opening the copy: store %v", got)
	}
	v := store.Value{BaseFigure: "A-K1-G1", Period: "2018-H1", Area: "stadt", Group: "auslaender", Number: 7, Source: "Test"}
	if _, err := u.Store().SaveValue(ctx, v, store.SaveOptions{Origin: "Test"}); err != nil {
		t.Fatalf("save into the clean copy: %v", err)
	}
	if vs, err := u.Store().Values(ctx, "A-K1-G1"); err != nil || len(vs) != 1 {
		t.Errorf("values in the clean copy: %d, %v; want 1", len(vs), err)
	}
}
