// Package plainfs decides which entries of an input folder (the snapshot,
// content/, templates/) are read: plain files, and symbolic links that
// lead, without leaving the folder, to plain files. Anything else — a link
// outside the folder, a dangling link, a link to a folder, a named pipe, a
// socket, a device — is named in a warning and never opened, so that no
// read blocks and nothing outside the folder is read or archived.
package plainfs

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// maxLinkHops bounds the symbolic links followed for one path (as Linux's
// own limit), so that a loop of links ends.
const maxLinkHops = 40

// KindOf names a file type that is not a plain file.
func KindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	}
	return "not a plain file"
}

// Resolve follows the symbolic links of name one path element at a
// time, never leaving fsys: it returns the path inside fsys that name
// finally denotes and that path's own type, or an error saying why the
// link cannot be followed (an absolute target, one that climbs out of the
// snapshot, a missing target, a loop).
func Resolve(fsys fs.FS, name string) (string, fs.FileMode, error) {
	pending := strings.Split(name, "/")
	var done []string
	hops := 0
	mode := fs.ModeDir
	for len(pending) > 0 {
		el := pending[0]
		pending = pending[1:]
		switch el {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", 0, fmt.Errorf("is a symbolic link that leads outside the input folder")
			}
			done = done[:len(done)-1]
			mode = fs.ModeDir
			continue
		}
		cur := path.Join(append(done, el)...)
		fi, err := fs.Lstat(fsys, cur)
		if errors.Is(err, fs.ErrNotExist) {
			return "", 0, fmt.Errorf("is a symbolic link to %s, which does not exist", cur)
		}
		if err != nil {
			return "", 0, fmt.Errorf("is a symbolic link that cannot be followed (%v)", err)
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			if hops++; hops > maxLinkHops {
				return "", 0, errors.New("is a symbolic link in a loop of links")
			}
			target, err := fs.ReadLink(fsys, cur)
			if err != nil {
				return "", 0, fmt.Errorf("is a symbolic link that cannot be read (%v)", err)
			}
			if path.IsAbs(target) || strings.HasPrefix(target, `\`) || strings.Contains(target, ":") {
				return "", 0, fmt.Errorf("is a symbolic link to %s, outside the input folder", target)
			}
			pending = append(strings.Split(target, "/"), pending...)
			continue
		}
		if len(pending) > 0 && !fi.IsDir() {
			return "", 0, fmt.Errorf("is a symbolic link to %s/%s, which does not exist", cur, strings.Join(pending, "/"))
		}
		done = append(done, el)
		mode = fi.Mode()
	}
	if len(done) == 0 {
		return ".", fs.ModeDir, nil
	}
	return path.Join(done...), mode, nil
}
