package scheme

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// mavenJar is maven-artifact from the Debian package libmaven3-core-java;
// its ComparableVersion main compares each argument with the next.
const mavenJar = "/usr/share/java/maven-artifact-3.x.jar"

// mavenOracle returns Maven's comparison of each pair, running
// ComparableVersion once over the arguments a1 b1 a2 b2 … and reading
// every other comparison it prints.
func mavenOracle(t *testing.T, pairs [][2]string) []int {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		needOracle(t, "java (default-jre-headless)", err)
	}
	if _, err := os.Stat(mavenJar); err != nil {
		needOracle(t, "maven-artifact (libmaven3-core-java)", err)
	}
	args := []string{"-cp", mavenJar, "org.apache.maven.artifact.versioning.ComparableVersion"}
	for _, p := range pairs {
		args = append(args, p[0], p[1])
	}
	out, err := exec.Command(java, args...).Output()
	if err != nil {
		t.Fatalf("maven ComparableVersion: %v", err)
	}
	var res []int
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, "   ") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Fatalf("maven ComparableVersion printed %q", line)
		}
		res = append(res, map[string]int{"<": -1, "==": 0, ">": 1}[f[1]])
	}
	// Comparisons are a1?b1, b1?a2, a2?b2, …: keep the even ones.
	var got []int
	for i := 0; i < len(res); i += 2 {
		got = append(got, res[i])
	}
	if len(got) != len(pairs) {
		t.Fatalf("maven ComparableVersion answered %d of %d pairs", len(got), len(pairs))
	}
	return got
}

// mavenRealistic returns Maven's published vectors and versions of real
// artifacts (Guava, Spring, Log4j, Hibernate).
func mavenRealistic(t *testing.T) []string {
	cands := vectorVersions(t, "maven.pairs", "maven-qualifier.order", "maven-number.order")
	cands = append(cands, combos(
		[]string{"1", "1.0", "2.0.0", "32.0.0", "5.3.27", "2.17.1"},
		[]string{"", "-jre", "-android", "-SNAPSHOT", "-RC1", ".RC1", "-rc-1", ".Final", ".RELEASE", "-M1", ".M1", "-beta-2", "-alpha1", "-sp1", "-1", ".1", "a", "-ga", "-cr1"},
		[]string{""},
	)...)
	return cands
}

func TestOracleMaven(t *testing.T) {
	s := MustLookup("maven")
	vs := pool(t, s, mavenRealistic(t))
	pairs := allPairs(vs)
	got := mavenOracle(t, pairs)
	compareWithOracle(t, s, "maven-artifact ComparableVersion", pairs, got)
}
