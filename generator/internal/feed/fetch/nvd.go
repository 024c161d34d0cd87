package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// NVD's API limits a lastMod window to 120 days and a page to 2,000 CVEs.
const (
	nvdMaxWindow = 120 * 24 * time.Hour
	nvdPageSize  = 2000
)

// nvdStart is where this run's NVD windows start: the end of the last
// window fetched, else --since, else the whole history.
func (f *feedRun) nvdStart() time.Time {
	if st, ok := f.state.Feeds[FeedNVD]; ok && !st.UpTo.IsZero() {
		return st.UpTo
	}
	if !f.opt.Since.IsZero() {
		return f.opt.Since
	}
	return DefaultSince
}

// nvdWindow returns the window that starts at start: at most 120 days,
// ending no later than now.
func (f *feedRun) nvdWindow(start time.Time) (time.Time, time.Time) {
	end := start.Add(nvdMaxWindow)
	if end.After(f.now) {
		end = f.now
	}
	return start, end
}

const nvdTime = "2006-01-02T15:04:05.000Z07:00"

func (f *feedRun) nvdURL(start, end time.Time, index int) string {
	q := url.Values{}
	q.Set("lastModStartDate", start.UTC().Format(nvdTime))
	q.Set("lastModEndDate", end.UTC().Format(nvdTime))
	q.Set("resultsPerPage", strconv.Itoa(nvdPageSize))
	q.Set("startIndex", strconv.Itoa(index))
	return f.base + "?" + q.Encode()
}

// nvd fetches the CVEs modified since the last run, window by window and
// page by page, keeping each page as the file NVD served. The position in
// FETCH.json advances after each complete window, so a failed run resumes
// at the window it did not finish.
func (f *feedRun) nvd(ctx context.Context) error {
	headers := map[string]string{}
	if f.opt.NVDAPIKey != "" {
		headers["apiKey"] = f.opt.NVDAPIKey
	}
	for from := f.nvdStart(); from.Before(f.now); {
		start, end := f.nvdWindow(from)
		for index := 0; ; {
			u := f.nvdURL(start, end, index)
			resp, err := f.client.get(ctx, request{url: u, headers: headers, maxBytes: 512 << 20})
			if err != nil {
				return err
			}
			var page struct {
				ResultsPerPage int    `json:"resultsPerPage"`
				StartIndex     int    `json:"startIndex"`
				TotalResults   int    `json:"totalResults"`
				Format         string `json:"format"`
			}
			if err := json.Unmarshal(resp.body, &page); err != nil || page.Format != "NVD_CVE" {
				return fmt.Errorf("%s: not an NVD CVE API 2.0 answer: %v", u, err)
			}
			if page.StartIndex != index {
				return fmt.Errorf("%s: NVD answered startIndex %d for %d", u, page.StartIndex, index)
			}
			name := fmt.Sprintf("nvd-%s-%s-%06d.json", start.UTC().Format("20060102T150405"), end.UTC().Format("20060102T150405"), index)
			rel, err := feedPath(FeedNVD, name)
			if err != nil {
				return err
			}
			// a quiet window's empty page is not kept
			if page.TotalResults > 0 {
				if err := f.store(rel, resp); err != nil {
					return err
				}
			}
			index += page.ResultsPerPage
			if page.ResultsPerPage <= 0 || index >= page.TotalResults {
				break
			}
		}
		st := f.state.Feeds[FeedNVD]
		st.UpTo = end
		f.state.Feeds[FeedNVD] = st
		if err := f.saveState(); err != nil {
			return err
		}
		from = end
	}
	return nil
}
