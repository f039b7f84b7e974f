package main

import (
	"context"
	"fmt"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// reportData is what a report, an export or the Übersicht needs from the
// monitoring file: the inputs of the report year, its frozen edition and
// the editions a report compares with.
type reportData struct {
	year int
	in   store.EditionInputs
	// frozen is the newest Fassung of the report year, nil when the year
	// is not frozen.
	frozen *store.Edition
	// prev is the newest edition before the report year.
	prev *store.Edition
	// prevFrozen are the inputs of the edition frozen compared with.
	prevFrozen *store.EditionInputs
}

// evaluate is the one evaluation every headless presentation of today's
// values prints.
func (d *reportData) evaluate() *report.Evaluation {
	return report.Evaluate(report.InputOf(&d.in))
}

func (d *reportData) prevInputs() *store.EditionInputs       { return inputsOf(d.prev) }
func (d *reportData) prevFrozenInputs() *store.EditionInputs { return d.prevFrozen }

func inputsOf(e *store.Edition) *store.EditionInputs {
	if e == nil {
		return nil
	}
	return e.Inputs
}

// dataFor says what a command needs of the file.
type dataFor int

const (
	forReport   dataFor = iota // the report year from the file, and the editions
	forOverview                // the report year from the file, no editions
	forExport                  // any report year (the window's default), no editions
)

// readReportData reads the file through a checked copy in a temporary
// folder, as the export does: the report can then be made while the
// window holds the file, and the file is never changed. Only the report
// reads the editions, so that one damaged edition does not keep the
// values from being exported.
func readReportData(ctx context.Context, path string, year int, use dataFor) (*reportData, error) {
	s, done, err := openCheckedCopy(ctx, path, "integrationsmonitor-bericht-")
	if err != nil {
		return nil, err
	}
	defer done()
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if year == 0 {
		// Not the clock's default: the same file gives the same report.
		// The values export needs no year but for its Übersicht
		// sheet, and takes the window's default.
		if !set.ReportYearStored && use != forExport {
			return nil, store.Invalid("Bitte geben Sie das Berichtsjahr an, z. B. -jahr 2025.")
		}
		year = set.ReportYear
	}
	if year < store.MinPeriodYear || year > store.MaxPeriodYear {
		return nil, store.Invalid(fmt.Sprintf("Das Berichtsjahr muss zwischen %d und %d liegen.", store.MinPeriodYear, store.MaxPeriodYear))
	}
	d := &reportData{year: year}
	if d.in, err = s.ReportInputs(ctx, year); err != nil {
		return nil, err
	}
	// From the file, not the clock: the same file gives the same PDF.
	d.in.Created = report.LatestChange(&d.in.Snapshot, &d.in.Texts)
	if use == forReport {
		if err := d.readEditions(ctx, s); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// readEditions loads the frozen edition of the year and the ones a
// report compares with.
func (d *reportData) readEditions(ctx context.Context, s *store.Store) error {
	eds, err := s.Editions(ctx)
	if err != nil {
		return err
	}
	load := func(e store.Edition, ok bool) (*store.Edition, error) {
		if !ok {
			return nil, nil
		}
		full, err := s.Edition(ctx, e.ReportYear, e.Version)
		if err != nil {
			return nil, err
		}
		return &full, nil
	}
	if e, ok, err := s.LatestEdition(ctx, d.year); err != nil {
		return err
	} else if ok {
		d.frozen = &e
	}
	if d.prev, err = load(report.PreviousEdition(eds, d.year)); err != nil {
		return err
	}
	if d.prev != nil {
		d.in.Previous = d.prev.Hash
	}
	if d.frozen != nil {
		// The edition the frozen print compared with, named in its inputs.
		if d.prevFrozen, err = s.Compared(ctx, d.frozen.Inputs); err != nil {
			return err
		}
	}
	return nil
}
