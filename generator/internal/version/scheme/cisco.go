package scheme

import "strings"

// ciscoScheme is Cisco's IOS and ASA numbering, with the maintenance
// release in parentheses: IOS "15.2(4)M11", "12.2(55)SE10",
// "15.1(4)M12a"; ASA "9.8(4)15", "9.16(3.19)"; and plain IOS XE / FTD
// versions "17.3.4a", "7.0.4".
//
// The text is split into runs of digits and of letters; '.', '(', ')'
// and '-' only separate them. Runs compare left to right: digit runs
// numerically, letter runs alphabetically without regard to case; a
// missing run sorts first and a letter run before a digit run. So
// 15.2(4)M10 < 15.2(4)M11 < 15.2(4)M11a < 15.2(5)M1 and 9.8(4)15 <
// 9.8(4)20. IOS trains (M, T, SE, E …) are different release lines that
// compare alphabetically: write a range per train.
type ciscoScheme struct{}

func (ciscoScheme) Name() string { return "cisco" }

func (ciscoScheme) Parse(s string) (Version, error) {
	t, err := prepare("cisco", s)
	if err != nil {
		return nil, err
	}
	if !isDigit(t[0]) {
		return nil, parseError("cisco", s, "must start with a digit")
	}
	depth := 0
	var runs []string
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '(':
			depth++
			if depth > 1 {
				return nil, parseError("cisco", s, "nested parentheses")
			}
			i++
		case c == ')':
			depth--
			if depth < 0 {
				return nil, parseError("cisco", s, "')' without '('")
			}
			i++
		case c == '.' || c == '-':
			i++
		case isAlnum(c):
			j := i
			for j < len(t) && isDigit(t[j]) == isDigit(c) && isAlnum(t[j]) {
				j++
			}
			run := t[i:j]
			if !isDigit(c) {
				run = strings.ToLower(run)
			}
			runs = append(runs, run)
			i = j
		default:
			return nil, parseError("cisco", s, "character %q; expected digits, letters, '.', '-' and parentheses", c)
		}
	}
	if depth != 0 {
		return nil, parseError("cisco", s, "unclosed '('")
	}
	return ciscoVersion{text: t, runs: runs}, nil
}

// ciscoVersion is a parsed Cisco version: its digit and letter runs.
type ciscoVersion struct {
	text string
	runs []string
}

func (v ciscoVersion) String() string { return v.text }
func (ciscoVersion) Scheme() string   { return "cisco" }

func (v ciscoVersion) Compare(w Version) int {
	o, ok := w.(ciscoVersion)
	if !ok {
		return crossCompare(v, w)
	}
	for i := range max(len(v.runs), len(o.runs)) {
		switch {
		case i >= len(v.runs):
			return -1
		case i >= len(o.runs):
			return 1
		}
		a, b := v.runs[i], o.runs[i]
		da, db := isDigit(a[0]), isDigit(b[0])
		var c int
		switch {
		case da && db:
			c = cmpNum(a, b)
		case da:
			c = 1
		case db:
			c = -1
		default:
			c = strings.Compare(a, b)
		}
		if c != 0 {
			return c
		}
	}
	return 0
}
