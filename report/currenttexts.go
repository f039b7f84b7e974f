package report

import (
	"regexp"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The catalogue's notes are the concept's wording of 2011/12. Some of its
// sentences were bound to that time ("Voraussichtlich im Juni 2012 …");
// printed today they would read as current plans. Unless she keeps or
// rewrites a note in the file, the report prints it without such
// sentences and shows the original in its annex "Konzept 2011/12".

// NoteText is a catalogue note as the report prints it now.
type NoteText struct {
	Code, Field string
	// Text is what the report prints as current; "" prints nothing.
	Text string
	// Original is the concept's wording.
	Original string
	// Own is true when she wrote the current wording in the file.
	Own bool
	// Dropped are the time-bound sentences left out of Original.
	Dropped []string
}

// Changed reports whether the printed text differs from the concept's,
// so that the annex shows the original.
func (n NoteText) Changed() bool { return strings.TrimSpace(n.Text) != strings.TrimSpace(n.Original) }

// timeBound matches sentences of the concept that were plans or
// expectations of 2011/12.
var timeBound = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\bvoraussichtlich\b`),
	regexp.MustCompile(`Workshopreihe`),
	regexp.MustCompile(`\bAb 20(0\d|1\d)\b`),
	regexp.MustCompile(`\bnoch ergänzt\b`),
	regexp.MustCompile(`\b201[1-3]\b.*\b(wird|werden|findet|vorliegen|geplant)\b`),
}

// TimeBound reports whether a sentence of the concept was bound to the
// time it was written.
func TimeBound(s string) bool {
	for _, re := range timeBound {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// conceptRef is a reference into the concept's sections ("(Abschnitt
// 3.4)"); the report has its own chapters instead.
var conceptRef = regexp.MustCompile(`\s*\(Abschnitt (\d+(?:\.\d+)*)\)`)

// conceptYear is a year of the concept's time in an Erhebungszeit
// ("Sommer 2012"): the Erhebungszeit recurs, the year does not.
var conceptYear = regexp.MustCompile(`\s*\b201[1-3]\b`)

func resolveRefs(s string) string {
	return conceptRef.ReplaceAllStringFunc(s, func(m string) string {
		if strings.Contains(m, "3.4") {
			return " (siehe Kapitel „Stellungnahme zum Migrationshintergrund“)"
		}
		return ""
	})
}

// sentenceEnd splits after a full stop followed by a capital letter, so
// that "d.h." and "Sek.I" stay inside their sentence; group 1 is the
// capital that begins the next sentence.
var sentenceEnd = regexp.MustCompile(`[.!?]\s+([A-ZÄÖÜ(„])`)

func sentences(s string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringSubmatchIndex(s)
		if loc == nil {
			break
		}
		out = append(out, strings.TrimSpace(s[:loc[0]+1]))
		s = s[loc[2]:]
	}
	if t := strings.TrimSpace(s); t != "" {
		out = append(out, t)
	}
	return out
}

// current is the concept's note without its time-bound sentences, with
// references into the concept resolved; lines stay lines.
func current(field, original string) (string, []string) {
	var kept, dropped []string
	for _, line := range strings.Split(original, "\n") {
		var ks []string
		for _, s := range sentences(line) {
			if TimeBound(s) {
				dropped = append(dropped, s)
				continue
			}
			ks = append(ks, s)
		}
		if len(ks) > 0 {
			kept = append(kept, resolveRefs(strings.Join(ks, " ")))
		}
	}
	out := strings.Join(kept, "\n")
	if field == store.NoteSurveyTime {
		out = strings.TrimSpace(conceptYear.ReplaceAllString(out, ""))
	}
	return out, dropped
}

// NoteKeySources is the key of the list of data sources among the notes.
const NoteKeySources = "quellen"

// currentNotes decides the printed wording of every catalogue note.
func currentNotes(cat *store.Catalog, t *store.ReportTexts) map[string]NoteText {
	out := map[string]NoteText{}
	add := func(code, field, original string) {
		n := NoteText{Code: code, Field: field, Original: original}
		if own, ok := t.Note(code, field); ok {
			n.Text, n.Own = own, true
		} else {
			n.Text, n.Dropped = currentCached(field, original)
		}
		out[store.NoteKey(code, field)] = n
	}
	if cat == nil {
		return out
	}
	for _, f := range cat.Fields {
		for _, k := range f.KeyFigures {
			add(k.Code, store.NoteRemarks, k.Notes)
			add(k.Code, store.NoteSurveyTime, k.SurveyTime)
			add(k.Code, store.NoteMigration, k.MigrationCapture)
			add(k.Code, store.NoteMethod, k.MethodNotes)
		}
		if len(f.IndicatorNotes) > 0 {
			add("feld-"+f.Code, store.NoteIndicators, strings.Join(f.IndicatorNotes, "\n"))
		}
	}
	var src []string
	for _, s := range cat.Sources {
		src = append(src, s.Name)
	}
	if len(src) > 0 {
		add(NoteKeySources, store.NoteSources, strings.Join(src, "\n"))
	}
	return out
}

// Note returns the printed wording of a catalogue note; a note the
// catalogue does not have is returned empty.
func (e *Evaluation) Note(code, field string) NoteText {
	return e.Notes[store.NoteKey(code, field)]
}
