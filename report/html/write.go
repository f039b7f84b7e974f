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
	"bergischgladbach.de/integrationsmonitor/report/chart"
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
	d := &doc{w: bw, e: e, texts: texts, opt: opt}
	d.outline()
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
	toc   []tocEntry
	num   map[string]string // id → chapter number
	err   error             // the first chart that failed
}

type tocEntry struct {
	id, num, title string
	level          int
}

// esc escapes text for an element or an attribute.
func esc(s string) string { return html.EscapeString(s) }

func (d *doc) printf(format string, args ...any) { fmt.Fprintf(d.w, format, args...) }

// outline numbers the chapters as the PDF does, so that a reference
// "Abschnitt 4.2" means the same in both editions.
func (d *doc) outline() {
	d.num = map[string]string{}
	n := 0
	chapter := func(id, title string) string {
		n++
		d.add(id, fmt.Sprint(n), title, 0)
		return fmt.Sprint(n)
	}
	chapter("einleitung", "Einleitung")
	chapter("migration", "Stellungnahme zum Migrationshintergrund")
	chapter("uebersicht", "Übersicht der Kennzahlen")
	if c := d.opt.Changes; c != nil && len(c.Items) > 0 {
		chapter("aenderungen", fmt.Sprintf("Änderungen seit dem Bericht %d", c.Year))
	}
	for _, f := range d.e.Catalog.Fields {
		c := chapter("feld-"+f.Code, fmt.Sprintf("Handlungsfeld %s: %s", f.Code, f.Title))
		s := 0
		section := func(id, title string) {
			s++
			d.add(id, fmt.Sprintf("%s.%d", c, s), title, 1)
		}
		section("ziele-"+f.Code, "Annahmen und Ziele")
		for _, k := range f.KeyFigures {
			section("kennzahl-"+k.Code, fmt.Sprintf("Kennzahl %s: %s", k.Code, strings.TrimSpace(k.Statement)))
		}
		for _, w := range f.Indicators {
			section("indikator-"+w.Code, fmt.Sprintf("Wirkungsindikator %s: %s", w.Code, strings.TrimSpace(w.Title)))
		}
	}
	if strings.TrimSpace(d.texts.Settings.Closing) != "" {
		chapter("schluss", "Schlussbemerkung")
	}
	c := chapter("anhang", "Anhang")
	for i, t := range []string{"Datenquellen", "Bewertungsverfahren", "Zeichenerklärung"} {
		d.add([]string{"anhang-quellen", "anhang-bewertung", "anhang-zeichen"}[i], fmt.Sprintf("%s.%d", c, i+1), t, 1)
	}
}

func (d *doc) add(id, num, title string, level int) {
	d.num[id] = num
	d.toc = append(d.toc, tocEntry{id: id, num: num, title: title, level: level})
}

// heading opens the section of outline entry id with its h2 or h3.
func (d *doc) heading(id string) {
	i := slices.IndexFunc(d.toc, func(t tocEntry) bool { return t.id == id })
	t := d.toc[i]
	h := 2 + t.level
	d.printf("<section id=\"%s\" aria-labelledby=\"h-%s\">\n<h%d id=\"h-%s\">%s %s</h%d>\n", esc(id), esc(id), h, esc(id), esc(t.num), esc(t.title), h)
}

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
	d.printf("<a class=\"skip\" href=\"#inhalt\">Zum Inhalt springen</a>\n<header>\n")
	if d.e.Demo {
		d.printf("<p class=\"stamp\" role=\"note\"><strong>Beispieldaten – keine echten Zahlen.</strong> Diese Datei enthält erfundene Beispieldaten zum Ausprobieren des Integrationsmonitors. Die Zahlen beschreiben nicht die Stadt Bergisch Gladbach und dürfen nicht veröffentlicht werden.</p>\n")
	}
	if d.opt.Deviation != "" {
		d.printf("<p class=\"stamp\" role=\"note\"><strong>%s</strong></p>\n", esc(d.opt.Deviation))
	}
	d.printf("<p>Stadt Bergisch Gladbach · Integrationskonzept – Integrationsmonitoring</p>\n")
	d.printf("<h1>%s</h1>\n", esc(d.opt.Title))
	d.printf("<p>Berichtsjahr %d · Stand: %s<br>%s</p>\n</header>\n", d.e.Year, esc(report.FormatDate(d.opt.Created)), esc(d.opt.Author))
	d.contents()
	d.printf("<main id=\"inhalt\">\n")
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
	for _, t := range d.toc {
		link := fmt.Sprintf("<a href=\"#%s\">%s %s</a>", esc(t.id), esc(t.num), esc(t.title))
		switch {
		case t.level == 0 && open:
			d.printf("</ol></li>\n<li>%s", link)
			open = false
		case t.level == 0:
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
			"gegen die Zielrichtung des Integrationskonzepts; das Verfahren ist im Anhang beschrieben.", d.e.Year)
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
		t := pdf.Table{Caption: "Schätzung der Statistikdienststelle", NoHeader: true}
		add := func(label, value string) {
			if strings.TrimSpace(value) != "" {
				t.Rows = append(t.Rows, pdf.TableRow{Cells: []string{label, value}})
			}
		}
		if m.ReferenceDate != "" {
			add("Stichtag", store.Period(m.ReferenceDate).Label())
		}
		if m.Persons != nil {
			add("Geschätzte Zahl", report.FormatNumber(*m.Persons, 0)+" Personen")
		}
		if m.Share != nil {
			add("Geschätzter Anteil", report.FormatPercent(*m.Share, 1)+" der Bevölkerung")
		}
		add("Verfahren", m.Method)
		add("Definition", m.Definition)
		d.table(t)
	}
	d.end()
}

func (d *doc) overview() {
	d.heading("uebersicht")
	d.para(fmt.Sprintf("Die Tabelle zeigt für jede Kennzahl den letzten Wert bis zum Berichtsjahr %d, "+
		"die Veränderung seit dem ersten bewerteten Wert und die Bewertung; Zeichen und Bewertung sind im Anhang erklärt.", d.e.Year))
	t := pdf.Table{Caption: "Übersicht der Kennzahlen", Columns: []string{"Kennzahl", "Aussage", "Aktueller Wert", "Veränderung", "Bewertung"},
		Numeric: []bool{false, false, true, true, false}}
	for _, f := range d.e.Catalog.Fields {
		t.Rows = append(t.Rows, pdf.TableRow{Cells: []string{fmt.Sprintf("Handlungsfeld %s – %s", f.Code, f.Title)}, Group: true})
		for _, k := range f.KeyFigures {
			o := report.OverviewRow{Latest: report.NotComputable, Change: report.NotComputable}
			if i := slices.IndexFunc(d.e.Overview, func(o report.OverviewRow) bool { return o.Code == k.Code }); i >= 0 {
				o = d.e.Overview[i]
			}
			latest, change := o.Latest, o.Change
			if o.LatestPeriod != "" {
				latest += " (" + o.LatestPeriod + ")"
			}
			if o.ChangeSince != "" {
				change += " " + o.ChangeSince
			}
			t.Rows = append(t.Rows, pdf.TableRow{Cells: []string{k.Code, k.Statement, latest, change, o.Assessment}})
		}
	}
	d.table(t)
	d.end()
}

func (d *doc) changes() {
	c := d.opt.Changes
	if c == nil || len(c.Items) == 0 {
		return
	}
	d.heading("aenderungen")
	d.para(fmt.Sprintf("Der Bericht %d wurde festgeschrieben. „Bisher“ ist der Stand des Berichts %d, „jetzt“ der Stand dieses Berichts.", c.Year, c.Year))
	t := pdf.Table{Columns: []string{"Kennzahl", "Grundzahl, Gruppe, Erhebungszeit, Bezirk", "Bisher", "Jetzt", "Grund"}}
	for _, it := range c.Items {
		t.Rows = append(t.Rows, pdf.TableRow{Cells: []string{strings.Join(it.KeyFigures, ", "), it.Location, it.Old, it.New, it.Reason}})
	}
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
	if len(f.IndicatorNotes) > 0 {
		d.printf("<h4>Hinweise zu den Wirkungsindikatoren</h4>\n<ul>\n")
		for _, n := range f.IndicatorNotes {
			d.printf("<li>%s</li>\n", esc(n))
		}
		d.printf("</ul>\n")
	}
	d.end()
}

func (d *doc) keyFigure(k store.KeyFigure) {
	d.heading("kennzahl-" + k.Code)
	kr, ok := d.e.KeyFigure(k.Code)
	values, hasValues, base, details := pdf.KeyFigureTables(d.e, k)
	if !hasValues {
		d.para("Für diese Kennzahl liegen noch keine Werte vor.")
	} else {
		d.table(values)
	}
	if ok {
		d.trendChart("chart-"+k.Code, chart.SpecFor(kr.Result, d.e.Demo))
		a := kr.Assessment
		d.printf("<p><strong>Bewertung: %s %s</strong></p>\n", esc(a.Level.Symbol()), esc(a.Level.Label()))
		d.para(kr.Sentence)
		if a.Text != "" {
			d.note(a.Text)
		}
	}
	for _, t := range base {
		d.table(t)
	}
	details.Caption = "Steckbrief der Kennzahl " + k.Code
	d.table(details)
	d.end()
}
