// Package disclosure decides which cells of published tables are hidden
// so that no small count can be read or recomputed from what is printed.
//
// The rules follow the practice of the statistical offices (cf. the
// Geheimhaltungsleitfaden of the Statistische Ämter, τ-ARGUS, sdcTable):
//
//   - Primary suppression: a count from 1 to Threshold-1, or a cell
//     marked confidential, is hidden. True zeros are published, as in the
//     official tables ("-" nichts vorhanden): hiding them would hide most of
//     a small table and protect nobody who is not there.
//   - Secondary suppression: the additive structures of the tables (a
//     total and its parts: Insgesamt = Deutsche + Ausländer/innen, schools
//     summing to the city, …) must not give a hidden cell back. In every
//     relation with exactly one unknown cell, the smallest published part
//     or total is hidden as well, and this is repeated until no relation
//     changes. As overlapping relations can still pin a cell down together
//     (a + b, b + c and a + c printed), the cells are then checked by linear
//     algebra, and a further cell is hidden next to every cell that the
//     printed cells still determine.
//   - Derived cells (a share, a rate, an index) are hidden when any of
//     their inputs is hidden.
//
// Not covered: interval attacks (a hidden count is known to lie between 0
// and the printed total, so a hidden complement of 0 next to a hidden 1 in
// a total of 1 is narrowed down), differencing between editions, and
// relations the caller does not declare.
//
// The package knows no tables, no formatting and no German wording: the
// caller names its cells with keys of its own.
package disclosure

import (
	"cmp"
	"slices"
)

// Reason says whether a cell is published and, if not, why.
type Reason uint8

// The reasons, published first.
const (
	// Published cells are printed.
	Published Reason = iota
	// Unknown cells carry no number for the reader because the data
	// keeps it secret (the official symbol "."): the sums must not give
	// it back either.
	Unknown
	// Missing cells carry no number for the reader and hide nothing (a
	// symbol such as "..." or "/"): they need no protection.
	Missing
	// Small is a count from 1 to Threshold-1 (primary suppression).
	Small
	// Confidential is a cell marked confidential (primary suppression).
	Confidential
	// Secondary is a cell hidden so that a hidden cell cannot be
	// recomputed from the sums.
	Secondary
	// Derived is a share, rate or index resting on a hidden cell.
	Derived
)

// Hidden reports whether a reason keeps a number out of what is
// published because of the suppression rules (Unknown is the data's own).
func (r Reason) Hidden() bool { return r >= Small }

// Problem is the set of cells and relations of one publication. Keys name
// the cells; a key added twice keeps its first definition.
type Problem[K comparable] struct {
	// Threshold is the small-count limit: counts from 1 to Threshold-1
	// are hidden. Threshold <= 1 hides no count for its size.
	Threshold int
	index     map[K]int
	cells     []cell
	relations [][]int // total first, then the parts
	derived   []derivation
}

type cell struct {
	value  float64
	reason Reason
	count  bool // a count, which may serve as a complement
}

type derivation struct {
	cell   int
	inputs []int
}

// New returns an empty problem with the small-count threshold.
func New[K comparable](threshold int) *Problem[K] {
	return &Problem[K]{Threshold: threshold, index: map[K]int{}}
}

// Grow makes room for n more cells, so that a caller that knows the size
// of its problem spares the index its growing.
func (p *Problem[K]) Grow(n int) {
	if n <= 0 || len(p.index) > 0 {
		p.cells = slices.Grow(p.cells, n)
		return
	}
	p.index = make(map[K]int, n)
	p.cells = slices.Grow(p.cells, n)
}

func (p *Problem[K]) add(key K, c cell) int {
	if i, ok := p.index[key]; ok {
		return i
	}
	p.index[key] = len(p.cells)
	p.cells = append(p.cells, c)
	return len(p.cells) - 1
}

// Count adds a count: hidden when confidential or from 1 to Threshold-1.
func (p *Problem[K]) Count(key K, n float64, confidential bool) {
	c := cell{value: n, count: true}
	switch {
	case confidential:
		c.reason = Confidential
	case n > 0 && n < float64(p.Threshold):
		c.reason = Small
	}
	p.add(key, c)
}

// Value adds a number that is not a count (a sum of money, a rate
// delivered as such): hidden only when confidential. It can still be a
// member of a relation and a complement.
func (p *Problem[K]) Value(key K, n float64, confidential bool) {
	c := cell{value: n, count: true}
	if confidential {
		c.reason = Confidential
	}
	p.add(key, c)
}

// Unknown adds a cell whose number the data keeps secret (the official
// symbol "."): protected like a hidden count, never published.
func (p *Problem[K]) Unknown(key K) {
	p.add(key, cell{reason: Unknown})
}

// Missing adds a cell without a number that hides nothing (a symbol such
// as "..." or "/"): the reader does not know it, but it needs no
// complement.
func (p *Problem[K]) Missing(key K) {
	p.add(key, cell{reason: Missing})
}

// protected reports whether a cell must not be derivable.
func (r Reason) protected() bool { return r != Published && r != Missing }

// Sum declares that total is the sum of parts. A relation naming a key
// that was never added is dropped: a member the reader cannot see makes
// the relation tell nothing about the others.
func (p *Problem[K]) Sum(total K, parts ...K) {
	rel := make([]int, 0, len(parts)+1)
	for j := -1; j < len(parts); j++ {
		k := total
		if j >= 0 {
			k = parts[j]
		}
		i, ok := p.index[k]
		if !ok || !p.cells[i].count && p.cells[i].reason != Unknown && p.cells[i].reason != Missing {
			return
		}
		rel = append(rel, i)
	}
	if len(rel) < 2 {
		return
	}
	p.relations = append(p.relations, rel)
}

// Derive adds a derived cell (share, rate, index) computed from inputs:
// hidden when any input is hidden. Inputs may be derived cells added
// before; unknown keys are ignored.
func (p *Problem[K]) Derive(key K, inputs ...K) {
	d := derivation{cell: p.add(key, cell{})}
	for _, k := range inputs {
		if i, ok := p.index[k]; ok {
			d.inputs = append(d.inputs, i)
		}
	}
	p.derived = append(p.derived, d)
}

// Result is the decision for every cell of a problem.
type Result[K comparable] struct {
	index   map[K]int
	reasons []Reason
}

// Reason is the decision for key; Published for a key never added.
func (r *Result[K]) Reason(key K) Reason {
	if r == nil {
		return Published
	}
	if i, ok := r.index[key]; ok {
		return r.reasons[i]
	}
	return Published
}

// Hidden reports whether key is hidden by the rules.
func (r *Result[K]) Hidden(key K) bool { return r.Reason(key).Hidden() }

// Solve applies primary, secondary and derived suppression.
func (p *Problem[K]) Solve() *Result[K] {
	reasons := make([]Reason, len(p.cells))
	for i, c := range p.cells {
		reasons[i] = c.reason
	}
	s := solver{cells: p.cells, relations: p.relations, reasons: reasons}
	s.secondary()
	// Derivations in the order added: an input derived earlier is decided.
	for changed := true; changed; {
		changed = false
		for _, d := range p.derived {
			if reasons[d.cell].Hidden() {
				continue
			}
			if slices.ContainsFunc(d.inputs, func(i int) bool { return reasons[i].Hidden() }) {
				reasons[d.cell], changed = Derived, true
			}
		}
	}
	return &Result[K]{index: p.index, reasons: reasons}
}

type solver struct {
	cells     []cell
	relations [][]int
	reasons   []Reason
}

func (s *solver) open(i int) bool { return s.reasons[i] != Published }

// secondary hides complements until no relation has a single unknown
// and the linear check finds no determined unknown.
func (s *solver) secondary() {
	for {
		for s.closeSingles() {
		}
		comps := determined(s.relations, s.open, func(i int) bool { return s.reasons[i].protected() })
		if len(comps) == 0 {
			return
		}
		progress := false
		for _, c := range comps {
			// One complement per group and round: it often frees the
			// other determined cells of the group as well.
			if i := s.complement(c); i >= 0 {
				s.reasons[i], progress = Secondary, true
			}
		}
		if !progress {
			// Only reached with relations that fix a cell by themselves
			// (two partitions of one total differing by a cell that must
			// be 0); no published cell can change that.
			return
		}
	}
}

// closeSingles hides one complement in every relation with exactly one
// unknown; it reports whether it hid any.
func (s *solver) closeSingles() bool {
	changed := false
	for _, rel := range s.relations {
		n, single := 0, -1
		for _, i := range rel {
			if s.open(i) {
				n, single = n+1, i
			}
		}
		if n != 1 || !s.reasons[single].protected() {
			continue
		}
		if c := smallest(s.cells, rel, s.open); c >= 0 {
			s.reasons[c], changed = Secondary, true
		}
	}
	return changed
}

// complement is the cell to hide next to the first determined cell of a
// group: the smallest published member of a relation that holds it, else
// of any relation of the group (the cell is then fixed through others).
func (s *solver) complement(c component) int {
	var direct, all []int
	for _, r := range c.relations {
		rel := s.relations[r]
		all = append(all, rel...)
		if slices.Contains(rel, c.determined[0]) {
			direct = append(direct, rel...)
		}
	}
	if i := smallest(s.cells, direct, s.open); i >= 0 {
		return i
	}
	return smallest(s.cells, all, s.open)
}

// smallest is the published member with the smallest value, preferring
// one above zero (a hidden 0 next to a hidden 1 protects little); -1 when
// every member is unknown.
func smallest(cells []cell, members []int, open func(int) bool) int {
	best := -1
	better := func(a, b int) bool { // a before b
		za, zb := cells[a].value == 0, cells[b].value == 0
		if za != zb {
			return zb
		}
		return cmp.Or(cmp.Compare(cells[a].value, cells[b].value), cmp.Compare(a, b)) < 0
	}
	for _, i := range members {
		if open(i) {
			continue
		}
		if best < 0 || better(i, best) {
			best = i
		}
	}
	return best
}
