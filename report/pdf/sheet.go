package pdf

import (
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// sheetIntro is the head of a Kennzahl sheet: what it states and
// measures, which goals it serves, where its numbers come from and how
// Migrationshintergrund is captured.
func (d *pdfDoc) sheetIntro(k store.KeyFigure, g report.Grid) table {
	t := table{cols: []column{{width: 46}, {width: 124}}, noHeader: true, size: sizeSmall}
	add := func(label, value string) {
		if v := strings.TrimSpace(value); v != "" {
			t.rows = append(t.rows, row{cells: []string{label, v}})
		}
	}
	add("Definition", strings.TrimSpace(k.Statement)+"\nGemessen: "+report.MeasureLabel(k))
	add("Relevanz", d.relevance(k))
	source := k.SourceText
	if len(g.Facts.Sources) > 0 {
		source = strings.TrimSpace(source + "\nAngaben zu den Werten: " + strings.Join(g.Facts.Sources, "; "))
	}
	add("Datenquelle", source)
	add("Operationalisierung des Migrations\u00adhintergrunds", d.in.note(k.Code, store.NoteMigration))
	return t
}

// relevance names the Handlungsfeld whose goals the Kennzahl serves and
// where the report lists them.
func (d *pdfDoc) relevance(k store.KeyFigure) string {
	for _, f := range d.in.cat.Fields {
		for _, kf := range f.KeyFigures {
			if kf.Code != k.Code {
				continue
			}
			var codes []string
			for _, g := range f.Goals {
				codes = append(codes, g.Code)
			}
			s := "Handlungsfeld " + f.Code + " – " + f.Title
			if len(codes) > 0 {
				e := d.in.outline.entry(goalsID(f.Code))
				s += "; Ziele " + strings.Join(codes, ", ") + " (Abschnitt " + e.num + " „" + e.title + "“)"
			}
			return s
		}
	}
	return ""
}
