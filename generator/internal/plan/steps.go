package plan

import "vulnreport/generator/internal/model"

// Progress counts an action's findings by the stage their remediation
// records reached: Progress[0] have none, Progress[1] are at ①調査 …
// Progress[4] at ④対策の実施 and Progress[5] are done. An action's Stage is
// its least advanced finding's (it is not done until all are); Progress
// keeps the work recorded against the others, so that the four steps show
// it instead of 未着手.
type Progress [6]int

// Step states, as StepState returns them.
const (
	StepDone    = "done"    // every finding has passed the step
	StepCurrent = "current" // the least advanced finding is at this step
	StepPartial = "partial" // some findings reached or passed it, not all
	StepTodo    = "todo"    // no finding has reached it
)

// StageNumber is a stage's position in the guide's order: 0 for none (or a
// stage it does not know), 1–4 for the four steps, 5 for done.
func StageNumber(stage model.Stage) int { return stageOrder[stage] }

// Total returns how many findings the progress counts.
func (p Progress) Total() int {
	n := 0
	for _, c := range p {
		n += c
	}
	return n
}

// Reached returns how many findings are at step (1–4) or beyond it.
func (p Progress) Reached(step int) int {
	n := 0
	for i := max(step, 0); i < len(p); i++ {
		n += p[i]
	}
	return n
}

// StepState says where the action stands on step (1–4): done when every
// finding has passed it, current when its least advanced finding is at it,
// partial when some findings reached it or went beyond, todo otherwise.
func (p Progress) StepState(step int) string {
	total := p.Total()
	switch {
	case total == 0:
		return StepTodo
	case p.Reached(step+1) == total:
		return StepDone
	case p.least() == step:
		return StepCurrent
	case p.Reached(step) > 0:
		return StepPartial
	}
	return StepTodo
}

// least returns the stage number of the least advanced finding.
func (p Progress) least() int {
	for i, c := range p {
		if c > 0 {
			return i
		}
	}
	return 0
}

// Mixed reports whether the findings stand at more than one stage.
func (p Progress) Mixed() bool { return p.least() != p.furthest() }

// Furthest returns the stage number of the most advanced finding and how
// many findings are there.
func (p Progress) Furthest() (stage, n int) {
	i := p.furthest()
	return i, p[i]
}

// FurthestStage is Furthest with the stage named, for a renderer that
// reads the progress through the report model.
func (p Progress) FurthestStage() (stage model.Stage, n int) {
	i, n := p.Furthest()
	return StageName(i), n
}

func (p Progress) furthest() int {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] > 0 {
			return i
		}
	}
	return 0
}

// StageName returns the stage at a stage number, StageNone for none.
func StageName(n int) model.Stage {
	for s, i := range stageOrder {
		if i == n {
			return s
		}
	}
	return ""
}
