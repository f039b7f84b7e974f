package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// bulkPlanner is the Go side of a bulk save. It decides for each value
// whether it is new, unchanged or a correction, exactly as a save of the
// values one by one would, and hands the SQL side (bulkSaver) what to do
// through ops, in order. It reads nothing from the file itself: it asks
// the SQL side for a Grundzahl with its stored values and for a Bezirk
// the first time a value names them, and for the stored row of a value
// that comes twice in one save.
type bulkPlanner struct {
	ctx   context.Context
	save  *bulkSaver // used only inside the operations, on the SQL side
	stamp string     // entered_at of every value of the save

	bfs     map[string]loadedBaseFigure
	areas   map[string]loadedArea
	periods map[periodOfKind]parsedPeriod

	// stored maps the key of every stored value of the Grundzahlen in
	// the save to its index in values, and the key of every value this
	// save inserts to queued: a new value is compared again only when its
	// key comes twice, so the planner keeps nothing else of it.
	stored  map[valueKey]int
	values  []Value
	pending []Value  // new values not yet handed over
	order   []*Value // pending in the order of insertion, reused
	counts  map[SaveAction]int
	planned int  // values planned so far
	stopped bool // the save has stopped: yield takes nothing more

	ops  chan<- func() error // run in order by the SQL side
	done <-chan struct{}     // closed when the SQL side stops taking ops
	free chan *bulkBatch     // batches the SQL side has inserted, for reuse
}

// loadedBaseFigure is a Grundzahl of the save as the SQL side found it:
// the lookup's error stands for every value of it, as the lookup per
// value would have failed, and so does an error reading its stored
// values.
type loadedBaseFigure struct {
	bf           BaseFigure
	err, loadErr error
	stored       []Value
}

type loadedArea struct {
	ok  bool
	err error
}

// errStopped ends the planner when the SQL side has stopped; the SQL
// side's own error is the save's.
var errStopped = errors.New("bulk save stopped")

func newBulkPlanner(ctx context.Context, b *bulkSaver) *bulkPlanner {
	return &bulkPlanner{ctx: ctx, save: b, stamp: b.now.Format(time.RFC3339),
		bfs: map[string]loadedBaseFigure{}, areas: map[string]loadedArea{}, periods: map[periodOfKind]parsedPeriod{},
		stored: map[valueKey]int{}, counts: map[SaveAction]int{},
		free: make(chan *bulkBatch, bulkQueue+2)}
}

// ask runs fn on the SQL side, after everything handed over before, and
// waits for it.
func (p *bulkPlanner) ask(fn func()) error {
	reply := make(chan struct{})
	if err := p.send(func() error { fn(); close(reply); return nil }); err != nil {
		return err
	}
	select {
	case <-reply:
		return nil
	case <-p.done:
		return errStopped
	}
}

// baseFigure returns Grundzahl code, asking the SQL side for it and its
// stored values the first time. Nothing of the Grundzahl is queued before
// that, so the stored values are those before the save.
func (p *bulkPlanner) baseFigure(code string) (loadedBaseFigure, error) {
	if l, ok := p.bfs[code]; ok {
		return l, nil
	}
	var l loadedBaseFigure
	b := p.save
	if err := p.ask(func() {
		l.bf, l.err = b.cache.baseFigure(b.ctx, b.tx, code)
		if l.err == nil {
			l.loadErr = queryEach(b.ctx, b.tx, `SELECT `+valueColumns+` FROM value WHERE base_figure_code = ?`, func(r *sql.Rows) error {
				v, err := scanValue(r)
				l.stored = append(l.stored, v)
				return err
			}, code)
		}
	}); err != nil {
		return l, err
	}
	for _, v := range l.stored {
		p.stored[keyOf(v)] = len(p.values)
		p.values = append(p.values, v)
	}
	l.stored = nil
	p.bfs[code] = l
	return l, nil
}

// area returns whether Bezirk code exists, asking the SQL side the first
// time.
func (p *bulkPlanner) area(code string) (loadedArea, error) {
	if l, ok := p.areas[code]; ok {
		return l, nil
	}
	var l loadedArea
	b := p.save
	if err := p.ask(func() { l.ok, l.err = b.cache.areaExists(b.ctx, b.tx, code) }); err != nil {
		return l, err
	}
	p.areas[code] = l
	return l, nil
}

// run plans what src yields and closes ops when done or refused; a
// refusal is the last operation, so the SQL side runs everything before
// it first, as a save value by value would have. After the values it
// hands over the series breaks src returns.
func (p *bulkPlanner) run(src ValueSource) {
	defer close(p.ops)
	breaks, err := src(p.yield)
	if errors.Is(err, errStopped) {
		return
	}
	if err != nil {
		p.stopped = true
		p.send(func() error { return err })
		return
	}
	if p.stopped {
		return // the source ignored yield's error; the save's is on its way
	}
	if p.flush(nil) != nil || len(breaks) == 0 {
		return
	}
	b := p.save
	p.send(func() error {
		added, err := addBreaks(b.ctx, b.tx, breaks, b.now, b.user)
		b.breaks = len(added)
		return err
	})
}

// yield plans the values of one chunk of the source.
func (p *bulkPlanner) yield(vs []Value) error {
	if p.stopped {
		return errStopped
	}
	for i := range vs {
		err := p.plan(vs[i], &vs[i])
		if err == nil && p.planned%bulkRows == 0 {
			err = p.ctx.Err()
		}
		p.planned++
		if err == errStopped {
			p.stopped = true
			return err
		}
		if err != nil {
			p.stopped = true
			p.send(func() error { return wrapValue(&vs[i], err) })
			return errStopped
		}
	}
	return nil
}

// wrapValue names the value a save failed on, or nothing for the last
// batch of a save.
func wrapValue(v *Value, err error) error {
	if v == nil || err == nil {
		return err
	}
	return fmt.Errorf("%s %s %s %s: %w", v.BaseFigure, v.Period, v.Area, v.Group, err)
}

// send hands op to the SQL side, or says that it has stopped.
func (p *bulkPlanner) send(op func() error) error {
	select {
	case p.ops <- op:
		return nil
	case <-p.done:
		return errStopped
	}
}

// plan decides what to do with v; raw is the value as given, for the
// error messages of the SQL side.
func (p *bulkPlanner) plan(v Value, raw *Value) error {
	v, err := p.validate(v)
	if err != nil {
		return err
	}
	k := keyOf(v)
	at, ok := p.stored[k]
	if !ok {
		p.stored[k] = queued
		p.pending = append(p.pending, v)
		p.counts[Inserted]++
		if len(p.pending) == bulkLogEvery {
			return p.flush(raw)
		}
		return nil
	}
	var old Value
	if at == queued {
		// The same key twice in one save. Insert the first, so that the
		// comparison and a correction see the stored row with its id and
		// stamps.
		if err := p.flush(raw); err != nil {
			return err
		}
		reply := make(chan Value, 1)
		b, key := p.save, v
		if err := p.send(func() error {
			old, err := valueByKey(b.ctx, b.tx, key.BaseFigure, key.Period, key.Area, key.Group)
			if err != nil {
				return wrapValue(raw, err)
			}
			reply <- old
			return nil
		}); err != nil {
			return err
		}
		select {
		case old = <-reply:
		case <-p.done:
			return errStopped
		}
		at = len(p.values)
		p.values = append(p.values, old)
		p.stored[k] = at
	} else {
		old = p.values[at]
	}
	a, v, err := decideCorrection(old, v, p.save.opts)
	if err != nil {
		return err
	}
	p.counts[a]++
	if a != Corrected {
		return nil
	}
	b, id, nv := p.save, old.ID, v // the SQL side gets a copy: v is kept below
	if err := p.send(func() error {
		return wrapValue(raw, b.cache.overwrite(b.ctx, b.tx, id, nv, b.opts, b.now, b.user))
	}); err != nil {
		return err
	}
	v.ID = id
	v.EnteredAt, _ = time.Parse(time.RFC3339, p.stamp)
	v.EnteredBy, v.Origin = b.user, b.opts.Origin
	p.values[at] = v
	return nil
}

// validate checks v against its Grundzahl and the Bezirke, as
// saveCache.validate does, and returns it with its period in canonical
// form.
func (p *bulkPlanner) validate(v Value) (Value, error) {
	l, err := p.baseFigure(v.BaseFigure)
	if err != nil {
		return v, err
	}
	if l.err != nil {
		return v, l.err
	}
	per, err := p.period(string(v.Period), l.bf.PeriodKind)
	if err != nil {
		return v, err
	}
	v.Period = per
	if err := v.Validate(l.bf); err != nil {
		return v, err
	}
	a, err := p.area(v.Area)
	if err != nil {
		return v, err
	}
	if a.err != nil {
		return v, a.err
	}
	if !a.ok {
		return v, Invalid(fmt.Sprintf("Den Statistischen Bezirk „%s“ gibt es in dieser Datei nicht.", v.Area))
	}
	return v, l.loadErr
}

func (p *bulkPlanner) period(s string, k PeriodKind) (Period, error) {
	key := periodOfKind{s, k}
	if r, ok := p.periods[key]; ok {
		return r.p, r.err
	}
	per, err := ParsePeriodOfKind(s, k)
	p.periods[key] = parsedPeriod{per, err}
	return per, err
}

// flush hands the queued new values over as one batch; raw names the
// value that filled the queue in an error message, nil for the last.
func (p *bulkPlanner) flush(raw *Value) error {
	if len(p.pending) == 0 {
		return nil
	}
	bt, b := p.batch(), p.save
	return p.send(func() error {
		err := b.insertBatch(bt)
		clear(bt.args) // the strings are copied into SQLite by now
		select {
		case p.free <- bt:
		default:
		}
		return wrapValue(raw, err)
	})
}
