package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report/export"
	"bergischgladbach.de/integrationsmonitor/store"
)

// runExport writes the values (or the computed Kennzahlen) of DATEI as CSV
// for German Excel or as an XLSX workbook, as the report publishes them
// (hidden numbers as "."), or with -intern every value, in a file whose
// name and first line say "nur für den Dienstgebrauch":
//
//	integrationsmonitor export DATEI -format csv|xlsx -o werte.csv|werte.xlsx [-kennzahlen] [-intern]
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "", "csv oder xlsx (ohne Angabe nach der Endung der Ausgabedatei)")
	out := fs.String("o", "", "Ausgabedatei, z. B. werte.xlsx")
	keyFigures := fs.Bool("kennzahlen", false, "bei csv: die berechneten Kennzahlen statt der Werte (xlsx enthält beides)")
	year := fs.Int("jahr", 0, "Berichtsjahr der Übersicht und der Bewertungen (ohne Angabe das in der Datei eingestellte)")
	internal := fs.Bool("intern", false, "interne Fassung mit allen Werten, auch den im Bericht gesperrten (nur für den Dienstgebrauch)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return errReported
	}
	if len(pos) != 1 || *out == "" {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor export DATEI -format csv|xlsx -o AUSGABE [-kennzahlen] [-intern]")
		return errReported
	}
	kind, err := exportFormat(*format, *out)
	if err != nil {
		fmt.Fprintln(stderr, store.Message(err))
		return errReported
	}
	if *internal {
		*out = export.InternalName(*out)
	}
	if st, err := os.Stat(*out); err == nil && st.IsDir() {
		fmt.Fprintf(stderr, "„%s“ ist ein Ordner; bitte geben Sie einen Dateinamen an, z. B. werte.%s.\n", *out, kind)
		return errReported
	}
	data, err := readReportData(ctx, pos[0], *year, forExport)
	if err != nil {
		fmt.Fprintf(stderr, "Der Export wurde nicht geschrieben: %s\n", store.Message(err))
		return errReported
	}
	e := data.evaluate()
	writeXLSX, writeKeyFigures, writeValues := export.WriteXLSX, export.WriteKeyFiguresCSV, export.WriteCSV
	if *internal {
		writeXLSX, writeKeyFigures, writeValues = export.WriteInternalXLSX, export.WriteInternalKeyFiguresCSV, export.WriteInternalCSV
	}
	write := func(w io.Writer) error { return writeXLSX(w, e) }
	what := "Werte und berechnete Kennzahlen"
	switch {
	case kind == "csv" && *keyFigures:
		write, what = func(w io.Writer) error { return writeKeyFigures(w, e) }, "berechnete Kennzahlen"
	case kind == "csv":
		write, what = func(w io.Writer) error { return writeValues(w, e) }, "Werte"
	}
	if *internal {
		what += ", alle Werte – " + export.InternalLabel
	} else {
		what += "; gesperrte Zahlen als „.“"
	}
	if err := store.WriteFileAtomic(*out, write); err != nil {
		fmt.Fprintf(stderr, "Der Export wurde nicht geschrieben: %s\n", store.Message(err))
		return errReported
	}
	demo := 0
	for _, v := range e.Values {
		if v.Demo {
			demo++
		}
	}
	fmt.Fprintf(stdout, "Export gespeichert: %s (%s; %d Werte in der Datei)\n", *out, what, len(e.Values))
	if demo > 0 {
		fmt.Fprintf(stdout, "Achtung: %d Werte sind Beispieldaten – keine echten Zahlen. Sie sind im Export gekennzeichnet.\n", demo)
	}
	return nil
}

// parseInterleaved lets flags follow the file name, as the usage line
// shows them; the flag package alone stops at the first non-flag.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// exportFormat settles the format from -format and the output's ending.
// Demanding the matching ending also keeps a slip such as
// "-o monitoring.sqlite" from replacing the monitoring file.
func exportFormat(format, out string) (string, error) {
	ext := strings.ToLower(filepath.Ext(out))
	if format == "" {
		switch ext {
		case ".xlsx":
			format = "xlsx"
		case ".csv":
			format = "csv"
		default:
			return "", store.Invalid("Bitte geben Sie das Format an: -format csv oder -format xlsx.")
		}
	}
	switch format {
	case "csv", "xlsx":
		if ext != "."+format {
			return "", store.Invalid(fmt.Sprintf("Die Ausgabedatei für -format %s muss auf .%s enden.", format, format))
		}
		return format, nil
	}
	return "", store.Invalid(fmt.Sprintf("Das Format „%s“ gibt es nicht; möglich sind csv und xlsx.", format))
}
