package source

import "vulnreport/generator/internal/i18n"

// Diagnostics in the policy's first language. A diagnostic recorded with
// Errorf or Warnf keeps its English text in Msg; its format string is its
// message id in the i18n catalogue (gettext style: the English format is
// the key, i18n's messages_diag.go gives the Japanese), and i18n.Translate
// recovers the arguments from the English text, translating the messages
// nested in it (a parser's reason inside a field's error) in turn. A
// diagnostic recorded with ErrorK or WarnK carries a catalogue key and its
// arguments.

// Translated reports whether the diagnostic has a text in the catalogue in
// every language: its key, or its English message matched against the
// catalogue's formats.
func (d Diagnostic) Translated() bool {
	if d.Key != "" {
		return i18n.Has(d.Key)
	}
	_, ok := i18n.Translate(i18n.JA, d.Msg)
	return ok
}

// localize translates the string and error arguments that are messages.
func localize(lang i18n.Lang, args []any) []any {
	out := args
	for i, a := range args {
		var s string
		switch v := a.(type) {
		case string:
			s = v
		case error:
			s = v.Error()
		default:
			continue
		}
		if t, ok := i18n.Translate(lang, s); ok && t != s {
			if &out[0] == &args[0] {
				out = append([]any(nil), args...)
			}
			out[i] = t
		}
	}
	return out
}
