package site

import (
	"encoding/json"
	"fmt"

	"vulnreport/generator/internal/model"
	"vulnreport/generator/internal/report"
)

// sysDataName is the asset that holds each system's filter values. A
// findings row names its system (data-sys) and carries only its own
// values; its system's category and exposure, the same on each of the
// system's rows, are looked up here by site.js. At 10,000 systems the
// file is a few hundred kilobytes, read once; repeated on each of the
// several million rows they were ~40 bytes a row. It is a script, not
// JSON fetched, since pages opened from a file share may not fetch, and
// it holds ids only, so both languages share it.
const sysDataName = "systems.js"

// sysData is the content of assets/systems.js: the states that count as
// open, assigned to window.vulnreportOpenStates, and every system as [id,
// category, exposure], in the report's order, assigned to
// window.vulnreportSystems. A list, not an object keyed by id, so that
// no id (such as "__proto__") can mean anything but itself.
func sysData(r *report.Report) ([]byte, error) {
	list := make([][3]string, len(r.Systems))
	for i := range r.Systems {
		s := &r.Systems[i]
		list[i] = [3]string{s.ID, s.Category, s.Exposure}
	}
	// encoding/json escapes <, >, &, U+2028 and U+2029, so the text is a
	// JavaScript expression whatever the ids.
	js, err := json.Marshal(list)
	if err != nil {
		return nil, fmt.Errorf("systems' filter values: %w", err)
	}
	// The states the filter's "open" stands for (model.Finding.IsOpen),
	// so that rows need not say it.
	var open []model.State
	for _, st := range model.States {
		if (model.Flat{State: st}).Finding().IsOpen() {
			open = append(open, st)
		}
	}
	states, err := json.Marshal(open)
	if err != nil {
		return nil, fmt.Errorf("open states: %w", err)
	}
	out := make([]byte, 0, len(js)+len(states)+80)
	out = append(out, "window.vulnreportOpenStates = "...)
	out = append(out, states...)
	out = append(out, ";\nwindow.vulnreportSystems = "...)
	out = append(out, js...)
	return append(out, ";\n"...), nil
}
