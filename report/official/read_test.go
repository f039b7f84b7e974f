package official

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"bergischgladbach.de/integrationsmonitor/store"
)

// impCell is one cell a fixture must yield.
type impCell struct {
	key, period, column, raw string
	num                      float64
	sym                      store.Symbol
}

func impFixture(t testing.TB, name string) *Table {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return tab
}

// impRow returns the row of key, period and column, or nil.
func impRow(tab *Table, key, period, column string) *Row {
	for i, r := range tab.Rows {
		if r.RegionKey == key && r.Period == period && r.Column == column {
			return &tab.Rows[i]
		}
	}
	return nil
}

func impCheckCells(t *testing.T, tab *Table, want []impCell) {
	t.Helper()
	for _, w := range want {
		r := impRow(tab, w.key, w.period, w.column)
		if r == nil {
			t.Errorf("no row %s / %s / %q", w.key, w.period, w.column)
			continue
		}
		if r.Raw != w.raw || r.Symbol != w.sym || r.HasNumber != (w.sym == store.NoSymbol) || r.HasNumber && r.Number != w.num {
			t.Errorf("%s / %s / %q = raw %q num %v sym %q has %v, want raw %q num %v sym %q",
				w.key, w.period, w.column, r.Raw, r.Number, r.Symbol, r.HasNumber, w.raw, w.num, w.sym)
		}
	}
}

const (
	impLdbPop    = "Fortschreibung des Bevölkerungsstandes; Bevölkerungsstand (Basis Zensus 2022 und früher); Anzahl"
	impLdbArea   = "Flächenerhebung nach Art der tatsächlichen Nutzung; Bodenfläche (Katasterfläche) in qkm; qkm"
	impLdbDense  = "Fortschreibung des Bevölkerungsstandes; Bevölkerungsdichte; EW pro qkm"
	impEhHilfen  = "Art der Hilfe; Insgesamt; In Anspruch genommene erzieh. Hilfen; Anzahl"
	impEhBegonn  = "Art der Hilfe; Insgesamt; Begonnene erzieher. Hilfen/Beratungen; Anzahl"
	impSvbAll    = "Nationalität; Insgesamt; Geschlecht; Insgesamt"
	impSvbForgn  = "Nationalität; Ausländer(innen); Geschlecht; Insgesamt"
	impSchoolCol = "Schüler(innen) an allgemein bildenden Schulen; "
)

func TestReadFormats(t *testing.T) {
	tests := []struct {
		file, format, code, stand, title string
		rows, problems                   int
		want                             []impCell
	}{
		{"ldb_12411-15i.csv", FormatLDB, "12411-15i", "2026-01-19", "Katasterfläche (qkm), Bevölkerung und Bevölkerungsdichte - Stichtag - Gemeinden", 15, 0, []impCell{
			{"05378004", "31.12.2024", impLdbPop, "111361", 111361, ""},
			{"05378", "31.12.2024", impLdbPop, "284273", 284273, ""},
			{"05378004", "31.12.2024", impLdbArea, "83,09", 83.09, ""},
			{"05378", "31.12.2024", impLdbDense, "650,0", 650, ""},
			{"05378099", "31.12.2024", impLdbPop, ".", 0, store.SymUnknown},
			{"05378099", "31.12.2024", impLdbArea, "-", 0, store.SymNothing},
			{"05378099", "31.12.2024", impLdbDense, "/", 0, store.SymUnreliable},
		}},
		{"ldb_22517-02i.csv", FormatLDB, "22517-02i", "2025-11-27", "Statistik der erzieherischen Hilfen: In Anspruch genommene und begonnene Hilfen/Beratungen nach Art der Hilfe - Jugendämter - Jahr", 10, 3, []impCell{
			{"05378", "2023", impEhHilfen, "4252", 4252, ""},
			{"JH05378004", "2023", impEhBegonn, "1085", 1085, ""},
			{"JH05378099", "2023", impEhHilfen, "/", 0, store.SymUnreliable},
			{"JH05378098", "2023", impEhHilfen, "(218)", 218, ""},
			{"JH05378098", "2023", impEhBegonn, "...", 0, store.SymLater},
			{"JH05378097", "2023", impEhHilfen, "x", 0, store.SymLocked},
			{"JH05378097", "2023", impEhBegonn, "…", 0, store.SymLater},
		}},
		{"genesis_12411-01-01-5.csv", FormatGenesis, "12411-01-01-5", "2017-10-10", "Bevölkerungsstand: Bevölkerung nach Geschlecht - Stichtag 31.12. -", 24, 0, []impCell{
			{"05378004", "31.12.2011", "Insgesamt", "109026", 109026, ""},
			{"05378004", "31.12.2015", "Insgesamt", "111366", 111366, ""},
			{"05378004", "31.12.2015", "weiblich", "57887", 57887, ""},
			{"05378", "31.12.2015", "Insgesamt", "282729", 282729, ""},
			{"05378099", "31.12.2015", "männlich", "-", 0, store.SymNothing},
			{"05378099", "31.12.2011", "Insgesamt", "123p", 123, ""},
			{"05378099", "31.12.2011", "männlich", "60 r", 60, ""},
			{"05378099", "31.12.2011", "weiblich", "63 s", 63, ""},
		}},
		{"genesis_12411-03-03-4.csv", FormatGenesis, "12411-03-03-4", "2017-10-10", "und Altersgruppen (21)", 18, 0, []impCell{
			{"05378", "31.12.2015", "Insgesamt; Insgesamt; Insgesamt", "282729", 282729, ""},
			{"05378", "31.12.2015", "Insgesamt; Deutsche; Insgesamt", "258391", 258391, ""},
			{"05378", "31.12.2015", "Insgesamt; Ausländer(innen); Insgesamt", "24338", 24338, ""},
			{"05378", "31.12.2015", "Insgesamt; Ausländer(innen); weiblich", ".", 0, store.SymUnknown},
			{"05378", "31.12.2015", "15 bis unter 25 Jahre; Insgesamt; Insgesamt", ".", 0, store.SymUnknown},
		}},
		{"genesis_13111-02-02-5.csv", FormatGenesis, "13111-02-02-5", "2017-08-01", "Sozialversicherungspflichtig Beschäftigte am Wohnort", 18, 0, []impCell{
			{"05378004", "30.06.2015", impSvbAll, "36955", 36955, ""},
			{"05378004", "30.06.2015", impSvbForgn, "3054", 3054, ""},
			{"05378099", "30.06.2015", impSvbAll, "120p", 120, ""},
			{"05378099", "30.06.2015", impSvbForgn, "x s", 0, store.SymLocked},
			{"05378099", "30.06.2015", "Nationalität; Insgesamt; Geschlecht; männlich", "(60)", 60, ""},
			{"05378099", "31.12.2015", impSvbAll, "125", 125, ""},
		}},
		{"genesis_21111-01-03-4.csv", FormatGenesis, "21111-01-03-4", "2017-12-13", "Schüler nach Schulart", 20, 0, []impCell{
			{"05378", "2015", "Grundschulen; " + impSchoolCol + "Geschlecht; Insgesamt; Anzahl", "9988", 9988, ""},
			{"05378", "2015", "Grundschulen; " + impSchoolCol + "Nationalität; Ausländer(innen); Anzahl", "498", 498, ""},
			{"05378", "2015", "Insgesamt; " + impSchoolCol + "Geschlecht; Insgesamt; Anzahl", "30745", 30745, ""},
			{"05378", "2015", "Insgesamt; Allgemein bildende Schulen; Anzahl", "x", 0, store.SymLocked},
			{"05999", "2015", "Insgesamt; " + impSchoolCol + "Geschlecht; Insgesamt; Anzahl", "12p", 12, ""},
			{"05999", "2015", "Insgesamt; " + impSchoolCol + "Nationalität; Ausländer(innen); Anzahl", "(3)", 3, ""},
		}},
		{"flat_new_12411.csv", FormatFlat, "12411", "", "Fortschreibung des Bevölkerungsstandes", 4, 1, []impCell{
			{"05378", "2024-12-31", "Bevölkerungsstand; Insgesamt", "284273", 284273, ""},
			{"05378", "2024-12-31", "Bevölkerungsstand; weiblich", "146062", 146062, ""},
			{"05999", "2024-12-31", "Bevölkerungsstand; Insgesamt", "-", 0, store.SymNothing},
		}},
		{"flat_old_12411.csv", FormatFlat, "12411", "", "Fortschreibung des Bevölkerungsstandes", 5, 0, []impCell{
			{"05378", "31.12.2023", "Bevoelkerungsstand; Insgesamt", "286778", 286778, ""},
			{"05378", "31.12.2023", "Bevoelkerungsstand; männlich", "138748", 138748, ""},
			{"DG", "31.12.2023", "Bevoelkerungsstand; Insgesamt", "84669326", 84669326, ""},
			{"05999", "31.12.2023", "Bevoelkerungsstand; Insgesamt", ".", 0, store.SymUnknown},
		}},
		{"ba_altersgruppe.csv", FormatBA, "", "2025-04-01", "Arbeitslose", 8, 0, []impCell{
			{"d", "2024", "Ausländer; unter 25 Jahre; JD Arbeitslose", "94.093", 94093, ""},
			{"d", "2024", "Ausländer; 25 bis unter 55 Jahre; Anteil an Insgesamt in %", "75", 75, ""},
			{"d", "2024", "Ausländer; Testzeile (anonymisiert); JD Arbeitslose", "*", 0, store.SymUnknown},
		}},
		{"ba_zeitreihe_rbk.csv", FormatBA, "", "2017-10-01", "Arbeitslose", 6, 0, []impCell{
			{"05378", "2015", "Ausländer; Arbeitslose", "1.945", 1945, ""},
			{"05378", "2016", "Ausländer; Arbeitslose", "2.064", 2064, ""},
			{"05378", "2014", "Ausländer; Arbeitslosenquote bezogen auf alle zivilen Erwerbspersonen", "16,3", 16.3, ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tab := impFixture(t, tt.file)
			if tab.Format != tt.format || tab.TableCode != tt.code || tab.AsOf != tt.stand {
				t.Errorf("format %q code %q stand %q, want %q %q %q", tab.Format, tab.TableCode, tab.AsOf, tt.format, tt.code, tt.stand)
			}
			if !strings.Contains(tab.Title, tt.title) {
				t.Errorf("title %q does not contain %q", tab.Title, tt.title)
			}
			if len(tab.Rows) != tt.rows || len(tab.Problems) != tt.problems {
				t.Errorf("%d rows, %d problems %q; want %d, %d", len(tab.Rows), len(tab.Problems), tab.Problems, tt.rows, tt.problems)
			}
			for _, r := range tab.Rows {
				if r.AsOf != tt.stand || r.RegionName == "" || r.RegionName != strings.TrimSpace(r.RegionName) || r.Line == 0 {
					t.Errorf("row %+v: stand, name or line not set as expected", r)
				}
			}
			impCheckCells(t, tab, tt.want)
		})
	}
}

// TestReadFooterNotData guards against footnotes being read as
// values: the LDB fixture's footnote contains a line shaped like a data row
// of Bergisch Gladbach.
func TestReadFooterNotData(t *testing.T) {
	tab := impFixture(t, "ldb_12411-15i.csv")
	for _, r := range tab.Rows {
		if strings.Contains(r.RegionName, "Fußnote") || r.Raw == "1" {
			t.Errorf("footnote read as data: %+v", r)
		}
	}
}

// TestReadEncodings reads the same Latin-1 table as UTF-8 with and
// without BOM and as Latin-1: the results must be identical and the
// umlauts decoded.
func TestReadEncodings(t *testing.T) {
	latin1, err := os.ReadFile(filepath.Join("testdata", "ldb_12411-15i.csv"))
	if err != nil {
		t.Fatal(err)
	}
	utf8Text, err := charmap.ISO8859_1.NewDecoder().Bytes(latin1)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(utf8Text, latin1) {
		t.Fatal("fixture is not Latin-1 encoded")
	}
	var tabs []*Table
	for _, data := range [][]byte{latin1, utf8Text, append([]byte("\xef\xbb\xbf"), utf8Text...)} {
		tab, err := Read(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		tabs = append(tabs, tab)
	}
	for i, tab := range tabs {
		if !strings.Contains(tab.Title, "Bevölkerung") || impRow(tab, "05378012", "31.12.2024", impLdbPop) == nil {
			t.Errorf("encoding %d: umlauts not decoded: %q", i, tab.Title)
		}
		if !strings.Contains(impRow(tab, "05378012", "31.12.2024", impLdbPop).RegionName, "Kürten") {
			t.Errorf("encoding %d: region name not decoded", i)
		}
		var a, b bytes.Buffer
		if err := WritePreview(&a, tabs[0]); err != nil {
			t.Fatal(err)
		}
		if err := WritePreview(&b, tab); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("encoding %d reads differently:\n%s\n---\n%s", i, a.String(), b.String())
		}
	}
}

func TestReadRefused(t *testing.T) {
	tests := []struct{ file, want string }{
		{"bad_empty.csv", "Die Datei ist leer."},
		{"bad_blank.csv", "Die Datei ist leer."},
		{"bad_binary.csv", "Die Datei enthält Binärdaten und ist keine CSV-Datei. Bitte laden Sie die Tabelle im Format CSV herunter."},
		{"bad_xlsx.csv", "Die Datei ist eine Excel-Arbeitsmappe oder ein ZIP-Archiv. Bitte laden Sie die Tabelle im Format CSV herunter."},
		{"bad_unknown.csv", "Die Datei ist kein bekanntes Statistik-Format (Landesdatenbank NRW, Regionaldatenbank, GENESIS-Flat oder Bundesagentur für Arbeit)."},
		{"bad_nodata_ldb.csv", "Die Tabelle 12411-15i enthält keine Datenzeilen mit Werten."},
		{"bad_nodata_flat.csv", "Die Datei enthält keine Datenzeilen mit Werten."},
		{"bad_flat_columns.csv", "Die GENESIS-Flat-Datei hat nicht die erwarteten Spalten (Zeit, Merkmale und Werte)."},
		{"bad_ba_notable.csv", "In der Datei der Bundesagentur für Arbeit wurde keine Tabelle mit Werten gefunden."},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			tab, err := Read(bytes.NewReader(data))
			if err == nil {
				t.Fatalf("read %d rows, want refusal", len(tab.Rows))
			}
			if tab != nil || !errors.Is(err, store.ErrInvalidInput) || store.Message(err) != tt.want {
				t.Errorf("got %v, %q; want nil table and %q", tab, store.Message(err), tt.want)
			}
		})
	}
}

type impFailingReader struct{}

func (impFailingReader) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

func TestReadReadError(t *testing.T) {
	if _, err := Read(impFailingReader{}); err == nil || errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("got %v, want the reader's error", err)
	}
}

func TestReadProblemCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("Tabelle: 1\n;;;Anzahl\n2024;05378004;Bergisch Gladbach;1\n")
	for range 3 * maxProblems {
		b.WriteString("2024;05378004;Bergisch Gladbach;kaputt\n")
	}
	tab, err := Read(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Problems) != maxProblems+1 || !strings.HasPrefix(tab.Problems[0], "Zeile 4: ") {
		t.Errorf("%d problems, first %q", len(tab.Problems), tab.Problems[0])
	}
}

// TestReadCRLF reads downloads saved with Windows line endings, as
// browsers on the office PCs store them, like the LF originals.
func TestReadCRLF(t *testing.T) {
	for _, name := range []string{"ldb_22517-02i.csv", "genesis_12411-01-01-5.csv", "ba_altersgruppe.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		lf, err := Read(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		crlf, err := Read(bytes.NewReader(bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))))
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if err := WritePreview(&a, lf); err != nil {
			t.Fatal(err)
		}
		if err := WritePreview(&b, crlf); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() || crlf.AsOf != lf.AsOf || len(crlf.Problems) != len(lf.Problems) {
			t.Errorf("%s reads differently with CRLF:\n%s", name, b.String())
		}
	}
}
