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
func parseFast(name string, data []byte, diags *source.Diagnostics, reduce func(*advisory.Advisory)) (res feed.Result, ok bool) {
	res = feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	var local source.Diagnostics
	p := &parser{name: name, lines: feedutil.NewLines(name, data), diags: &local, res: &res, reduce: reduce}
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
	// Converted batches come back to the scanner, which reads the next
	// records into their storage (convert keeps none of it).
	batches := make(chan []record, 8)
	free := make(chan []record, 10)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range batches {
			for _, r := range b {
				p.res.Read++
				if !r.has {
					p.reject(p.lines.Pos(r.off), "", `element has no "cve" object`)
					continue
				}
				p.add(r.c, p.lines.Pos(r.off))
			}
			select {
			case free <- b:
			default:
			}
		}
	}()
	newBatch := func() []record {
		select {
		case b := <-free:
			return b[:0]
		default:
			return make([]record, 0, recordBatch)
		}
	}
	batch := newBatch()
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
				var c *apiCVE
				if len(batch) < cap(batch) && batch[:len(batch)+1][len(batch)].c != nil {
					c = batch[:len(batch)+1][len(batch)].c
					c.reset()
				} else {
					c = new(apiCVE)
				}
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
				batch = append(batch, record{off, c, has})
				if len(batch) == recordBatch {
					batches <- batch
					batch = newBatch()
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
// offset and its "cve" object (has is false when it has none).
type record struct {
	off int
	c   *apiCVE
	has bool
}

// reset empties c for the next record, keeping the storage of its lists.
func (c *apiCVE) reset() {
	m := c.Metrics
	clear(m)
	*c = apiCVE{Descriptions: c.Descriptions[:0], Metrics: m, Weaknesses: c.Weaknesses[:0],
		Configurations: c.Configurations[:0], References: c.References[:0]}
}

// next extends *list by one element and returns it: the element the list
// held there before, emptied by reset, when there was one.
func next[T any](list *[]T, reset func(*T)) *T {
	l := *list
	if len(l) < cap(l) {
		l = l[:len(l)+1]
		reset(&l[len(l)-1])
	} else {
		var zero T
		l = append(l, zero)
	}
	*list = l
	return &l[len(l)-1]
}

func resetWeakness(w *weakness)   { *w = weakness{Description: w.Description[:0]} }
func resetConfig(c *config)       { *c = config{Nodes: c.Nodes[:0]} }
func resetNode(n *node)           { *n = node{CpeMatch: n.CpeMatch[:0], Children: n.Children[:0]} }
func resetLangValue(v *langValue) { *v = langValue{} }
func resetReference(r *reference) { *r = reference{} }
func resetCPEMatch(m *cpeMatch)   { *m = cpeMatch{} }

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
				w := next(&c.Weaknesses, resetWeakness)
				return s.object(func(key string) (uint32, bool) {
					if key == "description" {
						return 1, s.array(func() bool {
							return s.langValue(next(&w.Description, resetLangValue))
						})
					}
					return s.other(key, "description")
				})
			})
		case "configurations":
			return 1 << 7, s.array(func() bool {
				return s.config(next(&c.Configurations, resetConfig))
			})
		case "references":
			return 1 << 8, s.array(func() bool {
				r := next(&c.References, resetReference)
				return s.object(func(key string) (uint32, bool) {
					if key == "url" {
						return 1, s.stringField(&r.URL)
					}
					return s.other(key, "url")
				})
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
	m := *dst // a reused record's map, emptied
	if m == nil {
		m = map[string][]metric{}
		*dst = m
	}
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
				return s.node(next(&cfg.Nodes, resetNode), 0)
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
				return s.cpeMatch(next(&n.CpeMatch, resetCPEMatch))
			})
		case "children":
			return 8, s.array(func() bool {
				return s.node(next(&n.Children, resetNode), depth+1)
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
