package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// ApplicationID marks a file as ours in the SQLite header ("IMON").
const ApplicationID = 0x494D4F4E

var sqliteMagic = []byte("SQLite format 3\x00")

// header is what Open needs from the 100-byte SQLite file header. Reading
// it ourselves lets us refuse random bytes, truncated and foreign files
// without handing them to SQLite, which could write to them (an empty file
// is a valid empty database to SQLite).
type header struct {
	pageSize      int64
	pageCount     int64 // 0 when the header's count is not trustworthy
	userVersion   uint32
	applicationID uint32
	size          int64
}

func readHeader(path string) (header, error) {
	// Stat before opening: opening a named pipe would block until some
	// other program writes to it.
	st, err := os.Stat(path)
	if err != nil {
		if os.IsNotExist(err) {
			return header{}, fmt.Errorf("open %s: %w", path, ErrNotExist)
		}
		return header{}, fmt.Errorf("open %s: %w", path, err)
	}
	if st.IsDir() {
		return header{}, &UserError{Message: fmt.Sprintf("„%s“ ist ein Ordner, keine Integrationsmonitoring-Datei. Bitte wählen Sie die Datei in diesem Ordner.", path), Err: ErrNotSQLite}
	}
	if !st.Mode().IsRegular() {
		return header{}, &UserError{Message: fmt.Sprintf("„%s“ ist keine gewöhnliche Datei (sondern z. B. ein Gerät oder eine Pipe) und wird nicht geöffnet.", path), Err: ErrNotSQLite}
	}
	f, err := os.Open(path)
	if err != nil {
		return header{}, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return header{}, fmt.Errorf("stat %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		// Replaced between the two looks.
		return header{}, fmt.Errorf("%s: not a regular file: %w", path, ErrNotSQLite)
	}
	if st.Size() == 0 {
		return header{}, fmt.Errorf("%s: %w", path, ErrEmptyFile)
	}
	buf := make([]byte, 100)
	if _, err := io.ReadFull(f, buf); err != nil {
		return header{}, fmt.Errorf("%s: short header: %w", path, ErrNotSQLite)
	}
	if !bytes.Equal(buf[:16], sqliteMagic) {
		return header{}, fmt.Errorf("%s: no sqlite magic: %w", path, ErrNotSQLite)
	}
	h := header{size: st.Size()}
	h.pageSize = int64(binary.BigEndian.Uint16(buf[16:18]))
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	if h.pageSize < 512 || h.pageSize&(h.pageSize-1) != 0 {
		return header{}, fmt.Errorf("%s: page size %d: %w", path, h.pageSize, ErrDamaged)
	}
	// The in-header page count is valid only when "version-valid-for"
	// matches the change counter (file format spec, offset 28 and 92).
	if binary.BigEndian.Uint32(buf[92:96]) == binary.BigEndian.Uint32(buf[24:28]) {
		h.pageCount = int64(binary.BigEndian.Uint32(buf[28:32]))
	}
	h.userVersion = binary.BigEndian.Uint32(buf[60:64])
	h.applicationID = binary.BigEndian.Uint32(buf[68:72])
	return h, nil
}

// checkGeometry refuses a file shorter than its header says, or not a
// whole number of pages. It must run after a hot journal was rolled back:
// SQLite writes page 1 (with the new page count) before the pages a commit
// appends, so a crash mid-commit leaves exactly this shape until rollback.
func (h header) checkGeometry(path string) error {
	if h.size%h.pageSize != 0 || (h.pageCount > 0 && h.size < h.pageCount*h.pageSize) {
		return &UserError{
			Message: fmt.Sprintf("Die Datei ist unvollständig (abgeschnitten): sie hat %d Bytes, ihr Aufbau verlangt %d. Vermutlich wurde sie nicht vollständig kopiert oder heruntergeladen; bitte besorgen Sie sie erneut.",
				h.size, max(h.pageCount*h.pageSize, (h.size/h.pageSize+1)*h.pageSize)),
			Err: fmt.Errorf("%s: %d bytes for %d pages of %d: %w", path, h.size, h.pageCount, h.pageSize, ErrDamaged),
		}
	}
	return nil
}

// hotJournal reports whether a rollback journal with content lies beside
// the file: a save was interrupted and SQLite will roll it back.
func hotJournal(path string) bool {
	f, err := os.Open(path + "-journal")
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, 1)
	n, _ := f.Read(b)
	return n == 1 && b[0] != 0
}
