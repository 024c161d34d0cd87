package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"vulnreport/generator/internal/i18n"
)

// actionKeys is the order of an action's keys in JSON (schema 1.1): the
// plan's fields and the report's, interleaved as they were before Action
// embedded Plan. actionOmitted are Plan's fields that are not part of the
// schema: Weight (RiskShare is its share of the open risk). A test checks
// that the two name every field.
var (
	actionKeys = []string{"Key", "System", "Product", "ProductName", "Version", "Kind", "Target", "TargetAfter",
		"TargetText", "TargetOpen", "Patches", "Findings", "TopPriority", "Due", "Hosts", "Owner", "Department",
		"Stage", "Action", "Planned", "Completed", "Overdue", "Exploited", "Remediations", "Notes", "EOL",
		"Score", "Rank", "RiskShare", "Text", "Progress"}
	actionOmitted = []string{"Weight", "SystemName"}
)

// MarshalJSON writes an action as one flat object, its keys in
// actionKeys order, so that embedding Plan changed nothing in the JSON of
// the model.
func (a Action) MarshalJSON() ([]byte, error) {
	type flat Action // the same fields, without this method
	return orderedJSON(struct {
		flat
		Score Score
		Text  i18n.Text
	}{flat(a), a.Score(), a.Text()}, actionKeys, actionOmitted)
}

// notificationKeys is the order of a notification's keys in JSON (schema
// 1.1); Notice's Pos is not part of it.
var (
	notificationKeys = []string{"ID", "Received", "From", "System", "Summary", "Acknowledged", "Status", "Advisory",
		"AckDays", "AckLate"}
	notificationOmitted = []string{"Pos"}
)

// MarshalJSON writes a notification as one flat object, its keys in
// notificationKeys order, so that embedding Notice changed nothing in the
// JSON of the model.
func (n Notification) MarshalJSON() ([]byte, error) {
	type flat Notification // the same fields, without this method
	return orderedJSON(flat(n), notificationKeys, notificationOmitted)
}

// kevUnmatchedKeys is the order of an unmatched KEV entry's keys in JSON
// (schema 1.1); the entry's RequiredAction, Notes and Pos are not part of
// it.
var (
	kevUnmatchedKeys = []string{"CVE", "Vendor", "Product", "Name", "Key", "DateAdded", "DueDate", "Ransomware",
		"Installed"}
	kevUnmatchedOmitted = []string{"RequiredAction", "Notes", "Pos"}
)

// MarshalJSON writes an unmatched KEV entry as one flat object, its keys
// in kevUnmatchedKeys order, so that embedding KEVEntry changed nothing
// in the JSON of the model.
func (k KEVUnmatched) MarshalJSON() ([]byte, error) {
	type flat KEVUnmatched // the same fields, without this method
	return orderedJSON(flat(k), kevUnmatchedKeys, kevUnmatchedOmitted)
}

// componentKeys is the order of a component's keys in JSON (schema 1.1),
// as they were before Component shared its ComponentFacts.
var componentKeys = []string{"System", "Product", "ProductName", "Version", "Hosts", "Patches", "Lifecycle", "Cycle",
	"EOL", "Latest", "NotLatest", "Findings", "At", "Source"}

// MarshalJSON writes a component as one flat object, its keys in
// componentKeys order.
func (c Component) MarshalJSON() ([]byte, error) {
	type flat Component // the same fields, without this method
	if c.ComponentFacts == nil {
		c.ComponentFacts = &ComponentFacts{}
	}
	return orderedJSON(flat(c), componentKeys, nil)
}

// orderedJSON encodes v, a struct, as a JSON object with its keys in the
// order keys gives, leaving out omit. Every key v has must be in one of
// the two lists, and every listed key in v: a field added or renamed
// without its place in the order is an error, never a key dropped.
func orderedJSON(v any, keys, omit []string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // the caller's encoder escapes, if it does
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &fields); err != nil {
		return nil, err
	}
	for k := range fields {
		if !slices.Contains(keys, k) && !slices.Contains(omit, k) {
			return nil, fmt.Errorf("report: %T: key %q has no place in the JSON order", v, k)
		}
	}
	out := make([]byte, 0, buf.Len())
	out = append(out, '{')
	for i, k := range keys {
		raw, ok := fields[k]
		if !ok {
			return nil, fmt.Errorf("report: %T: no key %q", v, k)
		}
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, '"')
		out = append(out, k...)
		out = append(out, '"', ':')
		out = append(out, raw...)
	}
	return append(out, '}'), nil
}
