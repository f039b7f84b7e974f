package assets_test

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"regexp"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
)

// conceptPath is the city's concept text, chapters 3.3 to 5 (the data
// sources, the indicator catalogue and the bodies), that the catalogue
// quotes.
const conceptPath = "testdata/konzept_kapitel_3-5.txt"

func parse(t *testing.T) *store.Catalog {
	t.Helper()
	c, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatalf("ParseCatalog: %v", err)
	}
	return c
}

// TestCatalogKnownFields makes sure catalog.json holds no key that the
// store types would silently drop.
func TestCatalogKnownFields(t *testing.T) {
	dec := json.NewDecoder(bytes.NewReader(assets.Catalog))
	dec.DisallowUnknownFields()
	var c store.Catalog
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("catalog.json has fields the store does not know: %v", err)
	}
}

func TestCatalogStructure(t *testing.T) {
	c := parse(t)
	type want struct {
		code, title  string
		assumptions  int
		goals        map[string]int // code → rank
		keyFigures   []string
		indicators   []string
		indicatorNot int
	}
	wants := []want{
		{"A", "Wirtschaft, Handel, Arbeit", 4,
			map[string]int{"A1": 1, "A2": 1, "A3": 2, "A4": 3, "A5": 3},
			[]string{"A-K1", "A-K2", "A-K3", "A-K4", "A-K5", "A-K6"},
			[]string{"A-W1", "A-W2", "A-W3"}, 0},
		{"B", "Bildung und Sprache", 5,
			map[string]int{"B1": 1, "B2": 2, "B3": 2, "B4": 3, "B5": 3, "B6": 3},
			[]string{"B-K1", "B-K2", "B-K3", "B-K4"},
			[]string{"B-W1", "B-W2", "B-W3", "B-W4"}, 3},
		{"C", "Zusammenleben", 1,
			map[string]int{"C1": 1, "C2": 2, "C3": 3, "C4": 4, "C5": 4},
			[]string{"C-K1", "C-K2", "C-K3", "C-K4"},
			[]string{"C-W1"}, 0},
	}
	if len(c.Fields) != len(wants) {
		t.Fatalf("fields = %d, want %d", len(c.Fields), len(wants))
	}
	for i, w := range wants {
		f := c.Fields[i]
		if f.Code != w.code || f.Title != w.title {
			t.Errorf("field %d = %s %q, want %s %q", i, f.Code, f.Title, w.code, w.title)
		}
		if len(f.Assumptions) != w.assumptions {
			t.Errorf("field %s: %d assumptions, want %d", f.Code, len(f.Assumptions), w.assumptions)
		}
		for j, a := range f.Assumptions {
			if a.Num != j+1 || a.Text == "" {
				t.Errorf("field %s: assumption %d = %d %q", f.Code, j, a.Num, a.Text)
			}
		}
		if len(f.Goals) != len(w.goals) {
			t.Errorf("field %s: %d goals, want %d", f.Code, len(f.Goals), len(w.goals))
		}
		for j, g := range f.Goals {
			rank, ok := w.goals[g.Code]
			if !ok || g.Rank != rank {
				t.Errorf("field %s: goal %d = %s rank %d, want rank %d", f.Code, j, g.Code, g.Rank, rank)
			}
			if !strings.HasPrefix(g.Code, f.Code) || g.Title == "" || g.Text == "" {
				t.Errorf("goal %s: incomplete (%q)", g.Code, g.Title)
			}
		}
		if len(f.KeyFigures) != len(w.keyFigures) {
			t.Errorf("field %s: %d key figures, want %d", f.Code, len(f.KeyFigures), len(w.keyFigures))
		}
		for j, k := range f.KeyFigures {
			if j < len(w.keyFigures) && (k.Code != w.keyFigures[j] || k.Num != j+1) {
				t.Errorf("field %s: key figure %d = %s/%d, want %s/%d", f.Code, j, k.Code, k.Num, w.keyFigures[j], j+1)
			}
		}
		if len(f.Indicators) != len(w.indicators) {
			t.Errorf("field %s: %d indicators, want %d", f.Code, len(f.Indicators), len(w.indicators))
		}
		for j, ind := range f.Indicators {
			if j < len(w.indicators) && (ind.Code != w.indicators[j] || ind.Num != j+1) {
				t.Errorf("field %s: indicator %d = %s/%d, want %s/%d", f.Code, j, ind.Code, ind.Num, w.indicators[j], j+1)
			}
		}
		if len(f.IndicatorNotes) != w.indicatorNot {
			t.Errorf("field %s: %d indicator notes, want %d", f.Code, len(f.IndicatorNotes), w.indicatorNot)
		}
	}
	// Section 3.3 lists 19 bullets.
	if len(c.Sources) != 19 {
		t.Errorf("sources = %d, want 19", len(c.Sources))
	}
	for i, s := range c.Sources {
		if s.Num != i+1 || s.Name == "" {
			t.Errorf("source %d = %d %q", i, s.Num, s.Name)
		}
	}
}

var aliasRef = regexp.MustCompile(`\b([A-Z][A-Z0-9]*)\.([a-z_]+)\b`)

func TestKeyFiguresComplete(t *testing.T) {
	c := parse(t)
	shared := map[string]store.BaseFigure{}
	for _, b := range c.BaseFigures {
		shared[b.Alias] = b
	}
	directions := map[store.Direction]bool{
		store.Rising: true, store.Falling: true, store.ToReference: true,
		store.Balanced: true, store.Undefined: true,
	}
	for _, f := range c.Fields {
		for _, k := range f.KeyFigures {
			if k.Statement == "" || k.SourceText == "" || k.BaseFigureText == "" {
				t.Errorf("%s: empty statement, source or base figure text", k.Code)
			}
			if !directions[k.Direction] {
				t.Errorf("%s: direction %q", k.Code, k.Direction)
			}
			if k.Unit == "" || k.Area == "" || k.MigrationCapture == "" || k.MethodNotes == "" {
				t.Errorf("%s: unit, area, migrationCapture or methodNotes empty", k.Code)
			}
			if len(k.Series) == 0 || len(k.BaseFigures) == 0 {
				t.Errorf("%s: %d series, %d base figures", k.Code, len(k.Series), len(k.BaseFigures))
			}
			local := map[string]store.BaseFigure{}
			for _, b := range k.BaseFigures {
				local[b.Alias] = b
				if !strings.HasPrefix(b.Code, k.Code+"-G") || b.Name == "" || b.Unit == "" || b.Frequency == "" || b.Actor == "" {
					t.Errorf("%s: incomplete base figure %+v", k.Code, b)
				}
			}
			all := append([]store.Series{}, k.Series...)
			if k.Reference != nil {
				all = append(all, *k.Reference)
			}
			// Every alias.group in a formula names a base figure that is
			// delivered for that group and for the key figure's area.
			for _, s := range all {
				if s.Label == "" || s.Formula == "" {
					t.Errorf("%s: series %+v incomplete", k.Code, s)
				}
				for _, m := range aliasRef.FindAllStringSubmatch(s.Formula, -1) {
					b, ok := local[m[1]]
					if !ok {
						b, ok = shared[m[1]]
					}
					if !ok {
						t.Errorf("%s: formula %q: unknown alias %s", k.Code, s.Formula, m[1])
						continue
					}
					if !contains(b.Groups, m[2]) {
						t.Errorf("%s: formula %q: %s not delivered for group %s", k.Code, s.Formula, m[1], m[2])
					}
					if !contains(b.Areas, k.Area) {
						t.Errorf("%s: formula %q: %s not delivered for area %s", k.Code, s.Formula, m[1], k.Area)
					}
				}
			}
		}
		for _, w := range f.Indicators {
			if w.Title == "" || w.Text == "" || w.Kind == "" {
				t.Errorf("%s: incomplete indicator", w.Code)
			}
			if (w.Kind == store.Participation) != (len(w.BaseFigures) > 0) {
				t.Errorf("%s: kind %s with %d base figures", w.Code, w.Kind, len(w.BaseFigures))
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var tag = regexp.MustCompile(`<[^>]*>`)

// normalize strips HTML tags and Markdown emphasis and collapses
// whitespace, so that seed text and catalogue text can be compared.
func normalize(s string) string {
	s = tag.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "**", " ")
	return strings.Join(strings.Fields(s), " ")
}

// firstSentence returns the text up to and including the first full stop
// that ends a sentence (followed by a space or the end of the text).
func firstSentence(s string) string {
	s = normalize(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ') && i > 0 && !isAbbrev(s[:i]) {
			return s[:i+1]
		}
	}
	return s
}

func isAbbrev(before string) bool {
	for _, a := range []string{"z.B", "d.h", "bzw", "etc", "inkl", "ggf", "u"} {
		if strings.HasSuffix(before, " "+a) || before == a {
			return true
		}
	}
	// enumeration markers such as "a" in "a. …" or "1" in "1. …"
	return len(before) <= 2
}

// splitInSeed lists texts the catalogue joins where the seed breaks them
// across a table cell (hyphenation "Integra-" … "tionsratswahlen").
var splitInSeed = map[string][]string{
	"Die Wahlbeteiligung bei Integrationsratswahlen hat sich erhöht.": {
		"Die Wahlbeteiligung bei Integra-", "tionsratswahlen hat sich erhöht.",
	},
}

func TestTextsVerbatim(t *testing.T) {
	raw, err := os.ReadFile(conceptPath)
	if err != nil {
		t.Fatal(err)
	}
	seed := normalize(string(raw))
	check := func(where, text string) {
		t.Helper()
		text = normalize(text)
		if text == "" {
			return
		}
		if parts, ok := splitInSeed[text]; ok {
			for _, p := range parts {
				if !strings.Contains(seed, p) {
					t.Errorf("%s: %q not in seed", where, p)
				}
			}
			return
		}
		if !strings.Contains(seed, text) {
			t.Errorf("%s: not verbatim in seed: %q", where, text)
		}
	}
	c := parse(t)
	for _, f := range c.Fields {
		for _, a := range f.Assumptions {
			check(f.Code+" Annahme", a.Text)
		}
		for _, g := range f.Goals {
			check(g.Code+" title", g.Title)
			check(g.Code+" first sentence", firstSentence(g.Text))
			for _, p := range strings.Split(g.Text, "\n\n") {
				check(g.Code+" paragraph", p)
			}
		}
		for _, k := range f.KeyFigures {
			check(k.Code+" statement", k.Statement)
			check(k.Code+" surveyTime", k.SurveyTime)
			check(k.Code+" areaText", k.AreaText)
			check(k.Code+" notes", k.Notes)
			for _, l := range strings.Split(k.BaseFigureText, "\n") {
				check(k.Code+" baseFigureText", l)
			}
			for _, l := range strings.Split(k.SourceText, "\n") {
				check(k.Code+" sourceText", l)
			}
		}
		for _, w := range f.Indicators {
			for _, p := range strings.Split(w.Text, "\n\n") {
				check(w.Code+" text", p)
			}
			for _, it := range w.Items {
				check(w.Code+" item", it)
			}
		}
		for _, n := range f.IndicatorNotes {
			check(f.Code+" indicator note", n)
		}
	}
	for _, s := range c.Sources {
		check("source", s.Name)
	}
	// The bodies of chapter 5 carry the seed's section text.
	chapter5 := map[string]bool{"steuerungsgruppe": false, "integrationsrat": false, "integrationskonferenz": false, "stabsstelle": false}
	for _, a := range c.Actors {
		if _, ok := chapter5[a.Code]; !ok {
			continue // deliverers: descriptions written for the catalogue
		}
		chapter5[a.Code] = true
		for _, l := range strings.Split(a.Description, "\n") {
			check(a.Code+" description", strings.TrimPrefix(l, "– "))
		}
	}
	for code, found := range chapter5 {
		if !found {
			t.Errorf("actor %s missing", code)
		}
	}
}

func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(assets.Icon))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon is %v, want 512×512", b)
	}
}
