package store

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"
)

// EditionInputs is everything a Monitoring-Bericht was computed and printed
// from. Frozen as an Edition, it lets the report of a year be printed again
// unchanged, whatever was corrected in the file since.
type EditionInputs struct {
	// Snapshot holds the catalogue, all values and the ReportYear.
	Snapshot Snapshot
	// Texts holds the texts, instruments, surveys, Stellungnahme and
	// report settings of the year.
	Texts ReportTexts
	// Settings are the file-wide settings (demo flag, small-count threshold …).
	Settings Settings
	// Created is the Stand printed on the title page.
	Created time.Time
	// Title and Author are as printed on the title page.
	Title, Author string
	// Previous is the content hash of the edition whose values the
	// report's chapter "Änderungen seit dem Bericht J" compares with, ""
	// for none. It is part of the inputs so that a reprint compares with
	// the same edition whatever was frozen or imported since.
	Previous string `json:",omitempty"`
}

// CouncilPaper is the council paper (Drucksache) an edition went to. It is
// known only after freezing and may be edited.
type CouncilPaper struct {
	Drucksache string
	Sitzung    string
	Datum      string // ISO yyyy-mm-dd or ""
}

// Edition is a frozen report year, a Berichtsfassung: the inputs of the
// report as the Rat received it, with who froze it when. Editions are
// append-only; only the council paper may change later.
type Edition struct {
	ID         int64
	ReportYear int
	Version    int // Fassung 1, 2, … of the report year
	FrozenAt   time.Time
	FrozenBy   string
	Hash       string // lower-hex SHA-256 of the canonical JSON of the inputs
	PDFHash    string // lower-hex SHA-256 of the PDF printed when freezing, or ""
	Pages      int
	Paper      CouncilPaper
	Inputs     *EditionInputs // nil when listed without inputs
}

// Label names the edition the way messages and menus do:
// "Berichtsfassung 2024, 1. Fassung".
func (e Edition) Label() string {
	return fmt.Sprintf("Berichtsfassung %d, %d. Fassung", e.ReportYear, e.Version)
}

// ErrEditionTampered is returned (inside a UserError naming the edition)
// when a stored edition no longer matches its content hash, or when the
// triggers protecting the editions were removed.
var ErrEditionTampered = errors.New("report edition does not match its hash")

// maxEditionJSON bounds the decompressed inputs of one edition, so that a
// crafted blob in a file from outside cannot exhaust memory.
const maxEditionJSON = 512 << 20

// EditionHash returns the one encoding of in that editions store (the
// canonical JSON, before compression) and its lower-hex SHA-256. Times
// are written in UTC; maps are written with sorted keys by encoding/json,
// so equal inputs give equal bytes.
func EditionHash(in EditionInputs) (canonical []byte, hash string, err error) {
	b, err := json.Marshal(canonicalInputs(in))
	if err != nil {
		return nil, "", fmt.Errorf("encode edition inputs: %w", err)
	}
	return b, contentHash(b), nil
}

func contentHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// canonicalInputs returns a copy of in with every time in UTC and without
// monotonic clock readings, so that decoding gives back an equal value.
// The caller's slices and maps are not changed.
func canonicalInputs(in EditionInputs) EditionInputs {
	in.Created = in.Created.UTC()
	if in.Snapshot.Values != nil {
		vs := make([]Value, len(in.Snapshot.Values))
		for i, v := range in.Snapshot.Values {
			v.EnteredAt = v.EnteredAt.UTC()
			vs[i] = v
		}
		in.Snapshot.Values = vs
	}
	if in.Texts.Texts != nil {
		ts := maps.Clone(in.Texts.Texts)
		for k, t := range ts {
			t.UpdatedAt = t.UpdatedAt.UTC()
			ts[k] = t
		}
		in.Texts.Texts = ts
	}
	return in
}

// decodeInputs reads the canonical JSON of an edition.
func decodeInputs(b []byte) (*EditionInputs, error) {
	var in EditionInputs
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, fmt.Errorf("decode edition inputs: %w", err)
	}
	return &in, nil
}

// compressInputs gzips the canonical JSON for the inputs column.
func compressInputs(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decompressInputs gunzips the inputs column.
func decompressInputs(blob []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(blob))
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxEditionJSON+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxEditionJSON {
		return nil, errors.New("edition inputs too large")
	}
	return b, zr.Close()
}

// verifyBlob checks a stored inputs blob against its content hash and
// returns the canonical JSON. The hash covers the stored bytes, not a
// re-encoding, so an edition stays valid when later program versions add
// fields to the types.
//
// The inputs must also be of the year the row says: a valid blob of 2023
// under the year 2024 would reprint as the 2024 report.
func verifyBlob(blob []byte, hash string, year int) ([]byte, bool) {
	b, err := decompressInputs(blob)
	if err != nil || contentHash(b) != hash {
		return nil, false
	}
	var head struct{ Snapshot struct{ ReportYear int } }
	if err := json.Unmarshal(b, &head); err != nil || head.Snapshot.ReportYear != year {
		return nil, false
	}
	return b, true
}

// tamperedError is the German sentence for editions that fail their
// hash; labels name them ("Berichtsfassung 2024, 1. Fassung").
func tamperedError(labels []string) error {
	var msg string
	if len(labels) == 1 {
		msg = fmt.Sprintf("Die %s wurde nach dem Festschreiben verändert: ihr Inhalt passt nicht mehr zu ihrer Prüfsumme.", labels[0])
	} else {
		msg = fmt.Sprintf("Diese Berichtsfassungen wurden nach dem Festschreiben verändert, ihr Inhalt passt nicht mehr zu ihrer Prüfsumme: %s.", strings.Join(labels, "; "))
	}
	return &UserError{Message: msg, Err: ErrEditionTampered}
}

// openedTamperedError adds to the German sentence of err what Open did.
func openedTamperedError(err error) error {
	return &UserError{
		Message: Message(err) + " Die Datei wurde deshalb nur zum Lesen geöffnet; nichts in ihr wurde verändert. Bitte wenden Sie sich an die Statistikdienststelle.",
		Err:     err,
	}
}

// unprotectedError is the German sentence for a file whose edition
// triggers were removed: its editions could have been changed unnoticed.
func unprotectedError() error {
	return &UserError{
		Message: "Der Schutz der Berichtsfassungen gegen Ändern, Ersetzen und Löschen (Tabelle edition und ihre Trigger) wurde aus der Datei entfernt oder verändert.",
		Err:     ErrEditionTampered,
	}
}

// checkPaper validates a council paper before it is stored.
func checkPaper(p CouncilPaper) error {
	if p.Datum == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, p.Datum); err != nil {
		return Invalid(fmt.Sprintf("„%s“ ist kein Datum; erwartet wird z. B. 2025-03-27.", p.Datum))
	}
	return nil
}

// validPDFHash accepts "" or 64 lower-case hex digits.
func validPDFHash(h string) bool {
	if h == "" {
		return true
	}
	if len(h) != 64 {
		return false
	}
	for _, c := range h {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
