// Package store owns the domain of the integration monitoring (catalogue,
// values, texts) and its only persistence: one SQLite file per monitoring.
//
// Files without SQL (catalog.go, period.go, number.go, symbol.go, value.go)
// hold the plain domain types; the others hold the SQLite side.
package store

import (
	"encoding/json"
	"fmt"
)

// Catalog is the indicator catalogue of the KOMM-IN integration concept
// (seed chapter 4) together with the data sources of 3.3 and the bodies and
// actors of chapter 5. It is data: seeded into every new file and editable
// there, never hard-coded in the application.
type Catalog struct {
	Fields      []Field      `json:"fields"`
	BaseFigures []BaseFigure `json:"baseFigures"` // shared ones, e.g. population by group
	Areas       []Area       `json:"areas"`
	Groups      []Group      `json:"groups"`
	Sources     []DataSource `json:"sources"`
	Actors      []Actor      `json:"actors"`
}

// Field is a Handlungsfeld (A, B, C).
type Field struct {
	Code        string            `json:"code"`
	Title       string            `json:"title"`
	Assumptions []Assumption      `json:"assumptions"`
	Goals       []Goal            `json:"goals"`
	KeyFigures  []KeyFigure       `json:"keyFigures"`
	Indicators  []ImpactIndicator `json:"indicators"`
	// IndicatorNotes are the seed's remarks below the Wirkungsindikatoren.
	IndicatorNotes []string `json:"indicatorNotes,omitempty"`
}

// Assumption is one Annahme that a Handlungsfeld's goals rest on.
type Assumption struct {
	Num  int    `json:"num"`
	Text string `json:"text"`
}

// Goal is a Ziel with its Rang (1 is the most important and urgent).
type Goal struct {
	Code  string `json:"code"` // A1 … C5
	Rank  int    `json:"rank"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// Direction is the Zielrichtung of a Kennzahl.
type Direction string

// The Zielrichtungen a Kennzahl can have.
const (
	Rising      Direction = "steigt"
	Falling     Direction = "sinkt"
	ToReference Direction = "naehert_sich_referenz" // nähert sich der Referenz an
	Balanced    Direction = "ausgeglichen"
	Undefined   Direction = "offen" // seed: "klärt sich erst …"
)

// Label is the German name of the direction.
func (d Direction) Label() string {
	switch d {
	case Rising:
		return "steigt"
	case Falling:
		return "sinkt"
	case ToReference:
		return "nähert sich der Referenz an"
	case Balanced:
		return "ausgeglichen"
	}
	return "noch offen"
}

// KeyFigure is a Kennzahl: a statement about a goal, computed from its
// Grundzahlen by Series formulas and assessed against its Direction.
type KeyFigure struct {
	Code      string `json:"code"` // e.g. "A-K1"
	Num       int    `json:"num"`
	Statement string `json:"statement"`
	// The seed's descriptive fields, verbatim.
	BaseFigureText string `json:"baseFigureText"` // "Grundzahl(en)"
	SurveyTime     string `json:"surveyTime"`     // "Erhebungszeit"
	AreaText       string `json:"areaText"`       // "Statistischer Bezirk"
	SourceText     string `json:"sourceText"`     // "Quelle"
	Notes          string `json:"notes"`          // "Anmerkungen"

	Direction Direction `json:"direction"`
	Unit      string    `json:"unit"` // "%", "Index", "Anzahl", "Verhältnis"
	// Area is the code of the Statistischer Bezirk the series are computed for.
	Area   string   `json:"area"`
	Series []Series `json:"series"`
	// Reference is the comparison line (population share, parity 1, balance);
	// nil where the Kennzahl has none.
	Reference *Series `json:"reference,omitempty"`
	// MigrationCapture says how Migrationshintergrund is captured (seed 3.4).
	MigrationCapture string       `json:"migrationCapture"`
	MethodNotes      string       `json:"methodNotes"`
	BaseFigures      []BaseFigure `json:"baseFigures"`
}

// Series is one computed line of a Kennzahl. Formula is an expression over
// base figure values: "G1.auslaender / G1.insgesamt * 100", where G1 is a
// BaseFigure's Alias and auslaender a Group code; shared base figures are
// referred to by their alias (e.g. BEV).
type Series struct {
	Label   string `json:"label"`
	Formula string `json:"formula"`
}

// BaseFigure is a Grundzahl: a number that is delivered per period, area
// and group.
type BaseFigure struct {
	Code       string     `json:"code"`  // unique, e.g. "A-K1-G1"
	Alias      string     `json:"alias"` // name in formulas, e.g. "G1", "BEV"
	Name       string     `json:"name"`
	Unit       string     `json:"unit"` // "Anzahl", "%"
	PeriodKind PeriodKind `json:"periodKind"`
	Groups     []string   `json:"groups"` // Group codes it is delivered for
	Areas      []string   `json:"areas"`  // Area codes it is delivered for
	Actor      string     `json:"actor"`  // Actor code of the deliverer
	Frequency  Frequency  `json:"frequency"`
}

// Frequency says how often a Grundzahl is delivered.
type Frequency string

// Delivery frequencies named in the seed.
const (
	HalfYearly      Frequency = "halbjaehrlich"
	YearlyFebruary  Frequency = "jaehrlich_februar"
	Yearly          Frequency = "jaehrlich"
	PerSchoolYear   Frequency = "schuljahr"
	PerElection     Frequency = "wahl"
	OnceOrIrregular Frequency = "unregelmaessig"
)

// IndicatorKind says how a Wirkungsindikator is reported.
type IndicatorKind string

// Kinds of Wirkungsindikatoren.
const (
	ReportText    IndicatorKind = "bericht"     // text, possibly with instruments
	Participation IndicatorKind = "beteiligung" // shares against a reference structure
	Survey        IndicatorKind = "befragung"   // Integrationskonferenz survey
)

// ImpactIndicator is a Wirkungsindikator.
type ImpactIndicator struct {
	Code  string        `json:"code"` // e.g. "B-W1"
	Num   int           `json:"num"`
	Title string        `json:"title"`
	Text  string        `json:"text"`  // full seed text
	Items []string      `json:"items"` // sub-items a., b., c. or survey questions
	Kind  IndicatorKind `json:"kind"`
	// Instruments is true where the seed asks for "Anzahl und Charakter …
	// in Berichtsform".
	Instruments bool         `json:"instruments"`
	BaseFigures []BaseFigure `json:"baseFigures,omitempty"`
}

// Area is a Statistischer Bezirk.
type Area struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Kind string `json:"kind"`          // stadt, kreis, agentur, schule, stimmbezirk, …
	Key  string `json:"key,omitempty"` // official region key, e.g. 05378004
}

// Group is a Merkmal/Gruppe a value is broken down by.
type Group struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Dimension string `json:"dimension"` // staatsangehoerigkeit, migration, geschlecht, alter, gesamt
}

// DataSource is one entry of the seed's list of data sources (3.3).
type DataSource struct {
	Num  int    `json:"num"`
	Name string `json:"name"`
}

// Actor is a body or actor of chapter 5, or a deliverer of Grundzahlen.
type Actor struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Kind        string `json:"kind"` // gremium, akteur, lieferant
	Description string `json:"description"`
}

// ParseCatalog reads a catalogue in its JSON form and validates it.
func ParseCatalog(data []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("parse catalog: %w", err)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Validate checks that codes are unique and references resolve.
func (c *Catalog) Validate() error {
	areas := map[string]bool{}
	for _, a := range c.Areas {
		areas[a.Code] = true
	}
	groups := map[string]bool{}
	for _, g := range c.Groups {
		groups[g.Code] = true
	}
	actors := map[string]bool{}
	for _, a := range c.Actors {
		actors[a.Code] = true
	}
	seen := map[string]bool{}
	checkBF := func(b BaseFigure) error {
		if seen[b.Code] {
			return fmt.Errorf("catalog: duplicate code %q", b.Code)
		}
		seen[b.Code] = true
		if _, err := ParsePeriodKind(string(b.PeriodKind)); err != nil {
			return fmt.Errorf("catalog: base figure %s: %w", b.Code, err)
		}
		for _, g := range b.Groups {
			if !groups[g] {
				return fmt.Errorf("catalog: base figure %s: unknown group %q", b.Code, g)
			}
		}
		for _, a := range b.Areas {
			if !areas[a] {
				return fmt.Errorf("catalog: base figure %s: unknown area %q", b.Code, a)
			}
		}
		if b.Actor != "" && !actors[b.Actor] {
			return fmt.Errorf("catalog: base figure %s: unknown actor %q", b.Code, b.Actor)
		}
		return nil
	}
	for _, b := range c.BaseFigures {
		if err := checkBF(b); err != nil {
			return err
		}
	}
	for _, f := range c.Fields {
		for _, g := range f.Goals {
			if seen[g.Code] {
				return fmt.Errorf("catalog: duplicate code %q", g.Code)
			}
			seen[g.Code] = true
		}
		for _, k := range f.KeyFigures {
			if seen[k.Code] {
				return fmt.Errorf("catalog: duplicate code %q", k.Code)
			}
			seen[k.Code] = true
			if k.Area != "" && !areas[k.Area] {
				return fmt.Errorf("catalog: key figure %s: unknown area %q", k.Code, k.Area)
			}
			for _, b := range k.BaseFigures {
				if err := checkBF(b); err != nil {
					return err
				}
			}
		}
		for _, w := range f.Indicators {
			if seen[w.Code] {
				return fmt.Errorf("catalog: duplicate code %q", w.Code)
			}
			seen[w.Code] = true
			for _, b := range w.BaseFigures {
				if err := checkBF(b); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
