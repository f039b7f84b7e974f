package store

import "errors"

// Sentinel errors, checked with errors.Is. Each has a German sentence in
// Message for the user.
var (
	ErrNotFound     = errors.New("not found")
	ErrNotExist     = errors.New("file does not exist")
	ErrEmptyFile    = errors.New("file is empty")
	ErrNotSQLite    = errors.New("not a sqlite database")
	ErrDamaged      = errors.New("database is damaged")
	ErrForeignFile  = errors.New("database of another program")
	ErrNewerSchema  = errors.New("schema is newer than this program")
	ErrLocked       = errors.New("file is open in another instance")
	ErrReadOnly     = errors.New("file is read-only")
	ErrInvalidInput = errors.New("invalid input")
	ErrMoved        = errors.New("file was deleted or replaced while open")
	ErrInterrupted  = errors.New("file has a hot journal of an interrupted save")
)

// UserError is an error whose Message is a German sentence meant for the
// user; Err keeps the cause for logs and errors.Is.
type UserError struct {
	Message string
	Err     error
}

func (e *UserError) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *UserError) Unwrap() error { return e.Err }

// Invalid returns a validation error with a German message.
func Invalid(msg string) error { return &UserError{Message: msg, Err: ErrInvalidInput} }

// Message returns the German sentence for err: the message of a UserError
// in its chain, a sentence for a known sentinel, or a generic sentence.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var ue *UserError
	if errors.As(err, &ue) {
		return ue.Message
	}
	switch {
	case errors.Is(err, ErrNotExist):
		return "Die Datei existiert nicht."
	case errors.Is(err, ErrEmptyFile):
		return "Die Datei ist leer und keine Integrationsmonitoring-Datei."
	case errors.Is(err, ErrNotSQLite):
		return "Die Datei ist keine Integrationsmonitoring-Datei (keine SQLite-Datenbank)."
	case errors.Is(err, ErrDamaged):
		return "Die Datei ist beschädigt und kann nicht geöffnet werden."
	case errors.Is(err, ErrForeignFile):
		return "Die Datei ist eine Datenbank eines anderen Programms und wird nicht verändert."
	case errors.Is(err, ErrNewerSchema):
		return "Die Datei stammt aus einer neueren Version des Integrationsmonitors. Bitte aktualisieren Sie das Programm."
	case errors.Is(err, ErrLocked):
		return "Die Datei ist bereits in einem anderen Fenster oder Programm geöffnet."
	case errors.Is(err, ErrReadOnly):
		return "Die Datei ist schreibgeschützt und wurde nur zum Lesen geöffnet."
	case errors.Is(err, ErrDiskFull):
		return diskFullMessage()
	case errors.Is(err, ErrMoved):
		return "Die Datei wurde gelöscht, umbenannt oder ersetzt, während sie geöffnet war. Die letzte Änderung wurde nicht gespeichert. Bitte sichern Sie den geöffneten Stand mit „Datei → Kopie für E-Mail speichern…“ an einem neuen Ort."
	case errors.Is(err, ErrInterrupted):
		return "Die Datei wurde beim letzten Speichern unterbrochen, z. B. durch einen Absturz. Öffnen Sie sie einmal mit Schreibrechten im Integrationsmonitor; dabei wird die unvollständige Änderung zurückgenommen."
	case errors.Is(err, ErrEditionTampered):
		return "Eine festgeschriebene Berichtsfassung in der Datei wurde nachträglich verändert."
	case errors.Is(err, ErrNotFound):
		return "Der Eintrag wurde nicht gefunden."
	}
	return "Ein unerwarteter Fehler ist aufgetreten. Bitte wenden Sie sich an die IT."
}
