package main

import (
	"context"
	"fmt"
	"io"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// printFindings lists the plausibility findings of every value of the
// file at path, which passed store.Check. They are warnings: the exit
// code stays 0, so that a script tells a damaged file (1) from one with
// values to look at.
func printFindings(ctx context.Context, path string, stdout, stderr io.Writer) error {
	fs, err := readFindings(ctx, path)
	if err != nil {
		fmt.Fprintf(stderr, "Plausibilitätsprüfung fehlgeschlagen: %s\n", store.Message(err))
		return errReported
	}
	switch len(fs) {
	case 0:
		fmt.Fprintln(stdout, "Plausibilitätsprüfung: keine Hinweise.")
		return nil
	case 1:
		fmt.Fprintln(stdout, "Plausibilitätsprüfung: 1 Hinweis (eine Warnung, kein Fehler; bitte den Wert prüfen):")
	default:
		fmt.Fprintf(stdout, "Plausibilitätsprüfung: %s Hinweise (Warnungen, keine Fehler; bitte die Werte prüfen):\n", report.FormatCount(len(fs)))
	}
	printFindingLines(stdout, fs)
	return nil
}

// printFindingLines writes one line per finding, as pruefen and import
// list them.
func printFindingLines(w io.Writer, fs []report.Finding) {
	for _, f := range fs {
		// A Grundzahl no Kennzahl computes with (the population, read for
		// the participation shares) has no Kennzahl to name.
		kf := ""
		if f.KeyFigure != "" {
			kf = "Kennzahl " + f.KeyFigure + "; "
		}
		fmt.Fprintf(w, "- %sGrundzahl %s %s; Erhebungszeit %s; Bezirk %s; Gruppe %s: %s\n",
			kf, f.BaseFigure, f.BaseFigureName, f.PeriodLabel(), f.AreaName, f.GroupName, f.Text)
	}
}

// readFindings checks the values of a checked copy in a temporary folder,
// as the report does, so that the file itself is only read.
func readFindings(ctx context.Context, path string) ([]report.Finding, error) {
	s, done, err := openCheckedCopy(ctx, path, "integrationsmonitor-pruefen-")
	if err != nil {
		return nil, err
	}
	defer done()
	// An invalid setting falls back to its default (store.Settings);
	// the window says so when the file is opened.
	set, _ := s.Settings(ctx)
	snap, err := s.Snapshot(ctx, 0)
	if err != nil {
		return nil, err
	}
	return report.CheckPlausibility(snap, set.ChangeFactor), nil
}

// importFindings are the plausibility findings the values vs bring into
// the file: the import summary lists them, the values are stored anyway.
func importFindings(ctx context.Context, st *store.Store, cat *store.Catalog, stored, vs []store.Value) []report.Finding {
	set, _ := st.Settings(ctx) // an invalid setting falls back to its default
	return report.CheckCandidates(&store.Snapshot{Catalog: cat, Values: stored}, vs, set.ChangeFactor)
}

func printImportFindings(w io.Writer, fs []report.Finding) {
	switch len(fs) {
	case 0:
		return
	case 1:
		fmt.Fprintln(w, "1 Plausibilitätshinweis zu den eingelesenen Werten (eine Warnung; bitte den Wert prüfen):")
	default:
		fmt.Fprintf(w, "%s Plausibilitätshinweise zu den eingelesenen Werten (Warnungen; bitte die Werte prüfen):\n", report.FormatCount(len(fs)))
	}
	printFindingLines(w, fs)
}
