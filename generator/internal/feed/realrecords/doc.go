// Package realrecords holds end-to-end tests (issue 12 item 8): real,
// unchanged CVE 5 and NVD records from ../shared/realdata go through the
// whole analysis — feed readers, merge, scheme choice, matching,
// assessment — against components just inside and just outside every
// bound the records publish, and the findings are scored for precision
// and recall. The tests skip when the realdata folder is absent and fail
// when REALDATA=required.
package realrecords
