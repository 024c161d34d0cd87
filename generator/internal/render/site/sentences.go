package site

import (
	"sync"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/report"
)

// sentences holds the fix actions' sentences (report.Action.Sentence) in
// one language, each made the first time a page asks for it. The report
// makes a sentence on request, and an action's is shown on its
// department's page and again on its system's (and the first ten of a
// department on the plan): at scale a million sentences, half of them
// made twice without it. (Since plan.AppendTextIn a sentence allocates
// only its string, so the cache saves less than when it was written;
// whether it still pays for its 2 × 300k entries at 10k systems is
// unmeasured.)
type sentences struct {
	r    *report.Report
	lang i18n.Lang
	once []sync.Once
	text []string
}

func newSentences(r *report.Report, lang i18n.Lang) *sentences {
	return &sentences{r: r, lang: lang, once: make([]sync.Once, len(r.Actions)), text: make([]string, len(r.Actions))}
}

// of returns action ai's sentence.
func (s *sentences) of(ai int32) string {
	s.once[ai].Do(func() { s.text[ai] = s.r.Actions[ai].Sentence(s.lang) })
	return s.text[ai]
}
