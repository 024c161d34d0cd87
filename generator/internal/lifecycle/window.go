package lifecycle

import "time"

// WindowMonths are the look-ahead windows, in months, within which the
// reports count components reaching their end of life: 3, 6 and 12. The
// windows nest: a component within 3 months is also within 6 and 12.
var WindowMonths = [3]int{3, 6, 12}

// Window returns the position in WindowMonths of the smallest window,
// counted from asOf, that an end of life after asOf falls within; -1 when
// eol is unknown, not after asOf (already past), or beyond the last window.
func Window(eol, asOf time.Time) int {
	if eol.IsZero() || !eol.After(asOf) {
		return -1
	}
	for i, m := range WindowMonths {
		if !eol.After(asOf.AddDate(0, m, 0)) {
			return i
		}
	}
	return -1
}
