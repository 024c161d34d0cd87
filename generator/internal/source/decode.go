package source

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"vulnreport/generator/internal/i18n"
)

// idPattern is the contract's rule for ids, which become file names.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// MaxIDLength bounds ids, which become file names.
const MaxIDLength = 128

// MaxTextLength bounds one text field.
const MaxTextLength = 64 << 10

// CheckID returns an error unless s is a valid id.
func CheckID(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("is empty")
	case len(s) > MaxIDLength:
		return fmt.Errorf("is %d characters long, more than %d", len(s), MaxIDLength)
	case !idPattern.MatchString(s) || s == "." || s == ".." || strings.Contains(s, ".."):
		return fmt.Errorf("%q is not a valid id: expected letters, digits, '.', '_' or '-', starting with a letter or digit", clip(s))
	}
	return nil
}

// DateLayout is the contract's date format.
const DateLayout = "2006-01-02"

// ParseDate parses a YYYY-MM-DD date, rejecting impossible days.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: expected YYYY-MM-DD", clip(s))
	}
	return t, nil
}

func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Decoder reads typed fields out of one Record, reporting every problem
// with the field's position. Call Finish when done: it warns about fields
// that were never read and says whether the record is accepted.
type Decoder struct {
	rec    Record
	diags  *Diagnostics
	used   map[string]bool
	errs   []string
	entity string
}

// NewDecoder starts decoding rec, an entity of the given kind.
func NewDecoder(entity string, rec Record, diags *Diagnostics) *Decoder {
	return &Decoder{rec: rec, diags: diags, used: map[string]bool{}, entity: entity}
}

// Record returns the record being decoded.
func (d *Decoder) Record() Record { return d.rec }

// Errorf reports an error on field key and rejects the record.
func (d *Decoder) Errorf(key string, format string, args ...any) {
	pos := d.rec.Pos
	if v, ok := d.rec.Fields[key]; ok {
		pos = v.Pos
	}
	msg := fmt.Sprintf(format, args...)
	if key != "" {
		msg = fmt.Sprintf("field %q: %s", key, msg)
	}
	d.diags.Errorf(pos, "%s", msg)
	d.errs = append(d.errs, pos.String()+": "+msg)
}

// Warnf reports a warning on field key.
func (d *Decoder) Warnf(key string, format string, args ...any) {
	pos := d.rec.Pos
	if v, ok := d.rec.Fields[key]; ok {
		pos = v.Pos
	}
	d.diags.Warnf(pos, "field %q: %s", key, fmt.Sprintf(format, args...))
}

// Reject records a reason that was already reported elsewhere (a nested
// record's error), rejecting the record without a second diagnostic.
func (d *Decoder) Reject(reason string) { d.errs = append(d.errs, reason) }

// Used reports whether the decoder read field key.
func (d *Decoder) Used(key string) bool { return d.used[key] }

// KnownFields probes a decode function: a field is known when decoding a
// record holding just that field reads it. CSV readers use it to warn once
// per unknown column instead of once per row.
func KnownFields(decode func(Record, *Diagnostics) *Decoder, extra ...string) func(string) bool {
	return func(key string) bool {
		for _, e := range extra {
			if e == key {
				return true
			}
		}
		rec := NewRecord(Pos{})
		rec.Set(key, Value{Text: "x"})
		var scratch Diagnostics
		return decode(rec, &scratch).Used(key)
	}
}

// Failed reports whether an error was found so far.
func (d *Decoder) Failed() bool { return len(d.errs) > 0 }

// Reasons returns the error messages found so far.
func (d *Decoder) Reasons() []string { return d.errs }

// Has reports whether key is present.
func (d *Decoder) Has(key string) bool {
	v, ok := d.rec.Fields[key]
	return ok && (v.IsList || v.Text != "")
}

// Pos returns the position of field key, or of the record.
func (d *Decoder) Pos(key string) Pos {
	if v, ok := d.rec.Fields[key]; ok {
		return v.Pos
	}
	return d.rec.Pos
}

func (d *Decoder) scalar(key string) (string, bool) {
	d.used[key] = true
	v, ok := d.rec.Fields[key]
	if !ok {
		return "", false
	}
	if v.IsList {
		if len(v.List) == 1 {
			return v.List[0], true
		}
		d.Errorf(key, "expected one value, got a list")
		return "", false
	}
	if v.Text == "" {
		return "", false
	}
	if len(v.Text) > MaxTextLength {
		d.Errorf(key, "text is %d bytes long, more than %d", len(v.Text), MaxTextLength)
		return "", false
	}
	return v.Text, v.Text != ""
}

// String returns the text of key; a required field that is missing is an error.
func (d *Decoder) String(key string, required bool) string {
	s, ok := d.scalar(key)
	if !ok && required && !d.hasErrorOn(key) {
		d.Errorf(key, "is required")
	}
	return s
}

func (d *Decoder) hasErrorOn(key string) bool {
	prefix := fmt.Sprintf("field %q:", key)
	for _, e := range d.errs {
		if strings.Contains(e, prefix) {
			return true
		}
	}
	return false
}

// ID returns key as an id, checked against the contract's id rule.
func (d *Decoder) ID(key string, required bool) string {
	s := d.String(key, required)
	if s == "" {
		return ""
	}
	if err := CheckID(s); err != nil {
		d.Errorf(key, "%v", err)
		return ""
	}
	return s
}

// Text returns a bilingual text from key, key.ja and key.en.
func (d *Decoder) Text(key string, required bool) i18n.Text {
	var t i18n.Text
	if s, ok := d.scalar(key); ok {
		t = i18n.Plain(s)
	}
	if s, ok := d.scalar(key + ".ja"); ok {
		t.JA = s
	}
	if s, ok := d.scalar(key + ".en"); ok {
		t.EN = s
	}
	if t.IsZero() && required && !d.hasErrorOn(key) {
		d.Errorf(key, "is required")
	}
	return t
}

// Date returns key as a date; the zero time when absent.
func (d *Decoder) Date(key string, required bool) time.Time {
	s := d.String(key, required)
	if s == "" {
		return time.Time{}
	}
	t, err := ParseDate(s)
	if err != nil {
		d.Errorf(key, "%v", err)
	}
	return t
}

// Int returns key as a non-negative integer; def when absent.
func (d *Decoder) Int(key string, def int) int {
	s, ok := d.scalar(key)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil || n < 0 {
		d.Errorf(key, "%q is not a whole number of zero or more", clip(s))
		return def
	}
	return n
}

// Float returns key as a number between lo and hi; ok is false when absent
// or invalid.
func (d *Decoder) Float(key string, lo, hi float64) (float64, bool) {
	s, ok := d.scalar(key)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < lo || f > hi {
		d.Errorf(key, "%q is not a number from %g to %g", clip(s), lo, hi)
		return 0, false
	}
	return f, true
}

var boolWords = map[string]bool{
	"true": true, "yes": true, "y": true, "1": true, "はい": true, "○": true, "有": true, "あり": true,
	"false": false, "no": false, "n": false, "0": false, "いいえ": false, "×": false, "無": false, "なし": false,
}

// Bool returns key as a boolean; set is false when absent or invalid.
func (d *Decoder) Bool(key string) (value, set bool) {
	s, ok := d.scalar(key)
	if !ok {
		return false, false
	}
	b, known := boolWords[NormalizeKey(s)]
	if !known {
		d.Errorf(key, "%q is not true or false", clip(s))
		return false, false
	}
	return b, true
}

// Enum returns key as one of allowed values. aliases maps normalized
// alternative spellings (Japanese labels) to values.
func (d *Decoder) Enum(key string, required bool, allowed []string, aliases map[string]string) string {
	s := d.String(key, required)
	if s == "" {
		return ""
	}
	return d.enumValue(key, s, allowed, aliases)
}

func (d *Decoder) enumValue(key, s string, allowed []string, aliases map[string]string) string {
	k := NormalizeKey(s)
	for _, a := range allowed {
		if k == a {
			return a
		}
	}
	if a, ok := aliases[k]; ok {
		return a
	}
	for alias, a := range aliases {
		// Alias tables are written by hand ("①調査"); compare them folded
		// the same way as the input ("1調査").
		if NormalizeKey(alias) == k {
			return a
		}
	}
	d.Errorf(key, "%q is not one of %s", clip(s), strings.Join(allowed, ", "))
	return ""
}

// List returns key as a list of strings.
func (d *Decoder) List(key string) []string {
	d.used[key] = true
	v, ok := d.rec.Fields[key]
	if !ok {
		return nil
	}
	return v.Items()
}

// EnumList returns key as a list of allowed values.
func (d *Decoder) EnumList(key string, allowed []string, aliases map[string]string) []string {
	var out []string
	for _, s := range d.List(key) {
		if v := d.enumValue(key, s, allowed, aliases); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Group returns the nested records under key and marks them read.
func (d *Decoder) Group(key string) []Record {
	d.used[key] = true
	return d.rec.Groups[key]
}

// Finish warns about every field that was not read and reports whether
// the record is accepted (no errors).
func (d *Decoder) Finish() bool {
	for _, k := range d.rec.keys {
		if d.used[k] {
			continue
		}
		pos := d.rec.Pos
		if v, ok := d.rec.Fields[k]; ok {
			pos = v.Pos
		}
		d.diags.Warnf(pos, "%s: unknown field %q: ignored", d.entity, k)
	}
	return len(d.errs) == 0
}
