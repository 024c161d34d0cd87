package source

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFastDateMatchesTimeParse checks ParseDate's fast path against
// time.Parse on every month and day of many years, and on near misses.
func TestFastDateMatchesTimeParse(t *testing.T) {
	years := []int{0, 1, 4, 99, 100, 400, 1582, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999}
	for y := 1970; y < 2040; y++ {
		years = append(years, y)
	}
	var inputs []string
	for _, y := range years {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				inputs = append(inputs, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	inputs = append(inputs, "2024-2-01", "+001-01-01", "-001-01-01", "2024/01/01", "2024-01-01 ", " 2024-01-01",
		"２０２４-01-01", "2024-01-1a", "20240-01-01", "")
	for _, s := range inputs {
		want, werr := time.Parse(DateLayout, s)
		got, ok := fastDate(s)
		if ok && (werr != nil || !got.Equal(want) || got != want) {
			t.Errorf("fastDate(%q) = %v, time.Parse = %v, %v", s, got, want, werr)
		}
		// ParseDate also reads YYYY/M/D and YYYY-M-D, and refuses years
		// before MinDateYear: compare it where neither applies.
		if werr == nil && want.Year() < MinDateYear || strings.ContainsRune(s, '/') || len(s) < 10 {
			continue
		}
		g, gerr := ParseDate(s)
		if (gerr == nil) != (werr == nil) || g != want {
			t.Errorf("ParseDate(%q) = %v, %v; time.Parse = %v, %v", s, g, gerr, want, werr)
		}
	}
}

// TestValidIDMatchesPattern checks the id rule against the regular
// expression it replaces.
func TestValidIDMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	old := func(s string) bool { return re.MatchString(s) && s != "." && s != ".." && !strings.Contains(s, "..") }
	inputs := []string{"", ".", "..", "a", "a.", "a..b", "a.b.c", "-a", "_a", "a-", "a_b", "A9", "é", "a\n", "a b", "web-01.x_y"}
	alphabet := []byte("aZ09._-/ \n\xff")
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(6))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		if validID(s) != old(s) {
			t.Errorf("validID(%q) = %v, want %v", s, validID(s), old(s))
		}
	}
}

// TestRecordStorage checks that a CSV row, its copy without some fields
// and a record built with Set answer alike, through a Decoder as well.
func TestRecordStorage(t *testing.T) {
	data := "a,b,c,d\n1,,x;y; ,4\n"
	recs, _, _, _ := readCSV(t, []byte(data), nil)
	row := recs[0]
	built := NewRecord(row.Pos)
	for _, k := range row.Keys() {
		v, _ := row.Get(k)
		built.Set(k, v)
	}
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		v1, ok1 := row.Get(k)
		v2, ok2 := built.Get(k)
		if ok1 != ok2 || fmt.Sprint(v1) != fmt.Sprint(v2) {
			t.Errorf("Get(%q): row %v %v, built %v %v", k, v1, ok1, v2, ok2)
		}
	}
	if v, _ := row.Get("c"); !slices.Equal(v.Items(), []string{"x", "y"}) {
		t.Errorf("Items = %q", v.Items())
	}
	less := row.Without("b", "d")
	if got := less.Keys(); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("Without: keys %q", got)
	}
	less.Set("a", Value{Text: "changed", Pos: Pos{row.Pos.File, 9, 9}})
	less.AddGroup("g", NewRecord(row.Pos))
	if v, _ := row.Get("a"); v.Text != "1" {
		t.Errorf("Set on a copy changed the row: %q", v.Text)
	}
	if got := less.Keys(); !slices.Equal(got, []string{"a", "c", "g"}) {
		t.Errorf("keys %q", got)
	}
	less.Set("new", Value{Text: "n"})
	if got := less.Keys(); !slices.Equal(got, []string{"a", "c", "g", "new"}) {
		t.Errorf("keys after a new field %q", got)
	}
	if v, _ := less.Get("a"); v.Text != "changed" || v.Pos.Line != 9 {
		t.Errorf("a = %+v", v)
	}
	var diags Diagnostics
	d := NewDecoder("x", row, &diags)
	if d.String("a", true) != "1" || d.Has("b") || !d.Used("a") || d.Used("c") {
		t.Errorf("decoder reads wrong")
	}
	d.String("absent", false)
	if !d.Used("absent") {
		t.Errorf("an absent field read is not used")
	}
	d.Finish()
	var got []string
	for _, x := range diags.Sorted() {
		got = append(got, x.String())
	}
	want := []string{`f.csv:2:3: warning: x: unknown field "b": ignored`, `f.csv:2:4: warning: x: unknown field "c": ignored`,
		`f.csv:2:10: warning: x: unknown field "d": ignored`}
	if !slices.Equal(got, want) {
		t.Errorf("Finish: %q, want %q", got, want)
	}
	d.Release()
}

// TestReadCSVBatches reads more rows than one batch holds, with bad rows
// among them, reusing record storage, and checks that records, rejected
// rows and diagnostics come in the order of the file.
func TestReadCSVBatches(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,n\n")
	for i := range 3 * batchRows {
		if i%100 == 7 {
			fmt.Fprintf(&b, "bad%d\n", i)
			continue
		}
		fmt.Fprintf(&b, "r%d,%d\n", i, i)
	}
	for _, transient := range []bool{false, true} {
		var diags Diagnostics
		var events []string
		var kept []Record
		res, err := ReadCSV("f.csv", strings.NewReader(b.String()), CSVOptions{Transient: transient}, &diags,
			func(r Record) {
				v, _ := r.Get("n")
				events = append(events, fmt.Sprintf("rec %d %s", r.Pos.Line, v.Text))
				if !transient {
					kept = append(kept, r)
				}
			},
			func(p Pos, msg string) {
				events = append(events, fmt.Sprintf("bad %d %d", p.Line, diags.Len()))
			})
		if err != nil || res.Rows != 3*batchRows {
			t.Fatalf("rows %d, err %v", res.Rows, err)
		}
		for i, e := range events {
			n := i + 2
			want := fmt.Sprintf("rec %d %d", n, i)
			if i%100 == 7 {
				// the diagnostic is reported before the row is rejected
				want = fmt.Sprintf("bad %d %d", n, i/100+1)
			}
			if e != want {
				t.Fatalf("transient %v: event %d = %q, want %q", transient, i, e, want)
			}
		}
		for _, r := range kept {
			if v, _ := r.Get("id"); v.Text != fmt.Sprintf("r%d", r.Pos.Line-2) {
				t.Fatalf("a kept record changed: %v", v)
			}
		}
	}
}

// TestReadCSVPanic checks that a callback's panic reaches the caller and
// leaves no reader behind.
func TestReadCSVPanic(t *testing.T) {
	data := "a\n" + strings.Repeat("x\n", 10*batchRows)
	defer func() {
		if recover() == nil {
			t.Error("the panic was lost")
		}
	}()
	var diags Diagnostics
	_, _ = ReadCSV("f.csv", strings.NewReader(data), CSVOptions{}, &diags, func(Record) { panic("boom") }, func(Pos, string) {})
}
