package i18n

// qualityMessages label the data-quality findings about the input itself:
// remediation records to review.
var qualityMessages = map[string]Text{
	"decision.remediation_review": {"対応記録の確認", "Remediation record to review"},
	"decision.attack_signs":       {"攻撃の兆候: 被害の有無の確認", "Signs of attack: check for compromise"},
	"remediation_reviews":         {"確認が必要な対応記録", "Remediation records to review"},
	"remediation_reviews_note": {"一括指定 (*) で多数の指摘事項に及ぶ記録、悪用が確認された (KEV) または P1 の指摘事項のリスク受容、完了日のない完了、基準日より後の完了日。いずれも経営層の判断事項にも挙げています。",
		"Records using wildcards over many findings, acceptances of known-exploited (KEV) or P1 findings, closures without a completion date, completion dates after the as-of date. Each is also listed as a decision for management."},
	"review.wholesale":      {"一括指定", "Wildcards"},
	"review.accept_kev_p1":  {"KEV/P1 の受容", "KEV/P1 accepted"},
	"review.closes_undated": {"完了日なしの完了", "Closed without a date"},
	"review.future_done":    {"未来の完了日", "Completion date ahead"},
	"col.record":            {"対応記録", "Record"},
	"col.closed":            {"完了扱い", "Closed"},
}
