// Package i18n holds bilingual text and the one message catalogue that the
// site, PDF and workbook renderers share, so that every label exists in
// Japanese and English and reads the same in every output.
package i18n

// Lang is a language code: "ja" or "en".
type Lang string

// The supported languages.
const (
	JA Lang = "ja"
	EN Lang = "en"
)

// Supported lists the languages in the order they are tried as fallbacks.
var Supported = []Lang{JA, EN}

// Valid reports whether l is a supported language.
func (l Lang) Valid() bool { return l == JA || l == EN }

// Text is user text in Japanese and English. Either may be empty; Get
// falls back to the other so that nothing the user wrote is lost.
type Text struct {
	JA string `json:"ja,omitempty"`
	EN string `json:"en,omitempty"`
}

// Plain returns a Text with the same string in both languages.
func Plain(s string) Text { return Text{JA: s, EN: s} }

// Get returns the text in lang, or in the other language when missing.
func (t Text) Get(lang Lang) string {
	if lang == EN {
		if t.EN != "" {
			return t.EN
		}
		return t.JA
	}
	if t.JA != "" {
		return t.JA
	}
	return t.EN
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.JA == "" && t.EN == "" }

// String returns the Japanese text, or the English one.
func (t Text) String() string { return t.Get(JA) }
