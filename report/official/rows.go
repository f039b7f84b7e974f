package official

import (
	"slices"
	"strings"
)

// newRow appends a zero row to t.Rows and returns it to be filled in.
// Assigning the fields in place spares building each Row and copying it
// (with write barriers while the collector runs) into a slice of several
// hundred thousand. Rows is only ever appended to, so the elements
// between its length and capacity are still zero.
func (t *Table) newRow() *Row {
	if len(t.Rows) == cap(t.Rows) {
		t.Rows = slices.Grow(t.Rows, 1)
	}
	t.Rows = t.Rows[:len(t.Rows)+1]
	return &t.Rows[len(t.Rows)-1]
}

// nameCache keeps the column texts a classic table repeats in every data
// row, so that rows with row features ("unter 3 Jahre; weiblich") share
// one string per distinct text instead of allocating one per value.
type nameCache struct {
	labels     []string // reused for the row features of each row
	lastLabels []string // the row features of the previous prefix
	lastPrefix string
	layout     *classicLayout
	cols       []cachedColumn // by column index, for layout
}

type cachedColumn struct {
	prefix, col string
	ok          bool
}

// prefix joins the row features as strings.Join(labels, "; ") would,
// reusing the previous row's text when the features are the same.
func (c *nameCache) prefix(labels []string) string {
	if len(labels) < 2 {
		return strings.Join(labels, "; ") // no allocation
	}
	if !slices.Equal(labels, c.lastLabels) {
		c.lastLabels = append(c.lastLabels[:0], labels...)
		c.lastPrefix = strings.Join(labels, "; ")
	}
	return c.lastPrefix
}

// column is joinLabel(prefix, label, j) for label, the label of column j
// in l, remembered per column for the last prefix.
func (c *nameCache) column(l *classicLayout, prefix, label string, j int) string {
	if c.layout != l {
		c.layout, c.cols = l, c.cols[:0]
	}
	if j >= len(c.cols) {
		c.cols = append(c.cols, make([]cachedColumn, j+1-len(c.cols))...)
	}
	if cc := &c.cols[j]; !cc.ok || cc.prefix != prefix {
		*cc = cachedColumn{prefix: prefix, col: joinLabel(prefix, label, j), ok: true}
	}
	return c.cols[j].col
}
