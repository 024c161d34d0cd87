package scheme

import "testing"

// productSample is a real version of each vendor scheme's products.
var productSample = map[string]string{
	"panos": "10.2.9-h1", "junos": "21.4R3-S5", "bind": "9.11.4-P2", "gitlab": "14.6.0-ee",
	"java": "1.8.0_361", "tomcat": "10.1.0-M17", "vmware": "7.0U3p", "cisco": "15.2(4)M11",
}

func TestProductTable(t *testing.T) {
	for key, name := range productSchemes {
		s, ok := ForProduct(key)
		if !ok || s.Name() != name {
			t.Errorf("ForProduct(%q) = %v, %v; the table says %q, which must be a scheme", key, s, ok, name)
			continue
		}
		sample, ok := productSample[name]
		if !ok {
			t.Errorf("no sample version for scheme %q", name)
			continue
		}
		if _, err := s.Parse(sample); err != nil {
			t.Errorf("%s: %v", key, err)
		}
	}
	for key, want := range map[string]string{
		"PaloAltoNetworks:PAN-OS": "panos", " juniper:junos ": "junos", "isc:bind": "bind",
		"gitlab:gitlab": "gitlab", "oracle:jdk": "java", "oracle:jre": "java", "oracle:java_se": "java",
		"apache:tomcat": "tomcat",
	} {
		if s, ok := ForProduct(key); !ok || s.Name() != want {
			t.Errorf("ForProduct(%q) = %v, %v; want %s", key, s, ok, want)
		}
	}
	for _, key := range []string{"", "apache:struts", "openssl:openssl", "pan-os"} {
		if _, ok := ForProduct(key); ok {
			t.Errorf("ForProduct(%q) found a scheme", key)
		}
	}
}
