package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHeadlessQuiet runs the built program (this test binary, see
// TestMain) under the locales of a Debian system or container: headless
// commands must not print Fyne's "Error parsing user locale C" or any
// other noise on stderr.
func TestHeadlessQuiet(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"C.UTF-8", "C", "POSIX", "de_DE.UTF-8"} {
		path := filepath.Join(t.TempDir(), "leise.sqlite")
		for _, args := range [][]string{{"neu", path}, {"pruefen", path}} {
			c := exec.Command(self, args...)
			c.Env = append(withoutLocale(os.Environ()), "IM_RUN_MAIN=1", "LANG="+lang)
			var stdout, stderr bytes.Buffer
			c.Stdout, c.Stderr = &stdout, &stderr
			if err := c.Run(); err != nil {
				t.Fatalf("LANG=%s %v: %v\n%s", lang, args, err, stderr.String())
			}
			if stderr.Len() != 0 || stdout.Len() == 0 {
				t.Errorf("LANG=%s %v: stderr %q (want empty), stdout %q", lang, args, stderr.String(), stdout.String())
			}
		}
	}
}

// withoutLocale drops the caller's locale variables, which would take
// precedence over LANG.
func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
			continue
		}
		out = append(out, kv)
	}
	return out
}
