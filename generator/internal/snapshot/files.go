package snapshot

import (
	"io/fs"

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
	if real != p {
		if l.real == nil {
			l.real = map[string]string{}
		}
		l.real[p] = real
	}
	return real
}

// open opens a snapshot file through the target admit found for it.
func (l *loader) open(name string) (fs.File, error) {
	if r, ok := l.real[name]; ok {
		name = r
	}
	return l.fsys.Open(name)
}
