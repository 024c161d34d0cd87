package jvn

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// okaCVSS is a score in MyJVN API 4.0 JSON.
type okaCVSS struct {
	Version      string   `json:"version"`
	VectorString string   `json:"vectorString"`
	BaseScore    *float64 `json:"baseScore"`
}

type okaMetric struct {
	Content struct {
		V3 *okaCVSS `json:"cvss_v3"`
		V4 *okaCVSS `json:"cvss_v4"`
		V2 *okaCVSS `json:"cvss_v2"`
	} `json:"content"`
}

// okaEntry is one entry of the MyJVN API 4.0 feed form.
type okaEntry struct {
	Title      string `json:"title"`
	ID         string `json:"id"`
	Summary    string `json:"summary"`
	Link       string `json:"link"`
	Modified   string `json:"modified"`
	Created    string `json:"created"`
	References []struct {
		Summary string `json:"summary"`
		URL     string `json:"url"`
	} `json:"references"`
	Products []struct {
		Vname      string `json:"vname"`
		Pname      string `json:"pname"`
		Version    string `json:"version"`
		ProductIDs struct {
			CPE string `json:"cpe"`
		} `json:"product_ids"`
	} `json:"products"`
	Metrics []okaMetric `json:"metrics"`
	Cwes    []struct {
		ID string `json:"id"`
	} `json:"cwes"`
	Items    json.RawMessage `json:"items"`
	SecItems json.RawMessage `json:"sec:items"`
}

// probe tells the JSON forms apart.
type probe struct {
	Feed            json.RawMessage `json:"feed"`
	Document        json.RawMessage `json:"document"`
	Vulnerabilities json.RawMessage `json:"vulnerabilities"`
	Type            string          `json:"type"`
	Objects         json.RawMessage `json:"objects"`
}

// jsonDoc reads a MyJVN API 4.0 JSON document.
func (p *parser) jsonDoc(data []byte) error {
	var pr probe
	if err := json.Unmarshal(data, &pr); err != nil {
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &te):
		case errors.As(err, &se) && strings.Contains(string(data), `"objects"`):
			// MyJVN has published files whose status block after the
			// advisories is broken: read the advisories, then report it.
			return p.bundle(data)
		case errors.As(err, &se) && strings.Contains(string(data), `"entry"`):
			return p.feedForm(data)
		default:
			return feedutil.FileError(data, err, expected)
		}
	}
	switch {
	case pr.Feed != nil:
		return p.feedForm(data)
	case pr.Document != nil && pr.Vulnerabilities != nil:
		off := strings.IndexByte(string(data), '{')
		p.csafDoc(off, data)
		return nil
	case pr.Type == "bundle" && pr.Objects != nil:
		return p.bundle(data)
	}
	return fmt.Errorf("this MyJVN JSON document (vendor or product list, statistics?) holds no advisories; expected %s", expected)
}

// bundle reads a STIX 2.1 bundle whose objects embed CSAF-shaped documents.
func (p *parser) bundle(data []byte) error {
	_, _, err := feedutil.Stream(data, []string{"objects"}, func(off int, raw json.RawMessage) {
		var obj struct {
			Docs []json.RawMessage `json:"VULDEF-Document"`
		}
		if json.Unmarshal(raw, &obj) == nil {
			for _, doc := range obj.Docs {
				p.csafDoc(off, doc)
			}
		}
	})
	return p.streamErr(data, err)
}

// streamErr keeps the advisories read before a broken trailer.
func (p *parser) streamErr(data []byte, err error) error {
	var te *feedutil.TrailingError
	if errors.As(err, &te) && p.res.Read > 0 {
		p.trailer(p.lines.Pos(te.Off), te.Msg)
		return nil
	}
	if err != nil {
		return feedutil.FileError(data, err, expected)
	}
	return nil
}

// feedForm reads {"feed": {"entry": […]}}.
func (p *parser) feedForm(data []byte) error {
	alerts := 0
	_, _, err := feedutil.Stream(data, []string{"feed", "entry"}, func(off int, raw json.RawMessage) {
		pos := p.lines.Pos(off)
		var e okaEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			p.res.Read++
			epos, msg := feedutil.RecordError(p.lines, off, err)
			p.diags.Errorf(epos, "JVN entry: %s", msg)
			p.res.Reject(epos, "feed:jvn", "", epos.String()+": "+msg)
			return
		}
		if strings.HasPrefix(e.ID, "MYJVN-ALT") || (e.Items != nil || e.SecItems != nil) && !strings.HasPrefix(e.ID, "JVNDB-") {
			alerts++
			return
		}
		p.entry(&e, pos)
	})
	if err := p.streamErr(data, err); err != nil {
		return err
	}
	if alerts > 0 && p.res.Read == 0 {
		return fmt.Errorf("this is a MyJVN alert list (getAlertList), which holds no advisories; expected %s", expected)
	}
	return nil
}

func (p *parser) metrics(d *draft, ms []okaMetric) {
	for _, m := range ms {
		for _, c := range []*okaCVSS{m.Content.V3, m.Content.V4, m.Content.V2} {
			if c == nil {
				continue
			}
			score := ""
			if c.BaseScore != nil {
				score = fmt.Sprint(*c.BaseScore)
			}
			p.addCVSS(d, c.Version, c.VectorString, score)
		}
	}
}

func (p *parser) entry(e *okaEntry, pos source.Pos) {
	d := p.newDraft(pos)
	d.a.ID = strings.TrimSpace(e.ID)
	p.text(&d.a.Title.JA, &d.a.Title.EN, e.Title)
	p.text(&d.a.Summary.JA, &d.a.Summary.EN, plain(e.Summary))
	d.a.Published, _ = feedutil.Date(e.Created)
	d.a.Updated, _ = feedutil.Date(e.Modified)
	p.metrics(d, e.Metrics)
	for _, pr := range e.Products {
		p.product(d, pr.ProductIDs.CPE, pr.Vname, pr.Pname, pr.Version)
	}
	d.ref(e.Link)
	for _, r := range e.References {
		d.alias(r.Summary)
		d.ref(r.URL)
	}
	for _, c := range e.Cwes {
		if feedutil.IsCWE(c.ID) {
			d.a.CWE = append(d.a.CWE, c.ID)
		}
	}
	p.finish(d)
}
