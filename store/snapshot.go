package store

// Snapshot is the plain data that report needs for one report year: the
// catalogue and every stored value. report never holds the database, so it
// can be tested on a Snapshot built by hand.
type Snapshot struct {
	Catalog    *Catalog
	Values     []Value
	ReportYear int
	// Breaks are the Zeitreihenbrüche in force. Omitted from the JSON
	// when empty, so editions frozen before breaks existed keep their
	// encoding.
	Breaks []SeriesBreak `json:",omitempty"`
}

// BaseFigureByCode finds a Grundzahl anywhere in the catalogue.
func (c *Catalog) BaseFigureByCode(code string) (BaseFigure, bool) {
	// In the order of AllBaseFigures, without building its list: the
	// evaluation asks this for many cells.
	find := func(bfs []BaseFigure) (BaseFigure, bool) {
		for _, b := range bfs {
			if b.Code == code {
				return b, true
			}
		}
		return BaseFigure{}, false
	}
	if b, ok := find(c.BaseFigures); ok {
		return b, true
	}
	for _, f := range c.Fields {
		for _, k := range f.KeyFigures {
			if b, ok := find(k.BaseFigures); ok {
				return b, true
			}
		}
		for _, w := range f.Indicators {
			if b, ok := find(w.BaseFigures); ok {
				return b, true
			}
		}
	}
	return BaseFigure{}, false
}

// AllBaseFigures lists the shared Grundzahlen, then those of each Kennzahl
// and Wirkungsindikator in catalogue order.
func (c *Catalog) AllBaseFigures() []BaseFigure {
	out := append([]BaseFigure(nil), c.BaseFigures...)
	for _, f := range c.Fields {
		for _, k := range f.KeyFigures {
			out = append(out, k.BaseFigures...)
		}
		for _, w := range f.Indicators {
			out = append(out, w.BaseFigures...)
		}
	}
	return out
}

// KeyFigures lists every Kennzahl in catalogue order.
func (c *Catalog) KeyFigures() []KeyFigure {
	var out []KeyFigure
	for _, f := range c.Fields {
		out = append(out, f.KeyFigures...)
	}
	return out
}

// GroupName is the German name of a group code.
func (c *Catalog) GroupName(code string) string {
	for _, g := range c.Groups {
		if g.Code == code {
			return g.Name
		}
	}
	return code
}

// AreaName is the German name of an area code.
func (c *Catalog) AreaName(code string) string {
	for _, a := range c.Areas {
		if a.Code == code {
			return a.Name
		}
	}
	return code
}
