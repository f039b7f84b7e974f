package pdf

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Edition gives another edition of a report (the accessible HTML
// edition) the PDF's outline, sheets and annex texts, built by the same
// code from the same evaluation, so that both editions number, say and
// hide the same things.
type Edition struct {
	d *pdfDoc
}

// NewEdition prepares the parts of the report of e with the report
// year's texts and, when not nil, the changes since the last report.
func NewEdition(e *report.Evaluation, texts *store.ReportTexts, changes *report.Changes) *Edition {
	if texts == nil {
		texts = &store.ReportTexts{}
	}
	in := &reportInput{e: e, cat: e.Catalog, texts: texts}
	in.outline = buildOutline(e.Catalog, texts, changes)
	in.outline.addFindings(e)
	return &Edition{d: &pdfDoc{in: in}}
}

// OutlineEntry is a numbered heading of the report; Level 0 is a
// chapter, 1 a section. The front matter ("Das Wichtigste in Kürze") has
// no number.
type OutlineEntry struct {
	ID, Num, Title string
	Level          int
}

// Outline is the report's table of contents, in order.
func (x *Edition) Outline() []OutlineEntry {
	var out []OutlineEntry
	for _, e := range x.d.in.outline.entries {
		out = append(out, OutlineEntry{ID: e.id, Num: e.num, Title: e.title, Level: e.level})
	}
	return out
}

// Sheet is what a Kennzahl's sheet prints, in the Wiesbaden order.
type Sheet struct {
	// Intro holds Definition, Relevanz, Datenquelle and the
	// Operationalisierung des Migrationshintergrunds.
	Intro Table
	// HasValues is false for a Kennzahl without values up to the report
	// year: the sheet has NoValues instead of table, chart and assessment.
	HasValues bool
	NoValues  string
	// Values is the table of the published values, Chart their chart and
	// Result the published result (assessment and sentence): a point
	// resting on a hidden count is "." and used nowhere.
	Values Table
	Chart  chart.Spec
	Result report.Result
	// Commentary is her Einordnung, "" when she wrote none.
	Commentary string
	// Details are the Methodische Hinweise, Base the delivered
	// Grundzahlen.
	Details Table
	Base    []Table
}

// KeyFigureSheet is the sheet of Kennzahl k.
func (x *Edition) KeyFigureSheet(k store.KeyFigure) Sheet {
	d := x.d
	e := d.in.e
	kr := d.in.keyFigure(k.Code)
	g := e.ReportGrid(k.Code)
	s := Sheet{Intro: exportTable(d.sheetIntro(k, g)), Details: exportTable(d.detailsTable(k, g))}
	if len(kr.Recent) == 0 {
		s.NoValues = NoValuesText(k.Code, e.Year)
		return s
	}
	r := kr.Published
	periods, note := kr.TableSpan(e.Year)
	t := seriesTable(r, periods)
	t.note = strings.TrimSpace(note + " " + t.note)
	s.HasValues, s.Values, s.Chart, s.Result = true, exportTable(t), chart.SpecFor(r, e.Demo), r
	s.Commentary = strings.TrimSpace(e.Commentary[k.Code])
	for _, t := range d.baseTables(g) {
		s.Base = append(s.Base, exportTable(t))
	}
	return s
}

// NoValuesText explains the "Noch keine Werte" block of a Kennzahl.
func NoValuesText(code string, year int) string {
	return fmt.Sprintf("Für %s liegen bis %d keine Werte vor; Tabelle und Grafik folgen mit der ersten Lieferung.", code, year)
}

// Annex is the text of the appendix sections.
type Annex struct {
	// Sources are the concept's data sources, ValueSources those the
	// values name (no rows when none).
	Sources, ValueSources Table
	Responsibilities      Table
	// Method and Levels explain the assessment, Secrecy the disclosure
	// control (the subsection "Geheimhaltung").
	Method  []string
	Levels  Table
	Secrecy []string
	// Symbols is the Zeichenerklärung, SymbolsNote the line below it.
	Symbols     Table
	SymbolsNote string
	// ConceptIntro, Concept (the changed notes in their 2011/12 wording)
	// and ConceptUnchanged (printed instead of an empty Concept).
	ConceptIntro, ConceptUnchanged string
	Concept                        Table
}

// Annex is the appendix of the report.
func (x *Edition) Annex() Annex {
	d := x.d
	src, vals := d.sourceTables()
	return Annex{
		Sources: exportTable(src), ValueSources: exportTable(vals),
		Responsibilities: exportTable(d.responsibilitiesTable()),
		Method:           methodParagraphs, Levels: exportTable(levelsTable()),
		Secrecy: secrecyParagraphs(d.in.e.SmallCount),
		Symbols: exportTable(symbolsTable(d.in.e.SmallCount)), SymbolsNote: symbolsNote,
		ConceptIntro: conceptIntro, ConceptUnchanged: conceptUnchanged, Concept: exportTable(d.conceptTable()),
	}
}

// Note is the printed wording of a catalogue note (store.Note*).
func (x *Edition) Note(code, field string) string { return x.d.in.note(code, field) }
