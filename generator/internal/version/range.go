package version

import (
	"fmt"
	"strings"
)

// Op is a comparison operator in a range expression. The zero Op is
// invalid and matches nothing.
type Op int

// The comparison operators of range expressions.
const (
	// OpLT is "<": versions before the bound (NVD versionEndExcluding).
	OpLT Op = iota + 1
	// OpLE is "<=": versions up to and including the bound
	// (NVD versionEndIncluding).
	OpLE
	// OpGT is ">": versions after the bound (NVD versionStartExcluding).
	OpGT
	// OpGE is ">=": versions from the bound on (NVD versionStartIncluding).
	OpGE
	// OpEQ is "=": versions equal to the bound; a bare version means this.
	OpEQ
)

// opText maps each operator to its spelling.
var opText = [...]string{OpLT: "<", OpLE: "<=", OpGT: ">", OpGE: ">=", OpEQ: "="}

// String returns the operator as written in a range, such as ">=", or
// "Op(N)" for an invalid operator.
func (o Op) String() string {
	if o >= OpLT && o <= OpEQ {
		return opText[o]
	}
	return fmt.Sprintf("Op(%d)", int(o))
}

// Comparator is one operator and its bound, such as ">=2.3.5".
type Comparator struct {
	Op      Op
	Version Version
}

// Matches reports whether v satisfies the comparator. An invalid v, an
// invalid bound or an invalid operator never matches.
func (c Comparator) Matches(v Version) bool {
	if !v.valid || !c.Version.valid {
		return false
	}
	d := v.Compare(c.Version)
	switch c.Op {
	case OpLT:
		return d < 0
	case OpLE:
		return d <= 0
	case OpGT:
		return d > 0
	case OpGE:
		return d >= 0
	case OpEQ:
		return d == 0
	}
	return false
}

// String returns the comparator in canonical form: the operator directly
// followed by the version as written, such as ">=2.3.5".
func (c Comparator) String() string { return c.Op.String() + c.Version.String() }

// Clause is a set of comparators that must all hold, or, when Any is
// set, every version ("*"). A clause with neither comparators nor Any
// matches nothing.
type Clause struct {
	Comparators []Comparator
	Any         bool
}

// Contains reports whether v satisfies every comparator of the clause,
// or is any valid version when the clause is "*".
func (c Clause) Contains(v Version) bool {
	if !v.valid {
		return false
	}
	if c.Any {
		return true
	}
	for _, cmp := range c.Comparators {
		if !cmp.Matches(v) {
			return false
		}
	}
	return len(c.Comparators) > 0
}

// Upper returns the clause's upper bound: the tightest comparator with
// OpLT, OpLE or OpEQ (an OpEQ bound counts as inclusive, like OpLE, and
// is returned with its own Op). When two bounds are equal, OpLT is the
// tighter. ok is false when the clause is open-ended above, such as
// ">=2.0" or "*".
func (c Clause) Upper() (bound Comparator, ok bool) {
	if c.Any {
		return Comparator{}, false
	}
	for _, cmp := range c.Comparators {
		if cmp.Op != OpLT && cmp.Op != OpLE && cmp.Op != OpEQ {
			continue
		}
		if d := cmp.Version.Compare(bound.Version); !ok || d < 0 || d == 0 && cmp.Op == OpLT {
			bound, ok = cmp, true
		}
	}
	return bound, ok
}

// Lower returns the clause's lower bound: the tightest comparator with
// OpGT, OpGE or OpEQ (an OpEQ bound counts as inclusive, like OpGE, and
// is returned with its own Op). When two bounds are equal, OpGT is the
// tighter. ok is false when the clause is open-ended below, such as
// "<2.0" or "*".
func (c Clause) Lower() (bound Comparator, ok bool) {
	if c.Any {
		return Comparator{}, false
	}
	for _, cmp := range c.Comparators {
		if cmp.Op != OpGT && cmp.Op != OpGE && cmp.Op != OpEQ {
			continue
		}
		if d := cmp.Version.Compare(bound.Version); !ok || d > 0 || d == 0 && cmp.Op == OpGT {
			bound, ok = cmp, true
		}
	}
	return bound, ok
}

// String returns the clause in canonical form: "*", or its comparators in
// canonical form separated by single spaces.
func (c Clause) String() string {
	if c.Any {
		return "*"
	}
	parts := make([]string, len(c.Comparators))
	for i, cmp := range c.Comparators {
		parts[i] = cmp.String()
	}
	return strings.Join(parts, " ")
}

// Range is a union of clauses: it contains a version when any clause
// does. The zero Range contains nothing.
type Range struct {
	Clauses []Clause
}

// Contains reports whether any clause of r contains v.
func (r Range) Contains(v Version) bool { return r.MatchingClause(v) >= 0 }

// MatchingClause returns the index of the first clause that contains v,
// or -1 when none does. Reports use it to show which clause matched.
func (r Range) MatchingClause(v Version) int {
	for i, c := range r.Clauses {
		if c.Contains(v) {
			return i
		}
	}
	return -1
}

// String returns the range in canonical form: its clauses in canonical
// form joined by " || ". [ParseRange] reads it back to an equal range.
// The zero Range gives "", which ParseRange rejects.
func (r Range) String() string {
	parts := make([]string, len(r.Clauses))
	for i, c := range r.Clauses {
		parts[i] = c.String()
	}
	return strings.Join(parts, " || ")
}

// ParseRange parses a range expression as described in the package
// documentation, such as ">=2.3.5 <2.3.32 || =2.5.0" or "*". It rejects
// empty expressions and clauses, unknown operators, malformed versions
// and clauses whose bounds exclude each other, with an error naming the
// offending text.
func ParseRange(expr string) (Range, error) {
	if strings.TrimSpace(expr) == "" {
		return Range{}, fmt.Errorf(`empty range; expected "*", a version, or comparators such as ">=2.3.5 <2.3.32"`)
	}
	parts := strings.Split(expr, "||")
	r := Range{Clauses: make([]Clause, 0, len(parts))}
	for i, p := range parts {
		c, err := parseClause(p)
		if err != nil {
			if len(parts) > 1 {
				return Range{}, fmt.Errorf("range %s: clause %d: %w", quote(expr), i+1, err)
			}
			return Range{}, fmt.Errorf("range %s: %w", quote(expr), err)
		}
		r.Clauses = append(r.Clauses, c)
	}
	return r, nil
}

// parseClause parses one clause, the text between "||".
func parseClause(text string) (Clause, error) {
	tokens := strings.Fields(text)
	if len(tokens) == 0 {
		return Clause{}, fmt.Errorf(`empty clause; write "*", a version or comparators between "||"`)
	}
	if len(tokens) == 1 && tokens[0] == "*" {
		return Clause{Any: true}, nil
	}
	var c Clause
	for i := 0; i < len(tokens); i++ {
		tok := tokens[i]
		if tok == "*" {
			return Clause{}, fmt.Errorf(`"*" must be a clause of its own, not combined with comparators`)
		}
		if strings.Contains(tok, "|") {
			return Clause{}, fmt.Errorf(`stray "|" in %s; clauses are separated by "||"`, quote(tok))
		}
		n := 0
		for n < len(tok) && strings.IndexByte("<>=!~^", tok[n]) >= 0 {
			n++
		}
		op := OpEQ
		if n > 0 {
			op = lookupOp(tok[:n])
			if op == 0 {
				return Clause{}, fmt.Errorf("unknown operator %q in %s; expected <, <=, >, >= or =", tok[:n], quote(tok))
			}
		}
		vtext := tok[n:]
		if vtext == "" {
			if i+1 == len(tokens) {
				return Clause{}, fmt.Errorf("operator %q has no version after it", tok)
			}
			i++
			vtext = tokens[i]
			if strings.IndexByte("<>=!~^", vtext[0]) >= 0 {
				return Clause{}, fmt.Errorf("operator %q is followed by %s; expected a version", tok, quote(vtext))
			}
		}
		if strings.HasSuffix(vtext, ",") {
			return Clause{}, fmt.Errorf("comma after %s; comparators are separated by spaces, as in \">=1.0 <2.0\"", quote(vtext[:len(vtext)-1]))
		}
		v, err := parse(vtext)
		if err != nil {
			return Clause{}, err
		}
		c.Comparators = append(c.Comparators, Comparator{Op: op, Version: v})
	}
	if err := checkBounds(c); err != nil {
		return Clause{}, err
	}
	return c, nil
}

// lookupOp returns the operator spelled s, or 0 when there is none.
func lookupOp(s string) Op {
	for op := OpLT; op <= OpEQ; op++ {
		if opText[op] == s {
			return op
		}
	}
	return 0
}

// checkBounds rejects a clause whose lower bound lies above its upper
// bound, or on it when either bound is strict.
func checkBounds(c Clause) error {
	lo, okLo := c.Lower()
	hi, okHi := c.Upper()
	if !okLo || !okHi {
		return nil
	}
	d := lo.Version.Compare(hi.Version)
	if d < 0 || d == 0 && lo.Op != OpGT && hi.Op != OpLT {
		return nil
	}
	return fmt.Errorf("clause %s matches no version: %s and %s exclude each other", quote(c.String()), lo, hi)
}
