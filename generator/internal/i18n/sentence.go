package i18n

// Sentencef formats the catalogue's key in both languages with args. An
// argument that is a Text is given in the language being formatted, so
// one argument list serves both (formats number their verbs, %[n]s, where
// the word orders differ).
func Sentencef(key string, args ...any) Text {
	return Text{JA: sentencef(JA, key, args), EN: sentencef(EN, key, args)}
}

// Countf is Sentencef for a sentence about n things: in English, when n
// is exactly one and the catalogue has key+".one", that singular form is
// used (Japanese needs none).
func Countf(key string, n int, args ...any) Text {
	en := key
	if n == 1 && Has(key+".one") {
		en = key + ".one"
	}
	return Text{JA: sentencef(JA, key, args), EN: sentencef(EN, en, args)}
}

func sentencef(lang Lang, key string, args []any) string {
	in := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(Text); ok {
			a = t.Get(lang)
		}
		in[i] = a
	}
	return Tf(lang, key, in...)
}
