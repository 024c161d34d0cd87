package i18n

// pdfMessages are labels used only by the pdf renderer.
var pdfMessages = map[string]Text{}
