// Package fynelocale keeps Fyne from logging "Fyne error: Error parsing
// user locale C" on systems whose locale is C.UTF-8 (the Debian and
// container default). Import it for its side effect from package main,
// before anything that imports Fyne.
//
// Fyne's lang package reads the user's locale from LC_ALL, LC_MESSAGES or
// LANG in its package initialisation, before main runs, and "C.UTF-8"
// names no language: the parse fails, Fyne logs three lines and falls back
// to English. Every headless command, which never opens a window, printed
// them. The log cannot be silenced for just that call without hiding real
// errors, and Go runs the initialisation of every linked package whatever
// the command, so the variable is completed instead: when the locale is C
// with a codeset and LANGUAGE is unset, LANGUAGE=en says what Fyne
// assumed anyway. Go initialises packages in the order of their import
// paths where dependencies allow (Go 1.21), and this package, importing
// only os and strings, sorts before fyne.io.
//
// LANGUAGE only chooses message languages (GNU gettext), so child
// processes keep the C locale for everything else; English is what
// untranslated programs show under C anyway. The window itself shows
// German regardless (ui.UseGerman).
package fynelocale

import (
	"os"
	"strings"
)

func init() { complete(os.Getenv, os.Setenv) }

// complete sets LANGUAGE=en when the message locale is C or POSIX with a
// codeset or modifier ("C.UTF-8", "C.utf8", "POSIX@x") and LANGUAGE is
// unset. Plain "C" and "POSIX" need nothing: Fyne's locale lookup ignores
// them.
func complete(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	var loc string
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(v); loc != "" {
			break
		}
	}
	base, _, _ := strings.Cut(loc, ".")
	base, _, _ = strings.Cut(base, "@")
	if loc != base && (base == "C" || base == "POSIX") {
		_ = setenv("LANGUAGE", "en")
	}
}
