package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// ParticipationRole says what the Share of a ParticipationRow is and what
// it is compared with.
type ParticipationRole int

const (
	// RoleCompared is a share with Migrationshintergrund compared with a
	// reference structure: the institution's or the population's.
	RoleCompared ParticipationRole = iota
	// RoleStructure is the composition of the institutions themselves,
	// the reference of other rows.
	RoleStructure
	// RoleReach is reached parents per 100 families with
	// Migrationshintergrund. It can exceed 100, as a family has two parents.
	RoleReach
)

// ParticipationRow is one share of a Wirkungsindikator of kind
// "beteiligung" in one area and period. When OK is false Reason says in
// German why it is not computable; when RefOK is false RefReason does (it
// stays empty for rows that have no reference, RoleStructure and
// RoleReach).
type ParticipationRow struct {
	Indicator, BaseFigure, Area string
	AreaName                    string
	Period                      store.Period
	Role                        ParticipationRole
	Label                       string // what Share is, German
	RefLabel                    string // where Reference comes from, e.g. "in der Bevölkerung"
	Total, WithMH               float64
	Share                       float64 // mit_mh / insgesamt × 100
	OK                          bool
	Reason                      string
	Reference                   float64 // share in the reference structure, %
	RefOK                       bool
	RefReason                   string
	Index                       float64 // Share / Reference; 1,0 = entspricht der Struktur; NaN unless OK and RefOK
	Provisional                 bool    // an input was vorläufig or geschätzt
	Demo                        bool    // an input was Beispieldaten
	// Shown holds the row's numbers as the window shows and the report
	// prints them, set by Evaluate's disclosure control; zero for rows
	// from Participation alone.
	Shown ParticipationCells
}

// participationRule is how the share of one Grundzahl is read. The rules
// follow the seed's wording of A-W2, B-W1 and B-W2; a Grundzahl added to
// such an indicator later is compared with the population, which the seed
// names as the reference of every share that "der Bevölkerungsstruktur
// entsprechen" shall.
type participationRule struct {
	role     ParticipationRole
	label    string
	refCode  string // Grundzahl of the reference in the same area and period; "" for the population
	refLabel string
	// population is the shared Grundzahl compared with when refCode is
	// empty; "" means BEV.
	population string
}

var participationRules = map[string]participationRule{
	"B-W1-G1": {role: RoleCompared, label: "Anteil der Teilnehmenden mit Zuwanderungsgeschichte", refCode: "B-W1-G2", refLabel: "in der Einrichtung"},
	"B-W1-G2": {role: RoleStructure, label: "Anteil der Eltern mit Zuwanderungsgeschichte in der Einrichtung"},
	"B-W2-G1": {role: RoleStructure, label: "Anteil der Familien mit Migrationshintergrund"},
	"B-W2-G2": {role: RoleReach, label: "Durch Elternarbeit erreichte Eltern mit Migrationshintergrund je 100 Familien mit Migrationshintergrund", refCode: "B-W2-G1"},
	// A-W2 speaks of "eingestellt": the hires of a year (a flow) are
	// what is compared; staff and applications are shown beside them. All
	// three are compared with the population of working age, since
	// children are neither hired nor apply (issue 12).
	"A-W2-G3": {role: RoleCompared, label: "Anteil der Eingestellten mit Migrationshintergrund", refLabel: workingAgeRef, population: workingAgeCode},
	"A-W2-G1": {role: RoleCompared, label: "Anteil der Beschäftigten mit Migrationshintergrund", refLabel: workingAgeRef, population: workingAgeCode},
	"A-W2-G2": {role: RoleCompared, label: "Anteil der Bewerbungen von Menschen mit Migrationshintergrund", refLabel: workingAgeRef, population: workingAgeCode},
}

// workingAgeRef and workingAgeCode name the population aged 15 to under
// 65, the reference of A-W2.
const (
	workingAgeRef  = "in der Bevölkerung von 15 bis unter 65 Jahren"
	workingAgeCode = "BEV1565"
)

const populationRef = "in der Bevölkerung"

// The groups and the population Grundzahl the shares rest on.
const (
	groupTotal      = "insgesamt"
	groupMH         = "mit_mh"
	populationCode  = "BEV"
	populationArea  = "stadt"
	defaultRowLabel = "Anteil mit Migrationshintergrund"
)

// Participation computes the shares of a Wirkungsindikator of kind
// "beteiligung" per Grundzahl (catalogue order), area and period, each
// against its reference structure. Periods after the snapshot's report
// year are left out, so that a past year's report reads as it did then.
func Participation(snap *store.Snapshot, ind store.ImpactIndicator) []ParticipationRow {
	if snap == nil || snap.Catalog == nil {
		return nil
	}
	return participationRows(snap, ind, newValueIndex(snap.Values, func(string) bool { return true }))
}

// participationRows is Participation on an index of snap's values, which
// the evaluation builds once for all Beteiligung indicators.
func participationRows(snap *store.Snapshot, ind store.ImpactIndicator, ix valueIndex) []ParticipationRow {
	pc := participation{cat: snap.Catalog, ind: ind, ix: ix}
	var rows []ParticipationRow
	for _, bf := range ind.BaseFigures {
		rule, known := participationRules[bf.Code]
		if !known {
			rule = participationRule{role: RoleCompared, label: defaultRowLabel + ": " + bf.Name, refLabel: populationRef}
		}
		if rule.role != RoleReach && !(slices.Contains(bf.Groups, groupTotal) && slices.Contains(bf.Groups, groupMH)) {
			continue
		}
		for _, area := range bf.Areas {
			for _, p := range pc.periods(bf, area) {
				if snap.ReportYear > 0 && p.Year() > snap.ReportYear {
					continue
				}
				rows = append(rows, pc.row(bf, rule, area, p))
			}
		}
	}
	return rows
}

type participation struct {
	cat *store.Catalog
	ind store.ImpactIndicator
	ix  valueIndex
}

// periods are those with a value for bf in area, of bf's own kind.
func (pc participation) periods(bf store.BaseFigure, area string) []store.Period {
	var out []store.Period
	for _, p := range pc.ix.periods[cellKey{bf: bf.Code, area: area}] {
		if p.Kind() == bf.PeriodKind && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, store.Period.Compare)
	return out
}

func (pc participation) row(bf store.BaseFigure, rule participationRule, area string, p store.Period) ParticipationRow {
	row := ParticipationRow{
		Indicator: pc.ind.Code, BaseFigure: bf.Code, Area: area, AreaName: pc.cat.AreaName(area), Period: p,
		Role: rule.role, Label: rule.label, RefLabel: rule.refLabel,
		Share: math.NaN(), Reference: math.NaN(), Index: math.NaN(),
	}
	if rule.role == RoleReach {
		pc.reach(&row, bf, rule, area, p)
		return row
	}
	s := pc.share(formulaInput{bf: bf}, area, p)
	row.Total, row.WithMH, row.Share, row.OK, row.Reason = s.total, s.withMH, s.share, s.ok, s.reason
	row.Provisional, row.Demo = s.provisional, s.demo
	if rule.role == RoleStructure {
		return row
	}
	refCode := cmp.Or(rule.refCode, rule.population)
	in := formulaInput{bf: pc.baseFigure(refCode), shared: rule.refCode == ""}
	if in.bf.Code == "" {
		code := cmp.Or(refCode, populationCode)
		row.RefReason = fmt.Sprintf("Die Grundzahl %s fehlt im Katalog.", code)
		return row
	}
	refArea := area
	if in.shared {
		refArea = populationArea
	}
	ref := pc.share(in, refArea, p)
	row.Provisional, row.Demo = row.Provisional || ref.provisional, row.Demo || ref.demo
	switch {
	case !ref.ok:
		row.RefReason = "Vergleichswert nicht berechenbar: " + ref.reason
	case ref.share == 0:
		row.Reference = 0
		row.RefReason = "Der Vergleichsanteil ist 0 %, ein Index ist nicht berechenbar."
	default:
		row.Reference, row.RefOK = ref.share, true
		if row.OK {
			row.Index = row.Share / row.Reference
		}
	}
	return row
}

// reach relates the parents reached (mit_mh of bf) to the families with
// Migrationshintergrund in the same institutions (mit_mh of the rule's
// reference figure).
func (pc participation) reach(row *ParticipationRow, bf store.BaseFigure, rule participationRule, area string, p store.Period) {
	fam := pc.baseFigure(rule.refCode)
	if fam.Code == "" {
		row.Reason = fmt.Sprintf("Die Grundzahl %s fehlt im Katalog.", rule.refCode)
		return
	}
	reached, r1 := pc.number(formulaInput{bf: bf, group: groupMH}, area, p, row)
	families, r2 := pc.number(formulaInput{bf: fam, group: groupMH}, area, p, row)
	if reasons := joinReasons(r1, r2); reasons != "" {
		row.Reason = reasons
		return
	}
	row.Total, row.WithMH = families, reached
	if families == 0 {
		row.Reason = fmt.Sprintf("Division durch null: keine Familien mit Migrationshintergrund (%s, %s)", fam.Name, p.Label())
		return
	}
	row.Share, row.OK = reached/families*100, true
}

// shareResult is mit_mh / insgesamt of one Grundzahl, area and period.
type shareResult struct {
	total, withMH, share float64
	ok                   bool
	reason               string
	provisional, demo    bool
}

func (pc participation) share(in formulaInput, area string, p store.Period) shareResult {
	res := shareResult{share: math.NaN()}
	var flags ParticipationRow
	tIn, mIn := in, in
	tIn.group, mIn.group = groupTotal, groupMH
	total, r1 := pc.number(tIn, area, p, &flags)
	withMH, r2 := pc.number(mIn, area, p, &flags)
	res.provisional, res.demo = flags.Provisional, flags.Demo
	if reasons := joinReasons(r1, r2); reasons != "" {
		res.reason = reasons
		return res
	}
	res.total, res.withMH = total, withMH
	switch {
	case total == 0:
		res.reason = fmt.Sprintf("Division durch null: „Insgesamt“ ist 0 (%s, %s)", in.bf.Name, soughtLabel(in, p))
	case withMH > total:
		// A share above 100 % can only be a typing or delivery error.
		res.reason = fmt.Sprintf("„mit Migrationshintergrund“ (%s) ist größer als „Insgesamt“ (%s) (%s, %s)",
			FormatAuto(withMH), FormatAuto(total), in.bf.Name, soughtLabel(in, p))
	default:
		res.share, res.ok = withMH/total*100, true
	}
	return res
}

// number looks one input up and returns it, or the German reason why it
// cannot be used; flags collects vorläufig and Beispieldaten.
func (pc participation) number(in formulaInput, area string, p store.Period, flags *ParticipationRow) (float64, string) {
	v, ok := pc.ix.lookup(in, area, p)
	if !ok {
		return 0, fmt.Sprintf("Wert fehlt: %s, %s, %s, %s",
			in.bf.Name, pc.cat.GroupName(in.group), pc.cat.AreaName(area), soughtLabel(in, p))
	}
	flags.Provisional = flags.Provisional || v.Provisional || v.Estimated
	flags.Demo = flags.Demo || v.Demo
	num, reason := inputNumber(v)
	if reason != "" {
		return 0, fmt.Sprintf("%s bei %s, %s, %s", reason, in.bf.Name, pc.cat.GroupName(in.group), v.Period.Label())
	}
	return num, ""
}

// baseFigure finds a Grundzahl among the indicator's own, then anywhere
// in the catalogue (the population is a shared one); "" means the
// population.
func (pc participation) baseFigure(code string) store.BaseFigure {
	code = cmp.Or(code, populationCode)
	for _, b := range pc.ind.BaseFigures {
		if b.Code == code {
			return b
		}
	}
	b, _ := pc.cat.BaseFigureByCode(code)
	return b
}

func joinReasons(rs ...string) string {
	var out []string
	for _, r := range rs {
		if r != "" {
			out = append(out, r)
		}
	}
	return strings.Join(out, "; ")
}

// ParticipationSentence summarises the latest period of each Grundzahl,
// one sentence per area, e.g. "Schuljahr 2025/26, Kindertagesstätten:
// Anteil der Teilnehmenden mit Zuwanderungsgeschichte 31,2 % bei 38,5 % in
// der Einrichtung (Index 0,81)." Where shares are compared, the structure
// rows they are compared with are not repeated. It is "" without rows.
func ParticipationSentence(rows []ParticipationRow) string {
	compared := slices.ContainsFunc(rows, func(r ParticipationRow) bool { return r.Role == RoleCompared })
	latest := map[string]store.Period{}
	demo := false
	for _, r := range rows {
		if l, ok := latest[r.BaseFigure]; !ok || r.Period.Compare(l) > 0 {
			latest[r.BaseFigure] = r.Period
		}
		demo = demo || r.Demo
	}
	var parts []string
	for _, r := range rows {
		if r.Period != latest[r.BaseFigure] || r.Role == RoleStructure && compared {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s, %s: %s.", r.Period.Label(), r.AreaName, rowClause(r)))
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, " ")
	if demo {
		// As with the Kennzahlen: Beispieldaten must never pass for real
		// figures, also when the sentence is copied out of the report.
		s = "Beispieldaten: " + s
	}
	return s
}

func rowClause(r ParticipationRow) string {
	if !r.OK {
		return fmt.Sprintf("%s nicht berechenbar (%s)", r.Label, r.Reason)
	}
	switch r.Role {
	case RoleReach:
		return fmt.Sprintf("%s erreichte Eltern mit Migrationshintergrund bei %s Familien mit Migrationshintergrund (%s je 100 Familien)",
			FormatAuto(r.WithMH), FormatAuto(r.Total), FormatNumber(r.Share, 1))
	case RoleStructure:
		return fmt.Sprintf("%s %s", r.Label, FormatPercent(r.Share, 1))
	}
	s := fmt.Sprintf("%s %s", r.Label, FormatPercent(r.Share, 1))
	if !r.RefOK {
		return s + " (" + r.RefReason + ")"
	}
	return fmt.Sprintf("%s bei %s %s (Index %s)", s, FormatPercent(r.Reference, 1), r.RefLabel, FormatNumber(r.Index, 2))
}
