package report_test

import (
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
)

// A Kennzahl value computed from a small count is "." in the published
// result: in the table, the Übersicht, the sentence and the chart; the
// window's result keeps it.
func TestPublishedKeyFigureHidesPointOfSmallCount(t *testing.T) {
	v := func(bf, period, group string, n float64) store.Value {
		return store.Value{BaseFigure: bf, Period: store.Period(period), Area: "stadt", Group: group, Number: n}
	}
	var vals []store.Value
	for i, p := range []string{"2021-H2", "2022-H2", "2023-H2", "2024-H2"} {
		unemployed := 900.0 + float64(i)*10
		if p == "2024-H2" {
			unemployed = 2 // the hidden count
		}
		vals = append(vals,
			v("A-K1-G1", p, "auslaender", unemployed), v("A-K1-G2", p, "auslaender", 7000),
			v("A-K1-G1", p, "deutsche", 3000), v("A-K1-G2", p, "deutsche", 40000))
	}
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: realCatalog(t), Values: vals}, Year: 2024})
	kr, _ := e.KeyFigure("A-K1")
	internal, published := kr.Result.Series[0].Points, kr.Published.Series[0].Points
	last := len(published) - 1
	if !internal[last].OK || !published[last].Suppressed || published[last].OK {
		t.Fatalf("2024: internal %+v, published %+v", internal[last], published[last])
	}
	hidden := report.FormatPercent(internal[last].Value, 1)
	if kr.LatestText != "." || e.Overview[0].Latest != "." || kr.Latest.Period != "2024-H2" {
		t.Errorf("Übersicht: latest %q (%q) of %s", kr.LatestText, e.Overview[0].Latest, kr.Latest.Period)
	}
	if strings.Contains(kr.Published.Sentence, hidden) || strings.Contains(kr.Published.Assessment.Text, hidden) {
		t.Errorf("published sentence names the hidden %s: %s %s", hidden, kr.Published.Sentence, kr.Published.Assessment.Text)
	}
	if !strings.Contains(kr.Result.Sentence, hidden) {
		t.Errorf("the window's sentence lacks %s: %s", hidden, kr.Result.Sentence)
	}
	for _, s := range chart.SpecFor(kr.Published, false).Series {
		for _, p := range s.Points {
			if p.Period == "2024-H2" && s.Label == "Ausländer/innen" && p.OK {
				t.Errorf("the chart plots the hidden point: %+v", p) // only OK points are drawn
			}
		}
	}
	// Deutsche rests on published counts only and stays.
	if d := kr.Published.Series[1].Points; !d[len(d)-1].OK {
		t.Errorf("Deutsche 2024 hidden: %+v", d[len(d)-1])
	}
	if why := e.PointHidden("A-K1", 0, "2024-H2"); why != report.WhyDerived {
		t.Errorf("why %q", why)
	}
}
