package advisory

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"vulnreport/generator/internal/cvss"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
)

// Aliases maps Japanese and alternative headers of advisory CSV files to fields.
var Aliases = map[string]string{
	"脆弱性id": "id", "id": "id", "別名": "aliases", "cve": "aliases", "タイトル": "title", "タイトル.ja": "title.ja",
	"タイトル.en": "title.en", "概要": "summary", "出典": "source", "公表日": "published", "更新日": "updated",
	"cvssバージョン": "cvss.version", "cvssベクター": "cvss.vector", "cvssスコア": "cvss.score",
	"影響製品": "affected.product", "影響バージョン": "affected.versions", "対策": "fixed", "修正版": "fixed",
	"回避策": "workaround", "悪用": "exploited", "参考": "references", "参考情報": "references",
}

// Sources lists the usual values of an advisory's source.
var Sources = []string{"jvn", "nvd", "vendor", "internal", "kev", "cve", "other"}

var cvssVersions = []string{"2.0", "3.0", "3.1", "4.0"}

var cvssVersionAliases = map[string]string{"3": "3.1", "2": "2.0", "4": "4.0", "v3.1": "3.1", "v3.0": "3.0", "v2": "2.0", "v4.0": "4.0"}

// Decode decodes one advisory record; its affected products come from the
// "affected" group (YAML) or the affected.product/affected.versions fields
// of a merged CSV record.
func Decode(rec source.Record, diags *source.Diagnostics) (Advisory, *source.Decoder) {
	return DecodeWith(rec, diags, nil)
}

// Cache keeps what decoding the advisories of one file parses again and
// again: version ranges and CVSS vectors. An advisory's affected products
// then share the expression's text and parsed range (ranges are never
// modified); of an expression parsed only to be checked (DecodeChecked)
// it keeps the verdict, not the range. Decoders on several goroutines
// may share one cache.
type Cache struct {
	mu sync.Mutex
	m  map[string]parsedRange
	// v3 maps a CVSS v3 vector to its base score or its error, for at
	// most maxVectors vectors (a feed uses a few thousand).
	v3 map[string]v3Score
}

type parsedRange struct {
	expr string
	r    version.Range
	err  error
	// kept is set when r holds the range, not only the verdict.
	kept bool
}

type v3Score struct {
	score float64
	err   error
}

// maxVectors bounds the vectors a Cache keeps.
const maxVectors = 1 << 16

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[string]parsedRange{}, v3: map[string]v3Score{}} }

// v3Score returns the base score of CVSS v3 vector, through the cache
// when there is one.
func (c *Cache) v3Score(vector string) (float64, error) {
	if c == nil {
		return parseV3(vector)
	}
	c.mu.Lock()
	p, ok := c.v3[vector]
	c.mu.Unlock()
	if ok {
		return p.score, p.err
	}
	p.score, p.err = parseV3(vector)
	c.mu.Lock()
	if len(c.v3) < maxVectors {
		c.v3[strings.Clone(vector)] = p
	}
	c.mu.Unlock()
	return p.score, p.err
}

func parseV3(vector string) (float64, error) {
	v, err := cvss.ParseV3(vector)
	if err != nil {
		return 0, err
	}
	return v.BaseScore(), nil
}

// parse parses expr, through the cache when there is one; with keep
// unset only the verdict is wanted and the range returned is empty.
// Parsing is outside the lock: two goroutines may parse the same text,
// and the first range stored is kept; both are the same.
func (c *Cache) parse(expr string, keep bool) (string, version.Range, error) {
	if c == nil {
		r, err := version.ParseRange(expr)
		if !keep {
			r = version.Range{}
		}
		return expr, r, err
	}
	c.mu.Lock()
	p, ok := c.m[expr]
	c.mu.Unlock()
	if ok && (p.kept || !keep) {
		return p.expr, p.r, p.err
	}
	r, err := version.ParseRange(expr)
	if !keep {
		r = version.Range{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	q, ok := c.m[expr]
	if ok && (q.kept || !keep) {
		return q.expr, q.r, q.err
	}
	text := q.expr
	if !ok {
		text = strings.Clone(expr)
	}
	c.m[text] = parsedRange{text, r, err, keep}
	return text, r, err
}

// DecodeWith decodes like Decode, parsing version ranges through cache
// (nil parses each).
func DecodeWith(rec source.Record, diags *source.Diagnostics, cache *Cache) (Advisory, *source.Decoder) {
	return decode(rec, diags, cache, true)
}

// DecodeChecked decodes like DecodeWith for a caller that keeps of the
// advisory, when it is accepted, only what a Stub keeps: every field is
// checked as DecodeWith checks it, with the same diagnostics and the same
// verdict, but the version ranges are parsed only to be checked — each
// Affected.Range is empty — and cache keeps no range parsed for it.
func DecodeChecked(rec source.Record, diags *source.Diagnostics, cache *Cache) (Advisory, *source.Decoder) {
	return decode(rec, diags, cache, false)
}

// AffectedProducts returns the products of rec's affected entries as
// written, in order: those of the Affected entries of the advisory
// decoded from rec when it is accepted. A caller decides with them,
// before decoding, whether to keep the advisory in full.
func AffectedProducts(rec source.Record) []string {
	groups := rec.Group("affected")
	out := make([]string, 0, len(groups))
	for _, g := range groups {
		v, _ := g.Get("product")
		if v.IsList && len(v.List) == 1 {
			out = append(out, v.List[0])
		} else {
			out = append(out, v.Text)
		}
	}
	return out
}

func decode(rec source.Record, diags *source.Diagnostics, cache *Cache, ranges bool) (Advisory, *source.Decoder) {
	d := source.NewDecoder("advisories", rec, diags)
	a := Advisory{Pos: rec.Pos, Origin: rec.Pos.File}
	a.ID = d.ID("id", true)
	a.Aliases = ids(d, "aliases")
	a.Title = d.Text("title", true)
	a.Summary = d.Text("summary", false)
	a.Source = strings.ToLower(d.String("source", false))
	a.Published = d.OptionalDate("published")
	a.Updated = d.OptionalDate("updated")
	a.CVSS = decodeCVSS(d, a.ID, cache)
	for _, g := range d.Group("affected") {
		if af, ok := decodeAffected(g, diags, d, cache, ranges); ok {
			a.Affected = append(a.Affected, af)
		}
	}
	a.Fixed = d.String("fixed", false)
	if d.Has("fixed") {
		if v, _ := d.Record().Get("fixed"); v.IsList {
			a.Fixed = strings.Join(v.List, "; ")
		}
	}
	a.Workaround = d.Text("workaround", false)
	a.Exploit = decodeExploit(d)
	score, hasScore := d.Float("epss.score", 0, 1)
	pct, hasPct := d.Float("epss.percentile", 0, 1)
	switch {
	case hasScore:
		a.EPSS = &EPSS{Score: score, Percentile: pct}
	case hasPct:
		d.Warnf("epss.percentile", "an EPSS percentile without a score is not used")
	}
	for _, r := range d.List("references") {
		if err := CheckReference(r); err != nil {
			d.Warnf("references", "%v: left out", err)
			continue
		}
		a.References = append(a.References, r)
	}
	a.CWE = d.List("cwe")
	if len(a.Affected) == 0 && !d.Failed() {
		d.Warnf("affected", "advisory %s names no affected product: it can match nothing", a.ID)
	}
	return a, d
}

func ids(d *source.Decoder, key string) []string {
	var out []string
	for _, s := range d.List(key) {
		if err := source.CheckID(s); err != nil {
			d.Errorf(key, "alias %v", err)
			continue
		}
		out = append(out, s)
	}
	return out
}

// CheckReference accepts only absolute http and https URLs.
func CheckReference(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("reference %q is not an http(s) URL", s)
	}
	return nil
}

func decodeCVSS(d *source.Decoder, id string, cache *Cache) *CVSS {
	ver := d.Enum("cvss.version", false, cvssVersions, cvssVersionAliases)
	vector := d.String("cvss.vector", false)
	given, hasScore := d.Float("cvss.score", 0, 10)
	if ver == "" && vector == "" && !hasScore {
		return nil
	}
	if ver == "" && strings.HasPrefix(vector, "CVSS:") {
		ver = strings.TrimPrefix(strings.SplitN(vector, "/", 2)[0], "CVSS:")
	}
	if ver == "" {
		if vector == "" {
			ver = "3.1"
		} else {
			ver = "2.0"
		}
	}
	c := &CVSS{Version: ver, Vector: vector, Score: given}
	if hasScore {
		c.Given = given
	}
	switch ver {
	case "3.0", "3.1":
		if vector == "" {
			break
		}
		score, err := cache.v3Score(vector)
		if err != nil {
			d.Errorf("cvss.vector", "%v", err)
			return nil
		}
		c.Score = score
		if hasScore && !sameTenth(given, c.Score) {
			d.Warnf("cvss.score", "advisory %s: the given score %.1f disagrees with %.1f computed from the vector; the computed score is used", id, given, c.Score)
		}
	case "2.0":
		if vector != "" {
			if err := cvss.ValidateV2(vector); err != nil {
				d.Errorf("cvss.vector", "%v", err)
				return nil
			}
		}
	case "4.0":
		if vector != "" {
			if err := cvss.ValidateV4(vector); err != nil {
				d.Errorf("cvss.vector", "%v", err)
				return nil
			}
		}
	}
	if !hasScore && (ver == "2.0" || ver == "4.0") {
		if ver == "2.0" && vector != "" {
			if s, err := cvss.V2BaseScore(vector); err == nil {
				c.Score = s
				return c
			}
		}
		d.Errorf("cvss.score", "a CVSS %s score is required (it is not computed from the vector)", ver)
		return nil
	}
	if !hasScore && vector == "" {
		return nil
	}
	return c
}

// sameTenth reports whether a and b print the same with one decimal.
func sameTenth(a, b float64) bool {
	var x, y [24]byte
	return string(strconv.AppendFloat(x[:0], a, 'f', 1, 64)) == string(strconv.AppendFloat(y[:0], b, 'f', 1, 64))
}

func decodeExploit(d *source.Decoder) Exploitation {
	var e Exploitation
	if b, ok := d.Bool("exploited"); ok {
		e.Exploited = b
	}
	if b, ok := d.Bool("exploited.kev"); ok && b {
		e.Exploited, e.KEV = true, true
	}
	if b, ok := d.Bool("exploited.exploited"); ok {
		e.Exploited = e.Exploited || b
	}
	e.DateAdded = d.OptionalDate("exploited.date_added")
	e.DueDate = d.OptionalDate("exploited.due_date")
	if b, ok := d.Bool("exploited.ransomware"); ok {
		e.Ransomware = b
	}
	e.RequiredAction = d.String("exploited.required_action", false)
	if !e.DateAdded.IsZero() {
		e.Exploited = true
	}
	return e
}

func decodeAffected(rec source.Record, diags *source.Diagnostics, parent *source.Decoder, cache *Cache, keep bool) (Affected, bool) {
	d := source.NewDecoder("advisories.affected", rec, diags)
	defer d.Release()
	af := Affected{Pos: rec.Pos}
	af.Product = d.String("product", true)
	af.Versions = d.String("versions", false)
	if af.Versions == "" {
		af.Versions = "*"
		d.Warnf("versions", "no versions given for %s: every version is taken as affected", af.Product)
	}
	expr, r, err := cache.parse(af.Versions, keep)
	af.Versions = expr
	if err != nil {
		d.Errorf("versions", "%v", err)
	}
	af.Range = r
	ok := d.Finish()
	if !ok {
		for _, reason := range d.Reasons() {
			parent.Reject(reason)
		}
	}
	return af, ok
}
