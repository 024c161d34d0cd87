package inventory

import (
	"strings"

	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version/scheme"
)

// SystemAliases maps Japanese and alternative headers of systems files to fields.
var SystemAliases = map[string]string{
	"システムid": "id", "システム": "id", "システム名": "name", "システム名.ja": "name.ja", "システム名.en": "name.en",
	"区分": "category", "種別": "category", "公開範囲": "exposure", "接続": "exposure", "取扱情報": "data",
	"重要度": "criticality", "所管部署": "owner", "オーナー": "owner", "担当者": "contact", "連絡先": "contact",
	"台数": "hosts", "委託先": "contractor", "保守期限": "contract.maintenance_until",
	"既知脆弱性無償対応": "contract.known_vuln_fix_free", "脆弱性検査含む": "contract.inspection_included",
	"緊急時費用合意": "contract.emergency_costs_agreed", "納品後修正": "contract.post_delivery_fixes",
	"最終検査日": "last_inspection", "構成確認日": "inventory_updated", "更改予定日": "replacement_planned",
	"状態": "status", "タグ": "tags",
}

// ComponentAliases maps Japanese and alternative headers of components files to fields.
var ComponentAliases = map[string]string{
	"システムid": "system", "システム": "system", "製品": "product", "製品キー": "product", "製品名": "name",
	"表示名": "name", "バージョン": "version", "台数": "hosts", "適用パッチ": "patches", "パッチ": "patches",
	"導入日": "installed", "更新日": "updated", "バージョン体系": "scheme", "体系": "scheme",
}

// ChangeAliases maps Japanese headers of changes files to fields.
var ChangeAliases = map[string]string{
	"システムid": "system", "製品": "product", "変更前": "from_version", "変更後": "to_version",
	"変更日": "date", "日付": "date", "チケット": "ticket", "備考": "notes",
}

var categoryAliases = map[string]string{
	"公開ウェブサイト": Website, "ウェブサイト": Website, "web": Website, "組織内システム": Internal, "社内システム": Internal,
	"クライアントpc": Client, "クライアント": Client, "pc": Client, "その他": Other,
}

var exposureAliases = map[string]string{
	"外部と接続": Internet, "インターネット": Internet, "公開": Internet, "イントラネット": Intranet, "社内": Intranet,
	"組織内": Intranet, "隔離": Isolated, "閉域": Isolated, "独立": Isolated,
}

var dataAliases = map[string]string{
	"個人情報": Personal, "預かり情報": Entrusted, "業務上の重要情報": Business, "重要情報": Business,
}

var criticalityAliases = map[string]string{"高": "high", "中": "medium", "低": "low"}

var fixAliases = map[string]string{"有償": "paid", "含む": "included", "無償": "included", "なし": "none"}

var statusAliases = map[string]string{"稼働": "active", "稼働中": "active", "廃止": "retired"}

// DecodeSystem decodes one systems record.
func DecodeSystem(rec source.Record, diags *source.Diagnostics) (System, *source.Decoder) {
	d := source.NewDecoder("systems", rec, diags)
	// A wrong optional field costs the field, not the system and every
	// component on it.
	d.KeepOnOptional()
	s := System{Pos: rec.Pos}
	s.ID = d.ID("id", true)
	s.Name = d.Text("name", true)
	s.Category = d.Enum("category", true, Categories, categoryAliases)
	s.Exposure = d.Enum("exposure", true, Exposures, exposureAliases)
	s.Data = d.EnumList("data", DataClasses, dataAliases)
	s.Criticality = d.Enum("criticality", false, Criticalities, criticalityAliases)
	if s.Criticality == "" && !d.Failed() {
		s.Criticality = "medium"
	}
	s.Owner = d.String("owner", false)
	s.Contact = d.String("contact", false)
	s.Hosts = d.Int("hosts", 1)
	s.Contractor = d.String("contractor", false)
	s.Contract.MaintenanceUntil = d.OptionalDate("contract.maintenance_until")
	s.Contract.KnownVulnFixFree = optBool(d, "contract.known_vuln_fix_free")
	s.Contract.InspectionIncluded = optBool(d, "contract.inspection_included")
	s.Contract.EmergencyCostsAgreed = optBool(d, "contract.emergency_costs_agreed")
	s.Contract.PostDeliveryFixes = d.Enum("contract.post_delivery_fixes", false, PostDeliveryFixes, fixAliases)
	s.LastInspection = d.OptionalDate("last_inspection")
	s.InventoryUpdated = d.OptionalDate("inventory_updated")
	s.ReplacementPlanned = d.OptionalDate("replacement_planned")
	s.Status = d.Enum("status", false, Statuses, statusAliases)
	if s.Status == "" {
		s.Status = "active"
	}
	s.Tags = d.List("tags")
	return s, d
}

func optBool(d *source.Decoder, key string) *bool {
	v, ok := d.Bool(key)
	if !ok {
		return nil
	}
	return &v
}

// DecodeComponent decodes one components record, as a Flat row that the
// loader turns into a Component sharing its parts. The product key is
// resolved later, when the product table is known.
func DecodeComponent(rec source.Record, diags *source.Diagnostics) (Flat, *source.Decoder) {
	d := source.NewDecoder("components", rec, diags)
	d.KeepOnOptional()
	c := Flat{Pos: rec.Pos, Source: "inventory"}
	c.System = d.ID("system", true)
	c.Product = d.String("product", true)
	c.Name = d.String("name", false)
	c.Version = d.String("version", true)
	if norm, changed := scheme.Normalize(c.Version); changed {
		d.Warnf("version", "%q holds invisible or full-width characters (bytes % x): read as %q", c.Version, c.Version, norm)
		c.Version = norm
	}
	c.Scheme = SchemeField(d)
	c.Hosts = d.Int("hosts", 0)
	c.Patches = d.List("patches")
	c.Installed = d.OptionalDate("installed")
	c.Updated = d.OptionalDate("updated")
	return c, d
}

// DecodeChange decodes one changes record.
func DecodeChange(rec source.Record, diags *source.Diagnostics) (Change, *source.Decoder) {
	d := source.NewDecoder("changes", rec, diags)
	c := Change{Pos: rec.Pos}
	c.ID = d.ID("id", false)
	c.System = d.ID("system", true)
	c.Product = d.String("product", false)
	c.FromVersion = d.String("from_version", false)
	c.ToVersion = d.String("to_version", false)
	c.Date = d.Date("date", true)
	c.Ticket = d.String("ticket", false)
	c.Notes = d.String("notes", false)
	return c, d
}

// SchemeField reads an optional "scheme" column (components and products):
// a version scheme name, returned in its canonical lower-case form. An
// unknown name is an error on that cell.
func SchemeField(d *source.Decoder) string {
	s := d.String("scheme", false)
	if s == "" {
		return ""
	}
	sc, ok := scheme.Lookup(s)
	if !ok {
		d.Errorf("scheme", "unknown version scheme %q: expected one of %s", s, strings.Join(scheme.Names(), ", "))
		return ""
	}
	return sc.Name()
}
