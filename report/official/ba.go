package official

import (
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The Bundesagentur's exports start with a block of "Key";"Value" lines
// (Region, Gebietsstand, Berichtsjahr or Berichtsmonat, Datenstand,
// Indikator and the selections made, such as Staatsangehörigkeit), then a
// header and the data, then "Exportdatum" and "©" lines. The selections are
// part of what a column means ("Ausländer"), so they go into Column.

// baPlainKeys are metadata keys that describe the export rather than
// select the counted group.
var baPlainKeys = map[string]bool{
	"Region": true, "Gebietsstand": true, "Berichtsjahr": true, "Berichtsmonat": true,
	"Berichtszeitraum": true, "Stichtag": true, "Datenstand": true, "Indikator": true, "Hinweise": true,
}

// baPeriodKeys give the period of a table whose rows are not periods.
var baPeriodKeys = []string{"Berichtsmonat", "Berichtsjahr", "Stichtag", "Berichtszeitraum"}

func baKey(r record) string {
	return strings.TrimSuffix(r.cell(0), ":")
}

// isBA recognises the metadata block: a first line "Region" and a
// "Datenstand" or "Gebietsstand" line soon after.
func isBA(recs []record) bool {
	if baKey(recs[0]) != "Region" {
		return false
	}
	for _, r := range recs[1:min(len(recs), 20)] {
		if k := baKey(r); k == "Datenstand" || k == "Gebietsstand" {
			return true
		}
	}
	return false
}

type baMeta struct {
	regionKey, regionName, period string
	selections                    []string
}

func parseBA(t *Table, recs []record) error {
	h := baHeader(recs)
	if h < 0 {
		return store.Invalid("In der Datei der Bundesagentur für Arbeit wurde keine Tabelle mit Werten gefunden.")
	}
	m := baMetadata(t, recs[:h])
	header := recs[h]
	// A header of periods ("Merkmal";"Juni 2023";"Juni 2024") puts them
	// side by side; the label keeps what else the header cell says.
	colPeriods := make([]string, len(header.cells))
	colLabels := make([]string, len(header.cells))
	for j := range header.cells {
		colPeriods[j], colLabels[j] = headerPeriod(header.cell(j))
	}
	for _, r := range recs[h+1:] {
		if emptyRecord(r) || strings.HasPrefix(r.cell(0), "Exportdatum") || strings.HasPrefix(r.cell(0), "©") {
			break
		}
		label, rowPeriod := r.cell(0), ""
		if isPeriodText(label) {
			label, rowPeriod = "", r.cell(0)
		}
		for j := 1; j < len(r.cells); j++ {
			raw := r.cell(j)
			if raw == "" {
				continue
			}
			per := rowPeriod
			if per == "" && j < len(colPeriods) {
				per = colPeriods[j]
			}
			if per == "" {
				per = m.period
			}
			col := joinNonEmpty(append(append([]string{}, m.selections...), label, colLabel(header, colLabels, j))...)
			c, ok := parseCell(raw)
			if !ok {
				t.problem(r.line, "„%s“ in der Spalte „%s“ ist weder eine Zahl noch ein Zeichen der Statistik und wurde übersprungen.", shortText(raw), shortText(col))
				continue
			}
			t.Rows = append(t.Rows, Row{
				RegionKey: m.regionKey, RegionName: m.regionName, Period: per, Column: joinLabel("", col, j),
				Raw: raw, Number: c.num, Symbol: c.sym, HasNumber: c.hasNum, Line: r.line,
			})
		}
	}
	return nil
}

// colLabel is the header's label of column j without the period it names.
func colLabel(header record, labels []string, j int) string {
	if j < len(labels) {
		return labels[j]
	}
	return header.cell(j)
}

// baHeader finds the table header: the first line of two or more texts
// that is followed by a line of values of the same width. The line after
// it must not be metadata, because "Gebietsstand";"April 2025" followed
// by "Berichtsjahr";"2024" has the same shape.
func baHeader(recs []record) int {
	for i := 1; i+1 < len(recs); i++ {
		r, next := recs[i], recs[i+1]
		if r.nonEmpty(0) < 2 || len(next.cells) != len(r.cells) || baPlainKeys[baKey(next)] {
			continue
		}
		if baTextRow(r) && baValueRow(next) {
			return i
		}
	}
	return -1
}

func baTextRow(r record) bool {
	for j := 1; j < len(r.cells); j++ {
		if c := r.cell(j); c != "" {
			if _, ok := parseCell(c); ok && !isPeriodText(c) {
				return false
			}
		}
	}
	return true
}

func baValueRow(r record) bool {
	n := 0
	for j := 1; j < len(r.cells); j++ {
		if c := r.cell(j); c != "" {
			if _, ok := parseCell(c); !ok {
				return false
			}
			n++
		}
	}
	return n > 0 && r.cell(0) != ""
}

func baMetadata(t *Table, recs []record) baMeta {
	var m baMeta
	for _, r := range recs {
		k, v := baKey(r), r.cell(1)
		switch {
		case k == "Region":
			m.regionName = v
			for j := 2; j+1 < len(r.cells); j++ {
				if strings.HasPrefix(r.cell(j), "Regionsschlüssel") {
					m.regionKey = r.cell(j + 1)
				}
			}
		case k == "Datenstand":
			if t.AsOf = isoDate(v); t.AsOf == "" && v != "" {
				t.problem(r.line, "Der Datenstand „%s“ ist kein Datum und wurde nicht übernommen.", shortText(v))
			}
		case k == "Indikator":
			t.Title = v
		case k == "" || v == "" || baPlainKeys[k]:
		default:
			m.selections = append(m.selections, v)
		}
	}
	for _, k := range baPeriodKeys {
		for _, r := range recs {
			if baKey(r) == k && m.period == "" && isPeriodText(r.cell(1)) {
				m.period = r.cell(1)
			}
		}
	}
	return m
}
