package report

import "vulnreport/generator/internal/model"

// FindingStore is the month's findings as columns of small integers
// (model.FindingStore), the report model's Findings.
type FindingStore = model.FindingStore

// NewFindingStore packs the findings, in their order, into a store: for
// tests and small tools; the pipeline packs them as assessment makes
// them (model.FindingBuilder).
func NewFindingStore(fs []model.Finding) *FindingStore { return model.NewFindingStore(fs) }
