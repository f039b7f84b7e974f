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
	"bergischgladbach.de/integrationsmonitor/report/official"
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
		return official.WritePreview(stdout, t)
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
	maps := official.KnownMappings(t.TableCode)
	if *bf != "" {
		maps = []official.Mapping{{BaseFigure: *bf, Group: *group, Area: *area, Column: *column}}
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
	cat, err := st.Catalog(ctx)
	if err != nil {
		return err
	}
	stored, err := st.Values(ctx)
	if err != nil {
		return err
	}
	// Mapping and storing overlap (official.Import): the hints about
	// rows that were not taken follow the save, before its summary.
	plan, got, err := official.Import(ctx, st, t, maps, cat, stored, store.SaveOptions{Origin: "Import: " + filepath.Base(src), Correct: *correct})
	if plan != nil {
		for _, p := range plan.Problems {
			fmt.Fprintln(stderr, "Hinweis: "+p)
		}
	}
	var conflict *store.ConflictError
	if errors.As(err, &conflict) && plan != nil && len(plan.Changed) > 0 {
		for _, c := range plan.Changed {
			fmt.Fprintln(stderr, "Abweichung: "+c.Describe(cat, report.FormatValue))
		}
		fmt.Fprintf(stderr, "%d Werte weichen von den gespeicherten ab. Nichts wurde geändert. Mit -korrigieren werden sie übernommen (die alten Werte bleiben in der Historie).\n", len(plan.Changed))
		return errReported
	}
	if err != nil {
		return err
	}
	if got.Breaks > 0 {
		fmt.Fprintf(stdout, "Zeitreihenbrüche gesetzt (Zensus-Grundlage): %d.\n", got.Breaks)
	}
	fmt.Fprintf(stdout, "Import aus %s: %d Werte gelesen, %d neu, %d korrigiert, %d unverändert.\n", filepath.Base(src), len(plan.Values), got.Inserted, got.Corrected, len(plan.Values)-got.Inserted-got.Corrected)
	findings := importFindings(ctx, st, cat, stored, plan.Values)
	printImportFindings(stdout, findings)
	return nil
}

func readSource(path string) (*official.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, store.Invalid(fmt.Sprintf("Die Quelldatei „%s“ kann nicht gelesen werden.", path))
	}
	defer f.Close()
	return official.Read(f)
}
