package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestUsageErrors runs every kind of usage mistake through run: each exits
// 2, says what was wrong and prints the usage, and writes nothing.
func TestUsageErrors(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "out")
	missing := filepath.Join(tmp, "no-such-folder")
	cases := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no command", nil, "usage:"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"build", "--data", sampleData, "--out", out, "--bogus"}, "flag provided but not defined: -bogus"},
		{"unknown check flag", []string{"check", "--strict"}, "flag provided but not defined: -strict"},
		{"stray argument", []string{"check", "--data", sampleData, "extra"}, `unexpected argument "extra"`},
		{"impossible as-of", []string{"build", "--data", sampleData, "--out", out, "--as-of", "2026-02-30"}, "--as-of"},
		{"as-of month 13", []string{"build", "--data", sampleData, "--out", out, "--as-of", "2026-13-01"}, "--as-of"},
		{"as-of words", []string{"build", "--data", sampleData, "--out", out, "--as-of", "yesterday"}, "--as-of"},
		{"as-of year 1", []string{"build", "--data", sampleData, "--out", out, "--as-of", "0001-01-01"}, "--as-of"},
		{"as-of slashes half", []string{"build", "--data", sampleData, "--out", out, "--as-of", "2026/11-30"}, "--as-of"},
		{"lang fr", []string{"build", "--data", sampleData, "--out", out, "--lang", "fr"}, `--lang: "fr" is not ja or en`},
		{"lang list with fr", []string{"build", "--data", sampleData, "--out", out, "--lang", "ja,fr"}, "--lang"},
		{"formats bogus", []string{"build", "--data", sampleData, "--out", out, "--formats", "bogus"}, `unknown format "bogus"`},
		{"formats one bogus", []string{"build", "--data", sampleData, "--out", out, "--formats", "findings,docx"}, `unknown format "docx"`},
		{"build missing data", []string{"build", "--data", missing, "--out", out}, "--data: " + missing + " is not a folder"},
		{"build data is a file", []string{"build", "--data", filepath.Join(sampleData, "policy.yaml"), "--out", out}, "is not a folder"},
		{"build missing templates", []string{"build", "--data", sampleData, "--out", out, "--templates", missing}, "--templates"},
		{"check missing data", []string{"check", "--data", missing}, "--data"},
		{"verify no argument", []string{"verify"}, "verify takes one folder or .zip"},
		{"verify two arguments", []string{"verify", out, out}, "verify takes one folder or .zip"},
		{"init no argument", []string{"init"}, "init takes one folder"},
		{"init two arguments", []string{"init", out, out}, "init takes one folder"},
		{"build help", []string{"build", "-h"}, "usage:"},
		{"import-plan", []string{"import-plan", "plan.xlsx"}, "import-plan"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr does not say %q:\n%s", tc.want, stderr)
			}
			if !strings.Contains(stderr, "usage:\n  vulnreport build") {
				t.Errorf("stderr has no usage:\n%s", stderr)
			}
			if stdout != "" {
				t.Errorf("a usage error printed to stdout:\n%s", stdout)
			}
			if _, err := os.Stat(out); err == nil {
				t.Fatalf("a usage error wrote %s", out)
			}
		})
	}
	if got, _ := os.ReadDir(tmp); len(got) != 0 {
		t.Errorf("usage errors left files: %v", got)
	}
}

func TestHelpAndVersion(t *testing.T) {
	stdout, _ := mustCLI(t, 0, "help")
	if !strings.HasPrefix(stdout, "usage:") {
		t.Errorf("help: %q", stdout)
	}
	stdout, _ = mustCLI(t, 0, "version")
	if !regexp.MustCompile(`^vulnreport \S+\n$`).MatchString(stdout) {
		t.Errorf("version: %q", stdout)
	}
}

// diagLine is the contract's format for one diagnostic; plainDiagLine
// is a diagnostic about a whole file.
var (
	diagLine      = regexp.MustCompile(`^[^:\s]+:\d+(:\d+)?: (error|warning): \S`)
	plainDiagLine = regexp.MustCompile(`^[^:\s]+: (error|warning): \S`)
)

// TestCheckSample checks the sample snapshot: exit 0, per-file counts that
// reconcile and no errors.
func TestCheckSample(t *testing.T) {
	stdout, stderr := mustCLI(t, 0, "check", "--data", sampleData)
	if stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}
	if !regexp.MustCompile(`\n(0 errors, \d+ warnings|エラー 0 件、警告 \d+ 件)\n`).MatchString(stdout) {
		t.Errorf("the sample has errors:\n%s", stdout)
	}
	if _, _, rejected := checkCounts(t, stdout); rejected != 0 {
		t.Errorf("the sample has %d rejected records", rejected)
	}
	for _, l := range strings.Split(strings.SplitN(stdout, "\n\n", 2)[0], "\n") {
		if l != "" && !diagLine.MatchString(l) && !plainDiagLine.MatchString(l) {
			t.Errorf("not a diagnostic line: %q", l)
		}
	}
}

// checkCounts checks every per-file line and the total of check's table:
// read = accepted + rejected.
func checkCounts(t *testing.T, stdout string) (read, accepted, rejected int) {
	t.Helper()
	row := regexp.MustCompile(`^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)$`)
	var sum [3]int
	seenTotal := false
	for _, l := range strings.Split(stdout, "\n") {
		m := row.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		var n [3]int
		for i := range n {
			n[i] = atoi(m[i+2])
		}
		if n[0] != n[1]+n[2] {
			t.Errorf("counts do not reconcile: %s", l)
		}
		if m[1] == "total" || m[1] == "合計" {
			seenTotal = true
			if n != sum {
				t.Errorf("total %v, the files sum to %v", n, sum)
			}
			return n[0], n[1], n[2]
		}
		for i := range n {
			sum[i] += n[i]
		}
	}
	if !seenTotal {
		t.Errorf("no total line:\n%s", stdout)
	}
	return
}

// atoi reads a count as the summary writes it, with thousands separators.
func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c == ',' {
			continue
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// TestCheckPlantedErrors plants errors in a copy of the sample: check
// exits 1 and reports each as file:line:col: error: message.
func TestCheckPlantedErrors(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	copyDir(t, sampleData, data)
	_, before, _ := cli(t, "check", "--data", data)
	_, _, baseline := checkCounts(t, before)
	appendFile(t, filepath.Join(data, "systems.yaml"), "\n- id: ../evil\n  name: x\n  category: website\n  exposure: internet\n  owner: IT\n  inventory_updated: 2026-02-30\n")
	// components.csv is CP932: an ASCII row is the same bytes in it
	appendFile(t, filepath.Join(data, "components.csv"), "web-corp,nginx:nginx,nginx,1.24.0,many,,2026-13-01,,\r\nweb-corp,\"nginx:nginx,1\r\n")
	code, stdout, stderr := cli(t, "check", "--data", data)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "件のレコードを不採用にしました") { // the sample policy is Japanese first
		t.Errorf("stderr does not say records were rejected: %q", stderr)
	}
	diags := strings.Split(strings.SplitN(stdout, "\n\n", 2)[0], "\n")
	for _, l := range diags {
		if !diagLine.MatchString(l) {
			t.Errorf("not file:line:col: severity: message: %q", l)
		}
	}
	for _, want := range []*regexp.Regexp{
		// the sample policy is Japanese first: the messages are in
		// Japanese, positions, field names and values as in the file
		regexp.MustCompile(`(?m)^systems\.yaml:\d+:\d+: error: 項目 "id": "\.\./evil" は ID として使えません`),
		// wrong optional fields of a system or component are dropped with
		// a warning, the record kept
		regexp.MustCompile(`(?m)^systems\.yaml:\d+:\d+: warning: 項目 "inventory_updated": "2026-02-30" は日付として読めません.*\(この項目は使わず、レコードは採用します\)$`),
		regexp.MustCompile(`(?m)^components\.csv:\d+:\d+: warning: 項目 "hosts": "many"`),
		regexp.MustCompile(`(?m)^components\.csv:\d+:\d+: warning: 項目 "installed": "2026-13-01" は日付として読めません`),
		regexp.MustCompile(`(?m)^components\.csv:\d+:\d+: error: 引用符で始めた値が閉じていません`),
	} {
		if !want.MatchString(stdout) {
			t.Errorf("no line matching %s in:\n%s", want, stdout)
		}
	}
	if _, _, rejected := checkCounts(t, stdout); rejected != baseline+2 {
		t.Errorf("%d rejected, want %d + 2 (one system, the component row with the stray quote)", rejected, baseline)
	}
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// TestBuildSample builds the sample: exit 0, the five-line summary, a
// folder that verify accepts.
func TestBuildSample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	stdout, stderr := mustCLI(t, 0, buildArgs(out)...)
	// not a terminal: no progress, only diagnostics (none when the sample is clean)
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if l != "" && !diagLine.MatchString(l) && !plainDiagLine.MatchString(l) {
			t.Errorf("stderr line is not a diagnostic: %q", l)
		}
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	want := []*regexp.Regexp{
		// the policy's first language is Japanese
		regexp.MustCompile(`^.+: .+ \(` + asOf + ` 時点\)$`),
		regexp.MustCompile(`^未対応の指摘事項: \d[\d,]* 件 \(P1 \d[\d,]*・P2 \d[\d,]*・P3 \d[\d,]*・P4 \d[\d,]*\)、期限超過 \d[\d,]* 件、インターネットに公開したシステムで悪用が確認されたもの \d[\d,]* 件$`),
		regexp.MustCompile(`^対策: \d[\d,]* 件、要確認: \d[\d,]* 件、サポート終了のソフトウェア: \d[\d,]* 件、経営層の判断事項: \d[\d,]* 件$`),
		regexp.MustCompile(`^レコード: 読込 (\d[\d,]*) = 採用 (\d[\d,]*) \+ 不採用 (\d[\d,]*)、エラー \d[\d,]* 件、警告 \d[\d,]* 件$`),
		regexp.MustCompile(`^\d[\d,]* 個のファイルを ` + regexp.QuoteMeta(out) + ` に出力しました$`),
	}
	if len(lines) != len(want) {
		t.Fatalf("summary has %d lines, want 5:\n%s", len(lines), stdout)
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("summary line %d = %q, want %s", i+1, lines[i], re)
		}
	}
	if m := want[3].FindStringSubmatch(lines[3]); m != nil && atoi(m[1]) != atoi(m[2])+atoi(m[3]) {
		t.Errorf("records do not reconcile: %s", lines[3])
	}
	files := tree(t, out)
	for _, name := range []string{"manifest.json", "findings.json", "findings.csv", "evidence-" + asOf + ".zip"} {
		if _, ok := files[name]; !ok {
			t.Errorf("the build wrote no %s (files: %v)", name, keys(files))
		}
	}
	if n := regexp.MustCompile(`^(\d[\d,]*) 個のファイル`).FindStringSubmatch(lines[4]); n == nil || atoi(n[1]) != len(files) {
		t.Errorf("summary says %q, the folder holds %d files", lines[4], len(files))
	}
	stdout, _ = mustCLI(t, 0, "verify", out)
	if !strings.Contains(stdout, "ok: ") {
		t.Errorf("verify: %s", stdout)
	}
	if l := leftovers(t, out); len(l) != 0 {
		t.Errorf("temporary folders left beside the output: %v", l)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestBuildInvalidPolicyKeepsPrevious builds once, breaks the policy and
// builds again into the same folder: exit 1 naming policy.yaml, and the
// previous output exactly as it was.
func TestBuildInvalidPolicyKeepsPrevious(t *testing.T) {
	tmp := t.TempDir()
	data, out := filepath.Join(tmp, "data"), filepath.Join(tmp, "out")
	copyDir(t, sampleData, data)
	args := []string{"build", "--data", data, "--content", sampleText, "--out", out, "--as-of", asOf, "--formats", "all", "--package"}
	mustCLI(t, 0, args...)
	before := tree(t, out)

	for name, policy := range map[string]string{
		"sla zero":        "organization: x\nsla_days: {P1: 0}\n",
		"language":        "organization: x\nlanguages: [fr]\n",
		"not a map":       "- just\n- a list\n",
		"broken yaml":     "organization: {ja: x\n",
		"impossible date": "organization: x\nas_of: 2026-02-30\n",
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(data, "policy.yaml"), []byte(policy), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := cli(t, args...)
			if code != 1 {
				t.Fatalf("exit %d, want 1\n%s\n%s", code, stdout, stderr)
			}
			if !strings.Contains(stderr, "vulnreport: ビルドを中止しました") && !strings.Contains(stderr, "vulnreport: the build stopped") || !strings.Contains(stderr, "policy.yaml") {
				t.Errorf("stderr does not say why:\n%s", stderr)
			}
			if d := treeDiff(before, tree(t, out)); d != "" {
				t.Errorf("the previous output changed:\n%s", d)
			}
			mustCLI(t, 0, "verify", out)
			if l := leftovers(t, out); len(l) != 0 {
				t.Errorf("temporary folders left beside the output: %v", l)
			}
		})
	}
}

// knownInitWarnings are diagnostics that check gives on init's own files
// because of known bugs elsewhere; each goes when its bug is fixed.
var knownInitWarnings = []string{}

// TestInit writes an empty snapshot, refuses to overwrite it, and checks
// that what it wrote passes check with no records and builds.
func TestInit(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "snap")
	stdout, _ := mustCLI(t, 0, "init", dir)
	files := tree(t, dir)
	for _, name := range []string{"policy.yaml", "systems.csv", "components.csv", "products.csv", "lifecycle.csv",
		"remediation.csv", "notifications.csv", "changes.csv", "advisories/advisories.csv", "feeds/README.txt", "sbom/README.txt"} {
		b, ok := files[name]
		if !ok {
			t.Errorf("init wrote no %s", name)
			continue
		}
		if !strings.Contains(stdout, filepath.Join(dir, filepath.FromSlash(name))) {
			t.Errorf("init did not say it wrote %s", name)
		}
		if strings.HasSuffix(name, ".csv") && (!strings.HasSuffix(string(b), "\r\n") || strings.Count(string(b), "\n") != 1) {
			t.Errorf("%s is not one header row: %q", name, b)
		}
	}
	if !strings.Contains(stdout, "next: ") {
		t.Errorf("init does not say what to do next:\n%s", stdout)
	}

	// check: no records but the policy, and the one error that an empty
	// systems file stops a build (a report on no systems would be all
	// green); build stops for it and writes nothing
	stdout, stderr := mustCLI(t, 1, "check", "--data", dir)
	if r, a, x := checkCounts(t, stdout); r != 1 || a != 1 || x != 0 {
		t.Errorf("init's snapshot has %d records read, %d accepted, %d rejected; want only the policy", r, a, x)
	}
	if !regexp.MustCompile(`(?m)^policy\.yaml +1 +1 +0$`).MatchString(stdout) {
		t.Errorf("policy.yaml not read as one record:\n%s", stdout)
	}
	const empty = "systems.csv:1:1: error: システムが 1 件もありません。システムのないレポートには指摘事項が現れません"
	diags := stdout
	if i := strings.Index(diags, "\nファイル "); i >= 0 {
		diags = diags[:i]
	}
	if i := strings.Index(diags, "\nfile "); i >= 0 {
		diags = diags[:i]
	}
	for _, l := range strings.Split(diags, "\n") {
		if l != "" && l != empty && !slices.Contains(knownInitWarnings, l) {
			t.Errorf("init's snapshot has a diagnostic: %s", l)
		}
	}
	if !strings.Contains(diags, empty) {
		t.Errorf("check does not say the empty systems file stops the build:\n%s%s", stdout, stderr)
	}
	if !regexp.MustCompile(`\n(1 errors, \d+ warnings|エラー 1 件、警告 \d+ 件)\n`).MatchString(stdout) {
		t.Errorf("init's snapshot has other errors:\n%s", stdout)
	}
	out := filepath.Join(tmp, "out")
	buildInit := func(code int) {
		t.Helper()
		mustCLI(t, code, "build", "--data", dir, "--out", out, "--content", filepath.Join(tmp, "none"), "--as-of", asOf, "--formats", "all")
	}
	buildInit(1)
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a build that stopped wrote %s", out)
	}
	// with one system and its software, init's snapshot checks clean and builds
	for name, data := range map[string]string{
		"systems.csv":    "id,name,category,exposure,owner\r\nweb,Web,website,internet,IT\r\n",
		"components.csv": "system,product,version\r\nweb,apache:struts,2.5.10\r\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, _ = mustCLI(t, 0, "check", "--data", dir)
	if !regexp.MustCompile(`\n(0 errors, \d+ warnings|エラー 0 件、警告 \d+ 件)\n`).MatchString(stdout) {
		t.Errorf("init's snapshot with one system has errors:\n%s", stdout)
	}
	buildInit(0)
	mustCLI(t, 0, "verify", out)

	// init again: refused, nothing overwritten
	policy := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(policy, []byte("organization: edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "changes.csv")); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dir)
	code, stdout, stderr := cli(t, "init", dir)
	if code != 1 {
		t.Fatalf("second init: exit %d, want 1\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "already exists: not overwritten") {
		t.Errorf("second init: %s", stderr)
	}
	if d := treeDiff(before, tree(t, dir)); d != "" {
		t.Errorf("second init changed the folder (it must write nothing when any file exists):\n%s", d)
	}
}

// TestBuildStrict: --strict exits 1 when records were rejected, before
// publishing: the previous output stays as it was.
func TestBuildStrict(t *testing.T) {
	tmp := t.TempDir()
	data, out := filepath.Join(tmp, "data"), filepath.Join(tmp, "out")
	copyDir(t, smallData, data)
	args := []string{"build", "--data", data, "--out", out, "--as-of", asOf, "--formats", "findings"}
	mustCLI(t, 0, append(args, "--strict")...)
	before := tree(t, out)
	// a component without its required version
	appendFile(t, filepath.Join(data, "components.csv"), "web,nginx:nginx,nginx,,1,,,\r\n")
	code, stdout, stderr := cli(t, append(args, "--strict")...)
	if code != 1 || !strings.Contains(stderr, "--strict: 1 records were rejected") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !regexp.MustCompile(`(?m)^components\.csv:\d+:\d+: error: 項目 "version": 必須です$`).MatchString(stderr) {
		t.Errorf("the rejected record is not reported:\n%s", stderr)
	}
	if d := treeDiff(before, tree(t, out)); d != "" {
		t.Errorf("--strict published over the previous output:\n%s", d)
	}
	// without --strict the same snapshot builds
	stdout, _ = mustCLI(t, 0, args...)
	if !strings.Contains(stdout, "不採用 1、") {
		t.Errorf("summary: %s", stdout)
	}
	mustCLI(t, 0, "verify", out)
}
