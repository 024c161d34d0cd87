package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"

	"vulnreport/generator/internal/version"
)

// The floor probe does the least work any build of the snapshot must do,
// with the libraries vulnreport uses, in one language: stream the CSVs,
// match each distinct (product, version) pair once against the ranges of
// the advisories that name its product, and write findings.json, a
// streamed workbook of the findings, one HTML page per system and a
// 30-page PDF with the Japanese font embedded. It ranks nothing, keeps no
// history, checks nothing and writes one language: its time and memory
// are what a build of the same input cannot go below, and the build's are
// reported as a ratio to them (see full.go).

// floorChildArg, as the first argument, makes benchreport run the probe
// instead of the benchmark: floorChildArg DATA OUT. The probe runs as a
// child process so that its peak RSS is its own.
const floorChildArg = "-floor-probe-child"

// probePDFPages is the length of the probe's PDF.
const probePDFPages = 30

// floorStats is what the probe did, printed by the child as JSON.
type floorStats struct {
	Systems, Rows, Pairs, Advisories, Findings, Files int
	Bytes                                             int64
}

// runFloorChild is the child's main.
func runFloorChild(args []string, stdout, stderr io.Writer) int {
	if len(args) != 2 {
		fmt.Fprintln(stderr, "benchreport: usage: "+floorChildArg+" DATA OUT")
		return 2
	}
	st, err := floorProbe(args[0], args[1])
	if err != nil {
		fmt.Fprintln(stderr, "benchreport: floor probe:", err)
		return 1
	}
	js, _ := json.Marshal(st)
	fmt.Fprintln(stdout, string(js))
	return 0
}

// probe holds the interned input: systems, distinct (product, version)
// pairs and component rows as indices.
type probe struct {
	sysID, sysName  []string
	sysIndex        map[string]int32
	alias           map[string]string
	pairIndex       map[string]int32
	pairProd        []string
	pairVer         []string
	rowSys, rowPair []int32
	// advisories that name an installed product
	advID    []string
	advScore []float64
	byProd   map[string][]advRange
	// matched[pair] are the advisories whose range contains the pair's version
	matched [][]int32
	out     string
	st      floorStats
}

type advRange struct {
	adv int32
	r   version.Range
}

func floorProbe(data, out string) (floorStats, error) {
	p := &probe{sysIndex: map[string]int32{}, alias: map[string]string{}, pairIndex: map[string]int32{},
		byProd: map[string][]advRange{}, out: out}
	steps := []func(string) error{p.readSystems, p.readProducts, p.readComponents, p.readAdvisories}
	files := []string{"systems.csv", "products.csv", "components.csv", "advisories/synthetic.csv"}
	for i, step := range steps {
		if err := step(filepath.Join(data, filepath.FromSlash(files[i]))); err != nil {
			return p.st, err
		}
	}
	p.match()
	for _, step := range []func() error{p.writeJSON, p.writeWorkbook, p.writePages, p.writePDF} {
		if err := step(); err != nil {
			return p.st, err
		}
	}
	return p.st, nil
}

// eachRow streams a CSV file's records after the header to fn, with the
// header's column indices.
func eachRow(name string, fn func(col map[string]int, rec []string) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
	r.ReuseRecord = true
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := fn(col, rec); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
}

func (p *probe) readSystems(name string) error {
	return eachRow(name, func(col map[string]int, rec []string) error {
		p.sysIndex[rec[col["id"]]] = int32(len(p.sysID))
		p.sysID = append(p.sysID, rec[col["id"]])
		p.sysName = append(p.sysName, rec[col["name.ja"]])
		return nil
	})
}

func (p *probe) readProducts(name string) error {
	return eachRow(name, func(col map[string]int, rec []string) error {
		key := rec[col["key"]]
		for _, a := range strings.Split(rec[col["aliases"]], ";") {
			if a != "" {
				p.alias[a] = key
			}
		}
		return nil
	})
}

// productKey resolves a product as written: a vendor:product key, a purl
// (version dropped) named in products.csv's aliases, or a CPE 2.3 name.
func (p *probe) productKey(s string) string {
	switch {
	case strings.HasPrefix(s, "cpe:2.3:"):
		f := strings.SplitN(s, ":", 6)
		if len(f) >= 5 {
			return f[3] + ":" + f[4]
		}
	case strings.HasPrefix(s, "pkg:"):
		if i := strings.LastIndexByte(s, '@'); i > 0 {
			s = s[:i]
		}
	}
	if k, ok := p.alias[s]; ok {
		return k
	}
	return s
}

func (p *probe) readComponents(name string) error {
	return eachRow(name, func(col map[string]int, rec []string) error {
		si, ok := p.sysIndex[rec[col["system"]]]
		if !ok {
			return nil
		}
		prod, ver := p.productKey(rec[col["product"]]), rec[col["version"]]
		key := prod + "\x00" + ver
		pi, ok := p.pairIndex[key]
		if !ok {
			pi = int32(len(p.pairProd))
			p.pairIndex[key] = pi
			p.pairProd = append(p.pairProd, prod)
			p.pairVer = append(p.pairVer, ver)
		}
		p.rowSys = append(p.rowSys, si)
		p.rowPair = append(p.rowPair, pi)
		return nil
	})
}

func (p *probe) readAdvisories(name string) error {
	installed := map[string]bool{}
	for _, prod := range p.pairProd {
		installed[prod] = true
	}
	last := ""
	return eachRow(name, func(col map[string]int, rec []string) error {
		prod := p.productKey(rec[col["affected.product"]])
		if !installed[prod] {
			return nil
		}
		r, err := version.ParseRange(rec[col["affected.versions"]])
		if err != nil {
			return nil // the floor reads what it can
		}
		if id := rec[col["id"]]; id != last || len(p.advID) == 0 {
			score, _ := strconv.ParseFloat(rec[col["cvss.score"]], 64)
			p.advID = append(p.advID, id)
			p.advScore = append(p.advScore, score)
			last = id
		}
		p.byProd[prod] = append(p.byProd[prod], advRange{adv: int32(len(p.advID) - 1), r: r})
		return nil
	})
}

// match tests each distinct pair once.
func (p *probe) match() {
	p.matched = make([][]int32, len(p.pairProd))
	for i, prod := range p.pairProd {
		v, err := version.Parse(p.pairVer[i])
		if err != nil {
			continue
		}
		for _, ar := range p.byProd[prod] {
			if ar.r.Contains(v) && !slices.Contains(p.matched[i], ar.adv) {
				p.matched[i] = append(p.matched[i], ar.adv)
			}
		}
	}
	p.st.Systems, p.st.Rows, p.st.Pairs, p.st.Advisories = len(p.sysID), len(p.rowSys), len(p.pairProd), len(p.advID)
	for _, pi := range p.rowPair {
		p.st.Findings += len(p.matched[pi])
	}
}

// create opens a file under the output folder for writing and counts it.
func (p *probe) create(name string) (*os.File, error) {
	path := filepath.Join(p.out, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	p.st.Files++
	return os.Create(path)
}

func (p *probe) closeFile(f *os.File) error {
	if fi, err := f.Stat(); err == nil {
		p.st.Bytes += fi.Size()
	}
	return f.Close()
}

// eachFinding calls fn for every finding, in input (system) order.
func (p *probe) eachFinding(fn func(row int, adv int32) error) error {
	for row, pi := range p.rowPair {
		for _, a := range p.matched[pi] {
			if err := fn(row, a); err != nil {
				return err
			}
		}
	}
	return nil
}

type probeFinding struct {
	System   string  `json:"system"`
	Product  string  `json:"product"`
	Version  string  `json:"version"`
	Advisory string  `json:"advisory"`
	CVSS     float64 `json:"cvss"`
}

func (p *probe) finding(row int, adv int32) probeFinding {
	pi := p.rowPair[row]
	return probeFinding{p.sysID[p.rowSys[row]], p.pairProd[pi], p.pairVer[pi], p.advID[adv], p.advScore[adv]}
}

func (p *probe) writeJSON() error {
	f, err := p.create("findings.json")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	enc := json.NewEncoder(w)
	w.WriteString("[\n")
	err = p.eachFinding(func(row int, adv int32) error { return enc.Encode(p.finding(row, adv)) })
	w.WriteString("]\n")
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		f.Close()
		return err
	}
	return p.closeFile(f)
}

// writeWorkbook streams one row per finding, a new sheet every million rows.
func (p *probe) writeWorkbook() error {
	x := excelize.NewFile()
	defer x.Close()
	const perSheet = 1_000_000
	var sw *excelize.StreamWriter
	n := 0
	head := []any{"システム", "製品", "バージョン", "脆弱性", "CVSS"}
	err := p.eachFinding(func(row int, adv int32) error {
		if n%perSheet == 0 {
			if sw != nil {
				if err := sw.Flush(); err != nil {
					return err
				}
			}
			name := "findings" + strconv.Itoa(n/perSheet+1)
			if _, err := x.NewSheet(name); err != nil {
				return err
			}
			var err error
			if sw, err = x.NewStreamWriter(name); err != nil {
				return err
			}
			if err := sw.SetRow("A1", head); err != nil {
				return err
			}
		}
		fd := p.finding(row, adv)
		cell, _ := excelize.CoordinatesToCellName(1, n%perSheet+2)
		n++
		return sw.SetRow(cell, []any{fd.System, fd.Product, fd.Version, fd.Advisory, fd.CVSS})
	})
	if err != nil {
		return err
	}
	if sw != nil {
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	f, err := p.create("findings.xlsx")
	if err != nil {
		return err
	}
	if _, err := x.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return p.closeFile(f)
}

var probePage = template.Must(template.New("system").Parse(`<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>{{.Name}}</title></head>
<body><h1>{{.Name}} ({{.ID}})</h1>
<table><thead><tr><th>製品</th><th>バージョン</th><th>脆弱性</th><th>CVSS</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Product}}</td><td>{{.Version}}</td><td>{{.Advisory}}</td><td>{{.CVSS}}</td></tr>
{{end}}</tbody></table></body></html>
`))

// writePages writes one page per system; rows arrive grouped by system.
func (p *probe) writePages() error {
	type page struct {
		ID, Name string
		Rows     []probeFinding
	}
	var pg page
	buf := bufio.NewWriterSize(nil, 1<<16)
	flush := func(si int32) error {
		f, err := p.create("systems/" + p.sysID[si] + ".html")
		if err != nil {
			return err
		}
		buf.Reset(f)
		pg.ID, pg.Name = p.sysID[si], p.sysName[si]
		if err := probePage.Execute(buf, &pg); err != nil {
			f.Close()
			return err
		}
		if err := buf.Flush(); err != nil {
			f.Close()
			return err
		}
		pg.Rows = pg.Rows[:0]
		return p.closeFile(f)
	}
	done := make([]bool, len(p.sysID))
	cur := int32(-1)
	for row := range p.rowPair {
		si := p.rowSys[row]
		if si != cur && cur >= 0 {
			if done[cur] {
				return errors.New("components.csv is not grouped by system")
			}
			done[cur] = true
			if err := flush(cur); err != nil {
				return err
			}
		}
		cur = si
		for _, a := range p.matched[p.rowPair[row]] {
			pg.Rows = append(pg.Rows, p.finding(row, a))
		}
	}
	if cur >= 0 {
		done[cur] = true
		if err := flush(cur); err != nil {
			return err
		}
	}
	for si, d := range done { // systems without components get a page too
		if !d {
			if err := flush(int32(si)); err != nil {
				return err
			}
		}
	}
	return nil
}

// writePDF writes probePDFPages pages of the first findings with IPAex
// Gothic embedded, as the management report does.
func (p *probe) writePDF() error {
	font := findProbeFont()
	if font == "" {
		return errors.New("no ipaexg.ttf (Debian package fonts-ipaexfont) for the PDF")
	}
	data, err := os.ReadFile(font)
	if err != nil {
		return err
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("ipaexg", "", data)
	pdf.SetFont("ipaexg", "", 9)
	const perPage = 40
	page, n := 0, 0
	stop := errors.New("stop")
	err = p.eachFinding(func(row int, adv int32) error {
		if n%perPage == 0 {
			if page == probePDFPages {
				return stop
			}
			pdf.AddPage()
			page++
			pdf.CellFormat(0, 8, fmt.Sprintf("脆弱性対応状況 %d / %d ページ", page, probePDFPages), "", 1, "L", false, 0, "")
		}
		fd := p.finding(row, adv)
		pdf.CellFormat(40, 6, fd.System, "1", 0, "L", false, 0, "")
		pdf.CellFormat(70, 6, fd.Product+" "+fd.Version, "1", 0, "L", false, 0, "")
		pdf.CellFormat(50, 6, fd.Advisory, "1", 0, "L", false, 0, "")
		pdf.CellFormat(20, 6, strconv.FormatFloat(fd.CVSS, 'f', 1, 64), "1", 1, "R", false, 0, "")
		n++
		return nil
	})
	if err != nil && !errors.Is(err, stop) {
		return err
	}
	f, err := p.create("report.pdf")
	if err != nil {
		return err
	}
	if err := pdf.Output(f); err != nil {
		f.Close()
		return err
	}
	return p.closeFile(f)
}

// findProbeFont returns the path of IPAex Gothic, or "".
func findProbeFont() string {
	for _, d := range fontDirs() {
		if _, err := os.Stat(filepath.Join(d, "ipaexg.ttf")); err == nil {
			return filepath.Join(d, "ipaexg.ttf")
		}
	}
	return ""
}

// fontDirs are the folders the PDF renderer searches for IPAex Gothic.
func fontDirs() []string {
	dirs := []string{"/usr/share/fonts/opentype/ipaexfont-gothic", "/usr/share/fonts/truetype/ipaexfont-gothic",
		"/usr/share/fonts/truetype", "/usr/share/fonts/opentype", "/usr/share/fonts", "/usr/local/share/fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".fonts"), filepath.Join(home, ".local", "share", "fonts"))
	}
	return dirs
}
