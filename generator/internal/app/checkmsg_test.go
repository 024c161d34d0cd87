package app

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCheckContent checks that check validates the content pages with
// positioned diagnostics and fails (exit 1) when a page would stop the
// build, saying so rather than that records were rejected.
func TestCheckContent(t *testing.T) {
	fsys := fixture(month1)
	pages := fstest.MapFS{
		"about.md":    {Data: []byte("---\ntitle: 概要\nweight: 1\n---\n# 本文\n")},
		"bad.md":      {Data: []byte("# no front matter\n")},
		"weight.md":   {Data: []byte("---\ntitle: x\nweight: heavy\n---\nbody\n")},
		"lang.en.md":  {Data: []byte("---\ntitle: x\nlanguage: fr\n---\nbody\n")},
		"notpage.txt": {Data: []byte("ignored")},
	}
	var o, e bytes.Buffer
	err := Check(Options{Data: fsys, Content: pages}, &o, &e)
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("check: %v, want exit 1", err)
	}
	if strings.Contains(err.Error(), "records were rejected") || strings.Contains(err.Error(), "不採用") {
		t.Errorf("check says records were rejected when none were: %v", err)
	}
	if !strings.Contains(err.Error(), "content/ のページ 3 件にエラー") {
		t.Errorf("check's error %q does not count the 3 bad pages", err)
	}
	for _, want := range []string{
		"content/bad.md:1:1: error: content/ のページ: missing front matter",
		"content/weight.md:3:1: error: content/ のページ: weight \"heavy\" is not an integer",
		"content/lang.en.md:3:1: error: content/ のページ: language \"fr\" is not one of ja, en",
	} {
		if !strings.Contains(o.String(), want) {
			t.Errorf("check does not say %q:\n%s", want, o.String())
		}
	}
	if strings.Contains(o.String(), "about.md") {
		t.Errorf("a good page was reported:\n%s", o.String())
	}
	// the same pages without errors pass
	o.Reset()
	if err := Check(Options{Data: fsys, Content: fstest.MapFS{"about.md": pages["about.md"]}}, &o, &e); err != nil {
		t.Errorf("check of good pages: %v\n%s", err, o.String())
	}
}

// TestCheckWording checks that check's failure says what happened: a file
// that cannot be trusted is not "records were rejected", and a rejection
// is counted, in the policy's first language.
func TestCheckWording(t *testing.T) {
	fsys := fixture(month1)
	fsys["feeds/kev/kev.json"] = &fstest.MapFile{Data: []byte(`{"vulnerabilities": [`)}
	var o, e bytes.Buffer
	err := Check(Options{Data: fsys}, &o, &e)
	if !errors.Is(err, ErrRejected) || err.Error() != "レポートを作成できません (信頼できないファイル 1 件。上の理由を参照)" {
		t.Errorf("untrusted file: %v", err)
	}
	fsys = fixture(month1 + "web,apache:struts\n")
	fsys["policy.yaml"] = &fstest.MapFile{Data: []byte("organization: Test Corp\nlanguages: [en]\n")}
	err = Check(Options{Data: fsys}, &o, &e)
	if !errors.Is(err, ErrRejected) || err.Error() != "1 of 13 records rejected" {
		t.Errorf("rejected row: %v", err)
	}
}
