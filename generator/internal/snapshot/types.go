package snapshot

import (
	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/notification"
)

type (
	sysT   = inventory.System
	compT  = inventory.Component
	chgT   = inventory.Change
	advT   = advisory.Advisory
	notifT = notification.Notification
)
