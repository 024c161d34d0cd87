package scheme

import (
	"testing"

	"vulnreport/generator/internal/version"
)

// benchPairs are two versions per scheme, compared in the benchmarks.
var benchPairs = map[string][2]string{
	"generic": {"2.3.31", "2.3.32"}, "deb": {"5.6.1+really5.4.5-1", "5.6.1-1"},
	"rpm": {"1:5.6.1-2.fc40", "1:5.6.1-1.fc40"}, "semver": {"v3.0.0-20200313102051-9f266ea9e77c", "v3.0.0"},
	"pep440": {"1.0b2.post345.dev456", "1.0b2.post345"}, "maven": {"2.17.1", "2.17.0-rc1"},
	"apk": {"1.1.1w-r0", "1.1.1v-r1"}, "gem": {"7.0.4.3", "7.0.4"}, "panos": {"10.2.9-h1", "10.2.9"},
	"junos": {"21.4R3-S5", "21.4R3"}, "bind": {"9.11.4-P2", "9.11.4"}, "gitlab": {"14.6.0-ee", "14.6.1"},
	"java": {"8u361", "1.8.0_371"}, "tomcat": {"10.1.0-M17", "10.1.0"}, "vmware": {"7.0U3p", "7.0U3o"},
	"cisco": {"15.2(4)M11", "15.2(4)M10"},
}

// BenchmarkParse measures parsing one version in each scheme, against
// package version's Parse (the generic ordering before schemes).
func BenchmarkParse(b *testing.B) {
	b.Run("version.Parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = version.Parse("2.3.31")
		}
	})
	for _, name := range Names() {
		s := MustLookup(name)
		text := benchPairs[name][0]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = s.Parse(text)
			}
		})
	}
}

// BenchmarkCompare measures comparing two parsed versions, the cost a
// match pays per component and bound once versions are parsed.
func BenchmarkCompare(b *testing.B) {
	va, vb := version.MustParse("2.3.31"), version.MustParse("2.3.32")
	b.Run("version.Compare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = va.Compare(vb)
		}
	})
	for _, name := range Names() {
		s := MustLookup(name)
		p := benchPairs[name]
		x, err := s.Parse(p[0])
		if err != nil {
			b.Fatal(err)
		}
		y, err := s.Parse(p[1])
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = x.Compare(y)
			}
		})
	}
}

// BenchmarkRangeContains measures a two-clause range test, generic in
// package version and through the scheme API.
func BenchmarkRangeContains(b *testing.B) {
	vr, _ := version.ParseRange(">=2.3.5 <2.3.32 || =2.5.0")
	vv := version.MustParse("2.3.31")
	b.Run("version", func(b *testing.B) {
		for b.Loop() {
			_ = vr.Contains(vv)
		}
	})
	for _, name := range []string{"generic", "deb", "panos"} {
		s := MustLookup(name)
		p := benchPairs[name]
		r, err := ParseRange(s, "<"+p[1]+" || ="+p[0])
		if err != nil {
			b.Fatal(err)
		}
		v, _ := s.Parse(p[0])
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				_ = r.Contains(v)
			}
		})
	}
}
