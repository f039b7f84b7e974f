package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

const ldbFixture = "testdata/ldb_12411-15i.csv"

func TestImportPreviewChangesNothing(t *testing.T) {
	out, _, err := runCmd(t, "import", "-vorschau", ldbFixture)
	if err != nil {
		t.Fatalf("preview: %v", err)
	}
	if !strings.HasPrefix(out, "Regionalschlüssel;Region;Zeit;Merkmal;Wert;Stand") || !strings.Contains(out, "05378004;Bergisch Gladbach, Stadt;31.12.2024;") {
		t.Errorf("preview output:\n%s", out)
	}
}

func TestImportKnownTableThenCorrection(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.sqlite")
	if _, _, err := runCmd(t, "neu", path); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCmd(t, "import", path, ldbFixture)
	if err != nil {
		t.Fatalf("import: %v %s", err, errOut)
	}
	if !strings.Contains(out, "2 neu") {
		t.Errorf("import summary: %q", out)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.Value(ctx, "BEV", "2024-12-31", "stadt", "insgesamt")
	st.Close()
	if err != nil || v.Number != 111361 || v.AsOf != "2026-01-19" || !strings.Contains(v.Source, "12411-15i") {
		t.Fatalf("imported value = %+v, %v", v, err)
	}

	// A differing stored value stops the import unless corrections are allowed.
	st, _ = store.Open(ctx, path)
	v.Number = 111000
	if _, err := st.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe", Correct: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before, _ := os.ReadFile(path)
	_, errOut, err = runCmd(t, "import", path, ldbFixture)
	if err == nil || !strings.Contains(errOut, "Nichts wurde geändert") {
		t.Fatalf("import over a differing value: %v %q", err, errOut)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Errorf("refused import changed the file")
	}
	out, _, err = runCmd(t, "import", "-korrigieren", path, ldbFixture)
	if err != nil || !strings.Contains(out, "1 korrigiert") {
		t.Fatalf("import -korrigieren: %v %q", err, out)
	}
	st, _ = store.Open(ctx, path)
	defer st.Close()
	h, _ := st.History(ctx, "BEV", "2024-12-31", "stadt", "insgesamt")
	if len(h) != 3 || !strings.HasPrefix(h[2].Origin, "Import: ldb_12411-15i.csv") || *h[2].OldNumber != 111000 {
		t.Errorf("history = %+v", h)
	}
}

func TestImportUnknownTableAsksForMapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.sqlite")
	runCmd(t, "neu", path)
	_, errOut, err := runCmd(t, "import", path, "testdata/ldb_22517-02i.csv")
	if err == nil || !strings.Contains(errOut, "nicht bekannt") {
		t.Errorf("unknown table: %v %q", err, errOut)
	}
}
