package fetch

import (
	"context"
	"net/url"
	"strings"
)

// osv fetches the OSV archive (all.zip) of every ecosystem the
// inventory's packages belong to.
func (f *feedRun) osv(ctx context.Context) error {
	for _, eco := range f.inv.Ecosystems {
		name := strings.ReplaceAll(eco, " ", "_") + "-all.zip"
		if _, err := f.getAndStore(ctx, f.base+"/"+url.PathEscape(eco)+"/all.zip", name, 2<<30); err != nil {
			return err
		}
	}
	return nil
}
