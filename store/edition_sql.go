package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// editionSelect reads an edition with its council paper; the inputs blob
// is read only where it is needed.
const (
	editionColumns = `e.id, e.report_year, e.version, e.frozen_at, e.frozen_by, e.content_hash, e.pdf_sha256, e.pages,
	COALESCE(p.drucksache,''), COALESCE(p.sitzung,''), COALESCE(p.datum,'')`
	editionFrom   = ` FROM edition e LEFT JOIN edition_paper p ON p.edition_id = e.id`
	editionSelect = `SELECT ` + editionColumns + editionFrom
)

func scanEdition(r interface{ Scan(...any) error }, extra ...any) (Edition, error) {
	var e Edition
	var at string
	dst := append([]any{&e.ID, &e.ReportYear, &e.Version, &at, &e.FrozenBy, &e.Hash, &e.PDFHash, &e.Pages,
		&e.Paper.Drucksache, &e.Paper.Sitzung, &e.Paper.Datum}, extra...)
	if err := r.Scan(dst...); err != nil {
		return e, err
	}
	e.FrozenAt, _ = time.Parse(time.RFC3339, at)
	return e, nil
}

// hasEditions reports whether the file has the edition table: a
// write-protected file of schema 1 is opened without migrating.
func hasEditions(ctx context.Context, q querier) (bool, error) {
	n := 0
	err := queryEach(ctx, q, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'edition'`,
		func(r *sql.Rows) error { return r.Scan(&n) })
	return n > 0, err
}

// Freeze stores in as the next Fassung of its report year
// (in.Snapshot.ReportYear), frozen by by now, with the hash and page count
// of the PDF printed from it. The returned edition carries the inputs as
// stored, decoded from their canonical JSON.
func (s *Store) Freeze(ctx context.Context, in EditionInputs, by, pdfHash string, pages int) (Edition, error) {
	year := in.Snapshot.ReportYear
	if err := checkReportYear(year); err != nil {
		return Edition{}, err
	}
	if in.Snapshot.Catalog == nil {
		return Edition{}, Invalid("Eine Berichtsfassung ohne Kennzahlenkatalog kann nicht festgeschrieben werden.")
	}
	if !validPDFHash(pdfHash) || pages < 0 {
		return Edition{}, Invalid("Die Prüfsumme oder Seitenzahl des gedruckten Berichts ist ungültig.")
	}
	canon, hash, err := EditionHash(in)
	if err != nil {
		return Edition{}, err
	}
	blob, err := compressInputs(canon)
	if err != nil {
		return Edition{}, fmt.Errorf("freeze %d: %w", year, err)
	}
	inputs, err := decodeInputs(canon)
	if err != nil {
		return Edition{}, err
	}
	if by == "" {
		by = s.User
	}
	e := Edition{ReportYear: year, FrozenAt: s.Now().UTC().Truncate(time.Second), FrozenBy: by,
		Hash: hash, PDFHash: pdfHash, Pages: pages, Inputs: inputs}
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(version),0)+1 FROM edition WHERE report_year = ?`, year).Scan(&e.Version); err != nil {
			return fmt.Errorf("freeze %d: %w", year, err)
		}
		e.ID, err = insertEdition(ctx, tx, e, blob)
		return err
	})
	if err != nil {
		return Edition{}, err
	}
	return e, nil
}

func insertEdition(ctx context.Context, tx *sql.Tx, e Edition, blob []byte) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO edition (report_year, version, frozen_at, frozen_by, inputs, content_hash, pdf_sha256, pages)
		VALUES (?,?,?,?,?,?,?,?)`, e.ReportYear, e.Version, e.FrozenAt.UTC().Format(time.RFC3339), e.FrozenBy, blob, e.Hash, e.PDFHash, e.Pages)
	if err != nil {
		return 0, fmt.Errorf("insert edition %d/%d: %w", e.ReportYear, e.Version, err)
	}
	return res.LastInsertId()
}

// Editions lists every edition, by report year and Fassung, without inputs.
func (s *Store) Editions(ctx context.Context) ([]Edition, error) {
	return listEditions(ctx, s.db)
}

func listEditions(ctx context.Context, q querier) ([]Edition, error) {
	if ok, err := hasEditions(ctx, q); err != nil || !ok {
		return nil, err
	}
	var out []Edition
	err := queryEach(ctx, q, editionSelect+` ORDER BY e.report_year, e.version`, func(r *sql.Rows) error {
		e, err := scanEdition(r)
		out = append(out, e)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("editions: %w", err)
	}
	return out, nil
}

// Edition returns the Fassung version of report year year with its inputs.
// A missing edition is ErrNotFound; one whose inputs no longer match their
// hash is ErrEditionTampered and is not returned.
func (s *Store) Edition(ctx context.Context, year, version int) (Edition, error) {
	return s.editionWhere(ctx, `e.report_year = ? AND e.version = ?`, year, version)
}

// LatestEdition returns the newest Fassung of year with its inputs; false
// when the year was never frozen.
func (s *Store) LatestEdition(ctx context.Context, year int) (Edition, bool, error) {
	e, err := s.editionWhere(ctx, `e.report_year = ? ORDER BY e.version DESC LIMIT 1`, year)
	if errors.Is(err, ErrNotFound) {
		return Edition{}, false, nil
	}
	return e, err == nil, err
}

func (s *Store) editionWhere(ctx context.Context, where string, args ...any) (Edition, error) {
	if ok, err := hasEditions(ctx, s.db); err != nil || !ok {
		return Edition{}, notFoundOr(err)
	}
	var blob []byte
	found := false
	var e Edition
	err := queryEach(ctx, s.db, `SELECT `+editionColumns+`, e.inputs`+editionFrom+` WHERE `+where, func(r *sql.Rows) error {
		var err error
		e, err = scanEdition(r, &blob)
		found = true
		return err
	}, args...)
	if err != nil {
		return Edition{}, fmt.Errorf("edition: %w", err)
	}
	if !found {
		return Edition{}, notFoundOr(nil)
	}
	canon, ok := verifyBlob(blob, e.Hash, e.ReportYear)
	if !ok {
		return Edition{}, tamperedError([]string{e.Label()})
	}
	if e.Inputs, err = decodeInputs(canon); err != nil {
		return Edition{}, err
	}
	return e, nil
}

func notFoundOr(err error) error {
	if err != nil {
		return err
	}
	return &UserError{Message: "Diese Berichtsfassung gibt es in der Datei nicht.", Err: ErrNotFound}
}

// SetCouncilPaper records the council paper an edition went to; it
// replaces what was recorded before.
func (s *Store) SetCouncilPaper(ctx context.Context, editionID int64, p CouncilPaper) error {
	p.Drucksache, p.Sitzung, p.Datum = strings.TrimSpace(p.Drucksache), strings.TrimSpace(p.Sitzung), strings.TrimSpace(p.Datum)
	if err := checkPaper(p); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM edition WHERE id = ?`, editionID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return notFoundOr(nil)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO edition_paper (edition_id, drucksache, sitzung, datum, updated_at, updated_by)
			VALUES (?,?,?,?,?,?) ON CONFLICT(edition_id) DO UPDATE SET drucksache = excluded.drucksache,
			sitzung = excluded.sitzung, datum = excluded.datum, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			editionID, p.Drucksache, p.Sitzung, p.Datum, s.Now().UTC().Format(time.RFC3339), s.User)
		return err
	})
}

// editionSchema is the schema version that brought the edition table.
const editionSchema = 2

// verifyEditionTriggers compares the triggers on the edition table with
// the ones the migrations up to version create, letter for letter
// (whitespace aside): a trigger dropped, or recreated so that it never
// fires ("WHEN 0"), unprotects the editions.
func verifyEditionTriggers(ctx context.Context, q querier, version int) error {
	schema, err := expectedSchema(ctx, version)
	if err != nil {
		return fmt.Errorf("verify editions: %w", err)
	}
	want := map[string]string{}
	for _, o := range schema {
		if o.Type == "trigger" && o.Table == "edition" {
			want[o.Name] = o.SQL
		}
	}
	got := map[string]string{}
	err = queryEach(ctx, q, `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'edition'`,
		func(r *sql.Rows) error {
			var name, text string
			if err := r.Scan(&name, &text); err != nil {
				return err
			}
			got[name] = normalizeSQL(text)
			return nil
		})
	if err != nil {
		return fmt.Errorf("verify editions: %w", err)
	}
	if len(got) != len(want) {
		return unprotectedError()
	}
	for name, text := range want {
		if got[name] != text {
			return unprotectedError()
		}
	}
	return nil
}

func normalizeSQL(s string) string {
	return strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(s), ";")), " ")
}

// verifyEditions checks that the triggers protecting the editions are in
// place and that every edition's inputs match its hash. A file without
// editions passes. The error names every failing edition.
func verifyEditions(ctx context.Context, q querier) error {
	ok, err := hasEditions(ctx, q)
	if err != nil {
		return err
	}
	version := 0
	if err := queryEach(ctx, q, `PRAGMA user_version`, func(r *sql.Rows) error { return r.Scan(&version) }); err != nil {
		return fmt.Errorf("verify editions: %w", err)
	}
	if !ok {
		// Only a file of schema 1 (opened write-protected, not migrated)
		// may lack the table; one of schema 2 had it dropped.
		if version >= editionSchema {
			return unprotectedError()
		}
		return nil
	}
	if err := verifyEditionTriggers(ctx, q, version); err != nil {
		return err
	}
	var bad []string
	err = queryEach(ctx, q, `SELECT report_year, version, inputs, content_hash FROM edition ORDER BY report_year, version`, func(r *sql.Rows) error {
		var e Edition
		var blob []byte
		if err := r.Scan(&e.ReportYear, &e.Version, &blob, &e.Hash); err != nil {
			return err
		}
		if _, ok := verifyBlob(blob, e.Hash, e.ReportYear); !ok {
			bad = append(bad, e.Label())
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("verify editions: %w", err)
	}
	if len(bad) > 0 {
		return tamperedError(bad)
	}
	return nil
}
