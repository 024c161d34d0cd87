package snapshot

import (
	"strings"

	"vulnreport/generator/internal/source"
)

// Require stops the build (adds to Fatal) when the snapshot describes
// nothing to report on: no systems file read, a systems file with no
// record, no system accepted, or no component accepted from the component
// files and SBOMs. Each would publish a report of zero findings with every
// target met — the picture of an organisation with no exposure, drawn from
// no data (`--data /etc`, an empty folder, a systems file of rejected
// rows). Each is said once, as an error on the file and as the reason the
// build stops; nothing is added when the build already stops for a cause
// found earlier. Load does not call it, so that parts of a snapshot can be
// read on their own; build and check do.
func (s *Snapshot) Require(diags *source.Diagnostics) {
	if len(s.Fatal) > 0 {
		return
	}
	stop := func(file, msg string) {
		diags.Errorf(source.Pos{File: file}, "%s", msg)
		s.Fatal = append(s.Fatal, file+": "+msg)
	}
	sys, sysRead := s.filesOf("systems")
	if len(sys) == 0 {
		stop("systems.yaml", "no systems.yaml or systems.csv was read: there is nothing to report on (is --data the snapshot folder?)")
		return
	}
	if len(s.Systems) == 0 {
		if sysRead == 0 {
			stop(sys[0], "the file holds no system: a report on no systems would show no findings")
		} else {
			stop(sys[0], "no system was accepted (every record rejected, see the errors above): a report on no systems would show no findings")
		}
		return
	}
	if len(s.Components) > 0 {
		return
	}
	comp, compRead := s.filesOf("components", "feed:sbom", "sbom")
	switch {
	case len(comp) == 0:
		stop("components.yaml", "no components.yaml, components.csv or SBOM under sbom/ was read: with no software installed there is nothing to match")
	case compRead == 0:
		stop(comp[0], "no component in "+strings.Join(comp, ", ")+": with no software installed there is nothing to match")
	default:
		stop(comp[0], "no component was accepted from "+strings.Join(comp, ", ")+" (every record rejected, see the errors above): with no software installed there is nothing to match")
	}
}

// filesOf lists the files read of the given kinds and the records read
// from them.
func (s *Snapshot) filesOf(kinds ...string) (names []string, read int) {
	for _, f := range s.Files {
		for _, k := range kinds {
			if f.Kind == k {
				names = append(names, f.Path)
				read += f.Read
			}
		}
	}
	return names, read
}
