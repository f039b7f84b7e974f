package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Catalog reads the whole catalogue back from the file, in the shape it was
// seeded in (edits made in the file included).
func (s *Store) Catalog(ctx context.Context) (*Catalog, error) {
	c := &Catalog{}
	if err := s.loadLookups(ctx, c); err != nil {
		return nil, err
	}
	bfs, err := s.loadBaseFigures(ctx)
	if err != nil {
		return nil, err
	}
	if err := queryEach(ctx, s.db, `SELECT code, title FROM field ORDER BY sort`, func(r *sql.Rows) error {
		var f Field
		if err := r.Scan(&f.Code, &f.Title); err != nil {
			return err
		}
		c.Fields = append(c.Fields, f)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("load fields: %w", err)
	}
	for i := range c.Fields {
		if err := s.loadField(ctx, &c.Fields[i], bfs); err != nil {
			return nil, err
		}
	}
	c.BaseFigures = bfs[[2]string{"", ""}]
	return c, nil
}

func (s *Store) loadLookups(ctx context.Context, c *Catalog) error {
	if err := queryEach(ctx, s.db, `SELECT code, name, kind, key FROM area ORDER BY sort`, func(r *sql.Rows) error {
		var a Area
		err := r.Scan(&a.Code, &a.Name, &a.Kind, &a.Key)
		c.Areas = append(c.Areas, a)
		return err
	}); err != nil {
		return fmt.Errorf("load areas: %w", err)
	}
	if err := queryEach(ctx, s.db, `SELECT code, name, dimension FROM population_group ORDER BY sort`, func(r *sql.Rows) error {
		var g Group
		err := r.Scan(&g.Code, &g.Name, &g.Dimension)
		c.Groups = append(c.Groups, g)
		return err
	}); err != nil {
		return fmt.Errorf("load groups: %w", err)
	}
	if err := queryEach(ctx, s.db, `SELECT code, name, kind, description FROM actor ORDER BY sort`, func(r *sql.Rows) error {
		var a Actor
		err := r.Scan(&a.Code, &a.Name, &a.Kind, &a.Description)
		c.Actors = append(c.Actors, a)
		return err
	}); err != nil {
		return fmt.Errorf("load actors: %w", err)
	}
	if err := queryEach(ctx, s.db, `SELECT num, name FROM data_source ORDER BY num`, func(r *sql.Rows) error {
		var d DataSource
		err := r.Scan(&d.Num, &d.Name)
		c.Sources = append(c.Sources, d)
		return err
	}); err != nil {
		return fmt.Errorf("load sources: %w", err)
	}
	return nil
}

// loadBaseFigures returns base figures keyed by (key figure, indicator) owner.
func (s *Store) loadBaseFigures(ctx context.Context) (map[[2]string][]BaseFigure, error) {
	groups := map[string][]string{}
	if err := queryEach(ctx, s.db, `SELECT base_figure_code, group_code FROM base_figure_group ORDER BY base_figure_code, sort`, func(r *sql.Rows) error {
		var b, g string
		err := r.Scan(&b, &g)
		groups[b] = append(groups[b], g)
		return err
	}); err != nil {
		return nil, fmt.Errorf("load base figure groups: %w", err)
	}
	areas := map[string][]string{}
	if err := queryEach(ctx, s.db, `SELECT base_figure_code, area_code FROM base_figure_area ORDER BY base_figure_code, sort`, func(r *sql.Rows) error {
		var b, a string
		err := r.Scan(&b, &a)
		areas[b] = append(areas[b], a)
		return err
	}); err != nil {
		return nil, fmt.Errorf("load base figure areas: %w", err)
	}
	out := map[[2]string][]BaseFigure{}
	err := queryEach(ctx, s.db, `SELECT code, COALESCE(key_figure_code,''), COALESCE(indicator_code,''), alias, name, unit, period_kind, COALESCE(actor_code,''), frequency FROM base_figure ORDER BY sort`, func(r *sql.Rows) error {
		var b BaseFigure
		var kf, ind string
		if err := r.Scan(&b.Code, &kf, &ind, &b.Alias, &b.Name, &b.Unit, &b.PeriodKind, &b.Actor, &b.Frequency); err != nil {
			return err
		}
		b.Groups, b.Areas = groups[b.Code], areas[b.Code]
		key := [2]string{kf, ind}
		out[key] = append(out[key], b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load base figures: %w", err)
	}
	return out, nil
}

func (s *Store) loadField(ctx context.Context, f *Field, bfs map[[2]string][]BaseFigure) error {
	if err := queryEach(ctx, s.db, `SELECT num, text FROM assumption WHERE field_code = ? ORDER BY num`, func(r *sql.Rows) error {
		var a Assumption
		err := r.Scan(&a.Num, &a.Text)
		f.Assumptions = append(f.Assumptions, a)
		return err
	}, f.Code); err != nil {
		return fmt.Errorf("load assumptions: %w", err)
	}
	if err := queryEach(ctx, s.db, `SELECT code, rank, title, text FROM goal WHERE field_code = ? ORDER BY sort`, func(r *sql.Rows) error {
		var g Goal
		err := r.Scan(&g.Code, &g.Rank, &g.Title, &g.Text)
		f.Goals = append(f.Goals, g)
		return err
	}, f.Code); err != nil {
		return fmt.Errorf("load goals: %w", err)
	}
	if err := queryEach(ctx, s.db, `SELECT text FROM field_note WHERE field_code = ? ORDER BY sort`, func(r *sql.Rows) error {
		var n string
		err := r.Scan(&n)
		f.IndicatorNotes = append(f.IndicatorNotes, n)
		return err
	}, f.Code); err != nil {
		return fmt.Errorf("load notes: %w", err)
	}
	series := map[string][]Series{}
	if err := queryEach(ctx, s.db, `SELECT key_figure_code, label, formula FROM key_figure_series ORDER BY key_figure_code, sort`, func(r *sql.Rows) error {
		var code string
		var sr Series
		err := r.Scan(&code, &sr.Label, &sr.Formula)
		series[code] = append(series[code], sr)
		return err
	}); err != nil {
		return fmt.Errorf("load series: %w", err)
	}
	if err := queryEach(ctx, s.db, `SELECT code, num, statement, base_figure_text, survey_time, area_text, source_text, notes, direction, unit,
			COALESCE(area_code,''), reference_label, reference_formula, migration_capture, method_notes
			FROM key_figure WHERE field_code = ? ORDER BY num`, func(r *sql.Rows) error {
		var k KeyFigure
		var refLabel, refFormula sql.NullString
		if err := r.Scan(&k.Code, &k.Num, &k.Statement, &k.BaseFigureText, &k.SurveyTime, &k.AreaText, &k.SourceText, &k.Notes,
			&k.Direction, &k.Unit, &k.Area, &refLabel, &refFormula, &k.MigrationCapture, &k.MethodNotes); err != nil {
			return err
		}
		if refLabel.Valid {
			k.Reference = &Series{Label: refLabel.String, Formula: refFormula.String}
		}
		k.Series = series[k.Code]
		k.BaseFigures = bfs[[2]string{k.Code, ""}]
		f.KeyFigures = append(f.KeyFigures, k)
		return nil
	}, f.Code); err != nil {
		return fmt.Errorf("load key figures: %w", err)
	}
	items := map[string][]string{}
	if err := queryEach(ctx, s.db, `SELECT indicator_code, text FROM impact_indicator_item ORDER BY indicator_code, sort`, func(r *sql.Rows) error {
		var code, t string
		err := r.Scan(&code, &t)
		items[code] = append(items[code], t)
		return err
	}); err != nil {
		return fmt.Errorf("load indicator items: %w", err)
	}
	return queryEach(ctx, s.db, `SELECT code, num, title, text, kind, instruments FROM impact_indicator WHERE field_code = ? ORDER BY num`, func(r *sql.Rows) error {
		var w ImpactIndicator
		if err := r.Scan(&w.Code, &w.Num, &w.Title, &w.Text, &w.Kind, &w.Instruments); err != nil {
			return err
		}
		w.Items = items[w.Code]
		w.BaseFigures = bfs[[2]string{"", w.Code}]
		f.Indicators = append(f.Indicators, w)
		return nil
	}, f.Code)
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryEach runs a query and calls fn for each row.
func queryEach(ctx context.Context, q querier, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
