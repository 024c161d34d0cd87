package i18n

// reportMessages are the labels of the issue-14 additions shared by the
// PDF and the site: data-quality banner, coverage and freshness, the
// exceptions register, department scorecards and the risk ranking.
var reportMessages = map[string]Text{
	"feed.kev":       {"KEV", "KEV"},
	"feed.epss":      {"EPSS", "EPSS"},
	"feed.nvd":       {"NVD", "NVD"},
	"feed.jvn":       {"JVN iPedia", "JVN iPedia"},
	"feed.endoflife": {"endoflife.date", "endoflife.date"},

	"pdf.quality_banner": {"データ品質の警告: 入力レコード %[2]s 件のうち %[1]s 件を不採用とし、%[3]s ファイルを読み飛ばしました。本書の数値は実態より少ない可能性があり、目標の「達成」は表示しません (詳細は「データ品質」)。",
		"Data-quality warning: %[1]s of %[2]s input records were rejected and %[3]s files skipped. Figures may understate the exposure, and no target is shown as met (see Data quality)."},
	"pdf.feed.missing":    {"%s なし", "%s missing"},
	"pdf.feed.undated":    {"%s (日付不明)", "%s (undated)"},
	"pdf.feed.stale":      {"%s %s (%s 日前、上限 %s 日)", "%s %s (%s days old, limit %s)"},
	"pdf.feed.fresh":      {"%s %s (%s 日前)", "%s %s (%s days old)"},
	"pdf.feeds_stale":     {"⚠ 古い外部フィード: %s。この間に公表・悪用された脆弱性は反映されていません", "⚠ Stale feeds: %s; vulnerabilities published or exploited since are not reflected"},
	"pdf.feeds_fresh":     {"最新のフィード: %s", "current feeds: %s"},
	"pdf.coverage":        {"対象範囲: 脆弱性・サポート情報と照合できる構成ソフトウェアは %s (%s / %s 件)、サポート状況が判明しているものは %s (%s 件)。照合できないものには指摘が出ないため、実際のリスクはこれより大きい可能性があります", "Coverage: components with advisory or lifecycle data %s (%s of %s), with known support status %s (%s); the rest can show no finding, so the exposure may be larger"},
	"pdf.late_since":      {"%s から遅延", "late since %s"},
	"pdf.rank_reasons":    {"順位の理由: %s", "ranked for: %s"},
	"pdf.all_in_sheet":    {"全件はワークブックのシート「%s」にあります", "all of them are in sheet %q of the workbook"},
	"pdf.needs_review":    {"要確認", "to review"},
	"col.department":      {"所管部署", "Department"},
	"col.needed_by":       {"判断期限", "Needed by"},
	"col.rank_reasons":    {"順位の理由", "Why it ranks here"},
	"col.sla_due":         {"元の期限", "Original due"},
	"col.new_due":         {"変更後の期限", "New due"},
	"col.extension":       {"延長日数", "Days extended"},
	"extension.shortened": {"短縮 %s", "shortened by %s"},
	"col.mttr":            {"平均対応日数", "MTTR (days)"},
	"col.sla_rate":        {"SLA 遵守率", "SLA compliance"},
	"col.change_pair":     {"前月比 (未対応 / 期限超過)", "Change (open / overdue)"},

	"exception.due_moved":    {"期限変更", "Due date moved"},
	"exception.accepted":     {"リスク受容", "Risk accepted"},
	"exception.mitigated":    {"緩和策 (一時的)", "Mitigated (temporary)"},
	"exception.not_affected": {"影響なし", "Not affected"},
	"exception.unapproved":   {"承認者なし: 期限変更を認めず SLA の期限を適用", "no approver: not honoured, SLA date stands"},
	"exception.expired":      {"期限切れ", "expired"},
	"exception.expiring":     {"30 日以内に期限", "expires within 30 days"},
	"state.mitigated_mark":   {"緩和済み (一時的)", "mitigated (temporary)"},
	"state.extended_mark":    {"期限延長 (承認済み)", "extension approved"},
	"state.unapproved_mark":  {"期限変更 (未承認)", "moved due not approved"},
	"state.accepted_mark":    {"リスク受容", "accepted"},
	"section.exceptions":     {"例外登録簿 (期限変更・リスク受容・緩和・影響なし)", "Exceptions register (moved due dates, acceptances, mitigations, not affected)"},
	"section.scorecards":     {"所管部署別の状況", "Department scorecards"},
	"pdf.lead.exceptions":    {"例外は %s 件です。期限変更 %s 件 (承認済み %s 件、未承認 %s 件) を認めなければ、期限超過の指摘は %s 件ではなく %s 件になります。", "The register holds %s entries. Without the %s moved due dates (%s approved, %s not), overdue findings would be %[6]s instead of %[5]s."},
	"unowned.alert": {"▲ 所管部署未登録のシステムの未対応の指摘 %s 件 (期限超過 %s 件) は対応する部署がありません。",
		"▲ No owner: %s open findings (%s overdue)."},
	"pdf.lead.scorecards": {"所管部署 %s 部署の状況を、期限超過の指摘が多い順に示します。期限超過の対策は %s 件です。", "%s departments, worst first by overdue findings; %s overdue fix actions."},
	"pdf.age_note":        {"経過日数は、履歴で検出を確認できる場合はその日から、履歴より前からある場合は脆弱性の公表日と導入日の遅い方 (サポート終了はその日) から数えます。", "Age counts from the first build that found it when history reaches back that far, else from the later of the advisory's publication and the component's installation (end of life: its date)."},
	"pdf.sub.ranking":     {"リスク順位の算定 (重み)", "How the risk ranking is computed (weights)"},
	"pdf.sub.vocabulary":  {"用語と件数の定義", "Names and definitions of the figures"},
	"pdf.sub.freshness":   {"外部フィードの鮮度の上限 (policy.yaml の feed_max_age_days)", "Feed age limits (policy.yaml feed_max_age_days)"},
	"pdf.ranking_note":    {"得点は下表の項目の合計です。同点は優先度、期限、キーの順。すべての上位リスト (本書・サイト・ワークブック) はこの順位を使います。", "A score is the sum of the terms below; ties go by priority, due date and key. Every top list (this report, the site, the workbook) uses this ranking."},
	"pdf.kev_all_note":    {"インターネット公開システムの悪用済み脆弱性は、システムごとにまとめて全件を示します (指摘ごとの明細はワークブックのシート「%s」)。", "Every exploited finding on an internet-facing system is listed, grouped by system (one row per finding: sheet %q of the workbook)."},
	"pdf.points":          {"点", "Points"},
}

// scorecardMessages are the scorecard and register details.
var scorecardMessages = map[string]Text{
	"pdf.due_within":          {"%d 日以内に期限", "Due in %d days"},
	"pdf.change_open_overdue": {"%s / %s", "%s / %s"},
	"pdf.scorecard_note":      {"平均対応日数と SLA 遵守率は前回報告以降に解消した指摘が対象 (解消がない部署はデータなし)。前月比は未対応と期限超過の指摘の増減。", "MTTR and SLA compliance cover findings closed since the last report (no data if none); change is in open / overdue since last month."},
}

// listMessages are list titles that name a vocabulary figure.
var listMessages = map[string]Text{
	"pdf.sub.overdue_actions_n": {"%s (%s 件)", "%s (%s)"},
}

// siteReportMessages are the dashboard's labels for the issue-14 blocks.
var siteReportMessages = map[string]Text{
	"site.freshness":       {"対象範囲とデータの鮮度", "Coverage and data freshness"},
	"site.scorecards_lead": {"期限超過の指摘が多い順", "Worst first by overdue findings"},
}
