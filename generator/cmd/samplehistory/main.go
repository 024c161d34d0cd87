// Command samplehistory writes the sample snapshot's earlier months,
// data/history/<date>/findings.json, by rebuilding the snapshot as it stood
// on each date: components upgraded after the date (changes.yaml) are put
// back to their earlier version, and advisories published or KEV entries
// added after the date are left out. Run it oldest month first:
//
//	go run ./generator/cmd/samplehistory --data data 2026-09-30 2026-10-31
//
// With --logs DIR, the month's logs are DIR/<date>/logs/ (written by
// samplelogs --month) instead of the snapshot's, and the month's
// attack-signs.json is written beside its findings.json, for the trend;
// --attack-signs-only writes that file alone:
//
//	go run ./generator/cmd/samplelogs --month 2026-10 --data /tmp/sl/2026-10-31
//	go run ./generator/cmd/samplehistory --data data --logs /tmp/sl --attack-signs-only 2026-10-31
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/all"
	"vulnreport/generator/internal/publish"
	"vulnreport/generator/internal/render/export"
	"vulnreport/generator/internal/snapshot"
	"vulnreport/generator/internal/source"
)

func main() {
	data := flag.String("data", "data", "snapshot folder")
	logs := flag.String("logs", "", "folder holding <date>/logs/ for each month (from samplelogs --month)")
	signsOnly := flag.Bool("attack-signs-only", false, "write only history/<date>/attack-signs.json")
	flag.Parse()
	for _, d := range flag.Args() {
		if err := month(*data, *logs, *signsOnly, d); err != nil {
			fmt.Fprintln(os.Stderr, "samplehistory:", err)
			os.Exit(1)
		}
	}
}

// overlay is the snapshot with the month's logs in place of its own:
// none when logs is nil.
type overlay struct{ base, logs fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if name == "logs" || strings.HasPrefix(name, "logs/") {
		if o.logs == nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return o.logs.Open(name)
	}
	return o.base.Open(name)
}

func month(dir, logs string, signsOnly bool, date string) error {
	asOf, err := source.ParseDate(date)
	if err != nil {
		return err
	}
	var diags source.Diagnostics
	fsys := overlay{base: os.DirFS(dir)}
	if logs != "" {
		fsys.logs = os.DirFS(filepath.Join(logs, date))
	}
	snap := snapshot.Load(fsys, snapshot.Options{Feeds: all.Parsers()}, &diags)
	if len(snap.Fatal) > 0 {
		return fmt.Errorf("%v", snap.Fatal)
	}
	reverted := 0
	for _, ch := range snap.Changes {
		if !ch.Date.After(asOf) || ch.FromVersion == "" {
			continue
		}
		key, _, err := snap.Resolver.Resolve(ch.Product)
		if err != nil {
			continue
		}
		for i := range snap.Components {
			c := &snap.Components[i]
			if c.System == ch.System && c.Key == key && c.Version == ch.ToVersion {
				c.Version = ch.FromVersion
				reverted++
			}
		}
	}
	snap.Advisories = slices.DeleteFunc(snap.Advisories, func(a advisory.Advisory) bool { return a.Published.After(asOf) })
	snap.KEV = slices.DeleteFunc(snap.KEV, func(e feed.KEVEntry) bool { return e.DateAdded.After(asOf) })
	r := app.AnalyzeSnapshot(snap, app.Options{AsOf: asOf, Data: fsys}, &diags, func(string, int) {})
	mem := publish.NewMemory()
	if err := export.New().Render(context.Background(), r, mem); err != nil {
		return err
	}
	out := filepath.Join(dir, "history", date, "findings.json")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if signs, ok := mem.Get(export.AttackSignsName); ok && logs != "" {
		p := filepath.Join(dir, "history", date, export.AttackSignsName)
		if err := os.WriteFile(p, signs, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d systems with logs\n", p, len(r.Attacks))
	}
	if signsOnly {
		return nil
	}
	b, _ := mem.Get("findings.json")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d findings (%d components put back to earlier versions)\n", out, r.Findings.Len(), reverted)
	return nil
}
