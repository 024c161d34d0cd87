package pdf_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render/pdf"
)

// hostile returns the fixture with text built to break layouts: 500-
// character product names (one Latin token, then Japanese without
// spaces), long names without spaces, ids with symbols, markup, and long
// free text in every table that shows some.
func hostile() fstest.MapFS {
	fs := fixture()
	longJA := strings.Repeat("脆弱性対応ガイド企業情報システム", 20) // 320 characters, no spaces
	longToken := strings.Repeat("X", 250)            // one token wider than any cell
	product := longToken + strings.Repeat("製品名", 84) // 502 characters
	script := "<script>alert('x')</script>"
	fs["policy.yaml"].Data = []byte(`organization: {ja: "` + strings.Repeat("株式会社長い名前", 25) + `", en: "` + strings.Repeat("Very Long Company Name ", 9) + `"}
report_title: {ja: "月次脆弱性対応状況報告` + script + `", en: "Monthly Vulnerability Status Report ` + script + `"}
as_of: 2026-11-30
languages: [ja, en]
classification: {ja: "` + strings.Repeat("社外秘", 12) + `", en: "` + strings.Repeat("Confidential ", 6) + `"}
`)
	fs["systems.yaml"].Data = []byte(strings.Replace(string(fs["systems.yaml"].Data),
		"{ja: 部品オンライン受注サイト, en: Parts ordering site}",
		`{ja: "`+longJA+script+`", en: "`+strings.Repeat("Parts-ordering-site_", 15)+script+`"}`, 1))
	fs["systems.yaml"].Data = []byte(strings.Replace(string(fs["systems.yaml"].Data),
		"owner: 営業部", "owner: "+strings.Repeat("営業本部第一営業部", 10), 1))
	fs["components.csv"].Data = []byte("system,product,name,version\n" +
		"web-shop,apache:struts," + product + ",2.3.31\n" +
		"web-shop,apache:tomcat,Apache Tomcat,8.5.50\n" +
		"int-file,microsoft:windows_server_2012,Windows Server 2012 R2,6.3.9600\n" +
		"pc-fleet,microsoft:windows_10,Windows 10 Pro,10.0.19045\n")
	fs["advisories/x.yaml"].Data = []byte(strings.Replace(string(fs["advisories/x.yaml"].Data),
		"title: {ja: Apache Struts 2 に任意のコードを実行される脆弱性, en: Apache Struts 2 remote code execution}",
		`title: {ja: "`+script+longJA+`", en: "`+script+strings.Repeat(" remote code execution", 20)+`"}`, 1))
	fs["advisories/x.yaml"].Data = []byte(strings.Replace(string(fs["advisories/x.yaml"].Data),
		"aliases: [CVE-2017-5638]", "aliases: [CVE-2017-5638, S2-045_x.y-z.2017]", 1))
	fs["notifications.csv"].Data = []byte("id,received,from,system,summary,acknowledged,status,advisory\n" +
		"N-2026-001,2026-11-02,ipa,web-shop," + longJA + script + ",,open,\n")
	fs["remediation.yaml"].Data = []byte(strings.Replace(string(fs["remediation.yaml"].Data),
		"justification: 影響が限定的で、次回の更新で解消するため", "justification: "+longJA, 1))
	return fs
}

// TestHostileText lays out the hostile fixture: every line of text stays
// inside its cell and the page, the summary stays on one page, and the
// text can still be extracted.
func TestHostileText(t *testing.T) {
	r := analyze(t, hostile())
	var lines []pdf.Placed
	files := renderPDF(t, r, func(p pdf.Placed) { lines = append(lines, p) })
	checkPlaced(t, lines)
	checkGlyphs(t, lines)
	for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
		data := files["report-2026-11-30."+string(lang)+".pdf"]
		writePNGs(t, "hostile-"+string(lang), data)
		text := squash(run(t, "pdftotext", data, "-enc", "UTF-8"))
		for _, w := range []string{"<script>alert('x')</script>", "JVNDB-2017-001621", "S2-045_x.y-z.2017", "XXXXXXXXXX",
			"脆弱性対応ガイド企業情報システム", i18n.T(lang, "section.glossary")} {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: pdftotext does not find %q", lang, w)
			}
		}
		checkSummaryPage(t, lang, data, pageCount(t, run(t, "pdfinfo", data)))
	}
}
