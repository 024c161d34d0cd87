package model

// ActionKind is what a fix action asks its owner to do. Like the other
// vocabularies here it is a string type, so JSON, CSV and templates show
// the same text ("upgrade", "patch", ...) as before it was typed.
type ActionKind string

// Fix action kinds.
const (
	// ActionUpgrade: move to a fixed version (the action's target).
	ActionUpgrade ActionKind = "upgrade"
	// ActionPatch: apply the named patches (KB numbers and the like).
	ActionPatch ActionKind = "patch"
	// ActionReplace: migrate off a release line past its end of life.
	ActionReplace ActionKind = "replace"
	// ActionConfirm: confirm whether, or with which version, it is fixed
	// (要確認) before anything else.
	ActionConfirm ActionKind = "confirm"
)

// ActionKinds lists the fix action kinds.
var ActionKinds = [...]ActionKind{ActionUpgrade, ActionPatch, ActionReplace, ActionConfirm}

// LabelKey returns the i18n catalogue key of the kind's label.
func (k ActionKind) LabelKey() string { return "action_kind." + string(k) }
