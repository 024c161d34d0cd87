package app

import (
	"strings"

	"vulnreport/generator/internal/i18n"
)

// StopError says the snapshot cannot be built at all. Reasons are
// "file: reason" lines in English (the catalogue's message ids); Error
// gives them in English, Localized in Lang, the language the build's
// diagnostics are printed in.
type StopError struct {
	Reasons []string
	Lang    i18n.Lang
}

// Error returns the reasons in English.
func (e *StopError) Error() string { return e.text(i18n.EN) }

// Localized returns the reasons in e.Lang (English when unset).
func (e *StopError) Localized() string {
	if e.Lang == "" {
		return e.Error()
	}
	return e.text(e.Lang)
}

func (e *StopError) text(lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString(i18n.T(lang, "cli.stopped"))
	for _, r := range e.Reasons {
		b.WriteString("\n  ")
		b.WriteString(stopReason(lang, r))
	}
	return b.String()
}

// stopReason translates one "file: reason" line, keeping the file.
func stopReason(lang i18n.Lang, line string) string {
	if lang == i18n.EN {
		return line
	}
	if file, reason, ok := strings.Cut(line, ": "); ok && !strings.Contains(file, " ") {
		if t, ok := i18n.Translate(lang, reason); ok {
			return file + ": " + t
		}
	}
	if t, ok := i18n.Translate(lang, line); ok {
		return t
	}
	return line
}
