// Package lifecycle holds the support periods of product release lines and
// tells, as of one date, whether each installed component is supported,
// nearing its end of support, on security fixes only, past end of life,
// on paid extended support, or of unknown status.
package lifecycle

import (
	"time"

	"vulnreport/generator/internal/source"
)

// Cycle is the support period of one release line of a product.
type Cycle struct {
	// Product is as written; Key is the resolved product key.
	Product     string
	Key         string
	Cycle       string
	Released    time.Time
	SupportEnd  time.Time
	EOL         time.Time
	ExtendedEnd time.Time
	Latest      string
	// Origin is "lifecycle" for local records or "endoflife.date".
	Origin string
	Pos    source.Pos
}

// Aliases maps Japanese headers of lifecycle files to fields.
var Aliases = map[string]string{
	"製品": "product", "系列": "cycle", "バージョン系列": "cycle", "リリース日": "released", "公開日": "released",
	"サポート終了日": "support_end", "メインストリームサポート終了": "support_end", "サポート期限": "eol",
	"セキュリティサポート終了": "eol", "延長サポート終了": "extended_end", "最新版": "latest", "最新バージョン": "latest",
}

// Decode decodes one lifecycle record.
func Decode(rec source.Record, diags *source.Diagnostics) (Cycle, *source.Decoder) {
	d := source.NewDecoder("lifecycle", rec, diags)
	c := Cycle{Pos: rec.Pos, Origin: "lifecycle"}
	c.Product = d.String("product", true)
	c.Cycle = d.String("cycle", true)
	c.Released = d.Date("released", false)
	c.SupportEnd = d.Date("support_end", false)
	c.EOL = d.Date("eol", false)
	c.ExtendedEnd = d.Date("extended_end", false)
	c.Latest = d.String("latest", false)
	if !c.SupportEnd.IsZero() && !c.EOL.IsZero() && c.EOL.Before(c.SupportEnd) {
		d.Errorf("eol", "end of life %s is before the end of support %s", c.EOL.Format(source.DateLayout), c.SupportEnd.Format(source.DateLayout))
	}
	if !c.ExtendedEnd.IsZero() && !c.EOL.IsZero() && c.ExtendedEnd.Before(c.EOL) {
		d.Errorf("extended_end", "extended support end %s is before the end of life %s", c.ExtendedEnd.Format(source.DateLayout), c.EOL.Format(source.DateLayout))
	}
	return c, d
}
