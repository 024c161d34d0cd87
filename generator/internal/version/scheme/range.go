package scheme

import (
	"fmt"
	"strings"

	"vulnreport/generator/internal/version"
)

// Op is a comparison operator of a range; the same operators as package
// version (OpLT "<", OpLE "<=", OpGT ">", OpGE ">=", OpEQ "=").
type Op = version.Op

// The comparison operators, re-exported from package version.
const (
	OpLT = version.OpLT
	OpLE = version.OpLE
	OpGT = version.OpGT
	OpGE = version.OpGE
	OpEQ = version.OpEQ
)

// Comparator is one operator and its bound, such as ">=2.3.5".
type Comparator struct {
	Op      Op
	Version Version
}

// Matches reports whether v satisfies the comparator. A nil v or bound,
// a version of another scheme, or an invalid operator never matches.
func (c Comparator) Matches(v Version) bool {
	if v == nil || c.Version == nil || v.Scheme() != c.Version.Scheme() {
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

// String returns the comparator in canonical form, such as ">=2.3.5".
func (c Comparator) String() string {
	if c.Version == nil {
		return c.Op.String()
	}
	return c.Op.String() + c.Version.String()
}

// Clause is a set of comparators that must all hold, or, when Any is
// set, every version ("*").
type Clause struct {
	Comparators []Comparator
	Any         bool
}

// Contains reports whether v satisfies every comparator of the clause.
func (c Clause) Contains(v Version) bool {
	if v == nil {
		return false
	}
	if c.Any {
		return true
	}
	if len(c.Comparators) == 0 {
		return false
	}
	for _, cmp := range c.Comparators {
		if !cmp.Matches(v) {
			return false
		}
	}
	return true
}

// Upper returns the tightest comparator with OpLT, OpLE or OpEQ, as
// [version.Clause.Upper] does; false when there is none.
func (c Clause) Upper() (bound Comparator, ok bool) {
	return c.bound(func(op Op) bool { return op == OpLT || op == OpLE || op == OpEQ }, -1, OpLT)
}

// Lower returns the tightest comparator with OpGT, OpGE or OpEQ; false
// when there is none.
func (c Clause) Lower() (bound Comparator, ok bool) {
	return c.bound(func(op Op) bool { return op == OpGT || op == OpGE || op == OpEQ }, 1, OpGT)
}

// bound picks among the comparators accepted by want the one furthest in
// direction dir (-1: lowest, +1: highest), preferring strict on a tie.
func (c Clause) bound(want func(Op) bool, dir int, strict Op) (Comparator, bool) {
	var best Comparator
	found := false
	for _, cmp := range c.Comparators {
		if !want(cmp.Op) {
			continue
		}
		if !found {
			best, found = cmp, true
			continue
		}
		d := cmp.Version.Compare(best.Version)
		if d == dir || d == 0 && cmp.Op == strict {
			best = cmp
		}
	}
	return best, found
}

// String returns the clause in canonical form.
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

// Range is a range expression read in one scheme: a union of clauses.
type Range struct {
	Scheme  Scheme
	Clauses []Clause
}

// Contains reports whether any clause contains v.
func (r Range) Contains(v Version) bool { return r.MatchingClause(v) >= 0 }

// MatchingClause returns the index of the first clause that contains v,
// or -1 when none does.
func (r Range) MatchingClause(v Version) int {
	for i, c := range r.Clauses {
		if c.Contains(v) {
			return i
		}
	}
	return -1
}

// String returns the range in canonical form, which ParseRange reads
// back to the same range.
func (r Range) String() string {
	parts := make([]string, len(r.Clauses))
	for i, c := range r.Clauses {
		parts[i] = c.String()
	}
	return strings.Join(parts, " || ")
}

// ParseRange reads a range expression in the project's syntax (see
// package version: "<1.2 || >=2.0 <2.3", "=1.0", "*") with its versions
// parsed by scheme s. Versions in a range cannot contain white space:
// write "1.8.0_361", not "1.8.0 update361".
func ParseRange(s Scheme, expr string) (Range, error) {
	if s == nil {
		return Range{}, fmt.Errorf("range %s: no scheme", quote(expr))
	}
	if strings.TrimSpace(expr) == "" {
		return Range{}, fmt.Errorf(`empty range; expected "*", a version, or comparators such as ">=2.3.5 <2.3.32"`)
	}
	parts := strings.Split(expr, "||")
	r := Range{Scheme: s, Clauses: make([]Clause, 0, len(parts))}
	for i, p := range parts {
		c, err := parseClause(s, p)
		if err != nil {
			if len(parts) > 1 {
				return Range{}, fmt.Errorf("range %s (%s): clause %d: %w", quote(expr), s.Name(), i+1, err)
			}
			return Range{}, fmt.Errorf("range %s (%s): %w", quote(expr), s.Name(), err)
		}
		r.Clauses = append(r.Clauses, c)
	}
	return r, nil
}

// opChars are the characters operators are made of.
const opChars = "<>=!~^"

// parseClause parses the text between "||".
func parseClause(s Scheme, text string) (Clause, error) {
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
		for n < len(tok) && strings.IndexByte(opChars, tok[n]) >= 0 {
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
			if strings.IndexByte(opChars, vtext[0]) >= 0 {
				return Clause{}, fmt.Errorf("operator %q is followed by %s; expected a version", tok, quote(vtext))
			}
		}
		if strings.HasSuffix(vtext, ",") {
			return Clause{}, fmt.Errorf("comma after %s; comparators are separated by spaces, as in \">=1.0 <2.0\"", quote(vtext[:len(vtext)-1]))
		}
		v, err := s.Parse(vtext)
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

// lookupOp returns the operator spelled s, or 0.
func lookupOp(s string) Op {
	for op := OpLT; op <= OpEQ; op++ {
		if op.String() == s {
			return op
		}
	}
	return 0
}

// checkBounds rejects a clause whose bounds exclude each other.
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
