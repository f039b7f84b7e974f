package pdf

// Page planning. The report is laid out block by block; where a block's
// place depends on what follows (a Kennzahl sheet that would spill a few
// lines onto a second page), the layout is first tried in a dry run: the
// same code runs on the same document, but writes nothing, counts page
// breaks instead of making them and records no heading. Its result decides
// how the block is really set.

// halfPage is the part of the body height below which a page counts as
// under-filled.
const halfPage = (bodyBot - bodyTop) / 2

// Chart heights a Kennzahl sheet may use: the chart is laid out to its
// box (drawVectorPDF), so a flatter box keeps its fonts and only lowers the
// plot.
const (
	chartMinH = 58.0
	chartStep = 9.0
)

// dryRun is the state of a dry run.
type dryRun struct {
	pages  int     // page breaks so far
	breakY float64 // where the body ended before the last break
	minY   float64 // the least filled page end before a break
}

func (r *dryRun) newPage(d *pdfDoc) {
	r.pages++
	r.breakY = d.y()
	r.minY = min(r.minY, d.y())
	d.setY(bodyTop)
}

// fit is the outcome of a dry run: how many pages it broke onto, where it
// ended and the lowest end of a page it left.
type fit struct {
	pages int
	endY  float64
	minY  float64
}

// lastFull reports whether the last page is at least half full.
func (f fit) lastFull() bool { return f.endY-bodyTop >= halfPage }

// pagesFull reports whether every page it left is at least half full.
func (f fit) pagesFull() bool { return f.minY-bodyTop >= halfPage }

// measure runs set in a dry run from the current position and restores
// the position afterwards.
func (d *pdfDoc) measure(set func()) fit {
	x, y := d.pdf.GetXY()
	final, dry := d.final, d.dry
	d.final = false
	d.dry = &dryRun{minY: bodyBot}
	set()
	r := d.dry
	f := fit{pages: r.pages, endY: d.y(), minY: r.minY}
	d.final, d.dry = final, dry
	d.pdf.SetXY(x, y)
	return f
}

// sheetPlan is how a Kennzahl sheet is set: its chart height and the
// block that starts on a new page (0: none forced).
type sheetPlan struct {
	chartH  float64
	breakAt int
}

// Blocks of a Kennzahl sheet with values, in their order; a plan may put
// a page break before any of them.
const (
	blockValues = iota + 1
	blockChart
	blockAssessment
	blockCommentary
	blockDetails
	blockBaseTables
	blockCount
)

// planSheet chooses how a sheet set by set(plan) goes onto the pages
// from the current position: on as few pages as a chart between its full
// and its least height allows, the chart as high as possible; if the last
// page would be under half full, with the page break moved back to the
// latest block that leaves both the last page and the ones before it at
// least half full. Plans are
// kept per sheet and start position, so every layout pass sets a sheet
// alike and only the first pays for the dry runs.
func (d *pdfDoc) planSheet(key string, set func(sheetPlan)) sheetPlan {
	k := planKey{key: key, y: d.y()}
	if p, ok := d.in.plans[k]; ok {
		return p
	}
	p := d.choosePlan(set)
	if d.in.plans == nil {
		d.in.plans = map[planKey]sheetPlan{}
	}
	d.in.plans[k] = p
	return p
}

type planKey struct {
	key string
	y   float64
}

func (d *pdfDoc) choosePlan(set func(sheetPlan)) sheetPlan {
	try := func(p sheetPlan) fit { return d.measure(func() { set(p) }) }
	best := sheetPlan{chartH: chartH}
	f := try(best)
	if f.pages == 0 {
		return best
	}
	// A lower chart only helps if the lowest one saves a page; then the
	// highest that saves it is taken.
	if low := try(sheetPlan{chartH: chartMinH}); low.pages < f.pages {
		best, f = sheetPlan{chartH: chartMinH}, low
		for h := chartH - chartStep; h > chartMinH+0.01; h -= chartStep {
			if g := try(sheetPlan{chartH: h}); g.pages == low.pages {
				best, f = sheetPlan{chartH: h}, g
				break
			}
		}
		if f.pages == 0 {
			return best
		}
	}
	if f.lastFull() {
		return best
	}
	for b := blockCount - 1; b >= blockChart; b-- {
		p := sheetPlan{chartH: best.chartH, breakAt: b}
		if g := try(p); g.pages == f.pages && g.lastFull() && g.pagesFull() {
			return p
		}
	}
	return best
}

// sheetBlock starts block b of a sheet, on a new page if the plan says so.
func (d *pdfDoc) sheetBlock(p sheetPlan, b int) {
	if p.breakAt == b && !d.atTop() {
		d.newPage()
	}
}

// chapterBreak starts a new page for the next part of the report unless
// the current page is less than half full: then the part follows on it,
// so that a short ending (the last Wirkungsindikator, a few notes) does
// not leave a page nearly empty.
func (d *pdfDoc) chapterBreak() {
	if d.atTop() {
		return
	}
	if d.y()-bodyTop >= halfPage {
		d.newPage()
		return
	}
	d.space(6)
}
