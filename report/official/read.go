package official

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The formats Read understands, as Table.Format names them.
const (
	FormatLDB     = "Landesdatenbank NRW"
	FormatGenesis = "Regionaldatenbank (GENESIS)"
	FormatFlat    = "GENESIS-Flat"
	FormatBA      = "Bundesagentur für Arbeit"
)

// Row is one cell of an official statistics download: a value (or
// official symbol) for one region, period and column, kept as the source
// writes it so that the preview shows exactly what was read.
type Row struct {
	RegionKey  string // Regionalschlüssel as text, with leading zeros: "05378004"
	RegionName string // without the indentation of the source
	Period     string // as in the source: "31.12.2024", "2015", "2024-12-31", "Juni 2024"
	Column     string // feature and group as in the source, parts joined with "; "
	// Raw is the cell exactly as written ("1.234", "12,5", ".", "123p",
	// "(45)", "*"); GENESIS suffixes and brackets stay in it, while Number
	// or Symbol hold what they qualify.
	Raw       string
	Number    float64 // meaningful only when HasNumber
	Symbol    store.Symbol
	HasNumber bool
	AsOf      string // the Datenstand ("Stand:") as an ISO date, "" if none
	Line      int    // line of the source file, for messages
}

// Table is what Read read from one download, in a form that no
// longer depends on the source format.
type Table struct {
	Format    string // one of the Format constants
	TableCode string // "12411-01-01-5", "22517-02i"; the statistics code for flat files; "" for BA
	Title     string
	AsOf      string // the Datenstand as an ISO date, or ""
	Rows      []Row
	Problems  []string // German, with line numbers; the rest of the file was still read

	// periodHint says where the reader looked for the period, for the
	// refusal of a table in which it found none.
	periodHint string
}

// maxSize keeps a mistakenly chosen disk image from exhausting
// memory; the largest Regionaldatenbank downloads are a few ten megabytes.
const maxSize = 256 << 20

// maxProblems keeps the problem list readable when a whole column is
// damaged; the count of the rest is still reported.
const maxProblems = 100

var errUnknownFormat = store.Invalid("Die Datei ist kein bekanntes Statistik-Format (Landesdatenbank NRW, Regionaldatenbank, GENESIS-Flat oder Bundesagentur für Arbeit).")

// Read reads a CSV download of the Landesdatenbank NRW, the
// Regionaldatenbank (classic GENESIS table or flat file) or the Statistik
// der Bundesagentur für Arbeit. The period of every value is taken from
// wherever the download puts it (a column, a column header, the title lines
// or a line of its own); a file with values whose period cannot be
// determined is refused rather than read with an empty one. The encoding (UTF-8 with or without BOM,
// else Windows-1252, of which ISO-8859-1 is a subset for printable text)
// and the format are recognised from the content, not the file name, since
// downloads are often renamed. A file that cannot be read as any of them is
// refused with a German message (see store.Message); problems in single
// lines are collected in Problems and the rest is read.
func Read(r io.Reader) (*Table, error) {
	raw, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("read import: %w", err)
	}
	if len(raw) > maxSize {
		return nil, store.Invalid("Die Datei ist zu groß für einen Statistik-Download (mehr als 256 MB).")
	}
	text, err := decode(raw)
	if err != nil {
		return nil, err
	}
	t, err := parseRecords(splitRecords(text))
	if err != nil {
		return nil, err
	}
	if len(t.Rows) == 0 {
		return nil, noDataError(t)
	}
	undated := false
	for i := range t.Rows {
		if t.Rows[i].AsOf == "" && t.AsOf != "" {
			t.Rows[i].AsOf = t.AsOf
		}
		undated = undated || t.Rows[i].Period == ""
	}
	if undated {
		return nil, missingPeriods(t)
	}
	return t, nil
}

func noDataError(t *Table) error {
	msg := "Die Datei enthält keine Datenzeilen mit Werten."
	if t.TableCode != "" {
		msg = fmt.Sprintf("Die Tabelle %s enthält keine Datenzeilen mit Werten.", t.TableCode)
	}
	if len(t.Problems) > 0 {
		msg += " " + t.Problems[0]
	}
	return store.Invalid(msg)
}

// decode returns the text as UTF-8. Office programs and browsers
// still save Latin-1; a file that is not valid UTF-8 is taken as
// Windows-1252, which decodes every byte and agrees with ISO-8859-1 on all
// printable characters.
func decode(data string) (string, error) {
	data = strings.TrimPrefix(data, "\xef\xbb\xbf")
	if len(strings.TrimSpace(data)) == 0 {
		return "", store.Invalid("Die Datei ist leer.")
	}
	switch {
	case strings.HasPrefix(data, "PK\x03\x04"):
		return "", store.Invalid("Die Datei ist eine Excel-Arbeitsmappe oder ein ZIP-Archiv. Bitte laden Sie die Tabelle im Format CSV herunter.")
	case strings.HasPrefix(data, "%PDF"):
		return "", store.Invalid("Die Datei ist ein PDF-Dokument. Bitte laden Sie die Tabelle im Format CSV herunter.")
	case strings.IndexByte(data, 0) >= 0:
		// Text never contains NUL; UTF-16 exports and binaries do.
		return "", store.Invalid("Die Datei enthält Binärdaten und ist keine CSV-Datei. Bitte laden Sie die Tabelle im Format CSV herunter.")
	}
	if utf8.ValidString(data) {
		return data, nil
	}
	return decodeWindows1252(data), nil
}

// record is one CSV record with the line it starts on.
type record struct {
	line  int
	cells []string
}

// parseRecords recognises the format by the first record and hands the
// records to its parser.
func parseRecords(recs []record) (*Table, error) {
	for len(recs) > 0 && emptyRecord(recs[0]) {
		recs = recs[1:]
	}
	if len(recs) == 0 {
		return nil, store.Invalid("Die Datei ist leer.")
	}
	first := strings.TrimSpace(recs[0].cells[0])
	switch {
	case strings.HasPrefix(first, "GENESIS-Tabelle:"):
		t := &Table{Format: FormatGenesis, TableCode: tableCode(strings.TrimPrefix(first, "GENESIS-Tabelle:")), periodHint: periodHintClassic}
		parseClassic(t, recs[1:])
		return t, nil
	case strings.HasPrefix(first, "Tabelle:"):
		t := &Table{Format: FormatLDB, TableCode: tableCode(strings.TrimPrefix(first, "Tabelle:")), periodHint: periodHintClassic}
		parseClassic(t, recs[1:])
		return t, nil
	case strings.EqualFold(first, "statistics_code"), strings.EqualFold(first, "Statistik_Code"):
		t := &Table{Format: FormatFlat, periodHint: periodHintFlat}
		if err := parseFlat(t, recs); err != nil {
			return nil, err
		}
		return t, nil
	case isBA(recs):
		t := &Table{Format: FormatBA, periodHint: periodHintBA}
		if err := parseBA(t, recs); err != nil {
			return nil, err
		}
		return t, nil
	}
	return nil, errUnknownFormat
}

// tableCode takes the code from the rest of a "Tabelle:" line, without
// what a file saved with another separator leaves behind ("12411,,,").
func tableCode(rest string) string {
	f := strings.Fields(rest)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimRight(f[0], ",;\t")
}

// problem records a German, line-numbered note about a line that could
// not be read completely.
func (t *Table) problem(line int, format string, args ...any) {
	switch n := len(t.Problems); {
	case n < maxProblems:
		t.Problems = append(t.Problems, fmt.Sprintf("Zeile %d: ", line)+fmt.Sprintf(format, args...))
	case n == maxProblems:
		t.Problems = append(t.Problems, "Weitere Hinweise werden nicht angezeigt.")
	}
}

func emptyRecord(r record) bool {
	for _, c := range r.cells {
		if trimSpace(c) != "" {
			return false
		}
	}
	return true
}

// cell returns the trimmed i-th cell of r, or "" when r is shorter.
func (r record) cell(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return trimSpace(r.cells[i])
}

// nonEmpty counts the non-empty cells from index from on.
func (r record) nonEmpty(from int) int {
	n := 0
	for i := from; i < len(r.cells); i++ {
		if trimSpace(r.cells[i]) != "" {
			n++
		}
	}
	return n
}

// shortText keeps quoted source text readable in a problem list.
func shortText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
