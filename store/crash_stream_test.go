package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// A streamed import of more than bulkRows new values sets the insert
// trigger aside inside its transaction. These tests kill the process at
// random moments of such imports: whatever the moment, the file must open
// with the trigger as it was, every reported import stored with one
// history row per value, and the interrupted import stored wholly or not
// at all.
const (
	streamCrashFileEnv  = "INTEGRATIONSMONITOR_STREAM_CRASH_FILE"
	streamCrashStartEnv = "INTEGRATIONSMONITOR_STREAM_CRASH_START"
	// streamCrashImport values per import, yielded in chunks of 250: the
	// save inserts them in statements of 256 with the trigger set aside.
	streamCrashImport = 1000
)

// streamCrashValue is value i of the imports: a new key for every i (one
// Stichtag per six values, Stadt and Kreis, three groups), its number
// encoding i.
func streamCrashValue(i int) store.Value {
	return store.Value{
		BaseFigure: "BEV",
		Period:     store.Period(time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/6).Format("2006-01-02")),
		Area:       []string{"stadt", "kreis"}[i/3%2],
		Group:      []string{"insgesamt", "deutsche", "auslaender"}[i%3],
		Number:     float64(i) + 0.5,
		Source:     "Absturztest",
	}
}

// TestStreamCrashHelper is not a test: run by TestStreamCrashKeepsImports,
// it imports streamCrashImport values at a time until it is killed and
// reports each import after SaveStream returned.
func TestStreamCrashHelper(t *testing.T) {
	path := os.Getenv(streamCrashFileEnv)
	if path == "" {
		t.Skip("helper process of TestStreamCrashKeepsImports")
	}
	start, err := strconv.Atoi(os.Getenv(streamCrashStartEnv))
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
	fmt.Fprintln(os.Stdout, "open")
	for i := start; ; i += streamCrashImport {
		vs := make([]store.Value, streamCrashImport)
		for j := range vs {
			vs[j] = streamCrashValue(i + j)
		}
		if _, err := s.SaveStream(ctx, streamOf(vs, 250, nil), store.SaveOptions{Origin: "Import: Absturztest"}); err != nil {
			fmt.Fprintf(os.Stdout, "error import %d: %v\n", i, err)
			os.Exit(2)
		}
		fmt.Fprintf(os.Stdout, "committed %d\n", i+streamCrashImport-1)
	}
}

func TestStreamCrashKeepsImports(t *testing.T) {
	runs := 40
	if testing.Short() {
		runs = 5
	}
	ctx := context.Background()
	s, path := mustCreate(t)
	s.Close()
	trigger := func() string {
		t.Helper()
		db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var def string
		if err := db.QueryRow(`SELECT coalesce((SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'value_inserted'), '')`).Scan(&def); err != nil {
			t.Fatal(err)
		}
		return def
	}
	want := trigger()
	rng := rand.New(rand.NewPCG(17, 20261130))
	stored, midTx, hot, inFlightStored := 0, 0, 0, 0 // stored: values of the imports in the file
	for run := range runs {
		delay := time.Duration(3+rng.IntN(60)) * time.Millisecond
		env := []string{streamCrashFileEnv + "=" + path, streamCrashStartEnv + "=" + strconv.Itoa(stored)}
		last := killHelper(t, "TestStreamCrashHelper", env, stored, streamCrashImport, delay)
		switch journalState(t, path) {
		case journalHot:
			hot++
			midTx++
		case journalCold:
			midTx++
		}
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatalf("run %d (killed %v after opening): open: %v", run, delay, err)
		}
		vs, err := s.Values(ctx, "BEV")
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		got := map[store.ValueKey]float64{}
		for _, v := range vs {
			if v.Source == "Absturztest" {
				got[v.Key()] = v.Number
			}
		}
		// Every reported import is stored; the one in flight wholly or
		// not at all.
		n := last + 1
		switch len(got) {
		case n:
		case n + streamCrashImport:
			n += streamCrashImport
			inFlightStored++
		default:
			t.Fatalf("run %d: %d values stored, want %d or %d", run, len(got), n, n+streamCrashImport)
		}
		for i := range n {
			v := streamCrashValue(i)
			if got[v.Key()] != v.Number {
				t.Fatalf("run %d: value %d = %v, want %v", run, i, got[v.Key()], v.Number)
			}
		}
		if def := trigger(); def != want {
			t.Fatalf("run %d: insert trigger after the crash:\n%q\nwant\n%q", run, def, want)
		}
		res, err := store.Check(ctx, path)
		if err != nil {
			t.Fatalf("run %d: check: %v", run, err)
		}
		if res.History != res.Values {
			t.Fatalf("run %d: %d history rows for %d values, want one each", run, res.History, res.Values)
		}
		stored = n
	}
	if stored == 0 {
		t.Fatal("no import was stored; the kills all came too early")
	}
	if midTx == 0 {
		t.Errorf("no kill came inside a transaction; the test tested nothing")
	}
	t.Logf("%d kills during streamed imports of %d values: %d inside a transaction (journal left), %d of them with a hot journal; %d values stored, %d interrupted imports found complete",
		runs, streamCrashImport, midTx, hot, stored, inFlightStored)
}
