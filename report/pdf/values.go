package pdf

import (
	"fmt"

	"github.com/golang/freetype/truetype"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// reportInput is what both layout passes share: the evaluation, which
// decides every number, mark and suppression the report prints, and the
// outline. A second pass costs only the layout.
type reportInput struct {
	cleaner
	e        *report.Evaluation
	cat      *store.Catalog
	texts    *store.ReportTexts
	outline  outline
	sections int // Kennzahlen and Wirkungsindikatoren, for Progress
	plans    map[planKey]sheetPlan
	wrapped  map[wrapKey][]string
}

func prepare(e *report.Evaluation, texts *store.ReportTexts, opt Options) (*reportInput, error) {
	font, err := truetype.Parse(opt.Fonts.Regular)
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	in := &reportInput{
		cleaner: cleaner{has: func(r rune) bool { return r == ' ' || r <= 0xffff && font.Index(r) != 0 }},
		e:       e,
		cat:     e.Catalog,
		texts:   texts,
	}
	in.outline = buildOutline(e.Catalog, texts, opt.Changes)
	in.outline.addFindings(e)
	for _, f := range e.Catalog.Fields {
		in.sections += len(f.KeyFigures) + len(f.Indicators)
	}
	return in, nil
}

// keyFigure is the evaluation of a Kennzahl of the catalogue; every
// Kennzahl of the catalogue has one.
func (in *reportInput) keyFigure(code string) *report.KeyFigureResult {
	if kr, ok := in.e.KeyFigure(code); ok {
		return kr
	}
	return &report.KeyFigureResult{LatestText: report.NotComputable, Change: report.Change{Text: report.NotComputable}}
}

// groupLabel is the column title of a group.
func (in *reportInput) groupLabel(code string) string { return in.cat.GroupName(code) }
