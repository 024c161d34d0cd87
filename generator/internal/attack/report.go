package attack

import (
	"bytes"
	"encoding/json"
	"time"
)

// Schema names the attack-signs.json format (documented in the README).
const Schema = "vulnreport/attack-signs 1.0"

// Report is attack-signs.json: every system's signs for the month.
type Report struct {
	Schema  string        `json:"schema"`
	AsOf    string        `json:"as_of"`
	Systems []SystemSigns `json:"systems"`
}

// Encode writes the report deterministically.
func Encode(asOf time.Time, systems []SystemSigns) ([]byte, error) {
	if systems == nil {
		systems = []SystemSigns{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(Report{Schema: Schema, AsOf: asOf.Format("2006-01-02"), Systems: systems}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
