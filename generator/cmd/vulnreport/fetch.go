package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"vulnreport/generator/internal/app"
	"vulnreport/generator/internal/feed/fetch"
	"vulnreport/generator/internal/source"
)

// realClock is the wall clock, read here in main's package only.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }
func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// mirrorFlags collects repeated --mirror NAME=URL flags.
type mirrorFlags map[string]string

func (m mirrorFlags) String() string { return "" }
func (m mirrorFlags) Set(s string) error {
	name, u, ok := strings.Cut(s, "=")
	name = strings.ToLower(strings.TrimSpace(name))
	if !ok || u == "" {
		return fmt.Errorf("--mirror takes NAME=URL, e.g. kev=https://mirror.example/kev")
	}
	if _, err := fetch.ParseFeeds(name); err != nil {
		return err
	}
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return fmt.Errorf("--mirror %s: %q is not an http(s) URL", name, u)
	}
	m[name] = u
	return nil
}

// fetchCmd collects the month's feeds into the snapshot's feeds/ folder.
func fetchCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("fetch", stderr)
	data := fs.String("data", "data", "snapshot folder whose feeds/ is updated")
	feeds := fs.String("feeds", "all", "feeds to fetch: all, or a list of "+strings.Join(fetch.AllFeeds, ","))
	since := fs.String("since", "", "first run only: fetch NVD and JVN changes since YYYY-MM-DD (default: the whole history)")
	dryRun := fs.Bool("dry-run", false, "show what would be fetched, send nothing")
	mirrors := mirrorFlags{}
	fs.Var(mirrors, "mirror", "NAME=URL: fetch feed NAME from an internal mirror (repeatable)")
	if err := parse(fs, args); err != nil {
		return err
	}
	list, err := fetch.ParseFeeds(*feeds)
	if err != nil {
		return app.UsageError{Err: fmt.Errorf("--feeds: %w", err)}
	}
	opt := fetch.Options{DataDir: *data, Feeds: list, Mirrors: mirrors, DryRun: *dryRun, Clock: realClock{},
		NVDAPIKey: os.Getenv("NVD_API_KEY"), ToolVersion: app.ToolVersion}
	if *since != "" {
		t, err := source.ParseDate(*since)
		if err != nil {
			return app.UsageError{Err: fmt.Errorf("--since: %w", err)}
		}
		opt.Since = t
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	term := isTerminal(stderr)
	opt.Progress = func(p fetch.Progress) {
		switch {
		case term && !p.Done:
			fmt.Fprintf(stderr, "\r\033[K%s", progressLine(p))
		case p.Done:
			if term {
				fmt.Fprint(stderr, "\r\033[K")
			}
			fmt.Fprintln(stderr, progressLine(p))
		}
	}
	res, err := fetch.Run(ctx, opt)
	if err != nil {
		return err
	}
	if *dryRun {
		for _, u := range res.Planned {
			fmt.Fprintln(stdout, u)
		}
		return nil
	}
	if failed := res.Failed(); len(failed) > 0 {
		return fmt.Errorf("fetch failed for %s: the previous copies are kept (see above)", strings.Join(failed, ", "))
	}
	return nil
}

// progressLine is one feed's progress or summary.
func progressLine(p fetch.Progress) string {
	s := fmt.Sprintf("%-9s %4d requests  %5d files  %7d records  %s", p.Feed, p.Requests, p.Files, p.Records, bytesText(p.Bytes))
	if p.Unchanged > 0 {
		s += fmt.Sprintf("  %d unchanged", p.Unchanged)
	}
	if p.Missing > 0 {
		s += fmt.Sprintf("  %d not published", p.Missing)
	}
	if p.Waited > 0 {
		s += fmt.Sprintf("  waited %s (rate limit)", p.Waited.Round(time.Second))
	}
	if p.Err != nil {
		s += "  FAILED: " + p.Err.Error()
	} else if p.Done {
		s += "  ok"
	}
	return s
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
