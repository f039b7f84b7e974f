package store_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The helper processes are this test binary run again; the environment
// tells TestCrashHelper which file to write and where to start.
const (
	crashHelperEnv = "INTEGRATIONSMONITOR_CRASH_HELPER_FILE"
	crashStartEnv  = "INTEGRATIONSMONITOR_CRASH_HELPER_START"
	crashBatchEnv  = "INTEGRATIONSMONITOR_CRASH_HELPER_BATCH"
)

// crashBatch is the size of the imports of every other helper: writes
// start..start+crashBatch-1 go into one SaveValues, as an import does.
// It is below crashKeys, so an import never holds a key twice; with
// corrections allowed, it inserts new values and corrects stored ones.
const crashBatch = 50

// crashKeys is smaller than the number of writes of a full test, so later
// writes correct earlier ones: the crash can then also hit an UPDATE with
// its history trigger, not only an INSERT.
const crashKeys = 120

type crashKey struct {
	period, area, group string
}

// crashValue is write number i of the helper: a real half-yearly
// Grundzahl (Arbeitslose) whose number encodes i, so the parent can tell
// which write a stored value came from.
func crashValue(i int) store.Value {
	k := crashKeyOf(i)
	return store.Value{
		BaseFigure: "A-K1-G1",
		Period:     store.Period(k.period),
		Area:       k.area,
		Group:      k.group,
		Number:     crashNumber(i),
		Source:     "Absturztest",
	}
}

func crashKeyOf(i int) crashKey {
	k := i % crashKeys
	return crashKey{
		period: fmt.Sprintf("%d-H%d", 2000+k/12, k/6%2+1),
		area:   []string{"stadt", "kreis"}[k/3%2],
		group:  []string{"insgesamt", "deutsche", "auslaender"}[k%3],
	}
}

// crashNumber has a fractional part so that a number mangled to an
// integer on the way would be noticed.
func crashNumber(i int) float64 { return float64(i) + 0.25 }

// TestCrashHelper is not a test: run by TestCrashKeepsCommittedValues, it
// saves values one transaction each until it is killed, and reports each
// commit only after SaveValue returned.
func TestCrashHelper(t *testing.T) {
	path := os.Getenv(crashHelperEnv)
	if path == "" {
		t.Skip("helper process of TestCrashKeepsCommittedValues")
	}
	start, err := strconv.Atoi(os.Getenv(crashStartEnv))
	if err != nil {
		fmt.Fprintf(os.Stdout, "error start: %v\n", err)
		os.Exit(2)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		fmt.Fprintf(os.Stdout, "error open: %v\n", err)
		os.Exit(2)
	}
	// os.Stdout is unbuffered: each line is one write(2), so a line the
	// parent reads was complete before the kill.
	fmt.Fprintln(os.Stdout, "open")
	opts := store.SaveOptions{Origin: "Absturztest", Correct: true}
	if os.Getenv(crashBatchEnv) != "" {
		for i := start; ; i += crashBatch {
			var vs []store.Value
			for j := i; j < i+crashBatch; j++ {
				vs = append(vs, crashValue(j))
			}
			if _, _, err := s.SaveValues(ctx, vs, store.SaveOptions{Origin: "Import: Absturztest", Correct: true}); err != nil {
				fmt.Fprintf(os.Stdout, "error import %d: %v\n", i, err)
				os.Exit(2)
			}
			fmt.Fprintf(os.Stdout, "committed %d\n", i+crashBatch-1)
		}
	}
	for i := start; ; i++ {
		if _, err := s.SaveValue(ctx, crashValue(i), opts); err != nil {
			fmt.Fprintf(os.Stdout, "error save %d: %v\n", i, err)
			os.Exit(2)
		}
		// When the parent is gone this write gets SIGPIPE, which ends
		// the helper instead of leaving it writing forever.
		fmt.Fprintf(os.Stdout, "committed %d\n", i)
	}
}

// crashRun is one helper process: started on path at write start, killed
// delay after it has opened the file; it saves single values, or imports
// of crashBatch values when batch is set. It returns the last write the
// helper reported as committed, or start-1 for none.
func crashRun(t *testing.T, path string, start int, delay time.Duration, batch bool) int {
	t.Helper()
	env := []string{crashHelperEnv + "=" + path, crashStartEnv + "=" + strconv.Itoa(start)}
	step := 1
	if batch {
		env = append(env, crashBatchEnv+"=1")
		step = crashBatch
	}
	return killHelper(t, "TestCrashHelper", env, start, step, delay)
}

// killHelper runs the test helper as a process of its own with env,
// kills it delay after it reported "open" and returns the last write it
// reported as "committed N"; the reports must come in steps of step from
// start-1.
func killHelper(t *testing.T, helper string, env []string, start, step int, delay time.Duration) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^"+helper+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start helper: %v", err)
	}
	opened := make(chan struct{})
	type result struct {
		last int
		err  error
	}
	done := make(chan result, 1)
	go func() {
		last := start - 1
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err == io.EOF {
				// A line without its newline was cut by the kill and
				// does not count.
				done <- result{last: last}
				return
			}
			if err != nil {
				done <- result{last: last, err: err}
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case line == "open":
				close(opened)
			case strings.HasPrefix(line, "committed "):
				n, err := strconv.Atoi(strings.TrimPrefix(line, "committed "))
				if err != nil || n != last+step {
					done <- result{last: last, err: fmt.Errorf("unexpected line %q after committed %d", line, last)}
					return
				}
				last = n
			default:
				done <- result{last: last, err: fmt.Errorf("helper: %s", line)}
				return
			}
		}
	}()
	select {
	case <-opened:
	case res := <-done:
		cmd.Wait()
		t.Fatalf("helper ended before opening the file: %v\n%s", res.err, stderr.String())
	case <-ctx.Done():
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper did not open the file in time\n%s", stderr.String())
	}
	// The kill lands at a random moment of the save loop, not in the
	// start-up of the helper.
	select {
	case <-time.After(delay):
	case res := <-done:
		cmd.Wait()
		t.Fatalf("helper ended before it was killed: %v\n%s", res.err, stderr.String())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatalf("kill helper: %v", err)
	}
	res := <-done
	cmd.Wait()
	if res.err != nil {
		t.Fatalf("%v\n%s", res.err, stderr.String())
	}
	return res.last
}

// TestCrashKeepsCommittedValues kills a helper process 200 times at a
// random moment while it saves single values or imports batches of them
// (every other run), and checks after each kill that the file opens,
// holds every reported commit, and holds an interrupted import wholly or
// not at all, and that the history has one row per stored save. 200
// kills take about 30 s on the project's shared 2-core machine.
func TestCrashKeepsCommittedValues(t *testing.T) {
	runs := 200
	if testing.Short() {
		runs = 10
	}
	ctx := context.Background()
	s, path := mustCreate(t)
	s.Close()

	rng := rand.New(rand.NewPCG(8, 20250301))
	latest := map[crashKey]int{} // write that must be stored for each key
	// Every stored write inserted or corrected a value (each has a number
	// of its own), so each left exactly one history row.
	writes := 0
	next, committed, withInFlight := 0, 0, 0
	midTx, hot, checkRefused, openRefused, imports, importsInFlight := 0, 0, 0, 0, 0, 0
	for run := 0; run < runs; run++ {
		delay := time.Duration(5+rng.IntN(76)) * time.Millisecond
		batch := run%2 == 1
		step := 1
		if batch {
			step = crashBatch
			imports++
		}
		last := crashRun(t, path, next, delay, batch)
		for i := next; i <= last; i++ {
			latest[crashKeyOf(i)] = i
		}
		committed += last - next + 1
		writes += last - next + 1
		// The helper may have committed one more save and been killed
		// before reporting it; that one may or may not be stored, but an
		// import wholly or not at all.
		inFlight := last + 1
		next = last + step + 1

		switch journalState(t, path) {
		case journalHot:
			midTx++
			hot++
			// Checking must not mistake the crashed file for a
			// write-protected one: it is neither read-only nor damaged.
			if _, err := store.Check(ctx, path); err != nil {
				checkRefused++
				if errors.Is(err, store.ErrReadOnly) || errors.Is(err, store.ErrDamaged) {
					t.Errorf("run %d: check of a file with a hot journal: %v (%s)", run, err, store.Message(err))
				}
			}
		case journalCold:
			midTx++
		}

		// Opening is what the user does after a crash; it must roll the
		// hot journal back.
		s, err := store.Open(ctx, path)
		if err != nil {
			openRefused++
			t.Errorf("run %d (killed %v after opening): open: %v (%s)", run, delay, err, store.Message(err))
			// Roll back the way SQLite does for any writer, so the
			// checks below still tell whether anything was lost.
			rollBack(t, path)
			if s, err = store.Open(ctx, path); err != nil {
				t.Fatalf("run %d: open after rolling back by hand: %v", run, err)
			}
		}
		vs, err := s.Values(ctx, "A-K1-G1")
		if err != nil {
			t.Fatalf("run %d: values: %v", run, err)
		}
		s.Close()
		if journalState(t, path) == journalHot {
			t.Errorf("run %d: hot journal still there after open and close", run)
		}
		got := map[crashKey]float64{}
		for _, v := range vs {
			got[crashKey{string(v.Period), v.Area, v.Group}] = v.Number
		}
		stored := 0
		for i := inFlight; i < inFlight+step; i++ {
			if n, ok := got[crashKeyOf(i)]; ok && n == crashNumber(i) {
				stored++
			}
		}
		switch stored {
		case 0:
		case step:
			for i := inFlight; i < inFlight+step; i++ {
				latest[crashKeyOf(i)] = i
			}
			withInFlight++
			writes += step
			if batch {
				importsInFlight++
			}
		default:
			t.Errorf("run %d: %d of the %d values of the interrupted import are stored", run, stored, step)
		}
		for k, i := range latest {
			n, ok := got[k]
			switch {
			case !ok:
				t.Errorf("run %d: value %v (write %d) reported as committed is missing", run, k, i)
			case n != crashNumber(i):
				t.Errorf("run %d: value %v = %v, want %v (write %d)", run, k, n, crashNumber(i), i)
			}
		}
		if len(got) != len(latest) {
			t.Errorf("run %d: %d values stored, want %d", run, len(got), len(latest))
		}
		res, err := store.Check(ctx, path)
		if err != nil {
			t.Fatalf("run %d: check after reopening: %v", run, err)
		}
		if res.Values != len(latest) {
			t.Errorf("run %d: check counts %d values, want %d", run, res.Values, len(latest))
		}
		if res.History != writes {
			t.Errorf("run %d: %d history rows, want one for each of the %d stored writes", run, res.History, writes)
		}
	}
	if committed == 0 {
		t.Fatalf("no helper committed anything; the kills all came too early to test anything")
	}
	t.Logf("%d runs (%d of them imports of %d values): %d kills mid-transaction (journal left), %d of them with a hot journal (database pages already written); "+
		"check refused %d, open refused %d of the hot ones; %d reported commits, %d unreported in-flight commits found stored (%d of them imports); %d distinct values verified after every run",
		runs, imports, crashBatch, midTx, hot, checkRefused, openRefused, committed, withInFlight, importsInFlight, len(latest))
}

type journal int

const (
	journalNone journal = iota
	// journalCold: killed before the journal was synced. Its header is
	// still zero, the database file is untouched and SQLite ignores it.
	journalCold
	// journalHot: the journal is complete and the database file may hold
	// half a transaction; the next writer must roll it back.
	journalHot
)

func journalState(t *testing.T, path string) journal {
	t.Helper()
	b, err := os.ReadFile(path + "-journal")
	switch {
	case errors.Is(err, os.ErrNotExist):
		return journalNone
	case err != nil:
		t.Fatal(err)
	}
	// SQLite's own test for a hot journal: a non-zero first byte.
	if len(b) > 0 && b[0] != 0 {
		return journalHot
	}
	return journalCold
}

// rollBack lets plain SQLite roll back a hot journal: the first read on a
// writable connection does it.
func rollBack(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=rw")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		t.Fatalf("roll back %s: %v", path, err)
	}
}
