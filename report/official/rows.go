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

// textCache hands out one string per distinct column text of a flat
// file, which repeats a handful of texts in every line.
type textCache struct {
	buf   []byte
	texts map[string]string
}

// maxCachedTexts bounds the cache for files whose texts do not repeat.
const maxCachedTexts = 4096

// join is joinNonEmpty(first, rest...) without allocating for a text
// it has returned before.
func (c *textCache) join(first string, rest []string) string {
	c.buf = c.buf[:0]
	for i := -1; i < len(rest); i++ {
		p := first
		if i >= 0 {
			p = rest[i]
		}
		if p == "" {
			continue
		}
		if len(c.buf) > 0 {
			c.buf = append(c.buf, "; "...)
		}
		c.buf = append(c.buf, p...)
	}
	if s, ok := c.texts[string(c.buf)]; ok {
		return s
	}
	s := string(c.buf)
	if c.texts == nil {
		c.texts = map[string]string{}
	}
	if len(c.texts) < maxCachedTexts {
		c.texts[s] = s
	}
	return s
}
