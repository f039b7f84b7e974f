package store

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
)

const (
	msgAmbiguous12_5 = "„12.5“ ist mehrdeutig: Bitte das Komma als Dezimaltrennzeichen verwenden (z. B. 12,5) und den Punkt nur für Tausender (z. B. 1.234,5)."
	msgEmptyNumber   = "Bitte geben Sie eine Zahl ein."
)

var parseNumberTests = []struct {
	in   string
	want float64
	msg  string // German message if refused
}{
	{"1.234,5", 1234.5, ""},
	{"12,5", 12.5, ""},
	{"1234", 1234, ""},
	{"1.234", 1234, ""},
	{"1.234.567", 1234567, ""},
	{"1.234.567,891", 1234567.891, ""},
	{"-3,5", -3.5, ""},
	{"+2", 2, ""},
	{"\u22124,25", -4.25, ""},
	{"12,5 %", 12.5, ""},
	{"12,5%", 12.5, ""},
	{"12,5\u00a0%", 12.5, ""},
	{"12,5\u202f%", 12.5, ""},
	{"1\u00a0234,5", 1234.5, ""},
	{"1\u202f234\u202f567", 1234567, ""},
	{" 7 ", 7, ""},
	{"\t7\n", 7, ""},
	{"0", 0, ""},
	{"-0", 0, ""},
	{"-0,0", 0, ""},
	{"0,5", 0.5, ""},
	{",5", 0.5, ""},
	{"-,5", -0.5, ""},
	{"007", 7, ""},
	{"12,500", 12.5, ""},
	{"999", 999, ""},
	{"100.000", 100000, ""},
	{"0,1", 0.1, ""},
	{strconv.FormatFloat(math.MaxFloat64, 'f', -1, 64), math.MaxFloat64, ""},

	{"12.5", 0, msgAmbiguous12_5},
	{"", 0, msgEmptyNumber},
	{"   ", 0, msgEmptyNumber},
	{"0.123", 0, "„0.123“ ist mehrdeutig: Bitte das Komma als Dezimaltrennzeichen verwenden (z. B. 12,5) und den Punkt nur für Tausender (z. B. 1.234,5)."},
	{"1234.567", 0, "„1234.567“ ist mehrdeutig: Bitte das Komma als Dezimaltrennzeichen verwenden (z. B. 12,5) und den Punkt nur für Tausender (z. B. 1.234,5)."},
	{"1,234.5", 0, "„1,234.5“ ist mehrdeutig: Bitte das Komma als Dezimaltrennzeichen verwenden (z. B. 12,5) und den Punkt nur für Tausender (z. B. 1.234,5)."},
	{"1.23,4", 0, "„1.23,4“ ist keine gültige Zahl: Der Tausenderpunkt trennt immer Gruppen von drei Ziffern (z. B. 1.234,5)."},
	{"1.2.3", 0, "„1.2.3“ ist keine gültige Zahl: Der Tausenderpunkt trennt immer Gruppen von drei Ziffern (z. B. 1.234,5)."},
	{"1..234", 0, "„1..234“ ist keine gültige Zahl: Der Tausenderpunkt trennt immer Gruppen von drei Ziffern (z. B. 1.234,5)."},
	{"1.", 0, "„1.“ ist keine gültige Zahl: Der Tausenderpunkt trennt immer Gruppen von drei Ziffern (z. B. 1.234,5)."},
	{".5", 0, "„.5“ ist keine gültige Zahl: Der Tausenderpunkt trennt immer Gruppen von drei Ziffern (z. B. 1.234,5)."},
	{"1\u00a023", 0, "„1\u00a023“ ist keine gültige Zahl: Der Tausenderpunkt trennt immer Gruppen von drei Ziffern (z. B. 1.234,5)."},
	{"1,2,3", 0, "„1,2,3“ ist keine gültige Zahl: Sie darf nur ein Komma als Dezimaltrennzeichen enthalten (z. B. 1.234,5)."},
	{"abc", 0, "„abc“ ist keine Zahl."},
	{"1e5", 0, "„1e5“ ist keine gültige Zahl: Bitte die Zahl ohne Exponent ausschreiben (z. B. 100.000 statt 1e5)."},
	{"1,5E-3", 0, "„1,5E-3“ ist keine gültige Zahl: Bitte die Zahl ohne Exponent ausschreiben (z. B. 100.000 statt 1e5)."},
	{"NaN", 0, "„NaN“ ist keine Zahl."},
	{"Inf", 0, "„Inf“ ist keine Zahl."},
	{"-Inf", 0, "„-Inf“ ist keine Zahl."},
	{"+Infinity", 0, "„+Infinity“ ist keine Zahl."},
	{"0x1F", 0, "„0x1F“ ist keine Zahl."},
	{"1_000", 0, "„1_000“ ist keine Zahl."},
	{"1 000", 0, "„1 000“ ist keine Zahl."},
	{"%", 0, "„%“ ist keine Zahl."},
	{"12,5 %%", 0, "„12,5 %%“ ist keine Zahl."},
	{"-", 0, "„-“ ist keine Zahl."},
	{"+-2", 0, "„+-2“ ist keine Zahl."},
	{"- 2", 0, "„- 2“ ist keine Zahl."},
	{"5,", 0, "„5,“ ist keine Zahl."},
	{",", 0, "„,“ ist keine Zahl."},
	{"1,234\u00a05", 0, "„1,234\u00a05“ ist keine Zahl."},
	{"12,5 € ", 0, "„12,5 €“ ist keine Zahl."},
	{"1" + strings.Repeat("0", 309), 0, "„1000000000000000000000000000000000000000…“ ist zu groß, um als Zahl gespeichert zu werden."},
	{"-1" + strings.Repeat(".000", 103), 0, "„-1.000.000.000.000.000.000.000.000.000.0…“ ist zu groß, um als Zahl gespeichert zu werden."},
}

func TestParseNumber(t *testing.T) {
	for _, tt := range parseNumberTests {
		got, err := ParseNumber(tt.in)
		if tt.msg == "" {
			if err != nil || got != tt.want || math.Signbit(got) != math.Signbit(tt.want) {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		if got != 0 || Message(err) != tt.msg || !errors.Is(err, ErrInvalidInput) {
			t.Errorf("ParseNumber(%q) = %v, %q; want error %q", tt.in, got, Message(err), tt.msg)
		}
	}
}

func TestParseEntry(t *testing.T) {
	tests := []struct {
		in  string
		num float64
		sym Symbol
		msg string
	}{
		{".", 0, SymUnknown, ""},
		{" - ", 0, SymNothing, ""},
		{"–", 0, SymNothing, ""},
		{"/", 0, SymUnreliable, ""},
		{"x", 0, SymLocked, ""},
		{"X", 0, SymLocked, ""},
		{"...", 0, SymLater, ""},
		{"…", 0, SymLater, ""},
		{"1.234,5", 1234.5, NoSymbol, ""},
		{"-3,5 %", -3.5, NoSymbol, ""},
		{"0", 0, NoSymbol, ""},
		{"", 0, NoSymbol, msgEmptyNumber},
		{"12.5", 0, NoSymbol, msgAmbiguous12_5},
		{"abc", 0, NoSymbol, "„abc“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik (. - / x ...)."},
		{"..", 0, NoSymbol, "„..“ ist keine gültige Zahl: Der Tausenderpunkt trennt immer Gruppen von drei Ziffern (z. B. 1.234,5)."},
		{"xx", 0, NoSymbol, "„xx“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik (. - / x ...)."},
	}
	for _, tt := range tests {
		num, sym, err := ParseEntry(tt.in)
		if num != tt.num || sym != tt.sym || Message(err) != tt.msg || (tt.msg != "") != errors.Is(err, ErrInvalidInput) {
			t.Errorf("ParseEntry(%q) = %v, %q, %q; want %v, %q, %q", tt.in, num, sym, Message(err), tt.num, tt.sym, tt.msg)
		}
	}
}

// germanPlain writes v the simplest German way, without grouping.
func germanPlain(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// germanGrouped writes v with thousands points and a no-break space
// before a percent sign, as a spreadsheet would.
func germanGrouped(v float64) string {
	s := germanPlain(v)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasComma := strings.Cut(s, ",")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if hasComma {
		b.WriteString("," + frac)
	}
	return sign + b.String() + "\u00a0%"
}

func FuzzParseNumber(f *testing.F) {
	for _, tt := range parseNumberTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			if v != 0 || !errors.Is(err, ErrInvalidInput) || Message(err) == "" {
				t.Fatalf("ParseNumber(%q) = %v, %v", s, v, err)
			}
			if num, sym, err2 := ParseEntry(s); err2 == nil && sym == NoSymbol {
				t.Fatalf("ParseEntry(%q) = %v, %q, nil; ParseNumber refused it", s, num, sym)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v == 0 && math.Signbit(v) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		forms := []string{germanPlain(v), germanGrouped(v)}
		if !strings.HasSuffix(strings.TrimSpace(s), "%") {
			forms = append(forms, " "+s+"%")
		}
		for _, form := range forms {
			if w, err := ParseNumber(form); w != v || err != nil {
				t.Fatalf("ParseNumber(%q) = %v, %v; want %v (from %q)", form, w, err, v, s)
			}
		}
		if num, sym, err := ParseEntry(s); err != nil || sym == NoSymbol && num != v {
			t.Fatalf("ParseEntry(%q) = %v, %q, %v; ParseNumber gave %v", s, num, sym, err, v)
		}
	})
}
