package fetch

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MyJVN answers at most 50 overview items a request. Details are asked
// one entry a request (MyJVN allows ten), so that each entry is one file
// that a later update replaces, as getVulnDetailInfo_hnd_<id>.xml.
const jvnOverviewMax = 50

// jvnStatus is MyJVN's status:Status element.
type jvnStatus struct {
	RetCd       string `xml:"retCd,attr"`
	ErrCd       string `xml:"errCd,attr"`
	ErrMsg      string `xml:"errMsg,attr"`
	TotalRes    int    `xml:"totalRes,attr"`
	TotalResRet int    `xml:"totalResRet,attr"`
	FirstRes    int    `xml:"firstRes,attr"`
}

// jvnAnswer reads the status and the JVNDB ids of a MyJVN XML answer.
func jvnAnswer(body []byte) (jvnStatus, []string, error) {
	var st jvnStatus
	found := false
	var ids []string
	dec := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return st, nil, fmt.Errorf("not MyJVN XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "Status":
			if err := dec.DecodeElement(&st, &se); err != nil {
				return st, nil, err
			}
			found = true
		case "identifier", "VulinfoID":
			var s string
			if err := dec.DecodeElement(&s, &se); err == nil && strings.HasPrefix(strings.TrimSpace(s), "JVNDB-") {
				ids = append(ids, strings.TrimSpace(s))
			}
		}
	}
	if !found {
		return st, nil, errors.New("not a MyJVN answer: no status element")
	}
	if st.RetCd != "0" {
		return st, nil, fmt.Errorf("MyJVN error %s: %s", st.ErrCd, st.ErrMsg)
	}
	return st, ids, nil
}

// jvnOverviewURL is a getVulnOverviewList query for one product, all
// dates, or entries updated since the last run.
func (f *feedRun) jvnOverviewURL(vendorProduct string, start int) string {
	q := url.Values{}
	q.Set("method", "getVulnOverviewList")
	q.Set("feed", "hnd")
	q.Set("lang", "ja")
	q.Set("cpeName", "cpe:/a:"+vendorProduct)
	q.Set("startItem", strconv.Itoa(start))
	q.Set("maxCountItem", strconv.Itoa(jvnOverviewMax))
	q.Set("rangeDatePublic", "n")
	q.Set("rangeDatePublished", "n")
	q.Set("rangeDateFirstPublished", "n")
	if since := f.jvnSince(); !since.IsZero() {
		q.Set("datePublishedStartY", strconv.Itoa(since.Year()))
		q.Set("datePublishedStartM", strconv.Itoa(int(since.Month())))
		q.Set("datePublishedStartD", strconv.Itoa(since.Day()))
	}
	return f.base + "?" + q.Encode()
}

// jvnSince is the update date this run asks from: the day of the last
// complete run, else --since; zero means every entry.
func (f *feedRun) jvnSince() time.Time {
	if st, ok := f.state.Feeds[FeedJVN]; ok && !st.UpTo.IsZero() {
		return st.UpTo.AddDate(0, 0, -1) // a day's overlap for time zones (JST)
	}
	return f.opt.Since
}

// jvn collects, as MyJVN's collector does, the JVN iPedia entries of the
// products the organisation runs: an overview list per product (paged),
// then the entries' VULDEF details, ten a request. The detail answers are
// stored as served; the overview lists are only an index and are not kept.
func (f *feedRun) jvn(ctx context.Context) error {
	seen := map[string]bool{}
	var ids []string
	for _, vp := range f.inv.CPEs {
		for start := 1; ; {
			u := f.jvnOverviewURL(vp, start)
			resp, err := f.client.get(ctx, request{url: u, maxBytes: 64 << 20})
			if err != nil {
				return err
			}
			st, got, err := jvnAnswer(resp.body)
			if err != nil {
				return fmt.Errorf("%s: %w", u, err)
			}
			for _, id := range got {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
			if st.FirstRes != start {
				return fmt.Errorf("%s: MyJVN answered from item %d for startItem %d", u, st.FirstRes, start)
			}
			if st.TotalResRet <= 0 || st.FirstRes+st.TotalResRet > st.TotalRes {
				break
			}
			start = st.FirstRes + st.TotalResRet
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		q := url.Values{}
		q.Set("method", "getVulnDetailInfo")
		q.Set("feed", "hnd")
		q.Set("lang", "ja")
		q.Set("vulnId", id)
		u := f.base + "?" + q.Encode()
		resp, err := f.client.get(ctx, request{url: u, maxBytes: 64 << 20})
		if err != nil {
			return err
		}
		if _, _, err := jvnAnswer(resp.body); err != nil {
			return fmt.Errorf("%s: %w", u, err)
		}
		rel, err := feedPath(FeedJVN, "getVulnDetailInfo_hnd_"+id+".xml")
		if err != nil {
			return err
		}
		if err := f.store(rel, resp); err != nil {
			return err
		}
		f.noteCVEs(resp.body)
	}
	st := f.state.Feeds[FeedJVN]
	st.UpTo = f.now
	f.state.Feeds[FeedJVN] = st
	return nil
}

// noteCVEs records the CVE ids a JVN answer names, for CVE 5.
func (f *feedRun) noteCVEs(body []byte) {
	for _, m := range cveRe.FindAll(body, -1) {
		f.cves[strings.ToUpper(string(m))] = true
	}
}
