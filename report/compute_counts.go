package report

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// ratioInputs are the inputs of a formula that is a simple share: one
// count divided by another count or a sum of counts, times 100.
type ratioInputs struct {
	num [2]string   // alias, group
	den [][2]string // summands
}

const refPattern = `[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*`

// The shapes of a share in the catalogue: "A.x / B.y * 100",
// "(A.x / B.y) * 100" and "A.x / (A.x + B.x) * 100" (A-K1). Anything else
// (a difference of shares, a ratio of shares) carries no counts.
var ratioShapes = []*regexp.Regexp{
	regexp.MustCompile(`^(` + refPattern + `)/(` + refPattern + `)\*100$`),
	regexp.MustCompile(`^\((` + refPattern + `)/(` + refPattern + `)\)\*100$`),
	regexp.MustCompile(`^(` + refPattern + `)/\((` + refPattern + `(?:\+` + refPattern + `)+)\)\*100$`),
}

// simpleRatio recognises a share formula; nil when text is no such share.
func simpleRatio(text string) *ratioInputs {
	compact := strings.Join(strings.Fields(text), "")
	for _, re := range ratioShapes {
		m := re.FindStringSubmatch(compact)
		if m == nil {
			continue
		}
		r := &ratioInputs{num: splitRef(m[1])}
		for _, d := range strings.Split(m[2], "+") {
			r.den = append(r.den, splitRef(d))
		}
		return r
	}
	return nil
}

func splitRef(s string) [2]string {
	a, g, _ := strings.Cut(s, ".")
	return [2]string{a, g}
}

// counts reads numerator and denominator from the formula's environment
// after a point was computed. Counts that cannot be a share (a part above
// its whole, a negative count) give 0, 0: the noise test then stays off,
// and the plausibility rules name the value.
func (r *ratioInputs) counts(env map[string]any) (num, den float64) {
	get := func(ref [2]string) float64 {
		m, _ := env[ref[0]].(map[string]float64)
		return m[ref[1]]
	}
	num = get(r.num)
	for _, d := range r.den {
		den += get(d)
	}
	if num < 0 || den <= 0 || num > den {
		return 0, 0
	}
	return num, den
}

// trendOf is what the assessment of k needs: the series the rule judges,
// what it is compared with, the windows and the series breaks.
func (c *computation) trendOf(k store.KeyFigure, r *Result, series []*formula, ref *formula) trend {
	rule := ruleFor(k)
	tr := trend{dir: k.Direction, unit: k.Unit, reportYear: c.reportYear, baseYear: c.baseYear, noun: rule.noun}
	if len(r.Series) == 0 {
		return tr
	}
	tr.series = r.Series[0].Points
	if r.Reference != nil {
		tr.ref, tr.refLabel = r.Reference.Points, r.Reference.Label
	}
	used := []*formula{series[0], ref}
	if rule.kind == judgeParity {
		tr.parity, tr.headline = true, tr.series
		tr.series = r.Series[rule.series].Points
		used = []*formula{series[rule.series], ref}
		if rule.compare >= 0 {
			tr.ref, tr.refLabel = r.Series[rule.compare].Points, r.Series[rule.compare].Label
			used[1] = series[rule.compare]
		}
	}
	// Population-based figures restart with the Zensus 2011 (census
	// break); the breaks helper adds stored break markers here.
	for _, f := range used {
		if f != nil && f.usesShared {
			tr.breaks = []store.Period{store.Period(strconv.Itoa(censusBreakYear))}
			tr.breakReasons = []string{fmt.Sprintf("der Umstellung der Bevölkerungszahlen auf den Zensus %d", censusBreakYear)}
			break
		}
	}
	tr.addStoredBreaks(KeyFigureBreaks(c.snap, k))
	return tr
}

// addStoredBreaks adds the breaks stored in the file (set by the user, the
// import or the census rule) to those the formulas imply, one per period,
// so that the assessment never spans any of them.
func (tr *trend) addStoredBreaks(bs []Break) {
	for _, b := range bs {
		if slices.ContainsFunc(tr.breaks, func(p store.Period) bool { return math.Abs(p.Pos()-b.Period.Pos()) < 1e-9 }) {
			continue
		}
		tr.breaks = append(tr.breaks, b.Period)
		tr.breakReasons = append(tr.breakReasons, "eines Zeitreihenbruchs ("+b.Reason+")")
	}
	idx := make([]int, len(tr.breaks))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(tr.breaks[a].Pos(), tr.breaks[b].Pos()) })
	breaks, reasons := make([]store.Period, len(idx)), make([]string, len(idx))
	for i, j := range idx {
		breaks[i] = tr.breaks[j]
		if j < len(tr.breakReasons) {
			reasons[i] = tr.breakReasons[j]
		}
	}
	tr.breaks, tr.breakReasons = breaks, reasons
}
