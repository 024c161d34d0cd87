package planimport

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"vulnreport/generator/internal/remediation"

	"gopkg.in/yaml.v3"
)

// yamlDoc edits remediation.yaml through its node tree. Only the records
// it changes are written anew (fields in contract order), spliced into the
// file's text, so that comments, blank lines, unknown fields and every
// other record stay as they were and a diff shows just the import. When
// the layout defeats splicing, the whole file is re-encoded from the tree
// instead (comments kept, two-space indentation).
type yamlDoc struct {
	root *yaml.Node
	seq  *yaml.Node
	// data is the file as read; n the records it held.
	data  []byte
	n     int
	dirty map[int]bool
}

const yamlHeader = "remediation records: decisions and work on findings (see the snapshot contract)\n" +
	"対策の記録: 指摘への判断と作業 (入力仕様を参照)"

func newYAMLDoc(data []byte) (*yamlDoc, error) {
	d := &yamlDoc{data: data, dirty: map[int]bool{}}
	var doc yaml.Node
	if len(bytes.TrimSpace(data)) > 0 {
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, err
		}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		d.seq = &yaml.Node{Kind: yaml.SequenceNode}
		d.root = &yaml.Node{Kind: yaml.DocumentNode, HeadComment: yamlHeader, Content: []*yaml.Node{d.seq}}
		return d, nil
	}
	d.root = &doc
	top := doc.Content[0]
	switch {
	case top.Kind == yaml.SequenceNode:
		d.seq = top
	case top.Kind == yaml.MappingNode && len(top.Content) == 2 && top.Content[1].Kind == yaml.SequenceNode:
		d.seq = top.Content[1]
	case top.Kind == yaml.MappingNode && len(top.Content) == 2 && top.Content[1].Tag == "!!null":
		top.Content[1] = &yaml.Node{Kind: yaml.SequenceNode}
		d.seq = top.Content[1]
	default:
		return nil, errors.New("expected a list of records, or a map with one key holding the list")
	}
	for _, item := range d.seq.Content {
		if item.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("line %d: a list entry is not a record (anchors and aliases are not supported here)", item.Line)
		}
	}
	d.n = len(d.seq.Content)
	return d, nil
}

func (d *yamlDoc) records() []record {
	out := make([]record, len(d.seq.Content))
	for i, m := range d.seq.Content {
		r := record{fields: map[string]string{}, line: m.Line}
		for j := 0; j+1 < len(m.Content); j += 2 {
			if v := m.Content[j+1]; v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				r.fields[m.Content[j].Value] = v.Value
			}
		}
		out[i] = r
	}
	return out
}

// scalar returns a value node: dates plain, text tagged as a string so
// that the encoder quotes it when it would read as something else.
func scalar(field, value string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Tag: "!!str"}
	if remediation.DateFields[field] {
		n.Tag = ""
	}
	return n
}

func (d *yamlDoc) set(i int, field, value string) {
	d.dirty[i] = true
	m := d.seq.Content[i]
	for j := 0; j+1 < len(m.Content); j += 2 {
		if m.Content[j].Value != field {
			continue
		}
		if value == "" {
			m.Content = slices.Delete(m.Content, j, j+2)
		} else {
			v := scalar(field, value)
			v.LineComment = m.Content[j+1].LineComment
			m.Content[j+1] = v
		}
		arrange(m)
		return
	}
	if value != "" {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: field}, scalar(field, value))
		arrange(m)
	}
}

// arrange puts a mapping's fields in contract order (stable: unknown
// fields keep their order, after the contract's).
func arrange(m *yaml.Node) {
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(m.Content)/2)
	for j := 0; j+1 < len(m.Content); j += 2 {
		pairs = append(pairs, pair{m.Content[j], m.Content[j+1]})
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return order(a.k.Value) - order(b.k.Value) })
	m.Content = m.Content[:0]
	for _, p := range pairs {
		m.Content = append(m.Content, p.k, p.v)
	}
}

func (d *yamlDoc) add(fields map[string]string) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range fieldOrder {
		if v := fields[f]; v != "" {
			n := scalar(f, v)
			if v == "*" {
				n.Style = yaml.DoubleQuotedStyle // as the contract writes it
			}
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f}, n)
		}
	}
	d.seq.Style = 0
	d.seq.Content = append(d.seq.Content, m)
}

func (d *yamlDoc) encode() ([]byte, error) {
	full, err := encodeNode(d.root)
	if err != nil {
		return nil, err
	}
	if spliced, ok := d.splice(); ok && sameData(spliced, full) {
		return spliced, nil
	}
	return full, nil
}

func encodeNode(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sameData reports whether two YAML texts hold the same data.
func sameData(a, b []byte) bool {
	var x, y any
	return yaml.Unmarshal(a, &x) == nil && yaml.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

// splice writes the changed and added records into the original text.
func (d *yamlDoc) splice() ([]byte, bool) {
	if d.n == 0 || len(d.data) == 0 {
		return nil, false
	}
	lines := strings.SplitAfter(string(d.data), "\n")
	type span struct {
		from, to int // 0-based lines, to exclusive
		text     string
	}
	var spans []span
	var end, dash int
	for i := range d.n {
		item := d.seq.Content[i]
		from := item.Line - 1
		col, ok := dashColumn(lines, item)
		if !ok {
			return nil, false
		}
		to := recordEnd(lines, from, col)
		if d.dirty[i] {
			text, ok := emit(item, col)
			if !ok {
				return nil, false
			}
			spans = append(spans, span{from, to, text})
		}
		end, dash = to, col
	}
	// Records separated by blank lines get a blank line before each new one.
	sep := ""
	if d.n > 1 {
		first := d.seq.Content[0]
		col, _ := dashColumn(lines, first)
		for _, l := range lines[recordEnd(lines, first.Line-1, col) : d.seq.Content[1].Line-1] {
			if strings.TrimSpace(l) == "" {
				sep = "\n"
			}
		}
	}
	var added strings.Builder
	for _, item := range d.seq.Content[d.n:] {
		text, ok := emit(item, dash)
		if !ok {
			return nil, false
		}
		added.WriteString(sep + text)
	}
	if added.Len() > 0 {
		if end > 0 && !strings.HasSuffix(lines[end-1], "\n") {
			lines[end-1] += "\n"
		}
		spans = append(spans, span{end, end, added.String()})
	}
	var out strings.Builder
	at := 0
	for _, sp := range spans {
		out.WriteString(strings.Join(lines[at:sp.from], ""))
		out.WriteString(sp.text)
		at = sp.to
	}
	out.WriteString(strings.Join(lines[at:], ""))
	return []byte(out.String()), true
}

// dashColumn returns the column of the "-" that starts a block-sequence
// item whose first key is on the same line.
func dashColumn(lines []string, item *yaml.Node) (int, bool) {
	if item.Style&yaml.FlowStyle != 0 || item.Line < 1 || item.Line > len(lines) || len(item.Content) == 0 {
		return 0, false
	}
	line := []rune(strings.TrimRight(lines[item.Line-1], "\r\n"))
	c := item.Column - 2 // rune index before the first key
	for c >= 0 && line[c] == ' ' {
		c--
	}
	if c < 0 || line[c] != '-' || strings.TrimSpace(string(line[:c])) != "" {
		return 0, false
	}
	return c, true
}

// recordEnd returns the line after a record that starts at line from with
// its dash at col: the record runs while lines are indented deeper, then
// gives back trailing blank lines and comments that belong to what follows.
func recordEnd(lines []string, from, col int) int {
	to := from + 1
	for to < len(lines) {
		l := strings.TrimRight(lines[to], "\r\n")
		if strings.TrimSpace(l) != "" && indent(l) <= col && !strings.HasPrefix(strings.TrimSpace(l), "#") {
			break
		}
		to++
	}
	for to > from+1 {
		l := strings.TrimRight(lines[to-1], "\r\n")
		if t := strings.TrimSpace(l); t != "" && !(strings.HasPrefix(t, "#") && indent(l) <= col) {
			break
		}
		to--
	}
	return to
}

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// emit encodes one record as a sequence item indented to col. The comments
// above the record stay in the text, so they are not written again.
func emit(item *yaml.Node, col int) (string, bool) {
	head, foot := item.HeadComment, item.FootComment
	first := item.Content[0].HeadComment
	item.HeadComment, item.FootComment, item.Content[0].HeadComment = "", "", ""
	data, err := encodeNode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}})
	item.HeadComment, item.FootComment, item.Content[0].HeadComment = head, foot, first
	if err != nil {
		return "", false
	}
	pad := strings.Repeat(" ", col)
	var b strings.Builder
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			b.WriteString(pad)
		}
		b.WriteString(l)
	}
	return b.String(), true
}
