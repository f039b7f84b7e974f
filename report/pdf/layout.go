package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ptToMM converts a font size in points to millimetres.
const ptToMM = 25.4 / 72

// Text sizes in points.
const (
	sizeBody  = 10
	sizeSmall = 8.5
	sizeTable = 8
	sizeH1    = 16
	sizeH2    = 12.5
	sizeH3    = 10.5
)

// lineH is the line distance of a font size, in millimetres.
func lineH(size float64) float64 { return size * ptToMM * 1.3 }

func (d *pdfDoc) font(style string, size float64) {
	d.pdf.SetFont(fontFamily, style, size)
	d.fontStyle, d.fontSize = style, size
}

// cell writes one line that is known to fit; every text of the report
// goes through here or through wrap, so all of it is cleaned.
func (d *pdfDoc) cell(x, y, w, h float64, s, align string) {
	d.pdf.SetXY(x, y)
	if d.dry != nil {
		return
	}
	d.pdf.CellFormat(w, h, d.in.clean(s), "", 0, align+"M", false, 0, "")
}

// y and setY track the writing position of the body.
func (d *pdfDoc) y() float64     { return d.pdf.GetY() }
func (d *pdfDoc) setY(y float64) { d.pdf.SetXY(marginX, y) }

func (d *pdfDoc) space(mm float64) {
	if d.y() > bodyTop+0.01 {
		d.setY(min(d.y()+mm, bodyBot))
	}
}

// newPage starts a page; a dry run (plan.go) only counts it.
func (d *pdfDoc) newPage() {
	if d.dry != nil {
		d.dry.newPage(d)
		return
	}
	d.pdf.AddPage()
}

// atTop reports whether nothing has been written on the page yet.
func (d *pdfDoc) atTop() bool { return d.y() <= bodyTop+0.01 }

// ensure starts a new page unless h millimetres are left on this one.
func (d *pdfDoc) ensure(h float64) {
	if d.y()+h > bodyBot && !d.atTop() {
		d.newPage()
	}
}

// wrap breaks s into lines no wider than w at the current font. It breaks
// at ASCII spaces and newlines only: gofpdf's SplitText also breaks at the
// no-break space (it uses unicode.IsSpace), which would tear "12,5 %"
// apart. A word wider than w is broken after a hyphen or slash if it has
// one, else with a hyphen of its own.
func (d *pdfDoc) wrap(s string, w float64) []string {
	// Every layout pass and every dry run wraps the same texts again.
	k := wrapKey{s: s, w: w, style: d.fontStyle, size: d.fontSize}
	if lines, ok := d.in.wrapped[k]; ok {
		return lines
	}
	lines := d.wrapText(s, w)
	if d.in.wrapped == nil {
		d.in.wrapped = map[wrapKey][]string{}
	}
	d.in.wrapped[k] = lines
	return lines
}

// wrapKey is a text wrapped at a width in a font.
type wrapKey struct {
	s, style string
	w, size  float64
}

func (d *pdfDoc) wrapText(s string, w float64) []string {
	s = d.in.cleanKeepHyphens(s)
	space := d.pdf.GetStringWidth(" ")
	var out []string
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineW := 0.0
		for _, word := range strings.Split(para, " ") {
			if word == "" {
				continue
			}
			ww := d.width(word)
			if line.Len() > 0 && lineW+space+ww <= w {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += space + ww
				continue
			}
			if line.Len() > 0 {
				out = append(out, line.String())
				line.Reset()
			}
			for ww > w {
				head, rest := d.breakWord(word, w)
				out = append(out, head)
				word, ww = rest, d.width(rest)
			}
			line.WriteString(word)
			lineW = ww
		}
		out = append(out, strings.ReplaceAll(line.String(), softHyphen, ""))
	}
	return out
}

// softHyphen marks where a word may break with a hyphen; it is never printed.
const softHyphen = "\u00ad"

// width is the printed width of s, soft hyphens left out.
func (d *pdfDoc) width(s string) float64 {
	return d.pdf.GetStringWidth(strings.ReplaceAll(s, softHyphen, ""))
}

// breakWord splits a word that is wider than w into a head that fits and
// the rest.
func (d *pdfDoc) breakWord(word string, w float64) (head, rest string) {
	hyphen := d.pdf.GetStringWidth("-")
	// The last soft hyphen that leaves a head fitting with its hyphen.
	for i := len(word); i > 0; {
		i = strings.LastIndex(word[:i], softHyphen)
		if i <= 0 {
			break
		}
		if d.width(word[:i])+hyphen <= w {
			return strings.ReplaceAll(word[:i], softHyphen, "") + "-", word[i+len(softHyphen):]
		}
	}
	word = strings.ReplaceAll(word, softHyphen, "")
	runes := []rune(word)
	n, width := 0, 0.0
	for n < len(runes) {
		cw := d.pdf.GetStringWidth(string(runes[n]))
		if width+cw > w {
			break
		}
		width += cw
		n++
	}
	for i := n - 1; i > n/2; i-- {
		if runes[i] == '-' || runes[i] == '/' {
			return string(runes[:i+1]), string(runes[i+1:])
		}
	}
	// Room for the hyphen; never less than one letter per line.
	for n > 1 && width+hyphen > w {
		n--
		width -= d.pdf.GetStringWidth(string(runes[n]))
	}
	n = max(n, 1)
	if n < len(runes) && unicode.IsLetter(runes[n-1]) && unicode.IsLetter(runes[n]) {
		return string(runes[:n]) + "-", string(runes[n:])
	}
	return string(runes[:n]), string(runes[n:])
}

// fit shortens s with an ellipsis so that it fits into w.
func (d *pdfDoc) fit(s string, w float64) string {
	s = d.in.clean(s)
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	runes := []rune(s)
	for len(runes) > 1 && d.pdf.GetStringWidth(string(runes)+"…") > w {
		runes = runes[:len(runes)-1]
	}
	return strings.TrimSpace(string(runes)) + "…"
}

// textStyle is how a block of running text is set.
type textStyle struct {
	style  string // "", "B", "I"
	size   float64
	indent float64
	after  float64 // space below the block
	gray   bool
	label  string // hanging label of a list item, set left of the indent
}

var (
	bodyText  = textStyle{size: sizeBody, after: 2.5}
	smallText = textStyle{size: sizeSmall, after: 2, gray: true}
	noteText  = textStyle{style: "I", size: sizeSmall, after: 2}
)

// text sets running text. Paragraphs break across pages, but never leave
// a single first line at the bottom (orphan) or a single last line at the
// top (widow).
func (d *pdfDoc) text(s string, st textStyle) {
	if strings.TrimSpace(s) == "" {
		return
	}
	d.font(st.style, st.size)
	if st.gray {
		d.pdf.SetTextColor(70, 70, 70)
	}
	lh := lineH(st.size)
	lines := d.wrap(strings.TrimSpace(s), bodyW-st.indent)
	for len(lines) > 0 {
		fits := int((bodyBot - d.y() + 0.01) / lh)
		if fits < len(lines) {
			// Two lines at least on either side of a page break.
			fits = min(fits, len(lines)-2)
			if fits < 2 && !d.atTop() {
				d.newPage()
				continue
			}
		}
		fits = max(min(fits, len(lines)), 1)
		for _, l := range lines[:fits] {
			if st.label != "" {
				d.cell(marginX, d.y(), st.indent, lh, st.label, "L")
				st.label = ""
			}
			d.cell(marginX+st.indent, d.y(), bodyW-st.indent, lh, l, "L")
			d.setY(d.y() + lh)
		}
		lines = lines[fits:]
		if len(lines) > 0 {
			d.newPage()
			d.font(st.style, st.size)
			if st.gray {
				d.pdf.SetTextColor(70, 70, 70)
			}
		}
	}
	d.pdf.SetTextColor(0, 0, 0)
	d.space(st.after)
}

// textHeight is the height text would take in style st.
func (d *pdfDoc) textHeight(s string, st textStyle) float64 {
	d.font(st.style, st.size)
	return float64(len(d.wrap(strings.TrimSpace(s), bodyW-st.indent)))*lineH(st.size) + st.after
}

// heading sets the heading of an outline entry, records its page for the
// table of contents and the bookmarks, and keeps it together with at
// least keep millimetres of what follows.
func (d *pdfDoc) heading(id string, keep float64) {
	e := d.in.outline.entry(id)
	size := [...]float64{sizeH1, sizeH2, sizeH3}[min(e.level, 2)]
	d.font("B", size)
	lh := lineH(size)
	lines := d.wrap(e.label(), bodyW)
	h := float64(len(lines))*lh + 2
	if !d.atTop() {
		d.space(3)
	}
	d.ensure(h + keep)
	if d.dry == nil {
		at := anchor{page: d.pdf.PageNo(), y: d.y()}
		d.seen[id] = at
		d.pdf.Bookmark(d.in.clean(e.label()), e.level, -1)
		if link, ok := d.links[id]; ok {
			d.pdf.SetLink(link, at.y, at.page)
		}
	}
	d.pdf.SetTextColor(20, 60, 110)
	for _, l := range lines {
		d.cell(marginX, d.y(), bodyW, lh, l, "L")
		d.setY(d.y() + lh)
	}
	d.pdf.SetTextColor(0, 0, 0)
	d.setY(d.y() + 2)
}

// subheading is a heading that is not in the table of contents.
func (d *pdfDoc) subheading(s string, keep float64) {
	d.font("B", sizeH3)
	lh := lineH(sizeH3)
	lines := d.wrap(s, bodyW)
	if !d.atTop() {
		d.space(2)
	}
	d.ensure(float64(len(lines))*lh + 1 + keep)
	for _, l := range lines {
		d.cell(marginX, d.y(), bodyW, lh, l, "L")
		d.setY(d.y() + lh)
	}
	d.setY(d.y() + 1)
}

// cleaner removes what the font cannot show: gofpdf indexes its width
// table by rune and would panic beyond the Basic Multilingual Plane (an
// emoji in a pasted report text), and a rune without glyph would print as
// an empty box.
type cleaner struct {
	has func(rune) bool
}

func (c cleaner) clean(s string) string { return c.cleanText(s, false) }

// cleanKeepHyphens keeps soft hyphens for wrap, which removes them.
func (c cleaner) cleanKeepHyphens(s string) string { return c.cleanText(s, true) }

func (c cleaner) cleanText(s string, keepHyphens bool) string {
	ok := true
	for _, r := range s {
		if r == '\t' || r == '\r' || r == '\u00ad' && !keepHyphens || r != '\n' && (unicode.IsControl(r) || !c.has(r)) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r', r == '\u00ad' && !keepHyphens:
		case r == '\u00ad', r == '\n':
			b.WriteRune(r)
		case unicode.IsControl(r):
		case !c.has(r):
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
