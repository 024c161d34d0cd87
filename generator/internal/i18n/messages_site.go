package i18n

// siteMessages are labels used only by the site renderer.
var siteMessages = map[string]Text{}
