package official_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report/official"
)

// TestReadBlankLinesCostLittle: a download padded with a million blank
// lines reads like the download itself and reserves no room per blank
// line (the splitter used to size its records by the lines: some 50 MB
// here, gigabytes at the size limit).
func TestReadBlankLinesCostLittle(t *testing.T) {
	for _, name := range []string{"ldb_12411-15i.csv", "flat_old_12411.csv"} {
		data, err := os.ReadFile(filepath.Join(importFixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := official.Read(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		padded := append(append([]byte(nil), data...), bytes.Repeat([]byte("\n"), 1_000_000)...)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		got, err := official.Read(bytes.NewReader(padded))
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Rows) != len(want.Rows) {
			t.Errorf("%s: %d rows with blank lines, %d without", name, len(got.Rows), len(want.Rows))
		}
		// The text itself is 1 MB and read into a string once.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
			t.Errorf("%s: reading 1,000,000 blank lines allocated %d MB", name, alloc>>20)
		}
	}
}
