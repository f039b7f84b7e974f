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
