package plan

import (
	"fmt"
	"testing"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/source"
)

func TestFutureDoneIsNotDone(t *testing.T) {
	fs := []model.Finding{finding("s1", "a:b", "1", "CVE-1")}
	recs := []Resolved{{Record: remediation.Record{ID: "R1", System: "s1", Advisory: "CVE-1", Stage: "done", Action: "upgrade", Completed: d("2027-04-30")}}}
	Apply(fs, recs, asOf)
	f := fs[0]
	if f.State != model.StateOpen || f.Stage != model.StageImplement || !f.Completed.IsZero() || !f.Planned.Equal(d("2027-04-30")) {
		t.Errorf("state %s stage %s completed %v planned %v; want open, implement, no completion, planned 2027-04-30", f.State, f.Stage, f.Completed, f.Planned)
	}
	rv := Reviews(model.FindingSlice(fs), recs, asOf, 20)
	if len(rv) != 1 || rv[0].Kind != ReviewFutureDone || rv[0].Findings != 1 || rv[0].Closed != 0 {
		t.Errorf("reviews %+v, want one future_done covering 1 finding, closing none", rv)
	}
}

func TestReviews(t *testing.T) {
	var fs []model.Finding
	for i := range 25 {
		f := finding(fmt.Sprintf("s%d", i%5), "a:b", "1", fmt.Sprintf("CVE-%d", i))
		if i == 3 {
			f.KEV, f.Priority = true, model.P1
		}
		fs = append(fs, f)
	}
	at := func(line int) source.Pos { return source.Pos{File: "remediation.yaml", Line: line, Col: 3} }
	cases := []struct {
		name  string
		rec   remediation.Record
		kinds []string
	}{
		{"accept everything", remediation.Record{ID: "ALL", System: "*", Advisory: "*", Stage: "done", Action: "accept", Expires: d("9999-12-31"), Pos: at(1)},
			[]string{ReviewWholesale, ReviewAcceptKEV}},
		{"done without completion, by wildcard", remediation.Record{System: "*", Advisory: "", Product: "", Stage: "done", Action: "patch", Pos: at(2)},
			[]string{ReviewWholesale, ReviewUndated}},
		{"one fix action is not wholesale", remediation.Record{ID: "FIX", System: "s1", Product: "a:b", Advisory: "*", Stage: "plan", Action: "upgrade", Pos: at(3)}, nil},
		{"plan by wildcard under the threshold", remediation.Record{ID: "FEW", System: "*", Advisory: "CVE-3", Stage: "done", Action: "accept", Expires: d("2027-01-31"), Pos: at(4)},
			[]string{ReviewAcceptKEV}},
		{"a dated fix is fine", remediation.Record{ID: "OK", System: "s3", Advisory: "CVE-3", Stage: "done", Action: "patch", Completed: d("2026-11-01"), Pos: at(5)}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := append([]model.Finding(nil), fs...)
			recs := []Resolved{{Record: tc.rec}}
			if tc.rec.Product != "" {
				recs[0].ProductKey = tc.rec.Product
			}
			Apply(fs, recs, asOf)
			rv := Reviews(model.FindingSlice(fs), recs, asOf, 20)
			var kinds []string
			for _, r := range rv {
				kinds = append(kinds, r.Kind)
				if r.Pos != tc.rec.Pos {
					t.Errorf("review at %v, want %v", r.Pos, tc.rec.Pos)
				}
			}
			if fmt.Sprint(kinds) != fmt.Sprint(tc.kinds) {
				t.Errorf("kinds %v, want %v (%+v)", kinds, tc.kinds, rv)
			}
			for _, r := range rv {
				if r.Kind == ReviewAcceptKEV && (r.KEV != 1 || r.P1 != 1) {
					t.Errorf("KEV %d, P1 %d; want 1 and 1", r.KEV, r.P1)
				}
			}
		})
	}
}
