package i18n

// signsMessages label the attack-sign trend and sheet, the system pages'
// attack sections and the scanner results' scope and age (issues 17, 19).
var signsMessages = map[string]Text{
	"site.nav.attacks":                {"攻撃の兆候", "Attack signs"},
	"site.system_attacks":             {"このシステムへの攻撃の兆候 (アクセスログ・認証ログ)", "Signs of attack on this system (access and authentication logs)"},
	"site.system_attacks_none":        {"ログ %s 行に攻撃の兆候はありませんでした。", "No sign of attack in %s log lines."},
	"attack.auth.failed_burst_source": {"送信元ごとのログイン失敗の集中", "Failed-login burst from one source"},
	"attack.auth.failed_burst_user":   {"ユーザーごとのログイン失敗の集中", "Failed-login burst for one user"},
	"attack.auth.off_hours_login":     {"業務時間外のログイン", "Login outside business hours"},
	"attack.auth.root_login":          {"root でのログイン", "Login as root"},
	"xlsx.col.scanners":               {"スキャナ (結果ファイル)", "Scanners (result files)"},
	"xlsx.col.scan_confidence":        {"スキャナの確度", "Scanner confidence"},
	"site.scanned_by":                 {"スキャナの検出 (scans/)", "Found by scanners (scans/)"},
	"site.scanned_by_note":            {"スキャナが報告した指摘と確度です。ベンダー名・製品名や CPE だけによる一致 (確度: 低) は要確認です。", "What the scanners reported, with their confidence. A match on vendor/product names or a CPE only (low confidence) needs confirmation."},
	"col.scanner":                     {"スキャナ", "Scanner"},
	"col.confidence":                  {"確度", "Confidence"},
	"col.result_file":                 {"結果ファイル", "Result file"},
	"site.low_confidence":             {"確度: 低 (要確認)", "Low confidence (to confirm)"},
	"scan.alert.not_scanned":          {"今月スキャン結果のないシステム (前月まではあり。脆弱性なしとは扱っていません): %s", "Not scanned this month (scanned before; not treated as clean): %s"},
	"scan.alert.stale":                {"古いスキャン結果 (%s 日超): %s", "Stale scanner results (older than %s days): %s"},
	"scan.alert.item_last":            {"%s (前回 %s)", "%s (last %s)"},
	"scan.alert.item_age":             {"%s (%s)", "%s (%s)"},
	"scan.alert.age":                  {"%s 日前", "%s days old"},
	"scan.alert.undated":              {"スキャン日時なし", "no scan time"},
	"scan.flag.not_scanned":           {"今月スキャンされていない", "Not scanned this month"},
	"scan.flag.stale":                 {"スキャン結果が古い", "Stale scanner results"},
	"site.scans":                      {"スキャナの結果", "Scanner results"},
	"scan.q.fine":                     {"%s システムのスキャン結果はすべて期限内です。", "The scanner results of %s systems are all recent."},
	"col.scanned":                     {"スキャン日", "Scanned"},
	"scan.last":                       {"前回 %s", "last %s"},
}
