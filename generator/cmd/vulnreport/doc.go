// Command vulnreport builds an organisation's monthly vulnerability report
// from a snapshot folder: a static intranet site in Japanese and English, a
// management PDF, an Excel workbook, findings.json / findings.csv and a
// manifest that make the month's audit evidence.
//
// Usage:
//
//	vulnreport build [--data DIR] [--out DIR] [--content DIR] [--templates DIR]
//	                 [--as-of YYYY-MM-DD] [--lang ja,en] [--formats all] [--strict] [--package]
//	vulnreport check [--data DIR]
//	vulnreport init DIR
//	vulnreport verify DIR|evidence.zip
//	vulnreport import-plan WORKBOOK [--data DIR] [--dry-run]
//	vulnreport version
//
// build reads the snapshot (default data/), matches advisories to installed
// software, ranks and tracks every finding as of the date (--as-of, else the
// policy's as_of, else today), renders every output and publishes them into
// --out (default output/) atomically: the previous output is replaced only
// when the new one is complete. A record with an error is rejected, counted
// and listed in every output's data-quality section, and the build goes on;
// a file that cannot be read at all, or an invalid policy, stops the build.
//
// check validates the snapshot only and prints every diagnostic as
// file:line:col: severity: message, then the per-file counts of records
// read, accepted and rejected.
//
// Exit codes: 0 success; 1 when a build stopped, when check or build
// --strict rejected records, or when verify found a difference; 2 on usage
// errors.
package main
