package source

import "testing"

// TestPosString: a position reads file:line:col, the column left out when
// 0 and both when the line is.
func TestPosString(t *testing.T) {
	for _, c := range []struct {
		p    Pos
		want string
	}{
		{Pos{File: "a.csv"}, "a.csv"},
		{Pos{File: "a.csv", Line: 12}, "a.csv:12"},
		{Pos{File: "a.csv", Line: 12, Col: 3}, "a.csv:12:3"},
		{Pos{File: "a.csv", Col: 3}, "a.csv"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.p, got, c.want)
		}
		if got := c.p.File + string(c.p.AppendSuffix(nil)); got != c.want {
			t.Errorf("%#v: file and AppendSuffix give %q, want %q", c.p, got, c.want)
		}
	}
}
