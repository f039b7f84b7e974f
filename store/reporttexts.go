package store

import "strings"

// OwnTexts are the texts she writes for one report year besides the
// Wirkungsindikator reports: the key messages, the Einordnung of each
// Kennzahl and the Impressum. An empty text means the report prints its
// draft or default.
type OwnTexts struct {
	// KeyMessages are her key messages of "Das Wichtigste in Kürze", one
	// per line; "" keeps the draft computed from the evaluation.
	KeyMessages string `json:",omitempty"`
	// Commentary is her Einordnung per Kennzahl code.
	Commentary map[string]string `json:",omitempty"`
	// Publisher and Contact are the Impressum's Herausgeber and Kontakt.
	Publisher string `json:",omitempty"`
	Contact   string `json:",omitempty"`
}

// The kinds of report_text rows.
const (
	TextKeyMessages = "kernaussagen"
	TextCommentary  = "einordnung"
	TextPublisher   = "herausgeber"
	TextContact     = "kontakt"
)

// YearText is one row of report_text: a text of a report year, for a
// Kennzahl (Code) or the whole report (Code "").
type YearText struct {
	ReportYear int
	Kind       string // TextKeyMessages, TextCommentary, TextPublisher, TextContact
	Code       string
	Text       string
}

// CatalogNote is the current wording of a catalogue note in this file;
// the catalogue keeps the concept's wording of 2011/12.
type CatalogNote struct {
	// Code is a Kennzahl code ("A-K1") or "feld-A" for a Handlungsfeld's
	// notes on its Wirkungsindikatoren, "quellen" for the list of data
	// sources.
	Code string
	// Field is one of the NoteX constants.
	Field string
	Text  string
}

// The catalogue fields whose wording a file may bring up to date.
const (
	NoteRemarks    = "anmerkungen"                  // KeyFigure.Notes
	NoteSurveyTime = "erhebungszeit"                // KeyFigure.SurveyTime
	NoteMigration  = "migrationshintergrund"        // KeyFigure.MigrationCapture
	NoteMethod     = "methodische_hinweise"         // KeyFigure.MethodNotes
	NoteIndicators = "hinweise_wirkungsindikatoren" // Field.IndicatorNotes, one per line
	NoteSources    = "datenquellen"                 // Catalog.Sources, one per line
)

// NoteKey is the key of a catalogue note in ReportTexts.Notes.
func NoteKey(code, field string) string { return code + "/" + field }

// Note returns the file's current wording of a catalogue note and whether
// she wrote one.
func (t *ReportTexts) Note(code, field string) (string, bool) {
	if t == nil {
		return "", false
	}
	s, ok := t.Notes[NoteKey(code, field)]
	return s, ok
}

// KeyMessageLines splits key messages into one message per non-empty
// line, with list marks ("–", "-", "•") removed.
func KeyMessageLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "–-•*"))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}
