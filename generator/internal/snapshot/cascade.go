package snapshot

import (
	"fmt"
	"slices"
	"strings"

	"vulnreport/generator/internal/source"
)

// A system that is rejected, or a systems file that cannot be read, makes
// every record on those systems unknown. Those records are rejected and
// counted one by one, but reported as one line at the cause, listed after
// it: the first cause first, not hundreds of "unknown system" errors
// before the syntax error that caused them.

// cascades collects the causes and the records they cost.
type cascades struct {
	// systems maps the id of a rejected system to its cause: the last
	// error reported on it.
	systems map[string]source.Pos
	// unread is where a systems file that could not be read failed.
	unread *source.Pos
	// lost counts the records each cause cost, by file.
	lost map[source.Pos]map[string]int
	// names is the system each cause names ("" for an unread file).
	names map[source.Pos]string
}

// rejectedSystem remembers a system that was rejected, the errors its
// decoding reported (diags) placing its cause.
func (l *loader) rejectedSystem(rec source.Record, diags []source.Diagnostic) {
	v, ok := rec.Get("id")
	if !ok || v.Text == "" {
		return
	}
	cause := rec.Pos
	for _, d := range diags {
		if d.Severity == source.Error && d.Pos.File == cause.File && d.Pos.Compare(cause) > 0 {
			cause = d.Pos
		}
	}
	if l.casc.systems == nil {
		l.casc.systems = map[string]source.Pos{}
	}
	if _, seen := l.casc.systems[v.Text]; !seen {
		l.casc.systems[v.Text] = cause
	}
}

// unreadSystems remembers a systems file that could not be read.
func (l *loader) unreadSystems(pos source.Pos) {
	if l.casc.unread == nil {
		l.casc.unread = &pos
	}
}

// unknownSystem rejects a record naming a system not accepted: as a
// consequence of the system's rejection when there is one, or with an
// error of its own.
func (l *loader) unknownSystem(pos source.Pos, kind, id, system string) {
	cause, ok := l.casc.systems[system]
	label := system
	if !ok && l.casc.unread != nil {
		cause, ok, label = *l.casc.unread, true, ""
	}
	if !ok {
		l.rejectLater(pos, kind, id, fmt.Sprintf("%s: field \"system\": unknown system %q (not in systems)", pos, system))
		return
	}
	reason := fmt.Sprintf("%s: field \"system\": system %q was not accepted (see %s)", pos, system, cause)
	if st, ok := l.stats[pos.File]; ok {
		st.Accepted--
		st.Rejected++
	}
	l.s.Rejections = append(l.s.Rejections, source.Rejection{Pos: pos, Location: pos.String(), Kind: kind, ID: id, Reasons: []string{reason}})
	if l.casc.lost == nil {
		l.casc.lost, l.casc.names = map[source.Pos]map[string]int{}, map[source.Pos]string{}
	}
	if l.casc.lost[cause] == nil {
		l.casc.lost[cause] = map[string]int{}
	}
	l.casc.lost[cause][pos.File]++
	l.casc.names[cause] = label
}

// reportCascades reports, at each cause, one line for the records it cost.
func (l *loader) reportCascades() {
	for cause, byFile := range l.casc.lost {
		var files []string
		n := 0
		for f, k := range byFile {
			files = append(files, fmt.Sprintf("%s %d", f, k))
			n += k
		}
		slices.Sort(files)
		where := strings.Join(files, ", ")
		if sys := l.casc.names[cause]; sys != "" {
			l.diags.Cascadef(cause, "%d records refer to rejected system %q and are rejected with it (%s)",
				n, sys, where)
			continue
		}
		l.diags.Cascadef(cause, "%d records refer to systems in this file, which could not be read, and are rejected (%s)",
			n, where)
	}
}
