package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// scheme is a product's way of numbering its versions.
type scheme int

const (
	schSemver   scheme = iota // 2.4.58
	schFourPart               // 2.5.10.1 (Struts style: an occasional fourth segment)
	schLetters                // 1.0.2k (OpenSSL)
	schPatchP                 // 8.0p1 (OpenSSH)
	schWinBuild               // 10.0.19045.3803 (Windows build.revision)
	schMSBuild                // 15.1.2375.37 (Exchange, SQL Server, Office)
	schChrome                 // 128.0.6613.120
	schJava                   // 1.8.0_202, 17.0.10
	schYear                   // 2023.1.4
	schTwoPart                // 14.10
	schWinVer3                // 10.0.19045
	numSchemes
)

// versionList is a product's known versions in ascending order, grouped
// into release lines (lifecycle cycles).
type versionList struct {
	v     []string
	line  []int    // line index of each version
	lines []string // line names, such as "2.5"
	start []int    // index of the first version of each line
}

func (l *versionList) add(v, line string) {
	if n := len(l.lines); n == 0 || l.lines[n-1] != line {
		l.lines = append(l.lines, line)
		l.start = append(l.start, len(l.v))
	}
	l.v = append(l.v, v)
	l.line = append(l.line, len(l.lines)-1)
}

// lineEnd returns the index after the last version of line k.
func (l *versionList) lineEnd(k int) int {
	if k+1 < len(l.start) {
		return l.start[k+1]
	}
	return len(l.v)
}

// genVersions makes n ascending versions of scheme s. hint, when given,
// sets the first numbers (major, minor, patch; for Windows builds the
// build and the number of lines) so that well-known products look right.
func genVersions(r *rand.Rand, s scheme, n int, hint ...int) versionList {
	var l versionList
	itoa := strconv.Itoa
	h := func(k, def int) int {
		if k < len(hint) {
			return hint[k]
		}
		return def
	}
	switch s {
	case schSemver, schFourPart:
		maj, mnr, p := h(0, 1+r.IntN(9)), h(1, r.IntN(6)), h(2, r.IntN(3))
		for len(l.v) < n {
			line := fmt.Sprintf("%d.%d", maj, mnr)
			l.add(fmt.Sprintf("%s.%d", line, p), line)
			if s == schFourPart && len(l.v) < n && r.IntN(5) == 0 {
				l.add(fmt.Sprintf("%s.%d.1", line, p), line)
			}
			switch u := r.Float64(); {
			case u < 0.04:
				maj, mnr, p = maj+1, 0, 0
			case u < 0.16:
				mnr, p = mnr+1, 0
			default:
				p += 1 + r.IntN(3)
			}
		}
	case schLetters:
		maj, mnr, p := h(0, 0), h(1, 9), h(2, 6+r.IntN(3))
		for len(l.v) < n {
			base := fmt.Sprintf("%d.%d.%d", maj, mnr, p)
			l.add(base, base)
			for k := range 3 + r.IntN(20) {
				if len(l.v) >= n {
					break
				}
				l.add(base+string(rune('a'+k)), base)
			}
			if p < 2 && r.IntN(2) == 0 {
				p++
			} else if mnr < 9 {
				mnr, p = mnr+1, 0
			} else {
				maj, mnr, p = maj+1, 0, 0
			}
		}
	case schPatchP:
		maj, mnr := h(0, 5+r.IntN(3)), h(1, r.IntN(10))
		for len(l.v) < n {
			line := itoa(maj)
			l.add(fmt.Sprintf("%d.%dp1", maj, mnr), line)
			if len(l.v) < n && r.IntN(5) == 0 {
				l.add(fmt.Sprintf("%d.%dp2", maj, mnr), line)
			}
			if mnr++; mnr > 9 {
				maj, mnr = maj+1, 0
			}
		}
	case schWinBuild, schWinVer3:
		build := h(0, 10240+r.IntN(9000))
		if s == schWinVer3 {
			for len(l.v) < n {
				l.add(fmt.Sprintf("10.0.%d", build), "10.0")
				build += 300 + r.IntN(600)
			}
			break
		}
		per, step := 3+r.IntN(8), 100+r.IntN(900)
		if lines := h(1, 0); lines > 0 { // consecutive builds, as Windows 10 22H2 is 19045
			per, step = (n+lines-1)/lines, 1
		}
		for len(l.v) < n {
			line := fmt.Sprintf("10.0.%d", build)
			rev := 100 + r.IntN(900)
			for k := 0; k < per && len(l.v) < n; k++ {
				l.add(fmt.Sprintf("%s.%d", line, rev), line)
				rev += 50 + r.IntN(400)
			}
			if step > 1 {
				step = 100 + r.IntN(900)
			}
			build += step
		}
	case schMSBuild:
		maj, mnr := h(0, 14+r.IntN(3)), h(1, r.IntN(2))
		b, rev := h(2, 1000+r.IntN(1500)), 5+r.IntN(30)
		for len(l.v) < n {
			line := fmt.Sprintf("%d.%d", maj, mnr)
			l.add(fmt.Sprintf("%s.%d.%d", line, b, rev), line)
			switch u := r.Float64(); {
			case u < 0.1:
				mnr, b, rev = mnr+1, 1000+r.IntN(500), 5+r.IntN(30)
			case u < 0.45:
				b, rev = b+100+r.IntN(150), 5+r.IntN(30)
			default:
				rev += 1 + r.IntN(10)
			}
		}
	case schChrome:
		maj := h(0, 90+r.IntN(30))
		for len(l.v) < n {
			b, p := 4000+maj*50+r.IntN(40), 50+r.IntN(60)
			for k := 0; k < 1+r.IntN(4) && len(l.v) < n; k++ {
				l.add(fmt.Sprintf("%d.0.%d.%d", maj, b, p), itoa(maj))
				p += 10 + r.IntN(70)
			}
			maj++
		}
	case schJava:
		lines := []string{"1.8.0", "11", "17", "21", "25"}
		u := 100 + r.IntN(100)
		for k := 0; len(l.v) < n; k++ {
			line := lines[min(k, len(lines)-1)]
			for j := 0; j < 3+r.IntN(8) && len(l.v) < n; j++ {
				if line == "1.8.0" {
					l.add(fmt.Sprintf("1.8.0_%d", u), line)
					u += 10 + r.IntN(30)
				} else {
					l.add(fmt.Sprintf("%s.0.%d", line, j+1+k), line)
				}
			}
			if k >= len(lines)-1 {
				break
			}
		}
		for len(l.v) < n { // more updates of the newest line
			last := l.lines[len(l.lines)-1]
			l.add(fmt.Sprintf("%s.0.%d", last, 30+len(l.v)), last)
		}
	case schYear:
		y, m, p := h(0, 2015+r.IntN(5)), 1, 0
		for len(l.v) < n {
			l.add(fmt.Sprintf("%d.%d.%d", y, m, p), itoa(y))
			switch u := r.Float64(); {
			case u < 0.2:
				y, m, p = y+1, 1, 0
			case u < 0.5:
				m, p = m+1, 0
			default:
				p++
			}
		}
	case schTwoPart:
		maj, mnr := h(0, 1+r.IntN(14)), h(1, r.IntN(5))
		for len(l.v) < n {
			l.add(fmt.Sprintf("%d.%d", maj, mnr), itoa(maj))
			if r.IntN(7) == 0 {
				maj, mnr = maj+1, 0
			} else {
				mnr += 1 + r.IntN(2)
			}
		}
	}
	return l
}

// bump returns a version just after v, in v's own style: the trailing
// number or letter goes up by one ("2.5.33" -> "2.5.34", "1.0.2k" -> "1.0.2l").
func bump(v string) string {
	i := len(v)
	for i > 0 && v[i-1] >= '0' && v[i-1] <= '9' {
		i--
	}
	if i < len(v) {
		n, _ := strconv.Atoi(v[i:])
		return v[:i] + strconv.Itoa(n+1)
	}
	if c := v[len(v)-1]; c >= 'a' && c < 'z' {
		return v[:len(v)-1] + string(rune(c+1))
	}
	return v + "a"
}
