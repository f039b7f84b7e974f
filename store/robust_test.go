//go:build linux

// These tests rely on Linux: tmpfs, RLIMIT_FSIZE and unlink semantics.

package store_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The helper processes are this test binary run again; the environment
// tells TestRobustHelper what to do with which file.
const (
	robustModeEnv  = "INTEGRATIONSMONITOR_ROBUST_HELPER"
	robustFileEnv  = "INTEGRATIONSMONITOR_ROBUST_FILE"
	robustLimitEnv = "INTEGRATIONSMONITOR_ROBUST_LIMIT"
)

// fillValue is value number i of a test: Arbeitslose per half-year, area
// and group, 1812 distinct keys across the allowed years. The note makes
// each value take room, so that a small disk fills after a few hundred.
func fillValue(i int) store.Value {
	k := i % 1812
	return store.Value{
		BaseFigure: "A-K1-G1",
		Period:     store.Period(fmt.Sprintf("%d-H%d", store.MinPeriodYear+k/12, k/6%2+1)),
		Area:       []string{"stadt", "kreis"}[k/3%2],
		Group:      []string{"insgesamt", "deutsche", "auslaender"}[k%3],
		Number:     float64(i) + 0.5,
		Note:       strings.Repeat("Füllwert für den Test mit vollem Laufwerk. ", 6),
	}
}

// requireValues fails unless the values 0..n-1 are stored with their
// numbers.
func requireValues(t *testing.T, s *store.Store, n int) {
	t.Helper()
	vs, err := s.Values(context.Background(), "A-K1-G1")
	if err != nil {
		t.Fatalf("read values: %v", err)
	}
	got := map[string]float64{}
	for _, v := range vs {
		got[string(v.Period)+"/"+v.Area+"/"+v.Group] = v.Number
	}
	for i := 0; i < n; i++ {
		v := fillValue(i)
		k := string(v.Period) + "/" + v.Area + "/" + v.Group
		if num, ok := got[k]; !ok || num != v.Number {
			t.Errorf("value %d (%s): stored %v (present %v), want %v", i, k, num, ok, v.Number)
		}
	}
	if len(vs) != n {
		t.Errorf("%d values stored, want %d", len(vs), n)
	}
}

func saveN(t *testing.T, s *store.Store, from, to int) {
	t.Helper()
	for i := from; i < to; i++ {
		if _, err := s.SaveValue(context.Background(), fillValue(i), store.SaveOptions{Origin: "Test"}); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
}

func genericMessage() string { return store.Message(errors.New("unbekannt")) }

// TestRobustHelper is not a test: the other tests here run it as a
// second process.
//
//   - hold: open the file, then "save N" lines on stdin save fillValue(N);
//     end of stdin closes the file.
//   - fill: limit the file size with RLIMIT_FSIZE and save values until a
//     save fails, then report the error.
//   - fill-import, fill-copy, fill-report: the same limit during imports,
//     e-mail copies and reports (robustFull in diskfull_test.go).
func TestRobustHelper(t *testing.T) {
	mode := os.Getenv(robustModeEnv)
	if mode == "" {
		t.Skip("helper process of the robustness tests")
	}
	say := func(format string, args ...any) { fmt.Fprintf(os.Stdout, format+"\n", args...) }
	path := os.Getenv(robustFileEnv)
	ctx := context.Background()
	if strings.HasPrefix(mode, "fill-") {
		limitFileSize(say, os.Getenv(robustLimitEnv))
		robustFull(t, mode, path, say)
		return
	}
	if mode == "fill" {
		limit, err := strconv.ParseUint(os.Getenv(robustLimitEnv), 10, 64)
		if err != nil {
			say("error limit: %v", err)
			os.Exit(2)
		}
		// Without this the kernel kills the process at the limit;
		// ignored, write(2) fails with EFBIG as on a full disk.
		signal.Ignore(syscall.SIGXFSZ)
		var rl syscall.Rlimit
		if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil {
			say("error getrlimit: %v", err)
			os.Exit(2)
		}
		rl.Cur = limit
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil {
			say("error setrlimit: %v", err)
			os.Exit(2)
		}
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		say("error open: %v", err)
		os.Exit(2)
	}
	say("open")
	switch mode {
	case "hold":
		in := bufio.NewScanner(os.Stdin)
		for in.Scan() {
			n, err := strconv.Atoi(strings.TrimPrefix(in.Text(), "save "))
			if err != nil {
				say("error command %q", in.Text())
				os.Exit(2)
			}
			if _, err := s.SaveValue(ctx, fillValue(n), store.SaveOptions{Origin: "Test"}); err != nil {
				say("error save %d: %v", n, err)
				os.Exit(2)
			}
			say("committed %d", n)
		}
	case "fill":
		for i := 0; i < 100000; i++ {
			_, err := s.SaveValue(ctx, fillValue(i), store.SaveOptions{Origin: "Test"})
			if err != nil {
				say("failed %d", i)
				say("diskfull %v", errors.Is(err, store.ErrDiskFull))
				say("message %s", store.Message(err))
				say("cause %v", err)
				break
			}
			say("committed %d", i)
		}
	}
	if err := s.Close(); err != nil {
		say("error close: %v", err)
		os.Exit(2)
	}
	say("closed")
}

// helper is a running TestRobustHelper.
type helper struct {
	t     *testing.T
	cmd   *exec.Cmd
	in    io.WriteCloser
	errb  bytes.Buffer
	lines chan string
}

func startHelper(t *testing.T, env ...string) *helper {
	t.Helper()
	h := &helper{t: t, lines: make(chan string, 16)}
	h.cmd = exec.Command(os.Args[0], "-test.run=^TestRobustHelper$", "-test.count=1")
	h.cmd.Env = append(os.Environ(), env...)
	h.cmd.Stderr = &h.errb
	var err error
	if h.in, err = h.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := h.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.cmd.Start(); err != nil {
		t.Fatalf("start helper: %v", err)
	}
	go func() {
		defer close(h.lines)
		r := bufio.NewScanner(out)
		for r.Scan() {
			h.lines <- r.Text()
		}
	}()
	t.Cleanup(func() {
		h.cmd.Process.Kill()
		h.cmd.Wait()
	})
	return h
}

// next returns the helper's next line; it fails the test when the helper
// ends or reports an error first.
func (h *helper) next() string {
	h.t.Helper()
	select {
	case line, ok := <-h.lines:
		if !ok {
			h.cmd.Wait()
			h.t.Fatalf("helper ended early\n%s", h.errb.String())
		}
		if strings.HasPrefix(line, "error ") {
			h.t.Fatalf("helper: %s\n%s", line, h.errb.String())
		}
		return line
	case <-time.After(30 * time.Second):
		h.t.Fatalf("helper silent for 30 s\n%s", h.errb.String())
	}
	return ""
}

func (h *helper) expect(want string) {
	h.t.Helper()
	if got := h.next(); got != want {
		h.t.Fatalf("helper said %q, want %q", got, want)
	}
}

// TestTwoInstancesOnOneFile: a second instance is refused with the German
// sentence, and the first keeps saving as if nothing happened.
func TestTwoInstancesOnOneFile(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	saveN(t, s, 0, 3)
	s.Close()

	first := startHelper(t, robustModeEnv+"=hold", robustFileEnv+"="+path)
	first.expect("open")
	fmt.Fprintln(first.in, "save 3")
	first.expect("committed 3")

	before := hashFile(t, path)
	second, err := store.Open(ctx, path)
	if err == nil {
		second.Close()
		t.Fatal("a second instance opened a file the first has open")
	}
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	const want = "Die Datei ist bereits in einem anderen Fenster oder Programm geöffnet."
	if msg := store.Message(err); msg != want {
		t.Errorf("message = %q, want %q", msg, want)
	}
	if hashFile(t, path) != before {
		t.Errorf("the refused open changed the file")
	}

	// The first instance is undisturbed by the refused attempt.
	fmt.Fprintln(first.in, "save 4")
	first.expect("committed 4")
	first.in.Close()
	first.expect("closed")
	if err := first.cmd.Wait(); err != nil {
		t.Fatalf("first instance: %v\n%s", err, first.errb.String())
	}

	s, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open after the first instance closed: %v", err)
	}
	defer s.Close()
	requireValues(t, s, 5)
}

// checkDiskFullError: the failed save says in German that the disk is
// full; it must neither be the generic sentence nor claim that the file is
// damaged or write-protected, which would send the user the wrong way.
func checkDiskFullError(t *testing.T, isDiskFull bool, msg, cause string) {
	t.Helper()
	t.Logf("failed save: %s\nmessage: %s", cause, msg)
	if msg == genericMessage() {
		t.Errorf("full disk gives the generic message %q", msg)
	}
	for _, wrong := range []error{store.ErrDamaged, store.ErrReadOnly, store.ErrLocked} {
		if msg == store.Message(wrong) {
			t.Errorf("full disk gives the message for %v: %q", wrong, msg)
		}
	}
	if !isDiskFull {
		t.Errorf("failed save is not ErrDiskFull: %s", cause)
	}
}

// checkAfterFull: the file that filled up is intact and holds exactly the
// n values saved before the failure; once there is room it takes values
// again.
func checkAfterFull(t *testing.T, path string, n int) {
	t.Helper()
	ctx := context.Background()
	if _, err := os.Stat(path + "-journal"); err == nil {
		if journalState(t, path) == journalHot {
			t.Errorf("hot journal left after the failed save")
		}
	}
	res, err := store.Check(ctx, path)
	if err != nil {
		t.Fatalf("check after the full disk: %v", err)
	}
	if res.Values != n {
		t.Errorf("check counts %d values, want %d", res.Values, n)
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open after the full disk: %v (%s)", err, store.Message(err))
	}
	defer s.Close()
	requireValues(t, s, n)
	saveN(t, s, n, n+1)
}

func TestDiskFull(t *testing.T) {
	t.Run("Tmpfs", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("mounting a small tmpfs needs root; see FileSizeLimit for the same without root")
		}
		ctx := context.Background()
		s, orig := mustCreate(t)
		saveN(t, s, 0, 10)
		s.Close()
		st, err := os.Stat(orig)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		// Room for the file and 96 KiB more: a few hundred values.
		size := (st.Size()/4096 + 24) * 4096
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir).CombinedOutput(); err != nil {
			t.Skipf("cannot mount a tmpfs here (%v: %s); see FileSizeLimit", err, bytes.TrimSpace(out))
		}
		t.Cleanup(func() {
			if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
				t.Errorf("umount %s: %v: %s", dir, err, out)
			}
		})
		path := filepath.Join(dir, "monitoring.sqlite")
		b, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatalf("copy onto the tmpfs: %v", err)
		}

		s, err = store.Open(ctx, path)
		if err != nil {
			t.Fatalf("open on the tmpfs: %v", err)
		}
		n := 10
		var saveErr error
		for ; n < 1812; n++ {
			if _, saveErr = s.SaveValue(ctx, fillValue(n), store.SaveOptions{Origin: "Test"}); saveErr != nil {
				break
			}
		}
		if saveErr == nil {
			s.Close()
			t.Fatalf("%d values fitted on a tmpfs of %d bytes", n, size)
		}
		t.Logf("tmpfs of %d bytes full after %d values", size, n)
		checkDiskFullError(t, errors.Is(saveErr, store.ErrDiskFull), store.Message(saveErr), saveErr.Error())
		// Still full: reading works and a second save fails the same way.
		requireValues(t, s, n)
		if _, err := s.SaveValue(ctx, fillValue(n), store.SaveOptions{Origin: "Test"}); err == nil {
			t.Errorf("a save on the still full disk succeeded")
		}
		// An import writes the journal while inserting, not only at the
		// commit; its failure must read the same.
		var batch []store.Value
		for i := n; i < n+200; i++ {
			batch = append(batch, fillValue(i))
		}
		if _, _, err := s.SaveValues(ctx, batch, store.SaveOptions{Origin: "Import: test.csv"}); err == nil {
			t.Errorf("an import of %d values on the full disk succeeded", len(batch))
		} else {
			checkDiskFullError(t, errors.Is(err, store.ErrDiskFull), store.Message(err), err.Error())
		}
		requireValues(t, s, n)
		if err := s.Close(); err != nil {
			t.Errorf("close on the full disk: %v", err)
		}
		if _, err := store.Check(ctx, path); err != nil {
			t.Errorf("check on the still full disk: %v", err)
		}

		if out, err := exec.Command("mount", "-o", fmt.Sprintf("remount,size=%d", 4*size), dir).CombinedOutput(); err != nil {
			t.Fatalf("enlarge the tmpfs: %v: %s", err, out)
		}
		checkAfterFull(t, path, n)
	})

	t.Run("FileSizeLimit", func(t *testing.T) {
		h, path, limit := startFillHelper(t, "fill")
		h.expect("open")
		n := 0
		for {
			line := h.next()
			if strings.HasPrefix(line, "committed ") {
				n++
				continue
			}
			if line != fmt.Sprintf("failed %d", n) {
				t.Fatalf("helper said %q after %d commits", line, n)
			}
			break
		}
		if n == 0 {
			t.Fatalf("not one value fitted under a limit of %d bytes", limit)
		}
		diskFull := h.next() == "diskfull true"
		msg := strings.TrimPrefix(h.next(), "message ")
		cause := strings.TrimPrefix(h.next(), "cause ")
		h.expect("closed")
		if err := h.cmd.Wait(); err != nil {
			t.Fatalf("helper: %v\n%s", err, h.errb.String())
		}
		t.Logf("file size limit %d bytes reached after %d values", limit, n)
		checkDiskFullError(t, diskFull, msg, cause)
		// Without the limit there is room again.
		checkAfterFull(t, path, n)
	})
}

// TestDeletedWhileOpen: the file is deleted (or replaced by another copy)
// while the app has it open. On Linux the open descriptors keep the old
// inode alive; a save that went there would be lost silently once the
// app closes. The save must fail with a clear message, and what was saved
// before must still be recoverable from the open file.
func TestDeletedWhileOpen(t *testing.T) {
	for _, tc := range []struct {
		name   string
		remove func(t *testing.T, path string)
	}{
		{"Deleted", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}},
		// A sync tool or a mail program saving an attachment replaces
		// the file by renaming another one over it.
		{"Replaced", func(t *testing.T, path string) {
			other, _ := mustCreate(t)
			other.Close()
			if err := os.Rename(other.Path(), path); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, path := mustCreate(t)
			defer s.Close()
			saveN(t, s, 0, 5)
			// Stands in for the descriptor the store itself keeps; the
			// app could recover the data through its own the same way.
			kept, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer kept.Close()
			keptInfo, err := kept.Stat()
			if err != nil {
				t.Fatal(err)
			}

			tc.remove(t, path)

			// How the app can tell: the path no longer names the file it
			// has open.
			if st, err := os.Stat(s.Path()); err == nil && os.SameFile(st, keptInfo) {
				t.Fatalf("%s still names the open file", s.Path())
			}
			var replacement [32]byte
			if tc.name == "Replaced" {
				replacement = hashFile(t, path)
			}

			_, err = s.SaveValue(ctx, fillValue(5), store.SaveOptions{Origin: "Test"})
			t.Logf("save after %s: %v\nmessage: %s", strings.ToLower(tc.name), err, store.Message(err))
			if err == nil {
				t.Errorf("save into a file no longer at %s succeeded; it would be lost when the app closes", path)
			} else {
				msg := store.Message(err)
				if msg == genericMessage() {
					t.Errorf("generic message for a deleted file: %q", msg)
				}
				if errors.Is(err, store.ErrReadOnly) || errors.Is(err, store.ErrDamaged) {
					t.Errorf("a file deleted while open is reported as %q; the user would look for a write protection or damage", msg)
				}
			}
			// Showing what is open still works.
			requireValues(t, s, 5)

			switch tc.name {
			case "Replaced":
				if hashFile(t, path) != replacement {
					t.Errorf("the save changed the file that replaced the open one")
				}
			case "Deleted":
				if _, err := os.Stat(path); err == nil {
					t.Errorf("the save re-created %s", path)
				}
			}

			// Nothing saved is lost: the open inode still holds it and can
			// be written out again.
			rescued := filepath.Join(t.TempDir(), "gerettet.sqlite")
			f, err := os.Create(rescued)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(f, io.NewSectionReader(kept, 0, 1<<40)); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := store.Check(ctx, rescued); err != nil {
				t.Fatalf("check of the rescued copy: %v", err)
			}
			r, err := store.Open(ctx, rescued)
			if err != nil {
				t.Fatalf("open the rescued copy: %v", err)
			}
			defer r.Close()
			requireValues(t, r, 5)
		})
	}
}

// TestOpenAfterCrashWhileGrowing builds the shape a kill leaves when a
// commit that appends pages is interrupted after page 1 was written: the
// header claims more pages than the file has, and a journal lies beside it.
// Such a file is interrupted, not damaged: a write-protected copy and Check
// say so (a writable Open rolls the journal back first; see the crash test).
func TestOpenAfterCrashWhileGrowing(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	s.Close()
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Build the crashed state by hand: journal with the original first
	// page, database whose header says there are 50 more pages.
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(DELETE)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE ballast(x BLOB); INSERT INTO ballast VALUES (zeroblob(200000))`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	grown, _ := os.ReadFile(path)
	pageSize := int(orig[16])<<8 | int(orig[17])
	crashed := append([]byte(nil), grown[:len(orig)]...)
	copy(crashed[:pageSize], grown[:pageSize])
	if err := os.WriteFile(path, crashed, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil { // WriteFile keeps an existing file's mode
		t.Fatal(err)
	}
	if err := os.WriteFile(path+"-journal", []byte{0xd9, 0xd5, 0x05, 0xf9}, 0o444); err != nil {
		t.Fatal(err)
	}
	_, err = store.Open(ctx, path)
	if !errors.Is(err, store.ErrInterrupted) {
		t.Fatalf("read-only file with a hot journal and a short body: err = %v, want ErrInterrupted", err)
	}
	if _, err := store.Check(ctx, path); !errors.Is(err, store.ErrInterrupted) {
		t.Errorf("Check: err = %v, want ErrInterrupted", err)
	}
}

// startFillHelper makes a file with ten values and starts the helper
// process in mode with a file size limit of 96 KiB above it: a drive that
// runs full after a few hundred values.
func startFillHelper(t *testing.T, mode string) (h *helper, path string, limit int64) {
	t.Helper()
	s, path := mustCreate(t)
	saveN(t, s, 0, 10)
	s.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	limit = st.Size() + 96<<10
	return startHelper(t, robustModeEnv+"="+mode, robustFileEnv+"="+path, robustLimitEnv+"="+strconv.FormatInt(limit, 10)), path, limit
}
