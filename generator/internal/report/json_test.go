package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/plan"
	"vulnreport/generator/internal/source"
)

// jsonKeys returns the keys of the JSON object b, in order.
func jsonKeys(t *testing.T, b []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", b)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// TestJSONFields checks that each flat JSON order and its omitted list
// name every field of the type, the promoted ones included, so that no
// field is added without its place in the JSON.
func TestJSONFields(t *testing.T) {
	for _, c := range []struct {
		typ        reflect.Type
		keys, omit []string
		// computed are keys MarshalJSON adds from methods.
		computed []string
	}{
		{reflect.TypeFor[Action](), actionKeys, actionOmitted, []string{"Score", "Text"}},
		{reflect.TypeFor[Notification](), notificationKeys, notificationOmitted, nil},
		{reflect.TypeFor[KEVUnmatched](), kevUnmatchedKeys, kevUnmatchedOmitted, nil},
	} {
		names := slices.Clone(c.computed)
		var walk func(reflect.Type)
		walk = func(typ reflect.Type) {
			for i := range typ.NumField() {
				f := typ.Field(i)
				if f.Anonymous && f.Type.Kind() == reflect.Pointer {
					walk(f.Type.Elem()) // a shared part (Fix, Work, ActionSystem)
				} else if f.Anonymous {
					walk(f.Type)
				} else if f.IsExported() {
					names = append(names, f.Name)
				}
			}
		}
		walk(c.typ)
		listed := append(slices.Clone(c.keys), c.omit...)
		slices.Sort(names)
		slices.Sort(listed)
		if !slices.Equal(names, listed) {
			t.Errorf("%s: fields %v\nlisted %v", c.typ, names, listed)
		}
	}
}

// TestActionJSON checks that an action is one flat object in the order
// of schema 1.1, without Weight, that reads back into the same action,
// and that text is escaped only as the caller's encoder asks.
func TestActionJSON(t *testing.T) {
	a := Action{
		Plan: &Plan{Key: "web01/apache:struts@2.5.10", System: "web01", Product: "apache:struts", ProductName: "<Struts> & co",
			Version: "2.5.10", Fix: plan.NewFix(plan.Fix{Kind: model.ActionUpgrade, Target: "2.5.33", EOL: true}),
			Work: &plan.Work{Remediations: []string{"R-1"}}, Findings: []string{"f1", "f2"}, TopPriority: model.P1,
			Due: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Hosts: 2},
		ActionSystem: &ActionSystem{Department: "営業部"}, Rank: 1, RiskShare: 0.25,
	}
	a.Weight = 8
	a.Progress[2] = 2
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonKeys(t, b); !slices.Equal(got, actionKeys) {
		t.Errorf("keys %v\nwant %v", got, actionKeys)
	}
	if !strings.Contains(string(b), `"ProductName":"\u003cStruts\u003e \u0026 co"`) {
		t.Errorf("json.Marshal does not escape HTML: %s", b)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode([]Action{a}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"ProductName":"<Struts> & co"`) {
		t.Errorf("SetEscapeHTML(false) escapes: %s", buf.String())
	}
	var back Action
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	want := a
	want.Weight = 0
	if !reflect.DeepEqual(back, want) {
		t.Errorf("read back %+v\nwant %+v", back, want)
	}
}

// TestNotificationJSON checks that a notification is one flat object in
// the order of schema 1.1, without its input position, that reads back.
func TestNotificationJSON(t *testing.T) {
	n := Notification{Notice: Notice{ID: "N-1", Received: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), From: "ipa",
		System: "web01", Summary: i18n.Plain("<script>"), Status: "open", Advisory: "CVE-2017-5638",
		Pos: source.Pos{File: "notifications.csv", Line: 2, Col: 1}}, AckDays: 10, AckLate: true}
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonKeys(t, b); !slices.Equal(got, notificationKeys) {
		t.Errorf("keys %v\nwant %v", got, notificationKeys)
	}
	if strings.Contains(string(b), "notifications.csv") {
		t.Errorf("position in JSON: %s", b)
	}
	var back Notification
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	want := n
	want.Pos = source.Pos{}
	if !reflect.DeepEqual(back, want) {
		t.Errorf("read back %+v\nwant %+v", back, want)
	}
}

// TestKEVUnmatchedJSON checks that an unmatched KEV entry is one flat
// object in the order of schema 1.1, without the fields it never had.
func TestKEVUnmatchedJSON(t *testing.T) {
	k := KEVUnmatched{KEVEntry: KEVEntry{CVE: "CVE-2099-0001", Vendor: "Acme", Product: "Widget", Name: "Widget flaw",
		DateAdded: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), DueDate: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
		Ransomware: true, RequiredAction: "apply updates", Notes: "see vendor", Pos: source.Pos{File: "kev.json", Line: 3}},
		Key: "acme:widget", Installed: true}
	b, err := json.Marshal(k)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonKeys(t, b); !slices.Equal(got, kevUnmatchedKeys) {
		t.Errorf("keys %v\nwant %v", got, kevUnmatchedKeys)
	}
	var back KEVUnmatched
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	want := k
	want.RequiredAction, want.Notes, want.Pos = "", "", source.Pos{}
	if !reflect.DeepEqual(back, want) {
		t.Errorf("read back %+v\nwant %+v", back, want)
	}
}

// TestOrderedJSONIncomplete checks that a key without a place in the
// order, or a listed key the value lacks, is an error and never dropped.
func TestOrderedJSONIncomplete(t *testing.T) {
	v := struct{ A, B int }{1, 2}
	if _, err := orderedJSON(v, []string{"A"}, nil); err == nil {
		t.Error("key B without a place: no error")
	}
	if _, err := orderedJSON(v, []string{"A", "B", "C"}, nil); err == nil {
		t.Error("missing key C: no error")
	}
	b, err := orderedJSON(v, []string{"B"}, []string{"A"})
	if err != nil || string(b) != `{"B":2}` {
		t.Errorf("got %s, %v", b, err)
	}
}
