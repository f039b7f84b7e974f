package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// exchangeFile creates a monitoring file with three values, one of them
// Beispieldaten, and closes it.
func exchangeFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "monitoring.sqlite")
	s, err := newFile(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vals := []store.Value{
		{BaseFigure: "A-K1-G1", Period: "2016-H2", Area: "stadt", Group: "auslaender", Number: 1134},
		{BaseFigure: "A-K1-G1", Period: "2016-H2", Area: "stadt", Group: "deutsche", Number: 12.5},
		{BaseFigure: "A-K1-G2", Period: "2016-H2", Area: "stadt", Group: "auslaender", Symbol: store.SymLater, Demo: true},
	}
	if _, _, err := s.SaveValues(ctx, vals, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	return path
}

func runWith(fn func(context.Context, []string, io.Writer, io.Writer) error, args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	err := fn(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func TestRunCopy(t *testing.T) {
	src := exchangeFile(t)
	existing := filepath.Join(t.TempDir(), "vorhanden.sqlite")
	if err := os.WriteFile(existing, []byte("bleibt"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    func(dir string) []string
		want    func(dir string) string // the copy; "" when refused
		wantErr string
	}{
		{"into a folder", func(d string) []string { return []string{src, d} },
			func(d string) string { return filepath.Join(d, store.MailName(time.Now(), 1)) }, ""},
		{"to a new file", func(d string) []string { return []string{src, filepath.Join(d, "k.sqlite")} },
			func(d string) string { return filepath.Join(d, "k.sqlite") }, ""},
		{"existing file", func(string) []string { return []string{src, existing} }, nil, "nicht überschrieben"},
		{"foreign file", func(d string) []string { return []string{existing, d} }, nil, "keine Integrationsmonitoring-Datei"},
		{"missing argument", func(string) []string { return []string{src} }, nil, "Aufruf:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out, errOut, err := runWith(runCopy, tt.args(dir)...)
			if tt.wantErr != "" {
				if !errors.Is(err, errReported) || !strings.Contains(errOut, tt.wantErr) {
					t.Errorf("err %v, stderr %q; want %q", err, errOut, tt.wantErr)
				}
				if b, _ := os.ReadFile(existing); string(b) != "bleibt" {
					t.Errorf("existing file changed to %q", b)
				}
				if es, _ := os.ReadDir(dir); len(es) != 0 {
					t.Errorf("refused copy left %d files", len(es))
				}
				return
			}
			if err != nil {
				t.Fatalf("kopie: %v %s", err, errOut)
			}
			want := tt.want(dir)
			if !strings.Contains(out, want) {
				t.Errorf("stdout %q does not name %s", out, want)
			}
			if r, err := store.Check(context.Background(), want); err != nil || r.Values != 3 {
				t.Errorf("Check(copy) = %+v, %v", r, err)
			}
		})
	}
}
