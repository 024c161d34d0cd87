// Package all lists the reader of every public feed format by the folder
// name under feeds/ that holds it.
package all

import "vulnreport/generator/internal/feed"

// Parsers returns the feed readers by kind. (Placeholder until the feed
// packages land; the feeds helper replaces this file.)
func Parsers() map[string]feed.Parser {
	return map[string]feed.Parser{}
}
