package official

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

func TestParseCell(t *testing.T) {
	tests := []struct {
		raw                           string
		ok, hasNum                    bool
		num                           float64
		sym                           store.Symbol
		provisional, corrected, estim bool
		restricted                    bool
	}{
		{raw: "1.234", ok: true, hasNum: true, num: 1234},
		{raw: "12,5", ok: true, hasNum: true, num: 12.5},
		{raw: "-3", ok: true, hasNum: true, num: -3},
		{raw: "0", ok: true, hasNum: true},
		{raw: ".", ok: true, sym: store.SymUnknown},
		{raw: "-", ok: true, sym: store.SymNothing},
		{raw: "/", ok: true, sym: store.SymUnreliable},
		{raw: "x", ok: true, sym: store.SymLocked},
		{raw: "...", ok: true, sym: store.SymLater},
		{raw: "…", ok: true, sym: store.SymLater},
		{raw: "*", ok: true, sym: store.SymUnknown},
		{raw: "123p", ok: true, hasNum: true, num: 123, provisional: true},
		{raw: "12,5 r", ok: true, hasNum: true, num: 12.5, corrected: true},
		{raw: "x s", ok: true, sym: store.SymLocked, estim: true},
		{raw: "(218)", ok: true, hasNum: true, num: 218, restricted: true},
		{raw: "(1.218)p", ok: true, hasNum: true, num: 1218, restricted: true, provisional: true},
		{raw: ""},
		{raw: "( )"},
		{raw: "12.5"},
		{raw: "abc"},
		{raw: "p"},
		{raw: "1e5"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			c, ok := parseCell(tt.raw)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			got := [...]any{c.hasNum, c.num, c.sym, c.provisional, c.corrected, c.estimated, c.restricted}
			want := [...]any{tt.hasNum, tt.num, tt.sym, tt.provisional, tt.corrected, tt.estim, tt.restricted}
			if got != want {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestIsRegionKey(t *testing.T) {
	for s, want := range map[string]bool{
		"05": true, "051": true, "05378": true, "05378004": true, "053780004004": true, "DG": true, "JH05378004": true,
		"2015": false, "": false, "5": false, "31.12.2024": false, "Insgesamt": false, "0537800400401": false,
	} {
		if got := isRegionKey(s); got != want {
			t.Errorf("isRegionKey(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsoDate(t *testing.T) {
	for s, want := range map[string]string{
		"19.01.2026": "2026-01-19", "1.8.2017": "2017-08-01", "April 2025": "2025-04-01", "Dezember 2024": "2024-12-01",
		"2024": "", "Zeitreihe": "", "31.02.2024": "", "": "",
	} {
		if got := isoDate(s); got != want {
			t.Errorf("isoDate(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNormColumn(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Bevölkerungsstand; Insgesamt", "Bevoelkerungsstand;  insgesamt "},
		{impLdbPop, "Fortschreibung des Bevölkerungsstandes; Bevölkerungsstand; Anzahl"},
		{"Insgesamt; Ausländer(innen); Insgesamt", "Insgesamt; Ausländer; Insgesamt"},
	}
	for _, tt := range tests {
		if normColumn(tt.a) != normColumn(tt.b) {
			t.Errorf("%q and %q should match: %q vs %q", tt.a, tt.b, normColumn(tt.a), normColumn(tt.b))
		}
	}
	if normColumn("Insgesamt; Deutsche") == normColumn("Insgesamt; Ausländer") {
		t.Error("different groups match")
	}
}

func TestTableCode(t *testing.T) {
	for in, want := range map[string]string{" 12411-15i": "12411-15i", " 12411-01-01-5,,,,": "12411-01-01-5", "": "", " 22517-02i;": "22517-02i"} {
		if got := tableCode(in); got != want {
			t.Errorf("tableCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlainNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0", 0, true}, {"111361", 111361, true}, {"34112,44", 34112.44, true}, {"0,1", 0.1, true},
		{"999999999999999", 999999999999999, true},
		{"1.234", 0, false}, {"1,", 0, false}, {",5", 0, false}, {"-3", 0, false}, {"1234567890123456", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, ok := plainNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("plainNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
