package ui

import (
	"context"
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// maxFindingLines is how many plausibility findings the import summary
// lists; `integrationsmonitor pruefen` lists all.
const maxFindingLines = 10

// plausibility checks the planned values against the stored ones
// (report.CheckCandidates) and returns the summary lines of the findings.
// They are warnings: the import still stores the values.
func (w *importWizard) plausibility(stored []store.Value) []string {
	w.findings = nil
	if w.plan == nil || len(w.plan.Values) == 0 {
		return nil
	}
	// An invalid setting was shown when the file was opened; its default
	// stands in (store.Settings).
	set, _ := w.u.st.Settings(context.Background())
	fs := report.CheckCandidates(&store.Snapshot{Catalog: w.u.cat, Values: stored}, w.plan.Values, set.ChangeFactor)
	if len(fs) == 0 {
		return nil
	}
	lines := []string{findingsCount(len(fs)) + " zu den eingelesenen Werten (Warnungen; die Werte werden trotzdem übernommen):"}
	for i, f := range fs {
		if i == maxFindingLines {
			lines = append(lines, fmt.Sprintf("… und %d weitere (alle listet „integrationsmonitor pruefen“)", len(fs)-maxFindingLines))
			break
		}
		where := []string{f.BaseFigureName, f.PeriodLabel(), f.AreaName, f.GroupName}
		if f.KeyFigure != "" { // the population belongs to no Kennzahl
			where = append([]string{f.KeyFigure}, where...)
		}
		lines = append(lines, "• "+strings.Join(where, ", ")+": "+f.Text)
	}
	w.findings = lines
	return lines
}

// findingsCount is "1 Plausibilitätshinweis" or "3 Plausibilitätshinweise".
func findingsCount(n int) string {
	if n == 1 {
		return "1 Plausibilitätshinweis"
	}
	return report.FormatCount(n) + " Plausibilitätshinweise"
}

// findingsNote repeats the findings in the closing message, so that
// they are still in view once the values are stored.
func (w *importWizard) findingsNote() string {
	if len(w.findings) == 0 {
		return ""
	}
	return "\n\n" + strings.Join(w.findings, "\n")
}
