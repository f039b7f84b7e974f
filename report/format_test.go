package report

import (
	"math"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

var formatNumberTests = []struct {
	v        float64
	decimals int
	want     string
}{
	{0, 0, "0"},
	{0, 1, "0,0"},
	{1234.5, 1, "1.234,5"},
	{12.5, 1, "12,5"},
	{-3, 1, "−3,0"},
	{999, 0, "999"},
	{999.95, 1, "1.000,0"},
	{999.949, 1, "999,9"},
	{1000, 0, "1.000"},
	{-1000, 0, "−1.000"},
	{1234567.891, 2, "1.234.567,89"},
	{100000, 0, "100.000"},
	{-9999999.5, 0, "−10.000.000"},
	{2.25, 1, "2,3"},
	{-2.25, 1, "−2,3"},
	{0.05, 1, "0,1"},
	{2.675, 2, "2,68"},
	{1.005, 2, "1,01"},
	{0.5, 0, "1"},
	{1.5, 0, "2"},
	{2.5, 0, "3"},
	{-0.5, 0, "−1"},
	{0.04999, 1, "0,0"},
	{0.125, 2, "0,13"},
	{9.995, 2, "10,00"},
	{99.96, 1, "100,0"},
	{math.Copysign(0, -1), 1, "0,0"},
	{-0.04, 1, "0,0"},
	{-0.4, 0, "0"},
	{0.1 + 0.2, 2, "0,30"},
	{1e-20, 3, "0,000"},
	{12.5, -1, "13"},
	{1.5, 5, "1,50000"},
	{1e15, 0, "1.000.000.000.000.000"},
	{123456789012345680, 0, "123.456.789.012.345.680"},
	{1e21, 0, "1.000.000.000.000.000.000.000"},
	{math.NaN(), 1, "–"},
	{math.Inf(1), 1, "–"},
	{math.Inf(-1), 0, "–"},
}

func TestFormatNumber(t *testing.T) {
	for _, tt := range formatNumberTests {
		if got := FormatNumber(tt.v, tt.decimals); got != tt.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestFormatAuto(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{12.5, "12,5"},
		{12, "12"},
		{1234.56, "1.234,56"},
		{1234.567, "1.234,57"},
		{1234.5, "1.234,5"},
		{0.001, "0"},
		{-0.001, "0"},
		{-0.005, "−0,01"},
		{1000, "1.000"},
		{1999.999, "2.000"},
		{0.1, "0,1"},
		{math.NaN(), "–"},
	}
	for _, tt := range tests {
		if got := FormatAuto(tt.v); got != tt.want {
			t.Errorf("FormatAuto(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestFormatPercentSignedPoints(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		percent  string
		signed   string
		points   string
	}{
		{12.5, 1, "12,5\u00a0%", "+12,5", "+12,5 Prozentpunkte"},
		{2.2, 1, "2,2\u00a0%", "+2,2", "+2,2 Prozentpunkte"},
		{-1, 1, "−1,0\u00a0%", "−1,0", "−1,0 Prozentpunkte"},
		{0, 1, "0,0\u00a0%", "±0,0", "±0,0 Prozentpunkte"},
		{-0.04, 1, "0,0\u00a0%", "±0,0", "±0,0 Prozentpunkte"},
		{0.04, 1, "0,0\u00a0%", "±0,0", "±0,0 Prozentpunkte"},
		{0.05, 1, "0,1\u00a0%", "+0,1", "+0,1 Prozentpunkte"},
		{1500, 0, "1.500\u00a0%", "+1.500", "+1.500 Prozentpunkte"},
		{-2.25, 1, "−2,3\u00a0%", "−2,3", "−2,3 Prozentpunkte"},
		{math.NaN(), 1, "–", "–", "–"},
		{math.Inf(1), 1, "–", "–", "–"},
	}
	for _, tt := range tests {
		if got := FormatPercent(tt.v, tt.decimals); got != tt.percent {
			t.Errorf("FormatPercent(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.percent)
		}
		if got := FormatSigned(tt.v, tt.decimals); got != tt.signed {
			t.Errorf("FormatSigned(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.signed)
		}
		if got := FormatPoints(tt.v, tt.decimals); got != tt.points {
			t.Errorf("FormatPoints(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.points)
		}
	}
}

func TestFormatDate(t *testing.T) {
	berlin := time.FixedZone("MEZ", 3600)
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), "31.12.2024"},
		{time.Date(2024, 1, 2, 23, 59, 0, 0, time.UTC), "02.01.2024"},
		{time.Date(2025, 3, 1, 0, 30, 0, 0, berlin), "01.03.2025"},
		{time.Time{}, "–"},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.t); got != tt.want {
			t.Errorf("FormatDate(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		num  float64
		sym  store.Symbol
		unit string
		want string
	}{
		{12.345, store.NoSymbol, "%", "12,3\u00a0%"},
		{1234, store.NoSymbol, "Anzahl", "1.234"},
		{1234.5, store.NoSymbol, "Anzahl", "1.234,5"},
		{2.125, store.NoSymbol, "Anzahl", "2,13"},
		{1.2, store.NoSymbol, "Index", "1,20"},
		{0.987, store.NoSymbol, "Verhältnis", "0,99"},
		{2.2, store.NoSymbol, "Prozentpunkte", "+2,2\u00a0Pp."},
		{0, store.NoSymbol, "Prozentpunkte", "±0,0\u00a0Pp."},
		{-1.04, store.NoSymbol, "Prozentpunkte", "−1,0\u00a0Pp."},
		{1234.5, store.NoSymbol, "", "1.234,5"},
		{12, store.NoSymbol, "Euro", "12"},
		{math.NaN(), store.NoSymbol, "%", "–"},
		{math.NaN(), store.NoSymbol, "Anzahl", "–"},
		{math.Inf(1), store.NoSymbol, "Anzahl", "–"},
		{math.NaN(), store.NoSymbol, "Prozentpunkte", "–"},
		{0, store.SymUnknown, "%", "."},
		{0, store.SymNothing, "Anzahl", "-"},
		{0, store.SymUnreliable, "Index", "/"},
		{0, store.SymLocked, "Anzahl", "x"},
		{5, store.SymLater, "%", "..."},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.num, tt.sym, tt.unit); got != tt.want {
			t.Errorf("FormatValue(%v, %q, %q) = %q, want %q", tt.num, tt.sym, tt.unit, got, tt.want)
		}
	}
}

// FormatNumber's output is German input that store.ParseNumber reads back
// as v rounded to decimals places.
func FuzzFormatNumber(f *testing.F) {
	for _, tt := range formatNumberTests {
		f.Add(tt.v, tt.decimals)
	}
	f.Fuzz(func(t *testing.T, v float64, decimals int) {
		decimals = int(uint(decimals) % 8)
		s := FormatNumber(v, decimals)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			if s != "–" {
				t.Fatalf("FormatNumber(%v, %d) = %q", v, decimals, s)
			}
			return
		}
		back, err := store.ParseNumber(s)
		if err != nil {
			t.Fatalf("FormatNumber(%v, %d) = %q, which ParseNumber refuses: %v", v, decimals, s, err)
		}
		if _, frac, _ := strings.Cut(s, ","); len(frac) != decimals {
			t.Fatalf("FormatNumber(%v, %d) = %q: wrong number of decimals", v, decimals, s)
		}
		// At most half a unit of the last place away, plus the error of
		// binary doubles for large magnitudes.
		unit := math.Pow10(-decimals)
		if d := math.Abs(back - v); d > unit/2*(1+1e-9)+math.Abs(v)*1e-15 {
			t.Fatalf("FormatNumber(%v, %d) = %q, reads back as %v, off by %v", v, decimals, s, back, d)
		}
		if back == 0 && strings.HasPrefix(s, "-") {
			t.Fatalf("FormatNumber(%v, %d) = %q: negative zero", v, decimals, s)
		}
		// Below 15 significant digits every decimal is exactly the shortest
		// form of its double, so formatting is idempotent there.
		if math.Abs(v) < 1e8 {
			if again := FormatNumber(back, decimals); again != s {
				t.Fatalf("FormatNumber(%v, %d) = %q, but of its value %v = %q", v, decimals, s, back, again)
			}
		}
		auto := FormatAuto(v)
		if strings.Contains(auto, ",") && strings.HasSuffix(auto, "0") {
			t.Fatalf("FormatAuto(%v) = %q has trailing zeros", v, auto)
		}
		if back, err := store.ParseNumber(auto); err != nil || math.Abs(back-v) > 0.005*(1+1e-9)+math.Abs(v)*1e-15 {
			t.Fatalf("FormatAuto(%v) = %q, reads back as %v, %v", v, auto, back, err)
		}
	})
}
