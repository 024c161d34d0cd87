package remediation

import (
	"slices"
	"strings"
	"testing"
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
)

// TestRequiredFieldsAreEditable: every field a rule requires can be filled
// in on the plan sheet, and a record is checked for it.
func TestRequiredFieldsAreEditable(t *testing.T) {
	full := Record{Justification: "j", ApprovedBy: "a", Expires: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, a := range Actions {
		for _, q := range Required(a) {
			if !slices.Contains(PlanFields, q.Field) {
				t.Errorf("%s requires %s, which the plan sheet does not offer", a, q.Field)
			}
			if !full.has(q.Field) || (Record{}).has(q.Field) {
				t.Errorf("%s requires %s, which a record does not answer for", a, q.Field)
			}
		}
	}
}

// TestDecodeRules: the rules Required and WantsCompletion state are the
// ones Decode applies, with their reasons in the message.
func TestDecodeRules(t *testing.T) {
	cases := []struct {
		fields map[string]string
		want   []string
	}{
		{map[string]string{"system": "web", "stage": "done", "action": "accept"}, []string{
			`field "approved_by": is required for action accept (who approved the risk)`,
			`field "expires": is required for action accept (when the acceptance must be reviewed)`,
			`field "justification": is required for action accept (why the risk is accepted)`}},
		{map[string]string{"system": "web", "stage": "assess", "action": "not_affected"}, []string{
			`field "justification": is required for action not_affected (why the finding does not apply)`}},
		{map[string]string{"system": "web", "stage": "done", "action": "patch"}, []string{"stage done without a completion date"}},
		{map[string]string{"system": "web", "stage": "done", "action": "not_affected", "justification": "j"}, nil},
	}
	for _, c := range cases {
		var diags source.Diagnostics
		rec := source.NewRecord(source.Pos{File: "remediation.csv", Line: 2})
		keys := make([]string, 0, len(c.fields))
		for k := range c.fields {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			rec.Set(k, source.Value{Text: c.fields[k], Pos: rec.Pos})
		}
		Decode(rec, &diags)
		var got []string
		for _, d := range diags.Sorted() {
			got = append(got, d.Msg)
		}
		if len(got) != len(c.want) {
			t.Errorf("%v: diagnostics %q, want %q", c.fields, got, c.want)
			continue
		}
		for i := range got {
			if !strings.Contains(got[i], c.want[i]) {
				t.Errorf("%v: diagnostic %q, want it to contain %q", c.fields, got[i], c.want[i])
			}
		}
	}
	if !WantsCompletion(model.StageDone, Patch) || WantsCompletion(model.StageDone, Accept) || WantsCompletion(model.StageImplement, Patch) {
		t.Error("WantsCompletion: done work wants a completion date, an acceptance or unfinished work does not")
	}
}
