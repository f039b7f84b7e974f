//go:build !windows

package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// TestOpenRefusesPipe: a named pipe is no file; opening it for the header
// would block until another program writes to it.
func TestOpenRefusesPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe.sqlite")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 2)
	go func() {
		_, err := store.Open(context.Background(), path)
		done <- err
		_, err = store.Check(context.Background(), path)
		done <- err
	}()
	for _, what := range []string{"Open", "Check"} {
		select {
		case err := <-done:
			if !errors.Is(err, store.ErrNotSQLite) || !strings.Contains(store.Message(err), "keine gewöhnliche Datei") {
				t.Errorf("%s = %v (%q), want a refusal as no regular file", what, err, store.Message(err))
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s blocks on a named pipe", what)
		}
	}
}
