package main

import (
	"context"
	"fmt"
	"io"

	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// Demo data span the census 2011 up to the last complete year.
const demoFrom, demoTo = 2011, 2025

// runDemo creates a new file with the catalogue and labelled Beispieldaten.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	path, err := newFileArg("demo", args, stderr)
	if err != nil {
		return err
	}
	st, err := newFile(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := demo.Add(ctx, st, demoFrom, demoTo)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Datei mit Beispieldaten angelegt: %s (%d Werte %d–%d; Beispieldaten, keine echten Zahlen)\n", path, n, demoFrom, demoTo)
	return nil
}
