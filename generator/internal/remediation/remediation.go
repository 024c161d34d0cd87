// Package remediation holds the decisions and work recorded on findings —
// the guide's four steps, the action chosen, owners and dates — decoded
// from remediation.yaml or .csv with every rule of the contract checked.
package remediation

import (
	"time"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/source"
)

// Actions.
const (
	Patch       = "patch"
	Upgrade     = "upgrade"
	Workaround  = "workaround"
	Mitigate    = "mitigate"
	Replace     = "replace"
	Accept      = "accept"
	NotAffected = "not_affected"
)

// Stages and Actions list the enums in display order.
var (
	Stages  = stageTexts()
	Actions = []string{Patch, Upgrade, Workaround, Mitigate, Replace, Accept, NotAffected}
)

// Wildcard is the value of system or advisory that covers many findings.
const Wildcard = "*"

// Record is one remediation decision.
type Record struct {
	ID               string
	System           string
	Advisory         string
	Product          string
	Stage            model.Stage
	Action           string
	Owner            string
	Planned          time.Time
	Completed        time.Time
	Due              time.Time
	ServiceStopHours float64
	Tested           *bool
	ApprovedBy       string
	Justification    string
	Expires          time.Time
	Ticket           string
	Cost             string
	Notes            string
	Pos              source.Pos
}

// Aliases maps Japanese headers of remediation files to fields.
var Aliases = map[string]string{
	"システムid": "system", "システム": "system", "脆弱性id": "advisory", "脆弱性": "advisory", "製品": "product",
	"段階": "stage", "ステップ": "stage", "対応": "action", "対応方針": "action", "担当": "owner", "担当者": "owner",
	"予定日": "planned", "完了日": "completed", "期限": "due", "対応期限": "due", "停止時間": "service_stop_hours",
	"検証済": "tested", "承認者": "approved_by", "理由": "justification", "判断理由": "justification",
	"有効期限": "expires", "見直し期限": "expires", "チケット": "ticket", "費用": "cost", "備考": "notes",
}

// StageAliases and ActionAliases map Japanese labels to enum values.
var (
	StageAliases = map[string]string{
		"調査": investigate, "①調査": investigate, "影響と対策の検討": assess, "②影響と対策の検討": assess, "検討": assess,
		"対策作業計画": planned, "③対策作業計画": planned, "計画": planned, "対策の実施": implement, "④対策の実施": implement,
		"実施": implement, "完了": done,
	}
	ActionAliases = map[string]string{
		"パッチ適用": Patch, "修正プログラム適用": Patch, "アップグレード": Upgrade, "バージョンアップ": Upgrade,
		"回避策": Workaround, "緩和策": Mitigate, "一時的防御": Mitigate, "リプレース": Replace, "更改": Replace,
		"リスク受容": Accept, "受容": Accept, "影響なし": NotAffected, "対象外": NotAffected,
	}
)

// Decode decodes one remediation record and checks the contract's rules:
// an acceptance needs a justification, an approver and an expiry date;
// not_affected needs a justification; done needs a completion date.
func Decode(rec source.Record, diags *source.Diagnostics) (Record, *source.Decoder) {
	d := source.NewDecoder("remediation", rec, diags)
	r := Record{Pos: rec.Pos}
	r.ID = d.ID("id", false)
	r.System = wildcardOrID(d, "system")
	r.Advisory = wildcardOrID(d, "advisory")
	r.Product = d.String("product", false)
	if r.System == "" && r.Advisory == "" && r.Product == "" && !d.Failed() {
		d.Errorf("system", "a remediation record names at least a system, an advisory or a product")
	}
	r.Stage = model.Stage(d.Enum("stage", true, Stages, StageAliases))
	r.Action = d.Enum("action", false, Actions, ActionAliases)
	r.Owner = d.String("owner", false)
	r.Planned = d.Date("planned", false)
	r.Completed = d.Date("completed", false)
	r.Due = d.Date("due", false)
	if h, ok := d.Float("service_stop_hours", 0, 10000); ok {
		r.ServiceStopHours = h
	}
	if b, ok := d.Bool("tested"); ok {
		r.Tested = &b
	}
	r.ApprovedBy = d.String("approved_by", false)
	r.Justification = d.String("justification", false)
	r.Expires = d.Date("expires", false)
	r.Ticket = d.String("ticket", false)
	r.Cost = d.String("cost", false)
	r.Notes = d.String("notes", false)
	if d.Failed() {
		return r, d
	}
	for _, q := range Required(r.Action) {
		if !r.has(q.Field) {
			d.Errorf(q.Field, "is required for action %s (%s)", r.Action, q.Why)
		}
	}
	if !r.Due.IsZero() && r.ApprovedBy == "" {
		d.Warnf("due", "a due date override without approved_by is not honoured: the SLA date stands (listed as unapproved in the exceptions register)")
	}
	if WantsCompletion(r.Stage, r.Action) && r.Completed.IsZero() {
		d.Warnf("completed", "stage done without a completion date")
	}
	return r, d
}

// has reports whether the field a rule names (Required) is filled.
func (r Record) has(field string) bool {
	switch field {
	case "justification":
		return r.Justification != ""
	case "approved_by":
		return r.ApprovedBy != ""
	case "expires":
		return !r.Expires.IsZero()
	}
	panic("remediation: no rule names the field " + field)
}

func wildcardOrID(d *source.Decoder, key string) string {
	s := d.String(key, false)
	if s == Wildcard || s == "" {
		return s
	}
	if err := source.CheckID(s); err != nil {
		d.Errorf(key, "%v", err)
		return ""
	}
	return s
}

// The stages as the contract spells them, for the alias table.
const (
	investigate = string(model.StageInvestigate)
	assess      = string(model.StageAssess)
	planned     = string(model.StagePlan)
	implement   = string(model.StageImplement)
	done        = string(model.StageDone)
)

// stageTexts returns model.Stages as text, for the decoder's enum check.
func stageTexts() []string {
	out := make([]string, len(model.Stages))
	for i, s := range model.Stages {
		out[i] = string(s)
	}
	return out
}
