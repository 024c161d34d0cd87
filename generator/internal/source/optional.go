package source

import (
	"fmt"
	"slices"
	"time"
)

// Optional and required fields: what a wrong optional field costs, and
// which fields a CSV header must name.

// RequiredFields probes a decode function for the fields every record
// must have: those an empty record is rejected for lacking. A field
// written in two languages (name.ja, name.en) is named once, as "name".
func RequiredFields(decode func(Record, *Diagnostics) *Decoder) []string {
	var scratch Diagnostics
	return slices.Clone(decode(NewRecord(Pos{}), &scratch).missing)
}

// KeepOnOptional makes every optional field read afterwards that is
// wrong (not a number, not one of the values, not a date) a warning: the
// field is dropped and the record kept. Entities whose loss costs more
// than a field (a system, and every component on it) decode this way.
func (d *Decoder) KeepOnOptional() { d.keep = true }

// optionalErrorf reports a wrong optional field: a warning that drops it
// under KeepOnOptional, else an error that rejects the record.
func (d *Decoder) optionalErrorf(key string, format string, args ...any) {
	if d.keep {
		d.Warnf(key, "%s: the field is dropped and the record kept", fmt.Sprintf(format, args...))
		return
	}
	d.Errorf(key, format, args...)
}

// OptionalDate returns key as a date, the zero time when absent. A value
// that is not a date is dropped with a warning and the record kept: an
// optional date written wrongly must not cost the record (a system, and
// with it every component on it).
func (d *Decoder) OptionalDate(key string) time.Time {
	s := d.String(key, false)
	if s == "" {
		return time.Time{}
	}
	t, err := ParseDate(s)
	if err != nil {
		d.Warnf(key, "%v: the field is dropped and the record kept", err)
		return time.Time{}
	}
	return t
}
