package store

import (
	"fmt"
)

// setInsertTriggerAside drops the insert trigger of the value table for
// the rest of the save, the first time the saver inserts a full
// statement of bulkRows values; restoreInsertTrigger creates it again,
// from the text the file stores, before the transaction commits. The
// bulk saver writes the history of its inserts itself (migration 3: the
// trigger leaves rows with revision 1 alone), but as long as any row
// trigger exists SQLite copies every multi-row INSERT into a temporary
// table first and enters the trigger program for each row to test its
// WHEN: about a tenth of an import. A save of a few values keeps the
// trigger: there the two schema statements would cost more than they
// save.
//
// Nothing can insert without the trigger in between: the transaction
// holds the write lock from its start (_txlock=immediate), other
// connections read the committed schema with the trigger, and a
// rollback, a failed save or a crash (the rollback journal) restores it.
// The re-created trigger has the stored text byte for byte, so the schema
// check sees the same file.
func (b *bulkSaver) setInsertTriggerAside() error {
	if b.trigger != "" {
		return nil
	}
	var def string
	err := b.tx.QueryRowContext(b.ctx, `SELECT coalesce((SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'value_inserted' AND tbl_name = 'value'), '')`).Scan(&def)
	if err != nil || def == "" {
		return err // nothing to set aside; the schema check refuses such files anyway
	}
	if _, err := b.tx.ExecContext(b.ctx, `DROP TRIGGER value_inserted`); err != nil {
		return fmt.Errorf("set the insert trigger aside: %w", err)
	}
	b.trigger = def
	// The schema change invalidates the prepared INSERT; preparing it
	// again is cheaper than SQLite noticing on the next step.
	if b.insert != nil {
		b.insert.Close()
		b.insert = nil
	}
	return nil
}

// restoreInsertTrigger creates the insert trigger again if the save set
// it aside.
func (b *bulkSaver) restoreInsertTrigger() error {
	if b.trigger == "" {
		return nil
	}
	if _, err := b.tx.ExecContext(b.ctx, b.trigger); err != nil {
		return fmt.Errorf("restore the insert trigger: %w", err)
	}
	b.trigger = ""
	return nil
}
