// Package notification holds vulnerability reports received from outside
// (第三者からの指摘): from IPA, a finder, a vendor or a customer.
package notification

import (
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/source"
)

// Froms and Statuses list the enums.
var (
	Froms    = []string{"ipa", "finder", "vendor", "customer", "other"}
	Statuses = []string{"open", "fixing", "closed"}
)

// Notification is one report received from outside.
type Notification struct {
	// ID is the record's receipt number; Received the date it came in.
	ID       string
	Received time.Time
	// From is who reported it (one of Froms).
	From string
	// System is the system it concerns.
	System string
	// Summary is what was reported.
	Summary i18n.Text
	// Acknowledged is the date receipt was acknowledged (zero: not yet).
	Acknowledged time.Time
	// Status is one of Statuses.
	Status string
	// Advisory is the advisory id it refers to, if any.
	Advisory string
	// Pos is where the record is in the input.
	Pos source.Pos
}

// Aliases maps Japanese headers to fields.
var Aliases = map[string]string{
	"受付番号": "id", "受付日": "received", "受領日": "received", "報告元": "from", "指摘元": "from",
	"システムid": "system", "システム": "system", "概要": "summary", "内容": "summary", "受領連絡日": "acknowledged",
	"受領確認日": "acknowledged", "状態": "status", "ステータス": "status", "脆弱性id": "advisory",
}

var fromAliases = map[string]string{"発見者": "finder", "ベンダー": "vendor", "顧客": "customer", "その他": "other"}
var statusAliases = map[string]string{"未対応": "open", "対応中": "fixing", "完了": "closed", "クローズ": "closed"}

// Decode decodes one notifications record.
func Decode(rec source.Record, diags *source.Diagnostics) (Notification, *source.Decoder) {
	d := source.NewDecoder("notifications", rec, diags)
	n := Notification{Pos: rec.Pos}
	n.ID = d.ID("id", true)
	n.Received = d.Date("received", true)
	n.From = d.Enum("from", true, Froms, fromAliases)
	n.System = d.ID("system", false)
	n.Summary = d.Text("summary", false)
	n.Acknowledged = d.OptionalDate("acknowledged")
	n.Status = d.Enum("status", false, Statuses, statusAliases)
	if n.Status == "" {
		n.Status = "open"
	}
	n.Advisory = d.ID("advisory", false)
	if !n.Acknowledged.IsZero() && n.Acknowledged.Before(n.Received) {
		d.Errorf("acknowledged", "%s is before the report was received (%s)", n.Acknowledged.Format(source.DateLayout), n.Received.Format(source.DateLayout))
	}
	return n, d
}
