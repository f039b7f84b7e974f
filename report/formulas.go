package report

import "bergischgladbach.de/integrationsmonitor/store"

// formulaTexts are the formulas of k's series and, last, of its
// reference: everything k's figures read.
func formulaTexts(k store.KeyFigure) []string {
	out := make([]string, 0, len(k.Series)+1)
	for _, s := range k.Series {
		out = append(out, s.Formula)
	}
	if k.Reference != nil {
		out = append(out, k.Reference.Formula)
	}
	return out
}
