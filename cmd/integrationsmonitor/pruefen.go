package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"bergischgladbach.de/integrationsmonitor/store"
)

// runCheck verifies a file read-only and reports in German.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("pruefen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor pruefen DATEI")
		return errReported
	}
	r, err := store.Check(ctx, fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "Prüfung fehlgeschlagen: %s\n", store.Message(err))
		return errReported
	}
	fmt.Fprintf(stdout, "Die Datei ist in Ordnung (Schema-Version %d): %d Kennzahlen, %d Wirkungsindikatoren, %d Werte (davon %d Beispieldaten), %d Einträge in der Wertehistorie.\n",
		r.SchemaVersion, r.KeyFigures, r.Indicators, r.Values, r.DemoValues, r.History)
	if r.Editions > 0 {
		fmt.Fprintf(stdout, "%d festgeschriebene Berichtsfassungen, alle unverändert (Prüfsummen stimmen).\n", r.Editions)
	}
	return printFindings(ctx, fs.Arg(0), stdout, stderr)
}
