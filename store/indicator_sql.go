package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"
)

// IndicatorText returns the report text of a Wirkungsindikator for a report
// year. A year without text is no error: the editor starts empty.
func (s *Store) IndicatorText(ctx context.Context, indicator string, year int) (IndicatorText, error) {
	t := IndicatorText{Indicator: indicator, ReportYear: year}
	var at string
	err := s.db.QueryRowContext(ctx, `SELECT text, updated_at FROM indicator_text WHERE indicator_code = ? AND report_year = ?`, indicator, year).
		Scan(&t.Text, &at)
	if err == sql.ErrNoRows {
		return t, nil
	}
	if err != nil {
		return t, fmt.Errorf("indicator text %s %d: %w", indicator, year, classify(err))
	}
	t.UpdatedAt, _ = time.Parse(time.RFC3339, at)
	return t, nil
}

// SaveIndicatorText stores the report text of a Wirkungsindikator for its
// report year, replacing the text stored before. The text is kept verbatim
// (line breaks included) because it is printed as the user wrote it.
func (s *Store) SaveIndicatorText(ctx context.Context, t IndicatorText) error {
	if err := checkReportYear(t.ReportYear); err != nil {
		return err
	}
	return s.writeTexts(ctx, func(tx *sql.Tx) error {
		if err := checkIndicator(ctx, tx, t.Indicator); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO indicator_text(indicator_code, report_year, text, updated_at) VALUES(?,?,?,?)
			ON CONFLICT(indicator_code, report_year) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
			t.Indicator, t.ReportYear, t.Text, s.Now().UTC().Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("save indicator text %s %d: %w", t.Indicator, t.ReportYear, classify(err))
		}
		return nil
	})
}

const instrumentColumns = `id, indicator_code, report_year, sort, name, description, provider, count`

func scanInstrument(r interface{ Scan(...any) error }) (Instrument, error) {
	var in Instrument
	var n sql.NullInt64
	if err := r.Scan(&in.ID, &in.Indicator, &in.ReportYear, &in.Sort, &in.Name, &in.Description, &in.Provider, &n); err != nil {
		return in, err
	}
	if n.Valid {
		c := int(n.Int64)
		in.Count = &c
	}
	return in, nil
}

// Instruments returns the instruments of a Wirkungsindikator for a report
// year in the order the user gave them.
func (s *Store) Instruments(ctx context.Context, indicator string, year int) ([]Instrument, error) {
	var out []Instrument
	err := queryEach(ctx, s.db, `SELECT `+instrumentColumns+` FROM instrument WHERE indicator_code = ? AND report_year = ? ORDER BY sort, id`,
		func(r *sql.Rows) error {
			in, err := scanInstrument(r)
			out = append(out, in)
			return err
		}, indicator, year)
	if err != nil {
		return nil, fmt.Errorf("instruments %s %d: %w", indicator, year, err)
	}
	return out, nil
}

// SaveInstruments replaces the instrument list of a Wirkungsindikator for a
// report year. The list is edited as a whole in the form, so it is stored as
// a whole: the order of list becomes Sort, and the entries are written over
// the stored ones place by place (an ID follows the place, not the
// instrument). Either every entry is valid and the list is replaced, or
// nothing changes.
func (s *Store) SaveInstruments(ctx context.Context, indicator string, year int, list []Instrument) error {
	if err := checkReportYear(year); err != nil {
		return err
	}
	clean := make([]Instrument, len(list))
	for i, in := range list {
		in.Name = strings.TrimSpace(in.Name)
		in.Provider = strings.TrimSpace(in.Provider)
		if err := validateInstrument(in); err != nil {
			return err
		}
		clean[i] = in
	}
	return s.writeTexts(ctx, func(tx *sql.Tx) error {
		if err := checkIndicator(ctx, tx, indicator); err != nil {
			return err
		}
		// The list is written over the rows already there, place by place,
		// so that text_history logs what changed, not a removal and a new
		// entry of every instrument at each save.
		var ids []int64
		err := queryEach(ctx, tx, `SELECT id FROM instrument WHERE indicator_code = ? AND report_year = ? ORDER BY sort, id`, func(r *sql.Rows) error {
			var id int64
			err := r.Scan(&id)
			ids = append(ids, id)
			return err
		}, indicator, year)
		if err != nil {
			return fmt.Errorf("replace instruments %s %d: %w", indicator, year, classify(err))
		}
		for i, in := range clean {
			var n any
			if in.Count != nil {
				n = *in.Count
			}
			if i < len(ids) {
				_, err = tx.ExecContext(ctx, `UPDATE instrument SET sort = ?, name = ?, description = ?, provider = ?, count = ? WHERE id = ?`,
					i, in.Name, in.Description, in.Provider, n, ids[i])
			} else {
				_, err = tx.ExecContext(ctx, `INSERT INTO instrument(indicator_code, report_year, sort, name, description, provider, count) VALUES(?,?,?,?,?,?,?)`,
					indicator, year, i, in.Name, in.Description, in.Provider, n)
			}
			if err != nil {
				return fmt.Errorf("save instrument %s %d/%d: %w", indicator, year, i, classify(err))
			}
		}
		for _, id := range ids[min(len(clean), len(ids)):] {
			if _, err := tx.ExecContext(ctx, `DELETE FROM instrument WHERE id = ?`, id); err != nil {
				return fmt.Errorf("remove instrument %s %d: %w", indicator, year, classify(err))
			}
		}
		return nil
	})
}

func validateInstrument(in Instrument) error {
	if in.Name == "" {
		return Invalid("Bitte geben Sie einen Namen für das Instrument ein.")
	}
	if in.Count != nil && *in.Count < 0 {
		return Invalid(fmt.Sprintf("Die Anzahl beim Instrument „%s“ kann nicht negativ sein.", shorten(in.Name)))
	}
	return nil
}

// Survey returns the Integrationskonferenz survey of a report year; a year
// without answers gives all counts zero.
func (s *Store) Survey(ctx context.Context, year int) (SurveyResult, error) {
	all, err := s.surveys(ctx, `WHERE report_year = ?`, year)
	if err != nil || len(all) == 0 {
		return SurveyResult{ReportYear: year}, err
	}
	return all[0], nil
}

// surveys reads the surveys of the years a WHERE clause selects, oldest
// first. The table counts questions and categories from 1 as printed on the
// questionnaire, with category 0 for "keine Angabe"; the Go type counts from
// 0 and keeps the missing answers apart.
func (s *Store) surveys(ctx context.Context, where string, args ...any) ([]SurveyResult, error) {
	var out []SurveyResult
	err := queryEach(ctx, s.db, `SELECT report_year, question, category, count FROM survey_answer `+where+` ORDER BY report_year`,
		func(r *sql.Rows) error {
			var year, q, c, n int
			if err := r.Scan(&year, &q, &c, &n); err != nil {
				return err
			}
			if len(out) == 0 || out[len(out)-1].ReportYear != year {
				out = append(out, SurveyResult{ReportYear: year})
			}
			sr := &out[len(out)-1]
			// The CHECK constraints hold q and c in range, unless another
			// tool dropped them; such rows are left out rather than crash.
			switch {
			case q < 1 || q > 3 || c < 0 || c > 5:
			case c == 0:
				sr.Missing[q-1] = n
			default:
				sr.Counts[q-1][c-1] = n
			}
			return nil
		}, args...)
	if err != nil {
		return nil, fmt.Errorf("surveys: %w", err)
	}
	return out, nil
}

// SaveSurvey stores the survey counts of a report year, replacing those
// stored before. A survey whose counts are all zero is removed, so that the
// year no longer appears in SurveyYears and in the year-on-year chart.
func (s *Store) SaveSurvey(ctx context.Context, r SurveyResult) error {
	if err := checkReportYear(r.ReportYear); err != nil {
		return err
	}
	total := 0
	for q := range r.Counts {
		for c := range r.Counts[q] {
			if r.Counts[q][c] < 0 {
				return Invalid(fmt.Sprintf("Die Anzahl der Antworten „%s“ bei „%s“ kann nicht negativ sein.", SurveyCategories[q][c], SurveyQuestions[q]))
			}
			total += r.Counts[q][c]
		}
		if r.Missing[q] < 0 {
			return Invalid(fmt.Sprintf("Die Anzahl der fehlenden Antworten bei „%s“ kann nicht negativ sein.", SurveyQuestions[q]))
		}
		total += r.Missing[q]
	}
	return s.writeTexts(ctx, func(tx *sql.Tx) error {
		if total == 0 {
			if _, err := tx.ExecContext(ctx, `DELETE FROM survey_answer WHERE report_year = ?`, r.ReportYear); err != nil {
				return fmt.Errorf("remove survey %d: %w", r.ReportYear, classify(err))
			}
			return nil
		}
		// Counts are written over the stored ones, so that text_history
		// logs only the counts that changed.
		for q := range r.Counts {
			counts := append([]int{r.Missing[q]}, r.Counts[q][:]...)
			for c, n := range counts {
				if _, err := tx.ExecContext(ctx, `INSERT INTO survey_answer(report_year, question, category, count) VALUES(?,?,?,?)
					ON CONFLICT(report_year, question, category) DO UPDATE SET count = excluded.count`,
					r.ReportYear, q+1, c, n); err != nil {
					return fmt.Errorf("save survey %d/%d/%d: %w", r.ReportYear, q+1, c, classify(err))
				}
			}
		}
		return nil
	})
}

// SurveyYears lists the report years with survey answers, oldest first.
func (s *Store) SurveyYears(ctx context.Context) ([]int, error) {
	var out []int
	err := queryEach(ctx, s.db, `SELECT DISTINCT report_year FROM survey_answer ORDER BY report_year`, func(r *sql.Rows) error {
		var y int
		err := r.Scan(&y)
		out = append(out, y)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("survey years: %w", err)
	}
	return out, nil
}

// MigrationEstimate returns the Stellungnahme for a report year; ok is
// false when none is stored.
func (s *Store) MigrationEstimate(ctx context.Context, year int) (m MigrationEstimate, ok bool, err error) {
	var persons, share sql.NullFloat64
	err = s.db.QueryRowContext(ctx, `SELECT report_year, reference_date, persons, share, method, definition, statement FROM migration_estimate WHERE report_year = ?`, year).
		Scan(&m.ReportYear, &m.ReferenceDate, &persons, &share, &m.Method, &m.Definition, &m.Statement)
	if err == sql.ErrNoRows {
		return MigrationEstimate{ReportYear: year}, false, nil
	}
	if err != nil {
		return MigrationEstimate{ReportYear: year}, false, fmt.Errorf("migration estimate %d: %w", year, classify(err))
	}
	if persons.Valid {
		m.Persons = &persons.Float64
	}
	if share.Valid {
		m.Share = &share.Float64
	}
	return m, true, nil
}

// SaveMigrationEstimate stores the Stellungnahme for its report year,
// replacing the one stored before.
func (s *Store) SaveMigrationEstimate(ctx context.Context, m MigrationEstimate) error {
	if err := validateMigrationEstimate(m); err != nil {
		return err
	}
	var persons, share any
	if m.Persons != nil {
		persons = *m.Persons
	}
	if m.Share != nil {
		share = *m.Share
	}
	return s.writeTexts(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO migration_estimate(report_year, reference_date, persons, share, method, definition, statement) VALUES(?,?,?,?,?,?,?)
			ON CONFLICT(report_year) DO UPDATE SET reference_date = excluded.reference_date, persons = excluded.persons, share = excluded.share,
				method = excluded.method, definition = excluded.definition, statement = excluded.statement`,
			m.ReportYear, m.ReferenceDate, persons, share, strings.TrimSpace(m.Method), m.Definition, m.Statement)
		if err != nil {
			return fmt.Errorf("save migration estimate %d: %w", m.ReportYear, classify(err))
		}
		return nil
	})
}

func validateMigrationEstimate(m MigrationEstimate) error {
	if err := checkReportYear(m.ReportYear); err != nil {
		return err
	}
	if m.Share != nil && !(*m.Share >= 0 && *m.Share <= 100) { // NaN fails both
		return Invalid("Der geschätzte Anteil muss zwischen 0 und 100 % liegen.")
	}
	if m.Persons != nil && (math.IsNaN(*m.Persons) || math.IsInf(*m.Persons, 0)) {
		return Invalid("Die geschätzte Zahl der Personen ist keine gültige Zahl.")
	}
	if m.Persons != nil && *m.Persons < 0 {
		return Invalid("Die geschätzte Zahl der Personen kann nicht negativ sein.")
	}
	if m.ReferenceDate != "" {
		if _, err := time.Parse("2006-01-02", m.ReferenceDate); err != nil {
			return Invalid("Der Stichtag muss ein gültiges Datum sein, z. B. 31.12.2024.")
		}
	}
	return nil
}

// ReportSettings returns the texts of the Monitoring-Bericht for a report
// year; a year without settings gives empty texts, for which the report
// uses its defaults.
func (s *Store) ReportSettings(ctx context.Context, year int) (ReportSettings, error) {
	r := ReportSettings{ReportYear: year}
	err := s.db.QueryRowContext(ctx, `SELECT title, author, foreword, closing FROM report_setting WHERE report_year = ?`, year).
		Scan(&r.Title, &r.Author, &r.Foreword, &r.Closing)
	if err == sql.ErrNoRows {
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("report settings %d: %w", year, classify(err))
	}
	return r, nil
}

// SaveReportSettings stores the texts of the Monitoring-Bericht for its
// report year, replacing those stored before.
func (s *Store) SaveReportSettings(ctx context.Context, r ReportSettings) error {
	if err := checkReportYear(r.ReportYear); err != nil {
		return err
	}
	return s.writeTexts(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO report_setting(report_year, title, author, foreword, closing) VALUES(?,?,?,?,?)
			ON CONFLICT(report_year) DO UPDATE SET title = excluded.title, author = excluded.author, foreword = excluded.foreword, closing = excluded.closing`,
			r.ReportYear, strings.TrimSpace(r.Title), strings.TrimSpace(r.Author), r.Foreword, r.Closing)
		if err != nil {
			return fmt.Errorf("save report settings %d: %w", r.ReportYear, classify(err))
		}
		return nil
	})
}

// checkReportYear keeps report years within the years a Period may have,
// so that texts and values of a report year always belong together.
func checkReportYear(y int) error {
	if y < MinPeriodYear || y > MaxPeriodYear {
		return Invalid(fmt.Sprintf("Das Berichtsjahr %d liegt außerhalb des zulässigen Bereichs (%d–%d).", y, MinPeriodYear, MaxPeriodYear))
	}
	return nil
}

// checkIndicator gives a German sentence where the foreign key would only
// give a constraint error.
func checkIndicator(ctx context.Context, tx *sql.Tx, code string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM impact_indicator WHERE code = ?`, code).Scan(&n); err != nil {
		return fmt.Errorf("check indicator %s: %w", code, classify(err))
	}
	if n == 0 {
		return Invalid(fmt.Sprintf("Den Wirkungsindikator „%s“ gibt es in dieser Datei nicht.", shorten(code)))
	}
	return nil
}
