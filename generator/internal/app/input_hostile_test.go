package app

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"vulnreport/generator/internal/source"
)

// exit is the exit code main gives an error.
func exit(err error) int {
	var ue UsageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

// inputCase is a slip in the input, as people make them, and what it
// must end in.
type inputCase struct {
	name   string
	change func(fstest.MapFS)
	// check, strict and build are the exit codes of check, build --strict
	// and build.
	check, strict, build int
	// counts are file: {read, accepted, rejected}.
	counts map[string][3]int
	// diags must each start a line of check's output, in this order.
	diags []string
	// absent must appear nowhere in check's output.
	absent []string
	// open is the number of open findings the build must show (-1: any).
	open int
}

func setFile(name, data string) func(fstest.MapFS) {
	return func(m fstest.MapFS) { m[name] = &fstest.MapFile{Data: []byte(data)} }
}

func encode(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) string {
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestInputSlips runs check, build --strict and build on the fixture with
// one slip each: exit codes, per-file counts (read = accepted + rejected)
// and the diagnostics with their positions.
func TestInputSlips(t *testing.T) {
	cases := inputSlips(t)
	baseline := analyze(t, fixture(month1), "2026-11-30").Summary.OpenTotal
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fixture(month1)
			tc.change(fsys)
			// The expected lines are the English messages.
			inEnglish(fsys)
			var out, errOut bytes.Buffer
			checkErr := Check(Options{Data: fsys}, &out, &errOut)
			if got := exit(checkErr); got != tc.check {
				t.Errorf("check exit %d, want %d (%v)\n%s", got, tc.check, checkErr, out.String())
			}
			text := out.String()
			lines := strings.Split(text, "\n")
			at := 0
			for _, d := range tc.diags {
				found := false
				for ; at < len(lines); at++ {
					if strings.HasPrefix(lines[at], d) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("check does not say (in this order) %q:\n%s", d, text)
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(text, a) {
					t.Errorf("check says %q:\n%s", a, text)
				}
			}
			for _, l := range lines {
				if strings.Contains(l, ": error: ") || strings.Contains(l, ": warning: ") {
					if !diagLine.MatchString(l) || strings.Count(strings.SplitN(l, ": ", 2)[0], ":") != 2 {
						t.Errorf("not file:line:col: severity: message: %q", l)
					}
				}
			}
			var diags source.Diagnostics
			r, snap, aerr := Analyze(Options{Data: fsys, AsOf: date("2026-11-30")}, &diags, func(string, int) {})
			for _, f := range snap.Files {
				if f.Read != f.Accepted+f.Rejected {
					t.Errorf("%s: read %d != accepted %d + rejected %d", f.Path, f.Read, f.Accepted, f.Rejected)
				}
				if want, ok := tc.counts[f.Path]; ok && [3]int{f.Read, f.Accepted, f.Rejected} != want {
					t.Errorf("%s: read/accepted/rejected %d/%d/%d, want %v", f.Path, f.Read, f.Accepted, f.Rejected, want)
				}
			}
			if aerr == nil {
				switch open := r.Summary.OpenTotal; {
				case tc.open == -2 && open != baseline:
					t.Errorf("open findings %d, want the clean fixture's %d", open, baseline)
				case tc.open >= 0 && open != tc.open:
					t.Errorf("open findings %d, want %d", open, tc.open)
				}
			}
			for _, strict := range []bool{true, false} {
				outDir := filepath.Join(t.TempDir(), "out")
				var o, e bytes.Buffer
				_, err := Build(context.Background(), Options{Data: fsys, OutDir: outDir, AsOf: date("2026-11-30"), Formats: "findings", Strict: strict}, &o, &e)
				want := tc.build
				if strict {
					want = tc.strict
				}
				if got := exit(err); got != want {
					t.Errorf("build (strict %v) exit %d, want %d: %v", strict, got, want, err)
				}
			}
		})
	}
}

// inEnglish makes English the policy's first language, so that check
// prints the diagnostics in English.
func inEnglish(fsys fstest.MapFS) {
	pol := string(fsys["policy.yaml"].Data)
	fsys["policy.yaml"] = &fstest.MapFile{Data: []byte(strings.TrimRight(pol, "\n") + "\nlanguages: [en, ja]\n")}
}

// inputSlips are the slips TestInputSlips checks; the catalogue test runs
// them again in Japanese.
func inputSlips(t *testing.T) []inputCase {
	base := fixture(month1)
	systems := string(base["systems.yaml"].Data)
	cases := []inputCase{
		{name: "excel dates in optional fields",
			change: setFile("systems.yaml", strings.Replace(strings.Replace(systems, "inventory_updated: 2026-11-01", "inventory_updated: 2026/11/1", 1),
				"last_inspection: 2026-06-01", "last_inspection: 2026/6/31", 1)),
			counts: map[string][3]int{"systems.yaml": {2, 2, 0}, "components.csv": {2, 2, 0}},
			diags:  []string{`systems.yaml:8:20: warning: field "last_inspection": "2026/6/31" is not a date: expected YYYY-MM-DD, YYYY/M/D or YYYY-M-D: the field is dropped and the record kept`},
			open:   -2},
		{name: "wrong optional fields on a system", change: setFile("systems.yaml", strings.Replace(systems, "  owner: 営業部\n", "  owner: 営業部\n  hosts: 3台\n  criticality: 最重要\n", 1)),
			counts: map[string][3]int{"systems.yaml": {2, 2, 0}, "components.csv": {2, 2, 0}},
			diags: []string{`systems.yaml:7:10: warning: field "hosts": "3台" is not a whole number of zero or more: the field is dropped and the record kept`,
				`systems.yaml:8:16: warning: field "criticality": "最重要" is not one of high, medium, low: the field is dropped and the record kept`},
			open: -2},
		{name: "stray quote", change: setFile("components.csv", "system,product,version\nweb,apache:struts,2.5.10\n\"intra,apache:httpd,2.4.1\nintra,apache:tomcat,9.0.30\n"),
			check: 1, strict: 1,
			counts: map[string][3]int{"components.csv": {3, 2, 1}},
			diags:  []string{`components.csv:3:1: error: a quoted field is not closed (a stray "?)`},
			open:   -2},
		{name: "line over 1 MiB", change: setFile("components.csv", "system,product,version\nweb,apache:struts,2.5.10\nintra,x,"+strings.Repeat("9", source.MaxLineLength)+"\nintra,apache:tomcat,9.0.30\n"),
			check: 1, strict: 1,
			counts: map[string][3]int{"components.csv": {3, 2, 1}},
			diags:  []string{`components.csv:3:1: error: line 3 is longer than 1048576 bytes`},
			open:   -2},
		{name: "repeated header", change: setFile("components.csv", "system,バージョン,バージョン\nweb,apache:struts,2.5.10\nintra,apache:tomcat,9.0.30\n"),
			check: 1, strict: 1,
			build:  1, // no component left: the snapshot-level stop
			counts: map[string][3]int{"components.csv": {2, 0, 2}},
			diags: []string{`components.csv:1:1: error: required column "product" is missing`,
				`components.csv:1:14: error: header "バージョン" in column 3 names the same field "version" as column 2`},
			open: 0},
		{name: "unknown header for a required one", change: setFile("components.csv", "system,製品名前,version\nweb,apache:struts,2.5.10\n"),
			check: 1, strict: 1,
			build:  1, // no component left: the snapshot-level stop
			counts: map[string][3]int{"components.csv": {1, 0, 1}},
			diags:  []string{`components.csv:1:1: error: required column "product" is missing (headers accepted for it: product, 製品, 製品キー): every data row of the file is rejected; the unknown column "製品名前" may be meant for it`},
			absent: []string{`is required`},
			open:   0},
		{name: "one bad byte in UTF-8", change: setFile("components.csv", "system,product,name,version\nweb,apache:struts,受注\xffアプリ,2.5.10\nintra,apache:tomcat,勤怠管理,9.0.30\n"),
			check: 1, strict: 1,
			counts: map[string][3]int{"components.csv": {2, 1, 1}},
			diags:  []string{`components.csv:2:21: error: a byte that is not valid UTF-8`},
			open:   -1},
		{name: "UTF-16 CSV", change: func(m fstest.MapFS) {
			setFile("components.csv", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), "system\tproduct\tversion\r\nweb\tapache:struts\t2.5.10\r\n"))(m)
		}, check: 1, strict: 1, build: 1,
			diags: []string{`components.csv:1:1: error: the file is UTF-16 (Excel's "Unicode Text"), which is not read: save it as "CSV UTF-8 (Comma delimited)"`}},
		{name: "CP932 YAML", change: func(m fstest.MapFS) {
			setFile("systems.yaml", encode(t, japanese.ShiftJIS.NewEncoder(), systems))(m)
		}, counts: map[string][3]int{"systems.yaml": {2, 2, 0}, "components.csv": {2, 2, 0}}, open: -2},
		{name: "YAML syntax error first", change: setFile("systems.yaml", strings.Replace(systems, "  exposure: internet", " exposure: internet", 1)),
			check: 1, strict: 1, build: 1,
			diags: []string{`systems.yaml:4:2: error: YAML syntax: did not find expected '-' indicator`,
				`systems.yaml:4:2: error: 3 records refer to systems in this file, which could not be read, and are rejected (components.csv 2, remediation.yaml 1)`},
			absent: []string{"unknown system"}},
		{name: "rejected system summarised", change: setFile("systems.yaml", strings.Replace(systems, "exposure: intranet", "exposure: 社外", 1)),
			check: 1, strict: 1,
			counts: map[string][3]int{"systems.yaml": {2, 1, 1}, "components.csv": {2, 1, 1}, "remediation.yaml": {1, 0, 1}},
			diags: []string{`systems.yaml:12:13: error: field "exposure": "社外" is not one of`,
				`systems.yaml:12:13: error: 2 records refer to rejected system "intra" and are rejected with it (components.csv 1, remediation.yaml 1)`},
			absent: []string{"unknown system"}, open: -1},
		{name: "0001-01-01 is no date", change: setFile("remediation.yaml", "- {id: R1, system: intra, product: \"openssl:openssl\", advisory: \"*\", stage: plan, action: upgrade, owner: 株式会社ABC, planned: 0001-01-01}\n"),
			check: 1, strict: 1,
			counts: map[string][3]int{"remediation.yaml": {1, 0, 1}},
			diags:  []string{`remediation.yaml:1:125: error: field "planned": "0001-01-01" is not a date: the year is before 1900`},
			open:   -1},
	}
	return cases
}
