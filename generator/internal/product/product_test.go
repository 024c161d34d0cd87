package product

import "testing"

func TestResolve(t *testing.T) {
	r := NewResolver([]Product{
		{Key: "apache:log4j", Aliases: []string{"pkg:maven/org.apache.logging.log4j/log4j-core", "Apache Software Foundation Apache Log4j2", "cpe:2.3:a:apache:log4j2:*:*:*:*:*:*:*:*"}},
	})
	cases := []struct{ in, key, ver string }{
		{"apache:log4j", "apache:log4j", ""},
		{"Apache:Log4j", "apache:log4j", ""},
		{"cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*", "apache:log4j", "2.14.1"},
		{"cpe:/a:apache:log4j:2.14.1", "apache:log4j", "2.14.1"},
		{"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "apache:log4j", "2.14.1"},
		{"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar", "apache:log4j", "2.14.1"},
		{"apache software foundation  APACHE log4j2", "apache:log4j", ""},
		{"apache:log4j2", "apache:log4j", ""},
		{"cpe:2.3:a:microsoft:exchange_server:2016:cumulative_update_19:*:*:*:*:*:*", "microsoft:exchange_server", "2016"},
		{"pkg:npm/%40angular/core@16.0.0", "pkg:npm/@angular/core", "16.0.0"},
		{"acme:widget", "acme:widget", ""},
	}
	for _, tc := range cases {
		key, ver, err := r.Resolve(tc.in)
		if err != nil || key != tc.key || ver != tc.ver {
			t.Errorf("Resolve(%q) = %q %q %v, want %q %q", tc.in, key, ver, err, tc.key, tc.ver)
		}
	}
	for _, bad := range []string{"", "cpe:2.3:a:*:*", "pkg:maven", "cpe:/a:"} {
		if _, _, err := r.Resolve(bad); err == nil {
			t.Errorf("Resolve(%q) accepted", bad)
		}
	}
	if got := r.ResolveName("Apache Software Foundation", "Apache Log4j2"); got != "apache:log4j" {
		t.Errorf("ResolveName = %q", got)
	}
	if got := r.ResolveName("Fortinet", "FortiOS"); got != "fortinet:fortios" {
		t.Errorf("ResolveName fallback = %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"apache:struts", "cpe:2.3:a:a:b:1:*:*:*:*:*:*:*", "pkg:npm/x@1", "cpe:/a:x:y:1", "Free Text"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err == nil && r.Key == "" {
			t.Fatalf("Parse(%q) gave an empty key", s)
		}
	})
}
