package snapshot

import (
	"io/fs"
	"strings"

	"vulnreport/generator/internal/plainfs"
	"vulnreport/generator/internal/source"
)

// admit decides whether a snapshot entry that is not a plain file is read.
// A symbolic link to a plain file inside the snapshot is read through its
// target (it keeps its own name in every count and output); any other link
// (outside the snapshot, dangling, to a folder, in a loop), and any named
// pipe, socket or device, is a warning naming it and is never opened, so
// that nothing outside the snapshot is read or archived and no read can
// block. It returns the path to open, or "" when the entry is skipped.
func (l *loader) admit(p string, mode fs.FileMode) string {
	real, err := plainfs.Check(l.fsys, p, mode)
	if err != nil {
		l.diags.Warnf(source.Pos{File: p}, "%v", err)
		l.skipped = append(l.skipped, p)
		return ""
	}
	return real
}

// open opens a snapshot file as admit decided, checking again: a link
// through its target inside the snapshot, and an entry that has become
// anything but a plain file since the listing as if it were not there.
func (l *loader) open(name string) (fs.File, error) {
	return plainfs.New(l.fsys).Open(name)
}

// blankYAML reports whether a YAML file holds nothing but blank lines and
// comments.
func blankYAML(data []byte) bool {
	for _, line := range strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n") {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			return false
		}
	}
	return true
}
