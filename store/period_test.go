package store

import (
	"errors"
	"math"
	"slices"
	"testing"
	"unicode/utf8"
)

var parsePeriodTests = []struct {
	in   string
	want Period
	msg  string // German message if refused
}{
	{"2024", "2024", ""},
	{"  2024\t", "2024", ""},
	{"\u00a02024\u202f", "2024", ""},
	{"1950", "1950", ""},
	{"2100", "2100", ""},
	{"2024-H1", "2024-H1", ""},
	{"2024-h2", "2024-H2", ""},
	{"1. Halbjahr 2024", "2024-H1", ""},
	{"2. Halbjahr 2024", "2024-H2", ""},
	{"1.Halbjahr 2024", "2024-H1", ""},
	{"1  Halbjahr   2024", "2024-H1", ""},
	{"2. Hj. 2024", "2024-H2", ""},
	{"2. HJ 2024", "2024-H2", ""},
	{"1. hj.2024", "2024-H1", ""},
	{"2024/25", "2024/25", ""},
	{"2024 / 25", "2024/25", ""},
	{"2024/2025", "2024/25", ""},
	{"1999/00", "1999/00", ""},
	{"1999/2000", "1999/00", ""},
	{"Schuljahr 2024/25", "2024/25", ""},
	{"schuljahr 2024/2025", "2024/25", ""},
	{"SJ 2024/25", "2024/25", ""},
	{"SJ. 2024/25", "2024/25", ""},
	{"31.12.2024", "2024-12-31", ""},
	{"1.2.2024", "2024-02-01", ""},
	{"29.02.2024", "2024-02-29", ""},
	{"2024-12-31", "2024-12-31", ""},
	{"2000-02-29", "2000-02-29", ""},

	{"", "", "Bitte geben Sie eine Erhebungszeit ein."},
	{" \t ", "", "Bitte geben Sie eine Erhebungszeit ein."},
	{"2024-H3", "", "Das Halbjahr muss 1 oder 2 sein."},
	{"2024-H0", "", "Das Halbjahr muss 1 oder 2 sein."},
	{"3. Halbjahr 2024", "", "Das Halbjahr muss 1 oder 2 sein."},
	{"0. Hj. 2024", "", "Das Halbjahr muss 1 oder 2 sein."},
	{"01. Halbjahr 2024", "", "Das Halbjahr muss 1 oder 2 sein."},
	{"2024/26", "", "Ein Schuljahr muss aufeinanderfolgende Jahre nennen, z. B. 2024/25."},
	{"2024/24", "", "Ein Schuljahr muss aufeinanderfolgende Jahre nennen, z. B. 2024/25."},
	{"2024/2026", "", "Ein Schuljahr muss aufeinanderfolgende Jahre nennen, z. B. 2024/25."},
	{"Schuljahr 2023/25", "", "Ein Schuljahr muss aufeinanderfolgende Jahre nennen, z. B. 2024/25."},
	{"1999/2100", "", "Ein Schuljahr muss aufeinanderfolgende Jahre nennen, z. B. 2024/25."},
	{"31.02.2024", "", "Den 31.02.2024 gibt es nicht."},
	{"29.2.2023", "", "Den 29.02.2023 gibt es nicht."},
	{"1.13.2024", "", "Den 01.13.2024 gibt es nicht."},
	{"0.1.2024", "", "Den 00.01.2024 gibt es nicht."},
	{"2024-02-31", "", "Den 31.02.2024 gibt es nicht."},
	{"2024-00-10", "", "Den 10.00.2024 gibt es nicht."},
	{"1850", "", "Das Jahr 1850 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
	{"1949", "", "Das Jahr 1949 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
	{"2101", "", "Das Jahr 2101 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
	{"0024", "", "Das Jahr 24 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
	{"1. Halbjahr 1024", "", "Das Jahr 1024 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
	{"1849/50", "", "Das Jahr 1849 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
	{"31.12.1850", "", "Das Jahr 1850 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
	{"1/2024", "", "„1/2024“ ist mehrdeutig. Bitte schreiben Sie z. B. „1. Halbjahr 2024“ oder „Schuljahr 2024/25“."},
	{"2 / 2024", "", "„2 / 2024“ ist mehrdeutig. Bitte schreiben Sie z. B. „1. Halbjahr 2024“ oder „Schuljahr 2024/25“."},
	{"2024/1", "", "„2024/1“ ist mehrdeutig. Bitte schreiben Sie z. B. „1. Halbjahr 2024“ oder „Schuljahr 2024/25“."},
	{"Schuljahr 2024", "", "Bitte geben Sie beide Jahre des Schuljahres an, z. B. „Schuljahr 2024/25“."},
	{"24/25", "", "Bitte geben Sie das Anfangsjahr des Schuljahres vierstellig an, z. B. „Schuljahr 2024/25“."},
	{"31.12.24", "", "Bitte geben Sie das Jahr vierstellig an, z. B. „31.12.2024“."},
	{"24", "", "„24“ ist keine gültige Erhebungszeit. Möglich sind z. B. „2024“, „1. Halbjahr 2024“, „Schuljahr 2024/25“ oder „31.12.2024“."},
	{"Halbjahr 2024", "", "„Halbjahr 2024“ ist keine gültige Erhebungszeit. Möglich sind z. B. „2024“, „1. Halbjahr 2024“, „Schuljahr 2024/25“ oder „31.12.2024“."},
	{"2024-25", "", "„2024-25“ ist keine gültige Erhebungszeit. Möglich sind z. B. „2024“, „1. Halbjahr 2024“, „Schuljahr 2024/25“ oder „31.12.2024“."},
	{"12/31/2024", "", "„12/31/2024“ ist keine gültige Erhebungszeit. Möglich sind z. B. „2024“, „1. Halbjahr 2024“, „Schuljahr 2024/25“ oder „31.12.2024“."},
	{"Im Jahr 2024 wurden die Daten vom Kreis geliefert", "", "„Im Jahr 2024 wurden die Daten vom Kreis…“ ist keine gültige Erhebungszeit. Möglich sind z. B. „2024“, „1. Halbjahr 2024“, „Schuljahr 2024/25“ oder „31.12.2024“."},
}

func TestParsePeriod(t *testing.T) {
	for _, tt := range parsePeriodTests {
		got, err := ParsePeriod(tt.in)
		if tt.msg == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParsePeriod(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParsePeriod(%q) = %q; want error %q", tt.in, got, tt.msg)
			continue
		}
		if got != "" || Message(err) != tt.msg || !errors.Is(err, ErrInvalidInput) {
			t.Errorf("ParsePeriod(%q) = %q, %q; want error %q", tt.in, got, Message(err), tt.msg)
		}
	}
}

func TestParsePeriodOfKind(t *testing.T) {
	tests := []struct {
		in   string
		kind PeriodKind
		want Period
		msg  string
	}{
		{"2024", YearPeriod, "2024", ""},
		{"1. Halbjahr 2024", HalfYearPeriod, "2024-H1", ""},
		{"SJ 2024/25", SchoolYearPeriod, "2024/25", ""},
		{"31.12.2024", DatePeriod, "2024-12-31", ""},
		{"2024", HalfYearPeriod, "", "Für diese Grundzahl wird ein Halbjahr erwartet, z. B. „1. Halbjahr 2024“."},
		{"2024-H1", YearPeriod, "", "Für diese Grundzahl wird ein Jahr erwartet, z. B. „2024“."},
		{"31.12.2024", YearPeriod, "", "Für diese Grundzahl wird ein Jahr erwartet, z. B. „2024“."},
		{"2024", SchoolYearPeriod, "", "Für diese Grundzahl wird ein Schuljahr erwartet. Meinen Sie „Schuljahr 2023/24“ oder „Schuljahr 2024/25“?"},
		{"2000", SchoolYearPeriod, "", "Für diese Grundzahl wird ein Schuljahr erwartet. Meinen Sie „Schuljahr 1999/00“ oder „Schuljahr 2000/01“?"},
		{"2024-H2", SchoolYearPeriod, "", "Für diese Grundzahl wird ein Schuljahr erwartet, z. B. „Schuljahr 2024/25“."},
		{"2024", DatePeriod, "", "Für diese Grundzahl wird ein Stichtag erwartet, z. B. „31.12.2024“."},
		// The input's own problem comes before the kind's.
		{"31.02.2024", YearPeriod, "", "Den 31.02.2024 gibt es nicht."},
		{"", HalfYearPeriod, "", "Bitte geben Sie eine Erhebungszeit ein."},
	}
	for _, tt := range tests {
		got, err := ParsePeriodOfKind(tt.in, tt.kind)
		if got != tt.want || Message(err) != tt.msg || (tt.msg != "") != errors.Is(err, ErrInvalidInput) {
			t.Errorf("ParsePeriodOfKind(%q, %s) = %q, %q; want %q, %q", tt.in, tt.kind, got, Message(err), tt.want, tt.msg)
		}
	}
	if _, err := ParsePeriodOfKind("2024", "monat"); err == nil || errors.Is(err, ErrInvalidInput) {
		t.Errorf("unknown kind: got %v, want a programming error", err)
	}
}

func TestPeriodMethods(t *testing.T) {
	tests := []struct {
		p     Period
		kind  PeriodKind
		year  int
		label string
		short string
		pos   float64
		next  Period
	}{
		{"2024", YearPeriod, 2024, "2024", "2024", 2024, "2025"},
		{"2024-H1", HalfYearPeriod, 2024, "1. Halbjahr 2024", "1. Hj. 2024", 2024, "2024-H2"},
		{"2024-H2", HalfYearPeriod, 2024, "2. Halbjahr 2024", "2. Hj. 2024", 2024.5, "2025-H1"},
		{"2024/25", SchoolYearPeriod, 2024, "Schuljahr 2024/25", "2024/25", 2024, "2025/26"},
		{"1999/00", SchoolYearPeriod, 1999, "Schuljahr 1999/00", "1999/00", 1999, "2000/01"},
		{"2024-12-31", DatePeriod, 2024, "31.12.2024", "31.12.24", 2024 + 365.0/366, "2025-12-31"},
		{"2023-12-31", DatePeriod, 2023, "31.12.2023", "31.12.23", 2023 + 364.0/365, "2024-12-31"},
		{"2024-01-01", DatePeriod, 2024, "01.01.2024", "01.01.24", 2024, "2025-01-01"},
		{"2024-07-01", DatePeriod, 2024, "01.07.2024", "01.07.24", 2024 + 182.0/366, "2025-07-01"},
		{"2024-02-29", DatePeriod, 2024, "29.02.2024", "29.02.24", 2024 + 59.0/366, "2025-02-28"},
		{"2000-06-30", DatePeriod, 2000, "30.06.2000", "30.06.00", 2000 + 181.0/366, "2001-06-30"},
		{"2100", YearPeriod, 2100, "2100", "2100", 2100, ""},
		{"2100-H1", HalfYearPeriod, 2100, "1. Halbjahr 2100", "1. Hj. 2100", 2100, "2100-H2"},
		{"2100-H2", HalfYearPeriod, 2100, "2. Halbjahr 2100", "2. Hj. 2100", 2100.5, ""},
		{"2099/00", SchoolYearPeriod, 2099, "Schuljahr 2099/00", "2099/00", 2099, "2100/01"},
		{"2100/01", SchoolYearPeriod, 2100, "Schuljahr 2100/01", "2100/01", 2100, ""},
		{"2100-12-31", DatePeriod, 2100, "31.12.2100", "31.12.00", 2100 + 364.0/365, ""},
	}
	for _, tt := range tests {
		if !tt.p.Valid() || tt.p.Kind() != tt.kind || tt.p.Year() != tt.year || tt.p.Label() != tt.label ||
			tt.p.Short() != tt.short || tt.p.Pos() != tt.pos || tt.p.Next() != tt.next {
			t.Errorf("%q: Valid %v Kind %q Year %d Label %q Short %q Pos %v Next %q; want true %q %d %q %q %v %q",
				tt.p, tt.p.Valid(), tt.p.Kind(), tt.p.Year(), tt.p.Label(), tt.p.Short(), tt.p.Pos(), tt.p.Next(),
				tt.kind, tt.year, tt.label, tt.short, tt.pos, tt.next)
		}
	}
}

// Non-canonical and impossible strings are not periods, even where
// ParsePeriod would accept them as input.
func TestPeriodInvalid(t *testing.T) {
	for _, p := range []Period{"", "24", "1949", "2101", "2024-H3", "2024-h1", "2024/26", "2024/2025",
		"Schuljahr 2024/25", "31.12.2024", "2024-02-30", "2023-02-29", "2024-1-01", " 2024", "2024\n"} {
		if p.Valid() || p.Kind() != "" || p.Year() != 0 || !math.IsNaN(p.Pos()) || p.Next() != "" ||
			p.Label() != string(p) || p.Short() != string(p) {
			t.Errorf("%q: Valid %v Kind %q Year %d Pos %v Next %q Label %q Short %q; want an invalid period",
				p, p.Valid(), p.Kind(), p.Year(), p.Pos(), p.Next(), p.Label(), p.Short())
		}
	}
}

func TestPeriodCompare(t *testing.T) {
	want := []Period{
		"x", // invalid first
		"2023-H2",
		"2023-12-31",
		"2024", "2024-01-01", "2024-H1", "2024/25",
		"2024-02-29",
		"2024-H2",
		"2024-12-31",
		"2025",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, Period.Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted: %q\nwant    %q", got, want)
	}
	for _, p := range want {
		if p.Compare(p) != 0 {
			t.Errorf("%q.Compare(itself) = %d", p, p.Compare(p))
		}
	}
}

// Next walks without gaps: Pos strictly grows and the steps are one year
// or half a year.
func TestPeriodNextWalk(t *testing.T) {
	for _, start := range []Period{"1950", "1950-H1", "1950/51", "1952-02-29", "1950-12-31"} {
		n := 0
		for p := start; p != ""; p = p.Next() {
			q := p.Next()
			if q == "" {
				break
			}
			if p.Compare(q) >= 0 || q.Kind() != p.Kind() || q.Year()-p.Year() > 1 {
				t.Fatalf("%q.Next() = %q", p, q)
			}
			n++
		}
		if n < 140 {
			t.Errorf("from %q only %d steps", start, n)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, tt := range parsePeriodTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			var ue *UserError
			if p != "" || !errors.As(err, &ue) || !errors.Is(err, ErrInvalidInput) || !utf8.ValidString(ue.Message) && utf8.ValidString(s) {
				t.Fatalf("ParsePeriod(%q) = %q, %v", s, p, err)
			}
			return
		}
		if !p.Valid() || p.Year() < MinPeriodYear || p.Year() > MaxPeriodYear || math.IsNaN(p.Pos()) {
			t.Fatalf("ParsePeriod(%q) = %q, not valid", s, p)
		}
		// Canonical form, Label and Short (except a date's two-digit year)
		// read back to the same period.
		forms := []string{string(p), p.Label()}
		if p.Kind() != DatePeriod {
			forms = append(forms, p.Short())
		}
		for _, form := range forms {
			if q, err := ParsePeriod(form); q != p {
				t.Fatalf("ParsePeriod(%q) = %q, %v; want %q (from %q)", form, q, err, p, s)
			}
		}
		if q, err := ParsePeriodOfKind(s, p.Kind()); q != p || err != nil {
			t.Fatalf("ParsePeriodOfKind(%q, %s) = %q, %v", s, p.Kind(), q, err)
		}
		if n := p.Next(); n != "" && (!n.Valid() || n.Kind() != p.Kind() || p.Compare(n) >= 0 || n.Compare(p) <= 0) {
			t.Fatalf("%q.Next() = %q", p, n)
		}
	})
}
