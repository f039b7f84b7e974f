package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// SchoolAreaKind is the area kind of a school: each school of the list is
// a Bezirk, so that its values are stored and kept with history like every
// other value.
const SchoolAreaKind = "schule"

// SchoolKeyFigures are the Kennzahlen collected "schulscharf" (seed:
// B-K1, B-K2); a new school becomes an area of all their Grundzahlen.
var SchoolKeyFigures = []string{"B-K1", "B-K2"}

// SchoolTypes are the Schulformen a school can have, with their German
// names; "" is "nicht angegeben".
var SchoolTypes = []struct{ Code, Name string }{
	{"", "nicht angegeben"},
	{"gymnasium", "Gymnasium"},
	{"hauptschule", "Hauptschule"},
	{"realschule", "Realschule"},
	{"gesamtschule", "Gesamtschule"},
	{"sekundarschule", "Sekundarschule"},
	{"sonstige", "sonstige Schule"},
}

// School is one school of the file's school list.
type School struct {
	Area string // the area code, e.g. "schule_otto_hahn_gymnasium"
	Name string
	Type string // one of SchoolTypes
}

// ErrSchoolHasValues refuses to remove a school that still has values.
var ErrSchoolHasValues = errors.New("school has values")

// Schools lists the file's schools in their order.
func (s *Store) Schools(ctx context.Context) ([]School, error) {
	var out []School
	err := queryEach(ctx, s.db, `SELECT a.code, a.name, s.school_type FROM school s JOIN area a ON a.code = s.area_code ORDER BY s.sort, a.name`, func(r *sql.Rows) error {
		var sc School
		err := r.Scan(&sc.Area, &sc.Name, &sc.Type)
		out = append(out, sc)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load schools: %w", err)
	}
	return out, nil
}

func validSchool(name, typ string) error {
	if strings.TrimSpace(name) == "" {
		return &UserError{Message: "Bitte geben Sie den Namen der Schule an.", Err: ErrInvalidInput}
	}
	for _, t := range SchoolTypes {
		if t.Code == typ {
			return nil
		}
	}
	return &UserError{Message: fmt.Sprintf("Unbekannte Schulform „%s“.", typ), Err: ErrInvalidInput}
}

// SchoolCode is the area code AddSchool gives a school of this name:
// "schule_" and the name's letters and digits in lower case, umlauts
// spelled out.
func SchoolCode(name string) string {
	var b strings.Builder
	b.WriteString("schule_")
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue")
	under := false
	for _, c := range strings.ToLower(r.Replace(name)) {
		if c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
			under = false
		} else if !under {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimRight(b.String(), "_")
}

// AddSchool adds a school to the list: a Bezirk of kind "schule" for which
// every Grundzahl of SchoolKeyFigures takes values. Two schools of the same
// name are refused.
func (s *Store) AddSchool(ctx context.Context, name, schoolType string) (School, error) {
	name = strings.TrimSpace(name)
	if err := validSchool(name, schoolType); err != nil {
		return School{}, err
	}
	sc := School{Area: SchoolCode(name), Name: name, Type: schoolType}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM area WHERE code = ? OR name = ?`, sc.Area, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &UserError{Message: fmt.Sprintf("Eine Schule oder ein Bezirk „%s“ ist schon eingetragen.", name), Err: ErrInvalidInput}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO area(code,name,kind,key,sort) VALUES(?,?,?,'',(SELECT coalesce(max(sort) + 1, 0) FROM area))`, sc.Area, name, SchoolAreaKind); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO school(area_code,school_type,sort) VALUES(?,?,(SELECT coalesce(max(sort) + 1, 0) FROM school))`, sc.Area, schoolType); err != nil {
			return err
		}
		for _, k := range SchoolKeyFigures {
			if _, err := tx.ExecContext(ctx, `INSERT INTO base_figure_area(base_figure_code,area_code,sort)
				SELECT b.code, ?, (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_area WHERE base_figure_code = b.code)
				FROM base_figure b WHERE b.key_figure_code = ?`, sc.Area, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return School{}, fmt.Errorf("add school %q: %w", name, err)
	}
	return sc, nil
}

// UpdateSchool renames a school or changes its Schulform; its values stay
// where they are, as they are stored under the school's code.
func (s *Store) UpdateSchool(ctx context.Context, area, name, schoolType string) error {
	name = strings.TrimSpace(name)
	if err := validSchool(name, schoolType); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM area WHERE name = ? AND code <> ?`, name, area).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &UserError{Message: fmt.Sprintf("Eine Schule oder ein Bezirk „%s“ ist schon eingetragen.", name), Err: ErrInvalidInput}
		}
		res, err := tx.ExecContext(ctx, `UPDATE area SET name = ? WHERE code = ? AND kind = ?`, name, area, SchoolAreaKind)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return &UserError{Message: "Diese Schule gibt es in der Datei nicht (mehr).", Err: ErrInvalidInput}
		}
		_, err = tx.ExecContext(ctx, `UPDATE school SET school_type = ? WHERE area_code = ?`, schoolType, area)
		return err
	})
}

// RemoveSchool takes a school off the list. A school with values is
// refused (ErrSchoolHasValues): values are only ever deleted one by one,
// with their history.
func (s *Store) RemoveSchool(ctx context.Context, area string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM value WHERE area_code = ?`, area).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &UserError{Message: fmt.Sprintf("Für diese Schule sind %d Werte gespeichert. Eine Schule mit Werten wird nicht entfernt; löschen Sie zuerst ihre Werte.", n), Err: ErrSchoolHasValues}
		}
		for _, q := range []string{
			`DELETE FROM base_figure_area WHERE area_code = ?`,
			`DELETE FROM school WHERE area_code = ?`,
			`DELETE FROM area WHERE code = ? AND kind = 'schule'`,
		} {
			if _, err := tx.ExecContext(ctx, q, area); err != nil {
				return err
			}
		}
		return nil
	})
}
