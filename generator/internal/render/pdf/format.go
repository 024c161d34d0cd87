package pdf

import (
	"strconv"
	"strings"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// day formats a date as YYYY-MM-DD, or a dash when unknown.
func day(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2006-01-02")
}

// month names the month of t: "2026年11月" or "November 2026".
func month(t time.Time, lang i18n.Lang) string {
	return i18n.Tf(lang, "month", strconv.Itoa(t.Year()), int(t.Month()), t.Month().String())
}

// num formats n with thousands separators.
func num(n int) string { return i18n.Number(n) }

// signed formats a change: "+3", "−2", "±0".
func signed(n int) string {
	switch {
	case n > 0:
		return "+" + num(n)
	case n < 0:
		return "−" + num(-n)
	}
	return "±0"
}

// pct formats a 0–1 share as a percentage with one decimal.
func pct(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }

// days formats a day count with one decimal.
func days(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// stage names the four steps' stage of a finding or action.
func (d *doc) stage(s model.Stage) string { return d.t("stage." + string(s)) }

// actionStage returns an action's stage (its least advanced finding's),
// and, when work is recorded against only some of its findings, how many
// stand at the furthest stage: "未着手 (1/2 件は 完了)".
func (d *doc) actionStage(a *report.Action) string {
	if !a.Progress.Mixed() {
		return d.stage(a.Stage)
	}
	st, n := a.Progress.FurthestStage()
	return d.tf("pdf.stage_mixed", d.stage(a.Stage), n, a.Progress.Total(), d.stage(st))
}

// dept returns the department, or "no owner".
func (d *doc) dept(s string) string {
	if s == "" || s == "-" {
		return d.t("no_owner")
	}
	return s
}

// list joins labels with the language's separator.
func (d *doc) list(items []string) string { return strings.Join(items, d.t("pdf.list_sep")) }

// count formats "12 件" / "12".
func (d *doc) count(n int) string { return d.tf("pdf.count", num(n)) }

// points prints a ranking score: "122.6".
func points(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
