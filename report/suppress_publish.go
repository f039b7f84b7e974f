package report

import (
	"cmp"

	"bergischgladbach.de/integrationsmonitor/report/disclosure"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Why a cell is hidden, in German, for the window (which is internal).
// The report prints only ".", never the reason: "kleine Fallzahl" next to
// a cell would tell that it is 1 or 2.
const (
	WhyConfidential = "als geheim gekennzeichnet"
	WhySecondary    = "Sekundärsperrung: sonst ließe sich eine gesperrte Zahl aus Summen errechnen"
	WhyDerived      = "beruht auf einer gesperrten Zahl"
)

// whySmall is the reason of a small count.
func (e *Evaluation) whySmall() string {
	return "kleine Fallzahl (unter " + FormatNumber(float64(e.SmallCount), 0) + ")"
}

// why is the German reason of a decision, "" for a published one.
func (e *Evaluation) why(r disclosure.Reason) string {
	switch r {
	case disclosure.Small:
		return e.whySmall()
	case disclosure.Confidential:
		return WhyConfidential
	case disclosure.Secondary:
		return WhySecondary
	case disclosure.Derived:
		return WhyDerived
	}
	return ""
}

// StoredCell is a stored value as the window shows it and the report and
// the default exports publish it.
func (e *Evaluation) StoredCell(v store.Value) Cell {
	unit := ""
	if e.Catalog != nil {
		if bf, ok := e.Catalog.BaseFigureByCode(v.BaseFigure); ok {
			unit = bf.Unit
		}
	}
	return e.cell(v, true, unit)
}

// hideCell applies the decision of disclosure control to a cell of a
// stored value: the primary rules on the value itself (for a value from
// another file state, such as the edition a change list compares with)
// and the file's decision for its place in the tables.
func (e *Evaluation) hideCell(c *Cell, v store.Value, unit string) {
	why := ""
	switch {
	case v.Confidential:
		why = WhyConfidential
	case v.Symbol == store.NoSymbol && e.IsSmall(v.Number, unit):
		why = e.whySmall()
	default:
		why = e.why(e.disc.Reason(valueKey(v)))
	}
	if why != "" {
		c.Published, c.Hidden, c.Why = string(store.SymUnknown), true, why
	}
}

// PointHidden reports why a computed point of a Kennzahl is not printed,
// "" when it is; line is the series index, the reference after the
// series.
func (e *Evaluation) PointHidden(code string, line int, p store.Period) string {
	return e.why(e.disc.Reason(pointKey(code, line, p)))
}

// publishKeyFigures builds the published result of every Kennzahl with a
// hidden point, and its Latest, Change and Übersicht row from it.
func (e *Evaluation) publishKeyFigures() {
	for i, kr := range e.KeyFigures {
		pub, hidden := e.publishedResult(kr.Result)
		if !hidden {
			continue
		}
		nkr := evaluateKeyFigure(pub, e.Year)
		// Change rests on the published assessment, whose points are
		// all printed.
		nkr.Result, nkr.Published = kr.Result, pub
		e.KeyFigures[i] = nkr
		e.Overview[i] = overviewRow(nkr, e.Year)
	}
}

// publishedResult marks the hidden points of r; the assessment and the
// sentence are made again on the points left, so that neither quotes nor
// rests on a hidden number.
func (e *Evaluation) publishedResult(r Result) (Result, bool) {
	code := r.KeyFigure.Code
	hidden := false
	mark := func(key func(store.Period) discKey, s SeriesResult) SeriesResult {
		pts := make([]Point, len(s.Points))
		for j, p := range s.Points {
			if p.OK && e.disc.Hidden(key(p.Period)) {
				p.OK, p.Suppressed, p.Reason, p.Value = false, true, SuppressedReason, 0
				hidden = true
			}
			pts[j] = p
		}
		s.Points = pts
		return s
	}
	pub := r
	pub.Series = make([]SeriesResult, len(r.Series))
	line := func(i int) func(store.Period) discKey {
		return func(p store.Period) discKey { return pointKey(code, i, p) }
	}
	for i, s := range r.Series {
		pub.Series[i] = mark(line(i), s)
	}
	if r.Reference != nil {
		ref := mark(line(len(r.Series)), *r.Reference)
		pub.Reference = &ref
	}
	pub.Regions = make([]RegionSeries, len(r.Regions))
	for i, g := range r.Regions {
		g.SeriesResult = mark(func(p store.Period) discKey { return regionKey(code, g.Area.Code, p) }, g.SeriesResult)
		pub.Regions[i] = g
	}
	if !hidden {
		return r, false
	}
	e.comp.reassess(&pub)
	return pub, true
}

// ParticipationCells are the numbers of a participation row as the window
// shows them (Text) and the report prints them (Published).
type ParticipationCells struct {
	Total, WithMH, Share, Reference, Index Cell
}

// publishParticipation sets the cells of every participation row.
func (e *Evaluation) publishParticipation() {
	for _, tables := range e.Participation {
		for _, t := range tables {
			for i := range t.rows {
				t.rows[i].Shown = e.participationCells(t.BaseFigure, t.rows[i])
			}
		}
	}
}

func (e *Evaluation) participationCells(bf store.BaseFigure, r ParticipationRow) ParticipationCells {
	var pc ParticipationCells
	rule := participationRules[bf.Code]
	count := func(b store.BaseFigure, area, group string) Cell {
		v, ok := e.ix.lookup(formulaInput{bf: b, group: group}, area, r.Period)
		return e.cell(v, ok, b.Unit)
	}
	if rule.role == RoleReach {
		fam, _ := e.Catalog.BaseFigureByCode(rule.refCode)
		pc.Total, pc.WithMH = count(fam, r.Area, groupMH), count(bf, r.Area, groupMH)
	} else {
		pc.Total, pc.WithMH = count(bf, r.Area, groupTotal), count(bf, r.Area, groupMH)
	}
	derived := func(kind keyKind, ok bool, text string) Cell {
		c := Cell{OK: ok, Text: NotComputable, Published: NotComputable}
		if !ok {
			return c
		}
		c.Text, c.Published = text, text
		if why := e.why(e.disc.Reason(discKey{kind: kind, code: bf.Code, area: r.Area, period: r.Period})); why != "" {
			c.Published, c.Hidden, c.Why = string(store.SymUnknown), true, why
		}
		return c
	}
	shareText := FormatPercent(r.Share, 1)
	if r.Role == RoleReach {
		shareText = FormatNumber(r.Share, 1)
	}
	pc.Share = derived(keyShare, r.OK, shareText)
	pc.Reference = derived(keyRef, r.RefOK, FormatPercent(r.Reference, 1))
	pc.Index = derived(keyIndex, r.OK && r.RefOK, FormatNumber(r.Index, 2))
	return pc
}

// SuppressionNote is the sentence under a published table that holds "."
// for hidden numbers; it names the threshold but no cell's reason.
func (e *Evaluation) SuppressionNote() string {
	return "„.“: zur Wahrung der Geheimhaltung gesperrt – Fallzahlen unter " +
		FormatNumber(float64(cmp.Or(e.SmallCount, store.DefaultSmallCount)), 0) +
		", als geheim gekennzeichnete Werte und Zahlen, aus denen sie sich errechnen ließen (Erläuterung im Anhang des Berichts)."
}
