package official

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// TestReadPeriodLayouts reads one small fixture per place where the
// official downloads put the period; every value must carry its own.
func TestReadPeriodLayouts(t *testing.T) {
	const (
		pop   = "Fortschreibung des Bevölkerungsstandes; Bevölkerungsstand (Basis Zensus 2022 und früher); Anzahl"
		area  = "Flächenerhebung nach Art der tatsächlichen Nutzung; Bodenfläche (Katasterfläche) in qkm; qkm"
		hilfe = "In Anspruch genommene erzieh. Hilfen; Anzahl"
		begon = "Begonnene erzieher. Hilfen/Beratungen; Anzahl"
	)
	tests := []struct {
		file string
		rows int
		want []impCell
	}{
		// A column of its own before the key (Landesdatenbank).
		{"zeit_spalte_ldb.csv", 4, []impCell{
			{"05378004", "31.12.2023", pop, "111222", 111222, ""},
			{"05378004", "31.12.2024", pop, "111361", 111361, ""},
			{"05378", "31.12.2024", pop, "284273", 284273, ""},
		}},
		// A row feature after the name; it stays out of the column.
		{"zeit_zeilenmerkmal_genesis.csv", 4, []impCell{
			{"05378", "31.12.2023", "Insgesamt", "286778", 286778, ""},
			{"05378", "31.12.2024", "weiblich", "146062", 146062, ""},
		}},
		// Header cells that name the period next to the feature.
		{"zeit_kopf_genesis.csv", 4, []impCell{
			{"05378004", "31.12.2023", "Bevölkerung; Anzahl", "111222", 111222, ""},
			{"05378004", "31.12.2024", "Bevölkerung; Anzahl", "111361", 111361, ""},
		}},
		// Once in the title lines; "Basis Zensus 2022" is no period.
		{"zeit_titel_stichtag_ldb.csv", 4, []impCell{
			{"05378004", "31.12.2023", pop, "111222", 111222, ""},
			{"05378", "31.12.2023", area, "437,32", 437.32, ""},
		}},
		{"zeit_titel_jahr_genesis.csv", 2, []impCell{
			{"05378", "2022", "Arbeitslose; Ausländer", "2150", 2150, ""},
		}},
		{"zeit_titel_schuljahr_ldb.csv", 4, []impCell{
			{"05378004", "Schuljahr 2023/24", "Grundschulen; Schüler(innen); Ausländer(innen)", "605", 605, ""},
			{"05378004", "Schuljahr 2023/24", "Gymnasien; Schüler(innen); Insgesamt", "5020", 5020, ""},
		}},
		{"zeit_titel_monat_genesis.csv", 2, []impCell{
			{"05378004", "Juni 2024", "Ausländer", "1150", 1150, ""},
		}},
		// Several periods side by side: one date per group of columns.
		{"zeit_nebeneinander_genesis.csv", 6, []impCell{
			{"05378", "31.12.2023", "Ausländer(innen)", "28778", 28778, ""},
			{"05378", "31.12.2024", "Insgesamt", "284273", 284273, ""},
			{"05378", "31.12.2024", "Ausländer(innen)", "29273", 29273, ""},
		}},
		{"zeit_nebeneinander_ldb.csv", 8, []impCell{
			{"05378", "2022", begon, "2000", 2000, ""},
			{"05378", "2023", hilfe, "4252", 4252, ""},
			{"JH05378004", "2023", begon, "1085", 1085, ""},
		}},
		{"zeit_nebeneinander_ba.csv", 6, []impCell{
			{"05378", "Juni 2023", "Ausländer; Frauen", "1.100", 1100, ""},
			{"05378", "Dezember 2023", "Ausländer; Männer", "1.250", 1250, ""},
			{"05378", "Juni 2024", "Ausländer; Männer", "*", 0, store.SymUnknown},
		}},
		// A line of its own before each section.
		{"zeit_abschnitte_ldb.csv", 2, []impCell{
			{"05378", "2022", "Insgesamt; " + hilfe, "4100", 4100, ""},
			{"05378", "2023", "Insgesamt; " + hilfe, "4252", 4252, ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tab := impFixture(t, tt.file)
			if len(tab.Rows) != tt.rows || len(tab.Problems) != 0 {
				t.Errorf("%d rows, problems %q; want %d rows", len(tab.Rows), tab.Problems, tt.rows)
			}
			for _, r := range tab.Rows {
				if !isPeriodText(r.Period) {
					t.Errorf("row %+v: period %q", r, r.Period)
				}
			}
			impCheckCells(t, tab, tt.want)
		})
	}
}

// TestReadPeriodMissing refuses every file with a value whose period is
// unknown, naming the lines and where the reader looked.
func TestReadPeriodMissing(t *testing.T) {
	tests := []struct {
		file  string
		lines string
		hint  string
	}{
		{"bad_zeit_fehlt_ldb.csv", "Für 2 Werte in den Zeilen 5–6 ist keine Zeit", periodHintClassic},
		// A range is not one period; guessing its first year would be wrong.
		{"bad_zeit_bereich_ldb.csv", "Für 1 Wert in Zeile 6 ist keine Zeit", periodHintClassic},
		// Only the second column group has a date: refused, not half read.
		{"bad_zeit_teilweise_genesis.csv", "Für 6 Werte in den Zeilen 5–7 ist keine Zeit", periodHintClassic},
		{"bad_zeit_fehlt_ba.csv", "Für 2 Werte in den Zeilen 8–9 ist keine Zeit", periodHintBA},
		{"bad_zeit_fehlt_flat.csv", "Für 1 Wert in Zeile 2 ist keine Zeit", periodHintFlat},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			tab, err := Read(bytes.NewReader(data))
			if tab != nil || !errors.Is(err, store.ErrInvalidInput) {
				t.Fatalf("got %v, %v; want a refusal", tab, err)
			}
			msg := store.Message(err)
			if !strings.HasPrefix(msg, tt.lines) || !strings.Contains(msg, "Gesucht wurde "+tt.hint+".") || !strings.Contains(msg, "nicht eingelesen") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

func TestReadPeriodMissingMessage(t *testing.T) {
	_, err := Read(strings.NewReader("Tabelle: 1\nTitel;;\n;;Anzahl\n05378;Kreis;1\n"))
	want := "Für 1 Wert in Zeile 4 ist keine Zeit (Jahr, Stichtag, Schuljahr oder Monat) zu erkennen. Gesucht wurde " + periodHintClassic +
		". Die Datei wird nicht eingelesen, damit kein Wert ohne Zeit gespeichert wird; bitte laden Sie die Tabelle 1 mit Zeitangabe herunter."
	if store.Message(err) != want {
		t.Errorf("got  %q\nwant %q", store.Message(err), want)
	}
}

func TestNamedPeriod(t *testing.T) {
	tests := []struct{ in, period, rest string }{
		{"Stichtag: 31.12.2023", "31.12.2023", ""},
		{"Stichtag 31.12.2023", "31.12.2023", ""},
		{"- Stichtag 31.12.2023 -", "31.12.2023", ""},
		{"Jahr: 2022", "2022", ""},
		{"Berichtsjahr 2024", "2024", ""},
		{"Schuljahr 2023/24", "2023/24", ""},
		{"Berichtsmonat Juni 2024", "Juni 2024", ""},
		{"Zeit: 2024-12-31", "2024-12-31", ""},
		{"1. Halbjahr 2024", "1. Halbjahr 2024", ""},
		{"Bevölkerung am Stichtag 31.12.2023", "31.12.2023", "Bevölkerung"},
		{"Arbeitslose Jahr 2022", "2022", "Arbeitslose"},
		// Not a period of the values, or not one period.
		{"- Stichtag 31.12. -", "", ""},
		{"- Stichtag: Schuljahresbeginn -", "", ""},
		{"Bevölkerungsstand (Basis Zensus 2022 und früher)", "", ""},
		{"Gebietsstand: 01.01.2024", "", ""},
		{"Jahr: 2015 bis 2020", "", ""},
		{"Stichtag 31.12.2022 - 31.12.2023", "", ""},
		{"Schuljahr 2023", "", ""},
		{"Jahr 1024", "", ""},
		{"11. Jahrgangsstufe / Einführungsphase", "", ""},
		{"nach Art der Hilfe - Jugendämter - Jahr", "", ""},
	}
	for _, tt := range tests {
		p, rest := namedPeriod(tt.in)
		wantRest := tt.rest
		if tt.period == "" {
			wantRest = tt.in
		}
		if p != tt.period || rest != wantRest {
			t.Errorf("namedPeriod(%q) = %q, %q; want %q, %q", tt.in, p, rest, tt.period, wantRest)
		}
	}
}

func TestLineList(t *testing.T) {
	tests := []struct {
		lines []int
		want  string
	}{
		{[]int{7}, "Zeile 7"},
		{[]int{5, 6}, "den Zeilen 5–6"},
		{[]int{5, 6, 7, 9}, "den Zeilen 5–7 und 9"},
		{[]int{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23}, "den Zeilen 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 und 2 weiteren"},
	}
	for _, tt := range tests {
		if got := lineList(tt.lines); got != tt.want {
			t.Errorf("lineList(%v) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}
