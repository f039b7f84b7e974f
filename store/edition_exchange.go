package store

import (
	"context"
	"database/sql"
	"fmt"
)

// editionKey identifies an edition across files: the same report year
// frozen from the same inputs, whatever its local id and Fassung number.
type editionKey struct {
	year int
	hash string
}

// editionKeys is the set of editions a file holds.
func editionKeys(ctx context.Context, q querier) (map[editionKey]bool, error) {
	list, err := listEditions(ctx, q)
	if err != nil {
		return nil, err
	}
	keys := map[editionKey]bool{}
	for _, e := range list {
		keys[editionKey{e.ReportYear, e.Hash}] = true
	}
	return keys, nil
}

// newEditions lists the editions of theirs that ours lacks, and a German
// sentence for each of theirs that fails its hash.
func newEditions(ctx context.Context, ours, theirs querier) ([]Edition, []string, error) {
	have, err := editionKeys(ctx, ours)
	if err != nil {
		return nil, nil, err
	}
	list, err := listEditions(ctx, theirs)
	if err != nil {
		return nil, nil, err
	}
	var out []Edition
	var problems []string
	for _, e := range list {
		if have[editionKey{e.ReportYear, e.Hash}] {
			continue
		}
		if _, err := readEditionBlob(ctx, theirs, e.ID); err != nil {
			problems = append(problems, Message(err))
			continue
		}
		out = append(out, e)
	}
	return out, problems, nil
}

// readEditionBlob reads the edition id with its inputs blob and verifies
// the blob against the hash.
func readEditionBlob(ctx context.Context, q querier, id int64) (editionRow, error) {
	var row editionRow
	found := false
	err := queryEach(ctx, q, `SELECT `+editionColumns+`, e.inputs, COALESCE(p.updated_at,''), COALESCE(p.updated_by,''), p.edition_id IS NOT NULL`+editionFrom+` WHERE e.id = ?`,
		func(r *sql.Rows) error {
			var err error
			row.Edition, err = scanEdition(r, &row.blob, &row.paperAt, &row.paperBy, &row.hasPaper)
			found = true
			return err
		}, id)
	if err != nil {
		return row, fmt.Errorf("edition %d: %w", id, err)
	}
	if !found {
		return row, &UserError{Message: fmt.Sprintf("Die Berichtsfassung Nr. %d gibt es in der zurückgeschickten Datei nicht.", id), Err: ErrNotFound}
	}
	if _, ok := verifyBlob(row.blob, row.Hash, row.ReportYear); !ok {
		return row, tamperedError([]string{row.Label()})
	}
	return row, nil
}

// editionRow is an edition as stored, for copying it between files.
type editionRow struct {
	Edition
	blob             []byte
	paperAt, paperBy string
	hasPaper         bool
}

// ImportEditions copies the editions ids of the returned file at path
// (ids as listed in MergePlan.NewEditions) into the open file as they
// are: same inputs, hash, who and when, and council paper. Each gets a new
// local id; its Fassung number is kept unless that year already has it,
// then it becomes the next free one. An edition the open file already
// holds (same year and hash) is skipped. Every edition's hash is verified
// first; a tampered one refuses the whole import with a German sentence
// naming it, and nothing is changed. It returns how many were copied.
func (s *Store) ImportEditions(ctx context.Context, path string, ids []int64) (int, error) {
	if SameFile(path, s.path) {
		return 0, Invalid("Die gewählte Datei ist die geöffnete Datei selbst. Bitte wählen Sie die zurückgeschickte Kopie.")
	}
	if _, err := checkFile(ctx, path, false); err != nil {
		return 0, err
	}
	db, err := sql.Open("sqlite", fileURI(path, true))
	if err != nil {
		return 0, fmt.Errorf("import editions %s: %w", path, err)
	}
	defer db.Close()
	rows := make([]editionRow, 0, len(ids))
	for _, id := range ids {
		row, err := readEditionBlob(ctx, db, id)
		if err != nil {
			return 0, err
		}
		rows = append(rows, row)
	}
	n := 0
	err = s.write(ctx, func(tx *sql.Tx) error {
		for _, row := range rows {
			ok, err := importEdition(ctx, tx, row)
			if err != nil {
				return err
			}
			if ok {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// importEdition stores row unless the open file has it; false when skipped.
func importEdition(ctx context.Context, tx *sql.Tx, row editionRow) (bool, error) {
	var same, taken, next int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE content_hash = ?), count(*) FILTER (WHERE version = ?),
		COALESCE(max(version),0)+1 FROM edition WHERE report_year = ?`, row.Hash, row.Version, row.ReportYear).Scan(&same, &taken, &next)
	if err != nil {
		return false, fmt.Errorf("import edition %s: %w", row.Label(), err)
	}
	if same > 0 {
		return false, nil
	}
	e := row.Edition
	if taken > 0 {
		e.Version = next
	}
	id, err := insertEdition(ctx, tx, e, row.blob)
	if err != nil {
		return false, err
	}
	if row.hasPaper {
		_, err = tx.ExecContext(ctx, `INSERT INTO edition_paper (edition_id, drucksache, sitzung, datum, updated_at, updated_by) VALUES (?,?,?,?,?,?)`,
			id, e.Paper.Drucksache, e.Paper.Sitzung, e.Paper.Datum, row.paperAt, row.paperBy)
		if err != nil {
			return false, fmt.Errorf("import edition %s: paper: %w", row.Label(), err)
		}
	}
	return true, nil
}
