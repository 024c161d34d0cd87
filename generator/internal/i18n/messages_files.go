package i18n

// fileMessages are the diagnostics about entries of the snapshot folder
// that are not plain files (package plainfs): what the entry is and why it
// is not read, keyed like diagMessages by their English fmt format. The
// kinds (KindOf) are catalogued too, so that the nested %s is translated.
var fileMessages = map[string]string{
	"is %s, not a plain file: not read":                        "%s で、通常のファイルではないため読み込みません",
	"%v: not read":                                             "%v。読み込みません",
	"is a symbolic link to the folder %s: not followed":        "フォルダ %s へのシンボリックリンクのため、たどりません",
	"is a symbolic link to %s, %s, not a plain file: not read": "%s (%s) へのシンボリックリンクで、通常のファイルではないため読み込みません",
	"cannot be read: %v":                                       "読み込めません: %v",
	"is a symbolic link that leads outside the input folder":   "入力フォルダの外を指すシンボリックリンクです",
	"is a symbolic link to %s, which does not exist":           "存在しない %s へのシンボリックリンクです",
	"is a symbolic link to %s/%s, which does not exist":        "存在しない %s/%s へのシンボリックリンクです",
	"is a symbolic link that cannot be followed (%v)":          "たどれないシンボリックリンクです (%v)",
	"is a symbolic link in a loop of links":                    "リンクが循環しているシンボリックリンクです",
	"is a symbolic link that cannot be read (%v)":              "読めないシンボリックリンクです (%v)",
	"is a symbolic link to %s, outside the input folder":       "入力フォルダの外の %s へのシンボリックリンクです",
	"a named pipe (FIFO)":                                      "名前付きパイプ (FIFO)",
	"a socket":                                                 "ソケット",
	"a character device":                                       "キャラクタデバイス",
	"a device":                                                 "デバイス",
	"a symbolic link":                                          "シンボリックリンク",
	"a folder":                                                 "フォルダ",
	"not a plain file":                                         "通常のファイルではありません",
}
