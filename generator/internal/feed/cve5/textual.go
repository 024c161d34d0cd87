package cve5

import (
	"strings"

	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version/scheme"
)

// unexpressed returns, as free text that needs confirmation on the CISA
// ADP's products, the CNA's textual versions that the ADP's ranges do not
// express. CNAs such as Oracle write versions as text ("Oracle Java
// SE:8u361", "Oracle GraalVM Enterprise Edition:20.3.9"); the ADP adds
// CPE-keyed ranges for some of them (oracle:jdk "=1.8.0_361"). A textual
// version that an ADP range of the same vendor contains, read in the
// product's scheme (java: 8u361 ≡ 1.8.0_361) or the generic one, is
// expressed; any other ("8u361-perf", GraalVM 20.3.9 beside ADP ranges for
// 21.3.5 and 22.3.1 only) becomes an item on the ADP products it names (by
// a product word of its label, "graalvm"), else on every ADP product of the
// vendor, so that it is never lost behind the ADP's keys.
func unexpressed(cna []affected, adp []feedutil.Item, pos source.Pos) []feedutil.Item {
	clausesOf := map[string][]string{}
	var keys []string
	for _, it := range adp {
		if it.Key == "" || it.Clause == "" {
			continue
		}
		if _, ok := clausesOf[it.Key]; !ok {
			keys = append(keys, it.Key)
		}
		clausesOf[it.Key] = append(clausesOf[it.Key], it.Clause)
	}
	if len(keys) == 0 {
		return nil
	}
	var out []feedutil.Item
	for _, af := range cna {
		vendor := af.Vendor
		for _, v := range af.Versions {
			if _, free := feedutil.CVE5Clauses(v); free == "" || strings.TrimSpace(v.Version) == "" {
				continue
			}
			label, ver := splitLabel(strings.TrimSpace(v.Version))
			cands := candidates(keys, vendor, label)
			if len(cands) == 0 || expressed(cands, clausesOf, ver) {
				continue
			}
			name := strings.TrimSpace(af.Vendor + " " + af.Product)
			text := "CNA " + name + ": " + strings.TrimSpace(v.Version) + " (not expressed by the CISA ADP ranges)"
			for _, k := range cands {
				out = append(out, feedutil.Item{Key: k, Product: name, Free: text, Pos: pos, Beside: true})
			}
		}
	}
	return out
}

// splitLabel splits "Oracle Java SE:8u361" into its product label and
// version; text without a colon is all version.
func splitLabel(s string) (label, ver string) {
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	}
	return "", s
}

// candidates returns the ADP product keys of the vendor, narrowed to
// those whose product is a word of the label when any is.
func candidates(keys []string, vendor, label string) []string {
	words := strings.FieldsFunc(strings.ToLower(label), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '/' || r == ','
	})
	var all, named []string
	for _, k := range keys {
		kv, kp, ok := strings.Cut(k, ":")
		if !ok || !sameVendor(vendor, kv) {
			continue
		}
		all = append(all, k)
		for _, w := range words {
			if w == kp || strings.ReplaceAll(kp, "_", "") == w {
				named = append(named, k)
				break
			}
		}
	}
	if len(named) > 0 {
		return named
	}
	return all
}

// expressed reports whether a range of one of the keys contains ver.
func expressed(keys []string, clausesOf map[string][]string, ver string) bool {
	for _, k := range keys {
		sc, ok := scheme.ForProduct(k)
		if !ok {
			sc = scheme.Generic()
		}
		v, err := sc.Parse(ver)
		if err != nil {
			continue
		}
		for _, c := range clausesOf[k] {
			if r, err := scheme.ParseRange(sc, c); err == nil && r.Contains(v) {
				return true
			}
		}
	}
	return false
}

// sameVendor reports whether a CNA's vendor name ("Oracle Corporation",
// "Palo Alto Networks") is the CPE vendor kv ("oracle", "paloaltonetworks").
func sameVendor(name, kv string) bool {
	low := strings.ToLower(strings.TrimSpace(name))
	first := strings.Fields(low + " ")
	if len(first) > 0 && first[0] == kv {
		return true
	}
	var b strings.Builder
	for _, r := range low {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	joined := b.String()
	return kv != "" && strings.HasPrefix(joined, strings.ReplaceAll(kv, "_", ""))
}
