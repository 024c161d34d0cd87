package i18n

import (
	"fmt"
	"io"
	"maps"
	"slices"
)

// catalog is every label, merged once from the per-area tables below; it
// is read-only after package initialisation.
var catalog = merge(coreMessages, siteMessages, pdfMessages, pdfBodyMessages, xlsxMessages, vocabMessages, reportMessages, scorecardMessages, listMessages, siteReportMessages, qualityMessages, cliMessages, attackMessages, signsMessages, sentenceMessages, modelMessages)

func merge(tables ...map[string]Text) map[string]Text {
	out := map[string]Text{}
	for _, t := range tables {
		for k, v := range t {
			if _, dup := out[k]; dup {
				panic(fmt.Sprintf("i18n: message %q defined twice", k))
			}
			out[k] = v
		}
	}
	return out
}

// T returns the label for key in lang. A missing key returns the key
// itself, so a gap shows in the output instead of failing it; a test checks
// that every key used exists in both languages.
func T(lang Lang, key string) string {
	if t, ok := catalog[key]; ok {
		return t.Get(lang)
	}
	return key
}

// Msg returns the bilingual text of key.
func Msg(key string) Text {
	if t, ok := catalog[key]; ok {
		return t
	}
	return Plain(key)
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	_, ok := catalog[key]
	return ok
}

// Keys returns every key, sorted.
func Keys() []string { return slices.Sorted(maps.Keys(catalog)) }

// Tf formats the label for key with args. An int argument printed with
// a plain %d gets thousands separators ("4,621", as Number writes it):
// every integer the catalogue prints is a count, a number of days or a
// rank, and a reader sees the same figure written the same way in the
// site, the PDF and the workbook whichever code formats it. (The year of
// "month" is passed as text.)
func Tf(lang Lang, key string, args ...any) string {
	return fmt.Sprintf(T(lang, key), counts(args)...)
}

// Appendf is Tf appending to b, for sentences assembled from several
// catalogue entries without a string for each part.
func Appendf(b []byte, lang Lang, key string, args ...any) []byte {
	return fmt.Appendf(b, T(lang, key), counts(args)...)
}

// counts returns args with every int made a count (a copy when one is).
func counts(args []any) []any {
	cloned := false
	for i, a := range args {
		if n, ok := a.(int); ok {
			if !cloned {
				args, cloned = slices.Clone(args), true
			}
			args[i] = count(n)
		}
	}
	return args
}

// Tn formats the label for key with the count n, its only argument; in
// English, when n is exactly one and the catalogue has key+".one", that
// singular form is used ("1 day", not "1 days").
func Tn(lang Lang, key string, n int) string {
	if lang == EN && n == 1 && Has(key+".one") {
		key += ".one"
	}
	return Tf(lang, key, n)
}

// count is an int argument of a catalogue text: %d and %v print it with
// thousands separators, any other verb, width or flag as an int.
type count int

func (c count) Format(f fmt.State, verb rune) {
	_, wide := f.Width()
	_, prec := f.Precision()
	if (verb == 'd' || verb == 'v') && !wide && !prec && !f.Flag('+') && !f.Flag('-') && !f.Flag('0') && !f.Flag(' ') && !f.Flag('#') {
		io.WriteString(f, Number(int(c)))
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), int(c))
}
