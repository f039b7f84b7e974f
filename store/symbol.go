package store

import "strings"

// Symbol is a Zeichen der amtlichen Statistik (DIN 55301) that stands in a
// table cell instead of a number. NoSymbol means the cell holds a number.
type Symbol string

// The symbols of DIN 55301 used by IT.NRW and the Statistische Ämter.
const (
	NoSymbol      Symbol = ""
	SymUnknown    Symbol = "."   // Zahlenwert unbekannt oder geheim zu halten
	SymNothing    Symbol = "-"   // nichts vorhanden, genau null
	SymUnreliable Symbol = "/"   // keine Angabe, da Zahlenwert nicht sicher genug
	SymLocked     Symbol = "x"   // Tabellenfach gesperrt, weil Aussage nicht sinnvoll
	SymLater      Symbol = "..." // Angabe fällt später an
)

// Symbols returns the official symbols in the order of the
// Zeichenerklärung printed below statistical tables.
func Symbols() []Symbol {
	return []Symbol{SymUnknown, SymNothing, SymUnreliable, SymLocked, SymLater}
}

// ParseSymbol reads a symbol as typed or copied from a publication. Besides
// the exact symbols it accepts the forms word processors turn them into:
// "…" for "...", "–" for "-", and "X" for "x".
func ParseSymbol(s string) (Symbol, bool) {
	switch t := strings.TrimSpace(s); t {
	case ".", "-", "/", "x", "...":
		return Symbol(t), true
	case "…":
		return SymLater, true
	case "–":
		return SymNothing, true
	case "X":
		return SymLocked, true
	}
	return NoSymbol, false
}

// Valid reports whether s is one of the official symbols. NoSymbol is not:
// it is the absence of a symbol.
func (s Symbol) Valid() bool {
	return s.Meaning() != ""
}

// Meaning is the German explanation of s as worded in DIN 55301, for the
// Zeichenerklärung and tooltips. It is "" for NoSymbol and unknown symbols.
func (s Symbol) Meaning() string {
	switch s {
	case SymUnknown:
		return "Zahlenwert unbekannt oder geheim zu halten"
	case SymNothing:
		return "nichts vorhanden, genau null"
	case SymUnreliable:
		return "keine Angabe, da Zahlenwert nicht sicher genug"
	case SymLocked:
		return "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"
	case SymLater:
		return "Angabe fällt später an"
	}
	return ""
}
