//go:build linux

package store_test

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// limitFileSize lets no file of this process grow beyond limit bytes; a
// write past it fails with EFBIG, as on a full disk.
func limitFileSize(say func(string, ...any), limit string) {
	n, err := strconv.ParseUint(limit, 10, 64)
	if err != nil {
		say("error limit: %v", err)
		os.Exit(2)
	}
	// Without this the kernel kills the process at the limit.
	signal.Ignore(syscall.SIGXFSZ)
	rl := syscall.Rlimit{Cur: n, Max: n}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil {
		say("error setrlimit: %v", err)
		os.Exit(2)
	}
}

// robustFull is the helper's part of TestDiskFullDuring: it runs under
// the file size limit and reports each failure as "failed <what>"
// followed by the lines of reportFailure.
func robustFull(t *testing.T, mode, path string, say func(string, ...any)) {
	ctx := context.Background()
	reportFailure := func(what string, err error) {
		say("failed %s", what)
		say("diskfull %v", errors.Is(err, store.ErrDiskFull))
		say("message %s", store.Message(err))
		say("cause %v", err)
	}
	switch mode {
	case "fill-import":
		s, err := store.Open(ctx, path)
		if err != nil {
			say("error open: %v", err)
			os.Exit(2)
		}
		// Imports of 100 values each until one does not fit.
		for n := 0; n < 1800; n += 100 {
			var vs []store.Value
			for i := n; i < n+100; i++ {
				vs = append(vs, fillValue(i))
			}
			if _, _, err := s.SaveValues(ctx, vs, store.SaveOptions{Origin: "Import: voll.csv"}); err != nil {
				reportFailure("import", err)
				break
			}
			say("committed %d", n+100)
		}
		s.Close()
	case "fill-copy":
		dir := filepath.Join(filepath.Dir(path), "kopien")
		if _, err := store.CopyFile(ctx, path, dir); err != nil {
			reportFailure("kopie", err)
		} else {
			say("copied kopie")
		}
		s, err := store.Open(ctx, path)
		if err != nil {
			say("error open: %v", err)
			os.Exit(2)
		}
		if _, err := s.CopyForMail(ctx, dir, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)); err != nil {
			reportFailure("mail", err)
		} else {
			say("copied mail")
		}
		s.Close()
	case "fill-report":
		s, err := store.Open(ctx, path)
		if err != nil {
			say("error open: %v", err)
			os.Exit(2)
		}
		snap, err := s.Snapshot(ctx, 2024)
		if err != nil {
			say("error snapshot: %v", err)
			os.Exit(2)
		}
		texts, err := s.ReportTexts(ctx, 2024)
		if err != nil {
			say("error texts: %v", err)
			os.Exit(2)
		}
		set, err := s.Settings(ctx)
		if err != nil {
			say("error settings: %v", err)
			os.Exit(2)
		}
		in := store.EditionInputs{Snapshot: *snap, Texts: *texts, Settings: set, Created: time.Now(), Title: "Monitoring-Bericht 2024"}
		if _, err := s.Freeze(ctx, in, "test", strings.Repeat("ab", 32), 40); err != nil {
			reportFailure("freeze", err)
		} else {
			say("frozen")
		}
		s.Close()
		// The PDF: far more than the limit, over an older report.
		err = store.WriteFileAtomic(filepath.Join(filepath.Dir(path), "bericht.pdf"), func(w io.Writer) error {
			_, err := w.Write(make([]byte, 4<<20))
			return err
		})
		if err != nil {
			reportFailure("pdf", err)
		} else {
			say("written pdf")
		}
	default:
		say("error mode %q", mode)
		os.Exit(2)
	}
	say("closed")
}

// expectFailure checks the lines robustFull reports for a failed what,
// the first of which is line, like a failed save on a full disk.
func expectFailure(t *testing.T, h *helper, line, what string) {
	t.Helper()
	if line != "failed "+what {
		t.Fatalf("helper said %q, want the %s to fail", line, what)
	}
	diskFull := h.next() == "diskfull true"
	msg := strings.TrimPrefix(h.next(), "message ")
	cause := strings.TrimPrefix(h.next(), "cause ")
	t.Logf("%s:", what)
	checkDiskFullError(t, diskFull, msg, cause)
}

// finish waits for the helper to close the file and end.
func (h *helper) finish() {
	h.t.Helper()
	h.expect("closed")
	if err := h.cmd.Wait(); err != nil {
		h.t.Fatalf("helper: %v\n%s", err, h.errb.String())
	}
}

// noFilesIn fails if dir holds anything but the names in keep: a failed
// write must leave neither a half file nor a temporary one.
func noFilesIn(t *testing.T, dir string, keep ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) {
			t.Errorf("%s left behind in %s", e.Name(), dir)
		}
	}
}

// TestDiskFullDuring: an import, a copy and a report that run out of room
// fail with the German sentence for a full disk; the monitoring file stays
// intact with its last committed state, and nothing half-written is left.
// The drive is "full" through RLIMIT_FSIZE, as in TestDiskFull's
// FileSizeLimit.
func TestDiskFullDuring(t *testing.T) {
	ctx := context.Background()
	t.Run("Import", func(t *testing.T) {
		h, path, limit := startFillHelper(t, "fill-import")
		n, line := 10, h.next()
		for ; strings.HasPrefix(line, "committed "); line = h.next() {
			n, _ = strconv.Atoi(strings.TrimPrefix(line, "committed "))
		}
		expectFailure(t, h, line, "import")
		h.finish()
		t.Logf("file size limit %d bytes reached by the import after %d values", limit, n)
		if n == 10 {
			t.Errorf("not one import fitted under the limit; the test then only covers the first write")
		}
		res, err := store.Check(ctx, path)
		if err != nil {
			t.Fatalf("check after the failed import: %v", err)
		}
		if res.History != n {
			t.Errorf("%d history rows after the failed import, want one for each of the %d values", res.History, n)
		}
		checkAfterFull(t, path, n)
	})

	t.Run("Copy", func(t *testing.T) {
		s, path := mustCreateWithValues(t)
		s.Close()
		dir := filepath.Join(filepath.Dir(path), "kopien")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		before := hashFile(t, path)
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		// Room for half the file.
		h := startHelper(t, robustModeEnv+"=fill-copy", robustFileEnv+"="+path, robustLimitEnv+"="+strconv.FormatInt(st.Size()/2, 10))
		expectFailure(t, h, h.next(), "kopie")
		expectFailure(t, h, h.next(), "mail")
		h.finish()
		noFilesIn(t, dir)
		if hashFile(t, path) != before {
			t.Errorf("the failed copies changed the monitoring file")
		}
		// With room the same copy works.
		got, err := store.CopyFile(ctx, path, dir)
		if err != nil {
			t.Fatalf("copy with room: %v", err)
		}
		if _, err := store.Check(ctx, got); err != nil {
			t.Errorf("check of the copy: %v", err)
		}
	})

	t.Run("Report", func(t *testing.T) {
		s, path := mustDemo(t)
		editionInputs(t, s, 2024) // the texts a report prints
		s.Close()
		report := filepath.Join(filepath.Dir(path), "bericht.pdf")
		if err := os.WriteFile(report, []byte("%PDF-1.4 der Bericht vom letzten Jahr"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := hashFile(t, path)
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		// The frozen inputs take about 26 KB; 4 KiB more than the file
		// leaves room for its journal but not for them.
		h := startHelper(t, robustModeEnv+"=fill-report", robustFileEnv+"="+path, robustLimitEnv+"="+strconv.FormatInt(st.Size()+4<<10, 10))
		expectFailure(t, h, h.next(), "freeze")
		expectFailure(t, h, h.next(), "pdf")
		h.finish()
		if hashFile(t, path) != before {
			t.Errorf("the failed freeze changed the monitoring file")
		}
		if b, err := os.ReadFile(report); err != nil || string(b) != "%PDF-1.4 der Bericht vom letzten Jahr" {
			t.Errorf("the older report is gone or changed: %q, %v", b, err)
		}
		noFilesIn(t, filepath.Dir(path), filepath.Base(path), "bericht.pdf")
		s, err = store.Open(ctx, path)
		if err != nil {
			t.Fatalf("open after the failed freeze: %v", err)
		}
		defer s.Close()
		if eds, err := s.Editions(ctx); err != nil || len(eds) != 0 {
			t.Errorf("editions after the failed freeze: %v, %v", eds, err)
		}
		if _, err := s.Freeze(ctx, editionInputs(t, s, 2024), "test", "", 1); err != nil {
			t.Errorf("freeze with room: %v", err)
		}
	})
}
