package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/golang/freetype/truetype"

	"bergischgladbach.de/integrationsmonitor/store"
)

// reportInput is what both layout passes share: everything is computed
// once, so a second pass costs only the layout.
type reportInput struct {
	cleaner
	cat     *store.Catalog
	texts   *store.ReportTexts
	year    int
	small   int
	results map[string]Result // by Kennzahl code
	ix      valueIndex
	// participation holds the rows of each Beteiligung indicator.
	participation map[string][]ParticipationRow
	outline       outline
	sections      int // Kennzahlen and Wirkungsindikatoren, for Progress
	// valueSources are the sources the stored values name.
	valueSources []string
}

func prepare(snap *store.Snapshot, texts *store.ReportTexts, opt PDFOptions) (*reportInput, error) {
	font, err := truetype.Parse(opt.Fonts.Regular)
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	in := &reportInput{
		cleaner: cleaner{has: func(r rune) bool { return r == ' ' || r <= 0xffff && font.Index(r) != 0 }},
		cat:     snap.Catalog,
		texts:   texts,
		year:    opt.Year,
		small:   opt.SmallCount,
		results: map[string]Result{},
	}
	s := *snap
	s.ReportYear = opt.Year
	// ComputeAll's own loop, kept here so that the tables read the same
	// value index as the computation rather than building a second one.
	c := newComputation(&s, func(string) bool { return true })
	for _, k := range c.cat.KeyFigures() {
		in.results[k.Code] = c.compute(k)
	}
	in.ix = c.ix
	in.participation = participationRows(&s)
	in.outline = buildOutline(snap.Catalog, texts)
	in.valueSources = valueSources(snap.Values, opt.Year)
	for _, f := range snap.Catalog.Fields {
		in.sections += len(f.KeyFigures) + len(f.Indicators)
	}
	return in, nil
}

// value finds the value of a Grundzahl for a period: the exact period,
// else, for a Grundzahl of another kind of period, the latest one in the
// same calendar year (the matching Compute uses, docs/bewertung.md §3).
func (in *reportInput) value(bf store.BaseFigure, shared bool, area, group string, p store.Period) (store.Value, bool) {
	return in.ix.lookup(formulaInput{bf: bf, group: group, shared: shared}, area, p)
}

// countCell writes a delivered value for a table. Values flagged
// confidential and counts from 1 up to the small-count threshold are
// printed as "." (DIN 55301: "Zahlenwert unbekannt oder geheim zu
// halten"), so that no family can be identified in a school-level table.
//
// Shares computed from a small count are still printed (issue 6): a share
// is a rate, not a number of persons, and hiding it would blank exactly
// the school-level participation the indicator is about. A confidential
// value, by contrast, makes its shares "nicht berechenbar" already in the
// computation, so that it cannot be worked back.
func (in *reportInput) countCell(v store.Value, ok bool, unit string) string {
	switch {
	case !ok:
		return NotComputable
	case v.Confidential:
		return string(store.SymUnknown)
	case v.Symbol != store.NoSymbol:
		return string(v.Symbol)
	case in.isSmall(v.Number, unit):
		return string(store.SymUnknown)
	}
	s := FormatValue(v.Number, store.NoSymbol, unit)
	if v.Provisional || v.Estimated {
		s += provisionalMark
	}
	return s
}

// isSmall reports whether a count is suppressed as a small case number.
func (in *reportInput) isSmall(n float64, unit string) bool {
	return unit == "Anzahl" && n > 0 && n < float64(in.small)
}

// provisionalMark follows a provisional or estimated number (DIN 55301 "p").
const provisionalMark = "\u00a0p"

// pointCell writes a computed point of a Kennzahl.
func pointCell(p Point, unit string) string {
	if !p.OK {
		return NotComputable
	}
	s := FormatValue(p.Value, store.NoSymbol, unit)
	if p.Provisional {
		s += provisionalMark
	}
	return s
}

// recentPeriods are the last n periods of pts up to the report year.
func recentPeriods(pts []Point, year, n int) []store.Period {
	var out []store.Period
	for _, p := range pts {
		if year == 0 || p.Period.Year() <= year {
			out = append(out, p.Period)
		}
	}
	return out[max(0, len(out)-n):]
}

// valueFacts are the Datenstand and the sources of the values a table shows.
type valueFacts struct {
	asOf    string
	sources []string
}

func (f *valueFacts) add(v store.Value) {
	f.asOf = max(f.asOf, v.AsOf)
	if s := strings.TrimSpace(v.Source); s != "" && !slices.Contains(f.sources, s) {
		f.sources = append(f.sources, s)
	}
}

// datenstand writes the as-of date of the values shown.
func (f valueFacts) datenstand() string {
	if f.asOf == "" {
		return "ohne Angabe"
	}
	if p := store.Period(f.asOf); p.Kind() == store.DatePeriod {
		return p.Label()
	}
	return f.asOf
}

// groupLabel is the column title of a group.
func (in *reportInput) groupLabel(code string) string { return in.cat.GroupName(code) }

// sharedRefs lists the shared Grundzahlen (population) a Kennzahl's
// formulas read, with the groups they read.
func (in *reportInput) sharedRefs(k store.KeyFigure) []store.BaseFigure {
	local := map[string]bool{}
	for _, b := range k.BaseFigures {
		local[b.Alias] = true
	}
	formulas := []string{}
	for _, s := range k.Series {
		formulas = append(formulas, s.Formula)
	}
	if k.Reference != nil {
		formulas = append(formulas, k.Reference.Formula)
	}
	groups := map[string][]string{}
	for _, f := range formulas {
		for _, m := range inputRef.FindAllStringSubmatch(f, -1) {
			if !local[m[1]] && !slices.Contains(groups[m[1]], m[2]) {
				groups[m[1]] = append(groups[m[1]], m[2])
			}
		}
	}
	var out []store.BaseFigure
	for _, b := range in.cat.BaseFigures {
		if gs, ok := groups[b.Alias]; ok {
			b.Groups = slices.DeleteFunc(slices.Clone(b.Groups), func(g string) bool { return !slices.Contains(gs, g) })
			out = append(out, b)
		}
	}
	return out
}

// compactChange is the change column of the overview: short, because the
// table is narrow ("+2,2 Pp." rather than "+2,2 Prozentpunkte").
func compactChange(a Assessment, unit string) string {
	if a.N < 2 {
		return NotComputable
	}
	d := a.To.Value - a.From.Value
	var s string
	switch unit {
	case "%", "Prozentpunkte":
		s = FormatSigned(d, 1) + nbsp + "Pp."
	case "Index", "Verhältnis":
		s = FormatSigned(d, 2)
	default:
		s = signedAuto(d)
		if a.From.Value > 0 && !math.IsInf(d/a.From.Value, 0) {
			s += " (" + FormatSigned(d/a.From.Value*100, 1) + nbsp + "%)"
		}
	}
	return s + "\nseit " + a.From.Period.Label()
}

// areaName is the name of the Statistischer Bezirk a Kennzahl is computed for.
func (in *reportInput) areaName(k store.KeyFigure) string {
	return in.cat.AreaName(cmp.Or(k.Area, defaultArea))
}
