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
// count divided by another count or a sum of counts.
type ratioInputs struct {
	num [2]string   // alias, group
	den [][2]string // summands
}

const refPattern = `[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*`

// The shapes of a share in the catalogue: "A.x / B.y * 100",
// "(A.x / B.y) * 100" and "A.x / (A.x + B.x) * 100" (A-K1); the part of a
// ratio of shares may also lack the "* 100" (A-K4).
var ratioShapes = []*regexp.Regexp{
	regexp.MustCompile(`^(` + refPattern + `)/(` + refPattern + `)\*100$`),
	regexp.MustCompile(`^\((` + refPattern + `)/(` + refPattern + `)\)\*100$`),
	regexp.MustCompile(`^(` + refPattern + `)/\((` + refPattern + `(?:\+` + refPattern + `)+)\)\*100$`),
	regexp.MustCompile(`^(` + refPattern + `)/(` + refPattern + `)$`),
	regexp.MustCompile(`^(` + refPattern + `)/\((` + refPattern + `(?:\+` + refPattern + `)+)\)$`),
}

// shareOf recognises a compact share and its scale (100 with "* 100", 1
// without); nil, 0 when s is no share.
func shareOf(s string) (*ratioInputs, float64) {
	for i, re := range ratioShapes {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		r := &ratioInputs{num: splitRef(m[1])}
		for _, d := range strings.Split(m[2], "+") {
			r.den = append(r.den, splitRef(d))
		}
		if i >= 3 {
			return r, 1
		}
		return r, 100
	}
	return nil, 0
}

// shapeKind is what a formula does with shares of counts.
type shapeKind int

const (
	shapeShare shapeKind = iota + 1 // one share
	shapeDiff                       // share − share (Prozentpunkte, B-K4)
	shapeRatio                      // share ÷ share (an index, A-K4)
)

// shareShape is a formula whose sampling variance follows from counts:
// a share, a difference of two shares or a ratio of two shares.
type shareShape struct {
	kind  shapeKind
	parts []*ratioInputs
	scale float64 // of each part: 100 for "* 100"
}

// shapeOf recognises the shapes of shareShape in a formula; nil when it is
// none of them (a ratio of two counts, a constant, a sum).
func shapeOf(text string) *shareShape {
	s := strings.Join(strings.Fields(text), "")
	if r, scale := shareOf(s); r != nil && scale == 100 {
		return &shareShape{kind: shapeShare, parts: []*ratioInputs{r}, scale: 100}
	}
	for _, op := range []byte{'-', '/'} {
		l, r, ok := splitTop(s, op)
		if !ok {
			continue
		}
		a, sa := shareOf(unwrap(l))
		b, sb := shareOf(unwrap(r))
		if a == nil || b == nil || sa != sb {
			continue
		}
		if op == '-' {
			return &shareShape{kind: shapeDiff, parts: []*ratioInputs{a, b}, scale: sa}
		}
		// A ratio needs each share in parentheses: "A.x / B.y / C.z" is
		// no ratio of shares.
		if l != unwrap(l) && r != unwrap(r) {
			return &shareShape{kind: shapeRatio, parts: []*ratioInputs{a, b}, scale: sa}
		}
	}
	return nil
}

// splitTop splits s at the one operator op outside parentheses; ok is
// false when there is none or more than one.
func splitTop(s string, op byte) (l, r string, ok bool) {
	depth, at := 0, -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case op:
			if depth == 0 {
				if at >= 0 {
					return "", "", false
				}
				at = i
			}
		}
	}
	if at <= 0 || at == len(s)-1 {
		return "", "", false
	}
	return s[:at], s[at+1:], true
}

// unwrap removes parentheses around the whole of s.
func unwrap(s string) string {
	for len(s) > 1 && s[0] == '(' && s[len(s)-1] == ')' {
		depth := 0
		for i := 0; i < len(s)-1; i++ {
			if s[i] == '(' {
				depth++
			} else if s[i] == ')' {
				depth--
			}
			if depth == 0 {
				return s // "(a)/(b)": the first parenthesis closes early
			}
		}
		s = s[1 : len(s)-1]
	}
	return s
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

// fill sets the counts and the sampling variance of pt, computed from env
// (docs/bewertung.md, 2.10): binomial variances with the Agresti–Coull
// adjustment; for a difference the sum of both variances, for a ratio the
// delta method on the logarithm (Var ln q = Var ln p1 + Var ln p2).
func (sh *shareShape) fill(pt *Point, env map[string]any) {
	var x, n [2]float64
	for i, r := range sh.parts {
		if x[i], n[i] = r.counts(env); n[i] <= 0 {
			return
		}
	}
	unit := sh.scale * sh.scale / 1e4 // shareVarPoints is in Prozentpunkte²
	switch sh.kind {
	case shapeShare:
		pt.Numerator, pt.Denominator = x[0], n[0]
		pt.Var, pt.Count = shareVarPoints(x[0], n[0]), n[0]
	case shapeDiff:
		pt.Var, pt.Count = unit*(shareVarPoints(x[0], n[0])+shareVarPoints(x[1], n[1])), min(n[0], n[1])
	case shapeRatio:
		if pt.Value <= 0 {
			return
		}
		pt.Var = pt.Value * pt.Value * (logShareVar(x[0], n[0]) + logShareVar(x[1], n[1]))
		pt.Count = min(n[0], n[1])
	}
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
