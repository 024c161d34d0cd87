package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// block is a small table on a sheet written without a stream (summary,
// data quality, method): a bold title, a header row and the rows, made an
// Excel table (with its own filter buttons) when name is set.
type block struct {
	title string
	cols  []string
	kinds []kind
	rows  [][]any
	name  string
}

// writeBlock writes blk at row and returns the next free row (one blank
// row after the table) and the header row.
func (b *book) writeBlock(sheet string, row int, blk block) (next, header int, err error) {
	if blk.title != "" {
		if err = b.put(sheet, 1, row, blk.title, b.bold); err != nil {
			return 0, 0, err
		}
		row++
	}
	header = row
	for i, c := range blk.cols {
		if err = b.put(sheet, i+1, row, c, b.header); err != nil {
			return 0, 0, err
		}
	}
	for r, vals := range blk.rows {
		if h := b.rowHeight(sheet, vals, blk.kinds); h > 0 {
			if err = b.f.SetRowHeight(sheet, row+1+r, h); err != nil {
				return 0, 0, err
			}
		}
		for i, v := range vals {
			k := kText
			if i < len(blk.kinds) {
				k = blk.kinds[i]
			}
			if _, ok := v.(int); ok && (k == kNum1 || k == kNum3) {
				k = kInt
			}
			if err = b.put(sheet, i+1, row+1+r, v, b.styles[k]); err != nil {
				return 0, 0, err
			}
		}
	}
	last := row + max(len(blk.rows), 1)
	if blk.name != "" {
		off := false
		if err = b.f.AddTable(sheet, &excelize.Table{Range: "A" + strconv.Itoa(row) + ":" + cell(len(blk.cols), last),
			Name: blk.name, StyleName: "TableStyleLight1", ShowRowStripes: &off}); err != nil {
			return 0, 0, err
		}
	}
	return last + 2, header, nil
}

// summary fills the first sheet: key figures with last month and target,
// the month's sentences, notes on sheets continued elsewhere, the rows of
// every sheet, and three native charts with their numbers beside them.
func (b *book) summary(sheet string) error {
	r, s := b.r, b.r.Summary
	b.widths[sheet] = []float64{36, 13, 12, 12, 18, 12}
	for i, w := range b.widths[sheet] {
		if err := b.f.SetColWidth(sheet, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	org := r.Organization.Get(b.lang)
	if err := b.put(sheet, 1, 1, org+" "+r.Title.Get(b.lang), b.title); err != nil {
		return err
	}
	info := [][2]any{{b.t("as_of"), r.AsOf}, {b.t("classification"), b.classification},
		{b.t("generated_by"), "vulnreport " + r.ToolVersion}}
	for i, kv := range info {
		style := b.styles[kText]
		if _, ok := kv[1].(time.Time); ok {
			style = b.dateLeft
		}
		if err := b.put(sheet, 1, 2+i, kv[0], b.bold); err != nil {
			return err
		}
		if err := b.put(sheet, 2, 2+i, kv[1], style); err != nil {
			return err
		}
	}
	fig := block{title: b.t("xlsx.summary.figures"),
		cols:  []string{b.t("xlsx.col.indicator"), b.t("col.value"), b.t("col.previous"), b.t("col.change"), b.t("col.target_value"), b.t("col.met")},
		kinds: []kind{kText, kInt, kInt, kText, kInt, kText}}
	for _, h := range s.Headlines {
		row := []any{h.Label.Get(b.lang), h.Value, nil, nil, h.Target, b.t("not_met")}
		if h.Key == report.HeadSLA && !s.HasSLARate {
			row[1] = b.t("nodata")
		}
		if h.HasPrev {
			row[2], row[3] = h.Prev, report.Change(h.Value, h.Prev)
		}
		if h.Rule == report.TargetNoIncrease {
			row[4] = b.t("target.no_increase")
		}
		if h.Met {
			row[5] = b.t("met")
		}
		if h.NoBasis {
			row[5] = "—" // nothing to judge against: neither met nor missed
		}
		fig.rows = append(fig.rows, row)
	}
	next, _, err := b.writeBlock(sheet, 6, fig)
	if err != nil {
		return err
	}
	if next, err = b.sentences(sheet, next); err != nil {
		return err
	}
	sheets := block{title: b.t("xlsx.summary.sheets"), cols: []string{b.t("xlsx.col.sheet"), b.t("xlsx.col.rows")}, kinds: []kind{kText, kInt}}
	for _, si := range b.sheets {
		sheets.rows = append(sheets.rows, []any{si.name, si.rows})
	}
	if next, _, err = b.writeBlock(sheet, next, sheets); err != nil {
		return err
	}
	return b.charts(sheet, next)
}

// sentences writes the month's position and the notes on continued sheets.
func (b *book) sentences(sheet string, row int) (int, error) {
	lines := make([]string, 0, len(b.r.Sentences)+len(b.spills))
	for _, t := range b.r.Sentences {
		lines = append(lines, t.Get(b.lang))
	}
	for _, sp := range b.spills {
		lines = append(lines, b.tf("xlsx.spill", sp.base, sp.rows, b.maxRows-1, sp.names[1], sp.names[len(sp.names)-1]))
	}
	if err := b.put(sheet, 1, row, b.t("xlsx.summary.position"), b.bold); err != nil {
		return 0, err
	}
	for _, l := range lines {
		row++
		if err := b.f.MergeCell(sheet, cell(1, row), cell(6, row)); err != nil {
			return 0, err
		}
		if err := b.put(sheet, 1, row, l, b.wrapB); err != nil {
			return 0, err
		}
		if err := b.f.SetRowHeight(sheet, row, 45); err != nil {
			return 0, err
		}
	}
	return row + 2, nil
}

// charts writes the numbers behind the three charts and the charts:
// open findings by priority (column), by category and priority (stacked
// column) and the trend of open findings (line).
func (b *book) charts(sheet string, row int) error {
	r := b.r
	prio := block{title: b.t("xlsx.chart.by_priority"), cols: []string{b.t("priority"), b.t("col.count")}, kinds: []kind{kText, kInt}}
	for _, p := range model.Priorities {
		prio.rows = append(prio.rows, []any{b.t(p.LabelKey()), r.Summary.Open[p]})
	}
	next, h1, err := b.writeBlock(sheet, row, prio)
	if err != nil {
		return err
	}
	byCat := map[string]map[model.Priority]int{}
	for _, m := range r.Posture.Matrix {
		if byCat[m.Category] == nil {
			byCat[m.Category] = map[model.Priority]int{}
		}
		byCat[m.Category][m.Priority] += m.Count
	}
	cat := block{title: b.t("xlsx.chart.by_category"), cols: []string{b.t("category")}, kinds: []kind{kText, kInt, kInt, kInt, kInt}}
	for _, p := range model.Priorities {
		cat.cols = append(cat.cols, b.t(p.LabelKey()))
	}
	for _, c := range report.Categories() {
		row := []any{b.t("category." + c)}
		for _, p := range model.Priorities {
			row = append(row, byCat[c][p])
		}
		cat.rows = append(cat.rows, row)
	}
	next, h2, err := b.writeBlock(sheet, next, cat)
	if err != nil {
		return err
	}
	trend := block{title: b.t("xlsx.chart.trend"), cols: []string{b.t("as_of"), b.t("trend.open")}, kinds: []kind{kDate, kInt, kInt, kInt, kInt, kInt}}
	for _, p := range model.Priorities {
		trend.cols = append(trend.cols, p.String())
	}
	for _, m := range r.Trends.Months {
		row := []any{m.Date, m.Open}
		for _, p := range model.Priorities {
			row = append(row, m.ByPriority[p])
		}
		trend.rows = append(trend.rows, row)
	}
	_, h3, err := b.writeBlock(sheet, next, trend)
	if err != nil {
		return err
	}
	ref := func(col, r1, r2 int) string {
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheet), colName(col), r1, colName(col), r2)
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	var s1 []excelize.ChartSeries
	for i, p := range model.Priorities {
		s1 = append(s1, excelize.ChartSeries{Name: ref(1, h1+1+i, h1+1+i), Categories: ref(2, h1, h1),
			Values: ref(2, h1+1+i, h1+1+i), Fill: fill(hex(p.Color()))})
	}
	var s2 []excelize.ChartSeries
	for i, p := range model.Priorities {
		s2 = append(s2, excelize.ChartSeries{Name: ref(2+i, h2, h2), Categories: ref(1, h2+1, h2+len(cat.rows)),
			Values: ref(2+i, h2+1, h2+len(cat.rows)), Fill: fill(hex(p.Color()))})
	}
	n := max(len(trend.rows), 1)
	s3 := []excelize.ChartSeries{{Name: ref(2, h3, h3), Categories: ref(1, h3+1, h3+n), Values: ref(2, h3+1, h3+n),
		Fill: fill("37474F"), Line: excelize.LineOptions{Width: 2.5}}}
	for i, p := range model.Priorities {
		s3 = append(s3, excelize.ChartSeries{Name: ref(3+i, h3, h3), Categories: ref(1, h3+1, h3+n),
			Values: ref(3+i, h3+1, h3+n), Fill: fill(hex(p.Color())), Line: excelize.LineOptions{Width: 1.5}})
	}
	at := 2
	for _, c := range []struct {
		typ    excelize.ChartType
		title  string
		series []excelize.ChartSeries
	}{
		{excelize.Col, prio.title, s1}, {excelize.ColStacked, cat.title, s2}, {excelize.Line, trend.title, s3},
	} {
		vary := false
		chart := &excelize.Chart{Type: c.typ, Series: c.series, Legend: excelize.ChartLegend{Position: "bottom"}, VaryColors: &vary,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title}}},
			Dimension: excelize.ChartDimension{Width: 560, Height: 300},
			Format:    excelize.GraphicOptions{AltText: c.title, OffsetX: 10}}
		if c.typ == excelize.ColStacked {
			overlap := 100
			chart.Overlap = &overlap
		}
		if err := b.f.AddChart(sheet, cell(8, at), chart); err != nil {
			return err
		}
		if at, err = b.rowBelow(sheet, at, chart.Dimension.Height+24); err != nil {
			return err
		}
	}
	return nil
}

// rowHeight estimates the height a row of a block needs for its wrapped
// text (Excel and LibreOffice do not always fit rows on opening); 0 keeps
// the default. A CJK character counts as two columns of width.
func (b *book) rowHeight(sheet string, vals []any, kinds []kind) float64 {
	widths := b.widths[sheet]
	lines := 1
	for i, v := range vals {
		s, ok := v.(string)
		if !ok || i >= len(kinds) || kinds[i] != kWrap || i >= len(widths) {
			continue
		}
		n := 0
		for _, l := range strings.Split(s, "\n") {
			w := 0
			for _, r := range l {
				w++
				if r >= 0x1100 {
					w++
				}
			}
			n += max(1, int(math.Ceil(float64(w)/(widths[i]*0.9))))
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return 0
	}
	return float64(lines) * 15
}

// rowBelow returns the first row at least px pixels below the top of row
// start, so that charts anchored at rows never overlap whatever the rows'
// heights.
func (b *book) rowBelow(sheet string, start int, px uint) (int, error) {
	var sum float64
	r := start
	for sum < float64(px) {
		h, err := b.f.GetRowHeight(sheet, r)
		if err != nil {
			return 0, err
		}
		sum += h * 96 / 72
		r++
	}
	return r, nil
}
