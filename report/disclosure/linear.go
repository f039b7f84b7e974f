package disclosure

import (
	"math"
	"slices"
)

// determined lists the unknown cells that the relations fix once every
// published cell is substituted: cell u is determined when the unit vector
// of u lies in the row space of the relations restricted to the unknowns.
// Each connected group of relations is reduced on its own (Gauss-Jordan),
// so that a file with many small tables stays cheap; the result holds the
// determined unknowns of each group with the group's relations.
func determined(relations [][]int, open, protected func(int) bool) []component {
	// Union-find over the unknowns that share a relation.
	parent := map[int]int{}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	var rels []int
	for r, rel := range relations {
		first := -1
		for _, i := range rel {
			if !open(i) {
				continue
			}
			if _, ok := parent[i]; !ok {
				parent[i] = i
			}
			if first < 0 {
				first = i
				continue
			}
			parent[find(i)] = find(first)
		}
		if first >= 0 {
			rels = append(rels, r)
		}
	}
	groups := map[int][]int{}
	for _, r := range rels {
		for _, i := range relations[r] {
			if open(i) {
				root := find(i)
				groups[root] = append(groups[root], r)
				break
			}
		}
	}
	roots := make([]int, 0, len(groups))
	for root := range groups {
		roots = append(roots, root)
	}
	slices.Sort(roots) // deterministic order of the complements chosen
	var out []component
	for _, root := range roots {
		d := slices.DeleteFunc(determinedIn(relations, groups[root], open), func(i int) bool { return !protected(i) })
		if len(d) > 0 {
			out = append(out, component{relations: groups[root], determined: d})
		}
	}
	return out
}

// component is a connected group of relations (indexes) and the unknowns
// they determine.
type component struct {
	relations  []int
	determined []int
}

// determinedIn reduces the relations rs to row echelon form over their
// unknowns and returns the unknowns whose pivot row has no other entry.
func determinedIn(relations [][]int, rs []int, open func(int) bool) []int {
	col := map[int]int{}
	var cols []int
	for _, r := range rs {
		for _, i := range relations[r] {
			if _, ok := col[i]; open(i) && !ok {
				col[i] = len(cols)
				cols = append(cols, i)
			}
		}
	}
	m := make([][]float64, len(rs))
	for n, r := range rs {
		m[n] = make([]float64, len(cols))
		for j, i := range relations[r] {
			if !open(i) {
				continue
			}
			if j == 0 {
				m[n][col[i]] += 1 // the total
			} else {
				m[n][col[i]] -= 1
			}
		}
	}
	const eps = 1e-9
	pivotRow := make([]int, len(cols))
	for j := range pivotRow {
		pivotRow[j] = -1
	}
	row := 0
	for j := 0; j < len(cols) && row < len(m); j++ {
		best := row
		for r := row + 1; r < len(m); r++ {
			if math.Abs(m[r][j]) > math.Abs(m[best][j]) {
				best = r
			}
		}
		if math.Abs(m[best][j]) < eps {
			continue
		}
		m[row], m[best] = m[best], m[row]
		pv := m[row][j]
		for k := range m[row] {
			m[row][k] /= pv
		}
		for r := range m {
			if r == row || math.Abs(m[r][j]) < eps {
				continue
			}
			f := m[r][j]
			for k := range m[r] {
				m[r][k] -= f * m[row][k]
			}
		}
		pivotRow[j] = row
		row++
	}
	var out []int
	for j, r := range pivotRow {
		if r < 0 {
			continue
		}
		alone := true
		for k, x := range m[r] {
			if k != j && math.Abs(x) > eps {
				alone = false
				break
			}
		}
		if alone {
			out = append(out, cols[j])
		}
	}
	return out
}
