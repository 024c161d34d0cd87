package i18n

// attackMessages label the attack-signs sections (logs/).
var attackMessages = map[string]Text{
	"pdf.fetched_note":           {"vulnreport fetch による取得 (feeds/FETCH.json): %s", "Fetched by vulnreport fetch (feeds/FETCH.json): %s"},
	"section.attacks":            {"外部公開システムへの攻撃の兆候", "Signs of attack on internet-facing systems"},
	"attacks.lead":               {"%s システムのアクセスログ・認証ログ (%s 行) を OWASP Core Rule Set で確認しました。未対策の脆弱性を狙う攻撃の兆候: %s 件。", "The access and authentication logs of %s systems (%s lines) were checked against the OWASP Core Rule Set. Attacks on open vulnerabilities: %s."},
	"attacks.none":               {"今月はログの提出がありません (data/logs/<システムID>/)。攻撃の兆候は確認していません。", "No logs were handed over this month (data/logs/<system-id>/): signs of attack were not checked."},
	"attacks.correlated":         {"未対策の脆弱性を狙う攻撃 (被害の有無の確認が必要)", "Attacks on open vulnerabilities (check for compromise)"},
	"attacks.by_category":        {"システム別・種類別の攻撃の兆候", "Signs of attack by system and kind"},
	"attacks.col.category":       {"攻撃の種類", "Kind of attack"},
	"attacks.col.requests":       {"件数", "Requests"},
	"attacks.col.sources":        {"送信元", "Sources"},
	"attacks.col.maybe":          {"成功の可能性", "May have succeeded"},
	"attacks.col.period":         {"期間", "Period"},
	"attacks.col.by":             {"根拠", "Basis"},
	"attacks.auth":               {"%s: ログイン失敗の集中 %s 件、業務時間外のログイン %s 件、root ログイン %s 件", "%s: failed-login bursts %s, logins outside business hours %s, root logins %s"},
	"attacks.note":               {"送信元アドレスは /24 (IPv6 は /48) に丸めています。「成功の可能性」は、2xx 応答のサイズがそのパスの通常 (中央値) と半分以上かつ 512 バイト以上異なるものです。詳細 (サンプル・ルール番号) は attack-signs.json を参照。", "Source addresses are masked to /24 (IPv6 /48). \"May have succeeded\": a 2xx answer whose size differs from the path's usual (median) size by more than half and at least 512 bytes. Details (samples, rule ids): attack-signs.json."},
	"attack.category.sqli":       {"SQLインジェクション", "SQL injection"},
	"attack.category.xss":        {"クロスサイト・スクリプティング", "Cross-site scripting"},
	"attack.category.traversal":  {"ディレクトリ・トラバーサル", "Directory traversal"},
	"attack.category.os_command": {"OSコマンド・インジェクション", "OS command injection"},
	"attack.category.java":       {"Javaの脆弱性を狙った攻撃", "Attacks on Java"},
	"attack.category.php":        {"PHPの脆弱性を狙った攻撃", "Attacks on PHP"},
	"attack.category.scanner":    {"脆弱性スキャナによる探索", "Scanner probes"},
	"attack.category.other":      {"その他の攻撃", "Other attacks"},
}
