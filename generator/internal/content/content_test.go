package content

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/i18n"
)

func page(front, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + front + "---\n" + body)}
}

func TestLoadOrdersAndParses(t *testing.T) {
	fsys := fstest.MapFS{
		"about.md":      page("title: このレポートについて\nweight: 10\nlanguage: ja\n", "# 見出し\n\n本文です。\n"),
		"about.en.md":   page("title: About this report\nweight: 10\n", "Text.\n"),
		"contacts.md":   page("title: 連絡先\nweight: 5\nlanguage: ja\n", "- 情報システム部\n"),
		"notes.txt":     {Data: []byte("ignored")},
		"sub/nested.md": page("title: nested\n", "not read"),
	}
	pages, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pages {
		got = append(got, string(p.Lang)+"/"+p.Slug)
	}
	if want := "en/about ja/contacts ja/about"; strings.Join(got, " ") != want {
		t.Errorf("pages = %v, want %s", got, want)
	}
	ja := pages[2]
	if ja.Title != "このレポートについて" || ja.Weight != 10 || ja.Lang != i18n.JA {
		t.Errorf("front matter = %+v", ja)
	}
	if !strings.Contains(string(ja.Body), "<h2>見出し</h2>") {
		t.Errorf("heading not shifted below the page's h1: %s", ja.Body)
	}
	tbl, err := Markdown([]byte("| a | b |\n| --- | --- |\n| 1 | 2 |\n"))
	if err != nil || !strings.Contains(string(tbl), `<th scope="col">a</th>`) {
		t.Errorf("table header cells lack scope: %s %v", tbl, err)
	}
}

func TestFrontMatterErrorsHaveFileLine(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"weight.md", "---\ntitle: x\nweight: heavy\n---\nbody\n", `weight.md:3: weight "heavy" is not an integer`},
		{"lang.md", "---\ntitle: x\nweight: 1\nlanguage: fr\n---\n", `lang.md:4: language "fr" is not one of ja, en`},
		{"unknown.md", "---\ntitle: x\nauthor: me\n---\n", `unknown.md:3: unknown front-matter field "author"`},
		{"notitle.md", "---\nweight: 1\n---\n", `notitle.md:2: title is required`},
		{"nofront.md", "# just markdown\n", `nofront.md:1: missing front matter`},
		{"open.md", "---\ntitle: x\n", `open.md:1: front matter is not closed`},
		{"syntax.md", "---\ntitle: x\nweight: [1\n---\n", `syntax.md:`},
		{"bad name!.md", "---\ntitle: x\n---\n", `bad name!.md:1: file name`},
		{"suffix.en.md", "---\ntitle: x\nlanguage: ja\n---\n", `suffix.en.md:1: language "ja" disagrees`},
	}
	for _, c := range cases {
		_, err := Load(fstest.MapFS{c.name: {Data: []byte(c.src)}})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want prefix %q", c.name, err, c.want)
		}
	}
}

func TestDuplicatePage(t *testing.T) {
	_, err := Load(fstest.MapFS{
		"a.md":    page("title: A\nlanguage: ja\n", ""),
		"a.ja.md": page("title: A again\n", ""),
	})
	if err == nil || !strings.Contains(err.Error(), `a.md:1: page "a" in ja is also defined by a.ja.md`) {
		t.Errorf("duplicate not reported: %v", err)
	}
}

// TestHostileMarkdown checks that raw HTML and script never reach the page
// and that links other than http(s), mailto and relative ones are dropped.
func TestHostileMarkdown(t *testing.T) {
	src := strings.Join([]string{
		"<script>alert(1)</script>",
		"",
		`<img src=x onerror=alert(1)>`,
		"",
		`Inline <b onclick="alert(1)">bold</b> and <svg onload=alert(1)>.`,
		"",
		"[click me](javascript:alert(1)) [upper](JAVASCRIPT:alert(1)) [tab](java\tscript:alert(1))",
		"[data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox) [file](file:///etc/passwd) [proto](//evil.example/x)",
		"<javascript:alert(1)> <https://jvn.jp/>",
		"",
		"![pixel](https://tracker.example/p.gif) ![local](img/a.png) ![js](javascript:alert(1))",
		"",
		"[ok](https://www.ipa.go.jp/security/) [rel](../method.html#sla) [mail](mailto:csirt@example.jp) [frag](#top)",
	}, "\n")
	out, err := Markdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	lower := strings.ToLower(html)
	for _, bad := range []string{"<script", "onerror", "onclick", "onload", "<svg", "<img src=\"x\"", `href="javascript`, `href="java`,
		`href="vbscript`, `href="data:`, `href="file:`, `href="//`, `src="https:`, `src="javascript`} {
		if strings.Contains(lower, bad) {
			t.Errorf("output contains %q:\n%s", bad, html)
		}
	}
	for _, good := range []string{"click me", "upper", `<a href="https://www.ipa.go.jp/security/">ok</a>`, `<a href="../method.html#sla">rel</a>`,
		`<a href="mailto:csirt@example.jp">mail</a>`, `<a href="#top">frag</a>`, `<a href="https://jvn.jp/">https://jvn.jp/</a>`,
		`<a href="https://tracker.example/p.gif">pixel</a>`, `<img src="img/a.png" alt="local">`, "js"} {
		if !strings.Contains(html, good) {
			t.Errorf("output lacks %q:\n%s", good, html)
		}
	}
}

func TestSafeLink(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://jvn.jp/": true, "http://example.jp/a?b=c": true, "mailto:a@example.jp": true, "page.html": true, "#x": true,
		"javascript:alert(1)": false, " javascript:alert(1)": false, "JavaScript:x": false, "data:text/html,x": false,
		"//evil.example": false, "https://": false, "ftp://example.jp": false, "\\\\server\\share": false,
	} {
		if got := SafeLink(dest); got != want {
			t.Errorf("SafeLink(%q) = %v, want %v", dest, got, want)
		}
	}
}

// TestSamplePages loads the repository's content folder.
func TestSamplePages(t *testing.T) {
	pages, err := Load(os.DirFS("../../../content"))
	if err != nil {
		t.Fatal(err)
	}
	langs := map[i18n.Lang]int{}
	for _, p := range pages {
		langs[p.Lang]++
		if strings.Contains(string(p.Body), "raw HTML omitted") {
			t.Errorf("%s: raw HTML in a sample page", p.File)
		}
	}
	if langs[i18n.JA] < 2 || langs[i18n.EN] < 2 {
		t.Errorf("sample pages per language = %v, want at least 2 each", langs)
	}
}
