package main

import (
	"context"
	"os"

	"bergischgladbach.de/integrationsmonitor/store"
)

// openCheckedCopy opens a checked copy of the file at path in a temporary
// folder named after prefix: a command that only reads can then run while
// the window holds the file, and the file is never changed. done closes
// the copy and removes the folder.
func openCheckedCopy(ctx context.Context, path, prefix string) (s *store.Store, done func(), err error) {
	tmp, err := os.MkdirTemp("", prefix)
	if err != nil {
		return nil, nil, err
	}
	cp, err := store.CopyFile(ctx, path, tmp)
	if err == nil {
		s, err = store.Open(ctx, cp)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return nil, nil, err
	}
	return s, func() {
		s.Close()
		os.RemoveAll(tmp)
	}, nil
}
