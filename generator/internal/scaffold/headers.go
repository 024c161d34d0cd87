package scaffold

import (
	"fmt"
	"slices"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/notification"
	"vulnreport/generator/internal/remediation"
	"vulnreport/generator/internal/snapshot"
)

// csvFile is one CSV file of the contract: the header row init writes and
// the table of other headers (Japanese ones) accepted for its fields.
type csvFile struct {
	path    string
	fields  []string
	aliases map[string]string
}

// csvFiles lists the CSV files init writes, with their alias tables: the
// README's header list and init's README.txt are made from it.
var csvFiles = []csvFile{
	{"systems.csv", strings.Split("id,name.ja,name.en,category,exposure,data,criticality,owner,contact,hosts,contractor,contract.maintenance_until,contract.known_vuln_fix_free,contract.inspection_included,contract.emergency_costs_agreed,contract.post_delivery_fixes,last_inspection,inventory_updated,replacement_planned,status,tags", ","), inventory.SystemAliases},
	{"components.csv", strings.Split("system,product,name,version,hosts,patches,installed,updated,scheme", ","), inventory.ComponentAliases},
	{"products.csv", strings.Split("key,name.ja,name.en,aliases,scheme", ","), snapshot.ProductAliases},
	{"lifecycle.csv", strings.Split("product,cycle,released,support_end,eol,extended_end,latest", ","), lifecycle.Aliases},
	{"remediation.csv", strings.Split("id,system,advisory,product,stage,action,owner,planned,completed,due,service_stop_hours,tested,approved_by,justification,expires,ticket,cost,notes", ","), remediation.Aliases},
	{"notifications.csv", strings.Split("id,received,from,system,summary,acknowledged,status,advisory", ","), notification.Aliases},
	{"changes.csv", strings.Split("id,system,product,from_version,to_version,date,ticket,notes", ","), inventory.ChangeAliases},
	{"advisories/advisories.csv", strings.Split("id,aliases,title.ja,title.en,summary.ja,summary.en,source,published,updated,cvss.version,cvss.vector,cvss.score,affected.product,affected.versions,fixed,workaround,exploited,epss.score,epss.percentile,references", ","), advisory.Aliases},
}

// headerRow is the header row init writes for f.
func (f csvFile) headerRow() string { return strings.Join(f.fields, ",") + "\r\n" }

// columns lists f's fields, in the template's order and then the other
// fields an alias names, each with its Japanese headers.
func (f csvFile) columns() [][2]string {
	fields := slices.Clone(f.fields)
	byField := map[string][]string{}
	for alias, field := range f.aliases {
		if alias == field {
			continue
		}
		if !slices.Contains(fields, field) {
			fields = append(fields, field)
		}
		byField[field] = append(byField[field], displayHeader(alias))
	}
	slices.Sort(fields[len(f.fields):])
	var out [][2]string
	for _, k := range fields {
		hs := byField[k]
		slices.Sort(hs)
		out = append(out, [2]string{k, strings.Join(hs, ", ")})
	}
	return out
}

// displayHeader writes an alias as a person would type it ("システムID"
// rather than the folded "システムid"); both are accepted.
func displayHeader(alias string) string {
	for _, w := range []string{"id", "cvss", "cve"} {
		if strings.HasSuffix(alias, w) || strings.HasPrefix(alias, w) && len(alias) > len(w) {
			alias = strings.Replace(alias, w, strings.ToUpper(w), 1)
		}
	}
	return alias
}

// HeaderList returns the CSV headers of every file, Japanese ones beside
// each field, as Markdown for the README (markdown) or as plain text for
// the README.txt init writes.
func HeaderList(markdown bool) string {
	var b strings.Builder
	for _, f := range csvFiles {
		if markdown {
			fmt.Fprintf(&b, "- `%s`:", f.path)
		} else {
			fmt.Fprintf(&b, "%s\n", f.path)
		}
		for i, c := range f.columns() {
			switch {
			case markdown && i > 0:
				b.WriteString(";")
			}
			switch {
			case markdown && c[1] != "":
				fmt.Fprintf(&b, " `%s` (%s)", c[0], c[1])
			case markdown:
				fmt.Fprintf(&b, " `%s`", c[0])
			case c[1] != "":
				fmt.Fprintf(&b, "  %-34s %s\n", c[0], c[1])
			default:
				fmt.Fprintf(&b, "  %s\n", c[0])
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// initReadme is the README.txt init writes beside the templates.
func initReadme() string {
	return "CSV の列名 / CSV headers\r\n" +
		"各ファイルの 1 行目には英語の列名か、右に並べた日本語の列名のどちらでも書けます (大文字小文字・全角半角は区別しません)。\r\n" +
		"Each file's first row may use the English name or any Japanese header listed beside it (case and full/half width do not matter).\r\n" +
		"日付は YYYY-MM-DD, YYYY/M/D, YYYY-M-D / Dates: YYYY-MM-DD, YYYY/M/D or YYYY-M-D.\r\n" +
		"文字コードは UTF-8 (BOM 可) か Shift_JIS (CP932)。「Unicode テキスト」(UTF-16) は「CSV UTF-8 (コンマ区切り)」で保存し直してください。\r\n" +
		"Encodings: UTF-8 (with or without BOM) or Shift_JIS (CP932); save Excel's \"Unicode Text\" (UTF-16) as \"CSV UTF-8\".\r\n\r\n" +
		strings.ReplaceAll(HeaderList(false), "\n", "\r\n")
}
