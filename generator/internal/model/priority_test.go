package model

import (
	"encoding/json"
	"testing"
)

func TestPriorityText(t *testing.T) {
	for _, tc := range []struct {
		p          Priority
		text       string
		rank       int
		weight     float64
		color, cls string
	}{
		{P1, "P1", 1, 8, "#C62828", "p1"},
		{P2, "P2", 2, 4, "#EF6C00", "p2"},
		{P3, "P3", 3, 2, "#F9A825", "p3"},
		{P4, "P4", 4, 1, "#78909C", "p4"},
		{PriorityNone, "", 5, 1, "", "p0"},
	} {
		if got := tc.p.String(); got != tc.text {
			t.Errorf("%d: String = %q, want %q", tc.p, got, tc.text)
		}
		if tc.p.Rank() != tc.rank || tc.p.Weight() != tc.weight || tc.p.Color() != tc.color || tc.p.Class() != tc.cls {
			t.Errorf("%q: rank %d weight %v colour %q class %q", tc.text, tc.p.Rank(), tc.p.Weight(), tc.p.Color(), tc.p.Class())
		}
		back, ok := ParsePriority(tc.text)
		if !ok || back != tc.p {
			t.Errorf("ParsePriority(%q) = %v, %v", tc.text, back, ok)
		}
	}
	if Priority(9).String() != "" || Priority(9).Valid() || Priority(9).Rank() != 5 {
		t.Errorf("an out-of-range priority must read as none")
	}
	if P1.LabelKey() != "priority.P1" || P4.ShortKey() != "priority.P4.short" {
		t.Errorf("label keys %q %q", P1.LabelKey(), P4.ShortKey())
	}
}

// TestPriorityJSON checks that JSON keeps the text, as values and as map
// keys, and that anything else is rejected rather than read as a priority.
func TestPriorityJSON(t *testing.T) {
	type rec struct {
		P  Priority         `json:"p"`
		By map[Priority]int `json:"by"`
	}
	b, err := json.Marshal(rec{P: P2, By: map[Priority]int{P1: 3, P4: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"p":"P2","by":{"P1":3,"P4":1}}`; string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
	var r rec
	if err := json.Unmarshal(b, &r); err != nil || r.P != P2 || r.By[P1] != 3 || r.By[P4] != 1 {
		t.Errorf("round trip = %+v, %v", r, err)
	}
	for _, bad := range []string{`{"p":"P5"}`, `{"p":"p1"}`, `{"p":1}`, `{"by":{"X":1}}`} {
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}

func TestPriorityOrder(t *testing.T) {
	for i := 1; i < len(Priorities); i++ {
		if !(Priorities[i-1] < Priorities[i]) || Priorities[i-1].Rank() >= Priorities[i].Rank() {
			t.Errorf("%v is not before %v", Priorities[i-1], Priorities[i])
		}
	}
	if !(PriorityNone < P1) {
		t.Errorf("none must sort before P1, as the empty text did")
	}
}
