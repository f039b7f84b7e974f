package store_test

import (
	"fmt"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

func TestDiffValues(t *testing.T) {
	val := func(period, group string, n float64) store.Value {
		return store.Value{BaseFigure: "BEV", Period: store.Period(period), Area: "stadt", Group: group, Number: n, Source: "IT.NRW", AsOf: "2025-01-01"}
	}
	with := func(v store.Value, change func(*store.Value)) store.Value {
		change(&v)
		return v
	}
	a, b, c := val("2023", "insgesamt", 100), val("2024", "insgesamt", 110), val("2024", "deutsche", 90)
	// want lists "kind key" per entry, in the order DiffValues returns them.
	tests := []struct {
		name               string
		stored, incoming   []store.Value
		want               []string
		wantStoredNumbers  []float64 // of entries with Stored, in order
		wantIncomingNumber []float64 // of entries with Incoming, in order
	}{
		{"BothEmpty", nil, nil, nil, nil, nil},
		{"AllNew", nil, []store.Value{b, a}, []string{"new 2024/insgesamt", "new 2023/insgesamt"}, nil, []float64{110, 100}},
		{"AllRemoved", []store.Value{a, b}, nil, []string{"removed 2023/insgesamt", "removed 2024/insgesamt"}, []float64{100, 110}, nil},
		{"Unchanged", []store.Value{a}, []store.Value{a}, []string{"unchanged 2023/insgesamt"}, []float64{100}, []float64{100}},
		{"WhoAndWhenDoNotCount", []store.Value{a}, []store.Value{with(a, func(v *store.Value) { v.ID, v.Origin, v.EnteredBy = 7, "Import: x.csv", "jemand" })},
			[]string{"unchanged 2023/insgesamt"}, []float64{100}, []float64{100}},
		{"NumberChanged", []store.Value{a}, []store.Value{val("2023", "insgesamt", 101)}, []string{"changed 2023/insgesamt"}, []float64{100}, []float64{101}},
		{"SymbolInsteadOfNumber", []store.Value{a}, []store.Value{with(a, func(v *store.Value) { v.Number, v.Symbol = 0, store.SymUnknown })},
			[]string{"changed 2023/insgesamt"}, []float64{100}, []float64{0}},
		{"AsOfChanged", []store.Value{a}, []store.Value{with(a, func(v *store.Value) { v.AsOf = "2025-06-30" })}, []string{"changed 2023/insgesamt"}, []float64{100}, []float64{100}},
		{"FlagChanged", []store.Value{a}, []store.Value{with(a, func(v *store.Value) { v.Provisional = true })}, []string{"changed 2023/insgesamt"}, []float64{100}, []float64{100}},
		{"GroupIsPartOfKey", []store.Value{b}, []store.Value{c}, []string{"new 2024/deutsche", "removed 2024/insgesamt"}, []float64{110}, []float64{90}},
		{"IncomingOrderThenStoredOnly", []store.Value{c, a, b}, []store.Value{b, val("2025", "insgesamt", 120)},
			[]string{"unchanged 2024/insgesamt", "new 2025/insgesamt", "removed 2024/deutsche", "removed 2023/insgesamt"}, []float64{110, 90, 100}, []float64{110, 120}},
		{"LastOfRepeatedIncomingCounts", []store.Value{a}, []store.Value{val("2023", "insgesamt", 5), a},
			[]string{"unchanged 2023/insgesamt"}, []float64{100}, []float64{100}},
	}
	kinds := map[store.DiffKind]string{store.DiffNew: "new", store.DiffChanged: "changed", store.DiffUnchanged: "unchanged", store.DiffRemoved: "removed"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := store.DiffValues(tt.stored, tt.incoming)
			var entries []string
			var storedNums, incomingNums []float64
			for _, d := range got {
				entries = append(entries, fmt.Sprintf("%s %s/%s", kinds[d.Kind], d.Period, d.Group))
				if (d.Stored == nil) != (d.Kind == store.DiffNew) || (d.Incoming == nil) != (d.Kind == store.DiffRemoved) {
					t.Errorf("%s: stored %v, incoming %v", entries[len(entries)-1], d.Stored, d.Incoming)
				}
				for _, v := range []*store.Value{d.Stored, d.Incoming} {
					if v != nil && v.Key() != d.ValueKey {
						t.Errorf("%s: value %+v under key %+v", entries[len(entries)-1], *v, d.ValueKey)
					}
				}
				if d.Stored != nil {
					storedNums = append(storedNums, d.Stored.Number)
				}
				if d.Incoming != nil {
					incomingNums = append(incomingNums, d.Incoming.Number)
				}
			}
			if fmt.Sprint(entries) != fmt.Sprint(tt.want) {
				t.Errorf("entries %q, want %q", entries, tt.want)
			}
			if fmt.Sprint(storedNums) != fmt.Sprint(tt.wantStoredNumbers) || fmt.Sprint(incomingNums) != fmt.Sprint(tt.wantIncomingNumber) {
				t.Errorf("stored numbers %v, incoming %v; want %v, %v", storedNums, incomingNums, tt.wantStoredNumbers, tt.wantIncomingNumber)
			}
		})
	}
}
