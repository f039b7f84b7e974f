package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The bulk INSERT names the columns a save shares first, so that one
// parameter each (?1 … ?6) serves every row of the statement, and only the
// columns that differ from value to value take a parameter per row.
// Binding a text parameter copies it into SQLite's memory: with the
// Grundzahl, source, Stand, time, user and origin bound once per
// statement instead of once per value, a 100,000-value import binds
// 600,000 strings fewer.
const (
	bulkSharedColumns = `base_figure_code,source,as_of,entered_at,entered_by,origin`
	bulkRowColumns    = `period,area_code,group_code,number,symbol,provisional,estimated,confidential,note,demo`
	bulkSharedParams  = 6
	bulkRowParams     = 10
)

// insertValuesSQL inserts n values that share the columns of
// bulkSharedColumns, with revision 1, which tells the insert trigger
// (migration 3) that the program writes their history itself. There is
// no ON CONFLICT: the saver knows every stored key of the Grundzahlen it
// saves, so a conflict would be a bug and aborts the save.
func insertValuesSQL(n int) string {
	// Parameters without a number take the next number after the highest
	// one used so far, so every row after the first refers to ?1 … ?6 and
	// then continues the count.
	row := "(?1,?2,?3,?4,?5,?6," + strings.TrimSuffix(strings.Repeat("?,", bulkRowParams), ",") + ",1)"
	return `INSERT INTO value(` + bulkSharedColumns + `,` + bulkRowColumns + `,revision) VALUES ` +
		strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}

// bulkShared are the columns a run of values in one INSERT shares.
type bulkShared struct {
	bf, source, asOf string
}

func sharedOf(v *Value) bulkShared { return bulkShared{v.BaseFigure, v.Source, v.AsOf} }

// compareBulk orders values by the columns they share and then by their
// unique key. Rows inserted in key order extend the unique index at its
// end instead of splitting its pages in the middle.
func compareBulk(a, b *Value) int {
	return cmp.Or(
		strings.Compare(a.BaseFigure, b.BaseFigure),
		strings.Compare(a.Source, b.Source),
		strings.Compare(a.AsOf, b.AsOf),
		strings.Compare(string(a.Period), string(b.Period)),
		strings.Compare(a.Area, b.Area),
		strings.Compare(a.Group, b.Group),
	)
}

// bulkBatch is a run of new values ready to insert: the parameters of
// each INSERT one after the other, and how many values each one carries.
type bulkBatch struct {
	args  []any
	sizes []int
}

// batch turns the queued new values into INSERT parameters, sorted by
// compareBulk, in statements of at most bulkRows values that share the
// columns of bulkSharedColumns, and empties the queue. The batch holds
// no reference to the queue, so the planner may fill it again while the
// SQL side inserts.
func (p *bulkPlanner) batch() *bulkBatch {
	var bt *bulkBatch
	select {
	case bt = <-p.free:
	default:
		bt = &bulkBatch{}
	}
	// Sorting pointers, not the values of some 200 bytes each.
	order := p.order[:0]
	for i := range p.pending {
		order = append(order, &p.pending[i])
	}
	p.order = order
	if !slices.IsSortedFunc(order, compareBulk) {
		slices.SortStableFunc(order, compareBulk)
	}
	args, sizes := bt.args[:0], bt.sizes[:0]
	for len(order) > 0 {
		sh := sharedOf(order[0])
		n := 1
		for n < len(order) && n < bulkRows && sharedOf(order[n]) == sh {
			n++
		}
		args = append(args, sh.bf, sh.source, sh.asOf, p.stamp, p.save.user, p.save.opts.Origin)
		for _, v := range order[:n] {
			var num, sym any
			if v.Symbol == NoSymbol {
				num = v.Number
			} else {
				sym = string(v.Symbol)
			}
			args = append(args, string(v.Period), v.Area, v.Group, num, sym, v.Provisional, v.Estimated, v.Confidential, v.Note, v.Demo)
		}
		sizes = append(sizes, n)
		order = order[n:]
	}
	bt.args, bt.sizes = args, sizes
	p.pending = p.pending[:0]
	clear(p.order)
	return bt
}

// insertBatch inserts the values of bt and writes their history, so that
// a following UPDATE's history row comes after the value's 'neu' row.
func (b *bulkSaver) insertBatch(bt *bulkBatch) error {
	args := bt.args
	for _, n := range bt.sizes {
		k := bulkSharedParams + n*bulkRowParams
		var err error
		if n == bulkRows {
			if err := b.setInsertTriggerAside(); err != nil {
				return err
			}
			if b.insert == nil {
				if b.insert, err = b.tx.PrepareContext(b.ctx, insertValuesSQL(bulkRows)); err != nil {
					return fmt.Errorf("prepare insert: %w", err)
				}
			}
			_, err = b.insert.ExecContext(b.ctx, args[:k]...)
		} else {
			_, err = b.tx.ExecContext(b.ctx, insertValuesSQL(n), args[:k]...)
		}
		if err != nil {
			return fmt.Errorf("insert values: %w", err)
		}
		args = args[k:]
		b.unlogged += n
	}
	return b.logInserted()
}
