package xlsx

import (
	"context"
	"strings"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// hosts returns a host count for a cell: the number, or "全台" / "all
// hosts" for 0, which the inventory uses for a component on every host of
// its system.
func (b *book) hosts(n int) any {
	if n == 0 {
		return b.t("xlsx.all_hosts")
	}
	return n
}

// decisions writes 経営層の判断事項: every decision for management in the
// model's order (late outside reports first, then the risk ranking), with
// its department, the date it is needed by ("late since" instead of a
// past date), the reason and the sum of its records' costs.
func (b *book) decisions(ctx context.Context) error {
	ds := b.r.Decisions
	sysName := b.systemNames()
	_, err := b.writeTable(ctx, table{base: b.sheet(SheetDecisions), n: len(ds), protect: true,
		cols: []column{
			{"xlsx.col.rank", 5, kInt, false}, {"col.kind", 18, kWrap, false}, {"xlsx.col.what", 48, kWrap, false},
			{"col.owner", 16, kWrap, false}, {"xlsx.col.system_name", 20, kWrap, false}, {"xlsx.col.needed_by", 11, kDate, false},
			{"xlsx.col.late_since", 11, kDate, false}, {"col.reason", 40, kWrap, false}, {"col.findings", 7, kInt, false},
			{"xlsx.col.cost_total", 13, kInt, false}, {"xlsx.col.records", 18, kWrap, false}, {"xlsx.col.person", 14, kText, false},
		},
		row: func(i int, o []any) {
			d := &ds[i]
			o[0], o[1], o[2] = i+1, b.enum("decision", string(d.Kind)), d.Text.Get(b.lang)
			o[3], o[4] = d.DepartmentName.Get(b.lang), sysName[d.System]
			if o[4] == "" {
				o[4] = d.System
			}
			if d.Late {
				o[6] = d.LateSince
			} else {
				o[5] = d.NeededBy
			}
			o[7], o[8] = d.Reason.Get(b.lang), d.Findings
			if d.HasCost {
				o[9] = int(d.Cost)
			}
			o[10], o[11] = strings.Join(d.Records, " "), d.Owner
		},
	})
	return err
}

// departments writes the department scorecards, worst first, as the model
// orders them.
func (b *book) departments(ctx context.Context) error {
	cs := b.r.Scorecards
	cols := []column{{"xlsx.col.department", 22, kWrap, false}, {"xlsx.col.systems_n", 8, kInt, false}}
	for _, p := range model.Priorities {
		cols = append(cols, column{"xlsx.col.open_" + p.String(), 8, kInt, false})
	}
	cols = append(cols, column{i18n.TermOpenFindings, 10, kInt, false}, column{i18n.TermOverdueFindings, 10, kInt, false},
		column{i18n.TermOverdueActions, 10, kInt, false}, column{"xlsx.col.due_soon", 10, kInt, false},
		column{i18n.TermFixActions, 8, kInt, false}, column{"col.exploited", 8, kInt, false}, column{"col.eol_in_use", 8, kInt, false},
		column{"xlsx.col.mttr", 10, kNum1, false}, column{"xlsx.col.sla_rate", 10, kPct, false}, column{"xlsx.col.closed", 8, kInt, false},
		column{"xlsx.col.prev_open", 10, kInt, false}, column{"xlsx.col.prev_overdue", 10, kInt, false})
	_, err := b.writeTable(ctx, table{base: b.sheet(SheetDepartments), n: len(cs), cols: cols, protect: true,
		row: func(i int, o []any) {
			c := &cs[i]
			o[0], o[1] = c.Name.Get(b.lang), c.Systems
			for k := range model.Priorities {
				o[2+k] = c.Open[k]
			}
			o[6], o[7], o[8], o[9], o[10], o[11], o[12] = c.OpenTotal, c.OverdueFindings, c.OverdueActions, c.DueSoon, c.Actions, c.Exploited, c.EOL
			if c.HasMTTR {
				o[13] = c.MTTRDays
			}
			if c.HasSLA {
				o[14] = c.SLARate
			}
			o[15] = c.Closed
			if c.HasPrev {
				o[16], o[17] = c.PrevOpen, c.PrevOverdue
			}
		},
	})
	return err
}

// exceptions writes the exceptions register: every moved due date (with
// the SLA date, the new one, who approved it and the days it extends),
// acceptance, mitigation and not-affected decision, with ticket and cost.
func (b *book) exceptions(ctx context.Context) error {
	es := b.r.Exceptions
	_, err := b.writeTable(ctx, table{base: b.sheet(SheetExceptions), n: len(es), protect: true,
		cols: []column{
			{"xlsx.col.id", 12, kText, false}, {"col.kind", 20, kText, false}, {"col.system_id", 14, kText, false},
			{"col.advisory", 18, kText, false}, {"col.product", 20, kText, false}, {"xlsx.col.sla_due", 11, kDate, false},
			{"xlsx.col.new_due", 11, kDate, false}, {"xlsx.col.extension_days", 9, kInt, false}, {"col.approved_by", 14, kText, false},
			{"xlsx.col.honoured", 9, kText, false}, {"col.reason", 36, kWrap, false}, {"col.expires", 11, kDate, false},
			{"xlsx.col.expiry_status", 12, kText, false}, {"xlsx.col.overdue_if_sla", 10, kInt, false},
			{"col.findings", 7, kInt, false}, {"xlsx.col.open", 7, kInt, false}, {"xlsx.col.ticket", 14, kText, false},
			{"xlsx.col.cost", 13, kInt, false},
		},
		row: func(i int, o []any) {
			e := &es[i]
			o[0], o[1], o[2], o[3], o[4] = e.ID, b.enum("exception", e.Kind), e.System, e.Advisory, name(e.Product, e.ProductName)
			if e.DueMoved {
				o[5], o[6], o[7] = e.SLADue, e.NewDue, e.ExtensionDays
				if e.Honoured {
					o[9] = b.t("yes")
				} else {
					o[9] = b.t("xlsx.not_honoured")
				}
			}
			o[8], o[10], o[11] = e.ApprovedBy, e.Reason, e.Expires
			switch {
			case e.Expired:
				o[12] = b.t("expired")
			case e.ExpiringSoon:
				o[12] = b.t("expiring_soon")
			}
			o[13], o[14], o[15], o[16] = e.OverdueIfSLA, len(e.Findings), e.Open, e.Ticket
			switch {
			case e.HasCost:
				o[17] = int(e.CostValue)
			case e.Cost != "":
				o[17] = e.Cost // not a number: shown as written
			}
		},
	})
	return err
}

// systemNames maps system ids to their names in the book's language.
func (b *book) systemNames() map[string]string {
	m := make(map[string]string, len(b.r.Systems))
	for _, s := range b.r.Systems {
		m[s.ID] = s.Name.Get(b.lang)
	}
	return m
}
