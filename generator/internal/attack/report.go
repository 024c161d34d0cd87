package attack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
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

// Decode reads an attack-signs.json (an earlier month's, under history/),
// checking its schema: any 1.x version is read.
func Decode(data []byte) (Report, error) {
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		return Report{}, fmt.Errorf("not an attack-signs file: %w", err)
	}
	if !strings.HasPrefix(r.Schema, "vulnreport/attack-signs 1.") {
		return Report{}, fmt.Errorf("schema is %q, expected \"vulnreport/attack-signs 1.x\"", r.Schema)
	}
	return r, nil
}
