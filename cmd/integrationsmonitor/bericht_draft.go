package main

import (
	"fmt"
	"io"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// draftWarnLines is how many missing deliveries the console names.
const draftWarnLines = 10

// warnDraft tells on the console that the report just written is an
// Entwurf and what it lacks, as its title page does.
func warnDraft(stderr io.Writer, in *store.EditionInputs) {
	e := report.Evaluate(report.InputOf(in))
	if !e.Draft {
		return
	}
	fmt.Fprintf(stderr, "Achtung: Der Bericht ist ein Entwurf – für %d fehlt noch, ganz oder teilweise (%d):\n", e.Year, len(e.Missing))
	for i, m := range e.Missing {
		if i == draftWarnLines {
			fmt.Fprintf(stderr, "  … und %d weitere (Liste im Bericht unter „Das Wichtigste in Kürze“)\n", len(e.Missing)-draftWarnLines)
			break
		}
		fmt.Fprintln(stderr, "  – "+m.Text())
	}
}
