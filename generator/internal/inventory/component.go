package inventory

import (
	"time"

	"vulnreport/generator/internal/source"
)

// Component is one piece of software installed on a system: one row of
// the inventory (a million at the largest), so it is kept small. What many
// rows repeat — the product as written and resolved, the patches, the
// source, each date — is held in shared parts that the row points to; the
// parts' fields read as the row's own (c.Key, c.Installed, …).
//
// The parts are never nil, and nothing may write into a part a row points
// to: to change such a field, give the row another part (Parts.Edit, or
// Own for a row of its own). System, Version, Hosts and Pos are the row's
// own and may be written.
type Component struct {
	*Facts
	*InstallDate
	*UpdateDate
	System  string
	Version string
	// Hosts is how many of the system's hosts run it; 0 means all.
	Hosts int
	Pos   source.Pos
}

// Facts is what a component row says of its software beyond its system
// and version: the same for the rows of one product in one export, so
// shared. Nothing may write into Facts a row points to.
type Facts struct {
	// Product is the product as written; Key is its resolved product key.
	Product string
	Key     string
	Name    string
	// Scheme is the version scheme that orders Version (a scheme.Lookup
	// name): the component's scheme column, else what the snapshot
	// decides from the product's scheme column, the purl type or the
	// vendor product table; "" when none did, and then an advisory's own
	// scheme, else generic, orders each comparison.
	Scheme  string
	Patches []string
	// Source is "inventory", "sbom:<file>" or "scan:<file>".
	Source string
}

// InstallDate is a component's install date, shared by the rows that
// give the same one. Nothing may write into an InstallDate a row points
// to.
type InstallDate struct {
	Installed time.Time
}

// UpdateDate is a component's last update date, shared by the rows that
// give the same one. Nothing may write into an UpdateDate a row points
// to.
type UpdateDate struct {
	Updated time.Time
}

// Flat is a component with every field its own, the way a decoder or a
// test writes one down; Component (or Parts.Component) makes the compact
// row of it.
type Flat struct {
	System    string
	Product   string
	Key       string
	Name      string
	Version   string
	Scheme    string
	Hosts     int
	Patches   []string
	Installed time.Time
	Updated   time.Time
	Source    string
	Pos       source.Pos
}

// Component returns the row of f with parts of its own, shared with no
// other row.
func (f Flat) Component() Component {
	fa := f.facts()
	return Component{Facts: &fa, InstallDate: &InstallDate{f.Installed}, UpdateDate: &UpdateDate{f.Updated},
		System: f.System, Version: f.Version, Hosts: f.Hosts, Pos: f.Pos}
}

func (f *Flat) facts() Facts {
	return Facts{Product: f.Product, Key: f.Key, Name: f.Name, Scheme: f.Scheme, Patches: f.Patches, Source: f.Source}
}

// Flat returns c with every field its own (Patches still shares its
// array with c's).
func (c *Component) Flat() Flat {
	return Flat{System: c.System, Product: c.Product, Key: c.Key, Name: c.Name, Version: c.Version, Scheme: c.Scheme,
		Hosts: c.Hosts, Patches: c.Patches, Installed: c.Installed, Updated: c.Updated, Source: c.Source, Pos: c.Pos}
}

// Own gives c parts of its own, copies of the ones it shares (Patches
// copied too), so that writing one of their fields through c (c.Key = …)
// changes no other row: for tests and tools that edit a row.
// Parts that are nil (a zero Component) become zero parts.
func (c *Component) Own() {
	f, in, up := Facts{}, InstallDate{}, UpdateDate{}
	if c.Facts != nil {
		f = *c.Facts
		if f.Patches != nil {
			f.Patches = append(make([]string, 0, len(f.Patches)), f.Patches...)
		}
	}
	if c.InstallDate != nil {
		in = *c.InstallDate
	}
	if c.UpdateDate != nil {
		up = *c.UpdateDate
	}
	c.Facts, c.InstallDate, c.UpdateDate = &f, &in, &up
}

// Components returns the rows of fs, each with parts of its own.
func Components(fs ...Flat) []Component {
	out := make([]Component, len(fs))
	for i, f := range fs {
		out[i] = f.Component()
	}
	return out
}
