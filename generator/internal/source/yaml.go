package source

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxAliasedValues bounds the values one YAML file may reach through
// aliases (*name) beyond ten times its own values; it defeats alias bombs
// ("billion laughs") quickly while leaving files of any size that write
// their values out, or share a few anchors, alone.
const maxAliasedValues = 100_000

// ParseYAML parses a YAML document and returns its root node. An empty
// document gives a nil node and no error.
func ParseYAML(name string, data []byte) (*yaml.Node, error) {
	if len(data) > MaxYAMLSize {
		return nil, fmt.Errorf("%s: file is %d bytes, more than the %d accepted for YAML; write large data as CSV", name, len(data), MaxYAMLSize)
	}
	data, err := yamlText(name, data)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlSyntaxError(name, data, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// YAMLRecords reads a YAML file holding a list of records: either a
// sequence of mappings, or a mapping with one key whose value is that
// sequence (listKey, or any single key). Each mapping becomes a Record.
// Entries that are not mappings are reported and passed to bad.
func YAMLRecords(name string, data []byte, listKey string, diags *Diagnostics, bad func(Pos, string)) ([]Record, error) {
	root, err := ParseYAML(name, data)
	if err != nil || root == nil {
		return nil, err
	}
	root = deref(root)
	if root.Kind == yaml.MappingNode {
		var seq *yaml.Node
		for i := 0; i+1 < len(root.Content); i += 2 {
			k := root.Content[i].Value
			if k == listKey || len(root.Content) == 2 {
				seq = deref(root.Content[i+1])
			} else {
				diags.Warnf(nodePos(name, root.Content[i]), "unknown key %q: expected %q holding the list", k, listKey)
			}
		}
		if seq == nil {
			return nil, &PosError{nodePos(name, root), fmt.Sprintf("expected a list of records or a map with the key %q", listKey)}
		}
		root = seq
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.SequenceNode {
		return nil, &PosError{nodePos(name, root), "expected a list of records"}
	}
	f := flattener{name: name, diags: diags}
	var out []Record
	for _, raw := range root.Content {
		item := deref(raw)
		pos := nodePos(name, item)
		if item.Kind != yaml.MappingNode {
			msg := "list entry is not a record (a map of field: value)"
			diags.Errorf(pos, "%s", msg)
			bad(pos, msg)
			continue
		}
		rec, err := f.record(item, raw.Kind == yaml.AliasNode)
		if err != nil {
			diags.Errorf(pos, "%v", err)
			bad(pos, err.Error())
			continue
		}
		out = append(out, rec)
		if len(out) > MaxRecordsPerFile {
			return out, &PosError{pos, fmt.Sprintf("more than %d records, the limit for one file", MaxRecordsPerFile)}
		}
	}
	return out, nil
}

// YAMLMap reads a YAML file holding one mapping (policy.yaml) as a Record.
func YAMLMap(name string, data []byte, diags *Diagnostics) (Record, error) {
	root, err := ParseYAML(name, data)
	if err != nil {
		return Record{}, err
	}
	if root == nil {
		return NewRecord(Pos{name, 1, 1}), nil
	}
	root = deref(root)
	if root.Kind != yaml.MappingNode {
		return Record{}, &PosError{nodePos(name, root), "expected a map of setting: value"}
	}
	f := flattener{name: name, diags: diags}
	rec, err := f.record(root, false)
	if err != nil {
		return Record{}, fmt.Errorf("%s: %w", name, err)
	}
	return rec, nil
}

func nodePos(name string, n *yaml.Node) Pos { return Pos{name, n.Line, n.Column} }

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < MaxNesting; i++ {
		n = n.Alias
	}
	return n
}

type flattener struct {
	name  string
	diags *Diagnostics
	// own and aliased count the values visited in the file, written out
	// and reached through an alias.
	own, aliased int
}

// visit counts n values and fails when aliases expand too far.
func (f *flattener) visit(n int, aliased bool) error {
	if !aliased {
		f.own += n
		return nil
	}
	f.aliased += n
	if f.aliased > maxAliasedValues && f.aliased > 10*f.own {
		return fmt.Errorf("aliases (*name) expand to more than %d values, over ten times the file's own: write the values out", maxAliasedValues)
	}
	return nil
}

func (f *flattener) record(m *yaml.Node, aliased bool) (Record, error) {
	rec := NewRecord(nodePos(f.name, m))
	if err := f.mapping(&rec, "", m, 0, aliased); err != nil {
		return Record{}, err
	}
	return rec, nil
}

func (f *flattener) mapping(rec *Record, prefix string, m *yaml.Node, depth int, aliased bool) error {
	if depth > MaxNesting {
		return fmt.Errorf("nested deeper than %d levels", MaxNesting)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if err := f.visit(2, aliased); err != nil {
			return err
		}
		kn, vn := deref(m.Content[i]), deref(m.Content[i+1])
		sub := aliased || m.Content[i+1].Kind == yaml.AliasNode
		if kn.Value == "<<" {
			return fmt.Errorf("line %d: merge keys (<<) are not supported: write the fields out", kn.Line)
		}
		key := prefix + strings.TrimSpace(kn.Value)
		pos := nodePos(f.name, vn)
		switch vn.Kind {
		case yaml.ScalarNode:
			if vn.Tag == "!!null" {
				continue
			}
			rec.Set(key, Value{Text: strings.TrimSpace(vn.Value), Pos: pos})
		case yaml.MappingNode:
			if err := f.mapping(rec, key+".", vn, depth+1, sub); err != nil {
				return err
			}
		case yaml.SequenceNode:
			if err := f.sequence(rec, key, vn, depth+1, sub); err != nil {
				return err
			}
		default:
			return fmt.Errorf("line %d: field %q has an unsupported value", vn.Line, key)
		}
	}
	return nil
}

func (f *flattener) sequence(rec *Record, key string, s *yaml.Node, depth int, aliased bool) error {
	if depth > MaxNesting {
		return fmt.Errorf("nested deeper than %d levels", MaxNesting)
	}
	var list []string
	scalars := true
	for _, raw := range s.Content {
		if err := f.visit(1, aliased); err != nil {
			return err
		}
		it := deref(raw)
		switch it.Kind {
		case yaml.ScalarNode:
			if it.Tag != "!!null" {
				list = append(list, strings.TrimSpace(it.Value))
			}
		case yaml.MappingNode:
			scalars = false
			sub := NewRecord(nodePos(f.name, it))
			if err := f.mapping(&sub, "", it, depth+1, aliased || raw.Kind == yaml.AliasNode); err != nil {
				return err
			}
			rec.AddGroup(key, sub)
		default:
			return fmt.Errorf("line %d: field %q: nested lists are not supported", it.Line, key)
		}
	}
	if scalars || len(list) > 0 {
		rec.Set(key, Value{List: list, IsList: true, Pos: nodePos(f.name, s)})
	}
	return nil
}
