package fetch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// StateFile is the file, under the snapshot's feeds/ folder, that records
// what fetch wrote and how far each feed has been fetched.
const StateFile = "FETCH.json"

// Schema names the format of FETCH.json.
const Schema = "vulnreport/fetch 1.0"

// State is FETCH.json: the provenance of every file fetch wrote and each
// feed's position, so that the next run fetches only what changed.
type State struct {
	Schema string `json:"schema"`
	// Tool is the vulnreport version that last wrote the file.
	Tool  string               `json:"tool,omitempty"`
	Feeds map[string]FeedState `json:"feeds"`
	// Files lists every file fetch wrote, by path relative to the snapshot.
	Files []FileRecord `json:"files"`
}

// FeedState is how far one feed has been fetched.
type FeedState struct {
	// UpTo is the end of the last window fetched (NVD: lastModEndDate;
	// JVN: the date of the last update query).
	UpTo time.Time `json:"up_to,omitzero"`
	// LastRun is when the feed was last fetched in full.
	LastRun time.Time `json:"last_run,omitzero"`
}

// FileRecord is the provenance of one fetched file.
type FileRecord struct {
	Path         string    `json:"path"`
	Feed         string    `json:"feed"`
	URL          string    `json:"url"`
	Fetched      time.Time `json:"fetched"`
	Checked      time.Time `json:"checked,omitzero"`
	Status       int       `json:"status"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256"`
	Size         int64     `json:"size"`
}

// ReadState reads FETCH.json from a snapshot's feeds folder. A missing
// file is an empty state; a file that is not a fetch state is an error,
// since writing over it would lose what it records.
func ReadState(dataDir string) (*State, error) {
	p := filepath.Join(dataDir, "feeds", StateFile)
	b, err := os.ReadFile(p)
	if os.IsNotExist(err) {
		return &State{Schema: Schema, Feeds: map[string]FeedState{}}, nil
	}
	if err != nil {
		return nil, err
	}
	st, err := DecodeState(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return st, nil
}

// DecodeState parses the bytes of FETCH.json.
func DecodeState(b []byte) (*State, error) {
	var st State
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&st); err != nil {
		return nil, fmt.Errorf("not a fetch state file: %w", err)
	}
	if st.Schema != Schema {
		return nil, fmt.Errorf("schema %q, expected %q", st.Schema, Schema)
	}
	if st.Feeds == nil {
		st.Feeds = map[string]FeedState{}
	}
	return &st, nil
}

// record returns the record of a path, or nil.
func (s *State) record(path string) *FileRecord {
	for i := range s.Files {
		if s.Files[i].Path == path {
			return &s.Files[i]
		}
	}
	return nil
}

// put adds or replaces the record of rec.Path.
func (s *State) put(rec FileRecord) {
	if r := s.record(rec.Path); r != nil {
		*r = rec
		return
	}
	s.Files = append(s.Files, rec)
}

// encode returns FETCH.json's bytes, files sorted by path.
func (s *State) encode() []byte {
	slices.SortFunc(s.Files, func(a, b FileRecord) int { return strings.Compare(a.Path, b.Path) })
	b, _ := json.MarshalIndent(s, "", "  ")
	return append(b, '\n')
}
