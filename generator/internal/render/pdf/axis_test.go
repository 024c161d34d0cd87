package pdf_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"vulnreport/generator/internal/chart"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/render"
	"vulnreport/generator/internal/render/pdf"
	"vulnreport/generator/internal/render/site"
)

// TestChartAxesMatchSite renders the same reports through the site and
// the PDF and checks that both draw the same value axis — the ticks of
// chart.Scale — for the open-by-priority bars and the trend line, with
// the fixture grown by extra Struts advisories so that the counts reach
// several scales (the two had drifted: a maximum of 22 gave 25 on the
// site and 50 in the PDF).
func TestChartAxesMatchSite(t *testing.T) {
	for _, extra := range []int{0, 6, 20, 60} {
		t.Run(strconv.Itoa(extra), func(t *testing.T) {
			fsys := fixture()
			var adv strings.Builder
			for i := range extra {
				fmt.Fprintf(&adv, "- id: CVE-2099-%05d\n  title: {ja: 追加 %d, en: extra %d}\n  source: nvd\n  published: 2025-01-09\n"+
					"  cvss: {version: \"3.1\", vector: \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\", score: 9.8}\n"+
					"  affected: [{product: \"apache:struts\", versions: \"<2.3.32\"}]\n", i+1, i, i)
			}
			fsys["advisories/extra.yaml"] = &fstest.MapFile{Data: []byte(adv.String())}
			r := analyze(t, fsys)
			ch := chart.Build(r)
			bars, line := ch.OpenByPriority, ch.Trend
			if extra > 0 && bars.Max() < float64(extra) {
				t.Fatalf("open-by-priority maximum %v; the extra advisories did not match", bars.Max())
			}
			if extra == 20 && bars.Max() != 22 {
				t.Fatalf("open-by-priority maximum %v, want 22 (the case of the issue)", bars.Max())
			}
			var sw memWriter
			if err := site.New(render.Deps{}).Render(context.Background(), r, &sw); err != nil {
				t.Fatal(err)
			}
			var placed []pdf.Placed
			renderPDF(t, r, func(p pdf.Placed) { placed = append(placed, p) })
			for _, c := range []struct {
				id, page, key string
				axis          chart.Axis
			}{
				{bars.ID, "index.html", "open_by_priority", bars.Axis()},
				{line.ID, "trends.html", "trend", line.Axis()},
			} {
				want := tickLabels(c.axis)
				gotSite := siteTicks(t, sw.files[c.page], c.id)
				gotPDF := pdfTicks(placed, []string{i18n.T(i18n.JA, "chart."+c.key), i18n.T(i18n.JA, "pdf.chart."+c.key)})
				if !slices.Equal(gotSite, want) || !slices.Equal(gotPDF, want) {
					t.Errorf("%s axis: site %v, PDF %v; want %v (chart.Scale)", c.id, gotSite, gotPDF, want)
				}
			}
		})
	}
}

func tickLabels(a chart.Axis) []string {
	var out []string
	for _, v := range a.Ticks() {
		out = append(out, strconv.FormatFloat(v, 'f', -1, 64))
	}
	return out
}

var siteTick = regexp.MustCompile(`<text [^>]*text-anchor="end" fill="#424242" font-size="11">([^<]*)</text>`)

// siteTicks returns the axis labels of the chart id on a site page.
func siteTicks(t *testing.T, page []byte, id string) []string {
	t.Helper()
	s := string(page)
	i := strings.Index(s, `id="chart-`+id+`"`)
	if i < 0 {
		t.Fatalf("chart %s not on the page", id)
	}
	s = s[i:]
	s = s[:strings.Index(s, "</svg>")]
	var out []string
	for _, m := range siteTick.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.ReplaceAll(m[1], ",", ""))
	}
	return out
}

// pdfTicks returns the numbers laid out right after the first chart title
// among titles, in the first pass of the Japanese document: the axis
// labels, drawn first in every chart.
func pdfTicks(placed []pdf.Placed, titles []string) []string {
	var out []string
	for i, p := range placed {
		if !slices.Contains(titles, p.Text) {
			continue
		}
		for _, q := range placed[i+1:] {
			v := strings.ReplaceAll(q.Text, ",", "")
			if _, err := strconv.ParseFloat(v, 64); err != nil || q.BoxX != placed[i+1].BoxX {
				break
			}
			out = append(out, v)
		}
		break
	}
	return out
}
