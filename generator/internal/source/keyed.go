package source

import "vulnreport/generator/internal/i18n"

// Keyed diagnostics carry a stable message key of the i18n catalogue and
// its arguments beside the English message, so that check and build can
// print them in the policy's first language. Msg always holds the English
// text (logs, sorting, the report model); diagnostics without a key are
// shown in English in every language.

// ErrorK records an error at pos whose message is the catalogue's key.
func (d *Diagnostics) ErrorK(pos Pos, key string, args ...any) {
	d.list = append(d.list, Diagnostic{Pos: pos, Severity: Error, Msg: i18n.Tf(i18n.EN, key, args...), Key: key, Args: args})
}

// WarnK records a warning at pos whose message is the catalogue's key.
func (d *Diagnostics) WarnK(pos Pos, key string, args ...any) {
	d.list = append(d.list, Diagnostic{Pos: pos, Severity: Warning, Msg: i18n.Tf(i18n.EN, key, args...), Key: key, Args: args})
}

// Message returns the diagnostic's message in lang: the catalogue's text
// of its key, or its English message translated through the catalogue's
// formats (the English message when none matches).
func (d Diagnostic) Message(lang i18n.Lang) string {
	switch {
	case lang == i18n.EN:
		return d.Msg
	case d.Key == "":
		t, _ := i18n.Translate(lang, d.Msg)
		return t
	}
	return i18n.Tf(lang, d.Key, localize(lang, d.Args)...)
}

// Localized formats the diagnostic as "file:line:col: severity: message"
// with the message in lang. The severity stays "error" or "warning" in
// every language, so that tools and people can search for it.
func (d Diagnostic) Localized(lang i18n.Lang) string {
	return d.where().String() + ": " + d.Severity.String() + ": " + d.Message(lang)
}
