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
// through ops, in order. It reads nothing from the file itself: preload
// reads the Grundzahlen, Bezirke and stored values the save needs before
// it starts, and the one thing it cannot know beforehand, the stored row
// of a value that comes twice in one save, it asks the SQL side for.
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

	ops  chan<- func() error // run in order by the SQL side
	done <-chan struct{}     // closed when the SQL side stops taking ops
	free chan *bulkBatch     // batches the SQL side has inserted, for reuse
}

// loadedBaseFigure is a Grundzahl of the save as preload found it: the
// lookup's error stands for every value of it, as the lookup per value
// would have failed, and so does an error reading its stored values.
type loadedBaseFigure struct {
	bf           BaseFigure
	err, loadErr error
}

type loadedArea struct {
	ok  bool
	err error
}

// errStopped ends the planner when the SQL side has stopped; the SQL
// side's own error is the save's.
var errStopped = errors.New("bulk save stopped")

func newBulkPlanner(ctx context.Context, b *bulkSaver, n int) *bulkPlanner {
	return &bulkPlanner{ctx: ctx, save: b, stamp: b.now.Format(time.RFC3339),
		bfs: map[string]loadedBaseFigure{}, areas: map[string]loadedArea{}, periods: map[periodOfKind]parsedPeriod{},
		stored: make(map[valueKey]int, n), counts: map[SaveAction]int{},
		free: make(chan *bulkBatch, bulkQueue+2)}
}

// preload reads, on the SQL side before the planner starts, every
// Grundzahl and Bezirk the values name and the stored values of each
// Grundzahl.
func (p *bulkPlanner) preload(vs []Value) error {
	b := p.save
	lastBF, lastArea := "\x00", "\x00"
	for i := range vs {
		if code := vs[i].BaseFigure; code != lastBF {
			lastBF = code
			if _, ok := p.bfs[code]; !ok {
				var l loadedBaseFigure
				l.bf, l.err = b.cache.baseFigure(b.ctx, b.tx, code)
				if l.err == nil {
					l.loadErr = p.load(code)
				}
				p.bfs[code] = l
			}
		}
		if code := vs[i].Area; code != lastArea {
			lastArea = code
			if _, ok := p.areas[code]; !ok {
				var l loadedArea
				l.ok, l.err = b.cache.areaExists(b.ctx, b.tx, code)
				p.areas[code] = l
			}
		}
	}
	return nil
}

// load reads the stored values of Grundzahl bf.
func (p *bulkPlanner) load(bf string) error {
	b := p.save
	return queryEach(b.ctx, b.tx, `SELECT `+valueColumns+` FROM value WHERE base_figure_code = ?`, func(r *sql.Rows) error {
		v, err := scanValue(r)
		p.stored[keyOf(v)] = len(p.values)
		p.values = append(p.values, v)
		return err
	}, bf)
}

// run plans vs and closes ops when done or refused; a refusal is the
// last operation, so the SQL side runs everything before it first, as a
// save value by value would have.
func (p *bulkPlanner) run(vs []Value) {
	defer close(p.ops)
	for i := range vs {
		err := p.plan(vs[i], &vs[i])
		if err == nil && i%bulkRows == 0 {
			err = p.ctx.Err()
		}
		if err == errStopped {
			return
		}
		if err != nil {
			p.send(func() error { return wrapValue(&vs[i], err) })
			return
		}
	}
	p.flush(nil)
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
	l := p.bfs[v.BaseFigure]
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
	a := p.areas[v.Area]
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
