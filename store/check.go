package store

import (
	"context"
	"database/sql"
	"fmt"
)

// CheckResult summarises a file that passed Check.
type CheckResult struct {
	SchemaVersion int
	KeyFigures    int
	Indicators    int
	Values        int
	DemoValues    int
	History       int
	Editions      int
}

// Check verifies a file without changing it: header, application id,
// schema version, SQLite integrity, foreign keys, the schema against the
// one its version must have (ErrSchemaAltered for missing or altered
// objects, ErrForeignObjects for ones the program did not create), and
// the hash of every report edition. It is what "integrationsmonitor pruefen" runs. A
// tampered edition is an error wrapping ErrEditionTampered whose German
// message names the edition.
func Check(ctx context.Context, path string) (CheckResult, error) {
	return checkFile(ctx, path, true)
}

// checkFile is Check; without editions it skips the edition hashes and
// tolerates foreign objects (never missing or altered ones), for
// the checks of copies and returned files: a copy of a tampered file is
// still a faithful copy, and a returned file's values can be merged while
// its tampered editions are refused one by one.
func checkFile(ctx context.Context, path string, editions bool) (CheckResult, error) {
	var r CheckResult
	h, err := readHeader(path)
	if err != nil {
		return r, err
	}
	if h.applicationID != ApplicationID {
		return r, fmt.Errorf("check %s: application id %#x: %w", path, h.applicationID, ErrForeignFile)
	}
	if int(h.userVersion) > SchemaVersion() {
		return r, fmt.Errorf("check %s: schema %d: %w", path, h.userVersion, ErrNewerSchema)
	}
	if hotJournal(path) {
		// Check never writes, so it cannot roll the interrupted save back;
		// opening the file in the program does.
		return r, fmt.Errorf("check %s: %w", path, ErrInterrupted)
	}
	if err := h.checkGeometry(path); err != nil {
		return r, err
	}
	if err := checkIntegrity(ctx, path); err != nil {
		return r, err
	}
	db, err := sql.Open("sqlite", fileURI(path, true))
	if err != nil {
		return r, err
	}
	defer db.Close()
	var fkProblems int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fkProblems); err != nil {
		return r, fmt.Errorf("check %s: %w", path, classify(err))
	}
	if fkProblems > 0 {
		return r, &UserError{Message: fmt.Sprintf("Die Datei enthält %d Einträge mit ungültigen Verweisen (z. B. auf eine gelöschte Grundzahl).", fkProblems), Err: ErrDamaged}
	}
	d, err := compareSchema(ctx, db, int(h.userVersion))
	if err != nil {
		return r, fmt.Errorf("check %s: %w", path, err)
	}
	if err := d.alteredError(); err != nil {
		return r, err
	}
	if editions {
		if err := d.foreignError(); err != nil {
			return r, err
		}
		if err := verifyEditions(ctx, db); err != nil {
			return r, err
		}
	}
	list, err := listEditions(ctx, db)
	if err != nil {
		return r, fmt.Errorf("check %s: %w", path, classify(err))
	}
	r.Editions = len(list)
	r.SchemaVersion = int(h.userVersion)
	for q, dst := range map[string]*int{
		`SELECT count(*) FROM key_figure`:           &r.KeyFigures,
		`SELECT count(*) FROM impact_indicator`:     &r.Indicators,
		`SELECT count(*) FROM value`:                &r.Values,
		`SELECT count(*) FROM value WHERE demo = 1`: &r.DemoValues,
		`SELECT count(*) FROM value_history`:        &r.History,
	} {
		if err := db.QueryRowContext(ctx, q).Scan(dst); err != nil {
			return r, fmt.Errorf("check %s: %w", path, classify(err))
		}
	}
	return r, nil
}
