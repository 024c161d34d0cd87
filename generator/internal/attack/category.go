package attack

// Category is a kind of attack, as the guide and iLogScanner name them.
type Category string

// The categories, by the CRS rule files that find them.
const (
	SQLi      Category = "sqli"       // 942…
	XSS       Category = "xss"        // 941…
	Traversal Category = "traversal"  // 930…
	OSCommand Category = "os_command" // 932…
	Java      Category = "java"       // 944… (Log4Shell's ${jndi: included)
	PHP       Category = "php"        // 933…
	Scanner   Category = "scanner"    // 913…
	Other     Category = "other"      // every other attack rule
)

// Categories lists every category in report order.
var Categories = []Category{SQLi, XSS, Traversal, OSCommand, Java, PHP, Scanner, Other}

// The categories' names, as the guide and iLogScanner give them, are in
// the i18n catalogue under "attack.category.<name>".

// categoryOf maps a CRS rule id to its category. Rules that only set up
// or add up scores (901…, 905…, 949…, 959…, 980…) and each file's
// control rules (…000–…099: paranoia-level skips, exclusions) are no
// sign of their own.
func categoryOf(id int) (Category, bool) {
	if id%1000 < 100 {
		return "", false
	}
	switch file := id / 1000; {
	case file == 942:
		return SQLi, true
	case file == 941:
		return XSS, true
	case file == 930:
		return Traversal, true
	case file == 932:
		return OSCommand, true
	case file == 944:
		return Java, true
	case file == 933:
		return PHP, true
	case file == 913:
		return Scanner, true
	case file == 911 || file == 920 || file == 921 || file == 922 || file == 931 || file == 934 || file == 943:
		return Other, true
	}
	return "", false
}
