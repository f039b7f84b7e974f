package disclosure

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
)

// The example of issue 13: 127 managers of whom 2 have a
// Migrationshintergrund; the share 2/127 must go with the 2.
func TestShareOfSmallCountIsHidden(t *testing.T) {
	p := New[string](3)
	p.Count("insgesamt", 127, false)
	p.Count("mit_mh", 2, false)
	p.Count("bev_insgesamt", 110000, false)
	p.Count("bev_mit_mh", 30000, false)
	p.Derive("anteil", "mit_mh", "insgesamt")
	p.Derive("vergleich", "bev_mit_mh", "bev_insgesamt")
	p.Derive("index", "anteil", "vergleich")
	r := p.Solve()
	for key, want := range map[string]Reason{
		"insgesamt": Published, "mit_mh": Small, "anteil": Derived, "vergleich": Published, "index": Derived,
	} {
		if got := r.Reason(key); got != want {
			t.Errorf("%s: %v, want %v", key, got, want)
		}
	}
}

func TestComplementIsTheSmallestPart(t *testing.T) {
	p := New[string](3)
	p.Count("insgesamt", 500, false)
	p.Count("deutsche", 480, false)
	p.Count("auslaender", 2, false)
	p.Count("staatenlos", 18, false)
	p.Sum("insgesamt", "deutsche", "auslaender", "staatenlos")
	r := p.Solve()
	if r.Reason("staatenlos") != Secondary || r.Hidden("deutsche") || r.Hidden("insgesamt") {
		t.Errorf("deutsche %v, staatenlos %v, insgesamt %v; want only staatenlos as complement",
			r.Reason("deutsche"), r.Reason("staatenlos"), r.Reason("insgesamt"))
	}
}

func TestTrueZeroIsPublishedAndNotChosenFirst(t *testing.T) {
	p := New[string](3)
	p.Count("t", 10, false)
	p.Count("a", 1, false)
	p.Count("b", 0, false)
	p.Count("c", 9, false)
	p.Sum("t", "a", "b", "c")
	r := p.Solve()
	if r.Hidden("b") || r.Reason("c") != Secondary {
		t.Errorf("b %v, c %v: want the zero published and 9 hidden", r.Reason("b"), r.Reason("c"))
	}
}

// Every relation ends up with two unknowns, yet a+b, b+c and a+c printed
// together give all three back: the linear check must catch it.
func TestOverlappingRelationsAreCheckedTogether(t *testing.T) {
	p := New[string](3)
	for k, v := range map[string]float64{"a": 1, "b": 5, "c": 7, "ab": 6, "bc": 12, "ac": 8} {
		p.Count(k, v, false)
	}
	p.Sum("ab", "a", "b")
	p.Sum("bc", "b", "c")
	p.Sum("ac", "a", "c")
	r := p.Solve()
	checkUndetermined(t, p, r)
	if r.Hidden("bc") && r.Hidden("ab") && r.Hidden("ac") {
		t.Errorf("every total hidden; one more cell is enough")
	}
}

func TestUnknownSymbolCountsAsUnknown(t *testing.T) {
	p := New[string](3)
	p.Count("t", 100, false)
	p.Unknown("a") // "." delivered by the office
	p.Count("b", 1, false)
	p.Sum("t", "a", "b")
	r := p.Solve()
	if r.Hidden("t") || r.Reason("a") != Unknown {
		t.Errorf("t %v, a %v: two unknowns need no complement", r.Reason("t"), r.Reason("a"))
	}
}

// A "." of the data is protected like a hidden count; a "..." is not.
func TestSecretSymbolIsProtectedMissingIsNot(t *testing.T) {
	for _, tt := range []struct {
		secret bool
		want   Reason
	}{{true, Secondary}, {false, Published}} {
		p := New[string](3)
		p.Count("t", 100, false)
		if tt.secret {
			p.Unknown("a")
		} else {
			p.Missing("a")
		}
		p.Count("b", 40, false)
		p.Sum("t", "a", "b")
		if got := p.Solve().Reason("b"); got != tt.want {
			t.Errorf("secret %v: b is %v, want %v", tt.secret, got, tt.want)
		}
	}
}

// TestNoHiddenCellIsDerivable is the property test of issue 13: for
// random tables with margins, overlapping partitions of one total and
// subsets summing to further totals, no hidden count is determined by the
// printed ones; checked with exact rational arithmetic, independently of
// the solver's own elimination.
func TestNoHiddenCellIsDerivable(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2026))
	hidden, total := 0, 0
	for n := range 400 {
		p, keys := randomProblem(rng)
		r := p.Solve()
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			checkPrimary(t, p, r)
			checkUndetermined(t, p, r)
			checkDerived(t, p, r)
		})
		for _, k := range keys {
			total++
			if r.Hidden(k) {
				hidden++
			}
		}
	}
	// Not a property but a guard against a solver that hides everything.
	if hidden*2 > total {
		t.Errorf("%d of %d cells hidden", hidden, total)
	}
}

func randomProblem(rng *rand.Rand) (*Problem[string], []string) {
	p := New[string](1 + rng.IntN(5))
	var keys []string
	count := func(key string, v float64) {
		p.Count(key, v, rng.IntN(25) == 0)
		keys = append(keys, key)
	}
	small := func() float64 {
		if rng.IntN(3) == 0 {
			return float64(rng.IntN(4))
		}
		return float64(rng.IntN(60))
	}
	// A table with margins: cells, row totals, column totals, grand total.
	rows, cols := 1+rng.IntN(4), 1+rng.IntN(4)
	x := make([][]float64, rows)
	colSum := make([]float64, cols)
	grand := 0.0
	for i := range rows {
		x[i] = make([]float64, cols)
		rowSum := 0.0
		var parts []string
		for j := range cols {
			x[i][j] = small()
			key := fmt.Sprintf("x%d.%d", i, j)
			switch rng.IntN(20) {
			case 0:
				p.Unknown(key)
			case 1:
				p.Missing(key)
			default:
				count(key, x[i][j])
			}
			parts = append(parts, key)
			rowSum += x[i][j]
			colSum[j] += x[i][j]
		}
		count(fmt.Sprintf("r%d", i), rowSum)
		p.Sum(fmt.Sprintf("r%d", i), parts...)
		grand += rowSum
	}
	var rowKeys, colKeys []string
	for i := range rows {
		rowKeys = append(rowKeys, fmt.Sprintf("r%d", i))
	}
	for j := range cols {
		key := fmt.Sprintf("c%d", j)
		count(key, colSum[j])
		colKeys = append(colKeys, key)
		var parts []string
		for i := range rows {
			parts = append(parts, fmt.Sprintf("x%d.%d", i, j))
		}
		p.Sum(key, parts...)
	}
	count("g", grand)
	p.Sum("g", rowKeys...)
	p.Sum("g", colKeys...)
	// A second partition of the grand total (mit/ohne MH next to
	// Deutsche/Ausländer).
	if rng.IntN(2) == 0 {
		a := float64(rng.IntN(int(grand) + 1))
		count("m", a)
		count("o", grand-a)
		p.Sum("g", "m", "o")
	}
	// Subsets of the cells summing to further printed totals (schools
	// summing to a school type).
	for s := range rng.IntN(3) {
		var parts []string
		sum := 0.0
		for i := range rows {
			for j := range cols {
				if rng.IntN(2) == 0 {
					parts = append(parts, fmt.Sprintf("x%d.%d", i, j))
					sum += x[i][j]
				}
			}
		}
		if len(parts) == 0 {
			continue
		}
		key := fmt.Sprintf("s%d", s)
		count(key, sum)
		p.Sum(key, parts...)
	}
	// Shares of cells in their row total, and an index of two shares.
	for i := range rows {
		p.Derive(fmt.Sprintf("share%d", i), fmt.Sprintf("x%d.0", i), fmt.Sprintf("r%d", i))
	}
	p.Derive("index", "share0", fmt.Sprintf("share%d", rows-1))
	return p, keys
}

func checkPrimary(t *testing.T, p *Problem[string], r *Result[string]) {
	t.Helper()
	for key, i := range p.index {
		c := p.cells[i]
		small := c.count && c.value > 0 && c.value < float64(p.Threshold)
		if (small || c.reason == Confidential) && !r.Hidden(key) {
			t.Errorf("%s = %v (threshold %d, %v) is published", key, c.value, p.Threshold, c.reason)
		}
	}
}

func checkDerived(t *testing.T, p *Problem[string], r *Result[string]) {
	t.Helper()
	for _, d := range p.derived {
		for _, in := range d.inputs {
			if r.reasons[in].Hidden() && !r.reasons[d.cell].Hidden() {
				t.Errorf("derived cell %d published though input %d is hidden", d.cell, in)
			}
		}
	}
}

// checkUndetermined fails when the printed cells and the relations fix a
// hidden cell: e_u in the row space of the relations restricted to the
// unknowns, i.e. adding e_u as a row does not raise the rank.
func checkUndetermined(t *testing.T, p *Problem[string], r *Result[string]) {
	t.Helper()
	var unknowns []int
	col := map[int]int{}
	for _, rel := range p.relations {
		for _, i := range rel {
			if _, ok := col[i]; r.reasons[i] != Published && !ok {
				col[i] = len(unknowns)
				unknowns = append(unknowns, i)
			}
		}
	}
	var m [][]*big.Rat
	for _, rel := range p.relations {
		row := make([]*big.Rat, len(unknowns))
		for j := range row {
			row[j] = new(big.Rat)
		}
		for n, i := range rel {
			if j, ok := col[i]; ok {
				d := big.NewRat(-1, 1)
				if n == 0 {
					d = big.NewRat(1, 1)
				}
				row[j].Add(row[j], d)
			}
		}
		m = append(m, row)
	}
	base := rank(m)
	for j, i := range unknowns {
		if !r.reasons[i].protected() {
			continue // a missing number hides nothing
		}
		e := make([]*big.Rat, len(unknowns))
		for k := range e {
			e[k] = new(big.Rat)
		}
		e[j].SetInt64(1)
		if rank(append(clone(m), e)) == base {
			key := ""
			for k, x := range p.index {
				if x == i {
					key = k
				}
			}
			t.Errorf("hidden cell %s (%v, %v) is derivable from the printed cells", key, p.cells[i].value, r.reasons[i])
		}
	}
}

func clone(m [][]*big.Rat) [][]*big.Rat {
	out := make([][]*big.Rat, len(m))
	for i, row := range m {
		out[i] = make([]*big.Rat, len(row))
		for j, x := range row {
			out[i][j] = new(big.Rat).Set(x)
		}
	}
	return out
}

// rank is the rank of m by exact elimination; m is changed.
func rank(m [][]*big.Rat) int {
	if len(m) == 0 {
		return 0
	}
	rk := 0
	for j := 0; j < len(m[0]) && rk < len(m); j++ {
		p := -1
		for i := rk; i < len(m); i++ {
			if m[i][j].Sign() != 0 {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		m[rk], m[p] = m[p], m[rk]
		for i := rk + 1; i < len(m); i++ {
			if m[i][j].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Quo(m[i][j], m[rk][j])
			for k := j; k < len(m[i]); k++ {
				m[i][k].Sub(m[i][k], new(big.Rat).Mul(f, m[rk][k]))
			}
		}
		rk++
	}
	return rk
}
