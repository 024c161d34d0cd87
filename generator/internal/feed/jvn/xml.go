package jvn

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/japanese"

	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// vulinfo is one VULDEF Vulinfo element.
type vulinfo struct {
	ID   string `xml:"VulinfoID"`
	Data struct {
		Title    string `xml:"Title"`
		Overview string `xml:"VulinfoDescription>Overview"`
		Affected []struct {
			Name          string   `xml:"Name"`
			ProductName   string   `xml:"ProductName"`
			Cpe           []string `xml:"Cpe"`
			VersionNumber []string `xml:"VersionNumber"`
		} `xml:"Affected>AffectedItem"`
		Cvss []struct {
			Version string `xml:"version,attr"`
			Base    string `xml:"Base"`
			Vector  string `xml:"Vector"`
		} `xml:"Impact>Cvss"`
		Solution []string `xml:"Solution>SolutionItem>Description"`
		Related  []struct {
			Type string `xml:"type,attr"`
			Name string `xml:"Name"`
			ID   string `xml:"VulinfoID"`
			URL  string `xml:"URL"`
		} `xml:"Related>RelatedItem"`
		FirstPublished string `xml:"DateFirstPublished"`
		LastUpdated    string `xml:"DateLastUpdated"`
	} `xml:"VulinfoData"`
}

// rssItem is one JVNRSS item.
type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	Description string `xml:"description"`
	Identifier  string `xml:"http://jvn.jp/rss/mod_sec/3.0/ identifier"`
	References  []struct {
		Source string `xml:"source,attr"`
		ID     string `xml:"id,attr"`
		URL    string `xml:",chardata"`
	} `xml:"http://jvn.jp/rss/mod_sec/3.0/ references"`
	Cpe []struct {
		Vendor  string `xml:"vendor,attr"`
		Product string `xml:"product,attr"`
		Value   string `xml:",chardata"`
	} `xml:"http://jvn.jp/rss/mod_sec/3.0/ cpe"`
	Cvss []struct {
		Version string `xml:"version,attr"`
		Score   string `xml:"score,attr"`
		Vector  string `xml:"vector,attr"`
	} `xml:"http://jvn.jp/rss/mod_sec/3.0/ cvss"`
	Issued   string `xml:"http://purl.org/dc/terms/ issued"`
	Modified string `xml:"http://purl.org/dc/terms/ modified"`
}

// charsetReader decodes the Japanese encodings an XML declaration may name.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.ReplaceAll(label, "_", "-")) {
	case "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932", "ms932", "ms-kanji", "csshiftjis":
		return japanese.ShiftJIS.NewDecoder().Reader(r), nil
	case "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese":
		return japanese.EUCJP.NewDecoder().Reader(r), nil
	case "iso-2022-jp", "csiso2022jp":
		return japanese.ISO2022JP.NewDecoder().Reader(r), nil
	}
	return nil, fmt.Errorf("encoding %q is not supported (expected UTF-8, Shift_JIS, EUC-JP or ISO-2022-JP)", label)
}

// xmlDoc reads a VULDEF or JVNRSS document.
func (p *parser) xmlDoc(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		var synErr *xml.SyntaxError
		if errors.As(err, &synErr) && p.res.Read > 0 {
			p.trailer(source.Pos{File: p.name, Line: synErr.Line, Col: 1}, "XML syntax error: "+synErr.Msg)
			return nil
		}
		if err != nil {
			return xmlError(err, dec)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		line, col := dec.InputPos()
		pos := source.Pos{File: p.name, Line: line, Col: col}
		if root == "" {
			root = se.Name.Local
			for _, a := range se.Attr {
				if a.Name.Local == "lang" && strings.HasPrefix(strings.ToLower(a.Value), "en") {
					p.en = true
				}
			}
			switch root {
			case "VULDEF-Document", "RDF":
				continue
			case "feed":
				return fmt.Errorf("this is a MyJVN alert list (getAlertList), which holds no advisories; expected %s", expected)
			case "Result":
				return fmt.Errorf("this is a MyJVN vendor or product list or statistics (<Result>), which holds no advisories; expected %s", expected)
			}
			return fmt.Errorf("root element <%s> is not a MyJVN advisory document; expected %s", feedutil.Clip(root), expected)
		}
		switch {
		case root == "VULDEF-Document" && se.Name.Local == "Vulinfo":
			var v vulinfo
			if err := dec.DecodeElement(&v, &se); err != nil {
				return xmlError(err, dec)
			}
			p.vulinfo(&v, pos)
		case root == "RDF" && se.Name.Local == "item":
			var it rssItem
			if err := dec.DecodeElement(&it, &se); err != nil {
				return xmlError(err, dec)
			}
			p.rssItem(&it, pos)
		case se.Name.Local == "Status":
			if msg := statusError(se); msg != "" && p.res.Read == 0 {
				return fmt.Errorf("the MyJVN API reported an error: %s", msg)
			}
		}
	}
	if root == "" {
		return fmt.Errorf("no XML element found; expected %s", expected)
	}
	return nil
}

// statusError returns the error a MyJVN status element reports, if any.
func statusError(se xml.StartElement) string {
	var code, msg string
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "retCd":
			code = a.Value
		case "errMsg":
			msg = a.Value
		}
	}
	if code != "" && code != "0" {
		return strings.TrimSpace(fmt.Sprintf("retCd %s %s", code, msg))
	}
	return ""
}

func xmlError(err error, dec *xml.Decoder) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("not readable at %d:1: XML syntax error: %s; expected %s", se.Line, se.Msg, expected)
	}
	line, col := dec.InputPos()
	return fmt.Errorf("not readable at %d:%d: %v; expected %s", line, col, err, expected)
}

var (
	listItem = regexp.MustCompile(`(?i)<li[^>]*>`)
	lineTag  = regexp.MustCompile(`(?i)<br\s*/?>|</p>|</li>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
)

// plain reduces the HTML markup JVN puts in overviews to text.
func plain(s string) string {
	s = listItem.ReplaceAllString(s, "\n・")
	s = lineTag.ReplaceAllString(s, "\n")
	s = html.UnescapeString(anyTag.ReplaceAllString(s, ""))
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func (p *parser) vulinfo(v *vulinfo, pos source.Pos) {
	d := p.newDraft(pos)
	d.a.ID = strings.TrimSpace(v.ID)
	p.text(&d.a.Title.JA, &d.a.Title.EN, v.Data.Title)
	p.text(&d.a.Summary.JA, &d.a.Summary.EN, plain(v.Data.Overview))
	d.a.Published, _ = feedutil.Date(v.Data.FirstPublished)
	d.a.Updated, _ = feedutil.Date(v.Data.LastUpdated)
	for _, c := range v.Data.Cvss {
		p.addCVSS(d, c.Version, c.Vector, c.Base)
	}
	for _, af := range v.Data.Affected {
		cpes := af.Cpe
		if len(cpes) == 0 {
			cpes = []string{""}
		}
		vers := af.VersionNumber
		if len(vers) == 0 {
			vers = []string{""}
		}
		for _, cpe := range cpes {
			for _, vn := range vers {
				p.product(d, cpe, af.Name, af.ProductName, vn)
			}
		}
	}
	var sol []string
	for _, s := range v.Data.Solution {
		sol = append(sol, plain(s))
	}
	p.text(&d.a.Workaround.JA, &d.a.Workaround.EN, strings.Join(feedutil.Dedup(sol), "\n"))
	for _, r := range v.Data.Related {
		id := strings.TrimSpace(r.ID)
		switch {
		case r.Type == "cwe" && feedutil.IsCWE(id):
			d.a.CWE = append(d.a.CWE, id)
		case feedutil.IsCVE(id):
			d.alias(id)
		}
		d.ref(r.URL)
	}
	p.finish(d)
}

func (p *parser) rssItem(it *rssItem, pos source.Pos) {
	d := p.newDraft(pos)
	d.a.ID = strings.TrimSpace(it.Identifier)
	p.text(&d.a.Title.JA, &d.a.Title.EN, it.Title)
	p.text(&d.a.Summary.JA, &d.a.Summary.EN, plain(it.Description))
	d.a.Published, _ = feedutil.Date(it.Issued)
	d.a.Updated, _ = feedutil.Date(it.Modified)
	for _, c := range it.Cvss {
		p.addCVSS(d, c.Version, c.Vector, c.Score)
	}
	for _, c := range it.Cpe {
		p.product(d, c.Value, c.Vendor, c.Product, "")
	}
	d.ref(it.Link)
	for _, r := range it.References {
		id := strings.TrimSpace(r.ID)
		switch {
		case feedutil.IsCWE(id):
			d.a.CWE = append(d.a.CWE, id)
		case feedutil.IsCVE(id):
			d.alias(id)
		}
		d.ref(r.URL)
	}
	p.finish(d)
}
