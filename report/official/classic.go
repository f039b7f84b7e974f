package official

import (
	"fmt"
	"strings"
)

// classicParser reads the table layout the Landesdatenbank NRW and the
// Regionaldatenbank share: title lines; header rows that start with empty
// stub cells; data rows "[Zeit;]Schlüssel;Name;[Zeilenmerkmal;…]Wert;…";
// and a footer from "__________" on with footnotes, "©" and "Stand:".
// The period is, from the most to the least specific: the first column
// (Landesdatenbank) or a row feature ("05378;Kreis;2022;…"); a header
// row of dates (Regionaldatenbank, one column per year, or one cell per
// group of columns side by side) or a header cell naming it ("Stichtag
// 31.12.2023"); a line of its own ("2015;;;", Regionaldatenbank, also
// between sections); or a title line naming it ("Stichtag: 31.12.2023",
// "Jahr: 2022", "Schuljahr 2023/24").
type classicParser struct {
	t         *Table
	title     []string
	header    []record
	afterData bool   // data rows came after the last header row
	block     string // period of the last line that holds only a period, or of the title
	// layouts caches the layout of header for data rows whose key is
	// in column 0 or 1, so that mixed rows do not recompute it each time.
	layouts [2]*classicLayout
	names   nameCache // the texts of Column, built once per distinct text
}

// classicLayout says where the values of a data row are and what they
// mean.
type classicLayout struct {
	stub    int      // cells before the first value column
	labels  []string // column label per cell index
	periods []string // period per cell index from a header row of dates
}

func parseClassic(t *Table, recs []record) {
	p := &classicParser{t: t}
	t.Rows = make([]Row, 0, maxValues(recs))
	for i, r := range recs {
		first := r.cell(0)
		if isFooterStart(first) {
			p.footer(recs[i:])
			break
		}
		if emptyRecord(r) || p.dataRow(r) {
			continue
		}
		switch {
		case first == "":
			if p.afterData {
				p.header, p.afterData = nil, false
			}
			p.header = append(p.header, r)
			p.layouts = [2]*classicLayout{}
		case r.nonEmpty(1) == 0 && isPeriodText(first):
			p.block = first
		case r.nonEmpty(1) == 0 && len(p.header) == 0 && len(t.Rows) == 0:
			p.title = append(p.title, first)
			if per, _ := namedPeriod(first); per != "" && p.block == "" {
				p.block = per
			}
		case r.nonEmpty(1) == 0 && onlyNamedPeriod(first) != "":
			// "Jahr: 2023" between two sections of the same table.
			p.block = onlyNamedPeriod(first)
		default:
			t.problem(r.line, "Die Zeile wurde nicht als Datenzeile erkannt und übersprungen („%s“).", shortText(strings.Join(r.cells, ";")))
		}
	}
	t.Title = strings.Join(p.title, " ")
}

// isFooterStart recognises the first footer line; the "©" and "Stand:"
// lines count too, in case a download lost its "__________" line.
func isFooterStart(first string) bool {
	return strings.HasPrefix(first, "___") || strings.HasPrefix(first, "©") ||
		strings.HasPrefix(first, "Stand:") && standPattern.MatchString(first)
}

// footer takes the Stand date; footnotes are not data and are skipped.
func (p *classicParser) footer(recs []record) {
	for _, r := range recs {
		for _, c := range r.cells {
			for _, line := range strings.Split(c, "\n") {
				if m := standPattern.FindStringSubmatch(strings.TrimSpace(line)); m != nil && p.t.AsOf == "" {
					p.t.AsOf = isoDate(m[1])
				}
			}
		}
	}
}

// dataRow reads r if it is a data row and reports whether it was.
func (p *classicParser) dataRow(r record) bool {
	periodCol, keyCol := -1, 0 // periodCol is -1 when the row has no period column
	switch c0 := r.cell(0); {
	case isRegionKey(c0):
	case isRegionKey(r.cell(1)) && isPeriodText(c0):
		periodCol, keyCol = 0, 1
	default:
		return false
	}
	name := r.cell(keyCol + 1)
	if len(r.cells) < keyCol+3 || name == "" {
		return false
	}
	l := p.layouts[keyCol]
	if l == nil {
		l = p.layout(keyCol)
		p.layouts[keyCol] = l
	}
	p.afterData = true
	rowLabels := p.names.labels[:0]
	rowPeriod := r.cell(periodCol)
	for j := keyCol + 2; j < l.stub; j++ {
		switch c := r.cell(j); {
		case c == "":
		case rowPeriod == "" && isPeriodText(c):
			// A row feature that is the period ("05378;Kreis;2022;…")
			// says when, not what, so it stays out of the column.
			rowPeriod = c
		default:
			rowLabels = append(rowLabels, c)
		}
	}
	p.names.labels = rowLabels
	prefix := p.names.prefix(rowLabels)
	key := r.cell(keyCol)
	for j := l.stub; j < len(r.cells); j++ {
		raw := r.cell(j)
		label := l.label(j)
		if raw == "" {
			if label != "" {
				p.t.problem(r.line, "In der Spalte „%s“ fehlt bei %s der Wert.", shortText(label), name)
			}
			continue
		}
		col := p.names.column(l, prefix, label, j)
		c, ok := parseCell(raw)
		if !ok {
			p.t.problem(r.line, "„%s“ in der Spalte „%s“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik und wurde übersprungen.", shortText(raw), shortText(col))
			continue
		}
		row := p.t.newRow()
		row.RegionKey, row.RegionName, row.Period, row.Column, row.Raw = key, name, p.period(l, rowPeriod, j), col, raw
		row.Number, row.Symbol, row.HasNumber, row.Line = c.num, c.sym, c.hasNum, r.line
	}
	return true
}

// period returns the period of the value in column j; "" when the table
// names none, which makes Read refuse the file.
func (p *classicParser) period(l *classicLayout, rowPeriod string, j int) string {
	switch {
	case rowPeriod != "":
		return rowPeriod
	case j < len(l.periods) && l.periods[j] != "":
		return l.periods[j]
	}
	return p.block
}

// onlyNamedPeriod returns the period of a line that names nothing else
// ("Jahr: 2023"), or "". A longer text that mentions a period, such as a
// note, does not set the period of the values below it.
func onlyNamedPeriod(s string) string {
	if per, rest := namedPeriod(s); rest == "" {
		return per
	}
	return ""
}

func (l *classicLayout) label(j int) string {
	if j < len(l.labels) {
		return l.labels[j]
	}
	return ""
}

// joinLabel puts the row's own features (Altersgruppe, Schulart) before
// the column's, in the order the table reads from left to right. A column
// without any header gets its position, so that no value is unlabelled.
func joinLabel(prefix, label string, j int) string {
	switch {
	case prefix == "" && label == "":
		return fmt.Sprintf("Spalte %d", j+1)
	case prefix == "":
		return label
	case label == "":
		return prefix
	}
	return prefix + "; " + label
}

// layout derives the value columns from the header rows: the stub is the
// smallest number of leading empty cells of a header row (the cells above
// period, key, name and row features), each column's label joins its
// header cells top-down, and a header row of dates gives the periods: a
// date stands for the columns up to the next one, since a table with
// column groups side by side names each group's period once. A header
// cell that names a period ("Stichtag 31.12.2023") gives its column's.
func (p *classicParser) layout(keyCol int) *classicLayout {
	l := &classicLayout{stub: -1}
	width := 0
	for _, h := range p.header {
		lead := 0
		for lead < len(h.cells) && strings.TrimSpace(h.cells[lead]) == "" {
			lead++
		}
		if lead < len(h.cells) && (l.stub < 0 || lead < l.stub) {
			l.stub = lead
		}
		width = max(width, len(h.cells))
	}
	l.stub = max(l.stub, keyCol+2)
	parts := make([][]string, width)
	l.periods = make([]string, width)
	for _, h := range p.header {
		if isPeriodRow(h, l.stub) {
			cur := ""
			for j := l.stub; j < width; j++ {
				if c := h.cell(j); c != "" {
					cur, _ = headerPeriod(c)
				}
				l.periods[j] = cur
			}
			continue
		}
		for j := l.stub; j < len(h.cells); j++ {
			c := h.cell(j)
			if per, rest := headerPeriod(c); per != "" {
				l.periods[j], c = per, rest
			}
			if c != "" {
				parts[j] = append(parts[j], c)
			}
		}
	}
	l.labels = make([]string, width)
	for j, ps := range parts {
		l.labels[j] = strings.Join(ps, "; ")
	}
	return l
}

// maxValues counts the filled cells after key and name in lines that may
// be data rows, an upper bound of the values that is exact for most
// tables: growing Rows by append would copy 100,000s of rows again and
// again.
func maxValues(recs []record) int {
	n := 0
	for _, r := range recs {
		switch {
		case isRegionKey(r.cell(0)):
			n += r.nonEmpty(2)
		case isRegionKey(r.cell(1)):
			n += r.nonEmpty(3)
		}
	}
	return n
}

// isPeriodRow reports a header row that names only periods, such as the
// "31.12.2015;31.12.2015;…" row of the Regionaldatenbank or ";;2022;;;2023"
// above column groups.
func isPeriodRow(h record, stub int) bool {
	n := 0
	for j := stub; j < len(h.cells); j++ {
		c := h.cell(j)
		if c == "" {
			continue
		}
		if per, rest := headerPeriod(c); per == "" || rest != "" {
			return false
		}
		n++
	}
	return n > 0
}
