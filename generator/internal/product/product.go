// Package product resolves the many ways a product is named — CPE
// vendor:product pairs, full CPE 2.3 and 2.2 strings, purls and free-text
// names from asset tools and feeds — to one product key, so that
// components, advisories and lifecycle records meet on the same key.
package product

import (
	"fmt"
	"net/url"
	"strings"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/source"
)

// Product is a record of products.yaml: a key, a display name and aliases.
type Product struct {
	Key     string
	Name    i18n.Text
	Aliases []string
	// Scheme is the version scheme of every component of the product
	// (products' scheme column), "" when not given.
	Scheme string
	Pos    source.Pos
}

// Ref is a product reference parsed from its written form.
type Ref struct {
	// Key is the normalized key: "vendor:product", a purl without version
	// and qualifiers, or a normalized free-text name.
	Key string
	// Version is the version carried inside a CPE or purl, if any.
	Version string
	// Kind is "cpe", "purl" or "name".
	Kind string
}

// Parse reads a product reference. It accepts "vendor:product", CPE 2.3
// ("cpe:2.3:a:vendor:product:version:…"), CPE 2.2 URIs ("cpe:/a:vendor:product:version")
// and purls ("pkg:type/namespace/name@version"). Anything else is a free-text
// name, normalized for comparison.
func Parse(s string) (Ref, error) {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	switch {
	case s == "":
		return Ref{}, fmt.Errorf("empty product")
	case strings.HasPrefix(low, "cpe:2.3:"):
		parts := splitCPE23(s[len("cpe:2.3:"):])
		if len(parts) < 3 || parts[1] == "" || parts[2] == "" || parts[1] == "*" || parts[2] == "*" {
			return Ref{}, fmt.Errorf("%q is not a CPE 2.3 name: expected cpe:2.3:part:vendor:product:version:…", s)
		}
		r := Ref{Key: cpeToken(parts[1]) + ":" + cpeToken(parts[2]), Kind: "cpe"}
		if len(parts) > 3 && parts[3] != "*" && parts[3] != "-" && parts[3] != "" {
			r.Version = unescapeCPE(parts[3])
		}
		return r, nil
	case strings.HasPrefix(low, "cpe:/"):
		parts := strings.Split(s[len("cpe:/"):], ":")
		if len(parts) < 3 || parts[1] == "" || parts[2] == "" {
			return Ref{}, fmt.Errorf("%q is not a CPE 2.2 name: expected cpe:/part:vendor:product:version", s)
		}
		r := Ref{Key: cpeToken(parts[1]) + ":" + cpeToken(parts[2]), Kind: "cpe"}
		if len(parts) > 3 && parts[3] != "" && parts[3] != "-" {
			if v, err := url.PathUnescape(parts[3]); err == nil {
				r.Version = v
			}
		}
		return r, nil
	case strings.HasPrefix(low, "pkg:"):
		return parsePurl(s)
	case isVendorProduct(s):
		return Ref{Key: low, Kind: "cpe"}, nil
	}
	return Ref{Key: NormalizeName(s), Kind: "name"}, nil
}

// isVendorProduct reports whether s looks like a CPE vendor:product pair.
func isVendorProduct(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i == len(s)-1 || strings.Count(s, ":") != 1 {
		return false
	}
	return !strings.ContainsAny(s, " /\t")
}

// NormalizeName folds a free-text product name for comparison: case and
// spacing are ignored, as the contract says.
func NormalizeName(s string) string {
	return source.NormalizeKey(s)
}

func parsePurl(s string) (Ref, error) {
	rest := s[len("pkg:"):]
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest = rest[:i]
	}
	version := ""
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		version, rest = rest[i+1:], rest[:i]
		if v, err := url.PathUnescape(version); err == nil {
			version = v
		}
	}
	rest = strings.Trim(rest, "/")
	slash := strings.IndexByte(rest, '/')
	if slash <= 0 || slash == len(rest)-1 {
		return Ref{}, fmt.Errorf("%q is not a purl: expected pkg:type/name@version", s)
	}
	if u, err := url.PathUnescape(rest); err == nil {
		rest = u
	}
	return Ref{Key: "pkg:" + strings.ToLower(rest), Version: version, Kind: "purl"}, nil
}

// splitCPE23 splits a CPE 2.3 formatted string at unescaped colons.
func splitCPE23(s string) []string {
	var parts []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			b.WriteByte(c)
			b.WriteByte(s[i+1])
			i++
			continue
		}
		if c == ':' {
			parts = append(parts, b.String())
			b.Reset()
			continue
		}
		b.WriteByte(c)
	}
	return append(parts, b.String())
}

func unescapeCPE(s string) string { return strings.ReplaceAll(s, `\`, "") }

func cpeToken(s string) string { return strings.ToLower(unescapeCPE(s)) }
