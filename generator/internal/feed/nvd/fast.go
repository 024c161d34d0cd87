package nvd

import (
	"bytes"
	"encoding/json"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// parseFast reads an NVD CVE API 2.0 response in one pass over its bytes,
// keeping only the fields the reader uses, without encoding/json's
// reflection and its second scan of every record. ok is false when the
// file holds anything it does not read exactly as encoding/json would
// (see scanner); Parse then reads the file the general way, so the
// advisories, diagnostics and errors never depend on which way was taken.
// The diagnostics go to diags only when ok.
func parseFast(name string, data []byte, diags *source.Diagnostics) (res feed.Result, ok bool) {
	res = feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	var local source.Diagnostics
	p := &parser{name: name, lines: feedutil.NewLines(name, data), diags: &local, res: &res}
	s := &scanner{data: data}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		s.i = 3
	}
	// Room for the advisories up front: growing a slice of 200,000
	// advisories copies them again and again. The estimate counts "cve"
	// keys, bounded by one record per KiB so that text full of them
	// cannot make it large.
	if n := min(bytes.Count(data, []byte(`"cve"`)), len(data)/1024); n > 16 {
		res.Advisories = make([]advisory.Advisory, 0, n)
	}
	// The records are converted on a goroutine of their own while the
	// scanner reads on: the diagnostics, positions and advisories stay in
	// the order of the file, as the converter alone makes them.
	batches := make(chan []record, 8)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range batches {
			for _, r := range b {
				p.res.Read++
				if r.c == nil {
					p.reject(p.lines.Pos(r.off), "", `element has no "cve" object`)
					continue
				}
				p.add(r.c, p.lines.Pos(r.off))
			}
		}
	}()
	batch := make([]record, 0, recordBatch)
	top := map[string]json.RawMessage{}
	found := false
	ok = s.object(func(key string) (uint32, bool) {
		if key == "vulnerabilities" && !found {
			found = true
			if s.peek() != '[' {
				return 0, s.fail()
			}
			return 0, s.array(func() bool {
				off := s.i
				c := new(apiCVE)
				var has bool
				if !s.object(func(key string) (uint32, bool) {
					if key == "cve" {
						if !s.null() {
							has = true
							return 1, s.cve(c)
						}
						return 1, true
					}
					return s.other(key, "cve")
				}) {
					return false
				}
				if !has {
					c = nil
				}
				batch = append(batch, record{off, c})
				if len(batch) == recordBatch {
					batches <- batch
					batch = make([]record, 0, recordBatch)
				}
				return true
			})
		}
		start := s.i
		if !s.skip(0) {
			return 0, false
		}
		top[key] = json.RawMessage(data[start:s.i])
		return 0, true
	})
	batches <- batch
	close(batches)
	<-done
	if s.ws(); !ok || s.failed || s.i != len(data) || !found {
		return res, false
	}
	if len(res.Advisories) == 0 {
		res.Advisories = nil // as encoding/json's reader leaves it
	}
	res.Info.Version = stringMember(top, "version")
	res.Info.Date = feedutil.DateString(stringMember(top, "timestamp"))
	res.Info.Records = res.Read
	diags.Add(local.Since(0)...)
	return res, true
}

// record is one element of the vulnerabilities array as scanned: its
// offset and its "cve" object (nil when it has none).
type record struct {
	off int
	c   *apiCVE
}

// recordBatch is how many records go to the converter at once.
const recordBatch = 256

// cve reads the "cve" object of one record.
func (s *scanner) cve(c *apiCVE) bool {
	return s.object(func(key string) (uint32, bool) {
		switch key {
		case "id":
			return 1 << 0, s.stringField(&c.ID)
		case "published":
			return 1 << 1, s.stringField(&c.Published)
		case "lastModified":
			return 1 << 2, s.stringField(&c.LastModified)
		case "vulnStatus":
			return 1 << 3, s.istringField(&c.VulnStatus)
		case "descriptions":
			haveEN := false
			return 1 << 4, s.array(func() bool { return s.description(c, &haveEN) })
		case "metrics":
			return 1 << 5, s.metrics(&c.Metrics)
		case "weaknesses":
			return 1 << 6, s.array(func() bool {
				var w weakness
				ok := s.object(func(key string) (uint32, bool) {
					if key == "description" {
						return 1, s.array(func() bool {
							var lv langValue
							ok := s.langValue(&lv)
							w.Description = append(w.Description, lv)
							return ok
						})
					}
					return s.other(key, "description")
				})
				c.Weaknesses = append(c.Weaknesses, w)
				return ok
			})
		case "configurations":
			return 1 << 7, s.array(func() bool {
				var cfg config
				ok := s.config(&cfg)
				c.Configurations = append(c.Configurations, cfg)
				return ok
			})
		case "references":
			return 1 << 8, s.array(func() bool {
				var r reference
				ok := s.object(func(key string) (uint32, bool) {
					if key == "url" {
						return 1, s.stringField(&r.URL)
					}
					return s.other(key, "url")
				})
				c.References = append(c.References, r)
				return ok
			})
		case "cisaExploitAdd":
			return 1 << 9, s.stringField(&c.CisaExploitAdd)
		case "cisaActionDue":
			return 1 << 10, s.stringField(&c.CisaActionDue)
		case "cisaRequiredAction":
			return 1 << 11, s.stringField(&c.CisaRequiredAction)
		}
		return s.other(key, "id", "published", "lastModified", "vulnStatus", "descriptions", "metrics", "weaknesses",
			"configurations", "references", "cisaExploitAdd", "cisaActionDue", "cisaRequiredAction")
	})
}

// langValue reads a language and a value that records repeat (the
// weaknesses' CWE ids).
func (s *scanner) langValue(lv *langValue) bool {
	return s.object(func(key string) (uint32, bool) {
		switch key {
		case "lang":
			return 1, s.istringField(&lv.Lang)
		case "value":
			return 2, s.istringField(&lv.Value)
		}
		return s.other(key, "lang", "value")
	})
}

// description reads one element of a cve's descriptions. Its value is
// made a string only when convert uses it — the first description and
// the first English one — as they are long and most records have several.
// A value that is not plain text is still unquoted, to fail where
// encoding/json would.
func (s *scanner) description(c *apiCVE, haveEN *bool) bool {
	var lv langValue
	vstart := -1
	var vend int
	ok := s.object(func(key string) (uint32, bool) {
		switch key {
		case "lang":
			return 1, s.istringField(&lv.Lang)
		case "value":
			if s.null() {
				return 2, true
			}
			start, plain, ok := s.rawStr()
			if !ok {
				return 2, false
			}
			if !plain {
				lv.Value, ok = s.unquote(start)
				return 2, ok
			}
			vstart, vend = start+1, s.i-1
			return 2, true
		}
		return s.other(key, "lang", "value")
	})
	en := strings.HasPrefix(strings.ToLower(lv.Lang), "en")
	if vstart >= 0 && (len(c.Descriptions) == 0 || en && !*haveEN) {
		lv.Value = string(s.data[vstart:vend])
	}
	*haveEN = *haveEN || en
	c.Descriptions = append(c.Descriptions, lv)
	return ok
}

// metrics reads the metrics object: CVSS metric lists by name.
func (s *scanner) metrics(dst *map[string][]metric) bool {
	if s.null() {
		return true
	}
	m := map[string][]metric{}
	*dst = m
	return s.object(func(key string) (uint32, bool) {
		if _, dup := m[key]; dup {
			return 0, s.fail()
		}
		var list []metric
		ok := s.array(func() bool {
			var x metric
			ok := s.object(func(key string) (uint32, bool) {
				switch key {
				case "type":
					return 1, s.istringField(&x.Type)
				case "cvssData":
					return 2, s.object(func(key string) (uint32, bool) {
						switch key {
						case "version":
							return 1, s.istringField(&x.CvssData.Version)
						case "vectorString":
							return 2, s.istringField(&x.CvssData.VectorString)
						case "baseScore":
							return 4, s.floatField(&x.CvssData.BaseScore)
						}
						return s.other(key, "version", "vectorString", "baseScore")
					})
				}
				return s.other(key, "type", "cvssData")
			})
			list = append(list, x)
			return ok
		})
		m[key] = list
		return 0, ok
	})
}

func (s *scanner) config(cfg *config) bool {
	return s.object(func(key string) (uint32, bool) {
		switch key {
		case "operator":
			return 1, s.istringField(&cfg.Operator)
		case "negate":
			return 2, s.boolField(&cfg.Negate)
		case "nodes":
			return 4, s.array(func() bool {
				var n node
				ok := s.node(&n, 0)
				cfg.Nodes = append(cfg.Nodes, n)
				return ok
			})
		}
		return s.other(key, "operator", "negate", "nodes")
	})
}

func (s *scanner) node(n *node, depth int) bool {
	if depth > maxDepth {
		return s.fail()
	}
	return s.object(func(key string) (uint32, bool) {
		switch key {
		case "operator":
			return 1, s.istringField(&n.Operator)
		case "negate":
			return 2, s.boolField(&n.Negate)
		case "cpeMatch":
			return 4, s.array(func() bool {
				var m cpeMatch
				ok := s.cpeMatch(&m)
				n.CpeMatch = append(n.CpeMatch, m)
				return ok
			})
		case "children":
			return 8, s.array(func() bool {
				var ch node
				ok := s.node(&ch, depth+1)
				n.Children = append(n.Children, ch)
				return ok
			})
		}
		return s.other(key, "operator", "negate", "cpeMatch", "children")
	})
}

func (s *scanner) cpeMatch(m *cpeMatch) bool {
	return s.object(func(key string) (uint32, bool) {
		switch key {
		case "vulnerable":
			return 1, s.boolField(&m.Vulnerable)
		case "criteria":
			return 2, s.istringField(&m.Criteria)
		case "versionStartIncluding":
			return 4, s.istringField(&m.StartIncluding)
		case "versionStartExcluding":
			return 8, s.istringField(&m.StartExcluding)
		case "versionEndIncluding":
			return 16, s.istringField(&m.EndIncluding)
		case "versionEndExcluding":
			return 32, s.istringField(&m.EndExcluding)
		}
		return s.other(key, "vulnerable", "criteria", "versionStartIncluding", "versionStartExcluding", "versionEndIncluding", "versionEndExcluding")
	})
}
