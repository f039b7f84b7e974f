package official

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// flatLayout names the columns of a GENESIS flat file. The service wrote
// German column names until 2025 ("Statistik_Code;…;Zeit;1_Merkmal_Code;
// …;BEVSTD__Bevoelkerungsstand__Anzahl", one column per value variable)
// and writes English ones since ("statistics_code;…;time;
// 1_variable_code;…;value;value_unit;value_variable_code;
// value_variable_label", one row per value variable).
type flatLayout struct {
	code, label, time int
	vars              []flatVar
	value, valueLabel int         // new format; -1 in the old one
	values            []flatValue // old format
}

type flatVar struct{ code, attrCode, attrLabel int }

type flatValue struct {
	col   int
	label string
}

// regionVariables are the GENESIS variables whose attributes are regions.
var regionVariables = map[string]bool{
	"DINSG": true, "DLAND": true, "REGBEZ": true, "KREISE": true, "GEMEIN": true, "GEMVB": true,
}

func flatColumns(header record) (flatLayout, error) {
	idx := map[string]int{}
	for i, c := range header.cells {
		idx[strings.ToLower(strings.TrimSpace(c))] = i
	}
	col := func(name string) int {
		if i, ok := idx[strings.ToLower(name)]; ok {
			return i
		}
		return -1
	}
	l := flatLayout{value: -1, valueLabel: -1}
	old := col("Statistik_Code") >= 0
	if old {
		l.code, l.label, l.time = col("Statistik_Code"), col("Statistik_Label"), col("Zeit")
	} else {
		l.code, l.label, l.time = col("statistics_code"), col("statistics_label"), col("time")
		l.value, l.valueLabel = col("value"), col("value_variable_label")
	}
	for n := 1; ; n++ {
		v := flatVar{col(fmt.Sprintf("%d_variable_code", n)), col(fmt.Sprintf("%d_variable_attribute_code", n)), col(fmt.Sprintf("%d_variable_attribute_label", n))}
		if old {
			v = flatVar{col(fmt.Sprintf("%d_Merkmal_Code", n)), col(fmt.Sprintf("%d_Auspraegung_Code", n)), col(fmt.Sprintf("%d_Auspraegung_Label", n))}
		}
		if v.code < 0 || v.attrCode < 0 || v.attrLabel < 0 {
			break
		}
		l.vars = append(l.vars, v)
	}
	if old {
		// "BEVSTD__Bevoelkerungsstand__Anzahl": code, label, unit.
		for i, c := range header.cells {
			if parts := strings.Split(strings.TrimSpace(c), "__"); len(parts) >= 2 && parts[1] != "" {
				l.values = append(l.values, flatValue{i, parts[1]})
			}
		}
	}
	if l.time < 0 || len(l.vars) == 0 || l.value < 0 && len(l.values) == 0 {
		return l, store.Invalid("Die GENESIS-Flat-Datei hat nicht die erwarteten Spalten (Zeit, Merkmale und Werte).")
	}
	return l, nil
}

func parseFlat(t *Table, recs []record) error {
	l, err := flatColumns(recs[0])
	if err != nil {
		return err
	}
	// One value per line in the new format, one per filled value column
	// in the old: enough room for all, so that Rows never grows by
	// copying, and none for the empty cells of a wide table.
	n := len(recs) - 1
	if l.value < 0 {
		n = 0
		for _, r := range recs[1:] {
			for _, v := range l.values {
				if v.col < len(r.cells) && r.cells[v.col] != "" {
					n++
				}
			}
		}
	}
	t.Rows = make([]Row, 0, n)
	var names textCache
	var features []string
	for _, r := range recs[1:] {
		if emptyRecord(r) {
			continue
		}
		if t.TableCode == "" {
			t.TableCode, t.Title = r.cell(l.code), r.cell(l.label)
		}
		var key, name string
		key, name, features = l.region(r, features[:0])
		if key == "" {
			t.problem(r.line, "Die Zeile nennt keine Region und wurde übersprungen.")
			continue
		}
		if l.value >= 0 {
			t.flatCell(r, l.value, key, name, r.cell(l.time), names.join(r.cell(l.valueLabel), features))
			continue
		}
		for _, v := range l.values {
			t.flatCell(r, v.col, key, name, r.cell(l.time), names.join(v.label, features))
		}
	}
	return nil
}

// region finds the variable that holds the region and appends the
// others' attribute labels ("Insgesamt", "weiblich"), the column's
// features, to fs.
func (l flatLayout) region(r record, fs []string) (key, name string, features []string) {
	at := -1
	for i, v := range l.vars {
		if code := r.cell(v.attrCode); regionVariables[r.cell(v.code)] && isRegionKey(code) {
			at = i
			break
		}
	}
	if at < 0 {
		// A region variable this list does not know yet: its attribute
		// codes are Gemeindeschlüssel, which no other variable uses.
		for i, v := range l.vars {
			if code := r.cell(v.attrCode); isRegionKey(code) && strings.Trim(code, "0123456789") == "" {
				at = i
				break
			}
		}
	}
	for i, v := range l.vars {
		if i == at {
			key, name = r.cell(v.attrCode), r.cell(v.attrLabel)
		} else if lab := r.cell(v.attrLabel); lab != "" {
			fs = append(fs, lab)
		}
	}
	return key, name, fs
}

func (t *Table) flatCell(r record, col int, key, name, period, column string) {
	raw := r.cell(col)
	if raw == "" {
		t.problem(r.line, "Bei %s fehlt der Wert für „%s“.", name, shortText(column))
		return
	}
	c, ok := parseCell(raw)
	if !ok {
		t.problem(r.line, "„%s“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik und wurde übersprungen.", shortText(raw))
		return
	}
	if column == "" {
		column = fmt.Sprintf("Spalte %d", col+1)
	}
	row := t.newRow()
	row.RegionKey, row.RegionName, row.Period, row.Column, row.Raw = key, name, period, column, raw
	row.Number, row.Symbol, row.HasNumber, row.Line = c.num, c.sym, c.hasNum, r.line
}

func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "; ")
}
