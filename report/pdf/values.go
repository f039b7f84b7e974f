package pdf

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/golang/freetype/truetype"

	"bergischgladbach.de/integrationsmonitor/report"
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
	results map[string]report.Result // by Kennzahl code
	lookup  report.ValueLookup
	// participation holds the rows of each Beteiligung indicator.
	participation map[string][]report.ParticipationRow
	outline       outline
	sections      int // Kennzahlen and Wirkungsindikatoren, for Progress
	// valueSources are the sources the stored values name.
	valueSources []string
}

func prepare(snap *store.Snapshot, texts *store.ReportTexts, opt Options) (*reportInput, error) {
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
	}
	s := *snap
	s.ReportYear = opt.Year
	in.results, in.lookup = report.ComputeAllWithValues(&s)
	in.participation = report.ParticipationRows(&s)
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
	return in.lookup(bf, shared, area, group, p)
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
		return report.NotComputable
	case v.Confidential:
		return string(store.SymUnknown)
	case v.Symbol != store.NoSymbol:
		return string(v.Symbol)
	case in.isSmall(v.Number, unit):
		return string(store.SymUnknown)
	}
	s := report.FormatValue(v.Number, store.NoSymbol, unit)
	if v.Provisional || v.Estimated {
		s += provisionalMark
	}
	return s
}

// isSmall reports whether a count is suppressed as a small case number.
func (in *reportInput) isSmall(n float64, unit string) bool {
	return unit == "Anzahl" && n > 0 && n < float64(in.small)
}

// nbsp keeps a number and its unit on one line.
const nbsp = "\u00a0"

// provisionalMark follows a provisional or estimated number (DIN 55301 "p").
const provisionalMark = "\u00a0p"

// pointCell writes a computed point of a Kennzahl.
func pointCell(p report.Point, unit string) string {
	if !p.OK {
		return report.NotComputable
	}
	s := report.FormatValue(p.Value, store.NoSymbol, unit)
	if p.Provisional {
		s += provisionalMark
	}
	return s
}

// recentPeriods are the last n periods of pts up to the report year.
func recentPeriods(pts []report.Point, year, n int) []store.Period {
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

// compactChange is the change column of the overview: short, because the
// table is narrow ("+2,2 Pp." rather than "+2,2 Prozentpunkte").
func compactChange(a report.Assessment, unit string) string {
	if a.N < 2 {
		return report.NotComputable
	}
	d := a.To.Value - a.From.Value
	var s string
	switch unit {
	case "%", "Prozentpunkte":
		s = report.FormatSigned(d, 1) + nbsp + "Pp."
	case "Index", "Verhältnis":
		s = report.FormatSigned(d, 2)
	default:
		s = report.FormatSignedAuto(d)
		if a.From.Value > 0 && !math.IsInf(d/a.From.Value, 0) {
			s += " (" + report.FormatSigned(d/a.From.Value*100, 1) + nbsp + "%)"
		}
	}
	return s + "\nseit " + a.From.Period.Label()
}

// areaName is the name of the Statistischer Bezirk a Kennzahl is computed for.
func (in *reportInput) areaName(k store.KeyFigure) string {
	return in.cat.AreaName(cmp.Or(k.Area, report.DefaultArea))
}
