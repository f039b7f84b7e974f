package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
)

// AddDemoData stores DemoValues for the years from..to and marks the file
// as holding Beispieldaten, all in one transaction. The marker makes the
// window title, the overview and every output say "Beispieldaten".
func (s *Store) AddDemoData(ctx context.Context, from, to int) (int, error) {
	cat, err := s.Catalog(ctx)
	if err != nil {
		return 0, err
	}
	vals := DemoValues(cat, from, to)
	err = s.write(ctx, func(tx *sql.Tx) error {
		now := s.Now().UTC()
		cache := newSaveCache()
		for _, v := range vals {
			if _, err := saveValueCached(ctx, tx, cache, v, SaveOptions{Origin: "Beispieldaten"}, now, s.User); err != nil {
				return fmt.Errorf("demo value %s %s %s %s: %w", v.BaseFigure, v.Period, v.Area, v.Group, err)
			}
		}
		for k, v := range map[string]string{"beispieldaten": "1", "berichtsjahr": strconv.Itoa(to)} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO setting(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(vals), nil
}
