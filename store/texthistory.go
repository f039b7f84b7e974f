package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// TextOriginInput is the origin of the text_history rows the program's own
// saves logged; the triggers log every other change as "extern".
const TextOriginInput = "Eingabe"

// writeTexts runs fn in one transaction like write, and then claims the
// text_history rows fn's statements made the triggers log: they get the
// store's time and user and TextOriginInput instead of "extern". The
// triggers (migration 0007) write the history itself, so no save of a
// text can skip it; this only says who made the change.
func (s *Store) writeTexts(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var last int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) FROM text_history`).Scan(&last); err != nil {
			return fmt.Errorf("text history: %w", classify(err))
		}
		if err := fn(tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE text_history SET changed_at = ?, changed_by = ?, origin = ? WHERE id > ?`,
			s.Now().UTC().Format(time.RFC3339), s.User, TextOriginInput, last)
		if err != nil {
			return fmt.Errorf("text history: %w", classify(err))
		}
		return nil
	})
}
