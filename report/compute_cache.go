package report

import (
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// compile returns the compiled formula text with the Kennzahl's own
// Grundzahlen local. A computation compiles each formula once: the
// headline series is read again for every comparison region, every
// breakdown and the published assessment, and expr's compiler costs
// more than evaluating the points. Sharing is safe because a computation
// runs on one goroutine and every point refills the environment.
func (c *computation) compile(text string, local map[string]store.BaseFigure) *formula {
	key := formulaKey(text, local, c.shared)
	if f, ok := c.formulas[key]; ok {
		return f
	}
	f := c.compileNew(text, local)
	if c.formulas == nil {
		c.formulas = map[string]*formula{}
	}
	c.formulas[key] = f
	return f
}

// formulaKey names a formula with the Grundzahl each of its aliases
// resolves to: the same text means another formula in another Kennzahl
// whose own "G1" is another Grundzahl.
func formulaKey(text string, local, shared map[string]store.BaseFigure) string {
	var b strings.Builder
	b.WriteString(text)
	for _, m := range inputRef.FindAllStringSubmatch(text, -1) {
		b.WriteByte(0)
		if bf, ok := local[m[1]]; ok {
			b.WriteString(bf.Code)
		} else if bf, ok := shared[m[1]]; ok {
			b.WriteString("\x01" + bf.Code)
		}
	}
	return b.String()
}
