package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// overviewHeader is the header line of `uebersicht`. The first five
// columns are fixed for the Statistikdienststelle's scripts (README);
// columns may only be added at the end.
var overviewHeader = []string{"Kennzahl", "Letzter Wert", "Erhebungszeit", "Veränderung", "Bewertung",
	"Veränderung seit", "Berichtsjahr", "Aussage",
	"Gemessen", "Referenz", "Veränderung zum Vorjahresbericht", "Vorjahreswert von", "Zeichen"}

// runOverview prints the Übersicht of a report year as a ';' table:
//
//	integrationsmonitor uebersicht DATEI [-jahr 2025]
func runOverview(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("uebersicht", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("jahr", 0, "Berichtsjahr, z. B. 2025 (ohne Angabe das in der Datei eingestellte)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return errReported
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor uebersicht DATEI [-jahr 2025]")
		return errReported
	}
	data, err := readReportData(ctx, pos[0], *year, forOverview)
	if err != nil {
		fmt.Fprintf(stderr, "Die Übersicht wurde nicht erstellt: %s\n", store.Message(err))
		return errReported
	}
	return writeOverview(stdout, data.evaluate())
}

// writeOverview writes one line per Kennzahl in catalogue order. No-break
// spaces become plain spaces, so that a script can split "24,1 %" like
// any other text.
func writeOverview(w io.Writer, e *report.Evaluation) error {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	plain := strings.NewReplacer("\u00a0", " ", "\u00ad", "")
	if err := cw.Write(overviewHeader); err != nil {
		return err
	}
	for _, r := range e.Overview {
		rec := []string{r.Code, r.Latest, r.LatestPeriod, r.Change, r.Assessment, r.ChangeSince, r.Current, r.Statement,
			r.Measure, r.Reference, r.ChangePrev, r.ChangePrevSince, r.Shape}
		for i := range rec {
			rec[i] = plain.Replace(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
