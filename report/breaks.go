package report

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// BreakMark is the sign of a Zeitreihenbruch in tables and charts: DIN
// 55301 writes "|" for a "grundsätzliche Änderung innerhalb einer Reihe".
const BreakMark = "|"

// Break is a Zeitreihenbruch in the series of a Kennzahl: from Period on
// the values form a new part that is not compared with the part before.
type Break struct {
	// Period is the first period of the new part as stored; a year
	// stands for every period within it (store.SeriesBreak.Starts).
	Period store.Period
	// Reason is the German reason; several stored breaks of the same
	// period are joined with "; ".
	Reason string
}

// Starts reports whether p lies in the part the break begins.
func (b Break) Starts(p store.Period) bool { return store.SeriesBreak{Period: b.Period}.Starts(p) }

// Footnote is the line under a table or chart: "| Zeitreihenbruch ab
// 2011: Bevölkerung ab 2011 auf Basis des Zensus 2011".
func (b Break) Footnote() string {
	return BreakMark + " Zeitreihenbruch ab " + b.Period.Label() + ": " + b.Reason
}

// breakAlias finds the shared Grundzahlen a formula reads ("BEV.auslaender").
var breakAlias = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_]`)

// KeyFigureBreaks are the breaks in force for the Kennzahl k: those set
// on k itself and on every Grundzahl its formulas read (its own and the
// shared population figures), for its Bezirk or for every Bezirk, one per
// period, oldest first.
func KeyFigureBreaks(snap *store.Snapshot, k store.KeyFigure) []Break {
	if snap == nil || len(snap.Breaks) == 0 {
		return nil
	}
	reads := map[string]bool{}
	for _, b := range k.BaseFigures {
		reads[b.Code] = true
	}
	if snap.Catalog != nil {
		aliases := map[string]bool{}
		formulas := formulaTexts(k)
		for _, f := range formulas {
			for _, m := range breakAlias.FindAllStringSubmatch(f, -1) {
				aliases[m[1]] = true
			}
		}
		for _, b := range snap.Catalog.BaseFigures {
			if aliases[b.Alias] {
				reads[b.Code] = true
			}
		}
	}
	area := cmp.Or(k.Area, defaultArea)
	kind := store.YearPeriod
	if len(k.BaseFigures) > 0 {
		kind = k.BaseFigures[0].PeriodKind
	}
	var out []Break
	for _, sb := range snap.Breaks {
		if sb.Area != "" && sb.Area != area || sb.KeyFigure != "" && sb.KeyFigure != k.Code ||
			sb.BaseFigure != "" && !reads[sb.BaseFigure] {
			continue
		}
		// A Grundzahl of another kind of period is read by calendar year
		// (the population's Stichtag 31.12.2023 in the year 2023 and in
		// both halves of it), so its break holds from that year on: at the
		// Stichtag itself it would fall behind the periods that read it.
		p := sb.Period
		if p.Kind() != kind {
			p = store.Period(strconv.Itoa(p.Year()))
		}
		i := slices.IndexFunc(out, func(b Break) bool { return b.Period == p })
		switch {
		case i < 0:
			out = append(out, Break{Period: p, Reason: strings.TrimSpace(sb.Reason)})
		case !strings.Contains(out[i].Reason, strings.TrimSpace(sb.Reason)):
			out[i].Reason += "; " + strings.TrimSpace(sb.Reason)
		}
	}
	slices.SortFunc(out, func(a, b Break) int { return a.Period.Compare(b.Period) })
	return out
}

// BreaksFor lists the first periods of the new parts of the Kennzahl
// with code: what the assessment needs so that it never spans a break.
func BreaksFor(code string, snap *store.Snapshot) []store.Period {
	if snap == nil || snap.Catalog == nil {
		return nil
	}
	for _, k := range snap.Catalog.KeyFigures() {
		if k.Code == code {
			var out []store.Period
			for _, b := range KeyFigureBreaks(snap, k) {
				out = append(out, b.Period)
			}
			return out
		}
	}
	return nil
}

// BreakMarks says at which of the ordered periods a break lies: the first
// period of each new part that has a period of the old part before it in
// periods. A table marks that period with BreakMark and gives the reason
// in a footnote; a chart interrupts its lines before it.
func BreakMarks(periods []store.Period, breaks []Break) map[store.Period]Break {
	if len(breaks) == 0 || len(periods) < 2 {
		return nil
	}
	var out map[store.Period]Break
	for _, b := range breaks {
		for i := 1; i < len(periods); i++ {
			if b.Starts(periods[i]) && !b.Starts(periods[i-1]) {
				if out == nil {
					out = map[store.Period]Break{}
				}
				if o, ok := out[periods[i]]; ok {
					b.Reason = o.Reason + "; " + b.Reason
				}
				out[periods[i]] = b
				break
			}
		}
	}
	return out
}

// HeadlineBreaks are the breaks that fall inside the headline series of
// r, keyed by the first period after each: the marks of its tables.
func (r Result) HeadlineBreaks() map[store.Period]Break {
	if len(r.Series) == 0 {
		return nil
	}
	var periods []store.Period
	for _, p := range r.Series[0].Points {
		periods = append(periods, p.Period)
	}
	return BreakMarks(periods, r.Breaks)
}

// BreakLabel is a period as a table row shows it: "| 2011" when a break
// lies just before it, else its Label.
func BreakLabel(p store.Period, marks map[store.Period]Break) string {
	if _, ok := marks[p]; ok {
		return BreakMark + " " + p.Label()
	}
	return p.Label()
}

// BreakNotes are the footnotes of the breaks among periods, in order.
func BreakNotes(periods []store.Period, marks map[store.Period]Break) []string {
	var out []string
	for _, p := range periods {
		if b, ok := marks[p]; ok {
			out = append(out, b.Footnote())
		}
	}
	return out
}
