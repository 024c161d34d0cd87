package app_test

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/source"
)

// Figure names compared across the outputs. Each names one vocabulary
// figure (i18n.Term…) or a page-one headline.
const (
	figOpen       = "open findings"
	figP1P2       = "open P1+P2"
	figOverdue    = "overdue findings"
	figOverdueSLA = "overdue findings without approved extensions"
	figExploited  = "exploited on internet-facing systems"
	figEOL        = "end-of-life in use"
	figActions    = "fix actions"
	figOverdueAct = "overdue fix actions"
	figDecisions  = "decisions for management"
	figDepts      = "departments (registered)"
	figUnowned    = "open findings on systems with no department"
	figKEVOpen    = "open findings listed in CISA KEV"
	figKEVPastDue = "open findings past the KEV due date"
)

// TestCrossOutputConsistency builds the sample snapshot and compares every
// figure that the PDF text, the dashboard, the workbook and findings.json
// each state, read back from the rendered files (never from the model):
// the same name must mean the same number everywhere.
func TestCrossOutputConsistency(t *testing.T) {
	out := t.TempDir()
	data, content := "../../../data", "../../../content"
	_, err := app.Build(context.Background(), app.Options{Data: os.DirFS(data), DataDir: data, OutDir: out,
		Content: os.DirFS(content), Today: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	stated := map[string]map[string]int{} // figure → output → value
	add := func(output string, figs map[string]int) {
		for k, v := range figs {
			if stated[k] == nil {
				stated[k] = map[string]int{}
			}
			stated[k][output] = v
		}
	}
	add("findings.json", fromFindingsJSON(t, filepath.Join(out, "findings.json")))
	siteEOL := eolBySite(t, filepath.Join(out, "index.html"))
	add("site", siteEOL)
	// The scorecards' rows less the unregistered bucket are the departments.
	depts := 0
	for fig := range siteEOL {
		if strings.HasPrefix(fig, figEOLDept) && fig != figEOLDept+i18n.T(i18n.JA, "department.none") {
			depts++
		}
	}
	add("site", map[string]int{figDepts: depts})
	add("site", fromSite(t, filepath.Join(out, "index.html")))
	xlsxs, _ := filepath.Glob(filepath.Join(out, "*.xlsx"))
	for _, x := range xlsxs {
		add(filepath.Base(x), fromWorkbook(t, x))
		add(filepath.Base(x), eolByWorkbook(t, x))
	}
	// Each headline's target and verdict read the same in every output.
	targets := map[string]map[string]string{"site": targetsBySite(t, filepath.Join(out, "index.html"))}
	if xlsxs, _ := filepath.Glob(filepath.Join(out, "*.ja.xlsx")); len(xlsxs) == 1 {
		targets["workbook"] = targetsByWorkbook(t, xlsxs[0])
	}
	if pdfs, _ := filepath.Glob(filepath.Join(out, "*.ja.pdf")); len(pdfs) == 1 {
		if txt, ok := pdfText(t, pdfs[0]); ok {
			targets["pdf"] = targetsByPDF(txt)
			add("pdf", fromPDF(t, txt))
			add("pdf", eolByPDF(t, pdfs[0], siteEOL))
			kevInBody(t, data, txt)
		}
	} else {
		t.Errorf("want one Japanese PDF, found %v", pdfs)
	}
	for _, key := range headlineKeys {
		want := targets["site"][key]
		if want == "" {
			t.Errorf("the dashboard shows no target and verdict for %s", key)
		}
		for o, got := range targets {
			if got[key] != want {
				t.Errorf("%s: target / verdict on the dashboard %q, in the %s %q", key, want, o, got[key])
			}
		}
		t.Logf("%s target / verdict: %s", key, want)
	}
	names := make([]string, 0, len(stated))
	for k := range stated {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, fig := range names {
		vals := stated[fig]
		var first string
		for out, v := range vals {
			if first == "" || out < first {
				first = out
			}
			_ = v
		}
		for out, v := range vals {
			if v != vals[first] {
				t.Errorf("%s: %s states %d, %s states %d", fig, first, vals[first], out, v)
			}
		}
		t.Logf("%s: %v", fig, vals)
	}
	// The comparison must not be vacuous: the core figures are stated by
	// at least two outputs each.
	for _, fig := range []string{figOpen, figP1P2, figOverdue, figOverdueSLA, figExploited, figActions, figDecisions, figDepts, figUnowned, figKEVOpen, figKEVPastDue} {
		if len(stated[fig]) < 2 {
			t.Errorf("%s is stated by %d output(s) %v; want at least two to compare", fig, len(stated[fig]), stated[fig])
		}
	}
	// The departments' end-of-life counts add up to the headline.
	sum := 0
	for fig, v := range siteEOL {
		if strings.HasPrefix(fig, figEOLDept) {
			if len(stated[fig]) < 3 {
				t.Errorf("%s is stated by %v; want the site, the workbooks and the PDF", fig, stated[fig])
			}
			sum += v
		}
	}
	if len(siteEOL) == 0 || sum != stated[figEOL]["site"] {
		t.Errorf("the departments' end-of-life counts %v add up to %d, the headline says %d", siteEOL, sum, stated[figEOL]["site"])
	}
}

// figEOLDept prefixes a department's end-of-life count in the scorecards.
const figEOLDept = "end-of-life in use, department "

// eolBySite reads the end-of-life column of the dashboard's scorecards.
func eolBySite(t *testing.T, path string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	start := strings.Index(page, `id="h-owners"`)
	end := strings.Index(page, `id="h-exceptions"`)
	if start < 0 || end < start {
		t.Fatal("the dashboard has no scorecards section")
	}
	head := `<th scope="col">` + html.EscapeString(i18n.T(i18n.JA, "col.eol_in_use")) + `</th>`
	sec := page[start:end]
	hi := strings.Index(sec, head)
	if hi < 0 {
		t.Fatalf("the dashboard's scorecards have no %q column", i18n.T(i18n.JA, "col.eol_in_use"))
	}
	col := strings.Count(sec[:hi], `<th scope="col">`) - 1 // among the <td>s after the row's <th>
	figs := map[string]int{}
	row := regexp.MustCompile(`<tr><th scope="row">(.*?)</th>((?:<td>.*?</td>)+)</tr>`)
	cell := regexp.MustCompile(`<td>(.*?)</td>`)
	for _, m := range row.FindAllStringSubmatch(sec, -1) {
		name := html.UnescapeString(tagRE.ReplaceAllString(m[1], ""))
		cells := cell.FindAllStringSubmatch(m[2], -1)
		if col >= len(cells) {
			t.Fatalf("scorecard row %q has %d cells", name, len(cells))
		}
		figs[figEOLDept+name] = atoi(t, cells[col][1])
	}
	return figs
}

// eolByWorkbook reads the end-of-life column of the department sheet.
func eolByWorkbook(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	figs := map[string]int{}
	for _, l := range i18n.Supported {
		rows, err := f.GetRows(i18n.T(l, "xlsx.sheet.departments"))
		if err != nil {
			continue
		}
		name, eol := -1, -1
		for _, row := range rows {
			if name < 0 {
				for i, c := range row {
					switch c {
					case i18n.T(l, "xlsx.col.department"):
						name = i
					case i18n.T(l, "col.eol_in_use"):
						eol = i
					}
				}
				if eol < 0 {
					name = -1
				}
				continue
			}
			if eol < len(row) && name < len(row) && row[name] != "" {
				// The sheet names the departments in its language; the
				// site's names are the Japanese ones, and the register's
				// department names are the same in both.
				dept := row[name]
				if dept == i18n.T(l, "department.none") {
					dept = i18n.T(i18n.JA, "department.none")
				}
				figs[figEOLDept+dept] = atoi(t, row[eol])
			}
		}
		if name < 0 {
			t.Errorf("%s: the department sheet has no %q column", filepath.Base(path), i18n.T(l, "col.eol_in_use"))
		}
	}
	return figs
}

// eolByPDF reads the end-of-life column of the Japanese PDF's scorecards:
// in the layout text each department's row is one line, its name, the
// counts P1–P4, overdue findings, overdue actions, due soon, end of life.
func eolByPDF(t *testing.T, path string, depts map[string]int) map[string]int {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	figs := map[string]int{}
	for _, line := range strings.Split(string(out), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 9 {
			continue
		}
		if _, ok := depts[figEOLDept+fields[0]]; !ok {
			continue
		}
		nums := 0
		for _, f := range fields[1:9] {
			if _, err := strconv.Atoi(strings.ReplaceAll(f, ",", "")); err == nil {
				nums++
			}
		}
		if nums == 8 {
			figs[figEOLDept+fields[0]] = atoi(t, fields[8])
		}
	}
	return figs
}

// kevInBody checks that every open exploited finding on an
// internet-facing system is named in the PDF's text, system and id.
func kevInBody(t *testing.T, data, text string) {
	t.Helper()
	var diags source.Diagnostics
	r, _, err := app.Analyze(app.Options{Data: os.DirFS(data), Today: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}, &diags, func(string, int) {})
	if err != nil {
		t.Fatal(err)
	}
	exposure := map[string]string{}
	names := map[string]string{}
	for _, s := range r.Systems {
		exposure[s.ID], names[s.ID] = s.Exposure, spaceRE.ReplaceAllString(s.Name.Get(i18n.JA), "")
	}
	n := 0
	for _, f := range r.Findings.All() {
		if !f.IsOpen() || !f.Exploited || exposure[f.System] != inventory.Internet {
			continue
		}
		n++
		if !strings.Contains(text, f.VulnID) || !strings.Contains(text, names[f.System]) {
			t.Errorf("open exploited finding %s on internet-facing %s is absent from the PDF", f.VulnID, f.System)
		}
	}
	if n == 0 {
		t.Error("the sample has no open exploited finding on an internet-facing system to look for")
	}
}

// fromFindingsJSON counts the figures findings.json states by its rows.
func fromFindingsJSON(t *testing.T, path string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct {
			Kind, Priority, State string
			Overdue, KEV          bool
		} `json:"findings"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	figs := map[string]int{figOpen: 0, figP1P2: 0, figOverdue: 0, figEOL: 0, figKEVOpen: 0}
	for _, f := range doc.Findings {
		if f.State != "open" && f.State != "mitigated" {
			continue
		}
		figs[figOpen]++
		if f.Priority == "P1" || f.Priority == "P2" {
			figs[figP1P2]++
		}
		if f.Overdue {
			figs[figOverdue]++
		}
		if f.Kind == "eol" {
			figs[figEOL]++
		}
		if f.KEV {
			figs[figKEVOpen]++
		}
	}
	return figs
}

var (
	tileRE  = regexp.MustCompile(`data-key="([a-z0-9_]+)" data-n="(\d+)"`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// headlineFig maps the dashboard's tile keys to figure names.
var headlineFig = map[string]string{"open_total": figOpen, "open_p1p2": figP1P2, "overdue": figOverdue,
	"exploited_internet": figExploited, "eol_in_use": figEOL}

// fromSite reads the dashboard's tiles and the figures its sentences state.
func fromSite(t *testing.T, path string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	figs := map[string]int{}
	for _, m := range tileRE.FindAllStringSubmatch(string(b), -1) {
		if fig, ok := headlineFig[m[1]]; ok {
			figs[fig] = atoi(t, m[2])
		}
	}
	text := spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(string(b), " ")), "")
	sentenceFigures(t, text, figs)
	return figs
}

// sentenceFigures reads the figures the Japanese sentences and leads
// state (whitespace removed), shared by the PDF and the site.
func sentenceFigures(t *testing.T, text string, figs map[string]int) {
	t.Helper()
	for fig, re := range map[string]*regexp.Regexp{
		figOpen:       regexp.MustCompile(`時点の未対応の指摘は([\d,]+)件`),
		figOverdue:    regexp.MustCompile(`期限超過の指摘は([\d,]+)件`),
		figOverdueSLA: regexp.MustCompile(`認めなければ([\d,]+)件`),
		figExploited:  regexp.MustCompile(`インターネット公開システムの悪用済み脆弱性が([\d,]+)件`),
		figActions:    regexp.MustCompile(`対策数([\d,]+)件のうち`),
		figDecisions:  regexp.MustCompile(`経営層の判断事項が([\d,]+)件`),
	} {
		if m := re.FindStringSubmatch(text); m != nil {
			figs[fig] = atoi(t, m[1])
		}
	}
	// The KEV figures: page one's strip and the dashboard's KEV box.
	for fig, re := range map[string]*regexp.Regexp{
		figKEVOpen:    regexp.MustCompile(`うちCISAKEV掲載(?:の)?([\d,]+)`),
		figKEVPastDue: regexp.MustCompile(`(?:KEVの対応期限超過|KEV対応期限の超過)([\d,]+)件`),
	} {
		if m := re.FindStringSubmatch(text); m != nil {
			figs[fig] = atoi(t, m[1])
		}
	}
	if m := regexp.MustCompile(`所管部署未登録のシステムの未対応の指摘([\d,]+)件`).FindStringSubmatch(text); m != nil {
		figs[figUnowned] = atoi(t, m[1])
	}
	if m := regexp.MustCompile(`直ちに対応\(P1\)([\d,]+)件・優先対応\(P2\)([\d,]+)件`).FindStringSubmatch(text); m != nil {
		figs[figP1P2] = atoi(t, m[1]) + atoi(t, m[2])
	}
}

// pdfText extracts the Japanese PDF's text with pdftotext, skipping when
// it is missing unless VULNREPORT_PDF=required.
func pdfText(t *testing.T, path string) (string, bool) {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("VULNREPORT_PDF") == "required" {
			t.Fatal("pdftotext is required (VULNREPORT_PDF=required) but not installed: apt-get install poppler-utils")
		}
		t.Log("pdftotext not installed (apt-get install poppler-utils): the PDF's figures are not compared")
		return "", false
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return spaceRE.ReplaceAllString(string(out), ""), true
}

// fromPDF reads the figures the PDF's text states.
func fromPDF(t *testing.T, text string) map[string]int {
	t.Helper()
	figs := map[string]int{}
	sentenceFigures(t, text, figs)
	if m := regexp.MustCompile(`期限超過の対策\(([\d,]+)件\)`).FindStringSubmatch(text); m != nil {
		figs[figOverdueAct] = atoi(t, m[1])
	}
	// §5's lead states the KEV figures as page one does.
	if m := regexp.MustCompile(`CISAKEV掲載の([\d,]+)件のうちKEVの対応期限超過は([\d,]+)件`).FindStringSubmatch(text); m == nil {
		t.Error("PDF: §5's lead states no KEV open count and past-due count")
	} else if atoi(t, m[1]) != figs[figKEVOpen] || atoi(t, m[2]) != figs[figKEVPastDue] {
		t.Errorf("PDF: §5 states KEV %s open, %s past due; page one %d and %d", m[1], m[2], figs[figKEVOpen], figs[figKEVPastDue])
	}
	// §9 counts departments; §10 those with open fix actions, never more
	// (systems with no registered department are no department).
	if m := regexp.MustCompile(`所管部署([\d,]+)部署の状況`).FindStringSubmatch(text); m != nil {
		figs[figDepts] = atoi(t, m[1])
		if p := regexp.MustCompile(`所管部署\(([\d,]+)部署\)ごと`).FindStringSubmatch(text); p == nil || atoi(t, p[1]) > figs[figDepts] {
			t.Errorf("PDF: §10 counts departments %v, more than §9's %d", p, figs[figDepts])
		}
	}
	if m := regexp.MustCompile(`経営層の判断事項\(([\d,]+)件\)`).FindStringSubmatch(text); m != nil {
		if v, ok := figs[figDecisions]; ok && v != atoi(t, m[1]) {
			t.Errorf("PDF: decisions %d in the sentence, %s in the table title", v, m[1])
		}
		figs[figDecisions] = atoi(t, m[1])
	}
	return figs
}

// fromWorkbook reads every figure the workbook labels with a vocabulary
// name: a cell equal to the name, then the first number to its right.
func fromWorkbook(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	labels := map[string]string{}
	for term, fig := range map[string]string{i18n.TermOpenFindings: figOpen, i18n.TermOverdueFindings: figOverdue,
		i18n.TermOverdueSLA: figOverdueSLA, i18n.TermExploitedInternet: figExploited, i18n.TermFixActions: figActions,
		i18n.TermOverdueActions: figOverdueAct, i18n.TermDecisions: figDecisions} {
		for _, l := range i18n.Supported {
			labels[i18n.T(l, term)] = fig
		}
	}
	figs := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for i, c := range row {
				fig, ok := labels[strings.TrimSpace(c)]
				if !ok {
					continue
				}
				for _, v := range row[i+1:] {
					if n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(v), ",", "")); err == nil {
						if old, seen := figs[fig]; seen && old != n {
							t.Errorf("%s: sheet %s states %s as %d and %d", filepath.Base(path), sheet, fig, old, n)
						}
						figs[fig] = n
						break
					}
				}
			}
		}
	}
	return figs
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

// headlineKeys are the page-one figures in the order every output shows them.
var headlineKeys = []string{"open_p1p2", "overdue", "exploited_internet", "eol_in_use", "open_total", "sla_rate"}

// normTarget reduces a printed target to what it says: "目標 0 件" (PDF),
// "0" (dashboard, workbook) → "0"; "目標 90% 以上", "90%" → "90";
// "目標 前月以下", "前月以下" → "前月以下".
func normTarget(s string) string {
	s = spaceRE.ReplaceAllString(s, "")
	s = strings.TrimPrefix(s, i18n.T(i18n.JA, "col.target_value"))
	s = strings.TrimSuffix(s, "件")
	s = strings.TrimSuffix(s, "以上")
	return strings.TrimSuffix(s, "%")
}

// normVerdict keeps the verdict's words: "✗ 未達" → "未達".
func normVerdict(s string) string {
	return strings.Trim(spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(s, "")), ""), "✓✗▲")
}

// targetsBySite reads each dashboard tile's target and verdict.
func targetsBySite(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?s)data-key="([a-z0-9_]+)" data-n="\d+">.*?<dd>([^<]*)</dd>\s*<dt>[^<]*</dt><dd class="verdict">(.*?)</dd>`)
	out := map[string]string{}
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		out[m[1]] = normTarget(html.UnescapeString(m[2])) + " / " + normVerdict(m[3])
	}
	return out
}

// targetsByWorkbook reads the summary sheet's target and met columns.
func targetsByWorkbook(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	labels := map[string]string{}
	for key, msg := range map[string]string{"open_p1p2": "headline.p1p2", "overdue": i18n.TermOverdueFindings,
		"exploited_internet": i18n.TermExploitedInternet, "eol_in_use": "headline.eol", "open_total": i18n.TermOpenFindings,
		"sla_rate": "headline.sla_rate"} {
		labels[i18n.T(i18n.JA, msg)] = key
	}
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, row := range rows {
		if len(row) < 6 {
			continue
		}
		if key, ok := labels[strings.TrimSpace(row[0])]; ok {
			if _, seen := out[key]; !seen {
				out[key] = normTarget(row[4]) + " / " + normVerdict(row[5])
			}
		}
	}
	return out
}

// targetsByPDF reads the page-one tiles' target and verdict lines, in the
// order of headlineKeys (whitespace removed by pdfText).
func targetsByPDF(text string) map[string]string {
	verdicts := strings.Join([]string{regexp.QuoteMeta(i18n.T(i18n.JA, "met")), regexp.QuoteMeta(i18n.T(i18n.JA, "not_met")),
		regexp.QuoteMeta(i18n.T(i18n.JA, "pdf.needs_review")), "—"}, "|")
	re := regexp.MustCompile(`(?:前月[\d,]+%?\([^)]*\)|` + regexp.QuoteMeta(spaceRE.ReplaceAllString(i18n.T(i18n.JA, "pdf.tile.no_prev"), "")) +
		`)(目標.+?)(` + verdicts + `)`)
	out := map[string]string{}
	for i, m := range re.FindAllStringSubmatch(text, len(headlineKeys)) {
		out[headlineKeys[i]] = normTarget(m[1]) + " / " + m[2]
	}
	return out
}

// particleRE finds a half-width space between Japanese text and a
// particle ("採用サイト の WordPress"): the space belongs between Japanese
// and Latin text or numbers, never before a particle after a name.
var particleRE = regexp.MustCompile(`([\p{Han}\p{Katakana}\p{Hiragana}ー）」]+) [のをがにはでとへも][ \p{Han}\p{Hiragana}\p{Katakana}]`)

// TestJapaneseParticles builds the sample and reads the dashboard, the
// plan and the systems pages for a space before a particle.
func TestJapaneseParticles(t *testing.T) {
	out := t.TempDir()
	data, content := "../../../data", "../../../content"
	_, err := app.Build(context.Background(), app.Options{Data: os.DirFS(data), DataDir: data, OutDir: out,
		Content: os.DirFS(content), Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "systems", "*.html"))
	pages = append(pages, filepath.Join(out, "index.html"), filepath.Join(out, "plan.html"))
	unknown := i18n.T(i18n.JA, "lifecycle.unknown") // a version, not a name
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range particleRE.FindAllStringSubmatch(html.UnescapeString(tagRE.ReplaceAllString(string(b), "")), 5) {
			if !strings.HasSuffix(m[1], unknown) {
				t.Errorf("%s: a space before a particle in %q", filepath.Base(p), m[0])
			}
		}
	}
}
