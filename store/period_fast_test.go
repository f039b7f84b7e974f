package store

import (
	"fmt"
	"regexp"
	"testing"
)

// TestParsePeriodFastAgrees: the fast path accepts only what the regular
// expressions accept, with the same canonical result.
func TestParsePeriodFastAgrees(t *testing.T) {
	var in []string
	for y := 1940; y <= 2110; y += 3 {
		in = append(in, fmt.Sprint(y), fmt.Sprintf("%d-H1", y), fmt.Sprintf("%d-H2", y), fmt.Sprintf("%d-H3", y), fmt.Sprintf("%d-h1", y),
			fmt.Sprintf("%d/%02d", y, (y+1)%100), fmt.Sprintf("%d/%02d", y, (y+2)%100))
		for m := 0; m <= 13; m++ {
			for _, d := range []int{0, 1, 9, 28, 29, 30, 31, 32} {
				in = append(in, fmt.Sprintf("%d-%02d-%02d", y, m, d), fmt.Sprintf("%02d.%02d.%d", d, m, y), fmt.Sprintf("%d.%d.%d", d, m, y))
			}
		}
	}
	in = append(in, "", " 2024", "2024 ", "20244", "2024-", "2024-H", "31.12.24", "1.1.2024.", "..2024", "a.b.2024", "2024-1-01",
		"31.12.2024 ", "１２.12.2024", "2024/2025", "+2024", "-1.12.2024", "2024-12-3１")
	accepted := 0
	for _, s := range in {
		p, ok := parsePeriodFast(s)
		want, err := parsePeriodSlow(s)
		if ok {
			accepted++
			if err != nil || p != want {
				t.Errorf("fast %q = %q, slow = %q, %v", s, p, want, err)
			}
		}
	}
	if accepted < len(in)/4 {
		t.Errorf("fast path took only %d of %d inputs", accepted, len(in))
	}
}

// TestPeriodPartsShapes: parts matches the canonical shapes exactly as
// the regular expressions it replaced did.
func TestPeriodPartsShapes(t *testing.T) {
	shapes := []*regexp.Regexp{
		regexp.MustCompile(`^([0-9]{4})$`),
		regexp.MustCompile(`^([0-9]{4})-H([12])$`),
		regexp.MustCompile(`^([0-9]{4})/([0-9]{2})$`),
		regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})$`),
	}
	for _, s := range []string{"2024", "202", "20245", "2024-H1", "2024-H2", "2024-H3", "2024-h1", "2024/25", "2024/2", "2024/255",
		"2024-12-31", "2024-1-31", "2024-12-3a", "x024", "2024-H１", "2024 ", "2024\n"} {
		matched := false
		for _, re := range shapes {
			matched = matched || re.MatchString(s)
		}
		k, _, _, _, _ := Period(s).parts()
		if (k != "") != matched {
			t.Errorf("%q: parts kind %q, regexp match %v", s, k, matched)
		}
	}
}
