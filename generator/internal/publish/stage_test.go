package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestStage writes files concurrently and piece by piece, and checks that
// the output is untouched until Commit, that the digests are the ones an
// in-memory build computes, and that files read back before and after.
func TestStage(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "old.html"), []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := NewStage(out)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Abort()
	want := map[string]string{}
	for i := range 200 {
		want[fmt.Sprintf("d%d/sub/page-%d.html", i%7, i)] = strings.Repeat(fmt.Sprint(i), i)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(want))
	for name, data := range want {
		wg.Go(func() { errs <- st.WriteFile(name, []byte(data)) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	w, err := st.Create("big.bin")
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		fmt.Fprint(w, "piece,")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want["big.bin"] = "piece,piece,piece,"

	if err := st.WriteFile("big.bin", []byte("again")); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("a path written twice: err = %v", err)
	}
	if _, err := st.Create("../escape"); err == nil {
		t.Error("a path leaving the folder was accepted")
	}
	if got := tree(t, out); len(got) != 1 || got["old.html"] != "previous" {
		t.Errorf("the output changed before Commit: %v", got)
	}
	if data, ok := st.Get("big.bin"); !ok || string(data) != want["big.bin"] {
		t.Errorf("Get before Commit = %q, %v", data, ok)
	}
	if !slices.Equal(st.Files(), memOf(t, want).Files()) {
		t.Error("the digests differ from an in-memory build's")
	}

	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	sameTree(t, tree(t, out), want)
	if data, ok := st.Get("d3/sub/page-10.html"); !ok || string(data) != want["d3/sub/page-10.html"] {
		t.Errorf("Get after Commit = %q, %v", data, ok)
	}
	if _, err := st.Open("never-written.html"); err == nil {
		t.Error("a file never written opened")
	}
	if err := st.WriteFile("late.html", nil); err == nil {
		t.Error("a file written after Commit was accepted")
	}
	if got := names(t, parent); !slices.Equal(got, []string{"output"}) {
		t.Errorf("left beside the output: %v", got)
	}
}

// TestStageAbort leaves the output as it was and removes the folder.
func TestStageAbort(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "output")
	st, err := NewStage(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	w, err := st.Create("unfinished.zip")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err == nil || !strings.Contains(err.Error(), "unfinished.zip") {
		t.Errorf("Commit with a file still open: err = %v", err)
	}
	w.Close()
	st.Abort()
	if got := names(t, parent); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}
