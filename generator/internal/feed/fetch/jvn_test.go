package fetch

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJVNPagingAndDetails: MyJVN's real overview answer (totalRes 6, two
// items a page) is paged by firstRes until every item is listed, each
// entry's details are fetched and stored as served, one file an entry,
// and the CVE ids they name are kept for CVE 5. Only the products the
// inventory runs are queried.
func TestJVNPagingAndDetails(t *testing.T) {
	overview := real(t, "jvn-myjvn/examples/hnd/getVulnOverviewList_hnd.xml")
	detail := real(t, "jvn-myjvn/examples/hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml")
	m := newMirror(t)
	var cpes []string
	m.on("/jvn", answer{handler: func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch q.Get("method") {
		case "getVulnOverviewList":
			if q.Get("startItem") == "1" {
				cpes = append(cpes, q.Get("cpeName"))
			}
			// the real answer, moved to the page asked for
			page := bytes.Replace(overview, []byte(`firstRes="1"`), []byte(`firstRes="`+q.Get("startItem")+`"`), 1)
			w.Write(page)
		case "getVulnDetailInfo":
			w.Write(detail)
		default:
			t.Errorf("method %q", q.Get("method"))
		}
	}})
	dir := snapshotDir(t, "web,apache:struts,2.5.30\nweb,pkg:npm/lodash,4.17.20\n")
	clock := newClock()
	res := runFetch(t, dir, m, clock, FeedJVN)
	if len(res.Failed()) != 0 {
		t.Fatalf("%+v", res.Feeds)
	}
	if strings.Join(cpes, " ") != "cpe:/a:apache:struts" {
		t.Errorf("queried %v, want the inventory's CPE product only", cpes)
	}
	// 3 overview pages (items 1, 3, 5 of 6) for the one product
	pages := 0
	for _, r := range m.requests {
		if r.URL.Query().Get("method") == "getVulnOverviewList" {
			pages++
		}
	}
	if pages != 3 {
		t.Errorf("overview pages %d, want 3", pages)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "feeds/jvn/getVulnDetailInfo_hnd_JVNDB-*.xml"))
	if len(files) != 2 {
		t.Fatalf("detail files %v, want one per listed entry (2)", files)
	}
	for _, f := range files {
		if b, _ := os.ReadFile(f); !bytes.Equal(b, detail) {
			t.Errorf("%s not stored as served", f)
		}
	}
	if res.Feeds[0].Waited == 0 {
		t.Error("MyJVN requests were not spaced")
	}
	st := readState(t, dir)
	if !st.Feeds[FeedJVN].UpTo.Equal(clock.Now().Truncate(0)) && st.Feeds[FeedJVN].UpTo.IsZero() {
		t.Error("no JVN position recorded")
	}
	// the next run asks only for entries updated since
	m.requests = nil
	runFetch(t, dir, m, clock, FeedJVN)
	if q := m.requests[0].URL.Query(); q.Get("datePublishedStartY") == "" {
		t.Errorf("incremental query without a start date: %v", q)
	}
}

// TestJVNError: a MyJVN error answer fails the feed.
func TestJVNError(t *testing.T) {
	m := newMirror(t)
	m.on("/jvn", answer{body: []byte(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:status="http://jvndb.jvn.jp/myjvn/Status"><status:Status retCd="1" errCd="1002" errMsg="invalid parameter"/></rdf:RDF>`)})
	res := runFetch(t, snapshotDir(t, "web,apache:struts,2.5.30\n"), m, newClock(), FeedJVN)
	if len(res.Failed()) != 1 || !strings.Contains(res.Feeds[0].Err.Error(), "invalid parameter") {
		t.Errorf("%+v", res.Feeds)
	}
}
