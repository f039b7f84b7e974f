package pdf

import (
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// breakNote adds the footnotes of the breaks a table marks ("| 2011") to
// its note, each as a sentence.
func breakNote(note string, periods []store.Period, marks map[store.Period]report.Break) string {
	lines := report.BreakNotes(periods, marks)
	if len(lines) == 0 {
		return note
	}
	parts := []string{}
	if note != "" {
		parts = append(parts, note)
	}
	for _, l := range lines {
		parts = append(parts, fullStop(l))
	}
	return strings.Join(parts, " ")
}
