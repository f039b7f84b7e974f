package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// firstOfferedYear is the earliest year the period lists offer unless a
// stored value is older: the monitoring's data start after it.
const firstOfferedYear = 2000

// halfNames are the choices of the half-year selector, in the spelling
// store.ParsePeriod reads ("1. Halbjahr 2024").
var halfNames = []string{"1. Halbjahr", "2. Halbjahr"}

// germanDate is the only spelling the Stichtag entry takes: she writes
// dates as 31.12.2024, and an ISO date typed by mistake should be told.
var germanDate = regexp.MustCompile(`^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}$`)

// periodChooser picks an Erhebungszeit in the kind of period the chosen
// Grundzahl is delivered in: a year list, Halbjahr and year, a school-year
// list, or a date typed as TT.MM.JJJJ. Only periods of that kind can be
// chosen, so none is refused for its spelling after she typed a value.
type periodChooser struct {
	kind   store.PeriodKind
	year   *widget.Select // the year; for a half-year the year of it
	half   *widget.Select // halfNames
	school *widget.Select // "Schuljahr 2024/25"
	date   *widget.Entry  // a Stichtag, TT.MM.JJJJ
	box    *fyne.Container

	first, last int // the years offered, newest first in the lists
	// onChanged is called whenever the chosen period changes.
	onChanged func()
}

func newPeriodChooser(first, last int) *periodChooser {
	c := &periodChooser{}
	changed := func(string) {
		if c.onChanged != nil {
			c.onChanged()
		}
	}
	c.year = widget.NewSelect(nil, changed)
	c.year.PlaceHolder = "Jahr wählen"
	c.half = widget.NewSelect(halfNames, changed)
	c.half.PlaceHolder = "Halbjahr wählen"
	c.school = widget.NewSelect(nil, changed)
	c.school.PlaceHolder = "Schuljahr wählen"
	c.date = widget.NewEntry()
	c.date.SetPlaceHolder("TT.MM.JJJJ, z. B. 31.12.2024")
	c.date.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil // not yet typed; submitting says what is missing
		}
		_, err := parseGermanDate(s)
		return err
	}
	c.date.OnChanged = changed
	c.box = container.NewStack()
	c.setRange(first, last)
	return c
}

// setRange offers the years first to last, keeping what is chosen.
func (c *periodChooser) setRange(first, last int) {
	first = max(first, store.MinPeriodYear)
	last = min(last, store.MaxPeriodYear-1)
	c.first, c.last = first, last
	var years, schools []string
	for y := last; y >= first; y-- {
		years = append(years, strconv.Itoa(y))
		schools = append(schools, fmt.Sprintf("Schuljahr %d/%02d", y, (y+1)%100))
	}
	c.year.Options, c.school.Options = years, schools
	c.year.Refresh()
	c.school.Refresh()
}

// setKind shows the chooser for periods of kind k and clears the choice.
func (c *periodChooser) setKind(k store.PeriodKind) {
	c.kind = k
	c.clear()
	var o fyne.CanvasObject
	switch k {
	case store.HalfYearPeriod:
		o = container.NewGridWithColumns(2, c.half, c.year)
	case store.SchoolYearPeriod:
		o = c.school
	case store.DatePeriod:
		o = c.date
	default:
		o = c.year
	}
	c.box.Objects = []fyne.CanvasObject{o}
	c.box.Refresh()
}

// clear removes the choice without calling onChanged for every widget.
func (c *periodChooser) clear() {
	on := c.onChanged
	c.onChanged = nil
	c.year.ClearSelected()
	c.half.ClearSelected()
	c.school.ClearSelected()
	c.date.SetText("")
	c.onChanged = on
}

// Period is the chosen period, or a German error saying what is missing.
func (c *periodChooser) Period() (store.Period, error) {
	switch c.kind {
	case store.HalfYearPeriod:
		if c.half.Selected == "" || c.year.Selected == "" {
			return "", store.Invalid("Bitte wählen Sie Halbjahr und Jahr der Erhebung.")
		}
		return store.ParsePeriodOfKind(c.half.Selected+" "+c.year.Selected, c.kind)
	case store.SchoolYearPeriod:
		if c.school.Selected == "" {
			return "", store.Invalid("Bitte wählen Sie das Schuljahr der Erhebung.")
		}
		return store.ParsePeriodOfKind(c.school.Selected, c.kind)
	case store.DatePeriod:
		return parseGermanDate(c.date.Text)
	case store.YearPeriod:
		if c.year.Selected == "" {
			return "", store.Invalid("Bitte wählen Sie das Jahr der Erhebung.")
		}
		return store.ParsePeriodOfKind(c.year.Selected, c.kind)
	}
	return "", store.Invalid("Bitte wählen Sie zuerst eine Grundzahl.")
}

// parseGermanDate reads a Stichtag written as TT.MM.JJJJ.
func parseGermanDate(s string) (store.Period, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", store.Invalid("Bitte geben Sie den Stichtag an (TT.MM.JJJJ, z. B. 31.12.2024).")
	}
	if !germanDate.MatchString(s) {
		return "", store.Invalid(fmt.Sprintf("„%s“ ist kein Datum in der Form TT.MM.JJJJ, z. B. 31.12.2024.", s))
	}
	return store.ParsePeriodOfKind(s, store.DatePeriod)
}

// SetPeriod chooses p; it reports false when p is not of the chooser's
// kind. A year outside the lists is added to them.
func (c *periodChooser) SetPeriod(p store.Period) bool {
	if !p.Valid() || p.Kind() != c.kind {
		return false
	}
	if y := p.Year(); y < c.first || y > c.last {
		c.setRange(min(y, c.first), max(y, c.last))
	}
	switch c.kind {
	case store.HalfYearPeriod:
		c.half.SetSelected(strings.TrimSuffix(p.Label(), " "+strconv.Itoa(p.Year())))
		c.year.SetSelected(strconv.Itoa(p.Year()))
	case store.SchoolYearPeriod:
		c.school.SetSelected(p.Label())
	case store.DatePeriod:
		c.date.SetText(p.Label())
	default:
		c.year.SetSelected(p.Label())
	}
	return true
}

// SetText chooses the period s names in any spelling store.ParsePeriod
// reads ("2024", "1. Halbjahr 2024", "Schuljahr 2024/25", "31.12.2024"),
// as a text field would take it. A date that cannot be read stays in the
// date entry, where its validation shows; otherwise the choice is cleared.
func (c *periodChooser) SetText(s string) {
	if p, err := store.ParsePeriodOfKind(s, c.kind); err == nil && c.SetPeriod(p) {
		return
	}
	c.clear()
	if c.kind == store.DatePeriod {
		c.date.SetText(s)
	} else if c.onChanged != nil {
		c.onChanged()
	}
}

// Text is the chosen period as she reads it, "" when none is chosen.
func (c *periodChooser) Text() string {
	if p, err := c.Period(); err == nil {
		return p.Label()
	}
	if c.kind == store.DatePeriod {
		return c.date.Text
	}
	return ""
}
