package official

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// The reader was made faster (own CSV splitter, own Latin-1 decoder,
// allocation-free cell parsing). These tests pin that it reads exactly
// what the encoding/csv and x/text based reader read: every field of every
// row, the problems and the refusals, compared as a hash of a full dump
// that the previous reader produced.

// impDump prints everything Read returns, unexported fields included.
func impDump(data []byte) string {
	tab, err := Read(bytes.NewReader(data))
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q %q %q %q %q %d\n", tab.Format, tab.TableCode, tab.Title, tab.AsOf, tab.periodHint, len(tab.Rows))
	for _, r := range tab.Rows {
		fmt.Fprintf(&b, "%q|%q|%q|%q|%q|%v|%q|%v|%q|%d\n", r.RegionKey, r.RegionName, r.Period, r.Column, r.Raw, r.Number, r.Symbol, r.HasNumber, r.AsOf, r.Line)
	}
	for _, p := range tab.Problems {
		fmt.Fprintf(&b, "problem %q\n", p)
	}
	return b.String()
}

func impHash(s string) string {
	return fmt.Sprintf("%x", sha256.Sum256([]byte(s)))[:16]
}

// impMessyFile builds a Regionaldatenbank-like download with everything
// the splitter and the cell parser must get right: quoted fields with
// ";", doubled quotes and line breaks, bare quotes, blank and CR-only
// lines, spaces around values, symbols, suffixes, brackets, damaged cells.
func impMessyFile(seed uint64, n int, crlf bool) []byte {
	rnd := rand.New(rand.NewPCG(seed, 7))
	cells := []string{"1234", "12,5", " 7 ", "1.234", ".", "-", "/", "x", "...", "123p", "12,5 r", "x s", "(45)", "( 3,2 )", "*",
		"", "kaputt", "0", "000,001", "999999999999999", "1,", ",5", "\"9\"", "\"1\"\"2\"", "\"4;5\"", "a\"b", "\"7\"x", "\u00a012\u00a0", "\t8\t", "–3", "€5", "1e5", "0x10"}
	var b strings.Builder
	b.WriteString("GENESIS-Tabelle: 12411-03-03-4\n\"Bevölkerung; nach \"\"Geschlecht\"\"\nund Alter\";;;\n")
	b.WriteString("Stichtag: 31.12.2023\n;;;Insgesamt;männlich;\"weib;lich\"\n;;;Anzahl;Anzahl;Anzahl\n")
	names := []string{"Bergisch Gladbach, Stadt", "  Köln, kreisfreie Stadt", "\"Rhein;Berg\"", "Kürten"}
	for i := range n {
		switch rnd.IntN(40) {
		case 0:
			b.WriteString("\n")
		case 1:
			b.WriteString("\r")
			b.WriteString("\n")
		case 2:
			b.WriteString("2022;;;\n")
		case 3:
			b.WriteString("unbekannt;;;\n")
		case 4:
			b.WriteString(";;;Insgesamt;männlich;weiblich\n")
		}
		key := fmt.Sprintf("05%03d%03d", rnd.IntN(1000), i%1000)
		if rnd.IntN(10) == 0 {
			key = "\"" + key + "\""
		}
		fmt.Fprintf(&b, "%s;%s;", key, names[rnd.IntN(len(names))])
		for c := range 3 + rnd.IntN(2) {
			if c > 0 {
				b.WriteString(";")
			}
			b.WriteString(cells[rnd.IntN(len(cells))])
		}
		b.WriteString("\n")
	}
	b.WriteString("__________\n\"Fußnote \"\"1\"\"\nüber zwei Zeilen; mit Semikolon\"\n© IT.NRW, Düsseldorf, 2026.\nStand: 19.01.2026 / 13:58:12\r")
	s := b.String()
	if crlf {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return []byte(s)
}

// impBAFile builds a Bundesagentur export of n months, every field
// quoted as the Bundesagentur writes them.
func impBAFile(n int) []byte {
	var b strings.Builder
	b.WriteString("\"Region\";\"Rheinisch-Bergischer Kreis\";\"Regionsschlüssel:\";\"05378\"\n\"Gebietsstand\";\"April 2025\"\n\"Datenstand\";\"April 2025\"\n\"Indikator\";\"Arbeitslose\"\n\"Staatsangehörigkeit\";\"Ausländer\"\n\"\"\n")
	b.WriteString("\"Merkmal \";\"Arbeitslose \";\"Anteil in % \"\n")
	months := []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	for i := range n {
		fmt.Fprintf(&b, "\"%s %d\";\"%d.%03d\";\"%d\"\n", months[i%12], 1990+i/12, i%97+1, i%1000, i%100)
	}
	b.WriteString("\"Exportdatum: 01.05.2025\"\n\"© Statistik der Bundesagentur für Arbeit\"\n")
	return []byte(b.String())
}

// impFlatFile builds a new-style GENESIS flat file of n rows.
func impFlatFile(n int) []byte {
	var b strings.Builder
	b.WriteString("\xef\xbb\xbfstatistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label\n")
	for i := range n {
		fmt.Fprintf(&b, "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;%d-12-31;GEMEIN;Gemeinden;05378%03d;Gemeinde %d;GES;Geschlecht;GES%d;%s;%d;Anzahl;BEVSTD;Bevölkerungsstand\n",
			2000+i%25, i%1000, i, i%2, []string{"Insgesamt", "weiblich"}[i%2], i*7)
	}
	return []byte(b.String())
}

func impLatin1(tb testing.TB, data []byte) []byte {
	tb.Helper()
	out, err := charmap.Windows1252.NewEncoder().Bytes(data)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestReadSameAsBefore compares the full result of Read on the fixtures
// and on generated downloads with what the reader based on encoding/csv
// and x/text returned (hashes of impDump taken before the rewrite).
func TestReadSameAsBefore(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&all, "== %s\n%s", filepath.Base(f), impDump(data))
		crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		fmt.Fprintf(&all, "== %s CRLF\n%s", filepath.Base(f), impDump(crlf))
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"fixtures", []byte(all.String()), "ba6ae32b3ef644ee"},
		{"ldb latin-1", impLdbBenchFile(t, 3000), "24904ab5c2c2ad86"},
		{"messy", impMessyFile(1, 3000, false), "d578d43326e458e1"},
		{"messy crlf", impMessyFile(2, 3000, true), "450d387676ef77b3"},
		{"messy latin-1", impLatin1(t, impMessyFile(3, 3000, false)), "d96149dbedb794e7"},
		{"ba", impBAFile(600), "0eae71c8927cedea"},
		{"ba latin-1", impLatin1(t, impBAFile(600)), "0eae71c8927cedea"},
		{"flat", impFlatFile(3000), "99fc55a8e5d0edda"},
	}
	for _, c := range cases {
		dump := string(c.data)
		if c.name != "fixtures" {
			dump = impDump(c.data)
		}
		if got := impHash(dump); got != c.want {
			t.Errorf("%s: dump hash %s, want %s; first lines:\n%s", c.name, got, c.want, firstLines(dump, 8))
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
