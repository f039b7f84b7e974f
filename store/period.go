package store

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// PeriodKind is the kind of an Erhebungszeit.
type PeriodKind string

// Kinds of periods.
const (
	YearPeriod       PeriodKind = "jahr"      // 2024
	HalfYearPeriod   PeriodKind = "halbjahr"  // 2024-H1
	SchoolYearPeriod PeriodKind = "schuljahr" // 2024/25
	DatePeriod       PeriodKind = "stichtag"  // 2024-12-31
)

// ParsePeriodKind checks a stored period kind.
func ParsePeriodKind(s string) (PeriodKind, error) {
	switch k := PeriodKind(s); k {
	case YearPeriod, HalfYearPeriod, SchoolYearPeriod, DatePeriod:
		return k, nil
	}
	return "", fmt.Errorf("unknown period kind %q", s)
}

// Period is an Erhebungszeit in its canonical stored form: "2024",
// "2024-H1", "2024/25" or "2024-12-31". The forms sort as strings within a
// kind and never collide across kinds, so a Period is usable as a key.
// The zero Period is "no period" and not Valid.
type Period string

// The years a Period may lie in. Earlier or later years are almost always
// typing errors (1024 for 2024), and the bound keeps every year four digits
// wide so that the canonical forms sort as strings.
const (
	MinPeriodYear = 1950
	MaxPeriodYear = 2100
)

// The canonical forms are 2024, 2024-H1, 2024/25 and 2024-12-31;
// ParsePeriod produces only these and Valid accepts only these (parts
// matches their shapes by hand), so stored values have exactly one
// spelling.
var (
	canonYear = regexp.MustCompile(`^([0-9]{4})$`)
	canonDate = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})$`)
)

// The user's spellings, matched after whitespace has been collapsed to
// single spaces. (?i) because "Hj.", "HJ", "SJ" and "schuljahr" are all
// common spellings of the same thing.
var (
	inYear      = canonYear
	inHalfCanon = regexp.MustCompile(`^(?i)([0-9]{4})-H([0-9]{1,3})$`)
	inHalfDE    = regexp.MustCompile(`^(?i)([0-9]{1,3})\.? ?(?:halbjahr|hj\.?) ?([0-9]{4})$`)
	inSchool    = regexp.MustCompile(`^(?i)(?:(?:schuljahr|sj\.?) ?)?([0-9]{4}) ?/ ?([0-9]{2}|[0-9]{4})$`)
	inSchoolOne = regexp.MustCompile(`^(?i)(?:schuljahr|sj\.?) ?([0-9]{4})$`)
	inSchoolTwo = regexp.MustCompile(`^(?i)(?:(?:schuljahr|sj\.?) ?)?[0-9]{2} ?/ ?[0-9]{2}$`)
	inDateDE    = regexp.MustCompile(`^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$`)
	inDateISO   = canonDate
	inDateShort = regexp.MustCompile(`^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2}$`)
	inAmbiguous = regexp.MustCompile(`^[0-9]{1,2} ?/ ?[0-9]{4}$|^[0-9]{4} ?/ ?[0-9]$`)
)

const periodExamples = "Möglich sind z. B. „2024“, „1. Halbjahr 2024“, „Schuljahr 2024/25“ oder „31.12.2024“."

// ParsePeriod reads an Erhebungszeit as users type it ("1. Halbjahr 2024",
// "2. Hj. 2024", "Schuljahr 2024/25", "SJ 2024/2025", "31.12.2024") or in
// canonical form, and returns the canonical form. Impossible periods are
// refused with a German message (see Invalid).
func ParsePeriod(s string) (Period, error) {
	if p, ok := parsePeriodFast(s); ok {
		return p, nil
	}
	return parsePeriodSlow(s)
}

// parsePeriodFast reads, without regular expressions, the forms an import
// of 100,000 values brings 100,000 times: the canonical ones and
// "31.12.2024". It only ever accepts what parsePeriodSlow accepts with the
// same result; anything else, errors included, is left to that.
func parsePeriodFast(s string) (Period, bool) {
	digits := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, len(s) > 0
	}
	y, ok := digits(s[:min(4, len(s))])
	if !ok || len(s) < 4 || checkYear(y) != nil {
		// German dates: d.m.yyyy with one- or two-digit day and month.
		// Cut by hand: strings.Split allocated per date of an import.
		day, rest, okDay := strings.Cut(s, ".")
		month, year, okMonth := strings.Cut(rest, ".")
		if !okDay || !okMonth || len(day) > 2 || len(month) > 2 || len(year) != 4 {
			return "", false
		}
		d, ok1 := digits(day)
		m, ok2 := digits(month)
		y, ok3 := digits(year)
		if !ok1 || !ok2 || !ok3 || checkYear(y) != nil || !dateExists(y, m, d) {
			return "", false
		}
		return datePeriod(y, m, d), true
	}
	switch {
	case len(s) == 4:
		return Period(s), true
	case len(s) == 7 && s[4] == '-' && s[5] == 'H' && (s[6] == '1' || s[6] == '2'):
		return Period(s), true
	case len(s) == 7 && s[4] == '/':
		if e, ok := digits(s[5:]); ok && e == (y+1)%100 {
			return Period(s), true
		}
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		m, ok1 := digits(s[5:7])
		d, ok2 := digits(s[8:])
		if ok1 && ok2 && dateExists(y, m, d) {
			return Period(s), true
		}
	}
	return "", false
}

func parsePeriodSlow(s string) (Period, error) {
	// Fields also splits at no-break spaces, which arrive from Word and PDF.
	t := strings.Join(strings.Fields(s), " ")
	if t == "" {
		return "", Invalid("Bitte geben Sie eine Erhebungszeit ein.")
	}
	if m := inYear.FindStringSubmatch(t); m != nil {
		y := atoi(m[1])
		if err := checkYear(y); err != nil {
			return "", err
		}
		return yearPeriod(y), nil
	}
	if m := inHalfCanon.FindStringSubmatch(t); m != nil {
		return parseHalf(m[1], m[2])
	}
	if m := inHalfDE.FindStringSubmatch(t); m != nil {
		return parseHalf(m[2], m[1])
	}
	if m := inSchool.FindStringSubmatch(t); m != nil {
		y := atoi(m[1])
		if err := checkYear(y); err != nil {
			return "", err
		}
		end := atoi(m[2])
		if len(m[2]) == 2 && end != (y+1)%100 || len(m[2]) == 4 && end != y+1 {
			return "", Invalid("Ein Schuljahr muss aufeinanderfolgende Jahre nennen, z. B. 2024/25.")
		}
		return schoolPeriod(y), nil
	}
	if m := inDateDE.FindStringSubmatch(t); m != nil {
		return parseDate(m[3], m[2], m[1])
	}
	if m := inDateISO.FindStringSubmatch(t); m != nil {
		return parseDate(m[1], m[2], m[3])
	}
	switch {
	case inSchoolOne.MatchString(t):
		return "", Invalid("Bitte geben Sie beide Jahre des Schuljahres an, z. B. „Schuljahr 2024/25“.")
	case inSchoolTwo.MatchString(t):
		return "", Invalid("Bitte geben Sie das Anfangsjahr des Schuljahres vierstellig an, z. B. „Schuljahr 2024/25“.")
	case inDateShort.MatchString(t):
		return "", Invalid("Bitte geben Sie das Jahr vierstellig an, z. B. „31.12.2024“.")
	case inAmbiguous.MatchString(t):
		// "1/2024" is read as first half-year by some and as a school
		// year by others; guessing would file values under the wrong period.
		return "", Invalid(fmt.Sprintf("„%s“ ist mehrdeutig. Bitte schreiben Sie z. B. „1. Halbjahr 2024“ oder „Schuljahr 2024/25“.", t))
	}
	return "", Invalid(fmt.Sprintf("„%s“ ist keine gültige Erhebungszeit. %s", shorten(t), periodExamples))
}

func parseHalf(year, half string) (Period, error) {
	y := atoi(year)
	if err := checkYear(y); err != nil {
		return "", err
	}
	if half != "1" && half != "2" {
		return "", Invalid("Das Halbjahr muss 1 oder 2 sein.")
	}
	return halfPeriod(y, atoi(half)), nil
}

func parseDate(year, month, day string) (Period, error) {
	y, m, d := atoi(year), atoi(month), atoi(day)
	if err := checkYear(y); err != nil {
		return "", err
	}
	if !dateExists(y, m, d) {
		return "", Invalid(fmt.Sprintf("Den %02d.%02d.%04d gibt es nicht.", d, m, y))
	}
	return datePeriod(y, m, d), nil
}

// ParsePeriodOfKind is ParsePeriod for a Grundzahl delivered per period of
// kind k: a period of another kind is refused, including a plain year
// where a school year is expected, because "2024" could mean 2023/24 as
// well as 2024/25.
func ParsePeriodOfKind(s string, k PeriodKind) (Period, error) {
	if _, err := ParsePeriodKind(string(k)); err != nil {
		return "", err
	}
	p, err := ParsePeriod(s)
	if err != nil {
		return "", err
	}
	if p.Kind() == k {
		return p, nil
	}
	switch k {
	case YearPeriod:
		return "", Invalid("Für diese Grundzahl wird ein Jahr erwartet, z. B. „2024“.")
	case HalfYearPeriod:
		return "", Invalid("Für diese Grundzahl wird ein Halbjahr erwartet, z. B. „1. Halbjahr 2024“.")
	case SchoolYearPeriod:
		if p.Kind() == YearPeriod {
			y := p.Year()
			return "", Invalid(fmt.Sprintf("Für diese Grundzahl wird ein Schuljahr erwartet. Meinen Sie „Schuljahr %d/%02d“ oder „Schuljahr %d/%02d“?",
				y-1, y%100, y, (y+1)%100))
		}
		return "", Invalid("Für diese Grundzahl wird ein Schuljahr erwartet, z. B. „Schuljahr 2024/25“.")
	default:
		return "", Invalid("Für diese Grundzahl wird ein Stichtag erwartet, z. B. „31.12.2024“.")
	}
}

// parts splits a canonical Period. For a half-year a is the half;
// for a date a is the month and b the day.
func (p Period) parts() (k PeriodKind, y, a, b int, ok bool) {
	s := string(p)
	// Matched by hand, not by regular expression: Kind runs once per
	// value of an import.
	switch {
	case fits(s, "9999"):
		k, y = YearPeriod, atoi(s)
	case fits(s, "9999-H9") && (s[6] == '1' || s[6] == '2'):
		k, y, a = HalfYearPeriod, atoi(s[:4]), atoi(s[6:])
	case fits(s, "9999/99"):
		k, y = SchoolYearPeriod, atoi(s[:4])
		if atoi(s[5:]) != (y+1)%100 {
			return "", 0, 0, 0, false
		}
	case fits(s, "9999-99-99"):
		k, y, a, b = DatePeriod, atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
		if !dateExists(y, a, b) {
			return "", 0, 0, 0, false
		}
	default:
		return "", 0, 0, 0, false
	}
	if checkYear(y) != nil {
		return "", 0, 0, 0, false
	}
	return k, y, a, b, true
}

// fits reports whether s has the shape pat, in which 9 stands for an
// ASCII digit and every other byte for itself.
func fits(s, pat string) bool {
	if len(s) != len(pat) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if pat[i] == '9' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != pat[i] {
			return false
		}
	}
	return true
}

// Valid reports whether p is a period in canonical form within the
// permitted years.
func (p Period) Valid() bool {
	_, _, _, _, ok := p.parts()
	return ok
}

// Kind returns the kind of p, or "" if p is not Valid.
func (p Period) Kind() PeriodKind {
	k, _, _, _, _ := p.parts()
	return k
}

// Year returns the calendar year p lies in; for a school year the year it
// starts in (2024 for 2024/25). It returns 0 if p is not Valid.
func (p Period) Year() int {
	_, y, _, _, _ := p.parts()
	return y
}

// Label is the German long name for texts and tables: "2024",
// "1. Halbjahr 2024", "Schuljahr 2024/25", "31.12.2024". An invalid p is
// returned unchanged so that damaged data stays visible.
func (p Period) Label() string {
	k, y, a, b, ok := p.parts()
	if !ok {
		return string(p)
	}
	switch k {
	case HalfYearPeriod:
		return fmt.Sprintf("%d. Halbjahr %d", a, y)
	case SchoolYearPeriod:
		return "Schuljahr " + string(p)
	case DatePeriod:
		return fmt.Sprintf("%02d.%02d.%d", b, a, y)
	}
	return string(p)
}

// Short is the name for chart axes, where space is tight: "2024",
// "1. Hj. 2024", "2024/25", "31.12.24". An invalid p is returned unchanged.
func (p Period) Short() string {
	k, y, a, b, ok := p.parts()
	if !ok {
		return string(p)
	}
	switch k {
	case HalfYearPeriod:
		return fmt.Sprintf("%d. Hj. %d", a, y)
	case DatePeriod:
		return fmt.Sprintf("%02d.%02d.%02d", b, a, y%100)
	}
	return string(p)
}

// Pos is p's position on a time axis in years, so that series of different
// kinds can share one axis: each period sits at its start (year 2024 and
// 2024-H1 at 2024.0, 2024-H2 at 2024.5, a date at its fraction of the
// year, 31.12.2024 at 2024+365/366). A school year sits at its start year
// (2024/25 at 2024.0) rather than at August: it is named and surveyed by
// that year and is compared with that calendar year's figures.
// Pos returns NaN if p is not Valid.
func (p Period) Pos() float64 {
	k, y, a, b, ok := p.parts()
	if !ok {
		return math.NaN()
	}
	switch k {
	case HalfYearPeriod:
		return float64(y) + float64(a-1)/2
	case DatePeriod:
		t := time.Date(y, time.Month(a), b, 0, 0, 0, 0, time.UTC)
		return float64(y) + float64(t.YearDay()-1)/float64(daysIn(y))
	}
	return float64(y)
}

// Compare orders periods by Pos and, where positions tie (2024, 2024-H1,
// 2024/25 and 2024-01-01 all sit at 2024.0), by their canonical form, so
// that sorting is deterministic. Invalid periods sort first.
func (p Period) Compare(o Period) int {
	return cmp.Or(cmp.Compare(p.Pos(), o.Pos()), strings.Compare(string(p), string(o)))
}

// Next returns the following period of the same kind: 2024 → 2025,
// 2024-H2 → 2025-H1, 2024/25 → 2025/26, a date → the same date a year
// later (29 February → 28 February, the Stichtag closest to it). It
// returns "" if p is not Valid or the next period lies after MaxPeriodYear.
func (p Period) Next() Period {
	k, y, a, b, ok := p.parts()
	if !ok {
		return ""
	}
	var n Period
	switch k {
	case YearPeriod:
		n = yearPeriod(y + 1)
	case HalfYearPeriod:
		if a == 1 {
			n = halfPeriod(y, 2)
		} else {
			n = halfPeriod(y+1, 1)
		}
	case SchoolYearPeriod:
		n = schoolPeriod(y + 1)
	case DatePeriod:
		if a == 2 && b == 29 && !dateExists(y+1, 2, 29) {
			b = 28
		}
		n = datePeriod(y+1, a, b)
	}
	if !n.Valid() {
		return ""
	}
	return n
}

func yearPeriod(y int) Period       { return Period(strconv.Itoa(y)) }
func halfPeriod(y, h int) Period    { return Period(fmt.Sprintf("%d-H%d", y, h)) }
func schoolPeriod(y int) Period     { return Period(fmt.Sprintf("%d/%02d", y, (y+1)%100)) }
func datePeriod(y, m, d int) Period { return formatDate(y, m, d) }

// formatDate writes yyyy-mm-dd by hand: fmt took a third of parsing the
// dates of an import.
func formatDate(y, m, d int) Period {
	if y < 1000 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99 {
		return Period(fmt.Sprintf("%d-%02d-%02d", y, m, d))
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return Period(b[:])
}

func checkYear(y int) error {
	if y < MinPeriodYear || y > MaxPeriodYear {
		return Invalid(fmt.Sprintf("Das Jahr %d liegt außerhalb des zulässigen Bereichs (%d–%d).", y, MinPeriodYear, MaxPeriodYear))
	}
	return nil
}

func dateExists(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}

func daysIn(y int) int {
	if dateExists(y, 2, 29) {
		return 366
	}
	return 365
}

// atoi is for strings the patterns have checked to be short digit runs.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// shorten keeps echoed input readable in a message box when someone
// pastes a whole paragraph into a field.
func shorten(s string) string {
	const max = 40
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return strings.TrimRightFunc(string(r[:max]), unicode.IsSpace) + "…"
}
