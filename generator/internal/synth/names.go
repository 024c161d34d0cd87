package synth

// dept is an owning department: its Japanese name, an English name and a
// mail-box name for contacts.
type dept struct{ ja, en, mail string }

// departments are the ~30 owners systems are spread over.
var departments = []dept{
	{"総務部", "General Affairs", "somu"}, {"人事部", "Human Resources", "jinji"}, {"経理部", "Accounting", "keiri"},
	{"財務部", "Finance", "zaimu"}, {"法務部", "Legal", "homu"}, {"広報部", "Public Relations", "koho"},
	{"経営企画部", "Corporate Planning", "keikaku"}, {"内部監査室", "Internal Audit", "kansa"},
	{"情報システム部", "IT Department", "joshis"}, {"情報セキュリティ室", "Information Security", "security"},
	{"第一営業部", "Sales Div. 1", "eigyo1"}, {"第二営業部", "Sales Div. 2", "eigyo2"},
	{"海外事業部", "International Business", "kaigai"}, {"マーケティング部", "Marketing", "marketing"},
	{"カスタマーサポート部", "Customer Support", "support"}, {"製造部", "Manufacturing", "seizo"},
	{"生産技術部", "Production Engineering", "seigi"}, {"品質保証部", "Quality Assurance", "hinsho"},
	{"研究開発部", "Research and Development", "kaihatsu"}, {"設計部", "Design", "sekkei"},
	{"購買部", "Procurement", "kobai"}, {"物流部", "Logistics", "butsuryu"}, {"施設管理部", "Facilities", "shisetsu"},
	{"安全衛生室", "Health and Safety", "anzen"}, {"知的財産部", "Intellectual Property", "chizai"},
	{"事業開発部", "Business Development", "jigyo"}, {"技術本部", "Engineering Headquarters", "gijutsu"},
	{"東日本支社", "East Japan Branch", "higashi"}, {"西日本支社", "West Japan Branch", "nishi"},
	{"九州営業所", "Kyushu Office", "kyushu"},
}

// surnames name the people in contacts and remediation records.
var surnames = []string{
	"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
	"吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水",
}

// contractors are the fictional companies systems are outsourced to.
var contractors = []string{
	"株式会社さくらシステムズ", "株式会社みなとソリューションズ", "東都情報サービス株式会社", "株式会社ひかりウェブ制作",
	"株式会社アオバテクノロジー", "北陸データ株式会社", "株式会社ミライネット", "株式会社ABCシステムズ",
	"大和システム開発株式会社", "株式会社しらかば情報", "株式会社コスモ電算", "有限会社いずみソフト",
	"株式会社ヤマトクラウド", "株式会社なぎさインテグレーション", "中央ITサービス株式会社",
}

// systemKinds name systems of each category: Japanese, English.
var systemKinds = map[string][][2]string{
	"website": {
		{"コーポレートサイト", "corporate website"}, {"採用サイト", "recruitment site"}, {"製品情報サイト", "product site"},
		{"オンライン受注サイト", "online ordering site"}, {"会員サイト", "member site"}, {"キャンペーンサイト", "campaign site"},
		{"問い合わせ窓口", "contact portal"}, {"IRサイト", "investor relations site"}, {"取引先ポータル", "partner portal"},
	},
	"internal": {
		{"会計システム", "accounting system"}, {"人事給与システム", "HR and payroll system"}, {"勤怠管理システム", "attendance system"},
		{"販売管理システム", "sales management system"}, {"生産管理システム", "production control system"},
		{"在庫管理システム", "inventory system"}, {"文書管理システム", "document management system"},
		{"ファイルサーバ", "file server"}, {"グループウェア", "groupware"}, {"ワークフロー", "workflow system"},
		{"データ分析基盤", "analytics platform"}, {"認証基盤", "directory service"}, {"メールサーバ", "mail server"},
		{"CADサーバ", "CAD server"}, {"品質記録システム", "quality records system"}, {"購買システム", "purchasing system"},
	},
	"client": {
		{"事務用PC", "office PCs"}, {"設計用PC", "design workstations"}, {"営業用ノートPC", "sales laptops"},
		{"工場端末", "factory terminals"}, {"会議室端末", "meeting room PCs"}, {"検査用PC", "inspection PCs"},
	},
	"other": {
		{"NAS", "NAS"}, {"複合機", "multifunction printers"}, {"UTM", "UTM appliance"}, {"コアスイッチ", "core switch"},
		{"無線LANコントローラ", "wireless LAN controller"}, {"VPN装置", "VPN gateway"}, {"監視カメラ録画装置", "camera recorder"},
		{"入退室管理装置", "door access controller"},
	},
}

// tagWords are the tags systems carry.
var tagWords = []string{"基幹", "ec", "個人情報", "委託", "クラウド", "オンプレミス", "pci", "重要インフラ", "テレワーク", "工場", "監査対象", "bcp"}

// vulnType is a kind of weakness: Japanese, English and a CWE id.
type vulnType struct{ ja, en, cwe string }

var vulnTypes = []vulnType{
	{"クロスサイトスクリプティング", "Cross-site scripting", "CWE-79"},
	{"SQLインジェクション", "SQL injection", "CWE-89"},
	{"OSコマンドインジェクション", "OS command injection", "CWE-78"},
	{"バッファオーバーフロー", "Buffer overflow", "CWE-120"},
	{"境界外書き込み", "Out-of-bounds write", "CWE-787"},
	{"境界外読み取り", "Out-of-bounds read", "CWE-125"},
	{"解放済みメモリの使用", "Use after free", "CWE-416"},
	{"パストラバーサル", "Path traversal", "CWE-22"},
	{"認証回避", "Authentication bypass", "CWE-287"},
	{"権限昇格", "Privilege escalation", "CWE-269"},
	{"サービス運用妨害 (DoS)", "Denial of service", "CWE-400"},
	{"情報漏えい", "Information disclosure", "CWE-200"},
	{"信頼できないデータのデシリアライゼーション", "Deserialization of untrusted data", "CWE-502"},
	{"クロスサイトリクエストフォージェリ", "Cross-site request forgery", "CWE-352"},
	{"サーバサイドリクエストフォージェリ", "Server-side request forgery", "CWE-918"},
	{"不適切な入力確認", "Improper input validation", "CWE-20"},
	{"リモートコード実行", "Remote code execution", "CWE-94"},
	{"XML外部実体参照 (XXE)", "XML external entity injection", "CWE-611"},
}

// workarounds are the workaround texts of some advisories.
var workarounds = []string{
	"該当機能を無効化する。", "管理画面へのアクセスを信頼できるネットワークに制限する。",
	"WAF のシグネチャを更新し、該当リクエストを遮断する。", "該当ポートをファイアウォールで遮断する。",
	"設定ファイルで該当モジュールを読み込まないようにする。", "ベンダーが提供する緩和策スクリプトを適用する。",
}

// Vendor and product words for the synthetic part of the catalog: the
// vendors are fictional, in CPE style (lower case, '_' for spaces).
var (
	synthVendors = []string{
		"nihon_soft", "tokai_systems", "sakura_data", "minato_it", "hikari_net", "aoba_tech", "kita_densan",
		"yamato_cloud", "chuo_business", "cosmo_soft", "izumi_labs", "nagisa_si", "shirakaba", "mirai_works",
		"kansai_info", "fuji_solutions", "daiwa_dev", "heisei_systems", "kumo_tech", "tsubasa_soft",
		"acme", "globex", "initech", "umbrella_it", "stark_soft", "wayne_systems", "hooli", "vandelay",
		"northwind", "contoso_labs", "fabrikam", "tailspin", "adatum", "litware", "proseware", "wingtip",
		"blue_yonder_soft", "coho_tech", "lucerne", "margie_it", "relecloud", "woodgrove", "alpine_ski_it",
		"humongous", "southridge", "trey_research", "fourth_coffee", "graphic_design_inst", "datum_corp", "lamna",
	}
	synthProducts = []string{
		"kintai_kanri", "hanbai_pro", "zaiko_master", "kaikei_cloud", "kyuyo_plus", "bunsho_box", "workflow_one",
		"groupware_x", "seisan_kanri", "hinshitsu_log", "kobai_net", "butsuryu_track", "cad_vault", "report_builder",
		"web_cms", "mail_gateway", "file_share", "backup_agent", "asset_manager", "log_collector", "sso_portal",
		"vpn_client", "edr_agent", "print_server", "fax_gateway", "ocr_engine", "bi_dashboard", "etl_runner",
		"api_gateway", "message_queue", "cache_server", "search_engine", "db_connector", "pdf_toolkit",
		"image_viewer", "archiver", "remote_desktop", "chat_server", "video_meeting", "scheduler", "form_builder",
		"ec_platform", "payment_module", "point_system", "member_portal", "survey_tool", "helpdesk", "wiki",
		"crm_suite", "erp_core", "json_parser", "xml_toolkit", "http_client", "template_engine", "auth_library",
		"crypto_lib", "logging_lib", "orm_framework", "web_framework", "ui_components",
	}
	purlGroups = []string{"maven", "npm", "pypi", "nuget", "gem", "golang"}
)
