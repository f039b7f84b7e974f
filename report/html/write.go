package html

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"time"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Options are the choices of one HTML edition; they mean what the PDF's
// options of the same name mean.
type Options struct {
	Title     string
	Author    string
	Created   time.Time
	Deviation string
	Changes   *report.Changes
}

// OptionsFor are the options of a report made from in.
func OptionsFor(in *store.EditionInputs) Options {
	return Options{Title: in.Title, Author: in.Author, Created: in.Created}
}

// Render evaluates in and writes its HTML edition; with prev it lists the
// changes since that report, as pdf.Render does.
func Render(w io.Writer, in, prev *store.EditionInputs, opt Options) error {
	e := report.Evaluate(report.InputOf(in))
	if prev != nil {
		ch := report.ChangesSince(report.Evaluate(report.InputOf(prev)), e)
		opt.Changes = &ch
	}
	return Write(w, e, &in.Texts, opt)
}

// Write writes the HTML edition of evaluation e with the report year's
// texts to w.
func Write(w io.Writer, e *report.Evaluation, texts *store.ReportTexts, opt Options) error {
	if e == nil || e.Catalog == nil {
		return errors.New("html: evaluation without catalogue")
	}
	if texts == nil {
		texts = &store.ReportTexts{}
	}
	opt.Title = cmp.Or(opt.Title, texts.Settings.Title, store.DefaultReportTitle(e.Year))
	opt.Author = cmp.Or(opt.Author, texts.Settings.Author, store.DefaultReportAuthor)
	if opt.Created.IsZero() {
		opt.Created = time.Date(e.Year+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	bw := bufio.NewWriter(w)
	d := &doc{w: bw, e: e, texts: texts, opt: opt, x: pdf.NewEdition(e, texts, opt.Changes)}
	d.toc = d.x.Outline()
	d.document()
	if d.err != nil {
		return d.err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("html: write: %w", err)
	}
	return nil
}

// doc is one HTML edition being written.
type doc struct {
	w     *bufio.Writer
	e     *report.Evaluation
	texts *store.ReportTexts
	opt   Options
	// x builds the parts the PDF prints (outline, sheets, annex), so
	// that both editions number, say and hide the same things.
	x   *pdf.Edition
	toc []pdf.OutlineEntry
	err error // the first chart that failed, or a heading missing from the outline
}

// esc escapes text for an element or an attribute.
func esc(s string) string { return html.EscapeString(s) }

func (d *doc) printf(format string, args ...any) { fmt.Fprintf(d.w, format, args...) }

// heading opens the section of outline entry id with its h2 or h3.
// The outline is the PDF's, so a heading it lacks is a programming
// error; it fails the edition rather than printing an unnumbered one.
func (d *doc) heading(id string) {
	i := slices.IndexFunc(d.toc, func(t pdf.OutlineEntry) bool { return t.ID == id })
	if i < 0 {
		d.fail(fmt.Errorf("html: no outline entry %q", id))
		d.printf("<section>\n")
		return
	}
	t := d.toc[i]
	h := 2 + t.Level
	d.printf("<section id=\"%s\" aria-labelledby=\"h-%s\">\n<h%d id=\"h-%s\">%s</h%d>\n", esc(id), esc(id), h, esc(id), esc(label(t)), h)
}

func label(t pdf.OutlineEntry) string { return strings.TrimSpace(t.Num + " " + t.Title) }

func (d *doc) end() { d.printf("</section>\n") }

// para writes stored text: an empty line separates paragraphs, a single
// line break stays one.
func (d *doc) para(s string) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	if s == "" {
		return
	}
	for _, p := range strings.Split(s, "\n\n") {
		lines := strings.Split(strings.TrimSpace(p), "\n")
		for i := range lines {
			lines[i] = esc(lines[i])
		}
		d.printf("<p>%s</p>\n", strings.Join(lines, "<br>\n"))
	}
}

func (d *doc) note(s string) { d.printf("<p class=\"note\">%s</p>\n", esc(s)) }

func (d *doc) document() {
	d.printf("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n")
	d.printf("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	d.printf("<meta name=\"author\" content=\"%s\">\n", esc(d.opt.Author))
	d.printf("<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", esc(d.opt.Title), css)
	d.printf("<a class=\"skip\" href=\"#inhalt\">Zum Inhalt springen</a>\n")
	d.titlePage()
	d.contents()
	d.printf("<main id=\"inhalt\">\n")
	d.keyMessages()
	d.introduction()
	d.overview()
	d.changes()
	for _, f := range d.e.Catalog.Fields {
		d.field(f)
	}
	if s := strings.TrimSpace(d.texts.Settings.Closing); s != "" {
		d.heading("schluss")
		d.para(s)
		d.end()
	}
	d.appendix()
	d.printf("</main>\n<footer><p>Stadt Bergisch Gladbach · Integrationsmonitoring · erstellt mit dem Integrationsmonitor</p></footer>\n</body>\n</html>\n")
}
func (d *doc) contents() {
	d.printf("<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">Inhaltsverzeichnis</h2>\n<ol class=\"toc\">\n")
	open := false
	for i, t := range d.toc {
		link := fmt.Sprintf("<a href=\"#%s\">%s</a>", esc(t.ID), esc(label(t)))
		switch {
		case i == 0:
			d.printf("<li>%s", link)
		case t.Level == 0 && open:
			d.printf("</ol></li>\n<li>%s", link)
			open = false
		case t.Level == 0:
			d.printf("</li>\n<li>%s", link)
		case !open:
			d.printf("<ol>\n<li>%s</li>\n", link)
			open = true
		default:
			d.printf("<li>%s</li>\n", link)
		}
	}
	if open {
		d.printf("</ol>")
	}
	d.printf("</li>\n</ol>\n</nav>\n")
}
func (d *doc) introduction() {
	d.heading("einleitung")
	foreword := strings.TrimSpace(d.texts.Settings.Foreword)
	if foreword == "" {
		foreword = fmt.Sprintf("Der Monitoring-Bericht %d zeigt, wie sich die Kennzahlen und Wirkungsindikatoren "+
			"des Integrationskonzepts der Stadt Bergisch Gladbach entwickelt haben. Für jede Kennzahl nennt er "+
			"die Werte der letzten Erhebungszeiten, zeigt ihre Entwicklung in einer Grafik und bewertet sie "+
			"gegen die Zielrichtung des Integrationskonzepts; das Verfahren ist im Anhang beschrieben. "+
			"Für die Wirkungsindikatoren folgen die Berichte, Instrumente und Befragungsergebnisse des Jahres.", d.e.Year)
	}
	d.para(foreword)
	d.end()
	d.heading("migration")
	m := d.texts.Migration
	if m == nil {
		d.para("Für dieses Berichtsjahr liegt noch keine Stellungnahme der Statistikdienststelle zur Zahl der " +
			"Einwohnerinnen und Einwohner mit Migrationshintergrund vor.")
	} else {
		d.para(m.Statement)
		t := d.x.Migration(m)
		t.Caption = "Schätzung der Statistikdienststelle"
		d.table(t)
	}
	d.end()
}

func (d *doc) overview() {
	d.heading("uebersicht")
	intro, keyFigures, indicators := d.x.Overview()
	d.para(intro)
	keyFigures.Caption = "Übersicht der Kennzahlen"
	d.table(keyFigures)
	d.table(indicators)
	d.end()
}
func (d *doc) changes() {
	c := d.opt.Changes
	if c == nil || len(c.Items) == 0 {
		return
	}
	d.heading("aenderungen")
	intro, t := d.x.Changes(c)
	d.para(intro)
	d.table(t)
	d.end()
}

func (d *doc) field(f store.Field) {
	d.heading("feld-" + f.Code)
	d.heading("ziele-" + f.Code)
	if len(f.Assumptions) > 0 {
		d.printf("<h4>Annahmen</h4>\n<ol>\n")
		for _, a := range f.Assumptions {
			d.printf("<li value=\"%d\">%s</li>\n", a.Num, esc(a.Text))
		}
		d.printf("</ol>\n")
	}
	goals := slices.Clone(f.Goals)
	slices.SortStableFunc(goals, func(a, b store.Goal) int { return cmp.Or(cmp.Compare(a.Rank, b.Rank), strings.Compare(a.Code, b.Code)) })
	if len(goals) > 0 {
		d.printf("<h4>Ziele nach Rang</h4>\n<p>Rang 1 bezeichnet die wichtigsten und dringlichsten Ziele.</p>\n<dl>\n")
		for _, g := range goals {
			d.printf("<dt>%s %s (Rang %d)</dt>\n<dd>%s</dd>\n", esc(g.Code), esc(g.Title), g.Rank, esc(g.Text))
		}
		d.printf("</dl>\n")
	}
	d.end()
	for _, k := range f.KeyFigures {
		d.keyFigure(k)
	}
	for _, w := range f.Indicators {
		d.indicator(w)
	}
	if notes := strings.TrimSpace(d.x.Note("feld-"+f.Code, store.NoteIndicators)); notes != "" {
		d.printf("<h4>Hinweise zu den Wirkungsindikatoren</h4>\n<ul>\n")
		for _, n := range strings.Split(notes, "\n") {
			if n = strings.TrimSpace(n); n != "" {
				d.printf("<li>%s</li>\n", esc(n))
			}
		}
		d.printf("</ul>\n")
	}
	d.end()
}

// keyFigure is the sheet of a Kennzahl in the PDF's (Wiesbaden) order,
// with the published result: a point resting on a hidden count is "."
// in the table and missing from the chart, its text alternative, the
// assessment and the sentence.
func (d *doc) keyFigure(k store.KeyFigure) {
	d.heading("kennzahl-" + k.Code)
	s := d.x.KeyFigureSheet(k)
	s.Intro.Caption = "Steckbrief der Kennzahl " + k.Code
	d.table(s.Intro)
	if !s.HasValues {
		d.printf("<div class=\"novalues\" role=\"note\"><p><strong>Noch keine Werte</strong></p><p>%s</p></div>\n", esc(s.NoValues))
	} else {
		d.table(s.Values)
		d.trendChart("chart-"+k.Code, s.Chart)
		a := s.Result.Assessment
		d.printf("<p><strong>Bewertung: %s %s</strong></p>\n", esc(a.Level.Shape()), esc(a.Level.Label()))
		d.para(s.Result.Sentence)
		if a.Text != "" {
			d.note(a.Text)
		}
		if s.Commentary != "" {
			d.printf("<h4>Einordnung</h4>\n")
			d.para(s.Commentary)
		}
	}
	d.printf("<h4>Methodische Hinweise</h4>\n")
	s.Details.Caption = "Methodische Hinweise zur Kennzahl " + k.Code
	d.table(s.Details)
	for _, t := range s.Base {
		d.table(t)
	}
	d.end()
}
