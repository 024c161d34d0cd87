package epss

import (
	"testing"

	"vulnreport/generator/internal/feed/internal/feedtest"
)

// FuzzParse checks that no input makes the reader panic or break its counts.
func FuzzParse(f *testing.F) {
	f.Add([]byte("#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000\ncve,epss,percentile\nCVE-1999-0001,0.00383,0.73075\n"))
	f.Add([]byte("cve,epss,percentile\nCVE-2021-44228,1.2,x\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		feedtest.Parse(t, Parse, data)
	})
}
