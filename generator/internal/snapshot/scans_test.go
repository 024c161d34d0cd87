package snapshot

import "testing"

func TestHostMatches(t *testing.T) {
	for _, c := range []struct {
		subject, system string
		want            bool
	}{
		{"int-monitor-01", "int-monitor", true},
		{"INT_MONITOR.example.jp", "int-monitor", true},
		{"web-shop-01", "int-monitor", false},
		{"", "int-monitor", false},
		{"registry.example.jp/shop/app:1", "web-shop", true},
	} {
		if got := HostMatches(c.subject, c.system); got != c.want {
			t.Errorf("%q/%q: %v", c.subject, c.system, got)
		}
	}
}
