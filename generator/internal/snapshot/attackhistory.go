package snapshot

import (
	"path"

	"vulnreport/generator/internal/source"
)

// attackHistory registers earlier months' attack-signs.json; package
// attack decodes them.
func (l *loader) attackHistory(names []string) {
	for _, name := range names {
		date := path.Base(path.Dir(name))
		if _, err := source.ParseDate(date); err != nil {
			l.diags.Warnf(source.Pos{File: name}, "history folder %q is not a YYYY-MM-DD date: not read", date)
			continue
		}
		data, _, err := l.readAll(name, "history", source.MaxFileSize)
		if err != nil {
			l.fatal("%s: %v", name, err)
			continue
		}
		l.s.AttackHistory = append(l.s.AttackHistory, HistoryFile{Date: date, Path: name, Data: data})
	}
}
