package store

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Value is one delivered number, or an official symbol in its place, for a
// Grundzahl in a period, area and group, with its provenance.
type Value struct {
	ID           int64
	BaseFigure   string
	Period       Period
	Area         string
	Group        string
	Number       float64 // meaningful only when Symbol is NoSymbol
	Symbol       Symbol
	Provisional  bool // vorläufig
	Estimated    bool // geschätzt
	Confidential bool // geheim zu halten: printed as "."
	Source       string
	AsOf         string // Datenstand, ISO date or ""
	Note         string
	Demo         bool // Beispieldaten, never real figures
	EnteredAt    time.Time
	EnteredBy    string
	Origin       string // Eingabe, Import: <file>, Rückmeldung: <file>, Beispieldaten
}

// HasNumber reports whether the value is a number rather than a symbol.
func (v Value) HasNumber() bool { return v.Symbol == NoSymbol }

// SameContent reports whether two values say the same (number or symbol,
// flags, source, as-of date, note), ignoring who entered them when.
func (v Value) SameContent(o Value) bool {
	return v.Symbol == o.Symbol && (v.Symbol != NoSymbol || v.Number == o.Number) &&
		v.Provisional == o.Provisional && v.Estimated == o.Estimated && v.Confidential == o.Confidential &&
		v.Source == o.Source && v.AsOf == o.AsOf && v.Note == o.Note
}

// Validate checks a value against its Grundzahl: the period kind, the
// group, and the range its unit allows. Messages are German.
func (v Value) Validate(bf BaseFigure) error {
	if _, err := ParsePeriodOfKind(string(v.Period), bf.PeriodKind); err != nil {
		return err
	}
	if !contains(bf.Groups, v.Group) {
		return Invalid(fmt.Sprintf("Die Gruppe „%s“ ist für die Grundzahl „%s“ nicht vorgesehen.", v.Group, bf.Name))
	}
	if v.Area == "" {
		return Invalid("Bitte wählen Sie einen Statistischen Bezirk.")
	}
	if v.Symbol != NoSymbol {
		if !v.Symbol.Valid() {
			return Invalid(fmt.Sprintf("„%s“ ist kein Zeichen der amtlichen Statistik.", v.Symbol))
		}
		return nil
	}
	if math.IsNaN(v.Number) || math.IsInf(v.Number, 0) {
		return Invalid("Der Wert ist keine gültige Zahl.")
	}
	switch bf.Unit {
	case "Anzahl":
		if v.Number < 0 {
			return Invalid("Eine Anzahl kann nicht negativ sein.")
		}
	case "%":
		if v.Number < 0 || v.Number > 100 {
			return Invalid("Ein Anteil muss zwischen 0 und 100 % liegen.")
		}
	}
	if v.AsOf != "" {
		if _, err := time.Parse("2006-01-02", v.AsOf); err != nil {
			return Invalid("Der Datenstand muss ein Datum sein, z. B. 31.12.2024.")
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ErrConflict is returned when saving would change a stored value and the
// caller did not confirm the correction.
var ErrConflict = errors.New("value differs from the stored one")

// ConflictError carries the stored value a save would correct.
type ConflictError struct{ Old Value }

func (e *ConflictError) Error() string { return "value differs from the stored one" }

// Unwrap makes errors.Is(err, ErrConflict) work.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// SaveAction says what a save did.
type SaveAction int

// What SaveValue did.
const (
	Unchanged SaveAction = iota
	Inserted
	Corrected
)

// HistoryAction is the kind of change a history entry records. The
// triggers in migrations/0001_schema.sql write the same words as SQL
// literals; keep both in step.
type HistoryAction string

// The actions of value_history.action.
const (
	HistoryInserted HistoryAction = "neu"
	HistoryChanged  HistoryAction = "geaendert"
	HistoryDeleted  HistoryAction = "geloescht"
)

// HistoryEntry is one change of a value.
type HistoryEntry struct {
	Action    HistoryAction
	OldNumber *float64
	OldSymbol Symbol
	NewNumber *float64
	NewSymbol Symbol
	At        time.Time
	By        string
	Origin    string
}
