// Command integrationsmonitor is the Integrationsmonitor of the city of
// Bergisch Gladbach. Without arguments (or with a file name) it opens the
// window; with a German subcommand it works headless:
//
//	integrationsmonitor [DATEI]
//	integrationsmonitor neu DATEI
//	integrationsmonitor demo DATEI
//	integrationsmonitor pruefen DATEI
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

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
		switch args[0] {
		case "neu":
			return runNew(ctx, args[1:], stdout, stderr)
		case "demo":
			return runDemo(ctx, args[1:], stdout, stderr)
		case "pruefen":
			return runCheck(ctx, args[1:], stdout, stderr)
		case "hilfe", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return nil
		}
	}
	return runGUI(ctx, args, stderr)
}

const usage = `Integrationsmonitor – Integrationsmonitoring der Stadt Bergisch Gladbach

Aufruf:
  integrationsmonitor [DATEI]          Programmfenster (zuletzt geöffnete oder Standarddatei)
  integrationsmonitor neu DATEI        neue Datei mit dem vollständigen Kennzahlenkatalog
  integrationsmonitor demo DATEI       neue Datei mit gekennzeichneten Beispieldaten 2011–2025
  integrationsmonitor pruefen DATEI    Datei prüfen (Integrität, Schema); Rückgabewert 0 = in Ordnung
`
