package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
)

// runNew creates a file with the full catalogue; an existing file is never
// replaced from the command line.
func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	path, err := newFileArg("neu", args, stderr)
	if err != nil {
		return err
	}
	st, err := newFile(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(stdout, "Neue Monitoring-Datei angelegt: %s\n", path)
	return nil
}

func newFile(ctx context.Context, path string) (*store.Store, error) {
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		return nil, err
	}
	return store.Create(ctx, path, cat)
}

// newFileArg parses "CMD DATEI" for commands that create DATEI; an
// existing file is never replaced from the command line.
func newFileArg(cmd string, args []string, stderr io.Writer) (string, error) {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return "", errReported
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "Aufruf: integrationsmonitor %s DATEI\n", cmd)
		return "", errReported
	}
	path := fs.Arg(0)
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(stderr, "Die Datei „%s“ gibt es bereits; sie wird nicht überschrieben.\n", path)
		return "", errReported
	}
	return path, nil
}
