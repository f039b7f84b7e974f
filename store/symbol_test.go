package store

import (
	"slices"
	"testing"
)

var parseSymbolTests = []struct {
	in   string
	want Symbol
	ok   bool
}{
	{".", SymUnknown, true},
	{"-", SymNothing, true},
	{"/", SymUnreliable, true},
	{"x", SymLocked, true},
	{"...", SymLater, true},
	{"  .\t", SymUnknown, true},
	{"\u00a0-\u00a0", SymNothing, true},
	{"…", SymLater, true},
	{"X", SymLocked, true},
	{"–", SymNothing, true},
	{"", NoSymbol, false},
	{"  ", NoSymbol, false},
	{"..", NoSymbol, false},
	{"....", NoSymbol, false},
	{"—", NoSymbol, false},
	{"--", NoSymbol, false},
	{"0", NoSymbol, false},
	{"x x", NoSymbol, false},
	{"-1", NoSymbol, false},
	{"\\", NoSymbol, false},
}

func TestParseSymbol(t *testing.T) {
	for _, tt := range parseSymbolTests {
		if got, ok := ParseSymbol(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("ParseSymbol(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSymbols(t *testing.T) {
	want := []Symbol{".", "-", "/", "x", "..."}
	if got := Symbols(); !slices.Equal(got, want) {
		t.Errorf("Symbols() = %q, want %q", got, want)
	}
	meanings := map[Symbol]string{
		SymUnknown:    "Zahlenwert unbekannt oder geheim zu halten",
		SymNothing:    "nichts vorhanden, genau null",
		SymUnreliable: "keine Angabe, da Zahlenwert nicht sicher genug",
		SymLocked:     "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
		SymLater:      "Angabe fällt später an",
	}
	for _, s := range Symbols() {
		if !s.Valid() || s.Meaning() != meanings[s] {
			t.Errorf("%q: Valid %v, Meaning %q; want true, %q", s, s.Valid(), s.Meaning(), meanings[s])
		}
		if got, ok := ParseSymbol(string(s)); got != s || !ok {
			t.Errorf("ParseSymbol(%q) = %q, %v", s, got, ok)
		}
	}
	for _, s := range []Symbol{NoSymbol, "…", "X", "–", "0", "?"} {
		if s.Valid() || s.Meaning() != "" {
			t.Errorf("%q: Valid %v, Meaning %q; want false, \"\"", s, s.Valid(), s.Meaning())
		}
	}
}

func FuzzParseSymbol(f *testing.F) {
	for _, tt := range parseSymbolTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sym, ok := ParseSymbol(s)
		if ok != sym.Valid() || !ok && sym != NoSymbol {
			t.Fatalf("ParseSymbol(%q) = %q, %v", s, sym, ok)
		}
		if ok {
			if again, ok2 := ParseSymbol(string(sym)); again != sym || !ok2 || !slices.Contains(Symbols(), sym) {
				t.Fatalf("ParseSymbol(%q) = %q, not canonical", s, sym)
			}
			if num, esym, err := ParseEntry(s); num != 0 || esym != sym || err != nil {
				t.Fatalf("ParseEntry(%q) = %v, %q, %v; want symbol %q", s, num, esym, err, sym)
			}
		}
	})
}
