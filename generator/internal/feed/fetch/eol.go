package fetch

import (
	"context"
	"net/http"
	"net/url"
)

// endoflife fetches the endoflife.date product page of every product the
// inventory runs (and of every page already in feeds/endoflife/).
func (f *feedRun) endoflife(ctx context.Context) error {
	for _, name := range f.inv.EndOfLife {
		if _, err := f.getAndStore(ctx, f.base+"/"+url.PathEscape(name)+".md", name+".md", 16<<20); err != nil {
			var st errStatus
			if asStatus(err, &st) && st.status == http.StatusNotFound {
				f.prog.Missing++ // no such page (a mirror may hold fewer)
				continue
			}
			return err
		}
	}
	return nil
}
