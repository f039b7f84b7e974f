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
	// trigger is the stored text of the insert trigger while the save
	// has set it aside (setInsertTriggerAside), else "".
	trigger string
	breaks  int // series breaks added
}

// bulkQueue is how many decided operations (a batch is up to
// bulkLogEvery values) may wait for the SQL side: enough that the
// planner need not wait while SQLite inserts a batch, few enough to keep
// the memory of a save bounded.
const bulkQueue = 2

// ValueSource hands a save its values. It runs on the save's planning
// goroutine while SQLite stores, on the caller's, what it yielded before:
// a source that maps a large download chunk by chunk overlaps that work
// with the inserts instead of preceding them. An error from yield means
// the save has stopped (a value was refused, the context cancelled); the
// source returns it, wrapped or not, and yields nothing more. A yielded
// chunk must stay unchanged until the save returns: an error message
// names its value. The series breaks the source returns are stored after
// its values, in the same transaction: an import sets the breaks its
// values need, or nothing.
//
// yield is not safe for concurrent use: the source calls it from the
// goroutine it runs on, and never after it has returned. The source must
// not use the Store it saves into; the save holds its write transaction.
type ValueSource func(yield func([]Value) error) ([]SeriesBreak, error)

// SaveCounts is what a save did.
type SaveCounts struct {
	Inserted, Corrected, Unchanged int
	Breaks                         int // series breaks added; those already set are not counted
}

// SaveStream stores the values src yields, and then the series breaks
// it returns, in one transaction, exactly as SaveValues would store them
// all at once: a refused value or a failing source leaves the file as it
// was.
func (s *Store) SaveStream(ctx context.Context, src ValueSource, opts SaveOptions) (SaveCounts, error) {
	var r saveResult
	err := s.writeBulk(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = saveStreamTx(ctx, tx, src, opts, s.Now().UTC(), s.User)
		return err
	})
	if err != nil {
		return SaveCounts{}, err
	}
	return SaveCounts{Inserted: r.counts[Inserted], Corrected: r.counts[Corrected], Unchanged: r.counts[Unchanged], Breaks: r.breaks}, nil
}

// saveValuesTx stores vs in tx and counts what each save did.
func saveValuesTx(ctx context.Context, tx *sql.Tx, vs []Value, opts SaveOptions, now time.Time, user string) (map[SaveAction]int, error) {
	r, err := saveStreamTx(ctx, tx, func(yield func([]Value) error) ([]SeriesBreak, error) {
		return nil, yield(vs)
	}, opts, now, user)
	return r.counts, err
}

type saveResult struct {
	counts map[SaveAction]int
	breaks int
}

// saveStreamTx stores what src yields in tx. The transaction and every
// statement stay on the calling goroutine; the planner, which also runs
// src, runs in a second one and is always waited for, also when the save
// is refused or the context is cancelled.
func saveStreamTx(ctx context.Context, tx *sql.Tx, src ValueSource, opts SaveOptions, now time.Time, user string) (saveResult, error) {
	b := &bulkSaver{ctx: ctx, tx: tx, cache: newSaveCache(), opts: opts, now: now, user: user}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM value`).Scan(&b.logged); err != nil {
		return saveResult{}, err
	}
	p := newBulkPlanner(ctx, b)
	ops := make(chan func() error, bulkQueue)
	done := make(chan struct{})
	p.ops, p.done = ops, done
	var wg sync.WaitGroup
	var planPanic any
	wg.Add(1)
	go func() {
		defer wg.Done()
		// A panic of the planner or the source belongs to the caller,
		// as it did when the save ran on one goroutine: it unwinds the
		// transaction there (run closes ops first).
		defer func() { planPanic = recover() }()
		p.run(src)
	}()
	// The planner is released and waited for on every way out, also
	// when an operation panics: it may be waiting in send or ask.
	stop := sync.OnceFunc(func() {
		close(done)
		wg.Wait()
	})
	defer stop()
	var err error
	for op := range ops {
		if err = op(); err != nil {
			break
		}
	}
	stop()
	if planPanic != nil {
		panic(planPanic)
	}
	if err == nil {
		err = b.restoreInsertTrigger()
	}
	if err != nil {
		return saveResult{}, err
	}
	return saveResult{counts: p.counts, breaks: b.breaks}, nil
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
	defer relaxGC()()
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
