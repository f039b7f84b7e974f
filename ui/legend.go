package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// assessmentLegend explains the signs and abbreviations of the Übersicht,
// in the order of the Bewertung from best to worst.
func assessmentLegend() string {
	levels := []report.AssessmentLevel{report.GoalReached, report.TowardGoal, report.NoChange,
		report.AgainstGoal, report.TooLittleData, report.NotAssessable}
	var parts []string
	for _, l := range levels {
		parts = append(parts, l.Symbol()+" "+l.Label())
	}
	return "Bewertung: " + strings.Join(parts, ", ") + "\nPp. = Prozentpunkte; " +
		report.NotComputable + " nicht berechenbar"
}

// valueLegend explains the marks and the official symbols (DIN 55301) a
// stored value may carry, in the words of the Zeichenerklärung.
func valueLegend() string {
	parts := []string{strings.TrimSpace(report.ProvisionalMark) + " vorläufig",
		strings.TrimSpace(report.EstimatedMark) + " geschätzt"}
	for _, s := range store.Symbols() {
		parts = append(parts, string(s)+" "+s.Meaning())
	}
	// Two signs a line: a wrapped label in a scrolling panel is measured
	// before its width is known, so short lines are never cut off.
	var lines []string
	for i := 0; i < len(parts); i += 2 {
		lines = append(lines, strings.Join(parts[i:min(i+2, len(parts))], "; "))
	}
	return "Zeichen: " + strings.Join(lines, "\n")
}

// legendLabel shows a legend line in small print below its table; it
// wraps, since a cut legend would explain nothing.
func legendLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}
