// Package scaffold writes an empty snapshot for vulnreport init: a
// commented policy.yaml and every CSV file's header row, with a README.txt
// listing the Japanese headers each column also accepts. The header list is
// made from the loaders' alias tables, so it cannot disagree with them.
package scaffold

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// policyTemplate is the commented policy.yaml that init writes.
const policyTemplate = `# vulnreport policy / 方針設定
# 組織名 / organisation name
organization:
  ja: 株式会社サンプル
  en: Sample Corporation
report_title:
  ja: 月次脆弱性対応状況報告
  en: Monthly Vulnerability Status Report
# 基準日 (--as-of で上書き) / snapshot date (--as-of overrides; default today)
# as_of: 2026-11-30
# 言語 (先頭が主言語) / languages, the first is primary
languages: [ja, en]
# 機密区分 (全ページ・全シートに印字) / classification label printed on every page and sheet
classification:
  ja: 社外秘
  en: Confidential
# 優先度ごとの対応期限 (日) / SLA days by priority
sla_days: {P1: 7, P2: 30, P3: 90, P4: 180}
horizons:
  eol_warning_days: 180          # サポート終了の事前警告 / warn before end of life
  stale_inventory_days: 90       # 構成情報の鮮度 / inventory older than this is stale
  inspection_interval_days: 365  # ウェブサイトの脆弱性検査の間隔 / website inspection interval
  notification_ack_days: 3       # 第三者からの指摘への受領連絡 / acknowledge reports within
  acceptance_expiry_days: 30     # リスク受容の期限が近いとみなす日数 / acceptance expiring within
  due_soon_days: 14              # 期限が近い一覧 / "due soon" window
# リスク受容の最長期間 (日) / longest a risk acceptance may run (days)
max_acceptance_days: 365
# 一括指定 (*) の対応記録がこの件数を超える指摘事項に及ぶと確認事項に挙げる /
# a wildcard remediation record governing more findings than this is listed for review
wholesale_threshold: 20
# 優先度の閾値 / priority thresholds
thresholds:
  p1_cvss: 9.0
  p2_cvss: 7.0
  p2_epss: 0.1
  p3_cvss: 4.0
# バージョン体系 / version schemes
#   構成ソフトウェアのバージョンは製品の体系で比較します。体系は次の順に決まります:
#   A component's version is compared in its scheme, chosen in this order:
#     1. components.csv の scheme (バージョン体系) 列 / the component's scheme column
#     2. products.csv の scheme 列 / the product's scheme column
#     3. purl の種類 / the purl type: pkg:deb → deb, pkg:rpm → rpm, pkg:apk → apk,
#        pkg:npm・pkg:golang・pkg:cargo・pkg:nuget → semver, pkg:pypi → pep440, pkg:maven → maven, pkg:gem → gem
#     4. ベンダー製品の表 / the vendor product table: paloaltonetworks:pan-os → panos,
#        juniper:junos → junos, isc:bind → bind, gitlab:gitlab → gitlab, oracle:jdk・jre → java, apache:tomcat → tomcat, …
#     5. アドバイザリの versionType (CVE 5) / the advisory's own versionType
#     6. generic
#   体系名 / names: generic semver deb rpm apk pep440 maven gem panos junos bind gitlab java tomcat vmware cisco
#   例 / e.g. components.csv: fw01,paloaltonetworks:pan-os,PAN-OS,10.2.9-h1,,,,,panos
#   deb/rpm/apk のパッケージが上流のアドバイザリに該当したものは、バックポートの可能性があるため要確認です。
#   Distribution packages matched by upstream advisories need confirmation (backports).
# PDF のフォント (省略時は IPAex ゴシックを探す) / PDF font (default: IPAex Gothic)
# pdf:
#   font: /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf
`

// extraTemplates are the files init writes beside the CSV templates.
var extraTemplates = map[string]string{
	"feeds/README.txt": "Put public feeds here in their published formats: feeds/nvd, feeds/cve5, feeds/jvn, feeds/kev, feeds/epss, feeds/endoflife, feeds/osv (OSV JSON or an ecosystem all.zip), feeds/csaf (Red Hat CSAF/VEX).\n",
	"sbom/README.txt":  "Put SBOMs here as <system-id>.<anything>.json (CycloneDX or SPDX JSON).\n",
}

// Init writes an empty snapshot into dir. It refuses to overwrite files.
func Init(dir string, stdout io.Writer) error {
	files := map[string]string{"policy.yaml": policyTemplate}
	for _, f := range csvFiles {
		files[f.path] = f.headerRow()
	}
	for k, v := range extraTemplates {
		files[k] = v
	}
	// The headers of every file, Japanese ones included; README.txt is
	// no part of the snapshot's data.
	files["README.txt"] = initReadme()
	var names []string
	for k := range files {
		names = append(names, k)
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(k))); err == nil {
			return fmt.Errorf("init: %s already exists: not overwritten", filepath.Join(dir, k))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("init: %w", err)
		}
	}
	sortStrings(names)
	for _, k := range names {
		p := filepath.Join(dir, filepath.FromSlash(k))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		if err := os.WriteFile(p, []byte(files[k]), 0o644); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		fmt.Fprintln(stdout, "wrote", p)
	}
	fmt.Fprintf(stdout, "next: fill in the files, then run: vulnreport check --data %s\n", strings.TrimSuffix(dir, "/"))
	fmt.Fprintln(stdout, "components from an EDR or asset tool (millions of rows): reduce them where they live with docs/sql/reduce-endpoint-inventory.sql and write components.parquet (same columns) instead of components.csv")
	fmt.Fprintln(stdout, "EDR・資産管理ツールの構成情報 (数百万行) は、データ基盤で docs/sql/reduce-endpoint-inventory.sql により集約し、components.csv の代わりに components.parquet (同じ列) として置いてください")
	return nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
