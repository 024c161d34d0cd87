package publish

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLockBusy takes an output's lock twice: the second fails at once,
// says another build is writing and names the holder; once released the
// lock file is gone and the lock can be taken again.
func TestLockBusy(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	first, err := LockOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(LockName(out)); err != nil {
		t.Fatalf("no lock file beside the output: %v", err)
	}
	if filepath.Dir(LockName(out)) != filepath.Dir(out) {
		t.Errorf("lock %s is not beside %s", LockName(out), out)
	}
	_, err = LockOutput(out)
	var busy *BusyError
	if !errors.As(err, &busy) || !errors.Is(err, ErrBusy) {
		t.Fatalf("second lock: %v, want a BusyError", err)
	}
	if busy.PID != os.Getpid() || !strings.Contains(err.Error(), "another build is writing "+out) || !strings.Contains(err.Error(), "別のビルド") {
		t.Errorf("message %q (pid %d)", err, busy.PID)
	}
	first.Release()
	first.Release() // harmless
	if _, err := os.Lstat(LockName(out)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file outlived its release: %v", err)
	}
	again, err := LockOutput(out)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again.Release()
}

// TestLockStaleFile takes over a lock file that no process holds (left by
// a killed build, with a process id that is gone).
func TestLockStaleFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := os.WriteFile(LockName(out), []byte("999999999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := LockOutput(out)
	if err != nil {
		t.Fatalf("a stale lock file blocks the build: %v", err)
	}
	l.Release()
}

// TestLockNotAFile refuses a lock path that is a symbolic link or a named
// pipe instead of following or blocking on it.
func TestLockNotAFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	victim := filepath.Join(dir, "victim")
	if err := os.WriteFile(victim, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, LockName(out)); err != nil {
		t.Fatal(err)
	}
	if l, err := LockOutput(out); err == nil {
		l.Release()
		t.Error("a symbolic link as lock file was followed")
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep" {
		t.Errorf("the link's target was written: %q", b)
	}
}

// TestLockReleasedWhenKilled starts a process that takes the lock and
// kills it (SIGKILL): while it lives the lock is busy with its process id;
// once it is dead the next build takes the lock at once, though the lock
// file is still there.
func TestLockReleasedWhenKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process: skipped in -short")
	}
	out := filepath.Join(t.TempDir(), "out")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHelperProcess$")
	cmd.Env = append(os.Environ(), "VULNREPORT_LOCK_HELPER="+out)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "locked\n" {
		t.Fatalf("helper: %q, %v", line, err)
	}
	_, err = LockOutput(out)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.PID != cmd.Process.Pid {
		t.Fatalf("while the holder lives: %v, want busy by %d", err, cmd.Process.Pid)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if _, err := os.Stat(LockName(out)); err != nil {
		t.Fatalf("the killed holder's lock file should still be there: %v", err)
	}
	l, err := LockOutput(out)
	if err != nil {
		t.Fatalf("a killed build's lock blocks the next build: %v", err)
	}
	l.Release()
}

// TestLockHelperProcess is the child of TestLockReleasedWhenKilled.
func TestLockHelperProcess(t *testing.T) {
	out := os.Getenv("VULNREPORT_LOCK_HELPER")
	if out == "" {
		t.Skip("helper process only")
	}
	if _, err := LockOutput(out); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("locked")
	time.Sleep(time.Minute)
	os.Exit(0)
}
