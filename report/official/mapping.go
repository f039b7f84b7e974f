package official

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// Mapping says which Grundzahl, group and area the values of one
// column of an imported table fill. RegionKey selects the region's rows;
// when it is empty, every row whose key belongs to one of our areas is
// taken (05378004 Stadt, 05378 Kreis, 05 NRW), limited to Area if that is
// set. Area may be empty when RegionKey is one of those keys.
type Mapping struct {
	BaseFigure, Group, Area string // our codes, as in the catalogue
	Column                  string // the source's column label (Row.Column)
	RegionKey               string
	// Parts, when set, makes the value the sum of these columns (an age
	// band made of the table's age groups); Column then only names it.
	// A period missing a part yields no value; a part that is a symbol
	// makes the sum "." (unknown).
	Parts []string
}

// areaKeys are the Regionalschlüssel of the catalogue's areas that
// official tables use.
var areaKeys = map[string]string{"05378004": "stadt", "05378": "kreis", "05": "nrw"}

type knownColumn struct {
	column, baseFigure, group string
	parts                     []string
}

// knownTables are the official tables whose columns fit a Grundzahl
// exactly, with the areas the table has rows for. Columns are matched
// after normColumn, so "Bevölkerungsstand (Basis Zensus 2022 und früher)"
// matches across census bases and "Ausländer(innen)" matches
// "Ausländer". Left out on purpose: 13211-02-05-4 and 13211-01-03-5 give
// Arbeitslose as a Jahresdurchschnitt, while A-K1-G1 counts them on the
// half-year's Stichtag; 21111-01-03-4 counts pupils per Kreis and
// Schulart, not the 5th grades of the city (B-K1, B-K2).
var knownTables = map[string]struct {
	areas   []string
	columns []knownColumn
}{
	"12411-15i": {[]string{"stadt", "kreis"}, []knownColumn{
		{column: "Fortschreibung des Bevölkerungsstandes; Bevölkerungsstand; Anzahl", baseFigure: "BEV", group: "insgesamt"},
	}},
	"12411-01-01-5": {[]string{"stadt", "kreis"}, []knownColumn{{column: "Insgesamt", baseFigure: "BEV", group: "insgesamt"}}},
	"12411-01-01-4": {[]string{"kreis"}, []knownColumn{{column: "Insgesamt", baseFigure: "BEV", group: "insgesamt"}}},
	// Age groups × nationality × sex: the population by sex, and the
	// population 15 to under 65 (A-K2's and A-W2's comparison population)
	// and the adults (C-K3's) as the sums of their age groups.
	"12411-03-03-4": {[]string{"kreis"}, append([]knownColumn{
		{column: "Insgesamt; Insgesamt; Insgesamt", baseFigure: "BEV", group: "insgesamt"},
		{column: "Insgesamt; Deutsche; Insgesamt", baseFigure: "BEV", group: "deutsche"},
		{column: "Insgesamt; Ausländer(innen); Insgesamt", baseFigure: "BEV", group: "auslaender"},
		{column: "Insgesamt; Insgesamt; weiblich", baseFigure: "BEV", group: "weiblich"},
		{column: "Insgesamt; Insgesamt; männlich", baseFigure: "BEV", group: "maennlich"},
		{column: "Insgesamt; Deutsche; weiblich", baseFigure: "BEV", group: "deutsche_weiblich"},
		{column: "Insgesamt; Deutsche; männlich", baseFigure: "BEV", group: "deutsche_maennlich"},
		{column: "Insgesamt; Ausländer(innen); weiblich", baseFigure: "BEV", group: "auslaender_weiblich"},
		{column: "Insgesamt; Ausländer(innen); männlich", baseFigure: "BEV", group: "auslaender_maennlich"},
	}, append(ageBand("BEV1565", workingAge), ageBand("BEV18", adults)...)...)},
	"13111-02-02-5": {[]string{"stadt", "kreis"}, []knownColumn{
		{column: "Nationalität; Insgesamt; Geschlecht; Insgesamt", baseFigure: "A-K1-G2", group: "insgesamt"},
		{column: "Nationalität; Ausländer(innen); Geschlecht; Insgesamt", baseFigure: "A-K1-G2", group: "auslaender"},
		{column: "Nationalität; Insgesamt; Geschlecht; weiblich", baseFigure: "A-K1-G2", group: "weiblich"},
		{column: "Nationalität; Insgesamt; Geschlecht; männlich", baseFigure: "A-K1-G2", group: "maennlich"},
		{column: "Nationalität; Ausländer(innen); Geschlecht; weiblich", baseFigure: "A-K1-G2", group: "auslaender_weiblich"},
		{column: "Nationalität; Ausländer(innen); Geschlecht; männlich", baseFigure: "A-K1-G2", group: "auslaender_maennlich"},
	}},
	// GENESIS-Flat files carry only the statistic's code; the column
	// then names the value variable and the other variables' attributes.
	"12411": {[]string{"stadt", "kreis"}, []knownColumn{{column: "Bevölkerungsstand; Insgesamt", baseFigure: "BEV", group: "insgesamt"}}},
}

// workingAge are the age groups of the Regionaldatenbank's "Altersgruppen"
// from 15 to under 65.
var workingAge = []string{"15 bis unter 18 Jahre", "18 bis unter 20 Jahre", "20 bis unter 25 Jahre", "25 bis unter 30 Jahre",
	"30 bis unter 35 Jahre", "35 bis unter 40 Jahre", "40 bis unter 45 Jahre", "45 bis unter 50 Jahre", "50 bis unter 55 Jahre",
	"55 bis unter 60 Jahre", "60 bis unter 65 Jahre"}

// adults are the age groups from 18 on.
var adults = []string{"18 bis unter 20 Jahre", "20 bis unter 25 Jahre", "25 bis unter 30 Jahre", "30 bis unter 35 Jahre",
	"35 bis unter 40 Jahre", "40 bis unter 45 Jahre", "45 bis unter 50 Jahre", "50 bis unter 55 Jahre", "55 bis unter 60 Jahre",
	"60 bis unter 65 Jahre", "65 bis unter 75 Jahre", "75 Jahre und mehr"}

// ageBand maps the sums of the age groups to a Grundzahl, per nationality.
func ageBand(code string, ages []string) []knownColumn {
	var out []knownColumn
	for _, n := range [][2]string{{"Insgesamt", "insgesamt"}, {"Deutsche", "deutsche"}, {"Ausländer(innen)", "auslaender"}} {
		var parts []string
		for _, a := range ages {
			parts = append(parts, a+"; "+n[0]+"; Insgesamt")
		}
		out = append(out, knownColumn{column: ages[0] + " … " + ages[len(ages)-1] + "; " + n[0], baseFigure: code, group: n[1], parts: parts})
	}
	return out
}

// KnownMappings returns the mappings of an official table recognised by
// its code (Table.TableCode), or nil when the user has to map the
// table.
func KnownMappings(code string) []Mapping {
	kt, ok := knownTables[strings.TrimSpace(code)]
	if !ok {
		return nil
	}
	var maps []Mapping
	for _, c := range kt.columns {
		for _, area := range kt.areas {
			maps = append(maps, Mapping{BaseFigure: c.baseFigure, Group: c.group, Area: area, Column: c.column, RegionKey: areaKey(area), Parts: c.parts})
		}
	}
	return maps
}

func areaKey(area string) string {
	for k, a := range areaKeys {
		if a == area {
			return k
		}
	}
	return ""
}

// MapRows turns the rows the mappings select into values of Grundzahlen
// delivered per period of kind: "31.12.2024" becomes 2024-12-31, "2015"
// stays 2015, and for a half-year 30.06. and June become the first half,
// 31.12. and December the second. Symbols stay symbols; GENESIS's p and
// s set Provisional and Estimated, r and "( )" become a note. Source is
// "<Format> <TableCode>", AsOf the Stand; the caller sets Origin and
// validates against the catalogue. Problems (German) name the source line;
// of two different values for the same slot the first is kept.
func MapRows(t *Table, maps []Mapping, kind store.PeriodKind) ([]store.Value, []string) {
	vals, problems, _ := mapRows(t, maps, kind, nil)
	return vals, problems
}

// emitEvery is how many mapped values mapRows collects before it hands
// them on: enough that handing on costs nothing per value, few enough
// that the save starts storing right after the mapping started.
const emitEvery = 4096

// mapRows is MapRows; emit, when not nil, gets the values as they are
// mapped, in chunks that are never changed afterwards, and its error
// ends the mapping.
func mapRows(t *Table, maps []Mapping, kind store.PeriodKind, emit func([]store.Value) error) ([]store.Value, []string, error) {
	if t == nil || len(maps) == 0 {
		return nil, nil, nil
	}
	norms := make([]string, len(maps))
	for i, m := range maps {
		norms[i] = normColumn(m.Column)
	}
	source := strings.TrimSpace(t.Format + " " + t.TableCode)
	// A table has a few distinct column texts, repeated row after row
	// (and mostly the same string): comparing with the few seen so far is
	// cheaper than hashing a text of some 100 bytes twice per row.
	type seenColumn struct{ col, norm string }
	var seen []seenColumn
	rowNorm := map[string]string{}
	norm := func(col string) string {
		for _, c := range seen {
			if c.col == col {
				return c.norm
			}
		}
		n, ok := rowNorm[col]
		if !ok {
			n = normColumn(col)
			rowNorm[col] = n
		}
		if len(seen) < 8 {
			seen = append(seen, seenColumn{col, n})
		}
		return n
	}
	// Counting the selected rows first sizes the result and the key index
	// once: growing them by appending took a third of mapping 100,000 rows.
	selected := 0
	for _, r := range t.Rows {
		n := norm(r.Column)
		for i, m := range maps {
			if norms[i] == n && mappedArea(m, r.RegionKey) != "" {
				selected++
			}
		}
	}
	partOf := map[string][]int{}
	for i, m := range maps {
		for _, p := range m.Parts {
			partOf[normColumn(p)] = append(partOf[normColumn(p)], i)
		}
	}
	sums := partSums{}
	var (
		vals     = make([]store.Value, 0, selected)
		problems []string
		at       = make(map[store.ValueKey]int, selected)
		// A download repeats each period on many rows; parsing it once
		// per distinct text saves an allocation per value.
		periods = map[string]parsedPeriod{}
		emitted int // values handed to emit
	)
	for _, r := range t.Rows {
		n := norm(r.Column)
		for _, i := range partOf[n] {
			sums.add(i, maps[i], r, kind)
		}
		for i, m := range maps {
			area := mappedArea(m, r.RegionKey)
			if len(m.Parts) > 0 || norms[i] != n || area == "" {
				continue
			}
			// Only a problem names the line; formatting it for every row
			// took a fifth of a 100,000-value import.
			where := func() string {
				return fmt.Sprintf("Zeile %d (%s, %s, „%s“)", r.Line, r.RegionName, r.Period, shortText(r.Column))
			}
			if r.Period == "" {
				problems = append(problems, where()+": Für den Wert ist keine Zeit (Jahr oder Stichtag) bekannt; er wird nicht übernommen.")
				continue
			}
			pp, ok := periods[r.Period]
			if !ok {
				pp.p, pp.err = sourcePeriod(r.Period, kind)
				periods[r.Period] = pp
			}
			p, err := pp.p, pp.err
			if err != nil {
				problems = append(problems, where()+": "+store.Message(err))
				continue
			}
			if !r.HasNumber && !r.Symbol.Valid() {
				problems = append(problems, fmt.Sprintf("%s: „%s“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik.", where(), r.Raw))
				continue
			}
			v := store.Value{
				BaseFigure: m.BaseFigure, Period: p, Area: area, Group: m.Group,
				Number: r.Number, Symbol: r.Symbol, Source: source, AsOf: r.AsOf,
			}
			if !r.HasNumber {
				v.Number = 0
			}
			qualify(&v, r.Raw)
			k := v.Key()
			if j, dup := at[k]; dup {
				if !vals[j].SameContent(v) {
					problems = append(problems, fmt.Sprintf("%s: Für %s, %s steht schon ein anderer Wert in der Datei; der erste wird übernommen.", where(), v.BaseFigure, p.Label()))
				}
				continue
			}
			at[k] = len(vals)
			vals = append(vals, v)
			if emit != nil && len(vals)-emitted >= emitEvery {
				// The first value of a key is the one kept, so a value
				// handed on is final. The chunk's capacity ends at its
				// length: nobody can append into vals through it.
				if err := emit(vals[emitted:len(vals):len(vals)]); err != nil {
					return nil, nil, err
				}
				emitted = len(vals)
			}
		}
	}
	for _, v := range sums.values(maps, source) {
		if _, dup := at[v.Key()]; !dup {
			at[v.Key()] = len(vals)
			vals = append(vals, v)
		}
	}
	if emit != nil && len(vals) > emitted {
		if err := emit(vals[emitted:len(vals):len(vals)]); err != nil {
			return nil, nil, err
		}
	}
	if len(vals) == 0 && len(problems) == 0 {
		problems = append(problems, "Keine Zeile der Tabelle passt zur Zuordnung (Spalte und Region).")
	}
	return vals, problems, nil
}

// parsedPeriod is a period of the source as sourcePeriod read it.
type parsedPeriod struct {
	p   store.Period
	err error
}

// mappedArea returns the area m assigns to a row of region key, or "" if
// m does not take the row.
func mappedArea(m Mapping, key string) string {
	if m.RegionKey != "" {
		if key != m.RegionKey {
			return ""
		}
		if m.Area != "" {
			return m.Area
		}
		return areaKeys[key]
	}
	area := areaKeys[key]
	if m.Area != "" && area != m.Area {
		return ""
	}
	return area
}

// qualify carries the GENESIS qualifiers of the source cell over to v.
func qualify(v *store.Value, raw string) {
	c, _ := parseCell(raw)
	v.Provisional, v.Estimated = c.provisional, c.estimated
	var notes []string
	if c.corrected {
		notes = append(notes, "berichtigt (r)")
	}
	if c.restricted {
		notes = append(notes, "Aussagewert eingeschränkt ( )")
	}
	v.Note = strings.Join(notes, "; ")
}

// sourcePeriod reads a period of the source as a period of kind. A
// half-yearly Grundzahl is counted on the half-year's last day, so the
// Stichtag 30.06. (or the month June) stands for the first half and
// 31.12. (December) for the second; other days are refused rather than
// rounded.
func sourcePeriod(s string, kind store.PeriodKind) (store.Period, error) {
	if kind != store.HalfYearPeriod {
		return store.ParsePeriodOfKind(s, kind)
	}
	t := strings.Join(strings.Fields(s), " ")
	year, half := "", 0
	if m := monthPattern.FindStringSubmatch(t); m != nil {
		year, half = m[2], map[string]int{"Juni": 1, "Dezember": 2}[m[1]]
	} else if p, err := store.ParsePeriod(t); err == nil && p.Kind() == store.DatePeriod {
		year, half = string(p)[:4], map[string]int{"06-30": 1, "12-31": 2}[string(p)[5:]]
	} else {
		return store.ParsePeriodOfKind(s, kind)
	}
	if half == 0 {
		return "", store.Invalid(fmt.Sprintf("„%s“ ist kein Halbjahresende (30.06. oder 31.12.) und passt daher zu keinem Halbjahr.", t))
	}
	return store.ParsePeriod(fmt.Sprintf("%s-H%d", year, half))
}

// umlautFold lets the old flat format's "Bevoelkerungsstand" match
// "Bevölkerungsstand".
var umlautFold = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss")

// normColumn makes column labels comparable across downloads of the same
// table: without bracketed notes ("(Basis Zensus 2022 und früher)",
// "(innen)"), umlauts spelt out, case and spacing ignored.
func normColumn(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	parts := strings.Split(strings.ToLower(umlautFold.Replace(b.String())), ";")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ";")
}
