package attack

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestVerdictsRemembered: an identical request is judged once, and the
// remembered verdict is what a fresh transaction finds, for every real
// attack string, from an ordinary and from a loopback client (which the
// rule set treats apart).
func TestVerdictsRemembered(t *testing.T) {
	d := detector(t)
	for _, remote := range []string{"203.0.113.5", "127.0.0.1", "[::1]:4431"} {
		for _, a := range attacks {
			r := a.r
			r.Remote = remote
			first := d.Inspect(r)
			replayed, evaluated := d.Replayed(), d.Evaluated()
			again := d.Inspect(r)
			if d.Replayed() != replayed || d.Evaluated() != evaluated+1 {
				t.Errorf("%s from %s: replayed %d -> %d, evaluated %d -> %d", a.name, remote, replayed, d.Replayed(), evaluated, d.Evaluated())
			}
			fresh := d.evaluate(r)
			if !reflect.DeepEqual(first, again) || !reflect.DeepEqual(first, fresh) {
				t.Errorf("%s from %s: %+v, remembered %+v, fresh %+v", a.name, remote, first, again, fresh)
			}
			again.Rules = append(again.Rules[:0], -1) // a caller's change stays its own
			if m := d.Inspect(r); !reflect.DeepEqual(m, first) {
				t.Errorf("%s: a caller changed the remembered verdict: %+v", a.name, m)
			}
		}
	}
	// the memory is bounded: a full memory starts again
	for i := len(d.verdicts); i < maxVerdicts; i++ {
		d.verdicts[fmt.Sprint("filler", i)] = Match{}
	}
	d.Inspect(Request{Method: "GET", URI: "/x?id=1%27", Remote: "203.0.113.5"})
	if len(d.verdicts) != 1 {
		t.Errorf("%d verdicts kept", len(d.verdicts))
	}
	long := Request{Method: "GET", URI: "/x?q=" + strings.Repeat("a", maxVerdictKey) + "%27", Remote: "203.0.113.5"}
	d.Inspect(long)
	replayed := d.Replayed()
	d.Inspect(long)
	if d.Replayed() != replayed+1 {
		t.Errorf("the verdict of a request longer than %d bytes was kept", maxVerdictKey)
	}
}

// TestRequestsInOrder: requests read in chunks come out in line order.
func TestRequestsInOrder(t *testing.T) {
	n := 2*requestChunk + 7
	f := read(t, "access.log", monthLog(n))
	if len(f.Requests) != n || f.Read != n {
		t.Fatalf("%d requests of %d lines", len(f.Requests), n)
	}
	for i, r := range f.Requests {
		if r.Line != i+1 {
			t.Fatalf("request %d is line %d", i, r.Line)
		}
	}
}
