package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// breakRow is a row of series_break, in force or removed.
type breakRow struct {
	SeriesBreak
	createdAt            string // as stored, to tell the same row in two copies
	removedAt, removedBy sql.NullString
}

// sameRow reports whether r and o are the same marker in two copies of a
// file: the same series and period, set at the same time with the same
// reason and origin. The id alone does not tell, as both copies number
// their new rows on from the same point.
func (r breakRow) sameRow(o breakRow) bool {
	return r.sameTarget(o.SeriesBreak) && r.createdAt == o.createdAt && r.Reason == o.Reason && r.Origin == o.Origin
}

func loadBreakRows(ctx context.Context, q querier) ([]breakRow, error) {
	var out []breakRow
	err := queryEach(ctx, q, `SELECT `+breakColumns+`, removed_at, removed_by FROM series_break ORDER BY id`, func(r *sql.Rows) error {
		var b breakRow
		if err := r.Scan(&b.ID, &b.BaseFigure, &b.KeyFigure, &b.Area, &b.Group, &b.Period, &b.Reason, &b.Origin,
			&b.createdAt, &b.CreatedBy, &b.removedAt, &b.removedBy); err != nil {
			return err
		}
		out = append(out, b)
		return nil
	})
	return out, err
}

// compareBreaks lists the Zeitreihenbrüche set in the returned file since
// the copy (in force there, unknown here, and no break of the same series
// and period in force here) and those removed there that are still in
// force here (with the ID of the open file's row). A returned file written
// before breaks existed has none to bring.
func compareBreaks(ctx context.Context, ours, theirs querier) (added, removed []SeriesBreak, err error) {
	var n int
	err = queryEach(ctx, theirs, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'series_break'`,
		func(r *sql.Rows) error { return r.Scan(&n) })
	if err != nil || n == 0 {
		return nil, nil, err
	}
	their, err := loadBreakRows(ctx, theirs)
	if err != nil {
		return nil, nil, fmt.Errorf("read breaks: %w", err)
	}
	our, err := loadBreakRows(ctx, ours)
	if err != nil {
		return nil, nil, fmt.Errorf("read breaks: %w", err)
	}
	for _, t := range their {
		i := slices.IndexFunc(our, t.sameRow)
		switch {
		case !t.removedAt.Valid && i < 0 &&
			!slices.ContainsFunc(our, func(o breakRow) bool { return !o.removedAt.Valid && o.sameTarget(t.SeriesBreak) }):
			b := t.SeriesBreak
			b.ID = 0
			b.CreatedAt, _ = time.Parse(time.RFC3339, t.createdAt)
			added = append(added, b)
		case t.removedAt.Valid && i >= 0 && !our[i].removedAt.Valid:
			b := our[i].SeriesBreak
			b.CreatedAt, _ = time.Parse(time.RFC3339, our[i].createdAt)
			removed = append(removed, b)
		}
	}
	return added, removed, nil
}

// applyBreaks takes over the breaks of plan within the merge's
// transaction: a new one keeps who set it when in the returned file; a
// removed one is marked removed now, by the user taking over, so the open
// file's history says when the removal arrived. A break that meanwhile got
// a twin here, or was removed here, is left alone.
func applyBreaks(ctx context.Context, tx *sql.Tx, plan *MergePlan, now time.Time, user string) error {
	for _, b := range plan.NewBreaks {
		have, err := seriesBreaks(ctx, tx)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(have, b.sameTarget) {
			continue
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO series_break (base_figure_code, key_figure_code, area_code, group_code,
			period, reason, origin, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)`,
			nullable(b.BaseFigure), nullable(b.KeyFigure), nullable(b.Area), nullable(b.Group),
			string(b.Period), b.Reason, string(b.Origin), b.CreatedAt.UTC().Format(time.RFC3339), b.CreatedBy)
		if err != nil {
			return fmt.Errorf("take over break %s: %w", b.Describe(), err)
		}
	}
	for _, b := range plan.RemovedBreaks {
		_, err := tx.ExecContext(ctx, `UPDATE series_break SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL`,
			now.Format(time.RFC3339), user+" ("+plan.Origin()+")", b.ID)
		if err != nil {
			return fmt.Errorf("remove break %s: %w", b.Describe(), err)
		}
	}
	return nil
}

// Describe is the German line for a break in a list of differences:
// "A-K2-G1 ab 2018: Agenturbezirk neu zugeschnitten (Benutzer)".
func (b SeriesBreak) Describe() string {
	target := b.BaseFigure
	if b.KeyFigure != "" {
		target = "Kennzahl " + b.KeyFigure
	}
	if b.Area != "" {
		target += ", " + b.Area
	}
	if b.Group != "" {
		target += ", " + b.Group
	}
	return fmt.Sprintf("%s ab %s: %s (%s)", target, b.Period.Label(), b.Reason, b.Origin)
}
