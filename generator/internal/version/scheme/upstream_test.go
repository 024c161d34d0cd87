package scheme

import "testing"

func TestUpstream(t *testing.T) {
	for _, c := range []struct{ scheme, in, want string }{
		{"deb", "5.6.1+really5.4.5-1", "5.4.5"},
		{"deb", "5.6.1-1", "5.6.1"},
		{"deb", "2:4.15.5~dfsg-0ubuntu5", "4.15.5"},
		{"deb", "1.1.1n-0+deb11u5", "1.1.1n"},
		{"deb", "2.4.57+dfsg1-1", "2.4.57"},
		{"deb", "1.2+repack2", "1.2"},
		{"rpm", "1:5.6.1-2.fc40", "5.6.1"},
		{"rpm", "3.0.7-2.0.1.el9", "3.0.7"},
		{"apk", "1.1.1w-r0", "1.1.1w"},
		{"apk", "2.36.1_rc1-r2", "2.36.1_rc1"},
	} {
		v, err := MustLookup(c.scheme).Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := Upstream(v)
		if !ok || got != c.want {
			t.Errorf("Upstream(%s %q) = %q, %v; want %q", c.scheme, c.in, got, ok, c.want)
		}
		if _, err := Generic().Parse(got); err != nil {
			t.Errorf("upstream %q of %q is not a generic version: %v", got, c.in, err)
		}
	}
	g, _ := Generic().Parse("5.6.1")
	if _, ok := Upstream(g); ok {
		t.Errorf("Upstream of a generic version should be false")
	}
}
