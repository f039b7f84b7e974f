package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// runImport reads an official statistics download. With -vorschau it only
// prints what was read; otherwise it stores the mapped values. A value that
// differs from a stored one is a correction and needs -korrigieren, so
// nothing is overwritten silently; the history keeps the old value.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	preview := fs.Bool("vorschau", false, "nur anzeigen, was gelesen wurde (ändert keine Datei)")
	correct := fs.Bool("korrigieren", false, "abweichende gespeicherte Werte korrigieren (alte Werte bleiben in der Historie)")
	bf := fs.String("grundzahl", "", "Grundzahl für eine nicht bekannte Tabelle, z. B. BEV")
	group := fs.String("gruppe", "insgesamt", "Gruppe, z. B. insgesamt, deutsche, auslaender")
	area := fs.String("bezirk", "", "Bezirk, z. B. stadt oder kreis (leer: nach Regionalschlüssel)")
	column := fs.String("spalte", "", "Spalte der Quelle (Merkmal wie in der Vorschau)")
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if *preview {
		if fs.NArg() != 1 {
			fmt.Fprintln(stderr, "Aufruf: integrationsmonitor import -vorschau QUELLE.csv")
			return errReported
		}
		t, err := readSource(fs.Arg(0))
		if err != nil {
			return err
		}
		return report.WritePreview(stdout, t)
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor import [-korrigieren] [-grundzahl … -spalte … -gruppe … -bezirk …] DATEI QUELLE.csv")
		return errReported
	}
	path, src := fs.Arg(0), fs.Arg(1)
	t, err := readSource(src)
	if err != nil {
		return err
	}
	maps := report.KnownMappings(t.TableCode)
	if *bf != "" {
		maps = []report.ImportMapping{{BaseFigure: *bf, Group: *group, Area: *area, Column: *column}}
	}
	if len(maps) == 0 {
		fmt.Fprintf(stderr, "Die Tabelle „%s“ ist nicht bekannt. Bitte geben Sie die Zuordnung an (-grundzahl, -spalte, -gruppe, -bezirk); die Spalten zeigt „integrationsmonitor import -vorschau %s“.\n", t.TableCode, src)
		return errReported
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	vals, problems, err := mapForCatalog(ctx, st, t, maps)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, "Hinweis: "+p)
	}
	return storeImported(ctx, st, vals, filepath.Base(src), *correct, stdout, stderr)
}

func readSource(path string) (*report.ImportTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, store.Invalid(fmt.Sprintf("Die Quelldatei „%s“ kann nicht gelesen werden.", path))
	}
	defer f.Close()
	return report.ReadImport(f)
}

// mapForCatalog maps the rows per Grundzahl, each with its own period kind.
func mapForCatalog(ctx context.Context, st *store.Store, t *report.ImportTable, maps []report.ImportMapping) ([]store.Value, []string, error) {
	cat, err := st.Catalog(ctx)
	if err != nil {
		return nil, nil, err
	}
	byBF := map[string][]report.ImportMapping{}
	var order []string
	for _, m := range maps {
		if _, ok := byBF[m.BaseFigure]; !ok {
			order = append(order, m.BaseFigure)
		}
		byBF[m.BaseFigure] = append(byBF[m.BaseFigure], m)
	}
	var vals []store.Value
	problems := append([]string(nil), t.Problems...)
	for _, code := range order {
		bf, ok := cat.BaseFigureByCode(code)
		if !ok {
			return nil, nil, store.Invalid(fmt.Sprintf("Die Grundzahl „%s“ gibt es in dieser Datei nicht.", code))
		}
		v, p := report.MapRows(t, byBF[code], bf.PeriodKind)
		vals = append(vals, v...)
		problems = append(problems, p...)
	}
	return vals, problems, nil
}

// storeImported stores new values and, when allowed, corrections in one
// transaction; without -korrigieren a differing value stops the import
// before anything is written.
func storeImported(ctx context.Context, st *store.Store, vals []store.Value, src string, correct bool, stdout, stderr io.Writer) error {
	var differing []string
	for _, v := range vals {
		old, err := st.Value(ctx, v.BaseFigure, v.Period, v.Area, v.Group)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if !old.SameContent(v) {
			differing = append(differing, fmt.Sprintf("%s %s %s %s: gespeichert %s, Quelle %s",
				v.BaseFigure, v.Period.Label(), v.Area, v.Group, report.FormatValue(old.Number, old.Symbol, ""), report.FormatValue(v.Number, v.Symbol, "")))
		}
	}
	if len(differing) > 0 && !correct {
		for _, d := range differing {
			fmt.Fprintln(stderr, "Abweichung: "+d)
		}
		fmt.Fprintf(stderr, "%d Werte weichen von den gespeicherten ab. Nichts wurde geändert. Mit -korrigieren werden sie übernommen (die alten Werte bleiben in der Historie).\n", len(differing))
		return errReported
	}
	ins, cor, err := st.SaveValues(ctx, vals, store.SaveOptions{Origin: "Import: " + src, Correct: correct})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Import aus %s: %d Werte gelesen, %d neu, %d korrigiert, %d unverändert.\n", src, len(vals), ins, cor, len(vals)-ins-cor)
	return nil
}
