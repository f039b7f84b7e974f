package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// runReport writes the PDF Monitoring-Bericht of a report year:
//
//	integrationsmonitor bericht DATEI -jahr 2025 -o bericht.pdf [-titel …] [-autor …] [-stand 2026-03-01]
func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bericht", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("jahr", 0, "Berichtsjahr, z. B. 2025 (ohne Angabe das in der Datei eingestellte)")
	out := fs.String("o", "", "Ausgabedatei, z. B. bericht.pdf (ohne Angabe Monitoring-Bericht-JAHR.pdf)")
	title := fs.String("titel", "", "Titel des Berichts (ohne Angabe der in der Datei gespeicherte)")
	author := fs.String("autor", "", "Verfasser/in oder Dienststelle (ohne Angabe die in der Datei gespeicherte)")
	stand := fs.String("stand", "", "Stand des Berichts, z. B. 2026-03-01 (ohne Angabe die letzte Änderung der Daten)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return errReported
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor bericht DATEI -jahr 2025 -o bericht.pdf [-titel …] [-autor …] [-stand 2026-03-01]")
		return errReported
	}
	created, err := parseStand(*stand)
	if err != nil {
		fmt.Fprintln(stderr, store.Message(err))
		return errReported
	}
	data, err := readReportData(ctx, pos[0], *year, false)
	if err != nil {
		fmt.Fprintf(stderr, "Der Bericht wurde nicht geschrieben: %s\n", store.Message(err))
		return errReported
	}
	if *out == "" {
		*out = fmt.Sprintf("Monitoring-Bericht-%d.pdf", data.year)
	}
	if err := checkPDFName(*out); err != nil {
		fmt.Fprintln(stderr, store.Message(err))
		return errReported
	}
	if created.IsZero() {
		// From the file, not the clock: the same file gives the same PDF.
		created = report.LatestChange(data.snap, data.texts)
	}
	opt := pdf.Options{
		Title: *title, Author: *author, Created: created,
		Fonts: pdf.Fonts{Regular: assets.FontRegular, Bold: assets.FontBold, Italic: assets.FontItalic},
	}
	e := data.evaluate()
	pages := 0
	var renderErr error
	err = store.WriteFileAtomic(*out, func(w io.Writer) error {
		pages, renderErr = pdf.Write(w, e, data.texts, opt)
		return renderErr
	})
	switch {
	case renderErr != nil:
		fmt.Fprintf(stderr, "Der Bericht konnte nicht erstellt werden: %s\n", store.Message(renderErr))
		return errReported
	case err != nil:
		fmt.Fprintf(stderr, "Der Bericht wurde nicht geschrieben: %s\n", store.Message(err))
		return errReported
	}
	fmt.Fprintf(stdout, "Bericht geschrieben: %s (%d Seiten)\n", *out, pages)
	if data.demo {
		fmt.Fprintln(stdout, "Achtung: Die Datei enthält Beispieldaten – keine echten Zahlen. Jede Seite des Berichts ist so gekennzeichnet.")
	}
	return nil
}

// reportData is what a report needs from the monitoring file.
type reportData struct {
	year  int
	snap  *store.Snapshot
	texts *store.ReportTexts
	demo  bool
	small int // threshold for small counts, from the file
}

// evaluate is the one evaluation every headless presentation prints.
func (d *reportData) evaluate() *report.Evaluation {
	return report.Evaluate(report.Input{Snapshot: d.snap, Texts: d.texts, Year: d.year, SmallCount: d.small, Demo: d.demo})
}

// readReportData reads the file through a checked copy in a temporary
// folder, as the export does: the report can then be made while the
// window holds the file, and the file is never changed.
func readReportData(ctx context.Context, path string, year int, anyYear bool) (*reportData, error) {
	tmp, err := os.MkdirTemp("", "integrationsmonitor-bericht-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	cp, err := store.CopyFile(ctx, path, tmp)
	if err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, cp)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if year == 0 {
		// Not the clock's default: the same file gives the same report.
		// The values export (anyYear) needs no year but for its Übersicht
		// sheet, and takes the window's default.
		if !set.ReportYearStored && !anyYear {
			return nil, store.Invalid("Bitte geben Sie das Berichtsjahr an, z. B. -jahr 2025.")
		}
		year = set.ReportYear
	}
	if year < store.MinPeriodYear || year > store.MaxPeriodYear {
		return nil, store.Invalid(fmt.Sprintf("Das Berichtsjahr muss zwischen %d und %d liegen.", store.MinPeriodYear, store.MaxPeriodYear))
	}
	d := &reportData{year: year, demo: set.Demo, small: set.SmallCount}
	if d.snap, err = s.Snapshot(ctx, year); err != nil {
		return nil, err
	}
	if d.texts, err = s.ReportTexts(ctx, year); err != nil {
		return nil, err
	}
	return d, nil
}

// parseStand reads -stand as an ISO or a German date; "" is the zero time.
func parseStand(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, store.Invalid(fmt.Sprintf("„%s“ ist kein Datum; bitte -stand z. B. als 2026-03-01 angeben.", s))
}

// checkPDFName keeps a slip such as "-o monitoring.sqlite" from replacing
// the monitoring file with a report.
func checkPDFName(out string) error {
	if !strings.EqualFold(filepath.Ext(out), ".pdf") {
		return store.Invalid("Die Ausgabedatei muss auf .pdf enden, z. B. -o bericht.pdf.")
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return store.Invalid(fmt.Sprintf("„%s“ ist ein Ordner; bitte geben Sie einen Dateinamen an, z. B. bericht.pdf.", out))
	}
	return nil
}
