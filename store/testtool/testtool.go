// Package testtool finds the external programs tests need (pdftotext,
// qpdf, Xvfb, xdotool, ImageMagick …). A test must not pass on CI by
// skipping: when the environment variable CI is set, a missing program
// fails the test; on a developer's machine it skips with the package to
// install. It lives under store because the customer fixed the top-level
// folders and every package's tests may import store; it imports only the
// standard library and is used by tests alone.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// packages names the Debian package of each program, for the message.
var packages = map[string]string{
	"pdftotext": "poppler-utils",
	"pdfinfo":   "poppler-utils",
	"pdffonts":  "poppler-utils",
	"qpdf":      "qpdf",
	"Xvfb":      "xvfb",
	"xdotool":   "xdotool",
	"import":    "imagemagick",
	"convert":   "imagemagick",
	"sqlite3":   "sqlite3",
}

// OnCI reports whether the tests run on CI (.ci/run exports CI=1).
func OnCI() bool { return os.Getenv("CI") != "" }

// Need returns the path of each program in names (in order), or ends the
// test: it fails on CI and skips elsewhere.
func Need(tb testing.TB, names ...string) []string {
	tb.Helper()
	paths := make([]string, len(names))
	for i, name := range names {
		p, err := exec.LookPath(name)
		if err != nil {
			hint := ""
			if pkg, ok := packages[name]; ok {
				hint = " (apt-get install " + pkg + ")"
			}
			if OnCI() {
				tb.Fatalf("%s is needed on CI%s: %v", name, hint, err)
			}
			tb.Skipf("%s not installed%s; on CI this test fails", name, hint)
		}
		paths[i] = p
	}
	return paths
}
