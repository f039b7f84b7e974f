package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MergeItem is one value in which a returned file differs from the open one.
type MergeItem struct {
	ValueKey
	AreaName, GroupName string
	Ours                *Value // nil: the open file has no such value
	Theirs              *Value // nil: the returned file has none (deleted there)
	// Problem says in German why Theirs cannot be stored in the open file
	// (e.g. a group its Grundzahl does not have); such an item is shown but
	// cannot be taken over.
	Problem string
}

// MergePlan is what CompareReturned found in a returned file. Values only
// the open file changed since the copy are not listed: they are newer.
type MergePlan struct {
	File      string
	New       []MergeItem // only the returned file has the value
	Changed   []MergeItem // changed in the returned file only
	Conflicts []MergeItem // changed on both sides, differently
	Removed   []MergeItem // deleted in the returned file only
	// NewEditions are the returned file's report editions that the open
	// file lacks (no edition of the same year with the same hash), listed
	// without inputs, for ImportEditions.
	NewEditions []Edition
	// EditionProblems are German sentences about editions of the returned
	// file that fail their hash; they are not in NewEditions.
	EditionProblems []string
	// NewBreaks are Zeitreihenbrüche set in the returned file since the
	// copy; RemovedBreaks those removed there that are in force here
	// (with the open file's ID). ApplyMerge takes them over with the values.
	NewBreaks, RemovedBreaks []SeriesBreak
}

// Empty reports whether the returned file brings nothing to take over.
func (p *MergePlan) Empty() bool {
	return len(p.New)+len(p.Changed)+len(p.Conflicts)+len(p.Removed)+len(p.NewEditions)+len(p.NewBreaks)+len(p.RemovedBreaks) == 0
}

// mergeOrigin starts the origin of every value taken over from a returned file.
const mergeOrigin = "Rückmeldung: "

// Origin is the origin that history entries of taken-over values carry.
func (p *MergePlan) Origin() string { return mergeOrigin + filepath.Base(p.File) }

// CompareReturned reads a file that came back (perhaps edited with other
// SQLite tools) and lists how its values differ from the open file. The
// file is checked like any file from outside (foreign, damaged and newer
// files are refused with the sentinel errors) and only ever read.
//
// Which side changed a value is told by the value history, which the
// triggers write for every change, also for one made in another tool. An
// entry is identified by action, time, origin and new number or symbol. An
// entry of the returned file that the open file lacks is a change made
// there after the copy, and the other way round:
//   - changed only there: New, Changed or Removed, to take over;
//   - changed only here: not listed, the open file is newer;
//   - changed on both sides, or a difference the history does not explain
//     (a tool that bypassed the triggers): a Conflict for the user to decide;
//   - both sides hold the same content: not listed.
//
// Taking over a value from a returned file does not count as a change
// here when that file's history holds the value taken: a file edited again
// and sent a second time then shows its new edits as changes, not conflicts.
func (s *Store) CompareReturned(ctx context.Context, path string) (*MergePlan, error) {
	if SameFile(path, s.path) {
		return nil, Invalid("Die gewählte Datei ist die geöffnete Datei selbst. Bitte wählen Sie die zurückgeschickte Kopie.")
	}
	// Tampered editions do not stop the merge of values; they are listed
	// in EditionProblems and refused by ImportEditions.
	if _, err := checkFile(ctx, path, false); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", fileURI(path, true))
	if err != nil {
		return nil, fmt.Errorf("compare %s: %w", path, err)
	}
	defer db.Close()
	theirs, err := loadMergeSide(ctx, db)
	if err != nil {
		// Another tool can store what our program never writes, e.g. text
		// in the number column.
		return nil, &UserError{Message: "Die Werte der zurückgeschickten Datei lassen sich nicht lesen; die Tabelle value enthält ungültige Einträge.",
			Err: fmt.Errorf("compare %s: %w", path, err)}
	}
	ours, err := loadMergeSide(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	cat, err := s.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	plan := comparePlan(ours, theirs, cat)
	plan.File = path
	if plan.NewEditions, plan.EditionProblems, err = newEditions(ctx, s.db, db); err != nil {
		return nil, fmt.Errorf("compare %s: %w", path, err)
	}
	if plan.NewBreaks, plan.RemovedBreaks, err = compareBreaks(ctx, s.db, db); err != nil {
		return nil, fmt.Errorf("compare %s: %w", path, err)
	}
	return plan, nil
}

// historyMark identifies a history entry across two copies of a file.
type historyMark struct {
	action     HistoryAction
	at, origin string
	number     float64
	hasNumber  bool
	symbol     string
}

// mergeSide is one file's values and its history by key; history entries
// are counted, so that the same change made twice is told apart.
type mergeSide struct {
	values  []Value
	history map[ValueKey]map[historyMark]int
}

func loadMergeSide(ctx context.Context, q querier) (*mergeSide, error) {
	m := &mergeSide{history: map[ValueKey]map[historyMark]int{}}
	err := queryEach(ctx, q, `SELECT `+valueColumns+` FROM value`, func(r *sql.Rows) error {
		v, err := scanValue(r)
		m.values = append(m.values, v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read values: %w", err)
	}
	err = queryEach(ctx, q, `SELECT base_figure_code, period, area_code, group_code, action, changed_at, origin, new_number, COALESCE(new_symbol,'') FROM value_history`, func(r *sql.Rows) error {
		var k ValueKey
		var h historyMark
		var num sql.NullFloat64
		if err := r.Scan(&k.BaseFigure, &k.Period, &k.Area, &k.Group, &h.action, &h.at, &h.origin, &num, &h.symbol); err != nil {
			return err
		}
		h.number, h.hasNumber = num.Float64, num.Valid
		if m.history[k] == nil {
			m.history[k] = map[historyMark]int{}
		}
		m.history[k][h]++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	return m, nil
}

// hasOwn reports whether a holds a history entry (counted with
// multiplicity) that b lacks, not counting those skip accepts.
func hasOwn(a, b map[historyMark]int, skip func(historyMark) bool) bool {
	for h, n := range a {
		if n > b[h] && (skip == nil || !skip(h)) {
			return true
		}
	}
	return false
}

// takenFrom reports whether h records taking over a value (or a deletion)
// that the history theirs holds.
func takenFrom(h historyMark, theirs map[historyMark]int) bool {
	if !strings.HasPrefix(h.origin, mergeOrigin) {
		return false
	}
	for t := range theirs {
		if (t.action == HistoryDeleted) == (h.action == HistoryDeleted) && t.hasNumber == h.hasNumber && t.number == h.number && t.symbol == h.symbol {
			return true
		}
	}
	return false
}

// comparePlan sorts the differences of the two files' values into the
// plan's lists; the histories tell which side made a difference.
func comparePlan(ours, theirs *mergeSide, cat *Catalog) *MergePlan {
	diffs := slices.DeleteFunc(DiffValues(ours.values, theirs.values), func(d ValueDiff) bool { return d.Kind == DiffUnchanged })
	slices.SortFunc(diffs, func(a, b ValueDiff) int { return compareKeys(a.ValueKey, b.ValueKey) })
	plan := &MergePlan{}
	for _, d := range diffs {
		k := d.ValueKey
		th, oh := theirs.history[k], ours.history[k]
		theirChange := hasOwn(th, oh, nil)
		ourChange := hasOwn(oh, th, func(h historyMark) bool { return takenFrom(h, th) })
		if ourChange && !theirChange {
			continue
		}
		it := MergeItem{ValueKey: k, AreaName: cat.AreaName(k.Area), GroupName: cat.GroupName(k.Group), Ours: d.Stored, Theirs: d.Incoming}
		if d.Incoming != nil {
			it.Problem = storable(cat, *d.Incoming)
		}
		switch {
		case ourChange || !theirChange:
			plan.Conflicts = append(plan.Conflicts, it)
		case d.Kind == DiffNew:
			plan.New = append(plan.New, it)
		case d.Kind == DiffRemoved:
			plan.Removed = append(plan.Removed, it)
		default:
			plan.Changed = append(plan.Changed, it)
		}
	}
	return plan
}

// storable checks a value of the returned file against the open file's
// catalogue, the way saving it would, so that the plan can show the problem
// before anything is taken over.
func storable(cat *Catalog, v Value) string {
	bf, ok := cat.BaseFigureByCode(v.BaseFigure)
	if !ok {
		return fmt.Sprintf("Die Grundzahl „%s“ gibt es in der geöffneten Datei nicht.", v.BaseFigure)
	}
	if !slices.ContainsFunc(cat.Areas, func(a Area) bool { return a.Code == v.Area }) {
		return fmt.Sprintf("Den Statistischen Bezirk „%s“ gibt es in der geöffneten Datei nicht.", v.Area)
	}
	if err := v.Validate(bf); err != nil {
		return Message(err)
	}
	return ""
}

// Describe is the German line for the item in a list of differences:
// "A-K1-G1, 2. Halbjahr 2016, Stadt Bergisch Gladbach, Ausländer/innen: 1.134 → 1.140".
func (it MergeItem) Describe() string {
	s := fmt.Sprintf("%s, %s, %s, %s: %s → %s", it.BaseFigure, it.Period.Label(),
		cmp.Or(it.AreaName, it.Area), cmp.Or(it.GroupName, it.Group), entryText(it.Ours), entryText(it.Theirs))
	if it.Ours != nil && it.Theirs != nil {
		if d := OtherChanges(*it.Ours, *it.Theirs); d != "" {
			s += " (" + d + ")"
		}
	}
	return s
}

func entryText(v *Value) string {
	switch {
	case v == nil:
		return "kein Wert"
	case v.Symbol != NoSymbol:
		return string(v.Symbol)
	}
	return germanNumber(v.Number)
}

// OtherChanges names what differs besides the number ("geändert: Quelle,
// Datenstand"), which an arrow "1.234 → 1.234" alone would not show; ""
// when nothing else differs. The merge and the import preview both use it.
func OtherChanges(a, b Value) string {
	var parts []string
	if a.Provisional != b.Provisional || a.Estimated != b.Estimated || a.Confidential != b.Confidential {
		parts = append(parts, "Kennzeichen")
	}
	if a.Source != b.Source {
		parts = append(parts, "Quelle")
	}
	if a.AsOf != b.AsOf {
		parts = append(parts, "Datenstand")
	}
	if a.Note != b.Note {
		parts = append(parts, "Anmerkung")
	}
	if len(parts) == 0 {
		return ""
	}
	return "geändert: " + strings.Join(parts, ", ")
}

// germanNumber writes v in full precision the German way, 1.134,5. report
// has the formatter for reports; store cannot import it, and this line is
// about the stored number, not a rounded one.
func germanNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	b.WriteString(GroupThousands(intPart))
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// ApplyMerge takes over the chosen items of plan in one transaction and
// returns how many values it changed; the plan's breaks are taken over in the
// same transaction. Each item must be in plan, have no
// Problem, and the open file must still hold the value the plan saw;
// otherwise nothing is changed. Values are stored like corrections, so
// their history names the returned file (plan.Origin). An item without
// Theirs deletes the value.
func (s *Store) ApplyMerge(ctx context.Context, plan *MergePlan, take []MergeItem) (int, error) {
	listed := map[ValueKey]MergeItem{}
	for _, list := range [][]MergeItem{plan.New, plan.Changed, plan.Conflicts, plan.Removed} {
		for _, it := range list {
			listed[it.ValueKey] = it
		}
	}
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		now := s.Now().UTC()
		if err := applyBreaks(ctx, tx, plan, now, s.User); err != nil {
			return err
		}
		done := map[ValueKey]bool{}
		for _, chosen := range take {
			// The plan's copy of the item counts, not the caller's.
			it, ok := listed[chosen.ValueKey]
			if !ok {
				return Invalid(fmt.Sprintf("„%s“ gehört nicht zu dieser Rückmeldung.", chosen.Describe()))
			}
			if done[it.ValueKey] {
				continue
			}
			done[it.ValueKey] = true
			if err := applyItem(ctx, tx, it, plan.Origin(), now, s.User); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

func applyItem(ctx context.Context, tx *sql.Tx, it MergeItem, origin string, now time.Time, user string) error {
	if it.Problem != "" {
		return Invalid(fmt.Sprintf("%s: %s", it.Describe(), it.Problem))
	}
	cur, err := valueByKey(ctx, tx, it.BaseFigure, it.Period, it.Area, it.Group)
	found := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	if found != (it.Ours != nil) || found && !cur.SameContent(*it.Ours) {
		return &UserError{
			Message: fmt.Sprintf("Der Wert %s wurde nach dem Einlesen der Rückmeldung geändert. Bitte lesen Sie die Rückmeldung erneut ein.", it.Describe()),
			Err:     ErrConflict,
		}
	}
	if it.Theirs == nil {
		return deleteValue(ctx, tx, cur.ID, origin, now, user)
	}
	if _, err := saveValue(ctx, tx, *it.Theirs, SaveOptions{Origin: origin, Correct: true}, now, user); err != nil {
		return fmt.Errorf("%s: %w", it.Describe(), err)
	}
	return nil
}

// deleteValue deletes a value and completes the history entry its trigger
// wrote, which cannot know who deleted the value or why.
func deleteValue(ctx context.Context, tx *sql.Tx, id int64, origin string, now time.Time, user string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM value WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete value %d: %w", id, err)
	}
	_, err := tx.ExecContext(ctx, `UPDATE value_history SET changed_at = ?, changed_by = ?, origin = ?
		WHERE id = (SELECT max(id) FROM value_history WHERE value_id = ? AND action = ?)`,
		now.Format(time.RFC3339), user, origin, id, HistoryDeleted)
	if err != nil {
		return fmt.Errorf("delete value %d: history: %w", id, err)
	}
	return nil
}
