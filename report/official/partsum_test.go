package official_test

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

// TestMapRowsSumsParts: a mapping with Parts adds its columns up; a part
// withheld makes the sum "."; a period missing a part yields no value.
func TestMapRowsSumsParts(t *testing.T) {
	row := func(period, col, raw string, n float64, sym store.Symbol) official.Row {
		return official.Row{RegionKey: "05378", Period: period, Column: col, Raw: raw, Number: n, Symbol: sym, HasNumber: sym == store.NoSymbol}
	}
	tab := &official.Table{Rows: []official.Row{
		row("31.12.2023", "A", "10", 10, ""), row("31.12.2023", "B", "5", 5, ""),
		row("31.12.2024", "A", "11", 11, ""), row("31.12.2024", "B", ".", 0, store.SymUnknown),
		row("31.12.2025", "A", "12", 12, ""),
	}}
	got, problems := official.MapRows(tab, []official.Mapping{{BaseFigure: "BEV1565", Group: "insgesamt", Area: "kreis", RegionKey: "05378", Column: "A+B", Parts: []string{"A", "B"}}}, store.DatePeriod)
	if len(problems) > 0 {
		t.Errorf("problems: %q", problems)
	}
	if len(got) != 2 {
		t.Fatalf("values %+v, want 2023 and 2024", got)
	}
	if got[0].Period != "2023-12-31" || got[0].Number != 15 || got[0].Symbol != store.NoSymbol {
		t.Errorf("2023 = %+v, want 15", got[0])
	}
	if got[1].Period != "2024-12-31" || got[1].Symbol != store.SymUnknown {
		t.Errorf("2024 = %+v, want „.“", got[1])
	}
}
