// Package site renders the report as a static, offline HTML site: a
// dashboard, the findings list (paged, filterable in the browser and fully
// readable without JavaScript), one page per system and per advisory, the
// lifecycle timeline, the remediation plan, trends, data quality, the method
// and the user's content pages, in every language of the report.
//
// The primary language (Report.Languages[0]) is at the output root, each
// other language under its code (en/). Below a language's root:
//
//	index.html                       dashboard
//	findings/index.html, page-N.html every finding; pages of at most 500 rows that never mix priorities
//	findings/h/<headline>.html       exactly the findings behind a dashboard figure (paged the same way),
//	                                 in short rows linking to the system pages, where each whole row is
//	systems.html, systems/<id>.html  systems; a system's findings continue in systems/<id>/page-N.html
//	advisories.html, advisories/<id>.html
//	lifecycle.html, plan.html, trends.html, quality.html, method.html
//	plan/<department>.html           a department's fix actions (d-<digest of its name>)
//	pages/<slug>.html                content/*.md
//
// and assets/site.css, assets/site.js at the output root. pathOf computes
// every path from ids; links are relative, so the site opens from a file
// share.
//
// Templates are html/template files (built in, overridable file by file);
// charts are inline SVG laid out from the chart package's descriptions; a
// Content-Security-Policy forbids anything not in the output folder. At
// scale, the pages repeated per finding list, system, advisory and
// department are written whole by fastpage.go and its neighbours, and the
// repeated row blocks of the other pages by fastrows.go, with
// html/template's escaping; TestFastRowsMatchTemplates checks both byte for
// byte against the templates, which stay the reference and take over when
// a user overrides any template a writer reproduces (read from the parse
// trees, tmplgraph.go, not listed by hand). Pages are rendered on
// every processor and written in a fixed order.
package site
