package ui

import (
	"context"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// plausibilityWarnings are the German sentences of the plausibility
// findings (report.CheckCandidates) v would bring into the file: a head
// count of 12,5, a part larger than its whole, a jump against the
// previous like period. They are warnings; she may save anyway. A file
// that cannot be read gives none here: the save itself will say why.
func (f *valueForm) plausibilityWarnings(v store.Value) []string {
	if f.u.st == nil || !v.HasNumber() {
		return nil
	}
	// A value the file refuses (a negative count) is refused by the save
	// with its reason; there is nothing to confirm.
	if bf, ok := f.selected(); !ok || v.Validate(bf) != nil {
		return nil
	}
	ctx := context.Background()
	snap, err := f.u.st.Snapshot(ctx, f.u.reportYear)
	if err != nil {
		return nil
	}
	// An invalid setting was shown when the file was opened; its default
	// stands in (store.Settings).
	set, _ := f.u.st.Settings(ctx)
	var out []string
	for _, fd := range report.CheckCandidates(snap, []store.Value{v}, set.ChangeFactor) {
		out = append(out, findingSentence(fd, v))
	}
	return out
}

// findingSentence is the rule of fd, led by the cell it is about when
// that is another than v's (the part when v is the whole, the later value
// when v is the earlier one).
func findingSentence(fd report.Finding, v store.Value) string {
	if fd.BaseFigure == v.BaseFigure && fd.Period == v.Period && fd.Area == v.Area && fd.Group == v.Group {
		return fd.Text
	}
	return fd.BaseFigureName + ", " + fd.PeriodLabel() + ", " + fd.GroupName + ": " + fd.Text
}
