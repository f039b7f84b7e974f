package report

import (
	"fmt"
	"math"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// sentence writes the German sentence of a Kennzahl for UI and PDF, e.g.
// "Der Anteil ist von 15,9 % (2011) auf 18,1 % (2016) gestiegen
// (+2,2 Prozentpunkte); Zielrichtung: sinkt." It speaks of the periods the
// assessment used, so that sentence and Bewertung never disagree.
func sentence(r Result, reportYear int) string {
	k, a := r.KeyFigure, r.Assessment
	var headline []Point
	if len(r.Series) > 0 {
		headline = r.Series[0].Points
	}
	latest, hasLatest := latestPoint(headline, reportYear)
	subject := subjectFor(k.Unit)

	var b strings.Builder
	if r.Demo {
		// Beispieldaten must never pass for real figures, also when the
		// sentence is copied out of the report.
		b.WriteString("Beispieldaten: ")
	}
	at := a.To
	switch {
	case a.N >= 2:
		b.WriteString(changeClause(subject, a.From, a.To, k.Unit))
	case a.N == 1:
		fmt.Fprintf(&b, "%s beträgt %s (%s)", subject, formatPlain(a.To.Value, k.Unit), periodNote(a.To))
	case hasLatest && latest.OK:
		at = latest
		fmt.Fprintf(&b, "%s beträgt %s (%s)", subject, formatPlain(latest.Value, k.Unit), periodNote(latest))
	case hasLatest:
		fmt.Fprintf(&b, "%s ist %s nicht berechenbar (%s)", subject, withPrep("für", latest.Period), latest.Reason)
	default:
		b.WriteString("Für diese Kennzahl liegen noch keine Werte vor")
	}
	if a.N > 0 || hasLatest && latest.OK {
		b.WriteString(referenceClause(r, at.Period))
	}
	fmt.Fprintf(&b, "; Zielrichtung: %s.", k.Direction.Label())
	if a.N > 0 && hasLatest && !latest.OK && latest.Period.Compare(a.To.Period) > 0 {
		fmt.Fprintf(&b, " %s ist die Kennzahl nicht berechenbar (%s).", withPrep("Für", latest.Period), latest.Reason)
	}
	if a.Level == TooLittleData {
		fmt.Fprintf(&b, " Für eine Bewertung liegen noch zu wenige Werte vor (n = %d).", a.N)
	}
	return b.String()
}

// changeClause compares two values. Values that print alike count as
// unchanged: "gesunken (±0,0 Prozentpunkte)" would read as a misprint.
func changeClause(subject string, from, to Point, unit string) string {
	f, t := formatPlain(from.Value, unit), formatPlain(to.Value, unit)
	if f == t {
		return fmt.Sprintf("%s ist %s %s mit %s unverändert geblieben",
			subject, withPrep("von", from.Period), withPrep("bis", to.Period), t)
	}
	verb := "gestiegen"
	if to.Value < from.Value {
		verb = "gesunken"
	}
	return fmt.Sprintf("%s ist von %s (%s) auf %s (%s) %s (%s)",
		subject, f, periodNote(from), t, periodNote(to), verb, changeText(from.Value, to.Value, unit))
}

// referenceClause names the reference at the period spoken of, the one
// the Übersicht names (referenceSeries); a constant reference ("1", "0")
// is named by its label alone, which states it.
func referenceClause(r Result, p store.Period) string {
	ref, constant := referenceSeries(r)
	if ref == nil {
		return ""
	}
	k := r.KeyFigure
	if constant {
		return "; Referenz: " + ref.Label
	}
	for _, rp := range ref.Points {
		if rp.Period != p {
			continue
		}
		if rp.OK {
			return fmt.Sprintf("; Referenz (%s): %s", ref.Label, formatPlain(rp.Value, k.Unit))
		}
		break
	}
	return fmt.Sprintf("; Referenz (%s): nicht berechenbar", ref.Label)
}

// subjectFor is the grammatical subject the unit suggests.
func subjectFor(unit string) string {
	switch unit {
	case "%":
		return "Der Anteil"
	case "Index":
		return "Der Index"
	case "Verhältnis":
		return "Das Verhältnis"
	case "Anzahl":
		return "Die Anzahl"
	case "Prozentpunkte":
		return "Die Differenz"
	}
	return "Der Wert"
}

func formatPlain(v float64, unit string) string { return FormatValue(v, store.NoSymbol, unit) }

// changeText writes the difference the way the unit is read: shares
// change by Prozentpunkte, never by per cent; counts also by per cent.
func changeText(x0, xT float64, unit string) string {
	d := xT - x0
	switch unit {
	case "%", "Prozentpunkte":
		return FormatPoints(d, 1)
	case "Index", "Verhältnis":
		return FormatSigned(d, 2)
	case "Anzahl":
		if x0 > 0 {
			return FormatSignedAuto(d) + "; " + FormatSigned(d/x0*100, 1) + nbsp + "%"
		}
	}
	return FormatSignedAuto(d)
}

// FormatSignedAuto writes a signed change with as many decimals as it has
// (FormatAuto), a whole number without any; a change that rounds to zero
// gets "±".
func FormatSignedAuto(d float64) string {
	if d == math.Trunc(d) {
		return FormatSigned(d, 0)
	}
	s := FormatAuto(d)
	switch {
	case strings.HasPrefix(s, MinusSign):
		return s
	case strings.Trim(s, "0,.") == "":
		return "±" + s
	}
	return "+" + s
}

func periodNote(p Point) string {
	if p.Provisional {
		return p.Period.Label() + ", vorläufig"
	}
	return p.Period.Label()
}

// latestPoint is the last point up to the report year, computable or not.
func latestPoint(pts []Point, reportYear int) (Point, bool) {
	for i := len(pts) - 1; i >= 0; i-- {
		if reportYear == 0 || pts[i].Period.Year() <= reportYear {
			return pts[i], true
		}
	}
	return Point{}, false
}

// withPrep puts a period after a preposition with the article German
// needs: "für 2017" but "für das 2. Halbjahr 2017", "vom Schuljahr
// 2016/17", "bis zum 31.12.2017" (das Halbjahr, das Schuljahr, der Tag).
func withPrep(prep string, p store.Period) string {
	if k := p.Kind(); k == store.HalfYearPeriod || k == store.SchoolYearPeriod || k == store.DatePeriod {
		switch strings.ToLower(prep) {
		case "von":
			prep = "vom"
		case "bis":
			prep += " zum"
		case "mit":
			prep += " dem"
		case "für":
			if k == store.DatePeriod {
				prep += " den"
			} else {
				prep += " das"
			}
		}
	}
	return prep + " " + p.Label()
}
