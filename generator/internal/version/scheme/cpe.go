package scheme

import (
	"regexp"
	"strings"
)

// foldRule folds one kind of CPE update value into the version.
type foldRule struct {
	// products lists the vendor:product keys the rule is for; empty means
	// any product (the general rules, tried after the product ones).
	products []string
	// update matches the whole (lower-case) update value.
	update *regexp.Regexp
	// fold builds the version from the CPE version and the submatches.
	fold func(version string, m []string) string
}

// foldRules is the table of FoldCPEUpdate, tried in order. Every update
// value found in the NVD and CVE 5 samples of ../shared/realdata is
// covered by a rule; cpe_test.go lists them.
var foldRules = []foldRule{
	{ // PAN-OS hotfixes: pan-os:10.2.8:h1 is 10.2.8-h1.
		products: []string{"paloaltonetworks:pan-os"},
		update:   regexp.MustCompile(`^h(\d+)$`),
		fold:     func(v string, m []string) string { return v + "-h" + m[1] },
	},
	{ // Junos: junos:21.4:r3-s5 is 21.4R3-S5, junos:15.1:x49-d200 is 15.1X49-D200.
		products: []string{"juniper:junos", "juniper:junos_os_evolved"},
		update:   regexp.MustCompile(`^[a-z]\d+(-[a-z]\d+)*(\.\d+)*$`),
		fold:     func(v string, m []string) string { return v + strings.ToUpper(m[0]) },
	},
	{ // Oracle Java: jdk:1.8.0:update361 is 1.8.0_361; jdk:8:update361 is 8u361.
		products: []string{"oracle:jdk", "oracle:jre", "oracle:java_se", "oracle:openjdk", "sun:jdk", "sun:jre"},
		update:   regexp.MustCompile(`^update_?(\d+)(-b\d+)?$`),
		fold: func(v string, m []string) string {
			if strings.HasPrefix(v, "1.") {
				return v + "_" + m[1] + m[2]
			}
			return v + "u" + m[1] + m[2]
		},
	},
	{ // VMware: vcenter_server:7.0:update3p is 7.0U3p.
		products: []string{"vmware:vcenter_server", "vmware:esxi", "vmware:vcenter", "vmware:cloud_foundation"},
		update:   regexp.MustCompile(`^update_?(\d+[a-z]*)$`),
		fold:     func(v string, m []string) string { return v + "U" + m[1] },
	},
	{ // Apple: macos:10.15.7:security_update_2022-001 is 10.15.7_security_update_2022-001,
		// which the generic order puts after 10.15.7 and before 10.15.8.
		products: []string{"apple:macos", "apple:mac_os_x", "apple:mac_os_x_server", "apple:mac_os"},
		update:   regexp.MustCompile(`^(security|supplemental)_update(_\d{4}-\d{3})?$`),
		fold:     func(v string, m []string) string { return v + "_" + m[0] },
	},
	{ // NetApp ONTAP patches: clustered_data_ontap:9.8:p7 is 9.8P7.
		products: []string{"netapp:clustered_data_ontap", "netapp:ontap", "netapp:data_ontap"},
		update:   regexp.MustCompile(`^p(\d+)$`),
		fold:     func(v string, m []string) string { return v + "P" + m[1] },
	},
	{ // ServiceNow: servicenow:san_diego:patch_4_hotfix_1a is
		// san_diego_patch_4_hotfix_1a; the family name is a release line
		// (matched by name), the rest orders within it.
		products: []string{"servicenow:servicenow"},
		update:   regexp.MustCompile(`^patch_?\d+[a-z]?(_hotfix_?\d+[a-z]?)?$`),
		fold:     func(v string, m []string) string { return v + "_" + m[0] },
	},
	// General rules, for any product.
	{ // Pre-releases: linux_kernel:5.15:rc1 is 5.15-rc1.
		update: regexp.MustCompile(`^(alpha|beta|rc|pre|preview|dev|milestone)[0-9a-z._-]*$`),
		fold:   func(v string, m []string) string { return v + "-" + m[0] },
	},
	{ // Release updates: connect_secure:22.4:r1 is 22.4R1 (Ivanti).
		update: regexp.MustCompile(`^r(\d+(\.\d+)*)$`),
		fold:   func(v string, m []string) string { return v + "R" + m[1] },
	},
	{ // Service packs, cumulative updates and hotfixes are later than the
		// version: .net:2.0:sp2 is 2.0.sp2, exchange_server:2019:cumulative_update_13 is 2019.cu13.
		update: regexp.MustCompile(`^(sp|service_pack_?|cu|cumulative_update_?|hf|hotfix_?)(\d+[a-z]?)$`),
		fold: func(v string, m []string) string {
			p := map[string]string{"sp": "sp", "service_pack": "sp", "service_pack_": "sp",
				"cu": "cu", "cumulative_update": "cu", "cumulative_update_": "cu",
				"hf": "hf", "hotfix": "hf", "hotfix_": "hf"}[m[1]]
			return v + "." + p + m[2]
		},
	},
	{ // Patches: endpoint_manager_cloud_services_appliance:4.6:patch_512 is 4.6.p512.
		update: regexp.MustCompile(`^(p|patch_?)(\d+)$`),
		fold:   func(v string, m []string) string { return v + ".p" + m[2] },
	},
	{ // A bare number continues the version: expedition:1.2.90:1 is 1.2.90.1.
		update: regexp.MustCompile(`^\d+$`),
		fold:   func(v string, m []string) string { return v + "." + m[0] },
	},
}

// FoldCPEUpdate folds a CPE's update field into its version as the
// vendor writes it: ("juniper:junos", "21.4", "r3-s5") gives "21.4R3-S5",
// ("paloaltonetworks:pan-os", "10.2.8", "h1") gives "10.2.8-h1",
// ("oracle:jdk", "1.8.0", "update361") gives "1.8.0_361". vendorProduct
// is the CPE's "vendor:product". Update values "", "*" and "-" give
// (version, true) unchanged. ok is false when the version is "", "*" or
// "-" (nothing to fold into), or no rule fits the update: the caller then
// keeps the update visible (a 要確認 item), never drops it. The result is
// meant to be parsed in the product's scheme ([ForProduct]) or generic.
func FoldCPEUpdate(vendorProduct, version, update string) (string, bool) {
	return foldCPEUpdate(vendorProduct, version, update)
}

// foldCPEUpdate implements FoldCPEUpdate.
func foldCPEUpdate(vendorProduct, version, update string) (string, bool) {
	u := strings.ToLower(strings.TrimSpace(update))
	if u == "" || u == "*" || u == "-" {
		return version, true
	}
	if version == "" || version == "*" || version == "-" {
		return version, false
	}
	key := strings.ToLower(strings.TrimSpace(vendorProduct))
	for _, general := range []bool{false, true} {
		for _, r := range foldRules {
			if (len(r.products) == 0) != general || !general && !contains(r.products, key) {
				continue
			}
			if m := r.update.FindStringSubmatch(u); m != nil {
				return r.fold(version, m), true
			}
		}
	}
	return version, false
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
