package xlsx

import (
	"context"
	"strings"
	"time"

	"vulnreport/generator/internal/findings"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// reasons formats a finding's priority and reasons: "P1: KEV 掲載 + …".
func (b *book) reasons(f *model.Finding) string {
	if len(f.Reasons) == 0 {
		return f.Priority.String()
	}
	var sb strings.Builder
	sb.WriteString(f.Priority.String())
	sb.WriteString(": ")
	for i, r := range f.Reasons {
		if i > 0 {
			sb.WriteString(" + ")
		}
		sb.WriteString(r.Text.Get(b.lang))
	}
	return sb.String()
}

// ids lists a finding's ids, JVN first, then CVE, then the rest.
func ids(list []string) string {
	if len(list) == 1 {
		return list[0]
	}
	var jvn, cve, other []string
	for _, id := range list {
		switch {
		case strings.HasPrefix(id, "JVN"):
			jvn = append(jvn, id)
		case strings.HasPrefix(id, "CVE-"):
			cve = append(cve, id)
		default:
			other = append(other, id)
		}
	}
	return strings.Join(append(append(jvn, cve...), other...), ", ")
}

func name(key, display string) string {
	if display != "" {
		return display
	}
	return key
}

// nameOf is name for a table cell: a pointer to the field shown.
func nameOf(key, display *string) *string {
	if *display != "" {
		return display
	}
	return key
}

// textOf is t.Get(lang) for a table cell: a pointer to the field shown.
func textOf(t *i18n.Text, lang i18n.Lang) *string {
	if lang == i18n.EN {
		if t.EN != "" {
			return &t.EN
		}
		return &t.JA
	}
	if t.JA != "" {
		return &t.JA
	}
	return &t.EN
}

// hostsOf is hosts for a table cell: the label for 0, else n itself. The
// label is boxed once: a string boxed per row was the sheets' most
// frequent allocation (a million at 10,000 systems).
func (b *book) hostsOf(n *int) any {
	if *n != 0 {
		return n
	}
	if b.allHosts == nil {
		b.allHosts = b.t("xlsx.all_hosts")
	}
	return b.allHosts
}

// date returns t as an Excel date number, boxed once per day.
func (b *book) date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	k := t.Unix() / 86400
	if x, ok := b.days[k]; ok {
		return x
	}
	x := serial(t)
	b.days[k] = x
	return x
}

func (b *book) findings(ctx context.Context) error {
	fs := b.r.Findings
	prio, due := b.labeler("priority", false), b.labeler("due_source", false)
	stage, action := b.labeler("stage", true), b.labeler("action", true)
	state, life := b.labeler("state", false), b.labeler("lifecycle", false)
	yes := any(b.t("yes"))
	flag := func(v bool) any {
		if v {
			return yes
		}
		return nil
	}
	lk := b.links()
	in := newInterner()
	// The row being written: its cells point into it, and the table
	// encodes them before it asks for the next row.
	var cur model.Finding
	_, err := b.writeTable(ctx, table{
		base: b.sheet(SheetFindings), n: fs.Len(), prio: 1, late: 20, protect: true, pagesWide: 2, titleCols: "$A:$A",
		cols: []column{
			{"priority", 14, kText, false}, {"reasons", 44, kText, false}, {"col.system_id", 14, kText, false},
			{"xlsx.col.system_name", 20, kText, false}, {"xlsx.col.department", 16, kText, false},
			{"col.product", 22, kText, false}, {"col.version", 12, kText, false}, {"col.hosts", 7, kInt, false},
			{"xlsx.col.fix_target", 22, kText, false}, {"col.ids", 32, kText, false},
			{"col.cvss", 7, kNum1, false}, {"col.kev", 6, kText, false}, {"col.epss", 8, kNum3, false},
			{"col.first_seen", 11, kDate, false}, {"col.due", 11, kDate, false}, {"xlsx.col.due_source", 12, kText, false},
			{"stage", 16, kText, false}, {"action", 16, kText, false}, {"state", 12, kText, false},
			{"col.overdue", 8, kText, false}, {"lifecycle", 14, kText, false},
			{"xlsx.col.needs_confirmation", 8, kText, false}, {"xlsx.col.clause", 32, kText, false},
			{"xlsx.col.scanners", 28, kText, false}, {"xlsx.col.scan_confidence", 24, kText, false},
		},
		row: func(i int, o []any) {
			cur = fs.At(i)
			f := &cur
			if o[0] = prio.of(f.Priority.String()); o[0] == nil {
				o[0] = f.Priority.String()
			}
			o[1], o[2] = in.reasons(f, b.lang), &f.System
			if k := lk.findingSystem[i]; k >= 0 {
				sy := &b.r.Systems[k]
				o[3], o[4] = textOf(&sy.Name, b.lang), &sy.Owner
			}
			o[5], o[6], o[7] = nameOf(&f.Product, &f.ProductName), &f.Version, b.hostsOf(&f.Hosts)
			if k := lk.findingAction[i]; k >= 0 {
				o[8] = textOf(&b.r.Actions[k].TargetText, b.lang)
			}
			o[9] = in.ids(f.IDs)
			if f.HasCVSS {
				o[10] = &f.CVSS
			}
			o[11] = flag(f.KEV)
			if f.HasEPSS {
				o[12] = &f.EPSS
			}
			o[13], o[14], o[15] = b.date(f.FirstSeen), b.date(f.Due), due.of(f.DueSource)
			o[16], o[17], o[18] = stage.of(string(f.Stage)), action.of(f.Action), state.of(string(f.State))
			o[19], o[20], o[21], o[22] = flag(f.Overdue), life.of(string(f.Lifecycle)), flag(f.NeedsConfirmation), &f.Clause
			if len(f.Scanners) > 0 {
				o[23], o[24] = in.scanners(f.Scanners)
			}
		},
	})
	return err
}

func (b *book) components(ctx context.Context) error {
	cs := b.r.Components
	// The row being written: each is encoded before the next is filled in,
	// so its fields' addresses serve as the cells' values.
	var c report.Component
	in, life, yes := newInterner(), b.labeler("lifecycle", false), any(b.t("yes"))
	flag := func(v bool) any {
		if v {
			return yes
		}
		return nil
	}
	_, err := b.writeTable(ctx, table{
		base: b.sheet(SheetComponents), n: cs.Len(),
		cols: []column{
			{"col.system_id", 14, kText, false}, {"xlsx.col.product_key", 24, kText, false}, {"col.product", 22, kText, false},
			{"col.version", 12, kText, false}, {"col.hosts", 7, kInt, false}, {"xlsx.col.patches", 18, kText, false},
			{"lifecycle", 14, kText, false}, {"col.cycle", 8, kText, false}, {"col.eol", 12, kDate, false},
			{"col.latest", 10, kText, false}, {"not_latest", 10, kText, false}, {"col.findings", 8, kInt, false},
			{"col.source", 10, kText, false}, {"col.location", 26, kText, false},
		},
		row: func(i int, o []any) {
			c = cs.At(i)
			o[0], o[1], o[2], o[3], o[4] = &c.System, &c.Product, nameOf(&c.Product, &c.ProductName), &c.Version, b.hostsOf(&c.Hosts)
			o[5], o[6], o[7], o[8] = in.join(c.Patches, ", "), life.of(string(c.Lifecycle)), &c.Cycle, &c.EOL
			o[9], o[10], o[11], o[12], o[13] = &c.Latest, flag(c.NotLatest), &c.Findings, &c.Source, &c.At
		},
	})
	return err
}

func (b *book) systems(ctx context.Context) error {
	ss := b.r.Systems
	cols := []column{
		{"col.system_id", 14, kText, false}, {"xlsx.col.system_name", 24, kWrap, false}, {"category", 14, kText, false},
		{"exposure", 11, kText, false}, {"data", 18, kWrap, false}, {"criticality", 8, kText, false},
		{"col.owner", 16, kText, false}, {"col.contact", 16, kText, false}, {"col.hosts", 7, kInt, false},
		{"col.contractor", 14, kText, false}, {"col.last_inspection", 11, kDate, false},
		{"col.inventory_updated", 11, kDate, false}, {"col.replacement", 11, kDate, false}, {"col.status", 8, kText, false},
	}
	for _, p := range model.Priorities {
		cols = append(cols, column{"xlsx.col.open_" + p.String(), 7, kInt, false})
	}
	cols = append(cols, column{"xlsx.col.open", 7, kInt, false}, column{"col.overdue", 7, kInt, false},
		column{"col.exploited", 7, kInt, false}, column{"xlsx.col.eol_components", 9, kInt, false},
		column{"stale", 9, kText, false}, column{"inspection_due", 9, kText, false}, column{"xlsx.col.contract_gaps", 30, kWrap, false})
	_, err := b.writeTable(ctx, table{base: b.sheet(SheetSystems), n: len(ss), cols: cols,
		row: func(i int, o []any) {
			s := &ss[i]
			data := make([]string, len(s.Data))
			for k, d := range s.Data {
				data[k] = b.t("data." + d)
			}
			o[0], o[1], o[2], o[3] = s.ID, s.Name.Get(b.lang), b.enum("category", s.Category), b.enum("exposure", s.Exposure)
			o[4], o[5], o[6], o[7] = strings.Join(data, ", "), b.enum("criticality", s.Criticality), s.Owner, s.Contact
			o[8], o[9], o[10], o[11], o[12] = s.Hosts, s.Contractor, s.LastInspection, s.InventoryUpdated, s.ReplacementPlanned
			o[13] = b.enum("xlsx.status", s.Status)
			for k, p := range model.Priorities {
				o[14+k] = s.Open[p]
			}
			o[18], o[19], o[20], o[21] = s.OpenTotal, s.Overdue, s.Exploited, s.EOLComponents
			gaps := make([]string, len(s.ContractGaps))
			for k, g := range s.ContractGaps {
				gaps[k] = b.t("gap." + g)
			}
			o[22], o[23], o[24] = b.yes(s.Stale), b.yes(s.InspectionDue), strings.Join(gaps, "\n")
		},
	})
	return err
}

func (b *book) lifecycle(ctx context.Context) error {
	ls := b.r.Lifecycle
	_, err := b.writeTable(ctx, table{base: b.sheet(SheetLifecycle), n: len(ls),
		cols: []column{
			{"xlsx.col.product_key", 24, kText, false}, {"col.product", 22, kText, false}, {"col.cycle", 8, kText, false},
			{"col.released", 11, kDate, false}, {"col.support_end", 11, kDate, false}, {"col.eol", 11, kDate, false},
			{"col.extended_end", 11, kDate, false}, {"col.latest", 10, kText, false}, {"lifecycle", 14, kText, false},
			{"xlsx.col.systems", 28, kWrap, false}, {"col.hosts", 7, kInt, false}, {"col.replacement", 11, kDate, false},
		},
		row: func(i int, o []any) {
			l := &ls[i]
			o[0], o[1], o[2], o[3], o[4], o[5] = &l.Product, nameOf(&l.Product, &l.ProductName), &l.Cycle, &l.Released, &l.SupportEnd, &l.EOL
			o[6], o[7], o[8], o[9] = &l.ExtendedEnd, &l.Latest, b.enum("lifecycle", string(l.Status)), strings.Join(l.Systems, ", ")
			o[10], o[11] = &l.Hosts, &l.Replacement
		},
	})
	return err
}

func (b *book) advisories(ctx context.Context) error {
	vs := b.r.Vulns
	prio := map[model.Priority]string{}
	for _, p := range model.Priorities {
		prio[p] = b.t(p.LabelKey())
	}
	_, err := b.writeTable(ctx, table{base: b.sheet(SheetAdvisories), n: len(vs), prio: 21,
		cols: []column{
			{"col.advisory", 18, kText, false}, {"col.ids", 26, kWrap, false}, {"col.title", 40, kWrap, false},
			{"col.cvss", 7, kNum1, false}, {"xlsx.col.cvss_version", 8, kText, false}, {"severity", 8, kText, false},
			{"col.exploited", 7, kText, false}, {"col.kev", 6, kText, false}, {"xlsx.col.kev_added", 11, kDate, false},
			{"xlsx.col.kev_due", 11, kDate, false}, {"ransomware", 10, kText, false}, {"col.epss", 8, kNum3, false},
			{"xlsx.col.epss_pct", 9, kNum3, false}, {"col.published", 11, kDate, false}, {"xlsx.col.fixed", 22, kWrap, false},
			{"col.workaround", 30, kWrap, false}, {"xlsx.col.cwe", 12, kText, false}, {"xlsx.col.systems", 24, kWrap, false},
			{"col.findings", 7, kInt, false}, {"xlsx.col.open", 7, kInt, false}, {"xlsx.col.top_priority", 14, kText, false},
			{"col.source", 10, kText, false}, {"col.references", 40, kLink, false}, {"xlsx.col.more_references", 40, kWrap, false},
		},
		link: func(i int) string { return firstLink(vs[i].References) },
		row: func(i int, o []any) {
			v := &vs[i]
			o[0], o[1], o[2] = v.ID, ids(v.IDs), v.Title.Get(b.lang)
			if v.HasCVSS {
				o[3] = v.CVSS
			}
			o[4], o[5], o[6], o[7] = v.CVSSVersion, b.enum("severity", v.Severity), b.yes(v.Exploited), b.yes(v.KEV)
			o[8], o[9], o[10] = v.KEVAdded, v.KEVDue, b.yes(v.Ransomware)
			if v.HasEPSS {
				o[11], o[12] = v.EPSS, v.EPSSPct
			}
			o[13], o[14], o[15], o[16] = v.Published, v.Fixed, v.Workaround.Get(b.lang), strings.Join(v.CWE, ", ")
			o[17], o[18], o[19], o[20] = strings.Join(v.Systems, ", "), v.Findings, v.Open, prio[v.TopPriority]
			first := firstLink(v.References)
			var rest []string
			for _, ref := range v.References {
				if ref != first {
					rest = append(rest, ref)
				}
			}
			o[21], o[22], o[23] = v.Source, first, strings.Join(rest, "\n")
		},
	})
	return err
}

// firstLink returns the first http or https reference.
func firstLink(refs []string) string {
	for _, r := range refs {
		if webLink(r) != "" {
			return r
		}
	}
	return ""
}

func (b *book) notifications(ctx context.Context) error {
	ns := b.r.Notifications
	_, err := b.writeTable(ctx, table{base: b.sheet(SheetNotifications), n: len(ns), late: 8,
		cols: []column{
			{"xlsx.col.id", 12, kText, false}, {"col.received", 11, kDate, false}, {"col.from", 10, kText, false},
			{"col.system_id", 14, kText, false}, {"col.summary", 44, kWrap, false}, {"col.acknowledged", 11, kDate, false},
			{"xlsx.col.ack_days", 9, kInt, false}, {"ack_late", 10, kText, false}, {"col.status", 10, kText, false},
			{"col.advisory", 18, kText, false},
		},
		row: func(i int, o []any) {
			n := &ns[i]
			o[0], o[1], o[2], o[3], o[4] = n.ID, n.Received, b.enum("from", n.From), n.System, n.Summary.Get(b.lang)
			o[5], o[6], o[7], o[8], o[9] = n.Acknowledged, n.AckDays, b.yes(n.AckLate), b.enum("nstatus", n.Status), n.Advisory
		},
	})
	return err
}

// scanCells returns a finding's scanner results and their confidence, as
// findings.csv writes them.
func scanCells(ss []model.ScanSource) (sources, confidence string) {
	e := findings.Finding{}
	for _, s := range ss {
		e.Scanners = append(e.Scanners, findings.Scanner{Scanner: s.Scanner, File: s.File, Confidence: s.Confidence, LowConfidence: s.Low})
	}
	return findings.Scanners(e)
}
