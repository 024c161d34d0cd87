package app

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/source"
)

// TestDiagnosticsInBothLanguages runs every input this package's tests
// break (the slips of TestInputSlips, the hostile corpus, the sample
// snapshot) through check and the analysis, and asserts that every
// diagnostic it produces is in the catalogue in both languages: its
// message id and every message nested in it (a parser's reason, a field's
// error) has a Japanese text, so that a policy whose first language is
// Japanese never gets an English-only message.
func TestDiagnosticsInBothLanguages(t *testing.T) {
	inputs := map[string]fstest.MapFS{}
	for _, tc := range inputSlips(t) {
		fsys := fixture(month1)
		tc.change(fsys)
		inputs["slip/"+tc.name] = fsys
	}
	entries, err := os.ReadDir(hostileCorpus)
	if err != nil {
		t.Fatal(err)
	}
	dirs := map[string]string{"sample": "../../../data"}
	for _, e := range entries {
		if e.IsDir() {
			dirs["hostile/"+e.Name()] = filepath.Join(hostileCorpus, e.Name())
		}
	}
	untranslated := map[string][]string{} // message id → where seen
	seen := 0
	run := func(name string, opt Options) {
		var diags source.Diagnostics
		_, _, _ = Analyze(opt, &diags, func(string, int) {})
		checkContent(opt, &diags)
		for _, d := range diags.Sorted() {
			seen++
			ja := d.Message(i18n.JA)
			if !d.Translated() || !hasJapanese(ja) || englishLeft(ja) {
				id := d.Key
				if id == "" || id == "%s" || id == "%v" {
					id = d.Msg
				}
				untranslated[id] = append(untranslated[id], name+": "+d.Localized(i18n.JA))
			}
			if en := d.Message(i18n.EN); en != d.Msg {
				t.Errorf("%s: English message %q differs from Msg %q", name, en, d.Msg)
			}
		}
	}
	for name, fsys := range inputs {
		run(name, Options{Data: fsys})
	}
	for name, dir := range dirs {
		run(name, Options{Data: os.DirFS(dir), DataDir: dir})
	}
	if seen < 100 {
		t.Fatalf("only %d diagnostics seen: the inputs break too little", seen)
	}
	ids := make([]string, 0, len(untranslated))
	for id := range untranslated {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		t.Errorf("not in the catalogue in Japanese: %.300q\n  e.g. %.400s", id, untranslated[id][0])
	}
	t.Logf("%d diagnostics checked", seen)
}

// hasJapanese reports whether s holds kana or kanji.
func hasJapanese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
	})
}

// englishWords finds a run of four English words: a sentence left in
// English inside a Japanese message (quoted values are taken out first).
var (
	englishWords = regexp.MustCompile(`[A-Za-z]+(?: [A-Za-z][A-Za-z()']*){3,}`)
	quoted       = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|「[^」]*」|\x60[^\x60]*\x60`)
)

func englishLeft(s string) bool {
	return englishWords.MatchString(quoted.ReplaceAllString(s, ""))
}

// english makes check and build print their messages in English, for the
// tests that match the English text.
var english = []i18n.Lang{i18n.EN}
