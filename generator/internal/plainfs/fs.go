package plainfs

import (
	"fmt"
	"io/fs"
	"path"
)

// Check decides about one entry whose own type (not following links, as
// fs.DirEntry.Type gives it) is mode: it returns the path inside fsys to
// open — name itself for a plain file, the target for a link to a plain
// file inside fsys — or an error saying why the entry is not read.
func Check(fsys fs.FS, name string, mode fs.FileMode) (string, error) {
	if mode.IsRegular() {
		return name, nil
	}
	if mode&fs.ModeSymlink == 0 {
		return "", fmt.Errorf("is %s, not a plain file: not read", KindOf(mode))
	}
	real, rmode, err := Resolve(fsys, name)
	switch {
	case err != nil:
		return "", fmt.Errorf("%v: not read", err)
	case rmode.IsDir():
		return "", fmt.Errorf("is a symbolic link to the folder %s: not followed", real)
	case !rmode.IsRegular():
		return "", fmt.Errorf("is a symbolic link to %s, %s, not a plain file: not read", real, KindOf(rmode))
	}
	return real, nil
}

// Problem is an entry of a folder that is not read, and why.
type Problem struct {
	Path string
	Why  error
}

// Scan lists every entry of fsys, at any depth, that is not read (see
// Check), in the order of a walk. Folders whose name starts with a dot are
// not entered.
func Scan(fsys fs.FS) []Problem {
	var out []Problem
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, Problem{Path: p, Why: fmt.Errorf("cannot be read: %w", err)})
			return nil
		}
		if d.IsDir() {
			if p != "." && d.Name()[0] == '.' {
				return fs.SkipDir
			}
			return nil
		}
		if _, err := Check(fsys, p, d.Type()); err != nil {
			out = append(out, Problem{Path: p, Why: err})
		}
		return nil
	})
	return out
}

// FS reads only the plain files of a folder: it opens a symbolic link to a
// plain file inside the folder through its target, lists only what it
// would open, and answers as if nothing else existed (an error that is
// fs.ErrNotExist), so that a template that is a named pipe falls back to
// the built-in one instead of blocking the build. Report what it hides
// with Scan.
type FS struct{ fsys fs.FS }

// New wraps fsys.
func New(fsys fs.FS) FS { return FS{fsys: fsys} }

// Open opens a plain file or a folder.
func (f FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	real, mode, err := Resolve(f.fsys, name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%v)", fs.ErrNotExist, err)}
	}
	if !mode.IsRegular() && !mode.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%s, not a plain file)", fs.ErrNotExist, KindOf(mode))}
	}
	return f.fsys.Open(real)
}

// ReadDir lists the folders, plain files and links to plain files in a
// folder.
func (f FS) ReadDir(name string) ([]fs.DirEntry, error) {
	real, mode, err := Resolve(f.fsys, name)
	if err != nil || !mode.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(f.fsys, real)
	if err != nil {
		return nil, err
	}
	out := entries[:0]
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e)
			continue
		}
		if _, err := Check(f.fsys, path.Join(real, e.Name()), e.Type()); err == nil {
			out = append(out, e)
		}
	}
	return out, nil
}
