package xlsx

import (
	"bytes"
	"math"
	"strconv"
	"time"
)

// appendNumber appends f as excelize writes a number: the shortest
// decimal form, cut to Excel's 15 significant digits.
func appendNumber(dst []byte, f float64) []byte {
	// A whole number of at most 15 digits (a date, a count) is its
	// digits, which AppendInt writes faster; negative zero is "-0".
	if n := int64(f); float64(n) == f && n > -1e15 && n < 1e15 && (n != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(dst, n, 10)
	}
	if out, ok := appendDecimal(dst, f); ok {
		return out
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'f', -1, 64)
	if math.Abs(f) == math.MaxFloat64 {
		return dst
	}
	s := dst[start:]
	point := bytes.IndexByte(s, '.')
	significant := 0
	for i, c := range s {
		if c < '0' || c > '9' || significant == 0 && c == '0' {
			continue
		}
		if significant++; significant <= 15 {
			continue
		}
		if point >= 0 && i > point {
			return bytes.TrimSuffix(dst[:start+i], []byte("."))
		}
		if point < 0 {
			point = len(s)
		}
		for ; i < point; i++ {
			s[i] = '0'
		}
		return dst[:start+point]
	}
	return dst
}

// appendDecimal appends f, not zero, when it is the double nearest a
// decimal of at most five places (a CVSS score, an EPSS probability) and
// below 10⁹: that decimal, its trailing zeros cut, which is the shortest
// form appendNumber writes (any other decimal of that many digits is
// another double), without strconv's search for it.
func appendDecimal(dst []byte, f float64) ([]byte, bool) {
	const scale = 100_000
	m := f * scale
	k := int64(m)
	if f == 0 || float64(k) != m || k <= -1e14 || k >= 1e14 || float64(k)/scale != f {
		return dst, false
	}
	if k < 0 {
		dst, k = append(dst, '-'), -k
	}
	dst = strconv.AppendInt(dst, k/scale, 10)
	frac := k % scale
	if frac == 0 {
		return dst, true
	}
	var d [5]byte
	for i := len(d) - 1; i >= 0; i-- {
		d[i], frac = byte('0'+frac%10), frac/10
	}
	n := len(d)
	for d[n-1] == '0' {
		n--
	}
	return append(append(dst, '.'), d[:n]...), true
}

// days returns t's day as an Excel date number.
func days(t time.Time) float64 {
	y, m, d := t.Date()
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(excelEpoch) / (24 * time.Hour))
}
