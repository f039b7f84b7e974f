package report

import "testing"

func TestFormatChange(t *testing.T) {
	cases := []struct {
		name  string
		delta float64
		unit  string
		want  string
	}{
		{"SharePoints", 2.2, "%", "+2,2 Prozentpunkte"},
		{"ShareDown", -1.04, "%", "-1,0 Prozentpunkte"},
		{"Index", 0.123, "Index", "+0,12"},
		{"Count", 12, "Anzahl", "+12"},
		{"CountThousands", -1234, "Anzahl", "-1.234"},
		{"PointsUnit", 0.5, "Prozentpunkte", "+0,5\u00a0Pp."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := FormatChange(tc.delta, tc.unit); got != tc.want {
				t.Errorf("FormatChange(%v, %q) = %q, want %q", tc.delta, tc.unit, got, tc.want)
			}
		})
	}
}
