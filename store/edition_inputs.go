package store

import (
	"context"
	"fmt"
)

// ReportInputs reads everything a report of year rests on: the
// catalogue and all values, the year's texts and report settings, and the
// file settings. Title and Author are the stored ones with their
// defaults. Created is left zero: the Stand is decided by the caller
// (report.LatestChange) before the inputs are printed or frozen.
func (s *Store) ReportInputs(ctx context.Context, year int) (EditionInputs, error) {
	var in EditionInputs
	snap, err := s.Snapshot(ctx, year)
	if err != nil {
		return in, fmt.Errorf("report inputs %d: %w", year, err)
	}
	texts, err := s.ReportTexts(ctx, year)
	if err != nil {
		return in, fmt.Errorf("report inputs %d: %w", year, err)
	}
	set, err := s.Settings(ctx)
	if err != nil {
		// An invalid setting (e.g. kleine_fallzahl) must not silently
		// lower the protection of small counts in a report.
		return in, err
	}
	rs := texts.Settings.WithDefaults()
	in = EditionInputs{Snapshot: *snap, Texts: *texts, Settings: set, Title: rs.Title, Author: rs.Author}
	return in, nil
}

// Compared loads the inputs of the edition in.Previous names: the one the
// report of in compares with. It is nil, nil when in names none.
func (s *Store) Compared(ctx context.Context, in *EditionInputs) (*EditionInputs, error) {
	if in == nil || in.Previous == "" {
		return nil, nil
	}
	eds, err := s.Editions(ctx)
	if err != nil {
		return nil, err
	}
	for _, e := range eds {
		if e.Hash == in.Previous {
			full, err := s.Edition(ctx, e.ReportYear, e.Version)
			if err != nil {
				return nil, err
			}
			return full.Inputs, nil
		}
	}
	return nil, &UserError{Message: "Die Berichtsfassung, mit der dieser Bericht verglichen wurde, fehlt in der Datei.",
		Err: fmt.Errorf("compared edition %s: %w", in.Previous, ErrNotFound)}
}
