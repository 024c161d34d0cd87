package i18n

// Vocabulary keys: each names one figure, defined once here and in the
// method appendix, and used under the same name in every output. A fix
// action count, an overdue-findings count and an overdue-actions count are
// different figures with different names.
const (
	// TermFixActions counts fix actions: one component of one system to
	// upgrade, patch or replace, closing every open finding beneath it.
	TermFixActions = "term.fix_actions"
	// TermOverdueFindings counts open findings (open or mitigated) past
	// their due date; accepted and not-affected findings are excluded.
	TermOverdueFindings = "term.overdue_findings"
	// TermOverdueActions counts fix actions with at least one overdue finding.
	TermOverdueActions = "term.overdue_actions"
	// TermOverdueSLA counts open findings past their SLA date, as if no
	// moved due date were honoured.
	TermOverdueSLA = "term.overdue_sla"
	// TermOpenFindings counts open findings (open or mitigated).
	TermOpenFindings = "term.open_findings"
	// TermExploitedInternet counts open findings of exploited
	// vulnerabilities (KEV or reported) on internet-facing systems.
	TermExploitedInternet = "term.exploited_internet"
	// TermDecisions counts the decisions management must make this month.
	TermDecisions = "term.decisions"
	// TermExceptions counts entries of the exceptions register.
	TermExceptions = "term.exceptions"
)

// vocabMessages are the names and definitions of the report's figures.
var vocabMessages = map[string]Text{
	TermFixActions:                 {"対策数", "Fix actions"},
	TermFixActions + ".def":        {"対策 = 1 システムの 1 ソフトウェアに対する更新・修正・更改。その下の未対応の指摘をすべて解消する作業単位", "A fix action is one upgrade, patch or replacement of one component on one system, closing every open finding beneath it"},
	TermOverdueFindings:            {"期限超過の指摘", "Overdue findings"},
	TermOverdueFindings + ".def":   {"対応期限を過ぎた未対応 (緩和済みを含む) の指摘の件数。リスク受容・影響なしは含めない", "Open findings (mitigated included) past their due date; accepted and not-affected findings excluded"},
	TermOverdueActions:             {"期限超過の対策", "Overdue fix actions"},
	TermOverdueActions + ".def":    {"期限超過の指摘を 1 件以上含み、完了日のない対策の件数", "Fix actions with at least one overdue finding and no completion date"},
	TermOverdueSLA:                 {"期限超過の指摘 (期限変更を認めない場合)", "Overdue findings without approved extensions"},
	TermOverdueSLA + ".def":        {"承認済みの期限変更を適用せず、SLA・KEV の期限で数えた期限超過の指摘", "Overdue findings counted against the SLA or KEV date, ignoring approved due-date extensions"},
	TermOpenFindings:               {"未対応の指摘", "Open findings"},
	TermOpenFindings + ".def":      {"指摘 = システム × ソフトウェア × 脆弱性 (別名は統合)。未対応 = 未着手・対応中・緩和済み", "A finding is system × component × vulnerability, aliases merged; open = not done, including mitigated"},
	TermExploitedInternet:          {"インターネット公開システムの悪用済み脆弱性", "Exploited on internet-facing systems"},
	TermExploitedInternet + ".def": {"KEV 掲載または悪用の報告がある脆弱性の、インターネット公開システム上の未対応の指摘", "Open findings of exploited vulnerabilities (KEV or reported) on internet-facing systems"},
	TermDecisions:                  {"経営層の判断事項", "Decisions for management"},
	TermDecisions + ".def":         {"今月中に経営層が判断すべき事項 (受領連絡の遅れ・期限超過・未計画・受容の期限・サービス停止・移行計画)", "Items management must decide this month (late acknowledgements, overdue, unplanned, acceptances, service stops, replacements)"},
	TermExceptions:                 {"例外登録簿", "Exceptions register"},
	TermExceptions + ".def":        {"期限の変更・リスク受容・緩和策・影響なしの判断の一覧 (承認者・理由・延長日数)", "Moved due dates, acceptances, mitigations and not-affected decisions, with approver, reason and days extended"},
}

// Terms lists the vocabulary keys in the order the method appendix prints them.
var Terms = []string{TermOpenFindings, TermOverdueFindings, TermOverdueSLA, TermFixActions, TermOverdueActions,
	TermExploitedInternet, TermDecisions, TermExceptions}
