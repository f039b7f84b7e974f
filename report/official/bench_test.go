package official

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// impLdbBenchFile builds a Landesdatenbank download of n data rows in
// Latin-1, shaped like 12411-15i: three value columns, indented names,
// a footnote and Stand.
func impLdbBenchFile(tb testing.TB, n int) []byte {
	tb.Helper()
	var b bytes.Buffer
	b.WriteString("Tabelle: 12411-15i\nKatasterfläche (qkm), Bevölkerung und Bevölkerungsdichte - Stichtag - Gemeinden;;;;;\n")
	b.WriteString(";;;Fortschreibung des Bevölkerungsstandes;Flächenerhebung nach Art der tatsächlichen Nutzung;Fortschreibung des Bevölkerungsstandes\n")
	b.WriteString(";;;Bevölkerungsstand (Basis Zensus 2022 und früher);Bodenfläche (Katasterfläche) in qkm;Bevölkerungsdichte\n;;;Anzahl;qkm;EW pro qkm\n")
	for i := range n {
		fmt.Fprintf(&b, "31.12.2024;05%06d;      Gemeinde Nr. %d, Stadt;%d;%d,%02d;%d,%d\n", i, i, 1000+i%100000, i%1000, i%100, i%5000, i%10)
	}
	b.WriteString("__________\n\"Fußnote\nüber zwei Zeilen\"\n© IT.NRW, Düsseldorf, 2026.\nStand: 19.01.2026 / 13:58:12\n")
	data, err := charmap.ISO8859_1.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// BenchmarkRead100k reads a generated Landesdatenbank download of
// 100,000 rows (300,000 values), about the size of the largest
// Gemeinde tables of the Regionaldatenbank.
func BenchmarkRead100k(b *testing.B) {
	benchRead(b, impLdbBenchFile(b, 100_000), 300_000)
}

// BenchmarkReadFlat100k reads a generated GENESIS flat file of 100,000
// values, one line each, as the Regionaldatenbank writes it since 2025.
func BenchmarkReadFlat100k(b *testing.B) {
	benchRead(b, impFlatFile(100_000), 100_000)
}

// benchRead reads data, which must give rows values and no problems.
func benchRead(b *testing.B, data []byte, rows int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tab, err := Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if len(tab.Rows) != rows || len(tab.Problems) != 0 {
			b.Fatalf("%d rows, problems %q", len(tab.Rows), tab.Problems)
		}
	}
}
