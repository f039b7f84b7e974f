package store

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// numProblem says why input is not a German number, so that ParseNumber
// and ParseEntry can word the same problem differently.
type numProblem int

const (
	numOK numProblem = iota
	numEmpty
	numNotNumber
	numAmbiguous
	numGrouping
	numCommas
	numExponent
	numTooLarge
)

// exponentForm is scientific notation as Excel and Go print it; it gets its
// own message because 1e5 is a number, just not one the office writes.
var exponentForm = regexp.MustCompile(`^[0-9.,]*[0-9][eE][+-]?[0-9]+$`)

// ParseNumber reads a number written the German way: comma as decimal
// separator, point (or a no-break space) between groups of three digits,
// optional sign, optional trailing "%" which is ignored. A point that does
// not separate thousands ("12.5") is refused rather than guessed, since
// the same text means 12,5 in an English and 125 in a German export.
func ParseNumber(s string) (float64, error) {
	v, p := parseNumber(s)
	if p != numOK {
		return 0, numberError(s, p, false)
	}
	return v, nil
}

// ParseEntry reads a table cell: an official symbol (see ParseSymbol),
// returned with num 0, or else a number as ParseNumber reads it.
func ParseEntry(s string) (num float64, sym Symbol, err error) {
	if sym, ok := ParseSymbol(s); ok {
		return 0, sym, nil
	}
	v, p := parseNumber(s)
	if p != numOK {
		return 0, NoSymbol, numberError(s, p, true)
	}
	return v, NoSymbol, nil
}

func numberError(s string, p numProblem, symbolsAllowed bool) error {
	q := shorten(strings.TrimSpace(s))
	switch p {
	case numEmpty:
		return Invalid("Bitte geben Sie eine Zahl ein.")
	case numAmbiguous:
		return Invalid(fmt.Sprintf("„%s“ ist mehrdeutig: Bitte das Komma als Dezimaltrennzeichen verwenden (z. B. 12,5) und den Punkt nur für Tausender (z. B. 1.234,5).", q))
	case numGrouping:
		return Invalid(fmt.Sprintf("„%s“ ist keine gültige Zahl: Der Tausenderpunkt trennt immer Gruppen von drei Ziffern (z. B. 1.234,5).", q))
	case numCommas:
		return Invalid(fmt.Sprintf("„%s“ ist keine gültige Zahl: Sie darf nur ein Komma als Dezimaltrennzeichen enthalten (z. B. 1.234,5).", q))
	case numExponent:
		return Invalid(fmt.Sprintf("„%s“ ist keine gültige Zahl: Bitte die Zahl ohne Exponent ausschreiben (z. B. 100.000 statt 1e5).", q))
	case numTooLarge:
		return Invalid(fmt.Sprintf("„%s“ ist zu groß, um als Zahl gespeichert zu werden.", q))
	}
	if symbolsAllowed {
		return Invalid(fmt.Sprintf("„%s“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik (. - / x ...).", q))
	}
	return Invalid(fmt.Sprintf("„%s“ ist keine Zahl.", q))
}

// isGroupSpace reports the no-break spaces that Word, Excel and PDFs put
// between digit groups; a plain space is not accepted there because "12 5"
// is more likely a typo than 125.
func isGroupSpace(r rune) bool { return r == '\u00a0' || r == '\u202f' }

func parseNumber(s string) (float64, numProblem) {
	// TrimSpace also removes no-break spaces, e.g. in "12,5\u00a0%".
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, numEmpty
	}
	if rest, ok := strings.CutSuffix(t, "%"); ok {
		t = strings.TrimSpace(rest)
	}
	neg := false
	switch {
	case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "+"):
		neg = t[0] == '-'
		t = t[1:]
	case strings.HasPrefix(t, "\u2212"): // minus sign, as copied from PDFs
		neg = true
		t = t[len("\u2212"):]
	}
	if t == "" {
		return 0, numNotNumber
	}
	for _, r := range t {
		if !('0' <= r && r <= '9' || r == '.' || r == ',' || isGroupSpace(r)) {
			if exponentForm.MatchString(t) {
				return 0, numExponent
			}
			return 0, numNotNumber
		}
	}
	intPart, frac, hasComma := strings.Cut(t, ",")
	if strings.Contains(frac, ",") {
		return 0, numCommas
	}
	if strings.Contains(frac, ".") {
		// "1,234.5": English notation.
		return 0, numAmbiguous
	}
	if hasComma && frac == "" || strings.ContainsFunc(frac, isGroupSpace) {
		return 0, numNotNumber
	}
	if intPart == "" && !hasComma {
		return 0, numNotNumber
	}
	digits, ok := ungroup(intPart)
	if !ok {
		if !hasComma && strings.Count(intPart, ".") == 1 && !strings.ContainsFunc(intPart, isGroupSpace) &&
			!strings.HasPrefix(intPart, ".") && !strings.HasSuffix(intPart, ".") {
			return 0, numAmbiguous
		}
		return 0, numGrouping
	}
	if digits == "" {
		digits = "0"
	}
	num := digits
	if frac != "" {
		num += "." + frac
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, numTooLarge
	}
	if neg {
		v = -v
	}
	if v == 0 {
		v = 0 // no -0: it would print as "-0" in exports
	}
	return v, numOK
}

// ungroup removes thousands separators from the integer part and checks
// that they separate groups of exactly three digits after a first group of
// one to three digits that does not start with 0 ("0.123" is no German
// thousands notation but an English decimal).
func ungroup(s string) (string, bool) {
	s = groupSpaces.Replace(s)
	if !strings.Contains(s, ".") {
		return s, true
	}
	groups := strings.Split(s, ".")
	if first := groups[0]; first == "" || len(first) > 3 || first[0] == '0' {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

var groupSpaces = strings.NewReplacer("\u00a0", ".", "\u202f", ".")

// GroupThousands puts a point between each three digits of a run of
// decimal digits from the right, the German way: "1234567" → "1.234.567".
func GroupThousands(digits string) string {
	var b strings.Builder
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}
