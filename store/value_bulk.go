package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"
	"time"
)

// bulkRows is the number of values one INSERT carries: 10 parameters each
// (insertValuesSQL) stay far below SQLite's limit of 32766, and
// per-statement costs (binding through database/sql, stepping a fresh
// statement) are paid once per 256 values instead of once per value.
const bulkRows = 256

// bulkLogEvery is how many new values the saver queues before it inserts
// them, sorted, and writes their history rows with one INSERT … SELECT.
const bulkLogEvery = 8 * bulkRows

// logInsertedSQL writes the 'neu' history rows of the values the saver
// inserted after the value with id ?, exactly as the insert trigger of
// migration 1 does for a single row.
const logInsertedSQL = `INSERT INTO value_history (value_id, base_figure_code, period, area_code, group_code, action,
	new_number, new_symbol, new_source, new_as_of, new_note, new_flags, changed_at, changed_by, origin)
	SELECT id, base_figure_code, period, area_code, group_code, 'neu',
		number, symbol, source, as_of, note, provisional || estimated || confidential, entered_at, entered_by, origin
	FROM value WHERE id > ? AND revision = 1 ORDER BY id`

// queued marks a key in bulkSaver.stored whose value this save inserts.
const queued = -1

// valueKey is the unique key of a stored value.
type valueKey struct {
	bf, period, area, group string
}

func keyOf(v Value) valueKey { return valueKey{v.BaseFigure, string(v.Period), v.Area, v.Group} }

// bulkSaver is the SQL side of a bulk save: it owns the transaction and
// runs, in order, what a bulkPlanner decided (inserts with their history,
// corrections, reading back a value saved twice). Everything that needs
// no SQL (validating, keys, new or unchanged, sorting, the parameters)
// runs in the planner's goroutine, on the other core, while SQLite
// executes the batch before.
type bulkSaver struct {
	ctx   context.Context
	tx    *sql.Tx
	cache *saveCache
	opts  SaveOptions
	now   time.Time
	user  string
	// logged is the highest value id whose history is written: every
	// value inserted by the saver has a higher one.
	logged   int64
	unlogged int // values inserted but without their history row yet
	insert   *sql.Stmt
}

// bulkQueue is how many decided operations (a batch is up to
// bulkLogEvery values) may wait for the SQL side: enough that the
// planner need not wait while SQLite inserts a batch, few enough to keep
// the memory of a save bounded.
const bulkQueue = 2

// saveValuesTx stores vs in tx and counts what each save did. The
// transaction and every statement stay on the calling goroutine; the
// planner runs in a second one and is always waited for, also when the
// save is refused or the context is cancelled.
func saveValuesTx(ctx context.Context, tx *sql.Tx, vs []Value, opts SaveOptions, now time.Time, user string) (map[SaveAction]int, error) {
	b := &bulkSaver{ctx: ctx, tx: tx, cache: newSaveCache(), opts: opts, now: now, user: user}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM value`).Scan(&b.logged); err != nil {
		return nil, err
	}
	p := newBulkPlanner(ctx, b, len(vs))
	if err := p.preload(vs); err != nil {
		return nil, err
	}
	saveAll := func() error {
		ops := make(chan func() error, bulkQueue)
		done := make(chan struct{})
		p.ops, p.done = ops, done
		var wg sync.WaitGroup
		var planPanic any
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A panic of the planner belongs to the caller, as it did
			// when the save ran on one goroutine: it unwinds the
			// transaction there (run closes ops first).
			defer func() { planPanic = recover() }()
			p.run(vs)
		}()
		var err error
		for op := range ops {
			if err = op(); err != nil {
				break
			}
		}
		close(done)
		wg.Wait()
		if planPanic != nil {
			panic(planPanic)
		}
		return err
	}
	var err error
	if len(vs) >= bulkTriggerMin {
		err = withoutInsertTrigger(ctx, tx, saveAll)
	} else {
		err = saveAll()
	}
	if err != nil {
		return nil, err
	}
	return p.counts, nil
}

// logInserted writes the history rows of the values inserted since the
// last call.
func (b *bulkSaver) logInserted() error {
	if b.unlogged == 0 {
		return nil
	}
	if _, err := b.tx.ExecContext(b.ctx, logInsertedSQL, b.logged); err != nil {
		return fmt.Errorf("value history: %w", err)
	}
	if err := b.tx.QueryRowContext(b.ctx, `SELECT max(id) FROM value`).Scan(&b.logged); err != nil {
		return err
	}
	b.unlogged = 0
	return nil
}

// bulkCacheKiB is the page cache of a bulk save: an import of 100,000
// values dirties about 15 MB, and with SQLite's default of 2 MB the
// pages spill to the file mid-transaction, each spill syncing the journal.
const bulkCacheKiB = 64 << 10

// writeBulk runs fn in a write transaction like write, on a connection
// without foreign key and CHECK constraint checks and with a larger page
// cache. Together the checks took a third of a 100,000-value import: the
// foreign keys look up the Grundzahl, the Bezirk and the group of every
// value, the CHECKs test its symbol and flags. The saver has validated
// each value against the same rows in the same transaction
// (saveCache.validate, Value.Validate), and the checks stay on for every
// other write, also from other tools; PRAGMA integrity_check, run on every
// open, still tests the CHECK constraints. The connection gets the
// settings back afterwards, or is dropped from the pool.
func (s *Store) writeBulk(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	if s.readOnly {
		return s.write(ctx, fn) // the same refusal
	}
	if err := s.checkNotMoved(); err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return classify(err)
	}
	defer conn.Close()
	// Pragmas take no parameters; the values are our own constants.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; PRAGMA cache_size = -%d", bulkCacheKiB)); err != nil {
		return classify(err)
	}
	defer func() {
		bg := context.Background()
		_, rerr := conn.ExecContext(bg, "PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF; PRAGMA cache_size = -2000")
		var fk, ignore int
		if rerr == nil {
			rerr = conn.QueryRowContext(bg, "SELECT foreign_keys, ignore_check_constraints FROM pragma_foreign_keys, pragma_ignore_check_constraints").Scan(&fk, &ignore)
		}
		if rerr != nil || fk != 1 || ignore != 0 {
			// A pooled connection without the checks must not serve
			// the next write.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	return inTx(ctx, conn, fn)
}
