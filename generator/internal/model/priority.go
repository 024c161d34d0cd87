package model

import "fmt"

// Priority is a finding's priority, P1 (act now) to P4 (routine). The zero
// value, PriorityNone, means no priority was assigned. Priorities compare
// in order of urgency after PriorityNone: P1 < P2 < P3 < P4. This file is
// the only place outside the policy reader that spells a priority's text;
// everything else names the constants, so the compiler finds every use.
type Priority uint8

// The priorities, most urgent first.
const (
	PriorityNone Priority = iota
	P1
	P2
	P3
	P4
)

// Priorities lists the priorities in order, most urgent first.
var Priorities = [...]Priority{P1, P2, P3, P4}

// priorityInfo is everything the reports say about one priority.
type priorityInfo struct {
	text   string
	weight float64
	color  string // fill, "#RRGGBB"
	ink    string // text readable on the fill, "#RRGGBB"
	class  string // CSS class of the site's badges
}

var priorityTable = [...]priorityInfo{
	PriorityNone: {text: "", weight: 1, color: "", ink: "", class: "p0"},
	P1:           {text: "P1", weight: 8, color: "#C62828", ink: "#FFFFFF", class: "p1"},
	P2:           {text: "P2", weight: 4, color: "#EF6C00", ink: "#FFFFFF", class: "p2"},
	P3:           {text: "P3", weight: 2, color: "#F9A825", ink: "#000000", class: "p3"},
	P4:           {text: "P4", weight: 1, color: "#78909C", ink: "#FFFFFF", class: "p4"},
}

func (p Priority) info() priorityInfo {
	if int(p) < len(priorityTable) {
		return priorityTable[p]
	}
	return priorityTable[PriorityNone]
}

// Valid reports whether p is one of P1–P4.
func (p Priority) Valid() bool { return p >= P1 && p <= P4 }

// String returns "P1".."P4", "" for PriorityNone.
func (p Priority) String() string { return p.info().text }

// Rank returns 1–4 for P1–P4 and 5 when unset, for sorting.
func (p Priority) Rank() int {
	if p.Valid() {
		return int(p)
	}
	return 5
}

// Index returns 0–3 for P1–P4 (the position in Priorities), -1 when unset.
func (p Priority) Index() int {
	if p.Valid() {
		return int(p) - 1
	}
	return -1
}

// Weight returns the priority's share of risk: P1 8, P2 4, P3 2, P4 1
// (and 1 when unset).
func (p Priority) Weight() float64 { return p.info().weight }

// Color returns the priority's colour, "#RRGGBB" (the same in the site,
// the PDF and the workbook); "" when unset.
func (p Priority) Color() string { return p.info().color }

// Ink returns the text colour readable on the priority's colour, "#RRGGBB".
func (p Priority) Ink() string { return p.info().ink }

// Class returns the CSS class of the priority's badge: "p1".."p4", "p0"
// when unset.
func (p Priority) Class() string { return p.info().class }

// LabelKey returns the i18n catalogue key of the priority's label
// ("priority.P1"); ShortKey that of its short label.
func (p Priority) LabelKey() string { return "priority." + p.String() }

// ShortKey returns the i18n catalogue key of the priority's short label
// ("priority.P1.short").
func (p Priority) ShortKey() string { return "priority." + p.String() + ".short" }

// ParsePriority reads "P1".."P4"; "" is PriorityNone. ok is false for any
// other text.
func ParsePriority(s string) (p Priority, ok bool) {
	for i, in := range priorityTable {
		if in.text == s {
			return Priority(i), true
		}
	}
	return PriorityNone, false
}

// MarshalText writes the priority as "P1".."P4" ("" when unset), so that
// JSON and CSV keep the text.
func (p Priority) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads what MarshalText writes and rejects anything else.
func (p *Priority) UnmarshalText(b []byte) error {
	v, ok := ParsePriority(string(b))
	if !ok {
		return fmt.Errorf("%q is not a priority: expected P1, P2, P3 or P4", b)
	}
	*p = v
	return nil
}
