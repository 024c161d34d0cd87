package model

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
)

// storeColumnBudget is the most a finding may cost the store beyond its
// key text: ten 4-byte columns (nine and the key order), the priority,
// the flags and the action key's length (44 bytes today). A string, slice or pointer column
// (16–24 bytes, and a pointer the collector must follow) breaks it.
const storeColumnBudget = 48

// storeFindings makes n findings of a synthetic enterprise the way the
// pipeline shares their parts: one VulnFacts per vulnerability, one
// ComponentFacts per component, one Standing per date pair, reason lists
// interned upstream or not.
func storeFindings(n int) []Finding {
	vulns := make([]*VulnFacts, 50)
	for i := range vulns {
		vulns[i] = &VulnFacts{Kind: KindVulnerability, VulnID: fmt.Sprintf("CVE-2026-%04d", i), HasCVSS: true, CVSS: float64(i%10) + 0.5}
	}
	comps := make([]*ComponentFacts, 200)
	for i := range comps {
		comps[i] = &ComponentFacts{System: fmt.Sprintf("sys%03d", i/4), Product: "apache:httpd", ProductName: "Apache HTTP Server",
			Version: fmt.Sprintf("2.4.%d", i%4), ComponentAt: fmt.Sprintf("components.csv:%d", i+2)}
	}
	clause, applied := &ClauseFacts{Clause: "<2.4.60", Scheme: "semver"}, &Applied{}
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	standing := []*Standing{{FirstSeen: day, Due: day.AddDate(0, 0, 30), State: StateOpen},
		{FirstSeen: day, Due: day.AddDate(0, 0, 7), State: StateMitigated}, {FirstSeen: day, State: StateDone}}
	shared := []Reason{{Code: "cvss", Text: i18n.Text{JA: "CVSS 9.5", EN: "CVSS 9.5"}}}
	fs := make([]Finding, n)
	for i := range fs {
		v, c, st := vulns[i%len(vulns)], comps[(i/len(vulns))%len(comps)], standing[i%len(standing)]
		f := Finding{VulnFacts: v, ComponentFacts: c, ClauseFacts: clause, Applied: applied, Standing: st,
			Key: c.System + "/" + c.Product + "@" + c.Version + "/" + v.VulnID, Hosts: 1 + i%7, Priority: Priorities[i%4], Overdue: i%5 == 0}
		switch i % 3 {
		case 0:
			f.Reasons = shared
		case 1: // a list of its own, equal to the shared one
			f.Reasons = []Reason{{Code: "cvss", Text: i18n.Text{JA: "CVSS 9.5", EN: "CVSS 9.5"}}}
		}
		if i%11 == 0 {
			f.Scanners = []ScanSource{{Scanner: "trivy", File: "scans/t.json", Confidence: "exact"}}
		}
		if f.IsOpen() {
			f.ActionKey = c.System + "/" + c.Product + "@" + c.Version
		}
		fs[i] = f
	}
	return fs
}

// TestFindingStoreRoundTrip: every finding reads back from the store as
// it went in, field by field, parts and lists included.
func TestFindingStoreRoundTrip(t *testing.T) {
	fs := storeFindings(3000)
	odd := fs[7]
	odd.ActionKey = "elsewhere/x@1" // not a prefix of its key
	fs[7] = odd
	fs[8].Reasons = []Reason{} // empty but not nil
	s := NewFindingStore(fs)
	if s.Len() != len(fs) {
		t.Fatalf("Len %d, want %d", s.Len(), len(fs))
	}
	for i, f := range s.All() {
		if !reflect.DeepEqual(f, fs[i]) {
			t.Fatalf("finding %d reads back as\n%+v\nwant\n%+v", i, f.Flat(), fs[i].Flat())
		}
		if f.VulnFacts != fs[i].VulnFacts || f.ComponentFacts != fs[i].ComponentFacts {
			t.Fatalf("finding %d does not share its parts", i)
		}
		// Standings are kept by content: equal ones once.
		if f.Standing != s.At(i%3).Standing {
			t.Fatalf("finding %d does not share its dates and state with finding %d, its equal", i, i%3)
		}
		if s.Key(i) != fs[i].Key || s.IsOpen(i) != fs[i].IsOpen() {
			t.Fatalf("finding %d: Key %q IsOpen %v", i, s.Key(i), s.IsOpen(i))
		}
	}
	// Find and ByKey agree with the keys.
	by := s.ByKey()
	for n, i := range by {
		if n > 0 && s.Key(int(by[n-1])) >= s.Key(int(i)) {
			t.Fatalf("ByKey out of order at %d", n)
		}
		if at, ok := s.Find(s.Key(int(i))); !ok || at != int(i) {
			t.Fatalf("Find(%q) = %d, %v; want %d", s.Key(int(i)), at, ok, i)
		}
	}
	if _, ok := s.Find("no/such@key/CVE-0"); ok {
		t.Error("Find found a key that is not there")
	}
	if fs[8].Reasons == nil || s.At(8).Reasons == nil || s.At(2).Reasons != nil {
		t.Error("nil and empty reason lists must read back as they went in")
	}
	// Equal lists are kept once, whether or not they were interned.
	if len(s.reasons) != 3 { // nil, the one list, the empty one
		t.Errorf("%d reason lists kept, want 3", len(s.reasons))
	}
	if NewFindingStore(nil).Len() != 0 || (*FindingStore)(nil).Len() != 0 {
		t.Error("an empty store has findings")
	}
}

// TestFindingStoreBudget holds the store's cost per finding: columns of
// small integers, the key text once, nothing that grows with the
// finding's other texts.
func TestFindingStoreBudget(t *testing.T) {
	fs := storeFindings(20000)
	keyBytes := 0
	for i := range fs {
		keyBytes += len(fs[i].Key)
	}
	s := NewFindingStore(fs)
	cols, all := s.ColumnBytesPerFinding(), s.BytesPerFinding()
	t.Logf("%.1f bytes per finding in columns, %.1f with the key text", cols, all)
	if cols > storeColumnBudget {
		t.Errorf("the store holds %.1f bytes per finding besides the key, over the budget of %d", cols, storeColumnBudget)
	}
	if want := cols + float64(keyBytes)/float64(len(fs)); all != want {
		t.Errorf("BytesPerFinding %.1f, want columns plus key text %.1f", all, want)
	}
	// The columns hold no pointers: the collector never walks them.
	typ := reflect.TypeFor[FindingStore]()
	for i := range typ.NumField() {
		fd := typ.Field(i)
		if fd.Type.Kind() != reflect.Slice || fd.Type.Elem().Kind() == reflect.Pointer || fd.Type.Elem().Kind() == reflect.Slice {
			continue // the shared tables, the key text, the odd keys
		}
		switch fd.Type.Elem().Kind() {
		case reflect.Int32, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		default:
			t.Errorf("column %s is %s: columns are small integers", fd.Name, fd.Type)
		}
	}
	// The shared tables grow with distinct parts, not with findings.
	if len(s.vulns) != 50 || len(s.comps) != 200 || len(s.standing) != 3 {
		t.Errorf("tables of %d vulnerabilities, %d components, %d standings; want 50, 200, 3", len(s.vulns), len(s.comps), len(s.standing))
	}
}

// TestFindingStoreOpenKey: open and mitigated findings' keys are open,
// done findings' and unknown keys are not.
func TestFindingStoreOpenKey(t *testing.T) {
	fs := storeFindings(9)
	s := NewFindingStore(fs)
	for _, f := range fs {
		if got := s.OpenKey(f.Key); got != f.IsOpen() {
			t.Errorf("OpenKey(%q) = %v, state %s", f.Key, got, f.State)
		}
	}
	if s.OpenKey("no/such@key/CVE-0") {
		t.Error("an unknown key is open")
	}
}
