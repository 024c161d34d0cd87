package findings

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// viaJSON is the element as encoding/json writes it in findings.json.
func viaJSON(t *testing.T, f Finding) ([]byte, error) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// FuzzAppendElement checks the hand-written encoder against encoding/json
// on findings made of arbitrary strings and numbers, every optional field
// present or absent, nil and empty lists.
func FuzzAppendElement(f *testing.F) {
	f.Add("web/apache:struts@2.5.10/CVE-2017-5638", "KEV 掲載 <b>&", "\u2028\x00\xff\"\\\t\b\f\r\n\x7f", 9.8, 0.97, uint8(0xff))
	f.Add("", "", "", 0.0, 1e-7, uint8(0))
	f.Add("a", "b", "c", 1e21, -0.0, uint8(0x55))
	f.Add("x", "y", "z", 123456789.125, 5e-324, uint8(0xaa))
	f.Fuzz(func(t *testing.T, s1, s2, s3 string, n1, n2 float64, flags uint8) {
		on := func(bit uint) bool { return flags&(1<<bit) != 0 }
		fd := Finding{Key: s1, Kind: model.Kind(s2), System: s3, Product: s1 + s2, Version: s3, Hosts: int(n1) % 1000, Advisory: s2,
			Severity: s3, Exploited: on(0), KEV: on(1), Priority: model.Priority(len(s1) % 5), FirstSeen: s2, Due: s3, DueSource: s1,
			Stage: model.Stage(s2), Action: s3, State: model.State(s1), Overdue: on(2), Lifecycle: model.LifecycleStatus(s2)}
		if on(3) {
			fd.Clause, fd.NeedsConfirmation, fd.CVSSVersion, fd.KEVDue, fd.Owner = s3, true, s1, s2, s3
			fd.CVSS, fd.EPSS = &n1, &n2
		}
		if on(6) {
			fd.Scheme, fd.Confirm, fd.Note = s2, s3, s1
		}
		if on(7) {
			fd.Scanners = []Scanner{{Scanner: s1, File: s2, Confidence: s3, LowConfidence: on(0)}, {Scanner: s3, File: s1}}
		}
		switch flags >> 4 & 3 {
		case 1:
			fd.Aliases, fd.Reasons = []string{}, []model.Reason{}
		case 2:
			fd.Aliases = []string{s1, s2, s3}
			fd.Reasons = []model.Reason{{Code: s1, Text: i18n.Text{JA: s2, EN: s3}}, {Code: s2, Text: i18n.Text{EN: s1}}, {Code: s3}}
		case 3:
			fd.Aliases = []string{s3}
			fd.Reasons = []model.Reason{{Code: s1, Text: i18n.Text{JA: s2}}}
		}
		want, err := viaJSON(t, fd)
		got, ok := appendElement(nil, &fd)
		if err != nil || !ok {
			if ok || err == nil {
				t.Fatalf("encoding/json error %v, hand-written ok %v", err, ok)
			}
			return
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("hand-written\n%s\nencoding/json\n%s", got, want)
		}
	})
}

// TestAppendElementRejectsNonFinite leaves NaN and infinities to
// encoding/json, which refuses them.
func TestAppendElementRejectsNonFinite(t *testing.T) {
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, ok := appendElement(nil, &Finding{CVSS: &v}); ok {
			t.Errorf("%v accepted", v)
		}
	}
}
