package store_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

func TestWriteFileAtomic(t *testing.T) {
	errRender := errors.New("render failed")
	for _, tc := range []struct {
		name    string
		old     string // "" for no existing target
		write   func(io.Writer) error
		want    string // the target's content afterwards; "" for absent
		wantErr error
	}{
		{"NewFile", "", func(w io.Writer) error { _, err := io.WriteString(w, "neu"); return err }, "neu", nil},
		{"ReplacesExisting", "alt", func(w io.Writer) error { _, err := io.WriteString(w, "neu"); return err }, "neu", nil},
		{"FailedWriteKeepsExisting", "alt", func(w io.Writer) error {
			io.WriteString(w, "halb")
			return errRender
		}, "alt", errRender},
		{"FailedWriteCreatesNothing", "", func(w io.Writer) error { return errRender }, "", errRender},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bericht.pdf")
			if tc.old != "" {
				if err := os.WriteFile(path, []byte(tc.old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := store.WriteFileAtomic(path, tc.write)
			if err != tc.wantErr {
				t.Fatalf("err = %v, want %v unchanged", err, tc.wantErr)
			}
			b, rerr := os.ReadFile(path)
			switch {
			case tc.want == "" && !errors.Is(rerr, os.ErrNotExist):
				t.Errorf("target exists after a failed write: %q %v", b, rerr)
			case tc.want != "" && string(b) != tc.want:
				t.Errorf("target = %q (%v), want %q", b, rerr, tc.want)
			}
			names := dirNames(t, dir)
			if tc.want == "" && len(names) != 0 || tc.want != "" && (len(names) != 1 || names[0] != "bericht.pdf") {
				t.Errorf("folder holds %q, want only the target", names)
			}
		})
	}
}

func TestWriteFileAtomicMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fehlt", "werte.csv")
	err := store.WriteFileAtomic(path, func(io.Writer) error { return nil })
	var ue *store.UserError
	if !errors.As(err, &ue) || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v, want a UserError wrapping ErrNotExist", err)
	}
}

func TestWriteFileAtomicSharedMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "werte.csv")
	if err := store.WriteFileAtomic(path, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o044 == 0 {
		t.Errorf("mode %v: a report is for sharing, not private", st.Mode())
	}
}
