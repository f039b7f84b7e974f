package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
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

// bulkSaver stores many values in one transaction. It reads the stored
// values of each Grundzahl once, decides in memory which values are new,
// unchanged or corrections, inserts the new ones bulkRows at a time and
// writes their history set-based. Corrections go through the UPDATE and
// its trigger, one by one, as in SaveValue.
type bulkSaver struct {
	ctx   context.Context
	tx    *sql.Tx
	cache *saveCache
	opts  SaveOptions
	now   time.Time
	user  string

	// stored maps the key of every stored value of the Grundzahlen in
	// loaded to its index in values, and the key of every value this save
	// inserts to queued: a new value is compared again only when its key
	// comes twice, so the saver keeps nothing else of it.
	stored  map[valueKey]int
	values  []Value
	loaded  map[string]bool
	pending []Value  // new values not yet inserted
	order   []*Value // pending in the order of insertion, reused
	// logged is the highest value id whose history is written: every
	// value inserted by the saver has a higher one.
	logged   int64
	unlogged int // values inserted but without their history row yet
	insert   *sql.Stmt
	args     []any // the parameters of one INSERT, reused
	counts   map[SaveAction]int
}

// saveValuesTx stores vs in tx and counts what each save did.
func saveValuesTx(ctx context.Context, tx *sql.Tx, vs []Value, opts SaveOptions, now time.Time, user string) (map[SaveAction]int, error) {
	b := &bulkSaver{ctx: ctx, tx: tx, cache: newSaveCache(), opts: opts, now: now, user: user,
		stored: make(map[valueKey]int, len(vs)), loaded: map[string]bool{}, counts: map[SaveAction]int{}}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM value`).Scan(&b.logged); err != nil {
		return nil, err
	}
	saveAll := func() error {
		for _, v := range vs {
			if err := b.save(v); err != nil {
				return fmt.Errorf("%s %s %s %s: %w", v.BaseFigure, v.Period, v.Area, v.Group, err)
			}
		}
		return b.flush()
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
	return b.counts, nil
}

func (b *bulkSaver) save(v Value) error {
	v, err := b.cache.validate(b.ctx, b.tx, v)
	if err != nil {
		return err
	}
	if err := b.load(v.BaseFigure); err != nil {
		return err
	}
	k := keyOf(v)
	at, ok := b.stored[k]
	if !ok {
		b.stored[k] = queued
		b.pending = append(b.pending, v)
		b.counts[Inserted]++
		if len(b.pending) == bulkLogEvery {
			return b.flush()
		}
		return nil
	}
	var old Value
	if at == queued {
		// The same key twice in one save. Insert the first, so that the
		// comparison and a correction see the stored row with its id and
		// stamps.
		if err := b.flush(); err != nil {
			return err
		}
		if old, err = valueByKey(b.ctx, b.tx, v.BaseFigure, v.Period, v.Area, v.Group); err != nil {
			return err
		}
		at = len(b.values)
		b.values = append(b.values, old)
		b.stored[k] = at
	} else {
		old = b.values[at]
	}
	a, err := b.cache.correct(b.ctx, b.tx, old, v, b.opts, b.now, b.user)
	if err != nil {
		return err
	}
	b.counts[a]++
	if a == Corrected {
		v.ID = old.ID
		v.EnteredAt, _ = time.Parse(time.RFC3339, b.now.Format(time.RFC3339))
		v.EnteredBy, v.Origin = b.user, b.opts.Origin
		v.Confidential = v.Confidential || old.Confidential && !strings.HasPrefix(b.opts.Origin, mergeOrigin)
		b.values[at] = v
	}
	return nil
}

// load reads the stored values of Grundzahl bf once per save.
func (b *bulkSaver) load(bf string) error {
	if b.loaded[bf] {
		return nil
	}
	b.loaded[bf] = true
	return queryEach(b.ctx, b.tx, `SELECT `+valueColumns+` FROM value WHERE base_figure_code = ?`, func(r *sql.Rows) error {
		v, err := scanValue(r)
		b.stored[keyOf(v)] = len(b.values)
		b.values = append(b.values, v)
		return err
	}, bf)
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

// flush inserts every queued value and writes its history, so that a
// following UPDATE's history row comes after the value's 'neu' row.
func (b *bulkSaver) flush() error {
	if err := b.insertPending(); err != nil {
		return err
	}
	return b.logInserted()
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
