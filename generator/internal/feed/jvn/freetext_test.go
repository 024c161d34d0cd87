package jvn

import (
	"testing"

	"vulnreport/generator/internal/version"
)

func TestRangeOf(t *testing.T) {
	tests := []struct {
		text, want string
		ok         bool
	}{
		{"2.5.10 およびそれ以前", "<=2.5.10", true},
		{"ファームウェアバージョン 1.05およびそれ以前", "<=1.05", true},
		{"v6 R4 およびそれ以前のバージョン", "", false},
		{"7.6.2より前のバージョン", "<7.6.2", true},
		{"Ver.1.2.4より前のバージョン（CVE-2025-0354、CVE-2025-0355）", "<1.2.4", true},
		{"バージョン 3.0 未満", "<3.0", true},
		{"３．１．２以前", "<=3.1.2", true},
		{"2.0 から 2.3 まで", ">=2.0 <=2.3", true},
		{"1.0〜1.9", ">=1.0 <=1.9", true},
		{"1.0～1.9", ">=1.0 <=1.9", true},
		{"4.0 以上 4.2 未満", ">=4.0 <4.2", true},
		{"4.0以降 4.2以前", ">=4.0 <=4.2", true},
		{"8.0 以降", ">=8.0", true},
		{"全てのバージョン", "*", true},
		{"すべてのバージョン", "*", true},
		{"All versions", "*", true},
		{"2.5.10 and earlier", "<=2.5.10", true},
		{"versions prior to 3.2", "<3.2", true},
		{"before 1.4.0", "<1.4.0", true},
		{"2.0 to 2.4", ">=2.0 <=2.4", true},
		{"8.1", "=8.1", true},
		{"バージョン 8.1.2", "=8.1.2", true},
		{"7.7、8.0、8.1", "=7.7 || =8.0 || =8.1", true},
		{"1.0 および 1.1", "", false},
		{"for Windows 5.8 (Build 1575) 未満", "", false},
		{"2.0 から 1.0", "", false}, // bounds exclude each other
		{"", "", false},
		{"詳細はベンダ情報を参照してください", "", false},
	}
	for _, tt := range tests {
		got, ok := RangeOf(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("RangeOf(%q) = (%q, %v), want (%q, %v)", tt.text, got, ok, tt.want, tt.ok)
			continue
		}
		if ok {
			if _, err := version.ParseRange(got); err != nil {
				t.Errorf("RangeOf(%q) = %q: %v", tt.text, got, err)
			}
		}
	}
}
