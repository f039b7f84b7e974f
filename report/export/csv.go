package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
)

// exportCSVNumber writes a number in full precision with a decimal comma and no
// thousands points, which German Excel reads as a number: 1234,5.
func exportCSVNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// exportCSVText defuses text that Excel would run as a formula (a note or source
// from a file that came by e-mail could start with "=HYPERLINK(…"): the
// apostrophe, as OWASP advises, shows it is text.
func exportCSVText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteCSV writes every value for German Excel: UTF-8 with byte order mark
// (without it Excel reads Latin-1), ";" between fields, decimal comma,
// CRLF line ends, ValueColumns as header. Official symbols stay in the
// Zeichen column, with an empty Wert. Numbers the report hides are "."
// under the rules of disclosure control, explained in a last line.
func WriteCSV(w io.Writer, e *report.Evaluation) error {
	return writeCSV(w, e, ValueColumns, valueRows(e, false), valueNumberCol, valueSymbolCol, false)
}

// WriteKeyFiguresCSV writes the computed Kennzahlen of the evaluation in the
// format of WriteCSV, KeyFigureColumns as header. A point that cannot be
// computed has an empty Wert, "nein" under berechenbar and its reason; a
// point resting on a hidden count has "." as Wert.
func WriteKeyFiguresCSV(w io.Writer, e *report.Evaluation) error {
	return writeCSV(w, e, KeyFigureColumns, keyFigureRows(e, false), keyFigureNumberCol, -1, false)
}

// WriteInternalCSV is WriteCSV with every value, hidden ones included,
// for internal use only: its first line says InternalNotice.
func WriteInternalCSV(w io.Writer, e *report.Evaluation) error {
	return writeCSV(w, e, ValueColumns, valueRows(e, true), valueNumberCol, valueSymbolCol, true)
}

// WriteInternalKeyFiguresCSV is WriteKeyFiguresCSV with every computed
// point, for internal use only: its first line says InternalNotice.
func WriteInternalKeyFiguresCSV(w io.Writer, e *report.Evaluation) error {
	return writeCSV(w, e, KeyFigureColumns, keyFigureRows(e, true), keyFigureNumberCol, -1, true)
}

// writeCSV defuses every text but that of symbolCol, whose "-" and "."
// are official symbols and no formula.
func writeCSV(w io.Writer, e *report.Evaluation, header []string, rows []exportRow, numberCol, symbolCol int, internal bool) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	// Notice and footnote fill the header's width, so that strict CSV
	// readers accept them.
	line := func(s string) []string { return append([]string{s}, make([]string, len(header)-1)...) }
	if internal {
		if err := cw.Write(line(InternalNotice)); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	rec := make([]string, len(header))
	for _, r := range rows {
		for i, s := range r.text {
			if i != symbolCol {
				s = exportCSVText(s)
			}
			rec[i] = s
		}
		if r.number != nil {
			rec[numberCol] = exportCSVNumber(*r.number)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	if slices.ContainsFunc(rows, func(r exportRow) bool { return r.hidden }) {
		if err := cw.Write(line(e.SuppressionNote())); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
