package report

import (
	"slices"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"

	"bergischgladbach.de/integrationsmonitor/store"
)

// readFormulas finds which Kennzahlen use each Grundzahl and the share
// pairs of their formulas, so that a new Kennzahl in the catalogue brings
// its own rules.
func (p *plausibility) readFormulas() {
	shared := map[string]store.BaseFigure{}
	for _, b := range p.cat.BaseFigures {
		shared[b.Alias] = b
	}
	addOwner := func(bf, code string) {
		if !slices.Contains(p.owners[bf], code) {
			p.owners[bf] = append(p.owners[bf], code)
		}
	}
	for _, f := range p.cat.Fields {
		for _, k := range f.KeyFigures {
			local := map[string]store.BaseFigure{}
			for _, b := range k.BaseFigures {
				local[b.Alias] = b
				addOwner(b.Code, k.Code)
			}
			resolve := func(alias string) (store.BaseFigure, bool) {
				if b, ok := local[alias]; ok {
					return b, true
				}
				b, ok := shared[alias]
				return b, ok
			}
			texts := formulaTexts(k)
			for _, text := range texts {
				for _, m := range inputRef.FindAllStringSubmatch(text, -1) {
					if b, ok := resolve(m[1]); ok {
						addOwner(b.Code, k.Code)
					}
				}
				for _, pr := range shareRefs(text) {
					num, ok1 := resolve(pr[0].alias)
					den, ok2 := resolve(pr[1].alias)
					if !ok1 || !ok2 || num.Code == den.Code && p.wholes[pr[1].group] {
						continue // unknown, or a part of its whole: RulePartWhole
					}
					sp := sharePair{keyFigure: k.Code, num: num.Code, numGroup: pr[0].group, den: den.Code, denG: pr[1].group}
					if !slices.ContainsFunc(p.pairs[num.Code], func(o sharePair) bool {
						return o.numGroup == sp.numGroup && o.den == sp.den && o.denG == sp.denG
					}) {
						p.pairs[num.Code] = append(p.pairs[num.Code], sp)
					}
				}
			}
		}
		for _, w := range f.Indicators {
			for _, b := range w.BaseFigures {
				addOwner(b.Code, w.Code)
			}
		}
	}
}

type ref struct{ alias, group string }

// shareRefs finds the shares of a formula: "A.g / B.h * 100" (or
// "100 * (A.g / B.h)"), a ratio of two Grundzahlen turned into percent.
// A ratio without the 100 (Stellen je Bewerber/in, an index) may exceed
// one and is no share.
func shareRefs(text string) [][2]ref {
	tree, err := parser.Parse(text)
	if err != nil {
		return nil
	}
	var out [][2]ref
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.BinaryNode:
			if n.Operator == "*" {
				for _, pair := range [][2]ast.Node{{n.Left, n.Right}, {n.Right, n.Left}} {
					if isHundred(pair[1]) {
						if r, ok := ratioRefs(pair[0]); ok {
							out = append(out, r)
						}
					}
				}
			}
			walk(n.Left)
			walk(n.Right)
		case *ast.UnaryNode:
			walk(n.Node)
		}
	}
	walk(tree.Node)
	return out
}

func isHundred(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return n.Value == 100
	case *ast.FloatNode:
		return n.Value == 100
	}
	return false
}

func ratioRefs(n ast.Node) ([2]ref, bool) {
	b, ok := n.(*ast.BinaryNode)
	if !ok || b.Operator != "/" {
		return [2]ref{}, false
	}
	num, ok1 := memberRef(b.Left)
	den, ok2 := memberRef(b.Right)
	return [2]ref{num, den}, ok1 && ok2
}

func memberRef(n ast.Node) (ref, bool) {
	m, ok := n.(*ast.MemberNode)
	if !ok {
		return ref{}, false
	}
	id, ok1 := m.Node.(*ast.IdentifierNode)
	prop, ok2 := m.Property.(*ast.StringNode)
	if !ok1 || !ok2 {
		return ref{}, false
	}
	return ref{alias: id.Value, group: prop.Value}, true
}
