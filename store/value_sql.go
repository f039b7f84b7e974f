package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// SaveOptions control SaveValue.
type SaveOptions struct {
	Origin  string // Eingabe, Import: <file>, Rückmeldung: <file>
	Correct bool   // the user confirmed correcting a stored value
}

// SaveValue validates v against its Grundzahl and stores it in one
// transaction. A value that differs from a stored one is not overwritten
// unless opts.Correct is set; then a *ConflictError holding the stored value
// is returned and nothing changes. The triggers keep the old value in the
// history.
func (s *Store) SaveValue(ctx context.Context, v Value, opts SaveOptions) (SaveAction, error) {
	action := Unchanged
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		action, err = saveValue(ctx, tx, v, opts, s.Now().UTC(), s.User)
		return err
	})
	return action, err
}

// SaveValues stores many values in one transaction (imports, demo data);
// either all are stored or none.
func (s *Store) SaveValues(ctx context.Context, vs []Value, opts SaveOptions) (inserted, corrected int, err error) {
	var counts map[SaveAction]int
	err = s.writeBulk(ctx, func(tx *sql.Tx) error {
		counts, err = saveValuesTx(ctx, tx, vs, opts, s.Now().UTC(), s.User)
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	return counts[Inserted], counts[Corrected], nil
}

// saveCache remembers, within one transaction, the Grundzahlen, Bezirke
// and periods already looked up, and the statements prepared: an import
// of 100,000 values would otherwise ask for the same few rows and parse
// the same few periods 100,000 times.
type saveCache struct {
	bfs     map[string]BaseFigure
	areas   map[string]bool
	periods map[periodOfKind]parsedPeriod
	insert  *sql.Stmt // prepared once: parsing the INSERT and coding its trigger is most of the cost
	update  *sql.Stmt
}

type periodOfKind struct {
	s    string
	kind PeriodKind
}

type parsedPeriod struct {
	p   Period
	err error
}

const insertValueSQL = `INSERT INTO value(base_figure_code,period,area_code,group_code,number,symbol,provisional,estimated,confidential,source,as_of,note,demo,entered_at,entered_by,origin)
	VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(base_figure_code,period,area_code,group_code) DO NOTHING`

const updateValueSQL = `UPDATE value SET number=?, symbol=?, provisional=?, estimated=?, confidential=?, source=?, as_of=?, note=?, demo=?, entered_at=?, entered_by=?, origin=?, revision = revision + 1 WHERE id = ?`

// stmt prepares query in tx once and keeps it in *st.
func stmt(ctx context.Context, tx *sql.Tx, st **sql.Stmt, query string) (*sql.Stmt, error) {
	if *st == nil {
		p, err := tx.PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		*st = p
	}
	return *st, nil
}

func newSaveCache() *saveCache {
	return &saveCache{bfs: map[string]BaseFigure{}, areas: map[string]bool{}, periods: map[periodOfKind]parsedPeriod{}}
}

func (c *saveCache) baseFigure(ctx context.Context, tx *sql.Tx, code string) (BaseFigure, error) {
	if bf, ok := c.bfs[code]; ok {
		return bf, nil
	}
	bf, err := baseFigureTx(ctx, tx, code)
	if err == nil {
		c.bfs[code] = bf
	}
	return bf, err
}

func (c *saveCache) areaExists(ctx context.Context, tx *sql.Tx, code string) (bool, error) {
	if ok, seen := c.areas[code]; seen {
		return ok, nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM area WHERE code = ?`, code).Scan(&n); err != nil {
		return false, err
	}
	c.areas[code] = n > 0
	return n > 0, nil
}

func (c *saveCache) period(s string, k PeriodKind) (Period, error) {
	key := periodOfKind{s, k}
	if r, ok := c.periods[key]; ok {
		return r.p, r.err
	}
	p, err := ParsePeriodOfKind(s, k)
	c.periods[key] = parsedPeriod{p, err}
	return p, err
}

// validate checks v against its Grundzahl and the Bezirke and returns it
// with its period in canonical form.
func (c *saveCache) validate(ctx context.Context, tx *sql.Tx, v Value) (Value, error) {
	bf, err := c.baseFigure(ctx, tx, v.BaseFigure)
	if err != nil {
		return v, err
	}
	p, err := c.period(string(v.Period), bf.PeriodKind)
	if err != nil {
		return v, err
	}
	v.Period = p
	if err := v.Validate(bf); err != nil {
		return v, err
	}
	ok, err := c.areaExists(ctx, tx, v.Area)
	if err != nil {
		return v, err
	}
	if !ok {
		return v, Invalid(fmt.Sprintf("Den Statistischen Bezirk „%s“ gibt es in dieser Datei nicht.", v.Area))
	}
	return v, nil
}

func saveValue(ctx context.Context, tx *sql.Tx, v Value, opts SaveOptions, now time.Time, user string) (SaveAction, error) {
	return saveValueCached(ctx, tx, newSaveCache(), v, opts, now, user)
}

// saveValueCached validates v and inserts it; only when the key exists
// already (the insert conflicts) is the stored value read and compared, so
// a new value costs one statement. Its history row comes from the insert
// trigger (revision 0).
func saveValueCached(ctx context.Context, tx *sql.Tx, c *saveCache, v Value, opts SaveOptions, now time.Time, user string) (SaveAction, error) {
	v, err := c.validate(ctx, tx, v)
	if err != nil {
		return Unchanged, err
	}
	ins, err := stmt(ctx, tx, &c.insert, insertValueSQL)
	if err != nil {
		return Unchanged, fmt.Errorf("prepare insert: %w", err)
	}
	res, err := ins.ExecContext(ctx, valueArgs(v, now, user, opts.Origin)...)
	if err != nil {
		return Unchanged, fmt.Errorf("insert value: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return Inserted, nil
	}
	old, err := valueByKey(ctx, tx, v.BaseFigure, v.Period, v.Area, v.Group)
	if err != nil {
		return Unchanged, err
	}
	return c.correct(ctx, tx, old, v, opts, now, user)
}

// correct compares v with the stored value old of the same key and, if
// they differ and opts allow it, overwrites old; the update trigger keeps
// the old value in the history.
func (c *saveCache) correct(ctx context.Context, tx *sql.Tx, old, v Value, opts SaveOptions, now time.Time, user string) (SaveAction, error) {
	a, v, err := decideCorrection(old, v, opts)
	if err != nil || a != Corrected {
		return a, err
	}
	if err := c.overwrite(ctx, tx, old.ID, v, opts, now, user); err != nil {
		return Unchanged, err
	}
	return Corrected, nil
}

// decideCorrection is what correct does with v against the stored value
// old, without writing: Unchanged, a *ConflictError, or Corrected with the
// value to write.
func decideCorrection(old, v Value, opts SaveOptions) (SaveAction, Value, error) {
	// The form and imports cannot set "geheim zu halten"; a correction made
	// through them must not silently publish a value marked confidential.
	// A returned file may change the flag deliberately.
	if old.Confidential && !strings.HasPrefix(opts.Origin, mergeOrigin) {
		v.Confidential = true
	}
	if old.SameContent(v) {
		return Unchanged, v, nil
	}
	if !opts.Correct {
		return Unchanged, v, &ConflictError{Old: old}
	}
	return Corrected, v, nil
}

// overwrite replaces the stored value with the given id by v.
func (c *saveCache) overwrite(ctx context.Context, tx *sql.Tx, id int64, v Value, opts SaveOptions, now time.Time, user string) error {
	up, err := stmt(ctx, tx, &c.update, updateValueSQL)
	if err != nil {
		return fmt.Errorf("prepare update: %w", err)
	}
	args := append(valueArgs(v, now, user, opts.Origin)[4:], id)
	if _, err := up.ExecContext(ctx, args...); err != nil {
		return fmt.Errorf("update value: %w", err)
	}
	return nil
}

func valueArgs(v Value, now time.Time, user, origin string) []any {
	return appendValueArgs(make([]any, 0, 16), v, now.Format(time.RFC3339), user, origin)
}

// appendValueArgs appends the 16 parameters of insertValueSQL for v,
// entered at the RFC 3339 time stamp.
func appendValueArgs(args []any, v Value, stamp, user, origin string) []any {
	var num, sym any
	if v.Symbol == NoSymbol {
		num = v.Number
	} else {
		sym = string(v.Symbol)
	}
	return append(args, v.BaseFigure, string(v.Period), v.Area, v.Group, num, sym, v.Provisional, v.Estimated, v.Confidential,
		v.Source, v.AsOf, v.Note, v.Demo, stamp, user, origin)
}

const valueColumns = `id, base_figure_code, period, area_code, group_code, number, symbol, provisional, estimated, confidential, source, as_of, note, demo, entered_at, entered_by, origin`

func scanValue(r interface{ Scan(...any) error }) (Value, error) {
	var v Value
	var num sql.NullFloat64
	var sym sql.NullString
	var at string
	err := r.Scan(&v.ID, &v.BaseFigure, &v.Period, &v.Area, &v.Group, &num, &sym, &v.Provisional, &v.Estimated, &v.Confidential,
		&v.Source, &v.AsOf, &v.Note, &v.Demo, &at, &v.EnteredBy, &v.Origin)
	if err != nil {
		return v, err
	}
	v.Number = num.Float64
	v.Symbol = Symbol(sym.String)
	v.EnteredAt, _ = time.Parse(time.RFC3339, at)
	return v, nil
}

func valueByKey(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, bf string, p Period, area, group string) (Value, error) {
	v, err := scanValue(q.QueryRowContext(ctx, `SELECT `+valueColumns+` FROM value WHERE base_figure_code=? AND period=? AND area_code=? AND group_code=?`, bf, string(p), area, group))
	if err == sql.ErrNoRows {
		return v, ErrNotFound
	}
	return v, err
}

func baseFigureTx(ctx context.Context, tx *sql.Tx, code string) (BaseFigure, error) {
	var b BaseFigure
	err := tx.QueryRowContext(ctx, `SELECT code, alias, name, unit, period_kind, COALESCE(actor_code,''), frequency FROM base_figure WHERE code = ?`, code).
		Scan(&b.Code, &b.Alias, &b.Name, &b.Unit, &b.PeriodKind, &b.Actor, &b.Frequency)
	if err == sql.ErrNoRows {
		return b, Invalid(fmt.Sprintf("Die Grundzahl „%s“ gibt es in dieser Datei nicht.", code))
	}
	if err != nil {
		return b, err
	}
	err = queryEach(ctx, tx, `SELECT group_code FROM base_figure_group WHERE base_figure_code = ?`, func(r *sql.Rows) error {
		var g string
		err := r.Scan(&g)
		b.Groups = append(b.Groups, g)
		return err
	}, code)
	return b, err
}

// Value returns the stored value for a key, or ErrNotFound.
func (s *Store) Value(ctx context.Context, bf string, p Period, area, group string) (Value, error) {
	return valueByKey(ctx, s.db, bf, p, area, group)
}

// Values returns the stored values of the given Grundzahlen (all when none
// are given), ordered by Grundzahl, period, area and group.
func (s *Store) Values(ctx context.Context, baseFigures ...string) ([]Value, error) {
	var out []Value
	q := `SELECT ` + valueColumns + ` FROM value`
	var args []any
	if len(baseFigures) > 0 {
		q += ` WHERE base_figure_code IN (?` + repeat(",?", len(baseFigures)-1) + `)`
		for _, b := range baseFigures {
			args = append(args, b)
		}
	}
	q += ` ORDER BY base_figure_code, period, area_code, group_code`
	err := queryEach(ctx, s.db, q, func(r *sql.Rows) error {
		v, err := scanValue(r)
		out = append(out, v)
		return err
	}, args...)
	return out, err
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

// History returns the changes of the value with the given key, oldest first.
func (s *Store) History(ctx context.Context, bf string, p Period, area, group string) ([]HistoryEntry, error) {
	var out []HistoryEntry
	err := queryEach(ctx, s.db, `SELECT action, old_number, COALESCE(old_symbol,''), new_number, COALESCE(new_symbol,''), changed_at, changed_by, origin
		FROM value_history WHERE base_figure_code=? AND period=? AND area_code=? AND group_code=? ORDER BY id`, func(r *sql.Rows) error {
		var h HistoryEntry
		var on, nn sql.NullFloat64
		var at string
		if err := r.Scan(&h.Action, &on, &h.OldSymbol, &nn, &h.NewSymbol, &at, &h.By, &h.Origin); err != nil {
			return err
		}
		if on.Valid {
			h.OldNumber = &on.Float64
		}
		if nn.Valid {
			h.NewNumber = &nn.Float64
		}
		h.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, h)
		return nil
	}, bf, string(p), area, group)
	return out, err
}
