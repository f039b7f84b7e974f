package report

import (
	"fmt"
	"strings"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// Summary is what the report says about itself before its chapters: the
// key messages of "Das Wichtigste in Kürze", whether it is an Entwurf and
// what is still missing, and the current wording of the catalogue notes.
// Evaluate fills it; it is part of Evaluation.
type Summary struct {
	// KeyMessages are the messages printed under "Das Wichtigste in
	// Kürze": hers when KeyMessagesOwn, else KeyMessagesDraft.
	KeyMessages    []string
	KeyMessagesOwn bool
	// KeyMessagesDraft are the messages drafted from the evaluation,
	// shown in the window as a start for her own.
	KeyMessagesDraft []string
	// Draft is true when deliveries of the report year are missing: the
	// report is an Entwurf and lists Missing on its title page.
	Draft   bool
	Missing []MissingDelivery
	// NoValues are the codes of the Kennzahlen without any value up to the
	// report year.
	NoValues []string
	// Notes are the catalogue notes as printed now, by store.NoteKey.
	Notes map[string]NoteText
	// Commentary is her Einordnung per Kennzahl code.
	Commentary map[string]string
	// Publisher and Contact are the Impressum (with defaults).
	Publisher, Contact string
}

// MissingDelivery is a Grundzahl whose delivery for the report year is
// not complete.
type MissingDelivery struct {
	BaseFigure string // code
	Name       string
	Owners     string // "A-K1, A-K2"
	Status     string // "fehlt", "teilweise (4 von 6)"
	Deliverer  string // the Actor's name, "" when none
}

// Text is one line of the list of missing deliveries.
func (m MissingDelivery) Text() string {
	s := fmt.Sprintf("%s (%s): %s", m.Name, m.Owners, m.Status)
	if m.Deliverer != "" {
		s += " – liefert: " + m.Deliverer
	}
	return s
}

// DefaultPublisher is the Herausgeber when she names none.
const DefaultPublisher = "Stadt Bergisch Gladbach, Der Bürgermeister\nStabsstelle soziale Stadtentwicklung"

// draftDay is the day the deliveries of a report are judged on: by the end
// of the following year every delivery of the report year is due, and the
// same file gives the same report whatever the clock says.
func draftDay(year int) time.Time { return time.Date(year+1, time.December, 31, 0, 0, 0, 0, time.UTC) }

// summarize fills e.Summary; it runs after the Kennzahlen are evaluated.
func (e *Evaluation) summarize(in Input, cat *store.Catalog, values []store.Value) {
	for _, d := range Deliveries(cat, values, in.Year, draftDay(in.Year)) {
		switch d.Status {
		case DeliveryReceived, DeliveryNotDue:
			continue
		}
		m := MissingDelivery{BaseFigure: d.BaseFigure.Code, Name: d.BaseFigure.Name, Owners: d.OwnerText(), Deliverer: d.Actor.Name}
		m.Status = DeliveryMissing.Label()
		if d.Have > 0 && d.Have < d.Want {
			m.Status = fmt.Sprintf("teilweise (%d von %d)", d.Have, d.Want)
		}
		e.Missing = append(e.Missing, m)
	}
	e.Draft = len(e.Missing) > 0
	for _, kr := range e.KeyFigures {
		if !kr.HasLatest {
			e.NoValues = append(e.NoValues, kr.KeyFigure.Code)
		}
	}
	texts := in.Texts
	if texts == nil {
		texts = &store.ReportTexts{}
	}
	e.Notes = currentNotes(cat, texts)
	e.Commentary = texts.Own.Commentary
	e.Publisher = cmpOr(strings.TrimSpace(texts.Own.Publisher), DefaultPublisher)
	e.Contact = strings.TrimSpace(texts.Own.Contact)
	e.KeyMessagesDraft = e.draftKeyMessages()
	if own := store.KeyMessageLines(texts.Own.KeyMessages); len(own) > 0 {
		e.KeyMessages, e.KeyMessagesOwn = own, true
	} else {
		e.KeyMessages = e.KeyMessagesDraft
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
