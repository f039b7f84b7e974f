package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ReportTexts is the qualitative half of a report year as plain data, the
// companion of Snapshot: report prints it without holding the database.
type ReportTexts struct {
	ReportYear int
	// Texts holds the report text per Wirkungsindikator code; indicators
	// without text are absent.
	Texts map[string]IndicatorText
	// Instruments holds the instrument list per Wirkungsindikator code;
	// indicators without instruments are absent.
	Instruments map[string][]Instrument
	// Surveys are the surveys up to and including the report year, oldest
	// first, for the year-on-year comparison. Later years are left out so
	// that a report for a past year reads as it did then.
	Surveys []SurveyResult
	// Migration is the Stellungnahme of the report year, nil when none.
	Migration *MigrationEstimate
	Settings  ReportSettings
	// Own are her key messages, Einordnungen and Impressum of the year.
	Own OwnTexts
	// Notes are the file's current wordings of catalogue notes by NoteKey;
	// a note without entry is printed in the concept's wording.
	Notes map[string]string `json:",omitempty"`
	// OwnUpdated is when Own or Notes last changed, zero when never.
	OwnUpdated time.Time `json:",omitzero"`
}

// Survey returns the survey of a year among t.Surveys.
func (t *ReportTexts) Survey(year int) (SurveyResult, bool) {
	for _, s := range t.Surveys {
		if s.ReportYear == year {
			return s, true
		}
	}
	return SurveyResult{ReportYear: year}, false
}

// ReportTexts reads the texts, instruments, surveys, Stellungnahme and
// settings a report for year needs.
func (s *Store) ReportTexts(ctx context.Context, year int) (*ReportTexts, error) {
	t := &ReportTexts{ReportYear: year, Texts: map[string]IndicatorText{}, Instruments: map[string][]Instrument{}}
	err := queryEach(ctx, s.db, `SELECT indicator_code, text, updated_at FROM indicator_text WHERE report_year = ? ORDER BY indicator_code`,
		func(r *sql.Rows) error {
			it := IndicatorText{ReportYear: year}
			var at string
			if err := r.Scan(&it.Indicator, &it.Text, &at); err != nil {
				return err
			}
			it.UpdatedAt, _ = time.Parse(time.RFC3339, at)
			t.Texts[it.Indicator] = it
			return nil
		}, year)
	if err != nil {
		return nil, fmt.Errorf("report texts %d: %w", year, err)
	}
	err = queryEach(ctx, s.db, `SELECT `+instrumentColumns+` FROM instrument WHERE report_year = ? ORDER BY indicator_code, sort, id`,
		func(r *sql.Rows) error {
			in, err := scanInstrument(r)
			t.Instruments[in.Indicator] = append(t.Instruments[in.Indicator], in)
			return err
		}, year)
	if err != nil {
		return nil, fmt.Errorf("report instruments %d: %w", year, err)
	}
	if t.Surveys, err = s.surveys(ctx, `WHERE report_year <= ?`, year); err != nil {
		return nil, err
	}
	m, ok, err := s.MigrationEstimate(ctx, year)
	if err != nil {
		return nil, err
	}
	if ok {
		t.Migration = &m
	}
	if t.Settings, err = s.ReportSettings(ctx, year); err != nil {
		return nil, err
	}
	if err := s.readOwnTexts(ctx, t); err != nil {
		return nil, err
	}
	return t, nil
}
