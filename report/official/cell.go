package official

import (
	"fmt"
	"regexp"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// importCell is a table cell read the way the statistics offices write
// it. GENESIS qualifies a number or symbol with a suffix (p vorläufig,
// r berichtigt, s geschätzt) and brackets a value of limited reliability
// ("( )" in the Zeichenerklärung); the number itself stays usable, so the
// qualifiers become flags rather than making the cell unreadable.
type importCell struct {
	num         float64
	sym         store.Symbol
	hasNum      bool
	provisional bool // p
	corrected   bool // r
	estimated   bool // s
	restricted  bool // ( )
}

// parseCell reads raw; ok is false when it is neither a number nor
// an official symbol. The Bundesagentur's "*" (anonymised count of 1 or
// 2, or one that would reveal such a count) is the official "." (geheim zu
// halten): both mean that a number exists and is withheld.
func parseCell(raw string) (c importCell, ok bool) {
	s := trimSpace(raw)
	if s == "" {
		return c, false
	}
	if n, ok := plainNumber(s); ok {
		// The usual cell, read as parsePlainCell would.
		return importCell{num: n, hasNum: true}, true
	}
	if s == "*" {
		c.sym = store.SymUnknown
		return c, true
	}
	if core, suf, found := cutSuffix(s); found {
		if c, ok = parsePlainCell(core); ok {
			c.provisional, c.corrected, c.estimated = suf == 'p', suf == 'r', suf == 's'
			return c, true
		}
	}
	return parsePlainCell(s)
}

func parsePlainCell(s string) (c importCell, ok bool) {
	if inner, found := strings.CutPrefix(s, "("); found {
		if inner, found = strings.CutSuffix(inner, ")"); found && strings.TrimSpace(inner) != "" {
			c, ok = parsePlainCell(strings.TrimSpace(inner))
			c.restricted = true
			return c, ok
		}
	}
	if n, ok := plainNumber(s); ok {
		return importCell{num: n, hasNum: true}, true
	}
	if sym, found := store.ParseSymbol(s); found {
		c.sym = sym
		return c, true
	}
	n, err := store.ParseNumber(s)
	if err != nil {
		return c, false
	}
	c.num, c.hasNum = n, true
	return c, true
}

// plainNumber reads the common cells "1234" and "1234,5" without
// ParseNumber, which reads them the same way but allocates for its checks;
// that adds up in tables of several hundred thousand cells. With at most
// 15 digits mantissa and power of ten are exact, so the one division is
// correctly rounded, as strconv.ParseFloat would round.
func plainNumber(s string) (float64, bool) {
	if len(s) > 15 {
		return 0, false
	}
	var m uint64
	comma := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			m = m*10 + uint64(c-'0')
		case c == ',' && comma < 0 && i > 0 && i < len(s)-1:
			comma = i
		default:
			return 0, false
		}
	}
	if len(s) == 0 {
		return 0, false
	}
	frac := 0
	if comma >= 0 {
		frac = len(s) - 1 - comma
	}
	return float64(m) / pow10[frac], true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14}

// cutSuffix splits "123p", "12,5 r" or "x s" into the value and its
// GENESIS suffix.
func cutSuffix(s string) (core string, suf byte, found bool) {
	if len(s) < 2 {
		return "", 0, false
	}
	switch suf = s[len(s)-1]; suf {
	case 'p', 'r', 's':
	default:
		return "", 0, false
	}
	core = strings.TrimRight(s[:len(s)-1], " ")
	return core, suf, core != ""
}

// isRegionKey recognises the keys in official tables: "DG" for Germany,
// Amtliche Gemeindeschlüssel and Regionalschlüssel of 2 (Land), 3
// (Regierungsbezirk), 5 (Kreis), 8 (Gemeinde), 9 or 12 digits, and keys
// with a letter prefix such as IT.NRW's Jugendamt keys "JH05378004". Four
// digits are left out on purpose: there is no such key, and a year in the
// first column must not be taken for one. It runs for every line, so it
// avoids regexp.
func isRegionKey(s string) bool {
	if s == "DG" {
		return true
	}
	letters := 0
	for letters < len(s) && letters < 4 && 'A' <= s[letters] && s[letters] <= 'Z' {
		letters++
	}
	digits := s[letters:]
	if letters > 3 || !allDigits(digits) {
		return false
	}
	if letters > 0 {
		return len(digits) >= 2 && len(digits) <= 12
	}
	return len(digits) >= 2 && len(digits) <= 12 && len(digits) != 4
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var monthPattern = regexp.MustCompile(`^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) ([0-9]{4})$`)

// isPeriodText reports whether s names a period: a year, a date, a
// half-year, a school year or a month ("Juni 2024", as the Bundesagentur
// writes it). Years and dates, which stand in every line of some
// downloads, are recognised without ParsePeriod.
func isPeriodText(s string) bool {
	switch len(s) {
	case 4:
		if allDigits(s) {
			return true
		}
	case 10:
		if allDigits(s[:2]) && s[2] == '.' && allDigits(s[3:5]) && s[5] == '.' && allDigits(s[6:]) ||
			allDigits(s[:4]) && s[4] == '-' && allDigits(s[5:7]) && s[7] == '-' && allDigits(s[8:]) {
			return true
		}
	}
	if monthPattern.MatchString(s) {
		return true
	}
	if len(s) < 4 || len(s) > 40 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	_, err := store.ParsePeriod(s)
	return err == nil
}

var monthNumber = map[string]int{
	"Januar": 1, "Februar": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6, "Juli": 7,
	"August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12,
}

// standPattern finds the date of a "Stand: 19.01.2026 / 13:58:12" line.
var standPattern = regexp.MustCompile(`^Stand:\s*([0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})`)

// isoDate turns a German date ("19.01.2026") or a month ("April 2025", as
// in the Bundesagentur's Datenstand) into an ISO date; a month becomes its
// first day, the earliest date the data can have been current. It returns
// "" for anything else.
func isoDate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if m := monthPattern.FindStringSubmatch(s); m != nil {
		p, err := store.ParsePeriod(fmt.Sprintf("01.%02d.%s", monthNumber[m[1]], m[2]))
		if err != nil {
			return ""
		}
		return string(p)
	}
	p, err := store.ParsePeriod(s)
	if err != nil || p.Kind() != store.DatePeriod {
		return ""
	}
	return string(p)
}

// germanDate prints an ISO date as dd.mm.yyyy; other text is returned
// unchanged.
func germanDate(iso string) string {
	if p := store.Period(iso); p.Kind() == store.DatePeriod {
		return p.Label()
	}
	return iso
}
