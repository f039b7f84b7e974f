package store

import (
	"context"
	"database/sql"
	"fmt"
)

// bulkTriggerMin is the smallest save that sets the insert trigger aside
// (withoutInsertTrigger); below it the two schema statements would cost
// more than they save.
const bulkTriggerMin = bulkRows

// withoutInsertTrigger runs fn in tx with the insert trigger of the value
// table dropped, and creates it again afterwards from the text the file
// stores, in the same transaction. The bulk saver writes the history of
// its inserts itself (migration 3: the trigger leaves rows with revision 1
// alone), but as long as any row trigger exists SQLite copies every
// multi-row INSERT into a temporary table first and enters the trigger
// program for each row to test its WHEN: about a tenth of an import.
//
// Nothing can insert without the trigger in between: the transaction
// holds the write lock from its start (_txlock=immediate), other
// connections read the committed schema with the trigger, and a
// rollback, a failed fn or a crash (the rollback journal) restores it.
// The re-created trigger has the stored text byte for byte, so the schema
// check sees the same file.
func withoutInsertTrigger(ctx context.Context, tx *sql.Tx, fn func() error) error {
	var def string
	err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'value_inserted' AND tbl_name = 'value'`).Scan(&def)
	if err == sql.ErrNoRows {
		return fn() // nothing to set aside; the schema check refuses such files anyway
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DROP TRIGGER value_inserted`); err != nil {
		return fmt.Errorf("set the insert trigger aside: %w", err)
	}
	if err := fn(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, def); err != nil {
		return fmt.Errorf("restore the insert trigger: %w", err)
	}
	return nil
}
