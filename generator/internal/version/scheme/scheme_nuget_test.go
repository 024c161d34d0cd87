package scheme

import "testing"

// TestNuGetFourParts: NuGet's four-part versions are read (generic), and
// ordered, rather than refused as strict semver would.
func TestNuGetFourParts(t *testing.T) {
	s, ok := ForPurlType("nuget")
	if !ok || s.Name() != "generic" {
		t.Fatalf("nuget → %v %v", s, ok)
	}
	a, err1 := s.Parse("4.0.0.1")
	b, err2 := s.Parse("4.0.0.12")
	if err1 != nil || err2 != nil || a.Compare(b) >= 0 {
		t.Errorf("4.0.0.1 vs 4.0.0.12: %v %v", err1, err2)
	}
}
