// Package scheme holds the version schemes of issue 12: one named
// ordering per ecosystem or vendor, so that a version is compared the way
// the party that wrote it orders its releases. Package version stays the
// default ("generic") ordering.
//
// See the README section "Versions and ranges" for the table of schemes;
// each scheme's file documents its grammar and ordering.
package scheme
