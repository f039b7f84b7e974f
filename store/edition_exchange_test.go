package store_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// labels lists the editions of s as "2024/1 title".
func labels(t *testing.T, s *store.Store) []string {
	t.Helper()
	list, err := s.Editions(context.Background())
	mustSucceed(t, err)
	var out []string
	for _, e := range list {
		out = append(out, e.Label()+" "+e.Hash[:8])
	}
	return out
}

func freezeTitled(t *testing.T, s *store.Store, year int, title string) store.Edition {
	t.Helper()
	in := editionInputs(t, s, year)
	in.Title = title
	e, err := s.Freeze(context.Background(), in, "", "", 1)
	mustSucceed(t, err)
	return e
}

func TestCopyForMailCarriesEditions(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreateWithValues(t)
	defer s.Close()
	e := freezeTitled(t, s, 2024, "Bericht")
	mustSucceed(t, s.SetCouncilPaper(ctx, e.ID, store.CouncilPaper{Drucksache: "0123/2025"}))
	cp, err := s.CopyForMail(ctx, t.TempDir(), copyDay)
	mustSucceed(t, err)
	r, err := store.Check(ctx, cp)
	mustSucceed(t, err)
	if r.Editions != 1 {
		t.Errorf("copy has %d editions, want 1", r.Editions)
	}
	c, err := store.Open(ctx, cp)
	mustSucceed(t, err)
	defer c.Close()
	if c.ReadOnly() {
		t.Errorf("copy opened read-only: %v", c.ReadOnlyReason())
	}
	got, err := c.Edition(ctx, 2024, 1)
	mustSucceed(t, err)
	if got.Hash != e.Hash || got.Paper.Drucksache != "0123/2025" || !reflect.DeepEqual(got.Inputs, e.Inputs) {
		t.Errorf("edition in the copy differs from the original")
	}
}

func TestMergeAndImportEditions(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreateWithValues(t)
	defer s.Close()
	freezeTitled(t, s, 2024, "A")
	returned, err := s.CopyForMail(ctx, t.TempDir(), copyDay)
	mustSucceed(t, err)

	// There: a corrected value, the 2. Fassung 2024 and the 1. of 2023.
	there, err := store.Open(ctx, returned)
	mustSucceed(t, err)
	there.User = "dort"
	correct(t, there, "2016-H2", "stadt", "auslaender", 1140)
	theirs2024 := freezeTitled(t, there, 2024, "B")
	mustSucceed(t, there.SetCouncilPaper(ctx, theirs2024.ID, store.CouncilPaper{Drucksache: "0200/2025", Datum: "2025-05-01"}))
	theirs2023 := freezeTitled(t, there, 2023, "C")
	mustSucceed(t, there.Close())
	// Here: a different 2. Fassung 2024.
	freezeTitled(t, s, 2024, "D")
	ourLabels := labels(t, s)

	plan, err := s.CompareReturned(ctx, returned)
	mustSucceed(t, err)
	var offered []string
	for _, e := range plan.NewEditions {
		offered = append(offered, e.Label())
		if e.Inputs != nil {
			t.Errorf("%s offered with inputs", e.Label())
		}
	}
	if want := []string{"Berichtsfassung 2023, 1. Fassung", "Berichtsfassung 2024, 2. Fassung"}; !reflect.DeepEqual(offered, want) || len(plan.EditionProblems) != 0 {
		t.Fatalf("NewEditions = %v (problems %v), want %v", offered, plan.EditionProblems, want)
	}
	if plan.Empty() {
		t.Errorf("a plan with new editions is not empty")
	}
	before := hashFile(t, returned)
	_, err = s.ApplyMerge(ctx, plan, append(plan.Changed, plan.New...))
	mustSucceed(t, err)
	if got := labels(t, s); !reflect.DeepEqual(got, ourLabels) {
		t.Errorf("merging values changed our editions: %v, was %v", got, ourLabels)
	}
	if hashFile(t, returned) != before {
		t.Errorf("merging changed the returned file")
	}

	n, err := s.ImportEditions(ctx, returned, []int64{plan.NewEditions[0].ID, plan.NewEditions[1].ID})
	mustSucceed(t, err)
	if n != 2 {
		t.Errorf("imported %d, want 2", n)
	}
	got := labels(t, s)
	want := []string{
		"Berichtsfassung 2023, 1. Fassung " + theirs2023.Hash[:8],
		ourLabels[0], ourLabels[1],
		"Berichtsfassung 2024, 3. Fassung " + theirs2024.Hash[:8], // its 2. Fassung is taken here
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after import: %v, want %v", got, want)
	}
	imp, err := s.Edition(ctx, 2024, 3)
	mustSucceed(t, err)
	if imp.FrozenBy != "dort" || !imp.FrozenAt.Equal(theirs2024.FrozenAt) || imp.Paper.Drucksache != "0200/2025" ||
		!reflect.DeepEqual(imp.Inputs, theirs2024.Inputs) {
		t.Errorf("imported edition not as it was: by %q at %v, paper %+v", imp.FrozenBy, imp.FrozenAt, imp.Paper)
	}
	// Again: nothing new, nothing imported twice.
	if n, err := s.ImportEditions(ctx, returned, []int64{theirs2024.ID, theirs2023.ID}); n != 0 || err != nil {
		t.Errorf("second import = %d, %v; want 0", n, err)
	}
	plan, err = s.CompareReturned(ctx, returned)
	mustSucceed(t, err)
	if len(plan.NewEditions) != 0 {
		t.Errorf("after import still offered: %v", plan.NewEditions)
	}
	if hashFile(t, returned) != before {
		t.Errorf("importing changed the returned file")
	}
}

func TestImportRefusesTamperedEdition(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreateWithValues(t)
	defer s.Close()
	returned, err := s.CopyForMail(ctx, t.TempDir(), copyDay)
	mustSucceed(t, err)
	there, err := store.Open(ctx, returned)
	mustSucceed(t, err)
	good := freezeTitled(t, there, 2023, "gut")
	bad := freezeTitled(t, there, 2024, "schlecht")
	mustSucceed(t, there.Close())
	editPlain(t, returned, `DROP TRIGGER edition_no_update`,
		`UPDATE edition SET inputs = (SELECT inputs FROM edition WHERE report_year = 2023) WHERE report_year = 2024`)

	plan, err := s.CompareReturned(ctx, returned)
	mustSucceed(t, err)
	if len(plan.NewEditions) != 1 || plan.NewEditions[0].ID != good.ID {
		t.Errorf("NewEditions = %v, want only the intact 2023 edition", plan.NewEditions)
	}
	if len(plan.EditionProblems) != 1 || !strings.Contains(plan.EditionProblems[0], "Berichtsfassung 2024, 1. Fassung") {
		t.Errorf("EditionProblems = %q, want one naming the 2024 edition", plan.EditionProblems)
	}
	n, err := s.ImportEditions(ctx, returned, []int64{good.ID, bad.ID})
	if n != 0 || !errors.Is(err, store.ErrEditionTampered) || !strings.Contains(store.Message(err), "Berichtsfassung 2024, 1. Fassung") {
		t.Errorf("import of a tampered edition = %d, %v; want a refusal naming it", n, err)
	}
	if got := labels(t, s); len(got) != 0 {
		t.Errorf("a refused import left editions: %v", got)
	}
}
