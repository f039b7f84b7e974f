// Command integrationsmonitor is the Integrationsmonitor of the city of
// Bergisch Gladbach. Without arguments (or with a file name) it opens the
// window; with a German subcommand it works headless:
//
//	integrationsmonitor [DATEI]
//	integrationsmonitor neu DATEI
//	integrationsmonitor demo DATEI
//	integrationsmonitor pruefen DATEI
//	integrationsmonitor bericht DATEI -jahr 2025 -o bericht.pdf
//	integrationsmonitor kopie DATEI ZIEL
//	integrationsmonitor export DATEI -format csv|xlsx -o werte.xlsx
//	integrationsmonitor import [-vorschau] [DATEI] QUELLE.csv
//	integrationsmonitor uebersicht DATEI [-jahr 2025]
//	integrationsmonitor festschreiben DATEI -jahr 2024 [-neue-fassung]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	// Initialised before Fyne (its path sorts first): no locale noise under C.UTF-8.
	_ "bergischgladbach.de/integrationsmonitor/cmd/integrationsmonitor/internal/fynelocale"
	"bergischgladbach.de/integrationsmonitor/store"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, store.Message(err))
		}
		os.Exit(1)
	}
}

// errReported marks an error whose German message was already printed.
var errReported = errors.New("reported")

// run dispatches to a subcommand; tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		if cmd, ok := commands[args[0]]; ok {
			return cmd(ctx, args[1:], stdout, stderr)
		}
		switch args[0] {
		case "hilfe", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return nil
		}
	}
	return runGUI(ctx, args, stderr)
}

// commands are the headless subcommands, named in German like everything
// the user sees.
var commands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
	"neu":           runNew,
	"demo":          runDemo,
	"pruefen":       runCheck,
	"kopie":         runCopy,
	"export":        runExport,
	"import":        runImport,
	"bericht":       runReport,
	"uebersicht":    runOverview,
	"festschreiben": runFreeze,
}

const usage = `Integrationsmonitor – Integrationsmonitoring der Stadt Bergisch Gladbach

Aufruf:
  integrationsmonitor [DATEI]          Programmfenster (zuletzt geöffnete oder Standarddatei)
  integrationsmonitor neu DATEI        neue Datei mit dem vollständigen Kennzahlenkatalog
  integrationsmonitor demo DATEI       neue Datei mit gekennzeichneten Beispieldaten 2011–2025
  integrationsmonitor pruefen DATEI    Datei prüfen (Integrität, Schema); Rückgabewert 0 = in Ordnung
  integrationsmonitor bericht DATEI -jahr 2025 -o bericht.pdf    PDF-Monitoring-Bericht
  integrationsmonitor bericht DATEI -jahr 2025 -format html -o bericht.html   barrierearme HTML-Fassung für die Website
  integrationsmonitor kopie DATEI ZIEL                           Kopie für den E-Mail-Versand
  integrationsmonitor export DATEI -format csv|xlsx -o werte.xlsx
  integrationsmonitor import [-korrigieren] DATEI QUELLE.csv     amtliche Statistik einlesen
  integrationsmonitor import -vorschau QUELLE.csv                nur anzeigen, was gelesen wird
  integrationsmonitor uebersicht DATEI [-jahr 2025]              Übersicht aller Kennzahlen als ;-Tabelle
  integrationsmonitor festschreiben DATEI -jahr 2024 [-neue-fassung]   Bericht festschreiben (unveränderlich nachdruckbar)
  integrationsmonitor bericht DATEI -jahr 2024 -aktuell          festgeschriebenes Jahr mit heutigen Werten drucken
`
