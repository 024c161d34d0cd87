package all

import (
	"testing"

	"vulnreport/generator/internal/source"
)

func TestParsers(t *testing.T) {
	ps := Parsers()
	for _, kind := range []string{"nvd", "cve5", "jvn", "kev", "epss", "endoflife", "sbom", "osv", "csaf", "scan"} {
		p, ok := ps[kind]
		if !ok || p == nil {
			t.Errorf("no parser for %q", kind)
			continue
		}
		// Every parser refuses empty input with an error, without panicking.
		var diags source.Diagnostics
		if _, err := p("empty", nil, &diags); err == nil {
			t.Errorf("%s: empty input accepted", kind)
		}
	}
	if len(ps) != 10 {
		t.Errorf("%d parsers, want 10", len(ps))
	}
}
