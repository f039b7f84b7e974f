package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"time"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// runFreeze freezes the Monitoring-Bericht of a report year as an edition
// in the file:
//
//	integrationsmonitor festschreiben DATEI -jahr 2024 [-neue-fassung] [-von NAME]
//	    [-drucksache 0123/2025 -sitzung "Rat, 12.03.2025" -datum 12.03.2025]
//
// A year that has a Fassung gets a further one only with -neue-fassung
// (the command line's "are you sure"); the old one stays.
func runFreeze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("festschreiben", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("jahr", 0, "Berichtsjahr, z. B. 2024 (ohne Angabe das in der Datei eingestellte)")
	again := fs.Bool("neue-fassung", false, "eine weitere Fassung anlegen, wenn das Jahr schon festgeschrieben ist")
	by := fs.String("von", "", "wer festschreibt (ohne Angabe der Benutzername)")
	paper := store.CouncilPaper{}
	fs.StringVar(&paper.Drucksache, "drucksache", "", "Drucksachen-Nr. der Ratsvorlage (kann später nachgetragen werden)")
	fs.StringVar(&paper.Sitzung, "sitzung", "", "Sitzung, in der der Bericht vorgelegt wird")
	datum := fs.String("datum", "", "Datum der Sitzung, z. B. 12.03.2025")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return errReported
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor festschreiben DATEI -jahr 2024 [-neue-fassung] [-drucksache … -sitzung … -datum …]")
		return errReported
	}
	fail := func(err error) error {
		fmt.Fprintf(stderr, "Der Bericht wurde nicht festgeschrieben: %s\n", store.Message(err))
		return errReported
	}
	if paper.Datum, err = isoDate(*datum); err != nil {
		return fail(err)
	}
	s, err := store.Open(ctx, pos[0])
	if err != nil {
		return fail(err)
	}
	defer s.Close()
	if err := s.ReadOnlyReason(); err != nil {
		return fail(err)
	}
	ed, err := freeze(ctx, s, *year, *again, *by)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "Bericht %d festgeschrieben: %s, %d Seiten, Prüfsumme %s…\n", ed.ReportYear, ed.Label(), ed.Pages, ed.Hash[:12])
	if paper != (store.CouncilPaper{}) {
		if err := s.SetCouncilPaper(ctx, ed.ID, paper); err != nil {
			fmt.Fprintf(stderr, "Die Ratsvorlage wurde nicht eingetragen: %s\n", store.Message(err))
			return errReported
		}
		fmt.Fprintln(stdout, "Ratsvorlage eingetragen.")
	}
	return nil
}

// freeze prints the report of year from the file's inputs and stores the
// inputs with the print's checksum as the next Fassung.
func freeze(ctx context.Context, s *store.Store, year int, again bool, by string) (store.Edition, error) {
	if year == 0 {
		set, err := s.Settings(ctx)
		if err != nil {
			return store.Edition{}, err
		}
		if !set.ReportYearStored {
			return store.Edition{}, store.Invalid("Bitte geben Sie das Berichtsjahr an, z. B. -jahr 2024.")
		}
		year = set.ReportYear
	}
	if old, ok, err := s.LatestEdition(ctx, year); err != nil {
		return store.Edition{}, err
	} else if ok && !again {
		return store.Edition{}, store.Invalid(fmt.Sprintf("Der Bericht %d ist bereits festgeschrieben (%s vom %s). "+
			"Mit -neue-fassung wird eine %d. Fassung angelegt; die bisherige bleibt erhalten.",
			year, old.Label(), report.FormatDate(old.FrozenAt), old.Version+1))
	}
	in, err := s.ReportInputs(ctx, year)
	if err != nil {
		return store.Edition{}, err
	}
	in.Created = report.LatestChange(&in.Snapshot, &in.Texts)
	eds, err := s.Editions(ctx)
	if err != nil {
		return store.Edition{}, err
	}
	var prev *store.EditionInputs
	if p, ok := report.PreviousEdition(eds, year); ok {
		full, err := s.Edition(ctx, p.ReportYear, p.Version)
		if err != nil {
			return store.Edition{}, err
		}
		prev, in.Previous = full.Inputs, full.Hash
	}
	var buf bytes.Buffer
	pages, err := pdf.Render(&buf, &in, prev, pdf.OptionsFor(&in, reportFonts))
	if err != nil {
		return store.Edition{}, err
	}
	sum := sha256.Sum256(buf.Bytes())
	return s.Freeze(ctx, in, by, hex.EncodeToString(sum[:]), pages)
}

// isoDate reads a German or ISO date for the council paper; "" stays "".
func isoDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	t, err := parseStand(s)
	if err != nil {
		return "", store.Invalid(fmt.Sprintf("„%s“ ist kein Datum; bitte -datum z. B. als 12.03.2025 angeben.", s))
	}
	return t.Format(time.DateOnly), nil
}
