package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// NotComputable stands for a value that cannot be shown (NaN, ±Inf, e.g.
// a share of an empty group). An en dash rather than a word keeps table
// columns narrow, and it is not the hyphen of store.SymNothing, which
// claims "genau null".
const NotComputable = "–"

// MinusSign (U+2212) starts a negative number in everything the report,
// the window and the console show.
const MinusSign = "\u2212"

// nbsp keeps a number and its unit on one line, as DIN 5008 asks.
const nbsp = "\u00a0"

// FormatNumber writes v the German way with exactly decimals places:
// comma as decimal separator, a point between thousands from 1.000 on
// (as in the tables of IT.NRW and Destatis), and the minus sign
// MinusSign rather than the hyphen, which in a table is the DIN 55301
// symbol "genau null" and in running text a dash (issue 14). The data
// exports write plain numbers of their own, and store.ParseNumber reads
// the minus sign back. Rounding is half away from zero on
// the shortest decimal that identifies v, so 2.675 becomes "2,68" as a
// reader of 2,675 expects, although the double lies just below it. A
// result that rounds to zero has no sign.
func FormatNumber(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return NotComputable
	}
	decimals = max(decimals, 0)
	intPart, frac := roundDecimal(math.Abs(v), decimals)
	var b strings.Builder
	if v < 0 && strings.Trim(intPart+frac, "0") != "" {
		b.WriteString(MinusSign)
	}
	b.WriteString(store.GroupThousands(intPart))
	if decimals > 0 {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// roundDecimal rounds the non-negative v to decimals places and returns
// the digits before and after the point.
func roundDecimal(v float64, decimals int) (intPart, frac string) {
	intPart, frac, _ = strings.Cut(strconv.FormatFloat(v, 'f', -1, 64), ".")
	if len(frac) <= decimals {
		return intPart, frac + strings.Repeat("0", decimals-len(frac))
	}
	roundUp := frac[decimals] >= '5'
	digits := []byte(intPart + frac[:decimals])
	if roundUp {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	n := len(digits) - decimals
	return string(digits[:n]), string(digits[n:])
}

// FormatAuto writes v with as many decimals as it needs, at most two:
// 12 → "12", 12.5 → "12,5", 1234.567 → "1.234,57".
func FormatAuto(v float64) string {
	s := FormatNumber(v, 2)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	return s
}

// FormatPercent writes a share: "12,5 %" with a no-break space.
func FormatPercent(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return NotComputable
	}
	return FormatNumber(v, decimals) + nbsp + "%"
}

// FormatSigned writes a change with its sign always shown, "+2,2",
// "−1,0", and "±0,0" for no change, so that a reader of a change column
// never wonders whether a sign was lost.
func FormatSigned(delta float64, decimals int) string {
	s := FormatNumber(delta, decimals)
	switch {
	case s == NotComputable, strings.HasPrefix(s, MinusSign):
		return s
	case strings.Trim(s, "0,.") == "":
		return "±" + s
	}
	return "+" + s
}

// FormatPoints writes the change of a share: "+2,2 Prozentpunkte". A
// difference of percentages is not itself a percentage, and reports that
// say "um 2 %" for it are a classic source of misreading.
func FormatPoints(delta float64, decimals int) string {
	s := FormatSigned(delta, decimals)
	if s == NotComputable {
		return s
	}
	return s + " Prozentpunkte"
}

// FormatDate writes a day the German way, "31.12.2024". The zero time
// (no date recorded) prints as NotComputable rather than as 01.01.0001.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return NotComputable
	}
	return t.Format("02.01.2006")
}

// FormatValue writes a table cell: the official symbol if there is one,
// else num as the unit of its Kennzahl or Grundzahl suggests.
func FormatValue(num float64, sym store.Symbol, unit string) string {
	if sym != store.NoSymbol {
		return string(sym)
	}
	switch unit {
	case "%":
		return FormatPercent(num, 1)
	case "Anzahl":
		if num == math.Trunc(num) {
			return FormatNumber(num, 0)
		}
		return FormatAuto(num)
	case "Index", "Verhältnis":
		return FormatNumber(num, 2)
	case "Prozentpunkte":
		s := FormatSigned(num, 1)
		if s == NotComputable {
			return s
		}
		return s + nbsp + "Pp."
	}
	return FormatAuto(num)
}

// FormatCount writes a non-negative count with thousands points, exactly also
// beyond 2⁵³, where FormatNumber's float64 would round.
func FormatCount(n int) string {
	return store.GroupThousands(strconv.Itoa(n))
}

// FormatValueCount is "1 Wert" or "1.234 Werte".
func FormatValueCount(n int) string {
	if n == 1 {
		return "1 Wert"
	}
	return FormatCount(n) + " Werte"
}
