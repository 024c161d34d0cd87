package jvn

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"

	"vulnreport/generator/internal/version"
)

var (
	// trailingNote is a parenthesised note at the end: "（CVE-2025-0354）".
	trailingNote = regexp.MustCompile(`\s*\([^()]*\)\s*$`)
	// allPattern means every version.
	allPattern = regexp.MustCompile(`(?i)^(全て|すべて|総て|全)(の?(バージョン|版))?$|^all( versions)?$|^any versions?$`)
	// pairPattern is a lower and an upper bound: "X 以上 Y 未満".
	pairPattern = regexp.MustCompile(`(?i)^(.+?)\s*(以上|以降|and later|or later)[\s,、]*(.+?)\s*(未満|より前|よりも前|以下|以前|およびそれ以前|及びそれ以前|まで)$`)
	// spanPattern is "X から Y (まで)", "X 〜 Y", "X to Y", "X through Y", "X - Y".
	spanPattern = regexp.MustCompile(`(?i)^(.+?)\s*(?:から|〜|~|\s-\s|\sto\s|\sthrough\s)\s*(.+?)\s*(?:まで)?$`)
	// upToPattern is an inclusive upper bound: "X およびそれ以前".
	upToPattern = regexp.MustCompile(`(?i)^(.+?)\s*(およびそれ以前|及びそれ以前|ならびにそれ以前|並びにそれ以前|とそれ以前|およびそれより前|以前|以下|まで|and earlier|and prior|or earlier|or prior|and below|or below|and older|or older)$`)
	// beforePattern is an exclusive upper bound after the version: "X より前".
	beforePattern = regexp.MustCompile(`(?i)^(.+?)\s*(より前|よりも前|未満|より以前)$`)
	// beforeWords is an exclusive upper bound before the version: "before X".
	beforeWords = regexp.MustCompile(`(?i)^(?:versions?\s+)?(?:before|prior to|earlier than|older than|lower than|below)\s+(.+)$`)
	// fromPattern is a lower bound: "X 以降".
	fromPattern = regexp.MustCompile(`(?i)^(.+?)\s*(以降|以上|and later|or later|and above|or above|and newer|or newer)$`)
	// versionPrefix is wording before a version number.
	versionPrefix = regexp.MustCompile(`(?i)^(ファームウェア\s*バージョン|ファームウェア|ソフトウェア\s*バージョン|バージョン|version|ver\.?|rev\.?|firmware)\s*`)
	// versionSuffix is wording after a phrase: "のバージョン", "の各バージョン".
	versionSuffix = regexp.MustCompile(`(?i)\s*(の|の各|の全ての|のすべての)?\s*(バージョン|版|versions?)$`)
)

// RangeOf turns JVN's free-text affected versions into a range
// expression. The text is normalised first (NFKC, so full-width digits and
// brackets become ASCII; a trailing note in brackets, such as the CVE ids
// a line applies to, is dropped; "のバージョン" and "versions" at the end are
// dropped). Then, with X and Y versions (an optional "Ver.", "バージョン" or
// "ファームウェアバージョン" before them is ignored):
//
//	全てのバージョン, すべてのバージョン, all versions    → *
//	X 以上 Y 未満 (以降 / より前, 以下, 以前 …)         → >=X <Y (<=Y)
//	X から Y (まで), X 〜 Y, X to Y, X through Y, X - Y → >=X <=Y
//	X およびそれ以前, X 以前, X 以下, X and earlier     → <=X
//	X より前, X 未満, before X, prior to X              → <X
//	X 以降, X 以上, X and later                          → >=X
//	X                                                    → =X
//
// Several phrases separated by "、", "," or new lines join with " || ".
// ok is false when any part is not one of these forms or names something
// that is not a version ("v6 R4", "for Windows 5.8 (Build 1575) 未満"): the
// caller keeps the original text as free text that needs confirmation.
func RangeOf(text string) (expr string, ok bool) {
	s := norm.NFKC.String(strings.TrimSpace(text))
	if s == "" {
		return "", false
	}
	var clauses []string
	for _, part := range splitPhrases(s) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		c, ok := phrase(part)
		if !ok {
			return "", false
		}
		clauses = append(clauses, c)
	}
	if len(clauses) == 0 {
		return "", false
	}
	expr = strings.Join(clauses, " || ")
	if _, err := version.ParseRange(expr); err != nil {
		return "", false
	}
	return expr, true
}

// splitPhrases splits text at "、", ",", ";" and new lines outside brackets.
func splitPhrases(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		case '、', ',', ';', '\n':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + len(string(r))
			}
		}
	}
	return append(out, s[start:])
}

// phrase converts one phrase.
func phrase(s string) (string, bool) {
	for {
		t := trailingNote.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	s = strings.TrimSpace(versionSuffix.ReplaceAllString(s, ""))
	if allPattern.MatchString(s) {
		return "*", true
	}
	if m := pairPattern.FindStringSubmatch(s); m != nil {
		lo, ok1 := ver(m[1])
		hi, ok2 := ver(m[3])
		if ok1 && ok2 {
			op := "<="
			switch m[4] {
			case "未満", "より前", "よりも前":
				op = "<"
			}
			return ">=" + lo + " " + op + hi, true
		}
	}
	if m := spanPattern.FindStringSubmatch(s); m != nil {
		lo, ok1 := ver(m[1])
		hi, ok2 := ver(m[2])
		if ok1 && ok2 {
			return ">=" + lo + " <=" + hi, true
		}
	}
	if m := upToPattern.FindStringSubmatch(s); m != nil {
		v, ok := ver(m[1])
		return "<=" + v, ok
	}
	if m := beforePattern.FindStringSubmatch(s); m != nil {
		v, ok := ver(m[1])
		return "<" + v, ok
	}
	if m := beforeWords.FindStringSubmatch(s); m != nil {
		v, ok := ver(m[1])
		return "<" + v, ok
	}
	if m := fromPattern.FindStringSubmatch(s); m != nil {
		v, ok := ver(m[1])
		return ">=" + v, ok
	}
	v, ok := ver(s)
	return "=" + v, ok
}

// ver reads a version, ignoring wording before it.
func ver(s string) (string, bool) {
	s = strings.TrimSpace(versionSuffix.ReplaceAllString(strings.TrimSpace(s), ""))
	s = strings.TrimSpace(versionPrefix.ReplaceAllString(s, ""))
	if s == "" || strings.ContainsAny(s, " \t") {
		return "", false
	}
	if _, err := version.Parse(s); err != nil {
		return "", false
	}
	return s, true
}
