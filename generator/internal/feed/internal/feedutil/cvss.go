package feedutil

import (
	"fmt"
	"math"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/cvss"
)

// CVSS builds an advisory's CVSS data from what a feed states: version,
// vector and base score (hasScore tells whether a score was given). As for
// user advisories, a v3.x score is computed from the vector and a
// disagreement with the stated score is reported (the computed score is
// used); v2.0 and v4.0 vectors are validated and their stated scores used
// (a v2 score is computed when none is stated). A vector that does not
// validate is reported and the stated score is kept. It returns nil when
// there is neither a usable vector nor a score; warnings lists the
// problems, each a complete sentence fragment without position.
func CVSS(ver, vector string, score float64, hasScore bool) (c *advisory.CVSS, warnings []string) {
	vector = strings.TrimSpace(vector)
	ver = normVersion(ver, vector)
	if hasScore && (score < 0 || score > 10 || math.IsNaN(score)) {
		warnings = append(warnings, fmt.Sprintf("CVSS %s base score %v is outside 0-10: ignored", ver, score))
		hasScore = false
	}
	c = &advisory.CVSS{Version: ver, Vector: vector, Score: score}
	if hasScore {
		c.Given = score
	}
	switch ver {
	case "3.0", "3.1":
		v, err := cvss.ParseV3(vector)
		if err != nil {
			if vector != "" {
				warnings = append(warnings, fmt.Sprintf("CVSS %s vector %q: %v: the stated score is used", ver, clip(vector), err))
			}
			break
		}
		c.Score = v.BaseScore()
		if hasScore && math.Round(score*10) != math.Round(c.Score*10) {
			warnings = append(warnings, fmt.Sprintf("CVSS %s base score %.1f disagrees with %.1f computed from the vector %s; the computed score is used", ver, score, c.Score, vector))
		}
		return c, warnings
	case "2.0":
		if vector == "" {
			break
		}
		if err := cvss.ValidateV2(vector); err != nil {
			warnings = append(warnings, fmt.Sprintf("CVSS 2.0 vector %q: %v", clip(vector), err))
			break
		}
		if !hasScore {
			if s, err := cvss.V2BaseScore(vector); err == nil {
				c.Score = s
				return c, warnings
			}
		}
	case "4.0":
		if vector == "" {
			break
		}
		if err := cvss.ValidateV4(vector); err != nil {
			warnings = append(warnings, fmt.Sprintf("CVSS 4.0 vector %q: %v", clip(vector), err))
		}
	default:
		warnings = append(warnings, fmt.Sprintf("CVSS version %q is not 2.0, 3.0, 3.1 or 4.0: ignored", clip(ver)))
		return nil, warnings
	}
	if !hasScore {
		if vector != "" {
			warnings = append(warnings, fmt.Sprintf("CVSS %s vector %s has no base score: ignored", ver, clip(vector)))
		}
		return nil, warnings
	}
	return c, warnings
}

// normVersion returns "2.0", "3.0", "3.1" or "4.0" for the ways feeds write
// CVSS versions, taking the vector's prefix when the version is missing.
func normVersion(ver, vector string) string {
	ver = strings.TrimSpace(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(ver)), "v"))
	if ver == "" {
		if rest, ok := strings.CutPrefix(vector, "CVSS:"); ok {
			ver, _, _ = strings.Cut(rest, "/")
		} else if vector != "" {
			ver = "2.0"
		}
	}
	switch ver {
	case "2":
		return "2.0"
	case "3":
		return "3.1"
	case "4":
		return "4.0"
	}
	return ver
}
