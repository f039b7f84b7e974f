package official

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// FuzzRead feeds arbitrary bytes to the reader, seeded with every
// fixture: it must never panic, must refuse with a German message, and a
// table it accepts must hold only labelled numbers or official symbols.
func FuzzRead(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("GENESIS-Tabelle: 1\n2015;;\n;;Insgesamt\n05378004;Bergisch Gladbach;12p\n"))
	f.Add([]byte("\"Region\";\"X\"\n\"Datenstand\";\"Mai 2024\"\n\"A\";\"B\"\n\"Juni 2024\";\"*\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Read(bytes.NewReader(data))
		if err != nil {
			var ue *store.UserError
			if !errors.As(err, &ue) || ue.Message == "" || tab != nil {
				t.Fatalf("refusal without German message or with a table: %v", err)
			}
			return
		}
		if len(tab.Rows) == 0 || len(tab.Problems) > maxProblems+1 {
			t.Fatalf("%d rows, %d problems", len(tab.Rows), len(tab.Problems))
		}
		for _, r := range tab.Rows {
			if r.Column == "" || r.Raw == "" || r.Line < 1 {
				t.Fatalf("row without column, value or line: %+v", r)
			}
			if r.HasNumber == r.Symbol.Valid() || r.HasNumber && r.Symbol != store.NoSymbol {
				t.Fatalf("row is neither a number nor a symbol: %+v", r)
			}
			if math.IsNaN(r.Number) || math.IsInf(r.Number, 0) {
				t.Fatalf("row with impossible number: %+v", r)
			}
		}
		if err := WritePreview(io.Discard, tab); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzPlainNumber checks the reader's fast path for plain numbers against
// store.ParseNumber, which it must agree with wherever it answers.
func FuzzPlainNumber(f *testing.F) {
	for _, s := range []string{"0", "1234", "12,5", "000,001", "999999999999999", "123456789,12345", "1,", ",5", "1.234", "", "-3", "0,1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := plainNumber(s)
		if !ok {
			return
		}
		want, err := store.ParseNumber(s)
		if err != nil || got != want {
			t.Fatalf("plainNumber(%q) = %v, ParseNumber = %v, %v", s, got, want, err)
		}
	})
}
