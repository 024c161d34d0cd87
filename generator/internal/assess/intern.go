package assess

import "vulnreport/generator/internal/model"

// newReasonLists returns the interner of findings' reason lists: findings
// carry two or three reasons that repeat across thousands of findings
// ("CVSS 9.8 (9.0 以上)", "インターネット公開"), kept once per distinct
// list; the attack stage's append copies (model.Lists).
func newReasonLists() *model.Lists[model.Reason] {
	return &model.Lists[model.Reason]{Key: func(b []byte, r model.Reason) []byte {
		b = append(append(b, r.Code...), 0)
		b = append(append(b, r.Text.JA...), 0)
		return append(b, r.Text.EN...)
	}}
}
