package policy

import (
	"fmt"
	"strconv"
	"strings"

	"vulnreport/generator/internal/source"
)

// AttackSigns are the settings of the access-log analysis (policy key
// attack_signs).
type AttackSigns struct {
	// Paranoia is the OWASP CRS paranoia level, 1 to 4 (1).
	Paranoia int
	// MaskAddresses masks source addresses to /24 and IPv6 /48 in every
	// output, as access logs are personal data (true).
	MaskAddresses bool
	// FailedLoginBurst failed logins within BurstWindowMinutes from one
	// source or for one user make a burst (10 within 10 minutes).
	FailedLoginBurst   int
	BurstWindowMinutes int
	// BusinessHours are the hours (local time, weekdays) outside which a
	// successful login is a sign ("08-20").
	BusinessStart, BusinessEnd int
}

// DefaultAttackSigns returns the defaults.
func DefaultAttackSigns() AttackSigns {
	return AttackSigns{Paranoia: 1, MaskAddresses: true, FailedLoginBurst: 10, BurstWindowMinutes: 10, BusinessStart: 8, BusinessEnd: 20}
}

// decodeAttackSigns reads attack_signs over the defaults.
func decodeAttackSigns(d *source.Decoder) AttackSigns {
	a := DefaultAttackSigns()
	if d.Has("attack_signs.paranoia") {
		if n := d.Int("attack_signs.paranoia", 1); n >= 1 && n <= 4 {
			a.Paranoia = n
		} else {
			d.Errorf("attack_signs.paranoia", "must be 1, 2, 3 or 4 (the OWASP CRS paranoia levels)")
		}
	}
	if v, set := d.Bool("attack_signs.mask_addresses"); set {
		a.MaskAddresses = v
	}
	a.FailedLoginBurst = positive(d, "attack_signs.failed_login_burst", a.FailedLoginBurst)
	a.BurstWindowMinutes = positive(d, "attack_signs.burst_window_minutes", a.BurstWindowMinutes)
	if h := d.String("attack_signs.business_hours", false); h != "" {
		s, e, err := hours(h)
		if err != nil {
			d.Errorf("attack_signs.business_hours", "%v", err)
		} else {
			a.BusinessStart, a.BusinessEnd = s, e
		}
	}
	return a
}

// hours reads "08-20".
func hours(h string) (int, int, error) {
	a, b, ok := strings.Cut(h, "-")
	s, err1 := strconv.Atoi(strings.TrimSpace(a))
	e, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || s < 0 || e > 24 || s >= e {
		return 0, 0, fmt.Errorf("%q is not a range of hours such as 08-20", h)
	}
	return s, e, nil
}
