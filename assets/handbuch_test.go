package assets

import (
	"os"
	"regexp"
	"strconv"
	"testing"
)

// The embedded Handbuch is docs/handbuch.md, byte for byte: edit the docs
// file and copy it with `cp docs/handbuch.md assets/handbuch.md`.
func TestHandbuchIsDocsCopy(t *testing.T) {
	docs, err := os.ReadFile("../docs/handbuch.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(docs) != Handbuch {
		t.Error("assets/handbuch.md differs from docs/handbuch.md; run: cp docs/handbuch.md assets/handbuch.md")
	}
}

// Version and Build are those of FyneApp.toml, which the Windows build
// writes into the executable.
func TestVersionMatchesFyneApp(t *testing.T) {
	toml, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	v := regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	b := regexp.MustCompile(`(?m)^Build\s*=\s*(\d+)`).FindSubmatch(toml)
	if v == nil || b == nil {
		t.Fatal("FyneApp.toml has no Version or Build")
	}
	if string(v[1]) != Version || string(b[1]) != strconv.Itoa(Build) {
		t.Errorf("assets: %s build %d, FyneApp.toml: %s build %s", Version, Build, v[1], b[1])
	}
}
