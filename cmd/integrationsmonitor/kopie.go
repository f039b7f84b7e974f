package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"bergischgladbach.de/integrationsmonitor/store"
)

// runCopy writes a checked snapshot of DATEI for sending by e-mail. ZIEL is
// a new file name or a folder, which gets the dated name; an existing file
// is never replaced.
func runCopy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("kopie", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor kopie DATEI ZIEL   (ZIEL: neue Datei oder Ordner)")
		return errReported
	}
	dst, err := store.CopyFile(ctx, fs.Arg(0), fs.Arg(1))
	if err != nil {
		fmt.Fprintf(stderr, "Die Kopie wurde nicht angelegt: %s\n", store.Message(err))
		return errReported
	}
	fmt.Fprintf(stdout, "Kopie für den E-Mail-Versand gespeichert und geprüft: %s\n", dst)
	return nil
}
