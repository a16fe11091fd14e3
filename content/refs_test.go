package content

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestRefsListInNumberOrder: every list of source ids a loaded lesson holds
// is in number order, whatever order its author wrote it in and whatever
// its facts added (step 15 once read "[S112] [S119] [S31] [S95]").
func TestRefsListInNumberOrder(t *testing.T) {
	l := mustShipped(t)
	n := 0
	eachRefsValue(reflect.ValueOf(l).Elem(), func(what string, r *Refs) {
		n++
		if !slices.IsSortedFunc(r.IDs, naturalCompare) {
			t.Errorf("%s: sources %v are not in number order", what, r.IDs)
		}
	})
	if n < 100 {
		t.Fatalf("found only %d lists of sources in the shipped lesson", n)
	}
}

// TestSortRefsReachesEveryList: sortRefs sorts every Refs in the Lesson,
// found by reflection, so a new field of sources cannot be missed.
func TestSortRefsReachesEveryList(t *testing.T) {
	l := mustShipped(t).clone()
	eachRefsValue(reflect.ValueOf(l).Elem(), func(_ string, r *Refs) {
		r.IDs = append([]string{"S10", "S9"}, slices.Clone(r.IDs)...)
	})
	l.sortRefs()
	eachRefsValue(reflect.ValueOf(l).Elem(), func(what string, r *Refs) {
		if !slices.IsSortedFunc(r.IDs, naturalCompare) {
			t.Errorf("%s: sortRefs left %v unsorted", what, r.IDs)
		}
	})
}

func TestNaturalOrderOfSourceIDs(t *testing.T) {
	ids := []string{"S112", "S119", "S31", "S95", "S96", "S22", "S103", "S23", "S93", "S9", "S1"}
	slices.SortStableFunc(ids, naturalCompare)
	want := "S1 S9 S22 S23 S31 S93 S95 S96 S103 S112 S119"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// eachRefsValue calls visit with a pointer to every Refs reachable from v
// through exported fields, slices and arrays.
func eachRefsValue(v reflect.Value, visit func(what string, r *Refs)) {
	var walk func(v reflect.Value, what string)
	walk = func(v reflect.Value, what string) {
		switch v.Kind() {
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[Refs]() {
				visit(what, v.Addr().Interface().(*Refs))
				return
			}
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					walk(v.Field(i), what+"."+f.Name)
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i), what+"["+strconv.Itoa(i)+"]")
			}
		}
	}
	walk(v, "Lesson")
}
