package report

import (
	"cmp"
	"slices"

	"bergischgladbach.de/integrationsmonitor/store"
)

// RegionSeries is a Kennzahl's headline series computed for a comparison
// region (Kreis, Agenturbezirk, Land, Bund) from the Grundzahlen the file
// holds for that region. It is shown beside the city's lines and never
// assessed: the Zielrichtung speaks of the city.
type RegionSeries struct {
	Area store.Area
	// Short is the region in a few words for a chart title: "Kreis",
	// "NRW".
	Short string
	// SeriesResult's Label names the region for a legend or a table
	// column: "Rheinisch-Bergischer Kreis", with the series label in
	// brackets when the Kennzahl has several series.
	SeriesResult
}

// comparisonKinds are the area kinds a Kennzahl of the city is compared
// with, in the order a reader looks outward.
var comparisonKinds = []string{"kreis", "agentur", "land", "bund"}

// regionShort is the short name of a comparison region.
func regionShort(a store.Area) string {
	switch {
	case a.Code == "nrw" || a.Key == "05":
		return "NRW"
	case a.Kind == "kreis":
		return "Kreis"
	case a.Kind == "agentur":
		return "Agenturbezirk"
	case a.Kind == "bund":
		return "Deutschland"
	}
	return a.Name
}

// withRegions adds to r the comparison regions of its Kennzahl for which
// the file holds at least one computable value.
func (c *computation) withRegions(r Result) Result {
	r.Regions = c.regions(r.KeyFigure, &r.Demo)
	return r
}

// regions computes k's headline series for every comparison region other
// than k's own area; demo is set when a shown value is Beispieldaten.
func (c *computation) regions(k store.KeyFigure, demo *bool) []RegionSeries {
	if len(k.Series) == 0 {
		return nil
	}
	own := cmp.Or(k.Area, defaultArea)
	local := map[string]store.BaseFigure{}
	for _, b := range k.BaseFigures {
		local[b.Alias] = b
	}
	areas := slices.Clone(c.cat.Areas)
	slices.SortStableFunc(areas, func(a, b store.Area) int {
		return cmp.Compare(slices.Index(comparisonKinds, a.Kind), slices.Index(comparisonKinds, b.Kind))
	})
	var out []RegionSeries
	for _, a := range areas {
		if a.Code == own || !slices.Contains(comparisonKinds, a.Kind) {
			continue
		}
		// A fresh formula per region: its environment is refilled per point.
		f := c.compile(k.Series[0].Formula, local)
		periods := c.periods(k, a.Code, []*formula{f})
		if len(periods) == 0 {
			continue
		}
		var d bool
		pts := c.evaluate(f, a.Code, periods, &d)
		if !slices.ContainsFunc(pts, func(p Point) bool { return p.OK }) {
			continue
		}
		*demo = *demo || d
		label := a.Name
		if len(k.Series) > 1 {
			label += " (" + k.Series[0].Label + ")"
		}
		out = append(out, RegionSeries{Area: a, Short: regionShort(a), SeriesResult: SeriesResult{Label: label, Points: pts}})
	}
	return out
}
