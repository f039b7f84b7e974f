package official

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// namedPeriodPattern finds a period that a keyword introduces, as title
// lines and column headers write it: "Stichtag: 31.12.2023", "Jahr 2022",
// "Schuljahr 2023/24", "Berichtsmonat Juni 2024". Without the keyword a
// number in a title is not taken for a period: "Basis Zensus 2022" names
// the census, not the year of the values. "Gebietsstand" and "Stand" are
// left out on purpose, they date the regions and the data, not the values.
var namedPeriodPattern = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(stichtag|berichtsjahr|berichtsmonat|berichtszeitraum|schuljahr|jahr|monat|zeitraum|zeit)\s*:?\s*` +
	`([0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4} ?/ ?[0-9]{2}(?:[0-9]{2})?|` +
	`(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) [0-9]{4}|[0-9]{4})`)

// halfYearPattern finds "1. Halbjahr 2024", whose keyword stands between
// the half and the year.
var halfYearPattern = regexp.MustCompile(`(?i)(?:^|[^0-9])([12]\. ?(?:Halbjahr|Hj\.?) ?[0-9]{4})`)

// namedPeriod returns the period a keyword introduces in s and s without
// it (the rest of a column label), or "" and s when s names none. A
// range ("Jahr 2015 bis 2020", "Stichtag 31.12.2022 - 31.12.2023") is not
// one period, and neither is a "Schuljahr" given by one year only; both
// are left unread rather than guessed.
func namedPeriod(s string) (period, rest string) {
	if !strings.ContainsAny(s, "0123456789") {
		return "", s
	}
	var start, end int
	if m := namedPeriodPattern.FindStringSubmatchIndex(s); m != nil {
		start, end = m[2], m[5]
		period = s[m[4]:m[5]]
		if strings.EqualFold(s[m[2]:m[3]], "schuljahr") && allDigits(period) {
			return "", s
		}
	} else if m := halfYearPattern.FindStringSubmatchIndex(s); m != nil {
		start, end = m[2], m[3]
		period = s[m[2]:m[3]]
	} else {
		return "", s
	}
	after := strings.TrimSpace(s[end:])
	if continuesPeriod(after) {
		return "", s
	}
	if _, err := store.ParsePeriod(period); err != nil && !monthPattern.MatchString(period) {
		return "", s
	}
	// "Bevölkerung am Stichtag 31.12.2023" leaves "Bevölkerung".
	rest = strings.TrimSuffix(strings.Trim(strings.TrimSpace(s[:start])+" "+after, " -–:,;"), " am")
	return period, rest
}

// continuesPeriod reports text after a period that makes it part of a
// longer number or a range: "…2023/24", "… bis 2020", "… - 31.12.2023".
func continuesPeriod(after string) bool {
	if after == "" {
		return false
	}
	if strings.ContainsAny(after[:1], "0123456789/.") {
		return true
	}
	for _, sep := range []string{"-", "–", "bis"} {
		if rest, ok := strings.CutPrefix(strings.ToLower(after), sep); ok {
			rest = strings.TrimSpace(rest)
			return rest != "" && strings.ContainsAny(rest[:1], "0123456789")
		}
	}
	return false
}

// headerPeriod reads a header cell that is a period ("31.12.2015", "2022")
// or names one ("Stichtag 31.12.2023").
func headerPeriod(c string) (period, rest string) {
	if isPeriodText(c) {
		return c, ""
	}
	return namedPeriod(c)
}

// Where each format looks for the period, for the message that refuses
// a file in which it found none.
const (
	periodHintClassic = "in einer Zeitspalte vor dem Regionalschlüssel oder einer Spalte der Zeilenmerkmale, " +
		"in einer Kopfzeile über den Werten („31.12.2023“, „2022“, „Stichtag 31.12.2023“, auch für mehrere Spaltengruppen nebeneinander), " +
		"in einer Zeile, die nur die Zeit nennt, und in den Titelzeilen über der Tabelle " +
		"(„Stichtag: 31.12.2023“, „Jahr: 2022“, „Schuljahr 2023/24“, „Berichtsmonat Juni 2024“)"
	periodHintFlat = "in der Spalte „time“ bzw. „Zeit“"
	periodHintBA   = "in den Angaben über der Tabelle („Berichtsjahr“, „Berichtsmonat“, „Stichtag“, „Berichtszeitraum“), " +
		"in der ersten Spalte und in der Kopfzeile der Tabelle"
	periodHintAny = "in der Tabelle und ihren Titelzeilen"
)

// maxListedLines keeps the refusal readable for a table without any
// period; the count says how many lines there are in all.
const maxListedLines = 10

// missingPeriods refuses a table with rows whose period could not be
// determined: imported with an empty period they could never be filed
// under the right year, and a guessed period would file them wrongly.
func missingPeriods(t *Table) error {
	var lines []int
	values := 0
	for i := range t.Rows {
		if t.Rows[i].Period != "" {
			continue
		}
		values++
		if l := t.Rows[i].Line; len(lines) == 0 || lines[len(lines)-1] != l {
			lines = append(lines, l)
		}
	}
	if values == 0 {
		return nil
	}
	hint := t.periodHint
	if hint == "" {
		hint = periodHintAny
	}
	what := "die Tabelle"
	if t.TableCode != "" {
		what = "die Tabelle " + t.TableCode
	}
	return store.Invalid(fmt.Sprintf("Für %s in %s ist keine Zeit (Jahr, Stichtag, Schuljahr oder Monat) zu erkennen. "+
		"Gesucht wurde %s. Die Datei wird nicht eingelesen, damit kein Wert ohne Zeit gespeichert wird; "+
		"bitte laden Sie %s mit Zeitangabe herunter.",
		valuesText(values), lineList(lines), hint, what))
}

func valuesText(n int) string {
	if n == 1 {
		return "1 Wert"
	}
	return strconv.Itoa(n) + " Werte"
}

// lineList names the lines as "Zeile 12" or "den Zeilen 9–12, 15 und 20",
// at most maxListedLines of them.
func lineList(lines []int) string {
	var parts []string
	shown := 0
	for i := 0; i < len(lines) && len(parts) < maxListedLines; i++ {
		j := i
		for j+1 < len(lines) && lines[j+1] == lines[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", lines[i], lines[j]))
		} else {
			parts = append(parts, strconv.Itoa(lines[i]))
		}
		shown += j - i + 1
		i = j
	}
	word := "Zeile "
	if len(lines) > 1 {
		word = "den Zeilen "
	}
	if shown < len(lines) {
		return word + strings.Join(parts, ", ") + fmt.Sprintf(" und %d weiteren", len(lines)-shown)
	}
	if len(parts) == 1 {
		return word + parts[0]
	}
	return word + strings.Join(parts[:len(parts)-1], ", ") + " und " + parts[len(parts)-1]
}
