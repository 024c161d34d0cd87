package xlsx

import (
	"context"
	"strconv"
	"strings"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/report"
)

// sheetOf creates a sheet written without a stream, with its print form.
func (b *book) sheetOf(key string, widths ...float64) (string, error) {
	name := b.sheet(key)
	if _, err := b.f.NewSheet(name); err != nil {
		return "", err
	}
	b.widths[name] = widths
	for i, w := range widths {
		c := colName(i + 1)
		if err := b.f.SetColWidth(name, c, c, w); err != nil {
			return "", err
		}
	}
	return name, b.pageSetup(name, 0)
}

// quality writes the data-quality sheet: rejected records with file:line
// and reasons, products matching nothing, versions that cannot be
// compared, what each file contributed, and every diagnostic.
func (b *book) quality(context.Context) error {
	q := b.r.Quality
	sheet, err := b.sheetOf(SheetQuality, 28, 24, 22, 60, 12, 10, 10, 10)
	if err != nil {
		return err
	}
	if err := b.put(sheet, 1, 1, b.tf("xlsx.quality.totals", q.Read, q.Accepted, q.Rejected, q.Errors, q.Warnings), b.bold); err != nil {
		return err
	}
	rej := block{title: b.t("rejected_records"), name: "Rejected", kinds: []kind{kText, kText, kText, kWrap},
		cols: []string{b.t("col.location"), b.t("col.kind"), b.t("xlsx.col.id"), b.t("col.reason")}}
	for _, x := range q.Rejections {
		rej.rows = append(rej.rows, []any{x.Location, x.Kind, x.ID, strings.Join(x.Reasons, "\n")})
	}
	rv := block{title: b.t("remediation_reviews"), name: "Reviews", kinds: []kind{kText, kText, kText, kInt, kInt, kWrap},
		cols: []string{b.t("col.location"), b.t("col.kind"), b.t("col.record"), b.t("col.findings"), b.t("col.closed"), b.t("col.reason")}}
	for _, x := range q.Reviews {
		rv.rows = append(rv.rows, []any{x.At, b.t("review." + x.Kind), x.Record, x.Findings, x.Closed, x.Text.Get(b.lang)})
	}
	comp := func(title, name string, cs []report.Component) block {
		blk := block{title: title, name: name, cols: []string{b.t("col.system_id"), b.t("xlsx.col.product_key"),
			b.t("col.product"), b.t("col.version"), b.t("col.location")}}
		for _, c := range cs {
			blk.rows = append(blk.rows, []any{c.System, c.Product, c.ProductName, c.Version, c.At})
		}
		return blk
	}
	files := block{title: b.t("xlsx.quality.files"), name: "Files", kinds: []kind{kText, kText, kText, kInt, kInt, kInt},
		cols: []string{b.t("col.file"), b.t("col.kind"), b.t("xlsx.col.encoding"), b.t("col.read"), b.t("col.accepted"), b.t("col.rejected")}}
	for _, f := range q.Files {
		files.rows = append(files.rows, []any{f.Path, f.Kind, f.Encoding, f.Read, f.Accepted, f.Rejected})
	}
	diags := block{title: b.t("xlsx.quality.diagnostics"), name: "Diagnostics", cols: []string{b.t("xlsx.col.message")}}
	for _, d := range q.Diagnostics {
		diags.rows = append(diags.rows, []any{d})
	}
	row := 3
	for _, blk := range []block{rej, rv, comp(b.t("unmatched_products"), "Unmatched", q.Unmatched),
		comp(b.t("bad_versions"), "BadVersions", q.BadVersions), files, diags} {
		if row, _, err = b.writeBlock(sheet, row, blk); err != nil {
			return err
		}
	}
	return nil
}

// method writes the appendix: priority rules and thresholds, SLA days,
// the feeds with their versions and dates, the input files with their
// SHA-256, the tool version and a glossary of the guide's four steps.
func (b *book) method(context.Context) error {
	p := b.r.Policy
	sheet, err := b.sheetOf(SheetMethod, 24, 60, 16, 14, 14, 10, 10, 10)
	if err != nil {
		return err
	}
	rules := block{title: b.t("xlsx.method.rules"), name: "Rules", kinds: []kind{kText, kWrap, kInt},
		cols: []string{b.t("priority"), b.t("xlsx.col.rule"), b.t("trend.target_days")}}
	args := map[model.Priority][]any{model.P1: {p.P1CVSS}, model.P2: {p.P2CVSS, p.P2EPSS, p.P2CVSS}, model.P3: {p.P3CVSS}, model.P4: nil}
	for _, pr := range model.Priorities {
		rules.rows = append(rules.rows, []any{b.t(pr.LabelKey()), b.tf("xlsx.rule."+pr.String(), args[pr]...), p.SLADays[pr]})
	}
	rules.rows = append(rules.rows, []any{b.t("kind.eol"), b.t("xlsx.rule.eol"), nil})
	th := block{title: b.t("xlsx.method.thresholds"), name: "Thresholds", kinds: []kind{kText, kText},
		cols: []string{b.t("xlsx.col.item"), b.t("col.value")}}
	for _, x := range []struct {
		key string
		v   any
	}{
		{"p1_cvss", p.P1CVSS}, {"p2_cvss", p.P2CVSS}, {"p3_cvss", p.P3CVSS}, {"p2_epss", p.P2EPSS},
		{"eol_warning_days", p.EOLWarningDays}, {"stale_days", p.StaleDays}, {"inspection_days", p.InspectionDays},
		{"ack_days", p.AckDays}, {"acceptance_days", p.AcceptanceDays}, {"due_soon_days", p.DueSoonDays},
	} {
		th.rows = append(th.rows, []any{b.t("xlsx.th." + x.key), x.v})
	}
	ranking := b.rankingBlock()
	src := b.r.Sources
	feeds := block{title: b.t("feeds"), name: "Feeds", kinds: []kind{kText, kText, kText, kText, kInt},
		cols: []string{b.t("col.kind"), b.t("col.file"), b.t("xlsx.col.feed_version"), b.t("xlsx.col.feed_date"), b.t("col.count")}}
	for _, f := range src.Feeds {
		feeds.rows = append(feeds.rows, []any{f.Kind, f.Path, f.Version, f.Date, f.Records})
	}
	inputs := block{title: b.t("input_files"), name: "Inputs", kinds: []kind{kText, kText, kText, kInt, kText, kInt, kInt, kInt},
		cols: []string{b.t("col.file"), b.t("col.kind"), b.t("col.sha256"), b.t("xlsx.col.size"), b.t("xlsx.col.encoding"),
			b.t("col.read"), b.t("col.accepted"), b.t("col.rejected")}}
	for _, f := range src.Inputs {
		inputs.rows = append(inputs.rows, []any{f.Path, f.Kind, f.SHA256, int(f.Size), f.Encoding, f.Read, f.Accepted, f.Rejected})
	}
	langs := make([]string, len(b.r.Languages))
	for i, l := range b.r.Languages {
		langs[i] = string(l)
	}
	about := block{title: b.t("xlsx.method.about"), name: "About", kinds: []kind{kText, kText},
		cols: []string{b.t("xlsx.col.item"), b.t("col.value")},
		rows: [][]any{{b.t("generated_by"), "vulnreport " + b.r.ToolVersion}, {b.t("xlsx.schema_version"), b.r.SchemaVersion},
			{b.t("as_of"), day(b.r.AsOf)}, {b.t("xlsx.previous_build"), day(b.r.Previous)},
			{b.t("xlsx.languages"), strings.Join(langs, ", ")}, {b.t("xlsx.epss_date"), src.EPSSDate}, {b.t("xlsx.epss_model"), src.EPSSModel}}}
	gloss := block{title: b.t("section.glossary"), name: "Glossary", kinds: []kind{kText, kWrap},
		cols: []string{b.t("xlsx.col.term"), b.t("xlsx.col.meaning")}}
	for _, s := range remediation.Stages {
		gloss.rows = append(gloss.rows, []any{b.t("stage." + s), b.t("xlsx.gloss." + s)})
	}
	for _, k := range []string{"finding", "action", "kev", "epss", "cvss", "sla"} {
		gloss.rows = append(gloss.rows, []any{b.t("xlsx.term." + k), b.t("xlsx.gloss." + k)})
	}
	row := 1
	for _, blk := range []block{rules, th, ranking, about, feeds, inputs, gloss} {
		if row, _, err = b.writeBlock(sheet, row, blk); err != nil {
			return err
		}
	}
	return nil
}

// rankingBlock lists the one risk ranking's terms with their points
// (report.Weights), as the PDF's method appendix does, so that a reader of
// the workbook alone can see why a row ranks where it does. The mitigation
// term has no points of its own: it halves the score.
func (b *book) rankingBlock() block {
	blk := block{title: b.t("pdf.sub.ranking"), name: "Ranking", kinds: []kind{kText, kWrap, kText},
		cols: []string{b.t("xlsx.col.item"), b.t("pdf.condition"), b.t("pdf.points")}}
	for _, w := range report.Weights {
		pts := strconv.FormatFloat(w.Points, 'f', -1, 64)
		if w.Points == 0 {
			pts = "× 0.5"
		}
		blk.rows = append(blk.rows, []any{w.Label.Get(b.lang), w.Rule.Get(b.lang), pts})
	}
	return blk
}
