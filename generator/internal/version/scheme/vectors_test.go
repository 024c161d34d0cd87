package scheme

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pair is one published comparison: Compare(a, b) == want.
type pair struct {
	a, b string
	want int
	line int
}

// readPairs reads a testdata/vectors/*.pairs file.
func readPairs(t *testing.T, name string) []pair {
	t.Helper()
	var out []pair
	for n, line := range readLines(t, name) {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		w, err := strconv.Atoi(f[len(f)-1])
		if len(f) != 3 || err != nil {
			t.Fatalf("%s:%d: want \"a b r\", got %q", name, n+1, line)
		}
		out = append(out, pair{f[0], f[1], w, n + 1})
	}
	if len(out) == 0 {
		t.Fatalf("%s: no vectors", name)
	}
	return out
}

// readOrder reads a testdata/vectors/*.order file as adjacent pairs.
func readOrder(t *testing.T, name string) []string {
	t.Helper()
	var out []string
	for _, line := range readLines(t, name) {
		if s := strings.TrimSpace(line); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// readLines returns the lines of a vector file with comments blanked.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "vectors", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") {
			l = ""
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// checkPairs checks every published pair in scheme s, both ways.
func checkPairs(t *testing.T, s Scheme, file string) int {
	t.Helper()
	ps := readPairs(t, file)
	for _, p := range ps {
		a, errA := s.Parse(p.a)
		b, errB := s.Parse(p.b)
		if errA != nil || errB != nil {
			t.Errorf("%s:%d: parse: %v %v", file, p.line, errA, errB)
			continue
		}
		if got := a.Compare(b); got != p.want || b.Compare(a) != -p.want {
			t.Errorf("%s:%d: %s Compare(%q, %q) = %d, published %d", file, p.line, s.Name(), p.a, p.b, got, p.want)
		}
	}
	return len(ps)
}

// checkSorted checks that a published list is strictly increasing in s,
// over every pair, not only neighbours.
func checkSorted(t *testing.T, s Scheme, file string) int {
	t.Helper()
	list := readOrder(t, file)
	vs := make([]Version, len(list))
	for i, x := range list {
		v, err := s.Parse(x)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		vs[i] = v
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if vs[i].Compare(vs[j]) >= 0 || vs[j].Compare(vs[i]) <= 0 {
				t.Errorf("%s: %s orders %q >= %q; published order says <", file, s.Name(), list[i], list[j])
			}
		}
	}
	return len(list)
}

func TestPublishedVectors(t *testing.T) {
	n := 0
	n += checkPairs(t, MustLookup("deb"), "apt-versions.pairs")
	n += checkPairs(t, MustLookup("pep440"), "packaging-normalized.pairs")
	n += checkSorted(t, MustLookup("pep440"), "packaging-versions.order")
	n += checkPairs(t, MustLookup("maven"), "maven.pairs")
	n += checkSorted(t, MustLookup("maven"), "maven-qualifier.order")
	n += checkSorted(t, MustLookup("maven"), "maven-number.order")
	n += checkSorted(t, MustLookup("semver"), "semver-org.order")
	// rpmvercmp.at compares bare version strings, some of which ("+",
	// "_a") are not versions rpm would build; check the function itself,
	// and through Parse where the text is a version.
	for _, p := range readPairs(t, "rpmvercmp.pairs") {
		n++
		if got := rpmvercmp(p.a, p.b); got != p.want || rpmvercmp(p.b, p.a) != -p.want {
			t.Errorf("rpmvercmp.pairs:%d: rpmvercmp(%q, %q) = %d, published %d", p.line, p.a, p.b, got, p.want)
		}
		a, errA := MustLookup("rpm").Parse(p.a)
		b, errB := MustLookup("rpm").Parse(p.b)
		if errA == nil && errB == nil && a.Compare(b) != p.want {
			t.Errorf("rpmvercmp.pairs:%d: rpm Compare(%q, %q) = %d, published %d", p.line, p.a, p.b, a.Compare(b), p.want)
		}
	}
	t.Logf("%d published vectors checked", n)
}
