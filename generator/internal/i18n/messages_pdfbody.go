package i18n

// pdfBodyMessages are the PDF body's lines that send a list to the
// workbook and the compact list of exploited findings, which keep the
// body near ten pages.
var pdfBodyMessages = map[string]Text{
	"pdf.overdue_actions_moved": {"%s は、上位を 3 節 (優先して実施すべき対策) と 10 節 (対策計画) に示し、全件をワークブックのシート「%s」(列「%s」) に記載しています。",
		"%s: the first are in sections 3 (top ten fix actions) and 10 (remediation plan); all of them are in sheet %q of the workbook (column %q)."},
	"pdf.kev_first_due":                    {"最も早い KEV 期限", "Earliest KEV due"},
	"pdf.kev_products":                     {"製品・バージョンと脆弱性 (JVN / CVE)", "Product, version and vulnerabilities (JVN / CVE)"},
	"pdf.gap_short.maintenance_expired":    {"保守契約", "Support contract"},
	"pdf.gap_short.post_delivery_fixes":    {"納品後の脆弱性修正", "Fixes after delivery"},
	"pdf.gap_short.known_vuln_fix_free":    {"既知脆弱性の無償修正", "Known flaws fixed free"},
	"pdf.gap_short.inspection_included":    {"脆弱性検査", "Inspection"},
	"pdf.gap_short.emergency_costs_agreed": {"緊急時の費用負担", "Urgent-fix costs"},
	"pdf.gap_mark.maintenance_expired":     {"期限切れ", "expired"},
	"pdf.gap_mark.post_delivery_fixes":     {"不足", "missing"},
	"pdf.gap_mark.known_vuln_fix_free":     {"不足", "missing"},
	"pdf.gap_mark.inspection_included":     {"不足", "missing"},
	"pdf.gap_mark.emergency_costs_agreed":  {"未合意", "missing"},
	"pdf.sub.sla_age":                      {"優先度別の SLA 遵守状況・対応日数と未対応の経過日数", "SLA compliance, time to remediate and age of open findings by priority"},
	"pdf.mttr_mean":                        {"対応日数 平均", "Days to close: mean"},
	"pdf.mttr_median":                      {"対応日数 中央値", "Days to close: median"},
	"pdf.review_label":                     {"見直し期限", "Review by"},
	"pdf.all_systems":                      {"すべてのシステム (*)", "All systems (*)"},
	"pdf.attacks_detail": {"送信元数・期間・ルール番号とサンプルは、ワークブックのシート「%s」にあります。",
		"Sources, periods, rule ids and samples are in sheet %q of the workbook."},
}
