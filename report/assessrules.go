package report

import "bergischgladbach.de/integrationsmonitor/store"

// judgeKind is what the assessment of a Kennzahl judges.
type judgeKind int

const (
	// judgeByDirection: the level for steigt/sinkt, the distance to the
	// reference line for nähert sich der Referenz an/ausgeglichen.
	judgeByDirection judgeKind = iota
	// judgeParity: the parity of a series against a comparison (the
	// reference line, or another series of the Kennzahl), whatever the
	// direction says: "gleiche Chancen" compared with all or with a
	// comparison group.
	judgeParity
)

// assessRule says what the Ziel behind a Kennzahl is about, where its
// headline series and direction alone would judge the wrong thing.
// docs/bewertung.md gives the reason per Kennzahl.
type assessRule struct {
	kind judgeKind
	// series is the index of the series judged (default 0); compare the
	// index of the series it is compared with, -1 for the reference line.
	series, compare int
	// noun names the people behind the counts in the noise sentence
	// ("Kinder"); "" says "Fälle".
	noun string
}

// assessRules are keyed by Kennzahl code. The catalogue keeps formulas
// and directions as the concept states them; this table only says which
// comparison the assessment rests on, so that a catalogue in another file
// keeps working (a code not listed is judged by its direction).
var assessRules = map[string]assessRule{
	// The reference "Insgesamt" contains the foreigners themselves; the
	// concept means foreigners compared with Deutsche.
	"A-K1": {kind: judgeParity, series: 0, compare: 1, noun: "Personen"},
	"A-K2": {kind: judgeParity, series: 0, compare: -1, noun: "Arbeitsuchende"},
	// The Ziel is equal chances of Schulabgänger/innen with and without
	// Migrationshintergrund, not the overall rate.
	"A-K5": {kind: judgeParity, series: 1, compare: 2, noun: "Befragte"},
	// Representation at Gymnasium / Hauptschule relative to all
	// fifth-graders: when Hauptschulen shrink for everybody the
	// foreigners' share falls without any change in their chances.
	"B-K1": {kind: judgeParity, series: 0, compare: -1, noun: "Kinder"},
	"B-K2": {kind: judgeParity, series: 0, compare: -1, noun: "Kinder"},
	"B-K3": {noun: "Kinder"},
	// Judged by their direction; the nouns name the counts behind the
	// noise of a difference (B-K4) or a ratio (A-K4) of shares.
	"B-K4": {noun: "Kinder"},
	"A-K4": {noun: "Schulabgänger/innen"},
	"C-K1": {noun: "Organisationen"},
	"C-K3": {kind: judgeParity, series: 0, compare: -1, noun: "Mitglieder"},
	"C-K4": {noun: "Wahlberechtigte"},
}

// ruleFor is the rule of k: its table entry, or judgement by direction
// (parity for the reference directions when the unit is a ratio-like
// quantity, see judgeMode).
func ruleFor(k store.KeyFigure) assessRule {
	if r, ok := assessRules[k.Code]; ok {
		if r.kind == judgeParity && (r.series >= len(k.Series) || r.compare >= len(k.Series) ||
			r.compare < 0 && k.Reference == nil) {
			// A catalogue with other series: fall back rather than judge
			// a series that is not there.
			return assessRule{kind: judgeByDirection, noun: r.noun}
		}
		return r
	}
	return assessRule{}
}
