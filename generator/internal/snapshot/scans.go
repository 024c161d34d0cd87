package snapshot

import (
	"path"
	"slices"
	"strings"

	"vulnreport/generator/internal/source"
)

// ScanKind is the feed kind of scanner result files (scans/<system>/*.json).
const ScanKind = "scan"

// scans reads every scanner result file with the "scan" parser, as the
// system its folder names. A result that cannot be read as a whole
// (truncated, unknown format) is an error that rejects that file alone,
// naming it and its system; the rest builds (issue 19). A folder that names no system in systems.yaml
// rejects its files; a result whose scanned host does not name the
// folder's system is a warning.
func (l *loader) scans(names []string) {
	known := map[string]bool{}
	for _, s := range l.s.Systems {
		known[s.ID] = true
	}
	for _, name := range names {
		system := scanSystem(name)
		pos := source.Pos{File: name}
		if err := source.CheckID(system); err != nil || !known[system] {
			reason := "folder scans/" + system + "/ names no system in systems.yaml"
			if err != nil {
				reason = "folder scans/" + system + "/ is not a system id: " + err.Error()
			}
			l.diags.Errorf(pos, "%s: scanner result not read", reason)
			_, st, rerr := l.readAll(name, "feed:"+ScanKind, source.MaxFileSize)
			if rerr != nil {
				l.fatal("%s: %v", name, rerr)
				continue
			}
			l.rejectNew(st, pos, "feed:"+ScanKind, "", reason)
			continue
		}
		n := len(l.s.Feeds)
		l.readFeed(name, ScanKind, system, false)
		if len(l.s.Feeds) > n {
			info := l.s.Feeds[len(l.s.Feeds)-1]
			if !HostMatches(info.Subject, system) {
				l.diags.Warnf(pos, "scanned host %q does not name system %q, the folder it is in: check that the result belongs to this system", info.Subject, system)
			}
		}
	}
}

// HostMatches reports whether a scanner's subject (host name, or
// host@container) names the system: the system id, compared without case
// and with "_" and "." read as "-", appears in the subject's host part.
// Image scans (Trivy, Grype) name images, not hosts: a subject with "/"
// or ":" is an image or a path and is not checked.
func HostMatches(subject, system string) bool {
	if strings.ContainsAny(subject, "/:") {
		return true
	}
	host, _, _ := strings.Cut(subject, "@")
	norm := func(s string) string {
		return strings.NewReplacer("_", "-", ".", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	}
	h := norm(host)
	return h != "" && strings.Contains(h, norm(system))
}

// dedupeScanComponents keeps one component per (system, key, version):
// a package a scanner reports that the inventory or an SBOM already lists
// (or that another result already added) is that component, so that its
// findings appear once, with the inventory's context.
func (l *loader) dedupeScanComponents() {
	scanned := 0
	for i := range l.s.Components {
		if strings.HasPrefix(l.s.Components[i].Source, "scan:") {
			scanned++
		}
	}
	if scanned == 0 {
		return // nothing to drop; a million inventory rows need no map
	}
	type k struct{ sys, key, ver string }
	seen := make(map[k]bool, len(l.s.Components))
	for _, c := range l.s.Components {
		if !strings.HasPrefix(c.Source, "scan:") {
			seen[k{c.System, c.Key, c.Version}] = true
		}
	}
	l.s.Components = slices.DeleteFunc(l.s.Components, func(c compT) bool {
		if !strings.HasPrefix(c.Source, "scan:") {
			return false
		}
		id := k{c.System, c.Key, c.Version}
		if seen[id] {
			return true
		}
		seen[id] = true
		return false
	})
}

// scanSystem returns the system a scans/<system>/… path names.
func scanSystem(p string) string {
	parts := strings.Split(path.Clean(p), "/")
	if len(parts) < 3 || parts[0] != "scans" {
		return ""
	}
	return parts[1]
}
