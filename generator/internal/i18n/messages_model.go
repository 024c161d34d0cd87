package i18n

// modelMessages are the labels and short texts the pipeline writes into
// its records for readers, below the renderers: a finding's priority
// reasons (risk, the attack-sign correlation), what a fix action
// installs (plan), the ranking's terms and the headline labels (report),
// the department placeholder, and the policy's defaults.
var modelMessages = map[string]Text{
	// A finding's priority reasons (model.Reason.Text), by reason code.
	"reason.internet":        {"インターネット公開", "internet-facing"},
	"reason.website":         {"公開ウェブサイト", "public website"},
	"reason.personal":        {"個人情報", "personal data"},
	"reason.entrusted":       {"預かり情報", "entrusted data"},
	"reason.business":        {"業務上の重要情報", "business-critical data"},
	"reason.critical_system": {"重要度 高", "high-criticality system"},
	"reason.kev":             {"KEV 掲載", "listed in CISA KEV"},
	"reason.exploited":       {"悪用の報告あり", "exploitation reported"},
	"reason.no_score":        {"CVSS スコアなし (データなし)", "no CVSS score (no data)"},
	"reason.eol":             {"サポート終了", "end of life"},
	// [1] the finding's score, [2] the policy's threshold.
	"reason.cvss":     {"CVSS %.1f (%.1f 以上)", "CVSS %.1f (≥ %.1f)"},
	"reason.cvss_low": {"CVSS %.1f (%.1f 未満)", "CVSS %.1f (< %.1f)"},
	"reason.epss":     {"EPSS %.2f (%.2f 以上)", "EPSS %.2f (≥ %.2f)"},
	// [1] the kind of attack (attack.category.*), [2] requests.
	"reason.attack_signs": {"攻撃の兆候あり（%[1]s、%[2]s件）", "Signs of attack (%[1]s, %[2]s requests)"},

	// What a fix action installs (plan.TargetText); [1] version.
	"action_target.after":     {"%s より新しい版", "newer than %s"},
	"action_target.from":      {"%s 以降", "%s or later"},
	"action_target.supported": {"サポート中の版へ移行", "a supported release"},
	"action_target.unknown":   {"修正版未特定 (要確認)", "no fixed version known (to confirm)"},

	// The ranking's terms for the method appendix (report.Weights): the
	// label, then the rule.
	"score.attack_signs":         {"攻撃の兆候あり", "Signs of attack"},
	"score.attack_signs.rule":    {"当月のログにこの弱点を狙う攻撃の兆候", "the month's logs show attacks on this weakness"},
	"score.kev":                  {"KEV 掲載", "Listed in CISA KEV"},
	"score.kev.rule":             {"KEV に掲載", "in the KEV catalog"},
	"score.exploited":            {"悪用の報告", "Exploitation reported"},
	"score.exploited.rule":       {"KEV 以外で悪用の報告あり", "exploited, not in KEV"},
	"score.ransomware":           {"ランサムウェアでの悪用", "Ransomware use"},
	"score.ransomware.rule":      {"KEV がランサムウェアでの悪用を記載", "KEV reports ransomware use"},
	"score.epss":                 {"EPSS", "EPSS"},
	"score.epss.rule":            {"15 × EPSS 確率", "15 × EPSS probability"},
	"score.internet":             {"インターネット公開", "Internet-facing"},
	"score.internet.rule":        {"システムがインターネットに公開", "system is internet-facing"},
	"score.sensitive":            {"個人情報・預かり情報", "Personal or entrusted data"},
	"score.sensitive.rule":       {"個人情報または預かり情報を保有", "system holds personal or entrusted data"},
	"score.business":             {"業務上の重要情報", "Business-critical data"},
	"score.business.rule":        {"業務上の重要情報のみ保有", "system holds business data only"},
	"score.critical_system":      {"重要度 高", "High criticality"},
	"score.critical_system.rule": {"システムの重要度が高", "system criticality high"},
	"score.cvss":                 {"CVSS", "CVSS"},
	"score.cvss.rule":            {"2 × CVSS 基本値 (スコアなしは 10、サポート終了は 15)", "2 × CVSS base score (10 without a score, 15 for end of life)"},
	"score.hosts":                {"台数", "Hosts"},
	"score.hosts.rule":           {"2 台以上 3、10 台以上 6、100 台以上 10", "2+ hosts 3, 10+ 6, 100+ 10"},
	"score.age":                  {"期限超過日数", "Days overdue"},
	"score.age.rule":             {"期限超過 30 日ごとに 1 (最大 10)", "1 per 30 days overdue (at most 10)"},
	"score.mitigated":            {"一時的な緩和策", "Temporary mitigation"},
	"score.mitigated.rule":       {"緩和策の実施済みは得点を半分に", "a mitigation in place halves the score"},
	"score.findings":             {"対策で解消する指摘数", "Findings an action closes"},
	"score.findings.rule":        {"対策の得点 = 最高の指摘の得点 + 2 × 残りの指摘数 (最大 10)", "action score = its highest finding's score + 2 × each further finding (at most 10)"},

	// Headline labels the summary gives (report.Headline.Label).
	"headline.p1p2":     {"未対応 P1・P2", "Open P1 and P2"},
	"headline.eol":      {"サポート終了ソフトウェア", "End-of-life software in use"},
	"headline.sla_rate": {"SLA 遵守率 (%)", "SLA compliance (%)"},

	// The name printed for systems whose owner department is not registered.
	"department.none": {"(所管部署未登録)", "(no department)"},

	// The policy's defaults where policy.yaml names none.
	"policy.default.organization":   {"(組織名未設定)", "(organization not set)"},
	"policy.default.report_title":   {"月次脆弱性対応状況報告", "Monthly Vulnerability Status Report"},
	"policy.default.classification": {"社外秘", "Confidential"},
}
