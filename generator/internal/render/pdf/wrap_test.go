package pdf

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// cells measures text in character cells: one for ASCII, two otherwise,
// like a monospaced Japanese terminal.
func cells(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"empty", "", 10, nil},
		{"blank", "   ", 10, nil},
		{"fits", "abc def", 10, []string{"abc def"}},
		{"latin at spaces", "the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"japanese without spaces", "脆弱性対応ガイド", 6, []string{"脆弱性", "対応ガ", "イド"}},
		{"id kept whole", "対象はCVE-2021-44228です", 19, []string{"対象は", "CVE-2021-44228です"}},
		{"jvn id kept whole", "JVNDB-2017-001621 と CVE-2017-5638", 18, []string{"JVNDB-2017-001621", "と CVE-2017-5638"}},
		{"version kept whole", "を 15.1.2507.16 以降へ", 14, []string{"を", "15.1.2507.16", "以降へ"}},
		{"no line starts with 。", "対応が必要です。次へ", 14, []string{"対応が必要で", "す。次へ"}},
		{"no line starts with 、", "あいうえ、かき", 8, []string{"あいう", "え、かき"}},
		{"no line starts with small kana", "ちょっと待つ", 7, []string{"ちょっ", "と待つ"}},
		{"no line starts with ー", "サーバー更新", 4, []string{"サー", "バー", "更新"}},
		{"no line starts with closing bracket", "「更新」を行う", 8, []string{"「更新」", "を行う"}},
		{"no line ends with opening bracket", "あいう「更新」", 8, []string{"あいう", "「更新」"}},
		{"ascii paren after japanese", "(P1、4 件)", 6, []string{"(P1、4", "件)"}},
		{"over-wide token is hard-broken", "CVE-2021-44228", 5, []string{"CVE-2", "021-4", "4228"}},
		{"over-wide token after text", "ab CVE-2021-44228", 6, []string{"ab", "CVE-20", "21-442", "28"}},
		{"newlines kept", "一行目\n二行目", 20, []string{"一行目", "二行目"}},
		{"blank line kept", "a\n\nb", 20, []string{"a", "", "b"}},
		{"ideographic space is a gap", "株式会社　みなと", 8, []string{"株式会社", "みなと"}},
		{"circled step", "①調査②検討", 6, []string{"①調査", "②検討"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(cells, tt.text, tt.width)
			if !slices.Equal(got, tt.want) {
				t.Errorf("wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestWrapProperties checks, over awkward inputs, that no line is wider
// than the width (unless it is one character), that no text is lost, and
// that the kinsoku rules hold.
func TestWrapProperties(t *testing.T) {
	inputs := []string{
		strings.Repeat("脆弱性対応ガイド「企業情報システム」の対策。", 20),
		strings.Repeat("Apache Struts 2 (CVE-2017-5638, JVNDB-2017-001621) ", 15),
		"<script>alert('x')</script>" + strings.Repeat("あ", 300),
		strings.Repeat("x", 500),
		"①調査 ②影響と対策の検討 ③対策作業計画 ④対策の実施",
		"ー、。」』）ーっ",
	}
	for _, in := range inputs {
		for _, width := range []float64{1, 2, 3, 7, 16, 40, 120} {
			lines := wrap(cells, in, width)
			var joined strings.Builder
			for i, l := range lines {
				if cells(l) > width && utf8.RuneCountInString(l) > 1 {
					t.Errorf("width %v: line %q is %v wide", width, l, cells(l))
				}
				if i > 0 && width >= 16 && startsWithAny(l, noLineStart) {
					t.Errorf("width %v: line %d starts with a closing mark: %q", width, i, l)
				}
				if i < len(lines)-1 && width >= 16 && endsWithAny(l, noLineEnd) {
					t.Errorf("width %v: line %d ends with an opening bracket: %q", width, i, l)
				}
				joined.WriteString(l)
			}
			if got, want := strip(joined.String()), strip(in); got != want {
				t.Errorf("width %v: text changed:\n got %q\nwant %q", width, got, want)
			}
		}
	}
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

func TestBreaks(t *testing.T) {
	rows := func(n int, h float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = h
		}
		return out
	}
	tests := []struct {
		name string
		y    float64
		hs   []float64
		want []int
	}{
		{"fits", marginT, rows(10, 10), nil},
		{"header and first row do not fit", bottom - 8, rows(3, 10), []int{0}},
		{"widow moves up", bottom - 5 - 10*8 - 1, rows(9, 10), []int{6}},
		{"long table", marginT, rows(40, 10), []int{25}},
	}
	for _, tt := range tests {
		d := &doc{y: tt.y}
		got := d.breaks(tt.hs, 5)
		var idx []int
		for i := range tt.hs {
			if got[i] {
				idx = append(idx, i)
			}
		}
		if !slices.Equal(idx, tt.want) {
			t.Errorf("%s: breaks before %v, want %v", tt.name, idx, tt.want)
		}
	}
}
