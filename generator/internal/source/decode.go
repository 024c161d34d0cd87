package source

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"vulnreport/generator/internal/i18n"
)

// Decoder reads typed fields out of one Record, reporting every problem
// with the field's position. Call Finish when done: it warns about fields
// that were never read and says whether the record is accepted.
type Decoder struct {
	rec   Record
	diags *Diagnostics
	// used marks the record's fields read, by slot; other lists the
	// keys read that name no field (absent ones, groups).
	used    []uint64
	other   []string
	usedBuf [2]uint64
	// otherBuf holds other without an allocation for the absent keys an
	// entity reads (an advisory's CSV row lacks a dozen).
	otherBuf [16]string
	errs     []string
	entity   string
	// missing lists the required fields found absent.
	missing []string
	// keep makes a wrong optional field a warning (KeepOnOptional).
	keep bool
}

// decoders holds released decoders for reuse.
var decoders = sync.Pool{New: func() any { return new(Decoder) }}

// NewDecoder starts decoding rec, an entity of the given kind.
func NewDecoder(entity string, rec Record, diags *Diagnostics) *Decoder {
	d := decoders.Get().(*Decoder)
	*d = Decoder{rec: rec, diags: diags, entity: entity}
	if n := (rec.nslots() + 63) / 64; n <= len(d.usedBuf) {
		d.used = d.usedBuf[:n]
	} else {
		d.used = make([]uint64, n)
	}
	d.other = d.otherBuf[:0]
	return d
}

// Release hands the decoder back for reuse by NewDecoder, once its
// caller is done with it: d must not be used afterwards. The slice
// Reasons returned stays valid.
func (d *Decoder) Release() {
	*d = Decoder{}
	decoders.Put(d)
}

// Record returns the record being decoded.
func (d *Decoder) Record() Record { return d.rec }

// use marks key read and returns its slot, or -1 when it names no field.
func (d *Decoder) use(key string) int {
	i := d.rec.slot(key)
	if i >= 0 {
		d.used[i/64] |= 1 << (i % 64)
	} else if !slices.Contains(d.other, key) {
		d.other = append(d.other, key)
	}
	return i
}

// field returns the value of key and where to report a problem with it.
func (d *Decoder) field(key string) (Value, bool) {
	if i := d.rec.slot(key); i >= 0 {
		return d.rec.at(i), true
	}
	return Value{}, false
}

// Errorf reports an error on field key and rejects the record.
func (d *Decoder) Errorf(key string, format string, args ...any) {
	pos := d.Pos(key)
	msg := fmt.Sprintf(format, args...)
	if key != "" {
		msg = fmt.Sprintf("field %q: %s", key, msg)
	}
	d.diags.Errorf(pos, "%s", msg)
	d.errs = append(d.errs, pos.String()+": "+msg)
}

// Warnf reports a warning on field key.
func (d *Decoder) Warnf(key string, format string, args ...any) {
	d.diags.Warnf(d.Pos(key), "field %q: %s", key, fmt.Sprintf(format, args...))
}

// Reject records a reason that was already reported elsewhere (a nested
// record's error), rejecting the record without a second diagnostic.
func (d *Decoder) Reject(reason string) { d.errs = append(d.errs, reason) }

// Used reports whether the decoder read field key.
func (d *Decoder) Used(key string) bool {
	if i := d.rec.slot(key); i >= 0 && d.used[i/64]&(1<<(i%64)) != 0 {
		return true
	}
	return slices.Contains(d.other, key)
}

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
	v, ok := d.field(key)
	return ok && (v.IsList || v.Text != "")
}

// Pos returns the position of field key, or of the record.
func (d *Decoder) Pos(key string) Pos {
	if v, ok := d.field(key); ok {
		return v.Pos
	}
	return d.rec.Pos
}

func (d *Decoder) scalar(key string) (string, bool) {
	i := d.use(key)
	if i < 0 {
		return "", false
	}
	v := d.rec.at(i)
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
		d.missing = append(d.missing, key)
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
		d.missing = append(d.missing, key)
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
	if err != nil && !required {
		d.optionalErrorf(key, "%v", err)
		return time.Time{}
	}
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
		d.optionalErrorf(key, "%q is not a whole number of zero or more", clip(s))
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
		d.optionalErrorf(key, "%q is not a number from %g to %g", clip(s), lo, hi)
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
		d.optionalErrorf(key, "%q is not true or false", clip(s))
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
	return d.enumValue(key, s, !required, allowed, aliases)
}

func (d *Decoder) enumValue(key, s string, optional bool, allowed []string, aliases map[string]string) string {
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
	if optional {
		d.optionalErrorf(key, "%q is not one of %s", clip(s), strings.Join(allowed, ", "))
		return ""
	}
	d.Errorf(key, "%q is not one of %s", clip(s), strings.Join(allowed, ", "))
	return ""
}

// List returns key as a list of strings.
func (d *Decoder) List(key string) []string {
	i := d.use(key)
	if i < 0 {
		return nil
	}
	return d.rec.at(i).Items()
}

// EnumList returns key as a list of allowed values.
func (d *Decoder) EnumList(key string, allowed []string, aliases map[string]string) []string {
	var out []string
	for _, s := range d.List(key) {
		if v := d.enumValue(key, s, true, allowed, aliases); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Group returns the nested records under key and marks them read.
func (d *Decoder) Group(key string) []Record {
	d.use(key)
	return d.rec.Group(key)
}

// Finish warns about every field that was not read and reports whether
// the record is accepted (no errors).
func (d *Decoder) Finish() bool {
	if h := d.rec.hdr; h != nil {
		for i, k := range h.keys {
			if d.used[i/64]&(1<<(i%64)) == 0 && !slices.Contains(d.other, k) {
				d.unknown(k)
			}
		}
	}
	for _, k := range d.rec.keys {
		if !d.Used(k) {
			d.unknown(k)
		}
	}
	return len(d.errs) == 0
}

func (d *Decoder) unknown(key string) {
	d.diags.Warnf(d.Pos(key), "%s: unknown field %q: ignored", d.entity, key)
}
