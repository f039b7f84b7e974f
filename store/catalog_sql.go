package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// insertCatalog writes a whole catalogue in one transaction.
func (s *Store) insertCatalog(ctx context.Context, c *Catalog) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for i, a := range c.Areas {
			if _, err := tx.ExecContext(ctx, `INSERT INTO area(code,name,kind,key,sort) VALUES(?,?,?,?,?)`, a.Code, a.Name, a.Kind, a.Key, i); err != nil {
				return fmt.Errorf("insert area %s: %w", a.Code, err)
			}
		}
		for i, g := range c.Groups {
			if _, err := tx.ExecContext(ctx, `INSERT INTO population_group(code,name,dimension,sort) VALUES(?,?,?,?)`, g.Code, g.Name, g.Dimension, i); err != nil {
				return fmt.Errorf("insert group %s: %w", g.Code, err)
			}
		}
		for i, a := range c.Actors {
			if _, err := tx.ExecContext(ctx, `INSERT INTO actor(code,name,kind,description,sort) VALUES(?,?,?,?,?)`, a.Code, a.Name, a.Kind, a.Description, i); err != nil {
				return fmt.Errorf("insert actor %s: %w", a.Code, err)
			}
		}
		for _, d := range c.Sources {
			if _, err := tx.ExecContext(ctx, `INSERT INTO data_source(num,name) VALUES(?,?)`, d.Num, d.Name); err != nil {
				return fmt.Errorf("insert source %d: %w", d.Num, err)
			}
		}
		sort := 0
		for _, b := range c.BaseFigures {
			if err := insertBaseFigure(ctx, tx, b, "", "", sort); err != nil {
				return err
			}
			sort++
		}
		for fi, f := range c.Fields {
			if err := insertField(ctx, tx, f, fi, &sort); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertField(ctx context.Context, tx *sql.Tx, f Field, fi int, sort *int) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO field(code,title,sort) VALUES(?,?,?)`, f.Code, f.Title, fi); err != nil {
		return fmt.Errorf("insert field %s: %w", f.Code, err)
	}
	for _, a := range f.Assumptions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO assumption(field_code,num,text) VALUES(?,?,?)`, f.Code, a.Num, a.Text); err != nil {
			return fmt.Errorf("insert assumption %s/%d: %w", f.Code, a.Num, err)
		}
	}
	for i, g := range f.Goals {
		if _, err := tx.ExecContext(ctx, `INSERT INTO goal(code,field_code,rank,title,text,sort) VALUES(?,?,?,?,?,?)`, g.Code, f.Code, g.Rank, g.Title, g.Text, i); err != nil {
			return fmt.Errorf("insert goal %s: %w", g.Code, err)
		}
	}
	for i, n := range f.IndicatorNotes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO field_note(field_code,sort,text) VALUES(?,?,?)`, f.Code, i, n); err != nil {
			return fmt.Errorf("insert note %s/%d: %w", f.Code, i, err)
		}
	}
	for _, k := range f.KeyFigures {
		var refLabel, refFormula any
		if k.Reference != nil {
			refLabel, refFormula = k.Reference.Label, k.Reference.Formula
		}
		var area any
		if k.Area != "" {
			area = k.Area
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO key_figure(code,field_code,num,statement,base_figure_text,survey_time,area_text,source_text,notes,direction,unit,area_code,reference_label,reference_formula,migration_capture,method_notes)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			k.Code, f.Code, k.Num, k.Statement, k.BaseFigureText, k.SurveyTime, k.AreaText, k.SourceText, k.Notes,
			string(k.Direction), k.Unit, area, refLabel, refFormula, k.MigrationCapture, k.MethodNotes); err != nil {
			return fmt.Errorf("insert key figure %s: %w", k.Code, err)
		}
		for i, sr := range k.Series {
			if _, err := tx.ExecContext(ctx, `INSERT INTO key_figure_series(key_figure_code,sort,label,formula) VALUES(?,?,?,?)`, k.Code, i, sr.Label, sr.Formula); err != nil {
				return fmt.Errorf("insert series %s/%d: %w", k.Code, i, err)
			}
		}
		for _, b := range k.BaseFigures {
			if err := insertBaseFigure(ctx, tx, b, k.Code, "", *sort); err != nil {
				return err
			}
			*sort++
		}
	}
	for _, w := range f.Indicators {
		if _, err := tx.ExecContext(ctx, `INSERT INTO impact_indicator(code,field_code,num,title,text,kind,instruments) VALUES(?,?,?,?,?,?,?)`,
			w.Code, f.Code, w.Num, w.Title, w.Text, string(w.Kind), w.Instruments); err != nil {
			return fmt.Errorf("insert indicator %s: %w", w.Code, err)
		}
		for i, it := range w.Items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO impact_indicator_item(indicator_code,sort,text) VALUES(?,?,?)`, w.Code, i, it); err != nil {
				return fmt.Errorf("insert item %s/%d: %w", w.Code, i, err)
			}
		}
		for _, b := range w.BaseFigures {
			if err := insertBaseFigure(ctx, tx, b, "", w.Code, *sort); err != nil {
				return err
			}
			*sort++
		}
	}
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func insertBaseFigure(ctx context.Context, tx *sql.Tx, b BaseFigure, keyFigure, indicator string, sort int) error {
	freq := b.Frequency
	if freq == "" {
		freq = Yearly
	}
	unit := b.Unit
	if unit == "" {
		unit = "Anzahl"
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO base_figure(code,key_figure_code,indicator_code,alias,name,unit,period_kind,actor_code,frequency,sort) VALUES(?,?,?,?,?,?,?,?,?,?)`,
		b.Code, nullable(keyFigure), nullable(indicator), b.Alias, b.Name, unit, string(b.PeriodKind), nullable(b.Actor), string(freq), sort); err != nil {
		return fmt.Errorf("insert base figure %s: %w", b.Code, err)
	}
	for i, g := range b.Groups {
		if _, err := tx.ExecContext(ctx, `INSERT INTO base_figure_group(base_figure_code,group_code,sort) VALUES(?,?,?)`, b.Code, g, i); err != nil {
			return fmt.Errorf("insert base figure group %s/%s: %w", b.Code, g, err)
		}
	}
	for i, a := range b.Areas {
		if _, err := tx.ExecContext(ctx, `INSERT INTO base_figure_area(base_figure_code,area_code,sort) VALUES(?,?,?)`, b.Code, a, i); err != nil {
			return fmt.Errorf("insert base figure area %s/%s: %w", b.Code, a, err)
		}
	}
	return nil
}

// write runs fn in one transaction; any error rolls everything back.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return &UserError{Message: "Die Datei ist schreibgeschützt; Änderungen können nicht gespeichert werden.", Err: ErrReadOnly}
	}
	if err := s.checkNotMoved(); err != nil {
		return err
	}
	return inTx(ctx, s.db, fn)
}

// inTx runs fn in one transaction on db or on one connection of it, and
// words the errors of SQLite as the store's (classify).
func inTx(ctx context.Context, db interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return classify(err)
	}
	if err := tx.Commit(); err != nil {
		return classify(err)
	}
	return nil
}

// checkNotMoved refuses to write when the path no longer names the file
// the store has open (deleted, renamed, replaced): on Unix the write would
// go to an inode nobody can find again. SQLite refuses too
// (SQLITE_READONLY_DBMOVED), but only once it opens a journal.
func (s *Store) checkNotMoved() error {
	if s.lock == nil {
		return nil
	}
	held, err := s.lock.Stat()
	if err != nil {
		return nil
	}
	cur, err := os.Stat(s.path)
	if err != nil || !os.SameFile(held, cur) {
		return fmt.Errorf("write %s: %w", s.path, ErrMoved)
	}
	return nil
}
