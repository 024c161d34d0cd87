package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrBusy is returned by LockOutput when another build holds the lock of
// the same output folder.
var ErrBusy = errors.New("another build is writing this output")

// BusyError says which lock is held, and by which process when it wrote
// its id.
type BusyError struct {
	Out, Lock string
	PID       int
}

func (e *BusyError) Error() string {
	who := ""
	if e.PID > 0 {
		who = fmt.Sprintf(" (process %d)", e.PID)
	}
	return fmt.Sprintf("別のビルドが %s に書き込み中です%s。終わるのを待ってから実行してください\n"+
		"  another build is writing %s%s (lock %s): run again when it has finished", e.Out, who, e.Out, who, e.Lock)
}

func (e *BusyError) Is(target error) bool { return target == ErrBusy }

// LockName returns the lock file of an output folder: beside it, not in
// it, so that it never becomes part of the output and survives the swap.
// The name starts with a dot and so never looks like a staging folder.
func LockName(out string) string {
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
}

// OutputLock is held by one build of an output folder from before the
// folder is checked until its new contents are published.
type OutputLock struct {
	f    *os.File
	path string
}

// LockOutput takes the lock of an output folder without waiting: when
// another build holds it, it fails at once with a *BusyError. The lock is
// an flock(2) on the lock file, which the kernel releases when the process
// ends however it ends, so a killed build never blocks the next one; the
// file it leaves behind is taken over.
func LockOutput(out string) (*OutputLock, error) {
	p := LockName(out)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, fmt.Errorf("locking %s: %w", out, err)
	}
	// A release removes the file while still holding it: a build that
	// opened the old file before it was removed retries on the new one.
	for range 16 {
		f, err := openLockFile(p)
		if err != nil {
			return nil, fmt.Errorf("locking %s: %w", out, err)
		}
		held, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", out, err)
		}
		if !held {
			pid := readPID(f)
			f.Close()
			return nil, &BusyError{Out: out, Lock: p, PID: pid}
		}
		fi, err1 := f.Stat()
		cur, err2 := os.Lstat(p)
		if err1 != nil || err2 != nil || !os.SameFile(fi, cur) {
			f.Close() // removed or replaced under us: try the new file
			continue
		}
		if err := f.Truncate(0); err == nil {
			_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
		return &OutputLock{f: f, path: p}, nil
	}
	return nil, fmt.Errorf("locking %s: the lock file %s keeps changing", out, p)
}

// Release removes the lock file and releases the lock. It may be called
// more than once.
func (l *OutputLock) Release() {
	if l == nil || l.f == nil {
		return
	}
	_ = os.Remove(l.path)
	l.f.Close()
	l.f = nil
}

func readPID(f *os.File) int {
	b := make([]byte, 32)
	n, _ := f.ReadAt(b, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n])))
	if err != nil {
		return 0
	}
	return pid
}
