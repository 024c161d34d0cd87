package plan

import (
	"strconv"
	"strings"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// Text returns the one-line instruction for an action, in both languages
// (the sentences are the catalogue's action_text.* keys).
func Text(a Action, system i18n.Text, productName string) i18n.Text {
	return i18n.Text{JA: TextIn(i18n.JA, &a, system, productName), EN: TextIn(i18n.EN, &a, system, productName)}
}

// TextIn is Text in one language.
func TextIn(lang i18n.Lang, a *Action, system i18n.Text, productName string) string {
	var buf [320]byte
	return string(AppendTextIn(buf[:0], lang, a, system, productName))
}

// AppendTextIn appends TextIn's sentence to b. A plan has an action per
// product version and system, hundreds of thousands at scale, and every
// output shows each one's sentence: the catalogue's formats are filled in
// here without fmt (appendFormat), so that a sentence allocates nothing
// of its own.
func AppendTextIn(b []byte, lang i18n.Lang, a *Action, system i18n.Text, productName string) []byte {
	key := sentenceKey(a)
	b = appendf(b, lang, key, str(system.Get(lang)), str(productName), str(a.Version), str(a.Patches), str(a.TargetText.Get(lang)))
	if key == "action_text.upgrade" && a.EOL {
		b = append(b, i18n.T(lang, "action_text.other_line")...)
	}
	closes := "action_text.closes"
	if len(a.Findings) == 1 && lang == i18n.EN {
		closes = "action_text.closes.one"
	}
	b = appendf(b, lang, closes, num(len(a.Findings)), str(a.TopPriority.String()))
	if !a.Due.IsZero() {
		var d [16]byte
		b = appendf(b, lang, "action_text.due", bytesArg(a.Due.AppendFormat(d[:0], "2006-01-02")))
	}
	return b
}

// sentenceKey is the catalogue key of a's sentence.
func sentenceKey(a *Action) string {
	switch {
	case a.Kind == model.ActionReplace && a.TargetOpen:
		return "action_text.replace_open"
	case a.Kind == model.ActionReplace:
		return "action_text.replace"
	case a.Kind == model.ActionConfirm && a.TargetOpen:
		return "action_text.confirm_open"
	case a.Kind == model.ActionConfirm:
		return "action_text.confirm"
	case a.Kind == model.ActionPatch:
		return "action_text.patch"
	}
	return "action_text.upgrade"
}

// arg is an argument of a catalogue format: a text (s, or the bytes bs)
// or a count, which %d prints with thousands separators as i18n.Appendf
// prints an int.
type arg struct {
	s     string
	bs    []byte
	n     int
	isNum bool
}

func str(s string) arg      { return arg{s: s} }
func bytesArg(b []byte) arg { return arg{bs: b} }
func num(n int) arg         { return arg{n: n, isNum: true} }
func (a arg) text(b []byte) []byte {
	if a.bs != nil {
		return append(b, a.bs...)
	}
	return append(b, a.s...)
}

// appendf is i18n.Appendf of key with args: appendFormat when the format
// is one it writes exactly as fmt does, else fmt through i18n.Appendf.
func appendf(b []byte, lang i18n.Lang, key string, args ...arg) []byte {
	if out, ok := appendFormat(b, i18n.T(lang, key), args); ok {
		return out
	}
	// The texts are copied, so that args (on the caller's stack) do not
	// escape through fmt's interfaces.
	in := make([]any, len(args))
	for i, a := range args {
		switch {
		case a.isNum:
			in[i] = a.n
		case a.bs != nil:
			in[i] = string(a.bs)
		default:
			in[i] = strings.Clone(a.s)
		}
	}
	return i18n.Appendf(b, lang, key, in...)
}

// appendFormat appends format filled in with args as fmt.Appendf does,
// for the verbs the catalogue's sentences use: %s of a text, %d of a
// count (i18n.Number's digits), either with an argument index (%[2]s),
// and %%. It returns false, having appended nothing, for anything else
// (flags, widths, other verbs, a verb without its argument, arguments
// left over that fmt would report), which the caller leaves to fmt.
func appendFormat(b []byte, format string, args []arg) ([]byte, bool) {
	start, argNum, reordered := len(b), 0, false
	for {
		i := strings.IndexByte(format, '%')
		if i < 0 {
			b = append(b, format...)
			break
		}
		b = append(b, format[:i]...)
		format = format[i+1:]
		if strings.HasPrefix(format, "%") {
			b = append(b, '%')
			format = format[1:]
			continue
		}
		if strings.HasPrefix(format, "[") {
			end := strings.IndexByte(format, ']')
			n, err := strconv.Atoi(format[1:max(end, 1)])
			if end < 0 || err != nil || n < 1 || n > len(args) || format[1] == '+' || format[1] == '-' {
				return b[:start], false
			}
			argNum, reordered, format = n-1, true, format[end+1:]
		}
		if format == "" || argNum >= len(args) {
			return b[:start], false
		}
		a := args[argNum]
		switch {
		case format[0] == 's' && !a.isNum:
			b = a.text(b)
		case format[0] == 'd' && a.isNum:
			b = appendNumber(b, a.n)
		default:
			return b[:start], false
		}
		format, argNum = format[1:], argNum+1
	}
	if !reordered && argNum < len(args) {
		return b[:start], false
	}
	return b, true
}

// appendNumber appends n as i18n.Number writes it: thousands separated by
// commas.
func appendNumber(b []byte, n int) []byte {
	var d [24]byte
	digits := strconv.AppendInt(d[:0], int64(n), 10)
	if digits[0] == '-' {
		b = append(b, '-')
		digits = digits[1:]
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return b
}
