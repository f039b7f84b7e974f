package official

import (
	"fmt"
	"strings"
)

// classicParser reads the table layout the Landesdatenbank NRW and the
// Regionaldatenbank share: title lines; header rows that start with empty
// stub cells; data rows "[Zeit;]Schlüssel;Name;[Zeilenmerkmal;…]Wert;…";
// and a footer from "__________" on with footnotes, "©" and "Stand:".
// The period is the first column (Landesdatenbank), a header row of dates
// (Regionaldatenbank, one column per year) or a line of its own above
// the header ("2015;;;", Regionaldatenbank).
type classicParser struct {
	t         *Table
	title     []string
	header    []record
	afterData bool   // data rows came after the last header row
	block     string // period of the last line that holds only a period
	noPeriod  bool   // the missing period was reported
	// layouts caches the layout of header for data rows whose key is
	// in column 0 or 1, so that mixed rows do not recompute it each time.
	layouts [2]*classicLayout
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
		default:
			t.problem(r.line, "Die Zeile wurde nicht als Datenzeile erkannt und übersprungen („%s“).", shortText(strings.Join(r.cells, ";")))
		}
	}
	t.Title = strings.Join(p.title, " ")
}

// isFooterStart recognises the first footer line; the "©" and "Stand:"
// lines count too, in case a download lost its "__________" line.
func isFooterStart(first string) bool {
	return strings.HasPrefix(first, "___") || strings.HasPrefix(first, "©") || standPattern.MatchString(first)
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
	periodCol, keyCol := -1, 0
	switch c0 := r.cell(0); {
	case isRegionKey(c0):
	case isRegionKey(r.cell(1)) && isPeriodText(c0):
		periodCol, keyCol = 0, 1
	default:
		return false
	}
	if len(r.cells) < keyCol+3 || r.cell(keyCol+1) == "" {
		return false
	}
	l := p.layouts[keyCol]
	if l == nil {
		l = p.layout(keyCol)
		p.layouts[keyCol] = l
	}
	p.afterData = true
	var rowLabels []string
	for j := keyCol + 2; j < l.stub; j++ {
		if c := r.cell(j); c != "" {
			rowLabels = append(rowLabels, c)
		}
	}
	prefix := strings.Join(rowLabels, "; ")
	key, name := r.cell(keyCol), r.cell(keyCol+1)
	for j := l.stub; j < len(r.cells); j++ {
		raw := r.cell(j)
		label := l.label(j)
		if raw == "" {
			if label != "" {
				p.t.problem(r.line, "In der Spalte „%s“ fehlt bei %s der Wert.", shortText(label), name)
			}
			continue
		}
		col := joinLabel(prefix, label, j)
		c, ok := parseCell(raw)
		if !ok {
			p.t.problem(r.line, "„%s“ in der Spalte „%s“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik und wurde übersprungen.", shortText(raw), shortText(col))
			continue
		}
		p.t.Rows = append(p.t.Rows, Row{
			RegionKey: key, RegionName: name, Period: p.period(l, r, periodCol, j),
			Column: col, Raw: raw, Number: c.num, Symbol: c.sym, HasNumber: c.hasNum, Line: r.line,
		})
	}
	return true
}

func (p *classicParser) period(l *classicLayout, r record, periodCol, j int) string {
	switch {
	case periodCol >= 0:
		return r.cell(periodCol)
	case j < len(l.periods) && l.periods[j] != "":
		return l.periods[j]
	case p.block != "":
		return p.block
	}
	if !p.noPeriod {
		p.noPeriod = true
		p.t.problem(r.line, "Die Tabelle nennt keine Zeit (Jahr oder Stichtag) für die Werte.")
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
// header cells top-down, and a header row of dates gives the periods.
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
			for j := l.stub; j < len(h.cells); j++ {
				l.periods[j] = h.cell(j)
			}
			continue
		}
		for j := l.stub; j < len(h.cells); j++ {
			if c := h.cell(j); c != "" {
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
// "31.12.2015;31.12.2015;…" row of the Regionaldatenbank.
func isPeriodRow(h record, stub int) bool {
	n := 0
	for j := stub; j < len(h.cells); j++ {
		c := h.cell(j)
		if c == "" {
			continue
		}
		if !isPeriodText(c) {
			return false
		}
		n++
	}
	return n > 0
}
