package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

// importSentence says what the import does before she picks a file.
const importSentence = "Sie wählen eine CSV-Datei der amtlichen Statistik (IT.NRW Landesdatenbank oder Destatis GENESIS); das Programm zeigt Ihnen zuerst, welche Werte es neu eintragen oder korrigieren würde, und ändert erst nach „Übernehmen“ etwas."

// showImport explains the import, asks for an official statistics
// download and reads it off the UI goroutine.
func (u *App) showImport() {
	explainFirst(u.win, "Amtliche Statistik importieren", importSentence, "Datei wählen …", u.chooseImport)
}

func (u *App) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.readImport(path, func(t *official.Table) { newImportWizard(u, t, filepath.Base(path)).show() })
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt"}))
	germanFileDialog(d, "Statistik-Datei öffnen", "Öffnen")
	d.Show()
}

// readImport reads path off the UI goroutine and passes the table to
// then, on the UI goroutine.
func (u *App) readImport(path string, then func(*official.Table)) {
	var t *official.Table
	u.runJob(job{title: "Datei wird gelesen …", file: path,
		work: func(func(int, int)) error {
			var err error
			t, err = readImportFile(path)
			return err
		},
		done: func(err error) {
			if err != nil {
				u.showError("Import", err)
				return
			}
			then(t)
		}})
}

func readImportFile(path string) (*official.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, store.Invalid("Die Datei kann nicht gelesen werden: " + filepath.Base(path))
	}
	defer f.Close()
	return official.Read(f)
}

// importWizard previews what was read, maps it (automatically for known
// tables, by the user otherwise) and shows what would be added or changed
// before anything is stored.
type importWizard struct {
	u       *App
	table   *official.Table
	source  string
	known   []official.Mapping
	column  *widget.Select
	figure  *widget.Select
	group   *widget.Select
	area    *widget.Select
	summary *widget.Label
	plan    *official.Plan
	bfs     []store.BaseFigure
	// findings are the summary lines of the plan's plausibility findings.
	findings []string
	// stored is called after values were stored (tests).
	stored func(inserted, corrected int, err error)
}

const byRegionKey = "nach Regionalschlüssel"

func newImportWizard(u *App, t *official.Table, source string) *importWizard {
	w := &importWizard{u: u, table: t, source: source, known: official.KnownMappings(t.TableCode), summary: para("")}
	w.bfs = u.cat.AllBaseFigures()
	var columns, figures []string
	seen := map[string]bool{}
	for _, r := range t.Rows {
		if !seen[r.Column] {
			seen[r.Column] = true
			columns = append(columns, r.Column)
		}
	}
	for _, b := range w.bfs {
		figures = append(figures, b.Code+" – "+b.Name)
	}
	w.column = widget.NewSelect(columns, func(string) { w.replan() })
	w.figure = widget.NewSelect(figures, func(string) { w.figureChanged() })
	w.group = widget.NewSelect(nil, func(string) { w.replan() })
	w.area = widget.NewSelect(nil, func(string) { w.replan() })
	w.replan()
	return w
}

func (w *importWizard) figureChanged() {
	i := w.figure.SelectedIndex()
	if i < 0 {
		return
	}
	bf := w.bfs[i]
	var groups []string
	for _, g := range bf.Groups {
		groups = append(groups, w.u.cat.GroupName(g))
	}
	areas := []string{byRegionKey}
	for _, a := range bf.Areas {
		areas = append(areas, w.u.cat.AreaName(a))
	}
	w.group.SetOptions(groups)
	w.area.SetOptions(areas)
	if len(groups) > 0 {
		w.group.SetSelectedIndex(0)
	}
	w.area.SetSelectedIndex(0)
	w.replan()
}

// mappings are the known ones, or the one the user chose.
func (w *importWizard) mappings() []official.Mapping {
	if len(w.known) > 0 {
		return w.known
	}
	fi, gi := w.figure.SelectedIndex(), w.group.SelectedIndex()
	if w.column.Selected == "" || fi < 0 || gi < 0 {
		return nil
	}
	bf := w.bfs[fi]
	m := official.Mapping{BaseFigure: bf.Code, Group: bf.Groups[gi], Column: w.column.Selected}
	if ai := w.area.SelectedIndex(); ai > 0 {
		m.Area = bf.Areas[ai-1]
	}
	return []official.Mapping{m}
}

func (w *importWizard) replan() {
	w.plan = nil
	maps := w.mappings()
	if len(maps) == 0 {
		w.summary.SetText("Bitte wählen Sie Spalte, Grundzahl und Gruppe.")
		return
	}
	stored, err := w.u.st.Values(context.Background())
	if err == nil {
		w.plan, err = official.NewPlan(w.table, maps, w.u.cat, stored)
	}
	if err != nil {
		w.summary.SetText(store.Message(err))
		return
	}
	p := w.plan
	lines := []string{fmt.Sprintf("%d Werte zugeordnet: %d neu, %d abweichend (werden korrigiert, der alte Wert bleibt in der Historie), %d unverändert.",
		len(p.Values), p.New, len(p.Changed), p.Unchanged)}
	for i, c := range p.Changed {
		if i == 10 {
			lines = append(lines, fmt.Sprintf("… und %d weitere Abweichungen", len(p.Changed)-10))
			break
		}
		lines = append(lines, "• "+c.Describe(w.u.cat, report.FormatValue))
	}
	if len(p.Problems) > 0 {
		lines = append(lines, fmt.Sprintf("%d Hinweise, z. B.: %s", len(p.Problems), p.Problems[0]))
	}
	lines = append(lines, w.plausibility(stored)...)
	w.summary.SetText(strings.Join(lines, "\n"))
}

func (w *importWizard) content() fyne.CanvasObject {
	t := w.table
	info := para(fmt.Sprintf("%s, Tabelle %s: %s\nStand: %s · %d Zeilen gelesen", t.Format, t.TableCode, t.Title, orDash(t.AsOf), len(t.Rows)))
	rows := [][]string{}
	for i, r := range t.Rows {
		if i == 200 {
			break
		}
		rows = append(rows, []string{r.RegionKey, r.RegionName, r.Period, r.Column, r.Raw})
	}
	preview := newTextTable([]string{"Regionalschlüssel", "Region", "Zeit", "Merkmal", "Wert"}, []float32{130, 220, 110, 420, 100}, &rows)
	var mapping fyne.CanvasObject
	if len(w.known) > 0 {
		var parts []string
		for _, m := range w.known {
			parts = append(parts, fmt.Sprintf("%s (%s, %s)", m.BaseFigure, w.u.cat.GroupName(m.Group), w.u.cat.AreaName(m.Area)))
		}
		mapping = para("Bekannte Tabelle – automatische Zuordnung: " + strings.Join(parts, "; "))
	} else {
		mapping = widget.NewForm(
			widget.NewFormItem("Spalte der Quelle", w.column),
			widget.NewFormItem("füllt Grundzahl", w.figure),
			widget.NewFormItem("Gruppe", w.group),
			widget.NewFormItem("Statistischer Bezirk", w.area))
	}
	return container.NewBorder(container.NewVBox(info, mapping, heading("Was übernommen würde"), w.summary, heading("Gelesene Zeilen (Vorschau)")),
		nil, nil, nil, preview)
}

func (w *importWizard) show() {
	d := dialog.NewCustomConfirm("Import: "+w.source, "Übernehmen", "Abbrechen", w.content(), func(ok bool) {
		if ok {
			w.store()
		}
	}, w.u.win)
	d.Resize(fyne.NewSize(1100, 720))
	d.Show()
}

// store saves the planned values in one transaction, off the UI
// goroutine: 100 000 values take seconds.
func (w *importWizard) store() {
	if w.plan == nil || len(w.plan.Values) == 0 {
		dialog.ShowInformation("Import", "Es wurden keine Werte zugeordnet; nichts wurde geändert.", w.u.win)
		return
	}
	st, values, breaks := w.u.st, w.plan.Values, w.plan.Breaks
	opts := store.SaveOptions{Origin: "Import: " + w.source, Correct: true}
	var ins, cor int
	w.u.runJob(job{title: "Werte werden gespeichert …", file: w.source,
		work: func(func(int, int)) error {
			// The values and the breaks they need in one transaction.
			got, err := st.SaveStream(context.Background(), func(yield func([]store.Value) error) ([]store.SeriesBreak, error) {
				return breaks, yield(values)
			}, opts)
			ins, cor = got.Inserted, got.Corrected
			return err
		},
		done: func(err error) { w.saved(ins, cor, err) }})
}

// saved shows the result of store on the UI goroutine.
func (w *importWizard) saved(ins, cor int, err error) {
	if w.stored != nil {
		w.stored(ins, cor, err)
	}
	if err != nil {
		w.u.showError("Import", err)
		return
	}
	w.u.rebuildKeepTab()
	dialog.ShowInformation("Import abgeschlossen", fmt.Sprintf("Neu: %s, korrigiert: %s, unverändert: %s.", report.FormatValueCount(ins), report.FormatValueCount(cor), report.FormatValueCount(len(w.plan.Values)-ins-cor))+w.findingsNote(), w.u.win)
}
