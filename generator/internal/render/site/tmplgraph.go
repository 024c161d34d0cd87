package site

import (
	"html/template"
	"slices"
	"text/template/parse"
)

// pageWriterPages are the page templates that page writers (fastpage.go
// and its neighbours) reproduce whole. What each of them reproduces is
// not listed by hand: it is every template the page invokes, directly or
// through others, read from the parsed templates (reproduces), and a
// writer is used only while all of them are built in.
var pageWriterPages = []string{"findings.html", "system.html", "advisory.html", "dept.html", "systems.html", "advisories.html", "lifecycle.html"}

// fastHTMLField is the field through which the fast row writers hand
// their rows to the templates: a template that reads it takes the rows
// as written (findings-table, actions …).
const fastHTMLField = "HTML"

// reproduces returns name and every template it invokes, directly or
// through others, sorted; a name without a template is kept so that the
// caller's built-in check fails on it.
func reproduces(root *template.Template, names ...string) []string {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(n string) {
		if seen[n] {
			return
		}
		seen[n] = true
		if t := root.Lookup(n); t != nil && t.Tree != nil {
			walk(t.Tree.Root, func(n parse.Node) {
				if tn, ok := n.(*parse.TemplateNode); ok {
					visit(tn.Name)
				}
			})
		}
	}
	for _, n := range names {
		visit(n)
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// invokes returns the templates t invokes directly.
func invokes(t *template.Template) []string {
	var out []string
	if t.Tree != nil {
		walk(t.Tree.Root, func(n parse.Node) {
			if tn, ok := n.(*parse.TemplateNode); ok && !slices.Contains(out, tn.Name) {
				out = append(out, tn.Name)
			}
		})
	}
	return out
}

// rowConsumers returns the templates that read the fast rows' field
// (fastHTMLField) anywhere in their body.
func rowConsumers(root *template.Template) []string {
	var out []string
	for _, t := range root.Templates() {
		if t.Tree == nil {
			continue
		}
		found := false
		walk(t.Tree.Root, func(n parse.Node) {
			var idents []string
			switch n := n.(type) {
			case *parse.FieldNode:
				idents = n.Ident
			case *parse.ChainNode:
				idents = n.Field
			case *parse.VariableNode:
				idents = n.Ident[1:]
			}
			if slices.Contains(idents, fastHTMLField) {
				found = true
			}
		})
		if found {
			out = append(out, t.Name())
		}
	}
	slices.Sort(out)
	return out
}

// walk calls fn on n and every node below it.
func walk(n parse.Node, fn func(parse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, fn)
		}
	case *parse.ActionNode:
		walk(n.Pipe, fn)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, v := range n.Decl {
			walk(v, fn)
		}
		for _, c := range n.Cmds {
			walk(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, fn)
		}
	case *parse.ChainNode:
		walk(n.Node, fn)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		walk(n.Pipe, fn)
	}
}

func walkBranch(b *parse.BranchNode, fn func(parse.Node)) {
	walk(b.Pipe, fn)
	walk(b.List, fn)
	walk(b.ElseList, fn)
}
