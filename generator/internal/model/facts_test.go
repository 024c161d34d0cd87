package model

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// fill sets every field of the struct v points to to a value of its own.
func fill(t *testing.T, v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(v.Type().Field(i).Name)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int, reflect.Uint8:
			if f.CanInt() {
				f.SetInt(int64(i + 1))
			} else {
				f.SetUint(uint64(i%4 + 1))
			}
		case reflect.Float64:
			f.SetFloat(float64(i) + 0.5)
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		case reflect.Struct:
			if f.Type() != reflect.TypeFor[time.Time]() {
				t.Fatalf("field %s: no filler", v.Type().Field(i).Name)
			}
			f.Set(reflect.ValueOf(time.Date(2026, 1, i+1, 0, 0, 0, 0, time.UTC)))
		default:
			t.Fatalf("field %s: no filler for %s", v.Type().Field(i).Name, f.Kind())
		}
	}
}

// TestFlatRoundTrip: every field of a Flat lands in the compact finding and
// comes back, and a finding's JSON is its Flat form's, field for field.
func TestFlatRoundTrip(t *testing.T) {
	var x Flat
	fill(t, reflect.ValueOf(&x).Elem())
	f := x.Finding()
	if got := f.Flat(); !reflect.DeepEqual(got, x) {
		t.Errorf("round trip lost fields:\n got %+v\nwant %+v", got, x)
	}
	a, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(x)
	if string(a) != string(b) {
		t.Errorf("JSON differs:\n%s\n%s", a, b)
	}
	var zero Finding
	if got := zero.Flat(); !reflect.DeepEqual(got, Flat{}) {
		t.Errorf("zero finding: %+v", got)
	}
	// Own copies the shared parts: writing through it leaves the other alone.
	g := f
	g.Own()
	g.CVSS, g.System, g.Clause, g.Owner = 1, "other", "other", "other"
	if f.CVSS == 1 || f.System == "other" || f.Clause == "other" || f.Owner == "other" {
		t.Error("Own left a part shared")
	}
}
