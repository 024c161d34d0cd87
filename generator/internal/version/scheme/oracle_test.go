package scheme

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/semver"
)

// Differential tests: every vector runs through this package and through
// the ecosystem's own tool. The tools are found on the machine; a test
// whose tool is missing skips with a message, unless
// VULNREPORT_ORACLES=required (set by .ci/run), when it fails.

// debianPython is the Debian python that has python3-rpm and
// python3-packaging; the python3 on PATH may be another one.
const debianPython = "/usr/bin/python3"

// needOracle skips or fails when a tool is unavailable.
func needOracle(t *testing.T, what string, err error) {
	t.Helper()
	msg := fmt.Sprintf("oracle %s unavailable: %v (.ci/run installs it: dpkg, python3-rpm, python3-packaging, default-jre-headless, libmaven3-core-java)", what, err)
	if os.Getenv("VULNREPORT_ORACLES") == "required" {
		t.Fatal(msg + "; VULNREPORT_ORACLES=required")
	}
	t.Skip(msg)
}

// combos returns every concatenation heads[i]+mids[j]+tails[k].
func combos(heads, mids, tails []string) []string {
	var out []string
	for _, h := range heads {
		for _, m := range mids {
			for _, tl := range tails {
				out = append(out, h+m+tl)
			}
		}
	}
	return out
}

// pool parses candidates in s, drops those it rejects and duplicates,
// and returns them sorted by s.
func pool(t *testing.T, s Scheme, cands []string) []Version {
	t.Helper()
	seen := map[string]bool{}
	var vs []Version
	for _, c := range cands {
		if seen[c] {
			continue
		}
		seen[c] = true
		if v, err := s.Parse(c); err == nil {
			vs = append(vs, v)
		}
	}
	slices.SortStableFunc(vs, func(a, b Version) int { return a.Compare(b) })
	return vs
}

// vectorVersions returns every version named in published vector files.
func vectorVersions(t *testing.T, files ...string) []string {
	t.Helper()
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, ".order") {
			out = append(out, readOrder(t, f)...)
			continue
		}
		for _, p := range readPairs(t, f) {
			out = append(out, p.a, p.b)
		}
	}
	return out
}

// runPython runs a script under the Debian python with one line per
// pair on stdin ("a\tb") and returns its output lines as ints.
func runPython(t *testing.T, module, script string, pairs [][2]string) []int {
	t.Helper()
	if _, err := os.Stat(debianPython); err != nil {
		needOracle(t, module, err)
	}
	if out, err := exec.Command(debianPython, "-c", "import "+module).CombinedOutput(); err != nil {
		needOracle(t, module, fmt.Errorf("%v: %s", err, bytes.TrimSpace(out)))
	}
	var in strings.Builder
	for _, p := range pairs {
		in.WriteString(p[0] + "\t" + p[1] + "\n")
	}
	cmd := exec.Command(debianPython, "-c", script)
	cmd.Stdin = strings.NewReader(in.String())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s oracle failed: %v\n%s", module, err, stderr.String())
	}
	var res []int
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		n, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
		if err != nil {
			t.Fatalf("%s oracle printed %q", module, sc.Text())
		}
		res = append(res, n)
	}
	if len(res) != len(pairs) {
		t.Fatalf("%s oracle answered %d of %d pairs", module, len(res), len(pairs))
	}
	return res
}

// allPairs returns every ordered pair of distinct positions of vs.
func allPairs(vs []Version) [][2]string {
	var ps [][2]string
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			ps = append(ps, [2]string{vs[i].String(), vs[j].String()})
		}
	}
	return ps
}

// compareWithOracle checks our result on each pair against the oracle's.
func compareWithOracle(t *testing.T, s Scheme, oracle string, pairs [][2]string, got []int) {
	t.Helper()
	bad := 0
	for i, p := range pairs {
		a, _ := s.Parse(p[0])
		b, _ := s.Parse(p[1])
		if ours := a.Compare(b); ours != sign(got[i]) {
			bad++
			if bad <= 20 {
				t.Errorf("%s: Compare(%q, %q) = %d, %s says %d", s.Name(), p[0], p[1], ours, oracle, sign(got[i]))
			}
		}
	}
	t.Logf("%s: %d pairs compared with %s, %d disagreements", s.Name(), len(pairs), oracle, bad)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// debCandidates are Debian versions: the apt vectors and real package
// versions (xz, samba, openssl security updates, backports).
func debCandidates(t *testing.T) []string {
	c := vectorVersions(t, "apt-versions.pairs")
	c = append(c, combos(
		[]string{"", "1:", "2:"},
		[]string{"5.6.1", "5.6.1+really5.4.5", "5.4.1", "5.6.0", "4.15.5~dfsg", "4.15.5", "1.1.1n", "1.1.1w", "3.0.11", "2.36.1", "1.0~rc1", "1.0~~", "1.0+dfsg"},
		[]string{"", "-1", "-0.2", "-0ubuntu5", "-0ubuntu5.1", "-1+deb12u1", "-1+deb12u3", "-1~bpo11+1", "-1.1", "-0+deb11u5", "-1build1"},
	)...)
	return c
}

func TestOracleDpkg(t *testing.T) {
	dpkg, err := exec.LookPath("dpkg")
	if err != nil {
		needOracle(t, "dpkg", err)
	}
	s := MustLookup("deb")
	vs := pool(t, s, debCandidates(t))
	// Neighbours in our order, plus the published pairs: when dpkg agrees
	// on every neighbour, its order (total) is ours on every pair. dpkg
	// takes one pair per process; one shell runs them all.
	var pairs [][2]string
	var want []int
	for i := 1; i < len(vs); i++ {
		pairs = append(pairs, [2]string{vs[i-1].String(), vs[i].String()})
		want = append(want, vs[i-1].Compare(vs[i]))
	}
	for _, p := range readPairs(t, "apt-versions.pairs") {
		pairs = append(pairs, [2]string{p.a, p.b})
		a, _ := s.Parse(p.a)
		b, _ := s.Parse(p.b)
		want = append(want, a.Compare(b))
	}
	var script strings.Builder
	for i, p := range pairs {
		op := map[int]string{-1: "lt", 0: "eq", 1: "gt"}[want[i]]
		fmt.Fprintf(&script, "%s --compare-versions '%s' %s '%s' 2>/dev/null && echo 1 || echo 0\n", dpkg, p[0], op, p[1])
	}
	out, err := exec.Command("sh", "-c", script.String()).Output()
	if err != nil {
		t.Fatalf("running dpkg: %v", err)
	}
	lines := strings.Fields(string(out))
	if len(lines) != len(pairs) {
		t.Fatalf("dpkg answered %d of %d pairs", len(lines), len(pairs))
	}
	bad := 0
	for i, l := range lines {
		if l != "1" {
			bad++
			t.Errorf("deb: we say Compare(%q, %q) = %d; dpkg --compare-versions disagrees", pairs[i][0], pairs[i][1], want[i])
		}
	}
	t.Logf("deb: %d versions, %d pairs checked with dpkg --compare-versions, %d disagreements", len(vs), len(pairs), bad)
}

// rpmCandidates are RPM EVRs: rpmvercmp.at versions with and without
// releases, and real releases (RHEL, Fedora, modular, Oracle Linux).
func rpmCandidates(t *testing.T) []string {
	c := vectorVersions(t, "rpmvercmp.pairs")
	c = append(c, combos(
		[]string{"", "1:"},
		[]string{"1.0", "1.0~rc1", "1.0^git1", "1.0.1", "5.6.1", "5.6.0", "2.9.1", "1.1.1k", "10", "3.0.7"},
		[]string{"", "-1", "-1.el8", "-1.el8_4", "-2.0.1.el8", "-1.module+el8.5.0+1234+abcdef12", "-1.module+el8.10.0+22345+abcdef12", "-1.fc40", "-3.el9_2.1", "-1.0.1.el7", "-2.fc40"},
	)...)
	return c
}

func TestOracleRPM(t *testing.T) {
	s := MustLookup("rpm")
	vs := pool(t, s, rpmCandidates(t))
	pairs := allPairs(vs)
	got := runPython(t, "rpm", `
import sys, rpm
def evr(s):
    e = None
    if ':' in s:
        e, s = s.split(':', 1)
    r = None
    if '-' in s:
        s, r = s.rsplit('-', 1)
    return (e, s, r)
out = []
for line in sys.stdin:
    a, b = line.rstrip('\n').split('\t')
    out.append(str(rpm.labelCompare(evr(a), evr(b))))
print('\n'.join(out))
`, pairs)
	compareWithOracle(t, s, "rpm.labelCompare", pairs, got)
}

func TestOraclePackaging(t *testing.T) {
	s := MustLookup("pep440")
	cands := vectorVersions(t, "packaging-versions.order", "packaging-normalized.pairs")
	cands = append(cands, "2.3.31", "2.0.0rc1", "2.0", "2.0.0.post1", "1!0.1", "1.0.0-1", "1.0_1", "1.0-r5", "1.0a.1", "0.0", "0")
	vs := pool(t, s, cands)
	pairs := allPairs(vs)
	got := runPython(t, "packaging.version", `
import sys
from packaging.version import Version
out = []
for line in sys.stdin:
    a, b = line.rstrip('\n').split('\t')
    x, y = Version(a), Version(b)
    out.append(str((x > y) - (x < y)))
print('\n'.join(out))
`, pairs)
	compareWithOracle(t, s, "packaging.version.Version", pairs, got)
}

func TestOracleXModSemver(t *testing.T) {
	s := MustLookup("semver")
	cands := readOrder(t, "semver-org.order")
	cands = append(cands, combos(
		[]string{"v0.0.0", "v1.2.3", "v1.2.4", "v2.0.0", "v3.0.0", "v1", "v1.2"},
		[]string{"", "-0.20200313102051-9f266ea9e77c", "-20200313102051-9f266ea9e77c", "-rc.1", "-rc.2", "-alpha", "-alpha.10", "-alpha.9", "-1", "-x-y"},
		[]string{"", "+incompatible", "+build.5"},
	)...)
	vs := pool(t, s, cands)
	n := 0
	for _, a := range vs {
		for _, b := range vs {
			n++
			va, vb := a.String(), b.String()
			if !strings.HasPrefix(va, "v") {
				va = "v" + va
			}
			if !strings.HasPrefix(vb, "v") {
				vb = "v" + vb
			}
			if !semver.IsValid(va) || !semver.IsValid(vb) {
				t.Errorf("x/mod/semver rejects %q or %q, which we accept", va, vb)
				continue
			}
			if got, want := a.Compare(b), semver.Compare(va, vb); got != want {
				t.Errorf("semver: Compare(%q, %q) = %d, x/mod/semver says %d", a, b, got, want)
			}
		}
	}
	// Text x/mod/semver rejects must not parse either.
	for _, bad := range []string{"v1.2.3.4", "v01.2.3", "v1.2.3-01", "v1.2-rc1", "v1.2.3-", "v1.2.3+", "1.2.3.beta"} {
		if _, err := s.Parse(bad); err == nil || semver.IsValid(bad) {
			t.Errorf("%q: we accept it or x/mod/semver does", bad)
		}
	}
	t.Logf("semver: %d versions, %d pairs compared with golang.org/x/mod/semver", len(vs), n)
}
