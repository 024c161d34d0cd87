package pdf

// scanStrip names, on page one, the systems not scanned this month
// (scanned before: never shown as clean) and those whose scanner results
// are stale, in the alert colour; nothing when all is well.
func (d *doc) scanStrip() {
	if text := d.r.ScanAlert(d.lang); text != "" {
		d.strip(text, colAlert, 4)
	}
}
