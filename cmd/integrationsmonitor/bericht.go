package main

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/html"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// runReport writes the PDF Monitoring-Bericht of a report year:
//
//	integrationsmonitor bericht DATEI -jahr 2025 -o bericht.pdf [-format pdf|html] [-titel …] [-autor …] [-stand 2026-03-01] [-aktuell]
//
// A frozen report year prints its newest Fassung unchanged, unless
// -aktuell asks for today's values.
func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bericht", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("jahr", 0, "Berichtsjahr, z. B. 2025 (ohne Angabe das in der Datei eingestellte)")
	out := fs.String("o", "", "Ausgabedatei, z. B. bericht.pdf (ohne Angabe Monitoring-Bericht-JAHR.pdf)")
	title := fs.String("titel", "", "Titel des Berichts (ohne Angabe der in der Datei gespeicherte)")
	author := fs.String("autor", "", "Verfasser/in oder Dienststelle (ohne Angabe die in der Datei gespeicherte)")
	stand := fs.String("stand", "", "Stand des Berichts, z. B. 2026-03-01 (ohne Angabe die letzte Änderung der Daten)")
	format := fs.String("format", "pdf", "pdf oder html (barrierearme Fassung für die Website)")
	current := fs.Bool("aktuell", false, "für ein festgeschriebenes Berichtsjahr: mit heutigen Werten drucken (jede Seite wird als abweichend gekennzeichnet)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return errReported
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor bericht DATEI -jahr 2025 -o bericht.pdf [-format html] [-titel …] [-autor …] [-stand 2026-03-01]")
		return errReported
	}
	created, err := parseStand(*stand)
	if err != nil {
		fmt.Fprintln(stderr, store.Message(err))
		return errReported
	}
	data, err := readReportData(ctx, pos[0], *year, forReport)
	if err != nil {
		fmt.Fprintf(stderr, "Der Bericht wurde nicht geschrieben: %s\n", store.Message(err))
		return errReported
	}
	asHTML, err := reportFormat(*format)
	if err != nil {
		fmt.Fprintln(stderr, store.Message(err))
		return errReported
	}
	if *out == "" {
		*out = fmt.Sprintf("Monitoring-Bericht-%d.%s", data.year, strings.ToLower(*format))
	}
	if err := checkReportName(*out, asHTML); err != nil {
		fmt.Fprintln(stderr, store.Message(err))
		return errReported
	}
	in, prev, opt := &data.in, data.prevInputs(), pdf.OptionsFor(&data.in, reportFonts)
	frozen := data.frozen != nil && !*current
	switch {
	case frozen:
		// The frozen edition as the council received it: its own inputs,
		// title and Stand, compared with the edition before it at the
		// time it was frozen.
		in, prev = data.frozen.Inputs, data.prevFrozenInputs()
		opt = pdf.OptionsFor(in, reportFonts)
		if *title != "" || *author != "" || *stand != "" {
			fmt.Fprintln(stderr, "Hinweis: -titel, -autor und -stand gelten nicht für einen festgeschriebenen Bericht; gedruckt wird die festgeschriebene Fassung.")
		}
	default:
		opt.Title, opt.Author = cmp.Or(*title, opt.Title), cmp.Or(*author, opt.Author)
		opt.Created = cmp.Or(created, opt.Created)
		if data.frozen != nil {
			opt.Deviation = fmt.Sprintf("Abweichend vom festgeschriebenen Bericht %d", data.year)
		}
	}
	pages := 0
	var renderErr error
	sum := sha256.New()
	err = store.WriteFileAtomic(*out, func(w io.Writer) error {
		if asHTML {
			renderErr = html.Render(w, in, prev, html.Options{Title: opt.Title, Author: opt.Author, Created: opt.Created, Deviation: opt.Deviation})
			return renderErr
		}
		pages, renderErr = pdf.Render(io.MultiWriter(w, sum), in, prev, opt)
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
	if asHTML {
		fmt.Fprintf(stdout, "Bericht geschrieben: %s (HTML)\n", *out)
	} else {
		fmt.Fprintf(stdout, "Bericht geschrieben: %s (%d Seiten)\n", *out, pages)
	}
	switch {
	case frozen && asHTML:
		fmt.Fprintf(stdout, "Festgeschriebener Bericht: %s vom %s.\n", data.frozen.Label(), report.FormatDate(data.frozen.FrozenAt))
	case frozen:
		fmt.Fprintf(stdout, "Festgeschriebener Bericht: %s vom %s.\n", data.frozen.Label(), report.FormatDate(data.frozen.FrozenAt))
		if h := hex.EncodeToString(sum.Sum(nil)); data.frozen.PDFHash != "" && h != data.frozen.PDFHash {
			fmt.Fprintln(stderr, "Hinweis: Der Nachdruck ist nicht bytegleich mit dem Druck beim Festschreiben (andere Programmversion?); Zahlen und Texte stammen aus der festgeschriebenen Fassung.")
		}
	case data.frozen != nil:
		fmt.Fprintf(stdout, "Mit heutigen Werten gedruckt; jede Seite ist als abweichend vom festgeschriebenen Bericht %d gekennzeichnet.\n", data.year)
	}
	warnDraft(stderr, in)
	if in.Settings.Demo {
		fmt.Fprintln(stdout, "Achtung: Die Datei enthält Beispieldaten – keine echten Zahlen. Jede Seite des Berichts ist so gekennzeichnet.")
	}
	return nil
}

// reportFonts are the report's embedded fonts.
var reportFonts = pdf.Fonts{Regular: assets.FontRegular, Bold: assets.FontBold, Italic: assets.FontItalic}

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

// reportFormat reads -format: false for the PDF, true for the HTML
// edition.
func reportFormat(f string) (asHTML bool, err error) {
	switch strings.ToLower(strings.TrimSpace(f)) {
	case "pdf":
		return false, nil
	case "html":
		return true, nil
	}
	return false, store.Invalid(fmt.Sprintf("„%s“ ist kein Berichtsformat; bitte -format pdf oder -format html angeben.", f))
}

// checkReportName is checkPDFName for either format.
func checkReportName(out string, asHTML bool) error {
	if !asHTML {
		return checkPDFName(out)
	}
	if ext := strings.ToLower(filepath.Ext(out)); ext != ".html" && ext != ".htm" {
		return store.Invalid("Die Ausgabedatei muss auf .html enden, z. B. -o bericht.html.")
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return store.Invalid(fmt.Sprintf("„%s“ ist ein Ordner; bitte geben Sie einen Dateinamen an, z. B. bericht.html.", out))
	}
	return nil
}
