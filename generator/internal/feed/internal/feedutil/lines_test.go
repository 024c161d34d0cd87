package feedutil

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// refLineCol is the straightforward definition LineCol must agree with:
// count the newlines before off, then the characters between the last of
// them and off.
func refLineCol(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte{'\n'}) + 1, utf8.RuneCount(data[start:off]) + 1
}

// checkLines asks l for every offset of offs, in that order, and compares
// each answer with the reference.
func checkLines(t *testing.T, data []byte, offs []int) {
	t.Helper()
	l := NewLines("f", data)
	for _, off := range offs {
		line, col := l.LineCol(off)
		wl, wc := refLineCol(data, off)
		if line != wl || col != wc {
			t.Fatalf("data %q: LineCol(%d) = %d:%d, want %d:%d (offsets %v)", data, off, line, col, wl, wc, offs)
		}
	}
}

func TestLinesAgainstReference(t *testing.T) {
	inputs := []string{
		"",
		"abc",
		`{"a":"日本語","b":[{"x":"é"},{"y":"😀"}]}`,
		"ab\nc日本d\n\nxyz\n",
		"\xe6\x97\xa5\xe6\x97\n\xff\xfe\xe6x\xe6\x97\xa5", // invalid and cut sequences
		"\r\n\r\n日\r\n",                                   // CRLF
		string(bytes.Repeat([]byte(`{"name":"コンポーネント","version":"1.0"},`), 50)), // one long line
	}
	for _, in := range inputs {
		data := []byte(in)
		var up, every []int
		for off := -1; off <= len(data)+1; off++ {
			up = append(up, off)
		}
		for step := 1; step <= 7; step++ {
			every = every[:0]
			for off := 0; off <= len(data); off += step {
				every = append(every, off)
			}
			checkLines(t, data, every)
		}
		checkLines(t, data, up)
		// backwards and zig-zag: the finder starts again when asked
		// for an earlier offset
		var down []int
		for off := len(data); off >= 0; off-- {
			down = append(down, off, off/2)
		}
		checkLines(t, data, down)
	}
}

// FuzzLines checks LineCol against the reference for any data and any
// sequence of offsets (each byte of offs moves the offset forward by up to
// 15 bytes, or back when its high bit is set).
func FuzzLines(f *testing.F) {
	f.Add([]byte("ab\nc日本d\n\nxyz"), []byte{1, 2, 3, 0x85, 4, 9})
	f.Add([]byte("\xe6\x97\xa5\xe6\x97\n\xff"), []byte{1, 1, 1, 1, 1, 1, 1, 0x83, 2})
	f.Add([]byte(`[{"a":"é"},{"b":"😀"}]`), []byte{10, 11, 1})
	f.Fuzz(func(t *testing.T, data, steps []byte) {
		off := 0
		offs := []int{0}
		for _, s := range steps {
			d := int(s & 0x0f)
			if s&0x80 != 0 {
				d = -d
			}
			off = max(0, off+d)
			offs = append(offs, off)
		}
		checkLines(t, data, offs)
	})
}
