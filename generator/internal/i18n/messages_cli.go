package i18n

// cliMessages are the command line's summary lines and the diagnostics
// that carry a catalogue key (source.Diagnostics.ErrorK/WarnK): check and
// build print them in the policy's first language.
var cliMessages = map[string]Text{
	// Why an --out folder may not be replaced (evidence.CheckTarget); each
	// follows "--out <folder>: ". [1] the system's error.
	"evidence.refuse.unchecked":  {"確認できません (%s)", "cannot be checked: %s"},
	"evidence.refuse.unreadable": {"読めません (%s)", "cannot be read: %s"},
	"evidence.refuse.symlink":    {"シンボリックリンクです。リンク先のフォルダーを直接指定してください", "is a symbolic link: give the folder it points to"},
	"evidence.refuse.not_folder": {"フォルダーではありません (既存のファイルは上書きしません)", "is not a folder (an existing file is never replaced)"},
	"evidence.refuse.not_output": {"空でなく、vulnreport の出力 (manifest.json) でもありません。中のファイルを消さないよう中止しました。存在しないか空のフォルダー、または以前の出力を指定してください", "is neither empty nor a vulnreport output (no valid manifest.json): refused so as not to delete its files; give a missing or empty folder, or a previous vulnreport output"},
	// [1] the first foreign files, [2] evidence.refuse.more or nothing.
	"evidence.refuse.foreign": {"以前の出力に vulnreport が書いていないファイルがあります (%[1]s%[2]s)。中止しました。移すか消してから実行してください", "a previous output holding files vulnreport did not write (%[1]s%[2]s): refused so as not to delete them; move them away first"},
	"evidence.refuse.more":    {" ほか %d 件", " and %d more"},

	"cli.stopped":          {"ビルドを中止しました:", "the build stopped:"},
	"cli.summary.title":    {"%s: %s (%s 時点)", "%s: %s as of %s"},
	"cli.summary.open":     {"未対応の指摘事項: %d 件 (P1 %d・P2 %d・P3 %d・P4 %d)、期限超過 %d 件、インターネットに公開したシステムで悪用が確認されたもの %d 件", "open findings: %d (P1 %d, P2 %d, P3 %d, P4 %d); overdue %d; exploited on internet-facing systems %d"},
	"cli.summary.actions":  {"対策: %d 件、要確認: %d 件、サポート終了のソフトウェア: %d 件、経営層の判断事項: %d 件", "fix actions: %d; needs confirmation: %d; end-of-life components: %d; decisions for management: %d"},
	"cli.summary.records":  {"レコード: 読込 %d = 採用 %d + 不採用 %d、エラー %d 件、警告 %d 件", "records: %d read = %d accepted + %d rejected; %d errors, %d warnings"},
	"cli.summary.wrote":    {"%d 個のファイルを %s に出力しました", "wrote %d files to %s"},
	"cli.check.file":       {"ファイル", "file"},
	"cli.check.read":       {"読込", "read"},
	"cli.check.accepted":   {"採用", "accepted"},
	"cli.check.rejected":   {"不採用", "rejected"},
	"cli.check.total":      {"合計", "total"},
	"cli.check.counts":     {"エラー %d 件、警告 %d 件", "%d errors, %d warnings"},
	"cli.check.fatal":      {"レポートを作成できません (信頼できないファイル %d 件。上の理由を参照)", "the snapshot cannot be built (%d files cannot be trusted; see above)"},
	"cli.check.rejected_n": {"%[2]d 件中 %[1]d 件のレコードを不採用にしました", "%d of %d records rejected"},
	"cli.check.content":    {"content/ のページ %d 件にエラーがあり、ビルドは停止します", "%d content pages have errors: the build would stop"},

	"diag.future_date": {"%s: 項目 %q の %s は基準日 %s より後の日付ですが、既に起きた事柄を記録する項目です。日付を確認してください",
		"%s: field %q: %s is after the as-of date %s, yet it records something that has happened: check the date"},
	"diag.future_done": {"%s: 段階 done (完了) ですが完了日 %s が基準日 %s より後です。その日までは完了とせず ④対策の実施 として扱います",
		"%s: stage done with completed %s after the as-of date %s: not counted as done (shown as 4 Implement) until that date"},
	"diag.acceptance_capped": {"%s: 項目 \"expires\" の %s はポリシーの max_acceptance_days (%d 日、%s から) を超えます。%s に期限が切れるものとして扱います",
		"%s: field \"expires\": %s runs beyond the policy's max_acceptance_days (%d days from %s): the acceptance is treated as expiring on %s"},
	"diag.feed_unreadable": {"フィードを読み取れません (ファイル全体を信頼できないため、ビルドは停止します): %s",
		"the feed cannot be read, so the build stops rather than leave it out: %s"},
	"diag.content": {"content/ のページ: %s", "content page: %s"},
}
