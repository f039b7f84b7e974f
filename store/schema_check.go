package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Errors of the schema comparison; each comes inside a UserError whose
// German message names the objects.
var (
	// ErrSchemaAltered: one of the program's tables, columns, indexes,
	// triggers or views is missing or was changed. The file is refused.
	ErrSchemaAltered = errors.New("schema objects missing or altered")
	// ErrForeignObjects: the file holds tables, indexes, triggers or views
	// the program did not create. It is opened read-only, so that no
	// foreign trigger runs; CleanCopy writes a copy without them.
	ErrForeignObjects = errors.New("schema has objects the program did not create")
)

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	Type, Name, Table, SQL string
	// Columns are a table's column names in order.
	Columns []string
}

func (o schemaObject) key() string { return o.Type + " " + o.Name }

// label names the object in German: Tabelle „value“, Trigger „x“ (auf
// Tabelle value).
func (o schemaObject) label() string {
	kind := map[string]string{"table": "Tabelle", "index": "Index", "view": "Sicht", "trigger": "Trigger"}[o.Type]
	if kind == "" {
		kind = o.Type
	}
	s := fmt.Sprintf("%s „%s“", kind, o.Name)
	if (o.Type == "trigger" || o.Type == "index") && o.Table != "" {
		s += fmt.Sprintf(" (zu Tabelle %s)", o.Table)
	}
	return s
}

// internalObject reports rows SQLite keeps for itself: the AUTOINCREMENT
// counters, ANALYZE statistics and the indexes of UNIQUE and PRIMARY KEY
// constraints (covered by their table's text).
func internalObject(o schemaObject) bool {
	switch {
	case o.Type == "table" && (o.Name == "sqlite_sequence" || strings.HasPrefix(o.Name, "sqlite_stat")):
		return true
	case o.Type == "index" && strings.HasPrefix(o.Name, "sqlite_autoindex_") && o.SQL == "":
		return true
	}
	return false
}

// readSchema reads the objects of the main database behind q with their
// normalized SQL, and each table's columns.
func readSchema(ctx context.Context, q querier) (map[string]schemaObject, error) {
	out := map[string]schemaObject{}
	err := queryEach(ctx, q, `SELECT type, name, tbl_name, COALESCE(sql,'') FROM sqlite_schema`, func(r *sql.Rows) error {
		var o schemaObject
		if err := r.Scan(&o.Type, &o.Name, &o.Table, &o.SQL); err != nil {
			return err
		}
		o.SQL = normalizeSQL(o.SQL)
		if !internalObject(o) {
			out[o.key()] = o
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, o := range out {
		if o.Type != "table" {
			continue
		}
		err := queryEach(ctx, q, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, func(r *sql.Rows) error {
			var c string
			err := r.Scan(&c)
			o.Columns = append(o.Columns, c)
			return err
		}, o.Name)
		if err != nil {
			return nil, err
		}
		out[k] = o
	}
	return out, nil
}

var (
	expectedMu    sync.Mutex
	expectedCache = map[int]map[string]schemaObject{}
)

// expectedSchema is the schema a file of the given version must have:
// the embedded migrations up to it applied to an empty in-memory
// database, so every migration (also ones added later) is covered without
// a second copy of the schema in Go. It is computed once per version.
func expectedSchema(ctx context.Context, version int) (map[string]schemaObject, error) {
	expectedMu.Lock()
	defer expectedMu.Unlock()
	if m, ok := expectedCache[version]; ok {
		return m, nil
	}
	scripts, err := migrations()
	if err != nil {
		return nil, err
	}
	if version < 0 || version > len(scripts) {
		return nil, fmt.Errorf("expected schema %d: %w", version, ErrNewerSchema)
	}
	db, err := sql.Open("sqlite", "file:expected?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	// Every connection to :memory: is a database of its own.
	db.SetMaxOpenConns(1)
	for i := 0; i < version; i++ {
		if err := applyMigration(ctx, db, i+1, scripts[i]); err != nil {
			return nil, err
		}
	}
	m, err := readSchema(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("expected schema %d: %w", version, err)
	}
	expectedCache[version] = m
	return m, nil
}

// schemaDiff is the outcome of comparing a file with its version's schema.
type schemaDiff struct {
	missing, altered, foreign []schemaObject
	// alteredDetail holds, per altered table, what changed in its columns.
	alteredDetail map[string]string
}

// compareSchema compares the file behind q (of schema version) with the
// expected schema. The edition triggers are left out of missing and
// altered: verifyEditions reports them as unprotected editions, which
// opens the file read-only instead of refusing it (docs/schema.md).
func compareSchema(ctx context.Context, q querier, version int) (schemaDiff, error) {
	var d schemaDiff
	want, err := expectedSchema(ctx, version)
	if err != nil {
		return d, err
	}
	got, err := readSchema(ctx, q)
	if err != nil {
		return d, err
	}
	d.alteredDetail = map[string]string{}
	for k, w := range want {
		g, ok := got[k]
		editionTrigger := w.Type == "trigger" && w.Table == "edition"
		if _, tableThere := got["table edition"]; editionTrigger && tableThere {
			continue
		}
		switch {
		case !ok:
			d.missing = append(d.missing, w)
		case g.SQL != w.SQL || g.Table != w.Table:
			d.altered = append(d.altered, w)
			if w.Type == "table" {
				d.alteredDetail[w.Name] = columnChanges(w.Columns, g.Columns)
			}
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			d.foreign = append(d.foreign, g)
		}
	}
	for _, l := range [][]schemaObject{d.missing, d.altered, d.foreign} {
		sort.Slice(l, func(i, j int) bool { return l[i].key() < l[j].key() })
	}
	return d, nil
}

// columnChanges says in German which columns were added or removed.
func columnChanges(want, got []string) string {
	has := func(l []string, c string) bool {
		for _, x := range l {
			if x == c {
				return true
			}
		}
		return false
	}
	var parts []string
	for _, c := range got {
		if !has(want, c) {
			parts = append(parts, fmt.Sprintf("Spalte „%s“ hinzugefügt", c))
		}
	}
	for _, c := range want {
		if !has(got, c) {
			parts = append(parts, fmt.Sprintf("Spalte „%s“ fehlt", c))
		}
	}
	if len(parts) == 0 {
		return "Definition geändert"
	}
	return strings.Join(parts, ", ")
}

func objectLabels(l []schemaObject) string {
	s := make([]string, len(l))
	for i, o := range l {
		s[i] = o.label()
	}
	return strings.Join(s, ", ")
}

// alteredError is the refusal for missing or changed objects, nil if
// there are none.
func (d schemaDiff) alteredError() error {
	if len(d.missing) == 0 && len(d.altered) == 0 {
		return nil
	}
	var parts []string
	if len(d.missing) > 0 {
		parts = append(parts, "Es fehlt: "+objectLabels(d.missing)+".")
	}
	if len(d.altered) > 0 {
		s := make([]string, len(d.altered))
		for i, o := range d.altered {
			s[i] = o.label()
			if det := d.alteredDetail[o.Name]; o.Type == "table" && det != "" {
				s[i] += " (" + det + ")"
			}
		}
		parts = append(parts, "Verändert: "+strings.Join(s, ", ")+".")
	}
	return &UserError{
		Message: "Der Aufbau der Datei wurde außerhalb des Integrationsmonitors verändert; sie wird nicht geöffnet und bleibt unverändert. " +
			strings.Join(parts, " ") + " Bitte verwenden Sie eine unveränderte Fassung der Datei, z. B. die zuletzt verschickte Kopie.",
		Err: ErrSchemaAltered,
	}
}

// foreignError is the read-only reason for objects the program did not
// create, nil if there are none.
func (d schemaDiff) foreignError() error {
	if len(d.foreign) == 0 {
		return nil
	}
	return &UserError{
		Message: "Die Datei enthält Objekte, die nicht vom Integrationsmonitor stammen: " + objectLabels(d.foreign) +
			". Damit sie nicht ausgeführt werden, wurde die Datei nur zum Lesen geöffnet; nichts in ihr wurde verändert. " +
			"Mit „Bereinigte Kopie speichern…“ legen Sie eine Kopie ohne diese Objekte an, in der Sie weiterarbeiten können.",
		Err: ErrForeignObjects,
	}
}

// userVersion reads PRAGMA user_version.
func userVersion(ctx context.Context, q querier) (int, error) {
	v := 0
	err := queryEach(ctx, q, `PRAGMA user_version`, func(r *sql.Rows) error { return r.Scan(&v) })
	return v, err
}

// inspectAt compares the schema of the file at path with its version's
// and checks its editions, on one read-only connection. A missing or
// altered object is an error; foreign objects and tampered editions are
// returned as the reason to open the file read-only.
func inspectAt(ctx context.Context, path string) (readOnlyReason error, err error) {
	db, err := sql.Open("sqlite", fileURI(path, true))
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	defer db.Close()
	version, err := userVersion(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	d, err := compareSchema(ctx, db, version)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	if err := d.alteredError(); err != nil {
		return nil, err
	}
	foreign := d.foreignError()
	if err := verifyEditions(ctx, db); err != nil {
		if !errors.Is(err, ErrEditionTampered) {
			return nil, err
		}
		tampered := openedTamperedError(err)
		if foreign == nil {
			return tampered, nil
		}
		return &UserError{Message: Message(foreign) + " " + Message(tampered), Err: errors.Join(foreign, tampered)}, nil
	}
	return foreign, nil
}
