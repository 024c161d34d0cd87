package app

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/attack"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/policy"
	"vulnreport/generator/internal/report"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/vuln"
)

// ReasonAttackSigns marks a finding whose system's logs show attacks on
// the weakness it leaves open.
const ReasonAttackSigns = model.ReasonAttackSigns

// attackStage reads every system's logs as a stream (hashing each file
// for the manifest), finds the signs of attack, puts them beside the
// system's open findings and marks those findings. Logs of systems not in
// the register are a warning; a file that cannot be read is an error on
// it, and the other files still count.
func attackStage(fsys fs.FS, snap *snapshot.Snapshot, findings *model.FindingBuilder, vulns []vuln.Vulnerability,
	asOf time.Time, pol policy.Policy, diags *source.Diagnostics) []attack.SystemSigns {
	if len(snap.Logs) == 0 {
		return nil
	}
	ap := pol.AttackSigns
	det, err := attack.NewDetector(ap.Paranoia)
	if err != nil {
		diags.Errorf(source.Pos{File: "policy.yaml"}, "attack signs not analysed: %v", err)
		return nil
	}
	opt := attack.DefaultOptions()
	opt.Paranoia, opt.MaskAddresses = ap.Paranoia, ap.MaskAddresses
	opt.FailedLoginBurst, opt.BurstWindow = ap.FailedLoginBurst, time.Duration(ap.BurstWindowMinutes)*time.Minute
	opt.BusinessStart, opt.BusinessEnd = ap.BusinessStart, ap.BusinessEnd
	known := map[string]bool{}
	for _, s := range snap.Systems {
		known[s.ID] = true
	}
	bySystem := map[string][]*attack.File{}
	var order []string
	for _, lf := range snap.Logs {
		if !known[lf.System] {
			diags.Warnf(source.Pos{File: lf.Path}, "log of %q, which is not in the system register: not analysed", lf.System)
			continue
		}
		f, st := readLog(fsys, lf.Path, asOf.In(opt.Location), diags)
		snap.Files = append(snap.Files, st)
		if f == nil {
			continue
		}
		if f.MostlyNotLog {
			diags.Warnf(source.Pos{File: lf.Path, Line: 1, Col: 1}, "most lines of this file are not an access or sshd log (%d of %d lines unreadable): is it a log?", f.Rejected, f.Read)
		} else if f.Rejected > 0 {
			diags.Warnf(source.Pos{File: lf.Path, Line: f.RejectedLines[0], Col: 1}, "%d lines are in no log format and were not analysed (first at lines %s)", f.Rejected, joinInts(f.RejectedLines))
		}
		if _, ok := bySystem[lf.System]; !ok {
			order = append(order, lf.System)
		}
		bySystem[lf.System] = append(bySystem[lf.System], f)
	}
	slices.SortFunc(snap.Files, func(a, b source.FileStat) int { return strings.Compare(a.Path, b.Path) })
	cwe := map[string][]string{}
	for _, v := range vulns {
		cwe[v.ID] = v.CWE
	}
	slices.Sort(order)
	var out []attack.SystemSigns
	// one pass over the findings, not one per system with logs
	open := map[string][]attack.Finding{}
	for i := range findings.Len() {
		f := findings.At(i)
		if _, logged := bySystem[f.System]; logged && f.Kind == model.KindVulnerability && (f.State == model.StateOpen || f.State == model.StateMitigated) {
			open[f.System] = append(open[f.System], attack.Finding{Key: f.Key, Advisory: f.VulnID, IDs: f.IDs, CWE: cwe[f.VulnID]})
		}
	}
	for _, sys := range order {
		s := attack.Analyze(sys, bySystem[sys], det, opt)
		attack.Correlate(&s, open[sys])
		out = append(out, s)
	}
	markCorrelated(findings, out)
	return out
}

// markCorrelated gives each correlated finding the reason 「攻撃の兆候あり」.
func markCorrelated(findings *model.FindingBuilder, systems []attack.SystemSigns) {
	hit := map[string]attack.Correlation{}
	for _, s := range systems {
		for _, c := range s.Correlated {
			hit[c.Key] = c
		}
	}
	if len(hit) == 0 {
		return
	}
	for i := range findings.Len() {
		c, ok := hit[findings.Key(i)]
		if !ok {
			continue
		}
		label := "attack.category." + string(c.Category)
		n := strconv.Itoa(c.Requests)
		f := findings.At(i)
		f.Reasons = append([]model.Reason{{Code: ReasonAttackSigns,
			Text: i18n.Sentencef("reason.attack_signs", i18n.Msg(label), n)}}, f.Reasons...)
		findings.Set(i, f)
	}
}

// readLog reads one log file as a stream, hashing it.
func readLog(fsys fs.FS, name string, asOf time.Time, diags *source.Diagnostics) (*attack.File, source.FileStat) {
	st := source.FileStat{Path: name, Kind: "log"}
	fh, err := fsys.Open(name)
	if err != nil {
		diags.Errorf(source.Pos{File: name}, "log cannot be read: %v", err)
		return nil, st
	}
	defer fh.Close()
	var size int64
	if fi, err := fh.Stat(); err == nil {
		size = fi.Size()
	}
	if size > source.MaxFileSize {
		diags.Errorf(source.Pos{File: name}, "log is %d bytes, larger than the %d-byte limit for an input file: not analysed", size, source.MaxFileSize)
		return nil, st
	}
	h := sha256.New()
	cr := &countReader{r: io.TeeReader(io.LimitReader(fh, source.MaxFileSize+1), h)}
	f, err := attack.ReadFile(name, cr, asOf, size)
	if err == nil {
		_, err = io.Copy(io.Discard, cr) // hash what the reader left
	}
	st.SHA256, st.Size = hex.EncodeToString(h.Sum(nil)), cr.n
	if err != nil {
		diags.Errorf(source.Pos{File: name}, "log cannot be read: %v", err)
		return nil, st
	}
	st.Kind = "log:" + string(f.Format)
	st.Read, st.Rejected = f.Read, f.Rejected
	st.Accepted = f.Read - f.Rejected
	return f, st
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func joinInts(xs []int) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, strconv.Itoa(x))
	}
	return strings.Join(parts, ", ")
}

// attackHistory decodes earlier months' attack-signs.json (history/),
// for the trend; a file that cannot be read is a warning naming it, and
// the trend goes on without that month.
func attackHistory(snap *snapshot.Snapshot, diags *source.Diagnostics) []report.AttackMonth {
	var out []report.AttackMonth
	for _, h := range snap.AttackHistory {
		d, err := source.ParseDate(h.Date)
		if err != nil {
			continue
		}
		r, err := attack.Decode(h.Data)
		if err != nil {
			diags.Warnf(source.Pos{File: h.Path}, "attack-sign history not used: %v", err)
			continue
		}
		out = append(out, report.AttackMonth{Date: d, Systems: r.Systems})
	}
	return out
}
