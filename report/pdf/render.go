package pdf

import (
	"io"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// OptionsFor are the options of a report printed from in: its title,
// author and Stand, in the given fonts.
func OptionsFor(in *store.EditionInputs, fonts Fonts) Options {
	return Options{Title: in.Title, Author: in.Author, Created: in.Created, Fonts: fonts}
}

// Render evaluates in and writes its Monitoring-Bericht; with prev (the
// inputs of the last frozen report before it) it adds the chapter
// "Änderungen seit dem Bericht J". Freezing, reprinting and printing all
// go through here, so that a frozen report's first print and every
// reprint are made by the same steps from the same inputs.
func Render(w io.Writer, in, prev *store.EditionInputs, opt Options) (pages int, err error) {
	e := report.Evaluate(report.InputOf(in))
	if prev != nil {
		ch := report.ChangesSince(report.Evaluate(report.InputOf(prev)), e)
		opt.Changes = &ch
	}
	return Write(w, e, &in.Texts, opt)
}
