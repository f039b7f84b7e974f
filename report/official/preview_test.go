package official

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The -update flag is shared with other golden tests of the package; it
// is registered here only if none of them has done so already, since a
// second registration panics.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func impUpdateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestWritePreviewGolden compares the preview of every fixture with its
// golden file; "go test -run TestWritePreviewGolden -update" rewrites
// them after a deliberate change.
func TestWritePreviewGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, file := range files {
		if strings.HasPrefix(filepath.Base(file), "bad_") {
			continue
		}
		n++
		t.Run(filepath.Base(file), func(t *testing.T) {
			tab := impFixture(t, filepath.Base(file))
			var buf bytes.Buffer
			if err := WritePreview(&buf, tab); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".csv") + ".golden"
			if impUpdateGolden() {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("preview differs from %s:\n%s", golden, buf.String())
			}
		})
	}
	if n < 9 {
		t.Errorf("only %d fixtures found", n)
	}
}

func TestWritePreviewFormat(t *testing.T) {
	tab := &Table{Rows: []Row{
		{RegionKey: "05378004", RegionName: "Bergisch Gladbach, Stadt", Period: "31.12.2024", Column: "Bevölkerung; Ausländer", Raw: "1.234", AsOf: "2026-01-19"},
		{RegionKey: "05", RegionName: "Nordrhein-Westfalen", Period: "2024", Column: "Anteil \"in %\"", Raw: ".", AsOf: ""},
	}}
	var buf bytes.Buffer
	if err := WritePreview(&buf, tab); err != nil {
		t.Fatal(err)
	}
	want := "Regionalschlüssel;Region;Zeit;Merkmal;Wert;Stand\n" +
		"05378004;Bergisch Gladbach, Stadt;31.12.2024;\"Bevölkerung; Ausländer\";1.234;19.01.2026\n" +
		"05;Nordrhein-Westfalen;2024;\"Anteil \"\"in %\"\"\";.;\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

type impFailingWriter struct{}

func (impFailingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWritePreviewWriteError(t *testing.T) {
	tab := &Table{Rows: []Row{{RegionKey: "05", Column: "x", Raw: "1"}}}
	if err := WritePreview(impFailingWriter{}, tab); err == nil {
		t.Error("write error not reported")
	}
}
