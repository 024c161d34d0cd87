package plan

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/version"
)

// sampleRanges are affected ranges of the sample snapshot (data/advisories),
// copied as written, by vulnerability id and product key.
var sampleRanges = map[[2]string]string{
	{"CVE-2024-21762", "fortinet:fortios"}:    ">=6.0.0 <=6.0.17 || >=6.2.0 <=6.2.15 || >=6.4.0 <=6.4.14 || >=7.0.0 <=7.0.13 || >=7.2.0 <=7.2.6 || >=7.4.0 <=7.4.2",
	{"CVE-2023-23397", "microsoft:office"}:    "2013 || 2016 || 2019 || 2021",
	{"CVE-2024-21413", "microsoft:office"}:    "2016 || 2019",
	{"CVE-2024-4439", "wordpress:wordpress"}:  ">=6.4 <=6.4.3",
	{"CVE-2022-21661", "wordpress:wordpress"}: "<5.8.3",
	{"S2-A", "apache:struts"}:                 ">=2.0.0 <2.5.33 || >=6.0.0 <6.3.0.2",
	{"S2-B", "apache:struts"}:                 ">=2.0.0 <2.3.32 || >=2.5.0 <2.5.10.1",
}

// sampleEOL are the sample's release lines past end of life on 2026-11-30
// (data/lifecycle.yaml).
var sampleEOL = map[string][]string{
	"fortinet:fortios": {"6.0", "7.2"}, "microsoft:office": {"2016", "2019"}, "apache:struts": {"2.3", "2.5"},
}

func sampleSources() Sources {
	return Sources{
		Ranges: func(id, product string) []version.Range {
			s, ok := sampleRanges[[2]string{id, product}]
			if !ok {
				return nil
			}
			r, err := version.ParseRange(s)
			if err != nil {
				panic(err)
			}
			return []version.Range{r}
		},
		EOLLine: func(product, ver string) bool {
			v, err := version.Parse(ver)
			if err != nil {
				return false
			}
			for _, line := range sampleEOL[product] {
				if version.HasPrefixLine(v, line) {
					return true
				}
			}
			return false
		},
	}
}

func TestTargetsFromTheSample(t *testing.T) {
	vf := func(sys, prod, ver, id string) model.Finding {
		f := finding(sys, prod, ver, id)
		f.State = model.StateOpen
		return f
	}
	eol := func(sys, prod, ver string) model.Finding {
		f := vf(sys, prod, ver, "EOL-"+prod)
		f.Kind = model.KindEOL
		return f
	}
	cases := []struct {
		name     string
		fs       []model.Finding
		kind     model.ActionKind
		target   string
		after    bool
		ja, en   string
		textHas  string
		noTarget bool
	}{
		{name: "FortiOS 7.2.5: 7.2.6 is still affected (<=7.2.6) and the 7.2 line is EOL",
			fs:   []model.Finding{vf("net-fw-factory", "fortinet:fortios", "7.2.5", "CVE-2024-21762"), eol("net-fw-factory", "fortinet:fortios", "7.2.5")},
			kind: "upgrade", target: "7.4.2", after: true, ja: "7.4.2 より新しい版", en: "newer than 7.4.2"},
		{name: "FortiOS 7.2.5 without lifecycle data: newer than 7.2.6, never 7.2.6",
			fs:   []model.Finding{vf("net-fw-factory", "fortinet:fortios", "7.2.5", "CVE-2024-21762")},
			kind: "upgrade", target: "7.2.6", after: true, ja: "7.2.6 より新しい版", en: "newer than 7.2.6"},
		{name: "Office 2016: the ranges name versions, not a fix; the line is EOL: migration",
			fs: []model.Finding{vf("pc-hq", "microsoft:office", "2016", "CVE-2023-23397"), vf("pc-hq", "microsoft:office", "2016", "CVE-2024-21413"),
				eol("pc-hq", "microsoft:office", "2016")},
			kind: "replace", noTarget: true, ja: "サポート中の版へ移行", en: "a supported release", textHas: "ranges name no fixed version"},
		{name: "Office 2016 without an EOL finding: to confirm, never 2016",
			fs:   []model.Finding{vf("pc-hq", "microsoft:office", "2016", "CVE-2023-23397")},
			kind: "confirm", noTarget: true, ja: "修正版未特定 (要確認)", en: "no fixed version known (to confirm)", textHas: "check the vendor advisory"},
		{name: "WordPress 6.4.3 (<=6.4.3): newer than the installed version, not the installed version",
			fs:   []model.Finding{vf("web-corp", "wordpress:wordpress", "6.4.3", "CVE-2024-4439")},
			kind: "upgrade", target: "6.4.3", after: true, ja: "6.4.3 より新しい版", en: "newer than 6.4.3"},
		{name: "WordPress 4.9.8 (<5.8.3)",
			fs:   []model.Finding{vf("web-campaign", "wordpress:wordpress", "4.9.8", "CVE-2022-21661")},
			kind: "upgrade", target: "5.8.3", ja: "5.8.3 以降", en: "5.8.3 or later"},
		{name: "Struts 2.5.10: the highest bound of one line is inside the other advisory's range; EOL lines skipped",
			fs:   []model.Finding{vf("int-erp", "apache:struts", "2.5.10", "S2-A"), vf("int-erp", "apache:struts", "2.5.10", "S2-B")},
			kind: "upgrade", target: "6.3.0.2", ja: "6.3.0.2 以降", en: "6.3.0.2 or later"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := sampleSources()
			if strings.Contains(tc.name, "without lifecycle") {
				src.EOLLine = nil
			}
			as := Build(model.FindingSlice(tc.fs), src, nil)
			if len(as) != 1 {
				t.Fatalf("%d actions", len(as))
			}
			a := as[0]
			if a.Kind != tc.kind || a.Target != tc.target || a.TargetAfter != tc.after || a.TargetOpen != tc.noTarget {
				t.Errorf("kind %q target %q after %v open %v; want %q %q %v %v", a.Kind, a.Target, a.TargetAfter, a.TargetOpen, tc.kind, tc.target, tc.after, tc.noTarget)
			}
			if a.Target == a.Version {
				if !a.TargetAfter {
					t.Errorf("target is the installed version %s", a.Version)
				}
			}
			tt := ActionTargetText(a)
			if tt.JA != tc.ja || tt.EN != tc.en {
				t.Errorf("target text %q / %q, want %q / %q", tt.JA, tt.EN, tc.ja, tc.en)
			}
			txt := Text(a, i18n.Plain("S"), "P")
			if !strings.Contains(txt.EN, tt.EN) && a.Kind == "upgrade" {
				t.Errorf("instruction %q does not show the target %q", txt.EN, tt.EN)
			}
			if tc.textHas != "" && !strings.Contains(txt.EN, tc.textHas) {
				t.Errorf("instruction %q lacks %q", txt.EN, tc.textHas)
			}
		})
	}
}

// witness returns a concrete version for a point: the version itself, or
// one just after it ("X.0.0.0.1" sorts after X and before any release
// after X in the generic ordering).
func witness(p point) version.Version {
	if !p.after {
		return p.v
	}
	return version.MustParse(p.v.String() + ".0.0.0.1")
}

// TestTargetNeverInsideARange checks, on random ranges, that the target
// lies above the installed version and in none of the ranges (checked by
// version.Range.Contains, not by the target code), and that it is the
// lowest such version: every version between the installed one and the
// target is affected.
func TestTargetNeverInsideARange(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	ver := func() string { return fmt.Sprintf("%d.%d", rng.IntN(4), rng.IntN(5)) }
	ops := []string{"<", "<=", ">", ">=", "="}
	var grid []version.Version
	for a := range 5 {
		for b := range 6 {
			grid = append(grid, version.MustParse(fmt.Sprintf("%d.%d", a, b)), version.MustParse(fmt.Sprintf("%d.%d.5", a, b)))
		}
	}
	found, missing := 0, 0
	for iter := 0; iter < 4000; iter++ {
		inst := version.MustParse(ver())
		var fs []model.Finding
		ranges := map[string][]version.Range{}
		hasEQ := false
		for k := range 1 + rng.IntN(3) {
			var clauses []string
			for range 1 + rng.IntN(3) {
				var cl []string
				for range 1 + rng.IntN(2) {
					op := ops[rng.IntN(len(ops))]
					hasEQ = hasEQ || op == "="
					cl = append(cl, op+ver())
				}
				clauses = append(clauses, strings.Join(cl, " "))
			}
			r, err := version.ParseRange(strings.Join(clauses, " || "))
			if err != nil || !r.Contains(inst) {
				continue // only ranges that match the installed version make findings
			}
			id := fmt.Sprintf("V%d", k)
			ranges[id] = []version.Range{r}
			f := finding("s", "p:q", inst.String(), id)
			f.State = model.StateOpen
			fs = append(fs, f)
		}
		if len(fs) == 0 {
			continue
		}
		as := Build(model.FindingSlice(fs), Sources{Ranges: func(id, _ string) []version.Range { return ranges[id] }}, nil)
		a := as[0]
		if a.Target == "" {
			missing++
			if !hasEQ {
				// No target: something open-ended above covers the top of the grid.
				top := version.MustParse("99")
				covered := false
				for _, rs := range ranges {
					covered = covered || rs[0].Contains(top)
				}
				if !covered {
					t.Fatalf("no target for %s in %v although 99 is outside every range", inst, ranges)
				}
			}
			continue
		}
		found++
		p := point{v: version.MustParse(a.Target), after: a.TargetAfter}
		w := witness(p)
		if w.Compare(inst) <= 0 {
			t.Fatalf("target %+v not above installed %s", a.Target, inst)
		}
		for id, rs := range ranges {
			if rs[0].Contains(w) {
				t.Fatalf("target %s (after %v) is inside %s's range %s (installed %s)", a.Target, a.TargetAfter, id, rs[0], inst)
			}
		}
		if hasEQ {
			continue
		}
		for _, g := range grid {
			if g.Compare(inst) <= 0 || g.Compare(p.v) > 0 || g.Compare(p.v) == 0 && !p.after {
				continue
			}
			inside := false
			for _, rs := range ranges {
				inside = inside || rs[0].Contains(g)
			}
			if !inside {
				t.Fatalf("%s lies between installed %s and target %s (after %v) and is outside every range %v", g, inst, a.Target, a.TargetAfter, ranges)
			}
		}
	}
	if found < 500 || missing < 50 {
		t.Errorf("the generator covers too little: %d targets, %d without", found, missing)
	}
}
