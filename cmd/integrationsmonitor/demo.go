package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
)

// Demo data span the census 2011 up to the last complete year.
const demoFrom, demoTo = 2011, 2025

// runDemo creates a new file with the catalogue and labelled Beispieldaten.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "Aufruf: integrationsmonitor demo DATEI")
		return errReported
	}
	path := fs.Arg(0)
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(stderr, "Die Datei „%s“ gibt es bereits; sie wird nicht überschrieben.\n", path)
		return errReported
	}
	st, err := newFile(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.AddDemoData(ctx, demoFrom, demoTo)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Datei mit Beispieldaten angelegt: %s (%d Werte %d–%d; Beispieldaten, keine echten Zahlen)\n", path, n, demoFrom, demoTo)
	return nil
}
