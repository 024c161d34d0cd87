package site

import (
	"testing"
	"time"

	"vulnreport/generator/internal/i18n"
)

// TestTableHelpers pins the table shape the page writers share to the
// bytes the templates write, and the escaping of what a row heads with.
func TestTableHelpers(t *testing.T) {
	w := &pageWriter{labels: map[string]string{"col.a": "A &amp; B", "col.b": "B"}}
	cases := []struct{ got, want string }{
		{string(openTable(nil, "Cap", false)), "<table>\n<caption class=\"vh\">Cap</caption>\n<thead><tr>"},
		{string(openTable(nil, "Cap", true)), "<table>\n<caption>Cap</caption>\n<thead><tr>"},
		{string(openScrollTable(nil, "Cap")), "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Cap\">\n<table>\n<caption class=\"vh\">Cap</caption>\n<thead><tr>"},
		{string(w.colHeads(nil, "col.a", "col.b")), `<th scope="col">A &amp; B</th><th scope="col">B</th></tr></thead>` + "\n<tbody>"},
		{string(rowHead(nil, `<script>"x'&+`)), `<tr><th scope="row">&lt;script&gt;&#34;x&#39;&amp;&#43;</th>`},
		{string(dateCells([]byte("<td>x"), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), time.Time{})),
			`<td>x</td><td><time datetime="2026-01-02">2026-01-02</time></td><td>-`},
		{string(lifecycleTag(nil, newLabels(i18n.EN), `eol"><b>`)), `<span class="lc eol&#34;&gt;&lt;b&gt;">` + "lifecycle.eol&#34;&gt;&lt;b&gt;</span>"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d:\n got %q\nwant %q", i, c.got, c.want)
		}
	}
}
