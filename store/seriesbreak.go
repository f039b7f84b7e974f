package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// BreakOrigin says who set a Zeitreihenbruch.
type BreakOrigin string

// Origins of break markers, as stored in series_break.origin.
const (
	BreakAutomatic BreakOrigin = "automatisch" // census re-basing of the population
	BreakUser      BreakOrigin = "Benutzer"    // set in the window
	BreakImport    BreakOrigin = "Import"      // set by an import of official tables
)

// SeriesBreak is a Zeitreihenbruch: from Period on, the series of a
// Grundzahl (or of a Kennzahl) is a new part that must not be compared
// with the part before (DIN 55301 "|"). Exactly one of BaseFigure and
// KeyFigure is set; an empty Area or Group means every Bezirk or group.
type SeriesBreak struct {
	ID         int64
	BaseFigure string `json:",omitempty"`
	KeyFigure  string `json:",omitempty"`
	Area       string `json:",omitempty"`
	Group      string `json:",omitempty"`
	// Period is the first period of the new part. A year also stands for
	// every period within it (the halves, the Stichtage, the school year
	// starting in it).
	Period    Period
	Reason    string
	Origin    BreakOrigin
	CreatedAt time.Time
	CreatedBy string `json:",omitempty"`
}

// Starts reports whether p lies in the new part the break begins: at or
// after its Period; for a break given as a year, in that year or later.
func (b SeriesBreak) Starts(p Period) bool {
	if b.Period.Kind() == YearPeriod {
		return p.Year() >= b.Period.Year()
	}
	return p.Compare(b.Period) >= 0
}

// sameTarget reports whether b and o mark the same series at the same period.
func (b SeriesBreak) sameTarget(o SeriesBreak) bool {
	return b.BaseFigure == o.BaseFigure && b.KeyFigure == o.KeyFigure && b.Area == o.Area &&
		b.Group == o.Group && b.Period == o.Period
}

const breakColumns = `id, COALESCE(base_figure_code,''), COALESCE(key_figure_code,''), COALESCE(area_code,''),
	COALESCE(group_code,''), period, reason, origin, created_at, created_by`

// SeriesBreaks lists the breaks in force (not removed), by series and period.
func (s *Store) SeriesBreaks(ctx context.Context) ([]SeriesBreak, error) {
	return seriesBreaks(ctx, s.db)
}

func seriesBreaks(ctx context.Context, q querier) ([]SeriesBreak, error) {
	var out []SeriesBreak
	err := queryEach(ctx, q, `SELECT `+breakColumns+` FROM series_break WHERE removed_at IS NULL ORDER BY id`,
		func(r *sql.Rows) error {
			var b SeriesBreak
			var at string
			if err := r.Scan(&b.ID, &b.BaseFigure, &b.KeyFigure, &b.Area, &b.Group, &b.Period, &b.Reason, &b.Origin, &at, &b.CreatedBy); err != nil {
				return err
			}
			b.CreatedAt, _ = time.Parse(time.RFC3339, at)
			out = append(out, b)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("series breaks: %w", err)
	}
	slices.SortStableFunc(out, func(a, b SeriesBreak) int {
		return cmp.Or(strings.Compare(a.KeyFigure+a.BaseFigure, b.KeyFigure+b.BaseFigure), a.Period.Compare(b.Period))
	})
	return out, nil
}

// AddSeriesBreak stores a break in one transaction and returns it with its
// ID and time. A break of the same series at the same period that is
// already in force is refused with a German message.
func (s *Store) AddSeriesBreak(ctx context.Context, b SeriesBreak) (SeriesBreak, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		added, err := addBreaks(ctx, tx, []SeriesBreak{b}, s.Now(), s.User)
		if err != nil {
			return err
		}
		if len(added) == 0 {
			return Invalid(fmt.Sprintf("Für diese Reihe ist ab %s schon ein Zeitreihenbruch eingetragen.", b.Period.Label()))
		}
		b = added[0]
		return nil
	})
	return b, err
}

// AddSeriesBreaks stores the breaks that are not yet in force, all in one
// transaction, and returns how many it added; an import calls it with the
// census breaks it found.
func (s *Store) AddSeriesBreaks(ctx context.Context, bs []SeriesBreak) (int, error) {
	var n int
	err := s.write(ctx, func(tx *sql.Tx) error {
		added, err := addBreaks(ctx, tx, bs, s.Now(), s.User)
		n = len(added)
		return err
	})
	return n, err
}

func addBreaks(ctx context.Context, tx *sql.Tx, bs []SeriesBreak, now time.Time, user string) ([]SeriesBreak, error) {
	have, err := seriesBreaks(ctx, tx)
	if err != nil {
		return nil, err
	}
	var added []SeriesBreak
	for _, b := range bs {
		if err := b.validate(); err != nil {
			return nil, err
		}
		if slices.ContainsFunc(have, b.sameTarget) {
			continue
		}
		b.CreatedAt, b.CreatedBy = now.UTC().Truncate(time.Second), user
		if b.Origin == "" {
			b.Origin = BreakUser
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO series_break (base_figure_code, key_figure_code, area_code, group_code,
			period, reason, origin, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)`,
			nullable(b.BaseFigure), nullable(b.KeyFigure), nullable(b.Area), nullable(b.Group),
			string(b.Period), strings.TrimSpace(b.Reason), string(b.Origin), b.CreatedAt.Format(time.RFC3339), user)
		if err != nil {
			return nil, fmt.Errorf("add series break: %w", err)
		}
		if b.ID, err = res.LastInsertId(); err != nil {
			return nil, err
		}
		have = append(have, b)
		added = append(added, b)
	}
	return added, nil
}

func (b SeriesBreak) validate() error {
	switch {
	case (b.BaseFigure == "") == (b.KeyFigure == ""):
		return Invalid("Ein Zeitreihenbruch gehört zu genau einer Grundzahl oder Kennzahl.")
	case !b.Period.Valid():
		return Invalid(fmt.Sprintf("„%s“ ist keine gültige Erhebungszeit.", b.Period))
	case strings.TrimSpace(b.Reason) == "":
		return Invalid("Bitte geben Sie den Grund des Zeitreihenbruchs an.")
	}
	return nil
}

// RemoveSeriesBreak takes a break out of force. The row stays in the file
// with the time and user of the removal, so the history is kept.
func (s *Store) RemoveSeriesBreak(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE series_break SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL`,
			s.Now().UTC().Format(time.RFC3339), s.User, id)
		if err != nil {
			return fmt.Errorf("remove series break %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &UserError{Message: "Dieser Zeitreihenbruch ist nicht mehr eingetragen.", Err: ErrNotFound}
		}
		return nil
	})
}
