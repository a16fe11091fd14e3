package model

// Nav is where the learner is in the lesson, and any count typed before a
// motion (the 3 of 3G). Moving is a pure function of Nav and an action, so
// every key sequence can be tested without a terminal.
type Nav struct {
	Step  int // zero-based
	Total int
	Count int // digits typed so far; 0 when none
}

// Action is a navigation intent decoded from a key.
type Action int

// The navigation actions.
const (
	ActNext Action = iota
	ActPrev
	ActFirst
	ActLast
	ActDigit // Apply's arg is the digit
	ActGoto  // Apply's arg is a one-based step number
)

// maxCount keeps a typed count from growing without bound.
const maxCount = 9999

// Apply returns the position after an action. Counts repeat next and back
// (3l moves three steps), and turn g and G into "go to step N"; any motion
// clears the count. The step always stays within the lesson. ActNext here
// moves whatever the lesson asks on the way; l is Forward.
func (n Nav) Apply(a Action, arg int) Nav {
	count := n.Count
	n.Count = 0
	switch a {
	case ActDigit:
		if count == 0 && arg == 0 {
			return n // a leading 0 means nothing
		}
		n.Count = min(count*10+arg, maxCount)
	case ActNext:
		n.Step += max(count, 1)
	case ActPrev:
		n.Step -= max(count, 1)
	case ActFirst:
		n.Step = 0
		if count > 0 {
			n.Step = count - 1
		}
	case ActLast:
		n.Step = n.Total - 1
		if count > 0 {
			n.Step = count - 1
		}
	case ActGoto:
		n.Step = arg - 1
	}
	n.Step = min(max(n.Step, 0), max(n.Total-1, 0))
	return n
}

// Forward is l: the next step, or with a count as many steps as that many
// presses of l would take. A press of l on a step whose leaving asks
// something (asks(step): a section's questions not yet answered, the
// score after the last step) opens that instead of moving, so a count
// stops there, on that step, with ask true: the caller opens what is due,
// as l does. A count never carries a learner past a section's checks;
// a jump (3G, :3) goes where it is told. The count is used up.
func (n Nav) Forward(asks func(step int) bool) (next Nav, ask bool) {
	presses := max(n.Count, 1)
	n.Count = 0
	if n.Total == 0 {
		return n, false
	}
	for ; presses > 0; presses-- {
		if asks(n.Step) {
			return n, true
		}
		if n.Step >= n.Total-1 {
			break
		}
		n.Step++
	}
	return n, false
}
