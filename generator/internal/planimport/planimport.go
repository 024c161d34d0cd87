// Package planimport reads back the remediation plan of a workbook written
// by the xlsx renderer, after a person edited it in Excel or LibreOffice,
// and merges the edits into the snapshot's remediation records.
//
// Each plan row is matched to its fix action by the action key column, not
// by position, so rows may be sorted or filtered. A row whose owner, due
// date, stage, action, planned or completed date, justification, approver,
// expiry or notes differ from what the workbook was built with becomes a
// remediation record addressing the fix action — system and product of
// the action, advisory "*" — updating the last such record in the snapshot
// or adding one with the id R-IMPORT-<n>. A new record takes every
// non-empty value of the row except the due date, which is only written
// when it was edited, since a record's due date overrides the SLA.
//
// Every row is checked first (dates are real Excel dates or YYYY-MM-DD;
// stage and action are contract values or their Japanese or English
// labels; an acceptance needs a justification, an approver and an expiry
// date and not_affected a justification — the plan sheet has columns for
// them, so notes stay free text; a record needs a stage), and nothing is
// changed when any cell is invalid. When the snapshot's remediation file
// changed since the workbook was built (its SHA-256, recorded in the
// workbook, differs), a field that both the workbook and the snapshot's
// record changed, to different values, is a conflict, and nothing is
// changed either. A field the snapshot emptied since is not a conflict.
//
// The file is replaced atomically (temporary file, then rename), in its
// own format: in YAML only the records the import changes are rewritten,
// fields in contract order, and new ones appended, so that comments, blank
// lines, unknown fields and every other record keep their bytes; in CSV
// the file keeps its encoding, BOM, line ends and header names.
package planimport

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/remediation"
)

// importPrefix starts the ids of records the import adds.
const importPrefix = "R-IMPORT-"

// Run imports the plan sheet of workbook into the remediation records of
// the snapshot in dataDir, reporting every change and problem on stdout or
// in the error. With dryRun it only reports.
func Run(workbook, dataDir string, dryRun bool, stdout io.Writer) error {
	f, err := excelize.OpenFile(workbook)
	if err != nil {
		return fmt.Errorf("opening %s: %w", workbook, err)
	}
	defer f.Close()
	m, err := readMeta(f)
	if err != nil {
		return fmt.Errorf("%s: %w", workbook, err)
	}
	lang := i18n.Lang(m.lang)
	if !lang.Valid() {
		lang = i18n.JA
	}
	rd := &reader{f: f, m: m, stages: newLabels("stage", remediation.Stages, remediation.StageAliases, lang),
		actions: newLabels("action", remediation.Actions, remediation.ActionAliases, lang)}
	edits := rd.read()
	st, err := openStore(dataDir)
	if err != nil {
		return err
	}
	mg := &merger{m: m, st: st, rd: rd, changed: snapshotChanged(m, st)}
	mg.run(edits)
	if len(rd.bad) > 0 {
		return fmt.Errorf("%d problem(s) in %s; nothing was changed:\n  %s", len(rd.bad), workbook, strings.Join(rd.bad, "\n  "))
	}
	if len(mg.conflicts) > 0 {
		return fmt.Errorf("%d conflict(s) with changes made to %s since the workbook was built; nothing was changed "+
			"(set the cell to the snapshot's value, or back to the workbook's, and import again):\n  %s",
			len(mg.conflicts), st.name, strings.Join(mg.conflicts, "\n  "))
	}
	for _, l := range mg.lines {
		fmt.Fprintln(stdout, l)
	}
	if mg.updated+mg.added == 0 {
		fmt.Fprintf(stdout, "no changes to import from %s\n", workbook)
		return nil
	}
	data, err := st.doc.encode()
	if err != nil {
		return err
	}
	if err := st.check(data); err != nil {
		return err
	}
	summary := fmt.Sprintf("%s: %d record(s) updated, %d added", st.name, mg.updated, mg.added)
	if dryRun {
		fmt.Fprintf(stdout, "dry run: %s; nothing written\n", summary)
		return nil
	}
	if err := st.write(data); err != nil {
		return fmt.Errorf("writing %s: %w", st.name, err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", summary)
	return nil
}

// check refuses a merged file that the build would reject more of than
// the file as it was.
func (s *store) check(data []byte) error {
	var before []string
	if s.exists {
		before, _ = errorsIn(s.name, s.data)
	}
	after, err := errorsIn(s.name, data)
	if err != nil {
		return fmt.Errorf("the merged %s would not be readable: %w; nothing was changed", s.name, err)
	}
	if len(after) > len(before) {
		return fmt.Errorf("the merged %s would have errors; nothing was changed:\n  %s", s.name, strings.Join(after, "\n  "))
	}
	return nil
}

// snapshotChanged reports whether the remediation file differs from the
// one the workbook was built from.
func snapshotChanged(m *meta, st *store) bool {
	if !st.exists {
		return len(m.inputs) > 0
	}
	sum, ok := m.inputs[st.name]
	return !ok || sum != st.sum || len(m.inputs) != 1
}

// merger turns edited rows into record changes.
type merger struct {
	m         *meta
	st        *store
	rd        *reader
	changed   bool
	lines     []string
	conflicts []string
	updated   int
	added     int
	nextID    int
}

func (mg *merger) run(edits []*edit) {
	slices.SortFunc(edits, func(a, b *edit) int { return strings.Compare(a.key, b.key) })
	mg.nextID = 1
	for _, r := range mg.st.doc.records() {
		if n, err := strconv.Atoi(strings.TrimPrefix(r.get("id"), importPrefix)); err == nil && strings.HasPrefix(r.get("id"), importPrefix) {
			mg.nextID = max(mg.nextID, n+1)
		}
	}
	for _, e := range edits {
		mg.one(e)
	}
}

// canon returns a field's value as the contract spells it, so that a file
// written with Japanese labels compares equal to the enum value.
func (mg *merger) canon(field, v string) string {
	v = strings.TrimSpace(v)
	switch field {
	case "stage":
		if c, ok := mg.rd.stages.value(v); ok {
			return c
		}
	case "action":
		if c, ok := mg.rd.actions.value(v); ok {
			return c
		}
	}
	return v
}

func (mg *merger) one(e *edit) {
	o := mg.m.orig[e.key]
	var touched []string
	for _, f := range remediation.PlanFields {
		if v, ok := e.values[f]; ok && v != o.values[f] {
			touched = append(touched, f)
		}
	}
	if len(touched) == 0 {
		return
	}
	idx := mg.st.find(o.system, o.product)
	cur := map[string]string{}
	where := ""
	if idx >= 0 {
		rec := mg.st.doc.records()[idx]
		for k, v := range rec.fields {
			cur[k] = mg.canon(k, v)
		}
		where = fmt.Sprintf("%s:%d", mg.st.name, rec.line)
	}
	bad := len(mg.rd.bad)
	if mg.changed && idx >= 0 {
		for _, f := range touched {
			if s := cur[f]; s != "" && s != o.values[f] && s != e.values[f] {
				mg.conflicts = append(mg.conflicts, fmt.Sprintf("%s: %s: the workbook was built with %q and now says %q, but %s now says %q",
					e.ref(f), f, o.values[f], e.values[f], where, s))
			}
		}
	}
	final := map[string]string{}
	var write []string
	if idx >= 0 {
		for k, v := range cur {
			final[k] = v
		}
		// A field the record already holds is not a change (an import
		// run twice, or the same edit made in both places).
		for _, f := range touched {
			if cur[f] != e.values[f] {
				write = append(write, f)
			}
		}
		if len(write) == 0 {
			return
		}
	} else {
		write = slices.Clone(touched)
		for _, f := range remediation.PlanFields {
			if e.values[f] != "" && (f != "due" || slices.Contains(touched, f)) && !slices.Contains(write, f) {
				write = append(write, f)
			}
		}
	}
	for _, f := range write {
		final[f] = e.values[f]
	}
	mg.rules(e, final)
	if len(mg.rd.bad) > bad {
		return
	}
	var head string
	if idx >= 0 {
		id := cur["id"]
		if id == "" {
			id = "record"
		}
		head = fmt.Sprintf("%s: update %s (%s)", e.key, id, where)
		mg.updated++
	} else {
		final["id"] = importPrefix + strconv.Itoa(mg.nextID)
		mg.nextID++
		final["system"], final["product"], final["advisory"] = o.system, o.product, remediation.Wildcard
		head = fmt.Sprintf("%s: add %s (system %s, product %s, advisory *)", e.key, final["id"], o.system, o.product)
		mg.added++
	}
	mg.lines = append(mg.lines, head)
	slices.SortFunc(write, func(a, b string) int { return order(a) - order(b) })
	for _, f := range write {
		mg.lines = append(mg.lines, fmt.Sprintf("  %s: %s %q → %q", e.ref(f), f, cur[f], final[f]))
		if idx >= 0 {
			mg.st.doc.set(idx, f, final[f])
		}
	}
	if idx < 0 {
		mg.st.doc.add(final)
	}
	var others []string
	for _, id := range o.records {
		if id != final["id"] {
			others = append(others, id)
		}
	}
	if len(others) > 0 {
		mg.lines = append(mg.lines, fmt.Sprintf("  note: %s, more specific, still decide(s) the findings it covers", strings.Join(others, ", ")))
	}
	if remediation.WantsCompletion(model.Stage(final["stage"]), final["action"]) && final["completed"] == "" {
		mg.lines = append(mg.lines, fmt.Sprintf("  note: %s: stage done without a completion date", e.ref("completed")))
	}
}

// rules checks the contract's rules on the record as it will be written.
func (mg *merger) rules(e *edit, r map[string]string) {
	if r["stage"] == "" {
		mg.rd.badf("%s: choose a stage: the record this row becomes needs one", e.ref("stage"))
	}
	for _, q := range remediation.Required(r["action"]) {
		if r[q.Field] == "" {
			mg.rd.badf("%s: %s is required for action %s (%s)", e.ref(q.Field), q.Field, r["action"], q.Why)
		}
	}
}
