package store

import "context"

// Snapshot reads the catalogue and all values for a report year.
func (s *Store) Snapshot(ctx context.Context, reportYear int) (*Snapshot, error) {
	cat, err := s.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	vals, err := s.Values(ctx)
	if err != nil {
		return nil, err
	}
	breaks, err := s.SeriesBreaks(ctx)
	if err != nil {
		return nil, err
	}
	return &Snapshot{Catalog: cat, Values: vals, ReportYear: reportYear, Breaks: breaks}, nil
}
