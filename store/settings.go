package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// The keys of the setting table. They are German words so that the
// Statistikdienststelle can read and set them in the sqlite3 shell; only
// Settings and its setters read or write them.
const (
	keyReportYear = "berichtsjahr"
	keyDemo       = "beispieldaten"
	keySmallCount = "kleine_fallzahl"
	keyBaseYear   = "basisjahr"
	keyCreatedAt  = "created_at"
	keyChange     = "plausi_faktor"
)

// DefaultSmallCount is the threshold of issue 6: below three cases a
// school-level count may point to a single family.
const DefaultSmallCount = 3

// DefaultBaseYear is the base period of the long-term assessment: the
// KOMM-IN process of 2011/2012 set the Kennzahlen, the Stabsstelle has run
// the Integrationskonzept since January 2011, and the official population
// rests on the Zensus 2011 from then on (docs/bewertung.md).
const DefaultBaseYear = 2011

// DefaultReportAuthor is printed as "Verfasst von" on the title page when
// the report year has no author of its own: the Stabsstelle is responsible
// for the Integrationskonzept and runs the Integrationsrat's office.
const DefaultReportAuthor = "Stabsstelle soziale Stadtentwicklung – Geschäftsführung Integrationsrat"

// DefaultReportTitle is the title of the Monitoring-Bericht of year when
// the report year has no title of its own.
func DefaultReportTitle(year int) string {
	return fmt.Sprintf("Integrationsmonitoring — Monitoring-Bericht %d", year)
}

// WithDefaults fills an empty title or author with DefaultReportTitle and
// DefaultReportAuthor, so that the report dialog shows what the PDF prints.
func (r ReportSettings) WithDefaults() ReportSettings {
	if strings.TrimSpace(r.Title) == "" {
		r.Title = DefaultReportTitle(r.ReportYear)
	}
	if strings.TrimSpace(r.Author) == "" {
		r.Author = DefaultReportAuthor
	}
	return r
}

// Settings are the file-wide settings, typed, with their defaults applied.
// Per-year texts of the title page are in ReportSettings.
type Settings struct {
	// ReportYear is the Berichtsjahr the window opens with and a report
	// takes when none is given. Default: the last complete calendar year
	// by Store.Now, the year whose figures are usually reported.
	ReportYear int
	// ReportYearStored says the file names the report year itself; a
	// headless report refuses to guess it from the clock, so that the same
	// file gives the same PDF.
	ReportYearStored bool
	// Demo says the file holds Beispieldaten, so that every view and output
	// says so. Default false.
	Demo bool
	// SmallCount: delivered counts from 1 to SmallCount-1 are suppressed in
	// the report so that no person can be identified. Default
	// DefaultSmallCount.
	SmallCount int
	// ChangeFactor: a value more than ChangeFactor times, or less than a
	// ChangeFactor-th of, the previous like period is questioned by the
	// plausibility check. Default DefaultChangeFactor.
	ChangeFactor float64
	// BaseYear is the Basisjahr the long-term Bewertung starts at.
	// Default DefaultBaseYear.
	BaseYear int
}

// DefaultChangeFactor questions a value three times or a third of the
// previous like period, as a typing error (a comma, a digit too many)
// changes a value by ten times or more and real series rarely triple.
const DefaultChangeFactor = 3

// Settings reads the file-wide settings. A key not set takes its default.
// A stored text that is not valid (a Berichtsjahr "abc", set by hand in
// another tool) is an error with a German sentence naming the key, not a
// silent default: a report for the wrong year or with a lower privacy
// threshold than intended would look right and be wrong. The returned
// Settings are still complete, with the default in place of each invalid
// text (and Demo true, so that the file is rather labelled too often than
// too rarely), so that the window can open and let the user correct it.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	set := Settings{ReportYear: s.Now().Year() - 1, SmallCount: DefaultSmallCount, ChangeFactor: DefaultChangeFactor, BaseYear: DefaultBaseYear}
	raw := map[string]string{}
	err := queryEach(ctx, s.db, `SELECT key, value FROM setting WHERE key IN (?,?,?,?,?)`, func(r *sql.Rows) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		raw[k] = strings.TrimSpace(v)
		return nil
	}, keyReportYear, keyDemo, keySmallCount, keyChange, keyBaseYear)
	if err != nil {
		return set, fmt.Errorf("settings: %w", classify(err))
	}
	var bad []string
	if v, ok := raw[keyReportYear]; ok && v != "" {
		if y, err := strconv.Atoi(v); err == nil && checkReportYear(y) == nil {
			set.ReportYear, set.ReportYearStored = y, true
		} else {
			bad = append(bad, fmt.Sprintf("„%s“ ist „%s“; erwartet wird ein Jahr von %d bis %d. Bitte wählen Sie das Berichtsjahr im Reiter „Berichtsjahr“ neu.",
				keyReportYear, shorten(v), MinPeriodYear, MaxPeriodYear))
		}
	}
	switch v := raw[keyDemo]; v {
	case "", "0":
	case "1":
		set.Demo = true
	default:
		set.Demo = true
		bad = append(bad, fmt.Sprintf("„%s“ ist „%s“; erwartet wird 1 (Beispieldaten) oder 0.", keyDemo, shorten(v)))
	}
	if v, ok := raw[keySmallCount]; ok && v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 1 {
			set.SmallCount = n
		} else {
			bad = append(bad, fmt.Sprintf("„%s“ ist „%s“; erwartet wird eine ganze Zahl ab 1, z. B. %d.", keySmallCount, shorten(v), DefaultSmallCount))
		}
	}
	if v, ok := raw[keyChange]; ok && v != "" {
		if f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64); err == nil && f > 1 && f <= 1000 {
			set.ChangeFactor = f
		} else {
			bad = append(bad, fmt.Sprintf("„%s“ ist „%s“; erwartet wird eine Zahl größer als 1, z. B. %d.", keyChange, shorten(v), DefaultChangeFactor))
		}
	}
	if v, ok := raw[keyBaseYear]; ok && v != "" {
		if y, err := strconv.Atoi(v); err == nil && y >= MinPeriodYear && y <= MaxPeriodYear {
			set.BaseYear = y
		} else {
			bad = append(bad, fmt.Sprintf("„%s“ ist „%s“; erwartet wird ein Jahr von %d bis %d, z. B. %d.",
				keyBaseYear, shorten(v), MinPeriodYear, MaxPeriodYear, DefaultBaseYear))
		}
	}
	if len(bad) > 0 {
		return set, &UserError{Message: "Eine Einstellung in der Datei ist ungültig: " + strings.Join(bad, " "), Err: ErrInvalidInput}
	}
	return set, nil
}

// SetReportYear stores the Berichtsjahr the file opens with.
func (s *Store) SetReportYear(ctx context.Context, year int) error {
	if err := checkReportYear(year); err != nil {
		return err
	}
	return s.setSettings(ctx, map[string]string{keyReportYear: strconv.Itoa(year)})
}

// SetBaseYear stores the Basisjahr of the long-term Bewertung.
func (s *Store) SetBaseYear(ctx context.Context, year int) error {
	if year < MinPeriodYear || year > MaxPeriodYear {
		return &UserError{Message: fmt.Sprintf("Das Basisjahr muss zwischen %d und %d liegen.", MinPeriodYear, MaxPeriodYear), Err: ErrInvalidInput}
	}
	return s.setSettings(ctx, map[string]string{keyBaseYear: strconv.Itoa(year)})
}

// SaveDemoData stores the generated values vs (package demo) with the
// origin DemoOrigin and marks the file as holding Beispieldaten with the
// given report year, all in one transaction: the marker makes the window
// title, the overview and every output say "Beispieldaten". It returns
// the number of values stored.
func (s *Store) SaveDemoData(ctx context.Context, vs []Value, reportYear int) (int, error) {
	if err := checkReportYear(reportYear); err != nil {
		return 0, err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := saveValuesTx(ctx, tx, vs, SaveOptions{Origin: DemoOrigin}, s.Now().UTC(), s.User); err != nil {
			return err
		}
		return setSettingsTx(ctx, tx, map[string]string{keyDemo: "1", keyReportYear: strconv.Itoa(reportYear)})
	})
	if err != nil {
		return 0, err
	}
	return len(vs), nil
}

// DemoOrigin is the origin (Herkunft) of every value SaveDemoData stores.
const DemoOrigin = "Beispieldaten"

func (s *Store) setSettings(ctx context.Context, kv map[string]string) error {
	return s.write(ctx, func(tx *sql.Tx) error { return setSettingsTx(ctx, tx, kv) })
}

func setSettingsTx(ctx context.Context, tx *sql.Tx, kv map[string]string) error {
	for k, v := range kv {
		if _, err := tx.ExecContext(ctx, `INSERT INTO setting(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			return fmt.Errorf("setting %s: %w", k, err)
		}
	}
	return nil
}
