package scheme

import "strings"

// productSchemes maps the project's product keys ("vendor:product", the
// CPE vendor and product) to the vendor scheme their versions are
// written in. It is the one table of issue 12 item 2; products_test.go
// checks every entry names a scheme and parses a real version.
var productSchemes = map[string]string{
	"paloaltonetworks:pan-os":           "panos",
	"juniper:junos":                     "junos",
	"juniper:junos_os_evolved":          "junos",
	"isc:bind":                          "bind",
	"gitlab:gitlab":                     "gitlab",
	"oracle:jdk":                        "java",
	"oracle:jre":                        "java",
	"oracle:java_se":                    "java",
	"oracle:openjdk":                    "java",
	"oracle:java":                       "java",
	"apache:tomcat":                     "tomcat",
	"vmware:esxi":                       "vmware",
	"vmware:vcenter_server":             "vmware",
	"vmware:cloud_foundation":           "vmware",
	"cisco:ios":                         "cisco",
	"cisco:ios_xe":                      "cisco",
	"cisco:adaptive_security_appliance": "cisco",
	"cisco:adaptive_security_appliance_software": "cisco",
}

// ForProduct returns the vendor scheme of a product key such as
// "paloaltonetworks:pan-os" (case-insensitive), or false when the
// product has none.
func ForProduct(productKey string) (Scheme, bool) {
	name, ok := productSchemes[strings.ToLower(strings.TrimSpace(productKey))]
	if !ok {
		return nil, false
	}
	return Lookup(name)
}
