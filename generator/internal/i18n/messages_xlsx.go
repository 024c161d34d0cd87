package i18n

// xlsxMessages are labels used only by the xlsx renderer.
var xlsxMessages = map[string]Text{}
