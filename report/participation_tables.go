package report

import (
	"slices"
	"strconv"

	"bergischgladbach.de/integrationsmonitor/store"
)

// ParticipationYears is how many years up to the report year the
// participation tables look back for their latest two periods.
const ParticipationYears = 10

// ParticipationTable is the participation of one Grundzahl of a
// Beteiligung indicator: its latest period up to the report year, the
// period before it for comparison, and the rows of both by area.
type ParticipationTable struct {
	BaseFigure store.BaseFigure
	// Latest is the newest period with a row; Before the one before it,
	// "" when there is only one.
	Latest, Before store.Period
	// Areas are the areas with a row, in the order of the rows.
	Areas []string
	// Role, Label and RefLabel are those of the Grundzahl's rows.
	Role            ParticipationRole
	Label, RefLabel string
	rows            []ParticipationRow
}

// At is the row of area in period p; a missing one has OK false and an
// empty Period.
func (t ParticipationTable) At(area string, p store.Period) (ParticipationRow, bool) {
	for _, r := range t.rows {
		if r.Area == area && r.Period == p {
			return r, true
		}
	}
	return ParticipationRow{Area: area}, false
}

// participationTables arranges the rows of one indicator by Grundzahl, in
// catalogue order; Grundzahlen without rows have no table.
func participationTables(w store.ImpactIndicator, rows []ParticipationRow) []ParticipationTable {
	var out []ParticipationTable
	for _, bf := range w.BaseFigures {
		t := ParticipationTable{BaseFigure: bf}
		var periods []store.Period
		for _, r := range rows {
			if r.BaseFigure != bf.Code {
				continue
			}
			t.rows = append(t.rows, r)
			if !slices.Contains(periods, r.Period) {
				periods = append(periods, r.Period)
			}
			if !slices.Contains(t.Areas, r.Area) {
				t.Areas = append(t.Areas, r.Area)
			}
		}
		if len(t.rows) == 0 {
			continue
		}
		t.Role, t.Label, t.RefLabel = t.rows[0].Role, t.rows[0].Label, t.rows[0].RefLabel
		slices.SortFunc(periods, store.Period.Compare)
		t.Latest = periods[len(periods)-1]
		if len(periods) > 1 {
			t.Before = periods[len(periods)-2]
		}
		out = append(out, t)
	}
	return out
}

// evaluateParticipation computes every Beteiligung indicator on the
// values of its own Grundzahlen and the population within the last
// ParticipationYears years up to the report year: the tables of the
// report and the sentence of the window. Participation indexes and
// evaluates every period it is given, while the report prints the latest
// two: without the cut, a file with decades of school-level values would
// make the report slow for rows nobody sees.
func (e *Evaluation) evaluateParticipation(snap *store.Snapshot) {
	e.Participation = map[string][]ParticipationTable{}
	e.ParticipationText = map[string]string{}
	codes := map[string]bool{populationCode: true, workingAgeCode: true}
	var inds []store.ImpactIndicator
	for _, f := range snap.Catalog.Fields {
		for _, w := range f.Indicators {
			if w.Kind == store.Participation {
				inds = append(inds, w)
				for _, bf := range w.BaseFigures {
					codes[bf.Code] = true
				}
			}
		}
	}
	// Canonical periods begin with their four-digit year and sort as
	// strings, so the window needs no parsing of every period: "2023-H2",
	// "2023/24" and "2023-12-31" all lie before "2024".
	from := store.Period(strconv.Itoa(snap.ReportYear - ParticipationYears + 1))
	to := store.Period(strconv.Itoa(snap.ReportYear + 1))
	sub := *snap
	sub.Values = nil
	for _, v := range snap.Values {
		if codes[v.BaseFigure] && (snap.ReportYear == 0 || v.Period >= from && v.Period < to) {
			sub.Values = append(sub.Values, v)
		}
	}
	ix := newValueIndex(sub.Values, func(string) bool { return true })
	for _, w := range inds {
		rows := participationRows(&sub, w, ix)
		e.Participation[w.Code] = participationTables(w, rows)
		e.ParticipationText[w.Code] = ParticipationSentence(rows)
	}
}
