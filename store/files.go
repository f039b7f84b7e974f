package store

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// tempPattern names every temporary file the program leaves beside a
// target (new files, copies, reports, exports): hidden on Unix, and easy to
// recognise and delete should a crash leave one behind.
const tempPattern = ".integrationsmonitor-*.tmp"

// WriteFileAtomic writes a file for the user (report, export) through
// write and gives it the name path only when it is complete: it writes to
// a temporary file in the same folder, syncs and closes it, then renames
// it over path. A failed write leaves path as it was and no temporary file
// behind. Fyne's save dialog creates or truncates the target before the
// program writes, so writing in place would lose the old file on failure.
//
// An error of write is returned unchanged, so that the caller can tell a
// failed rendering from a failed file; any other failure is a *UserError
// with a German sentence. On Windows the rename fails while another
// program (a PDF viewer, Excel) holds the target open; the sentence says so.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), tempPattern)
	if err != nil {
		return writeFileError(path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	fw := &fileWriter{f: f}
	bw := bufio.NewWriter(fw)
	if err := write(bw); err != nil {
		if fw.err != nil {
			// The renderer failed because the file did: a full drive
			// must read as such, not as a failed rendering.
			return writeFileError(path, fw.err)
		}
		return err
	}
	if err := bw.Flush(); err != nil {
		return writeFileError(path, err)
	}
	// CreateTemp makes the file private (0600); reports and exports are
	// made to be passed on.
	if err := f.Chmod(0o644); err != nil {
		return writeFileError(path, err)
	}
	if err := f.Sync(); err != nil {
		return writeFileError(path, err)
	}
	if err := f.Close(); err != nil {
		return writeFileError(path, err)
	}
	// os.Rename replaces an existing target on Windows too
	// (MoveFileEx with MOVEFILE_REPLACE_EXISTING).
	if err := os.Rename(f.Name(), path); err != nil {
		return &UserError{Message: "Die Datei „" + filepath.Base(path) + "“ konnte nicht geschrieben werden. " +
			"Ist sie vielleicht in einem anderen Programm (PDF-Anzeige, Excel) geöffnet?", Err: fmt.Errorf("write %s: %w", path, err)}
	}
	return nil
}

// fileWriter keeps the first error of writing the file, which reaches
// WriteFileAtomic's caller only through the renderer otherwise.
type fileWriter struct {
	f   *os.File
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// writeFileError words a failure to create, fill or sync the temporary
// file; a full drive gets its own sentence, as a full monitoring file does.
func writeFileError(path string, err error) error {
	err = fmt.Errorf("write %s: %w", path, err)
	if isDiskFull(err) {
		return &UserError{Message: "Die Datei „" + filepath.Base(path) + "“ wurde nicht geschrieben, weil das Laufwerk voll ist. " +
			"Bitte schaffen Sie Platz oder wählen Sie einen anderen Ort.", Err: fmt.Errorf("%w: %w", ErrDiskFull, err)}
	}
	return &UserError{Message: "Die Datei „" + filepath.Base(path) + "“ konnte nicht geschrieben werden. " +
		"Bitte prüfen Sie, ob Sie in diesem Ordner Dateien anlegen dürfen.", Err: err}
}

// SameFile reports whether two paths name the same file on disk, also
// through another spelling, letter case on Windows or a link. A path that
// does not exist names no file.
func SameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}
