package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tmpPrefix and oldPrefix name the working folders beside the output.
const (
	tmpSuffix = ".tmp-"
	oldSuffix = ".old-"
)

// WriteDir writes every file of m into a new folder beside out and swaps
// it in place of out atomically: on Linux with renameat2(RENAME_EXCHANGE),
// elsewhere with two renames. Leftovers of earlier killed builds are
// removed first. A failure leaves out untouched.
func WriteDir(m *Memory, out string) error {
	st, err := NewStage(out)
	if err != nil {
		return err
	}
	defer st.Abort()
	for _, name := range m.Names() {
		data, _ := m.Get(name)
		if err := st.WriteFile(name, data); err != nil {
			return err
		}
	}
	return st.Commit()
}

// swap puts dir in place of out. When out exists it is exchanged
// atomically where the system allows, and the old contents removed.
func swap(dir, out string) error {
	st, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return os.Rename(dir, out)
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", out)
	}
	if err := exchange(dir, out); err == nil {
		// dir now holds the previous output. The new one is published:
		// a folder that cannot be removed now is removed by the next build.
		_ = os.RemoveAll(dir)
		return nil
	}
	return swapRenames(dir, out)
}

// swapRenames puts dir in place of the existing folder out with two
// renames, where the system has no atomic exchange. A build killed between
// them leaves out missing and the previous output in dir+oldSuffix, which
// the next build's cleanStale puts back.
func swapRenames(dir, out string) error {
	old := dir + oldSuffix
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(dir, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	_ = os.RemoveAll(old)
	return nil
}

// cleanStale removes temporary folders left by killed builds.
func cleanStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	out := filepath.Join(parent, base)
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || !strings.HasPrefix(n, base+tmpSuffix) {
			continue
		}
		p := filepath.Join(parent, n)
		// A build killed between the two fallback renames left the
		// previous output here: put it back.
		if strings.Contains(n, oldSuffix) {
			if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
				if os.Rename(p, out) == nil {
					continue
				}
			}
		}
		os.RemoveAll(p)
	}
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	_ = f.Sync()
	return nil
}
