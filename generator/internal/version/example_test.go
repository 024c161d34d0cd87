package version_test

import (
	"fmt"

	"vulnreport/generator/internal/version"
)

func Example() {
	fmt.Println(version.Compare("2.5.10.1", "2.5.9"))
	fmt.Println(version.Compare("2.0.0-rc1", "2.0.0"))
	fmt.Println(version.Compare("1.0.2k", "1.0.2"))
	fmt.Println(version.MustParse("1.2").Equal(version.MustParse("v1.2.0")))
	// Output:
	// 1
	// -1
	// 1
	// true
}

func ExampleParseRange() {
	r, err := version.ParseRange(">= 2.3.5 <2.3.32 || 2.5.0")
	if err != nil {
		panic(err)
	}
	fmt.Println(r)
	fmt.Println(r.Contains(version.MustParse("2.3.31")), r.Contains(version.MustParse("2.3.32")))
	fmt.Println(r.MatchingClause(version.MustParse("2.5")))
	up, ok := r.Clauses[0].Upper()
	fmt.Println(up, ok)
	// Output:
	// >=2.3.5 <2.3.32 || =2.5.0
	// true false
	// 1
	// <2.3.32 true
}

func ExampleParse_error() {
	_, err := version.Parse("2.5.x")
	fmt.Println(err)
	// Output:
	// "2.5.x": not a version: segment "x" is a wildcard; write a range such as ">=2.5 <2.6" instead
}

func ExampleHasPrefixLine() {
	fmt.Println(version.HasPrefixLine(version.MustParse("2.5.26"), "2.5"))
	fmt.Println(version.HasPrefixLine(version.MustParse("2.50"), "2.5"))
	fmt.Println(version.HasPrefixLine(version.MustParse("10.0.19045"), "10"))
	// Output:
	// true
	// false
	// true
}
