package pdf

import (
	"fmt"

	"bergischgladbach.de/integrationsmonitor/report"
)

// idFindings is the appendix section of the open plausibility findings;
// it exists only when there are any, so that a clean file's report does
// not carry an empty section.
const idFindings = "anhang-plausibilitaet"

// addFindings numbers the section "Plausibilitätshinweise" after the last
// section of the appendix when e has open findings.
func (o *outline) addFindings(e *report.Evaluation) {
	if len(e.Findings) == 0 {
		return
	}
	i := o.byID[idAppendix]
	n := 0
	for _, x := range o.entries[i+1:] {
		if x.level == 0 {
			break
		}
		if x.level == 1 {
			n++
		}
	}
	o.add(idFindings, fmt.Sprintf("%s.%d", o.entries[i].num, n+1), "Plausibilitätshinweise", 1)
}

// findings prints the open plausibility findings: the report says so
// when values it rests on are questioned and not yet cleared.
func (d *pdfDoc) findings() {
	fs := d.in.e.Findings
	if _, ok := d.in.outline.byID[idFindings]; !ok || len(fs) == 0 {
		return
	}
	d.heading(idFindings, keepAfter)
	d.text(FindingsIntro(len(fs)), bodyText)
	t := table{cols: []column{
		{title: "Kennzahl", width: 15},
		{title: "Grundzahl", width: 31},
		{title: "Erhebungszeit", width: 26},
		{title: "Bezirk", width: 24},
		{title: "Gruppe", width: 22},
		{title: "Hinweis", width: 52},
	}}
	for _, f := range fs {
		t.rows = append(t.rows, row{cells: []string{f.KeyFigure, f.BaseFigureName, f.PeriodLabel(), f.AreaName, f.GroupName, d.in.e.PublishedFindingText(f)}})
	}
	d.table(t)
}
