// Package risk ranks findings P1–P4 by the contract's default rules — the
// guide's priorities (exposure, data held, criticality) and exploitation
// evidence — with every threshold taken from the policy, and gives every
// finding its reasons in Japanese and English and its due date.
package risk

import (
	"strings"
	"time"

	"vulnreport/generator/internal/cvss"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/policy"
	"vulnreport/generator/internal/vuln"
)

// Evidence copies a vulnerability's scores and exploitation into the facts
// its findings share.
func Evidence(f *model.VulnFacts, v *vuln.Vulnerability) {
	if v.CVSS != nil {
		f.HasCVSS = true
		f.CVSS = v.CVSS.Score
		f.CVSSVersion = v.CVSS.Version
		f.Severity = cvss.SeverityOf(v.CVSS.Score, v.CVSS.Version).String()
	} else {
		f.Severity = cvss.SeverityUnknown.String()
	}
	f.Exploited = v.Exploit.Exploited
	f.KEV = v.Exploit.KEV
	f.KEVAdded = v.Exploit.DateAdded
	f.KEVDue = v.Exploit.DueDate
	f.Ransomware = v.Exploit.Ransomware
	if v.EPSS != nil {
		f.HasEPSS = true
		f.EPSS = v.EPSS.Score
		f.EPSSPercentile = v.EPSS.Percentile
	}
}

// reason is the reason with the code, its text the catalogue's
// reason.<code> (formatted with args when there are any).
func reason(code string, args ...any) model.Reason {
	if len(args) == 0 {
		return model.Reason{Code: code, Text: i18n.Msg("reason." + code)}
	}
	return model.Reason{Code: code, Text: i18n.Sentencef("reason."+code, args...)}
}

// context lists the system facts that raise priority, as reasons.
func context(s inventory.System) []model.Reason {
	var rs []model.Reason
	if s.Exposure == inventory.Internet {
		rs = append(rs, reason("internet"))
	}
	if s.Category == inventory.Website {
		rs = append(rs, reason("website"))
	}
	if s.Holds(inventory.Personal) {
		rs = append(rs, reason("personal"))
	}
	if s.Holds(inventory.Entrusted) {
		rs = append(rs, reason("entrusted"))
	}
	if s.Holds(inventory.Business) {
		rs = append(rs, reason("business"))
	}
	if s.Criticality == "high" {
		rs = append(rs, reason("critical_system"))
	}
	return rs
}

func exploitReason(f *model.Finding) model.Reason {
	if f.KEV {
		return reason("kev")
	}
	return reason("exploited")
}

func cvssReason(f *model.Finding, threshold float64) model.Reason {
	return reason("cvss", f.CVSS, threshold)
}

// Rank sets a vulnerability finding's priority and reasons.
func Rank(f *model.Finding, s inventory.System, th policy.Thresholds) {
	internet := s.Exposure == inventory.Internet
	sensitive := s.Holds(inventory.Personal) || s.Holds(inventory.Entrusted)
	anyData := len(s.Data) > 0
	ctx := context(s)
	pick := func(codes ...string) []model.Reason {
		var out []model.Reason
		for _, r := range ctx {
			for _, c := range codes {
				if r.Code == c {
					out = append(out, r)
				}
			}
		}
		return out
	}
	switch {
	case f.Exploited && internet:
		f.Priority = model.P1
		f.Reasons = append([]model.Reason{exploitReason(f)}, pick("internet", "website", "personal", "entrusted")...)
	case f.HasCVSS && f.CVSS >= th.P1CVSS && internet && (s.Category == inventory.Website || sensitive):
		f.Priority = model.P1
		f.Reasons = append([]model.Reason{cvssReason(f, th.P1CVSS)}, pick("internet", "website", "personal", "entrusted")...)
	case f.Exploited:
		f.Priority = model.P2
		f.Reasons = append([]model.Reason{exploitReason(f)}, pick("personal", "entrusted", "business", "critical_system")...)
	case f.HasCVSS && f.CVSS >= th.P2CVSS && (internet || anyData || s.Criticality == "high"):
		f.Priority = model.P2
		f.Reasons = append([]model.Reason{cvssReason(f, th.P2CVSS)}, pick("internet", "personal", "entrusted", "business", "critical_system")...)
	case f.HasCVSS && f.CVSS >= th.P2CVSS && f.HasEPSS && f.EPSS >= th.P2EPSS:
		f.Priority = model.P2
		f.Reasons = []model.Reason{cvssReason(f, th.P2CVSS),
			reason("epss", f.EPSS, th.P2EPSS)}
	case !f.HasCVSS:
		f.Priority = model.P3
		f.Reasons = []model.Reason{reason("no_score")}
	case f.CVSS >= th.P3CVSS:
		f.Priority = model.P3
		f.Reasons = []model.Reason{cvssReason(f, th.P3CVSS)}
	default:
		f.Priority = model.P4
		f.Reasons = []model.Reason{reason("cvss_low", f.CVSS, th.P3CVSS)}
	}
}

// RankEOL sets an end-of-life finding's priority: P2 when the system is
// internet-facing, else P3.
func RankEOL(f *model.Finding, s inventory.System) {
	eol := reason("eol")
	if s.Exposure == inventory.Internet {
		f.Priority = model.P2
		f.Reasons = []model.Reason{eol, reason("internet")}
		return
	}
	f.Priority = model.P3
	f.Reasons = []model.Reason{eol}
}

// ReasonText joins a finding's priority and reasons as reports print them:
// "P1: KEV 掲載 + インターネット公開 + 個人情報".
func ReasonText(f model.Finding, lang i18n.Lang) string {
	parts := make([]string, len(f.Reasons))
	for i, r := range f.Reasons {
		parts[i] = r.Text.Get(lang)
	}
	return f.Priority.String() + ": " + strings.Join(parts, " + ")
}

// Due sets the due date: first seen plus the SLA days of the priority, or
// the KEV due date when that is earlier.
func Due(f *model.Finding, sla map[model.Priority]int) {
	f.Due = f.FirstSeen.AddDate(0, 0, sla[f.Priority])
	f.DueSource = "sla"
	if f.KEV && !f.KEVDue.IsZero() && f.KEVDue.Before(f.Due) {
		f.Due = f.KEVDue
		f.DueSource = "kev"
	}
	f.SLADue = f.Due
}

// DaysBetween returns whole days from a to b.
func DaysBetween(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}
