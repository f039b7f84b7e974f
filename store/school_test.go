package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// TestSchoolList: a school added to the file is an area of B-K1 and B-K2,
// takes values, can be renamed without losing them, and is only removed
// once it has none.
func TestSchoolList(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreate(t)
	defer s.Close()
	sc, err := s.AddSchool(ctx, "Otto-Hahn-Gymnasium", "gymnasium")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Area != "schule_otto_hahn_gymnasium" {
		t.Errorf("area code %q", sc.Area)
	}
	if _, err := s.AddSchool(ctx, "Otto-Hahn-Gymnasium", ""); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("second school of the same name: %v", err)
	}
	if _, err := s.AddSchool(ctx, " ", ""); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("school without a name: %v", err)
	}
	cat, err := s.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"B-K1-G1", "B-K1-G2", "B-K2-G1", "B-K2-G2"} {
		bf, _ := cat.BaseFigureByCode(code)
		if !slices.Contains(bf.Areas, sc.Area) {
			t.Errorf("%s areas %v lack the school", code, bf.Areas)
		}
	}
	v := store.Value{BaseFigure: "B-K1-G2", Period: "2024/25", Area: sc.Area, Group: "auslaender", Number: 14}
	if _, err := s.SaveValue(ctx, v, store.SaveOptions{}); err != nil {
		t.Fatalf("value for the school: %v", err)
	}
	if err := s.UpdateSchool(ctx, sc.Area, "Otto-Hahn-Schulen", "gesamtschule"); err != nil {
		t.Fatal(err)
	}
	list, err := s.Schools(ctx)
	if err != nil || len(list) != 1 || list[0].Name != "Otto-Hahn-Schulen" || list[0].Type != "gesamtschule" {
		t.Errorf("Schools = %+v, %v", list, err)
	}
	if err := s.RemoveSchool(ctx, sc.Area); !errors.Is(err, store.ErrSchoolHasValues) {
		t.Errorf("removing a school with values: %v", err)
	}
	vs, _ := s.Values(ctx, "B-K1-G2")
	if len(vs) != 1 || vs[0].Number != 14 {
		t.Errorf("values after rename and refused removal: %+v", vs)
	}
	empty, err := s.AddSchool(ctx, "Grundschule Am Broich", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveSchool(ctx, empty.Area); err != nil {
		t.Errorf("removing an empty school: %v", err)
	}
	if list, _ := s.Schools(ctx); len(list) != 1 {
		t.Errorf("%d schools after removing one, want 1", len(list))
	}
}
