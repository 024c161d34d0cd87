package fetch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// errNotOurs is returned for a file in the way that fetch did not write.
var errNotOurs = errors.New("the file is there already and fetch did not write it (it is not in feeds/FETCH.json): move it away to let fetch manage this feed")

// feedPath checks a relative path fetch is about to write: it must be
// feeds/<feed>/<name> with a plain file name, so that nothing a server
// says can place a file anywhere else.
func feedPath(feed, name string) (string, error) {
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\:`) || name == ".." {
		return "", fmt.Errorf("refusing file name %q for feed %s", name, feed)
	}
	return "feeds/" + feed + "/" + name, nil
}

// writeAtomic writes data to dataDir/rel through a hidden temporary file
// in the same folder, synced and renamed over the old copy, so that a
// build never reads a half-written file (the snapshot reader skips hidden
// files). It refuses to replace a file that owned says fetch did not
// write, or anything that is not a regular file.
func writeAtomic(dataDir, rel string, data []byte, owned bool) error {
	dst := filepath.Join(dataDir, filepath.FromSlash(rel))
	if fi, err := os.Lstat(dst); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file: refusing to replace it", rel)
		}
		if !owned {
			return fmt.Errorf("%s: %w", rel, errNotOurs)
		}
	} else if !os.IsNotExist(err) {
		return err
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".fetch-*.tmp")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return err
	}
	ok = true
	return nil
}

// readSnapshotFile reads a regular file of the snapshot, never following
// it elsewhere.
func readSnapshotFile(dataDir, rel string) ([]byte, error) {
	p := filepath.Join(dataDir, filepath.FromSlash(rel))
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", rel)
	}
	return os.ReadFile(p)
}
