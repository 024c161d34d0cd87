package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFindingBuilderScratchStanding: a stage may work every finding's
// dates and state out in one scratch Standing it reuses; the builder
// keeps what each finding had when added, equal ones once.
func TestFindingBuilderScratchStanding(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	fs := storeFindings(300)
	b := NewFindingBuilder(0) // no room given: the arena and columns grow
	var st Standing
	for i, f := range fs {
		st = Standing{FirstSeen: day, Due: day.AddDate(0, 0, i%5), State: StateOpen}
		f.Standing = &st
		b.Add(f)
	}
	st = Standing{State: StateDone} // what the scratch holds after has no effect
	s := b.Store()
	for i := range s.Len() {
		f := s.At(i)
		if want := day.AddDate(0, 0, i%5); !f.Due.Equal(want) || f.State != StateOpen || f.Key != fs[i].Key {
			t.Fatalf("finding %d: due %v state %s key %s; want %v open %s", i, f.Due, f.State, f.Key, want, fs[i].Key)
		}
		if f.Standing != s.At(i%5).Standing {
			t.Fatalf("finding %d does not share its dates and state with finding %d", i, i%5)
		}
	}
	if len(s.standing) != 5 {
		t.Errorf("%d standings kept, want 5", len(s.standing))
	}
}

// TestFindingBuilderStandingCollisions: Standings whose hashes collide
// are still told apart by content.
func TestFindingBuilderStandingCollisions(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	b := NewFindingBuilder(0)
	b.hash = func(Standing) uint64 { return 7 } // every one collides
	for i, f := range storeFindings(40) {
		f.Standing = &Standing{Due: day.AddDate(0, 0, i%4), State: StateOpen}
		b.Add(f)
	}
	s := b.Store()
	for i := range s.Len() {
		if want := day.AddDate(0, 0, i%4); !s.At(i).Due.Equal(want) || s.At(i).Standing != s.At(i%4).Standing {
			t.Fatalf("finding %d: due %v, want %v shared with finding %d", i, s.At(i).Due, want, i%4)
		}
	}
	if len(s.standing) != 4 {
		t.Errorf("%d standings kept, want 4", len(s.standing))
	}
}

// TestFindingBuilderSetAndSort: Set revises a finding's columns and not
// its key or its neighbours'; Sort reorders every column with its key;
// the action key follows the key it is a prefix of, or is kept aside.
func TestFindingBuilderSetAndSort(t *testing.T) {
	fs := storeFindings(500)
	b := NewFindingBuilder(len(fs))
	for _, f := range fs {
		b.Add(f)
	}
	// Revise some: another priority, a reason list grown from a shared
	// one, another Standing, an odd action key and none.
	for i := 0; i < len(fs); i += 7 {
		f := b.At(i)
		f.Priority, f.Hosts, f.Overdue = P1, 99, !f.Overdue
		f.Reasons = append(f.Reasons, Reason{Code: "attack_signs"})
		st := *f.Standing
		st.DueSource = "remediation"
		f.Standing = &st
		b.Set(i, f)
		fs[i] = f
	}
	b.SetActionKey(3, "elsewhere/x@1")
	fs[3].ActionKey = "elsewhere/x@1"
	b.SetActionKey(4, "")
	fs[4].ActionKey = ""
	if b.At(0).Reasons[0].Code != "cvss" || len(b.At(3).Reasons) != 1 {
		t.Fatal("appending to a finding's reasons changed another finding's list")
	}
	// Sort by descending key.
	b.Sort(func(x, y int) int { return strings.Compare(b.Key(y), b.Key(x)) })
	want := slices.Clone(fs)
	slices.SortFunc(want, func(x, y Finding) int { return strings.Compare(y.Key, x.Key) })
	s := b.Store()
	for i := range s.Len() {
		got, w := s.At(i), want[i]
		if got.Key != w.Key || got.ActionKey != w.ActionKey || got.Priority != w.Priority || got.Hosts != w.Hosts ||
			got.Overdue != w.Overdue || !reflect.DeepEqual(got.Reasons, w.Reasons) || *got.Standing != *w.Standing ||
			got.VulnFacts != w.VulnFacts || got.ComponentFacts != w.ComponentFacts {
			t.Fatalf("position %d reads\n%+v\nwant\n%+v", i, got.Flat(), w.Flat())
		}
	}
	if at, ok := s.Find(fs[3].Key); !ok || s.At(at).ActionKey != "elsewhere/x@1" {
		t.Error("the odd action key did not move with its finding")
	}
}

// TestFindingSlice: a slice reads as a FindingList.
func TestFindingSlice(t *testing.T) {
	fs := storeFindings(3)
	var l FindingList = FindingSlice(fs)
	if l.Len() != 3 || l.At(2).Key != fs[2].Key {
		t.Error("FindingSlice does not read as its slice")
	}
	if (*FindingBuilder)(nil).Len() != 0 {
		t.Error("a nil builder has findings")
	}
}
