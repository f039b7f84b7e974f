package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

var validTextKinds = map[string]bool{TextKeyMessages: true, TextCommentary: true, TextPublisher: true, TextContact: true}

var validNoteFields = map[string]bool{NoteRemarks: true, NoteSurveyTime: true, NoteMigration: true, NoteMethod: true,
	NoteIndicators: true, NoteSources: true}

// SaveYearText stores a text of a report year; an empty (or blank) text
// removes it, so that the report prints its draft or default again.
func (s *Store) SaveYearText(ctx context.Context, t YearText) error {
	return s.SaveTexts(ctx, []YearText{t}, nil)
}

// SaveCatalogNote stores the file's current wording of a catalogue note.
// An empty text is kept as such (she deleted an outdated note);
// ResetCatalogNote brings the concept's wording back.
func (s *Store) SaveCatalogNote(ctx context.Context, n CatalogNote) error {
	return s.SaveTexts(ctx, nil, []CatalogNote{n})
}

// SaveTexts stores texts of report years and catalogue notes in one
// transaction: what one form shows is saved entirely or not at all.
func (s *Store) SaveTexts(ctx context.Context, texts []YearText, notes []CatalogNote) error {
	for i, t := range texts {
		if err := checkReportYear(t.ReportYear); err != nil {
			return err
		}
		if !validTextKinds[t.Kind] {
			return Invalid(fmt.Sprintf("Unbekannte Textart „%s“.", t.Kind))
		}
		if t.Kind != TextCommentary {
			texts[i].Code = ""
		} else if strings.TrimSpace(t.Code) == "" {
			return Invalid("Die Einordnung braucht die Kennzahl, zu der sie gehört.")
		}
	}
	for _, n := range notes {
		if !validNoteFields[n.Field] || strings.TrimSpace(n.Code) == "" {
			return Invalid(fmt.Sprintf("Unbekannter Katalogtext „%s/%s“.", n.Code, n.Field))
		}
	}
	now := s.Now().UTC().Format(time.RFC3339)
	return s.writeTexts(ctx, func(tx *sql.Tx) error {
		for _, t := range texts {
			var err error
			if strings.TrimSpace(t.Text) == "" {
				_, err = tx.ExecContext(ctx, `DELETE FROM report_text WHERE report_year = ? AND kind = ? AND code = ?`, t.ReportYear, t.Kind, t.Code)
			} else {
				_, err = tx.ExecContext(ctx, `INSERT INTO report_text(report_year, kind, code, text, updated_at) VALUES(?,?,?,?,?)
					ON CONFLICT(report_year, kind, code) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
					t.ReportYear, t.Kind, t.Code, strings.TrimSpace(t.Text), now)
			}
			if err != nil {
				return fmt.Errorf("save report text %s %d: %w", t.Kind, t.ReportYear, classify(err))
			}
		}
		for _, n := range notes {
			_, err := tx.ExecContext(ctx, `INSERT INTO catalog_note(code, field, text, updated_at) VALUES(?,?,?,?)
				ON CONFLICT(code, field) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
				n.Code, n.Field, strings.TrimSpace(n.Text), now)
			if err != nil {
				return fmt.Errorf("save catalog note %s/%s: %w", n.Code, n.Field, classify(err))
			}
		}
		return nil
	})
}

// ResetCatalogNote removes the file's wording of a catalogue note; the
// report then treats the concept's wording as before.
func (s *Store) ResetCatalogNote(ctx context.Context, code, field string) error {
	return s.writeTexts(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM catalog_note WHERE code = ? AND field = ?`, code, field); err != nil {
			return fmt.Errorf("reset catalog note %s/%s: %w", code, field, classify(err))
		}
		return nil
	})
}

// readOwnTexts fills t.Own, t.Notes and t.OwnUpdated for t.ReportYear.
func (s *Store) readOwnTexts(ctx context.Context, t *ReportTexts) error {
	err := queryEach(ctx, s.db, `SELECT kind, code, text, updated_at FROM report_text WHERE report_year = ? ORDER BY kind, code`,
		func(r *sql.Rows) error {
			var kind, code, text, at string
			if err := r.Scan(&kind, &code, &text, &at); err != nil {
				return err
			}
			switch kind {
			case TextKeyMessages:
				t.Own.KeyMessages = text
			case TextCommentary:
				if t.Own.Commentary == nil {
					t.Own.Commentary = map[string]string{}
				}
				t.Own.Commentary[code] = text
			case TextPublisher:
				t.Own.Publisher = text
			case TextContact:
				t.Own.Contact = text
			}
			t.noteUpdate(at)
			return nil
		}, t.ReportYear)
	if err != nil {
		return fmt.Errorf("report texts %d: %w", t.ReportYear, err)
	}
	err = queryEach(ctx, s.db, `SELECT code, field, text, updated_at FROM catalog_note ORDER BY code, field`,
		func(r *sql.Rows) error {
			var code, field, text, at string
			if err := r.Scan(&code, &field, &text, &at); err != nil {
				return err
			}
			if t.Notes == nil {
				t.Notes = map[string]string{}
			}
			t.Notes[NoteKey(code, field)] = text
			t.noteUpdate(at)
			return nil
		})
	if err != nil {
		return fmt.Errorf("catalog notes: %w", err)
	}
	return nil
}

func (t *ReportTexts) noteUpdate(at string) {
	if ts, err := time.Parse(time.RFC3339, at); err == nil && ts.After(t.OwnUpdated) {
		t.OwnUpdated = ts
	}
}
