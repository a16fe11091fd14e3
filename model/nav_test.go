package model

import "testing"

func TestNavApply(t *testing.T) {
	type act struct {
		a   Action
		arg int
	}
	digits := func(s string) []act {
		var out []act
		for _, r := range s {
			out = append(out, act{ActDigit, int(r - '0')})
		}
		return out
	}
	seq := func(parts ...[]act) []act {
		var out []act
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	one := func(a Action, arg int) []act { return []act{{a, arg}} }
	tests := map[string]struct {
		start int
		acts  []act
		want  int
	}{
		"next":                  {0, one(ActNext, 0), 1},
		"next stops at the end": {17, one(ActNext, 0), 17},
		"back":                  {5, one(ActPrev, 0), 4},
		"back stops at 0":       {0, one(ActPrev, 0), 0},
		"first":                 {9, one(ActFirst, 0), 0},
		"last":                  {2, one(ActLast, 0), 17},
		"3G":                    {0, seq(digits("3"), one(ActLast, 0)), 2},
		"12G":                   {0, seq(digits("12"), one(ActLast, 0)), 11},
		"5g":                    {12, seq(digits("5"), one(ActFirst, 0)), 4},
		"99G clamps":            {0, seq(digits("99"), one(ActLast, 0)), 17},
		"0G is just G":          {3, seq(digits("0"), one(ActLast, 0)), 17},
		"3l moves three":        {1, seq(digits("3"), one(ActNext, 0)), 4},
		"4h moves back four":    {10, seq(digits("4"), one(ActPrev, 0)), 6},
		"count is used once":    {0, seq(digits("3"), one(ActNext, 0), one(ActNext, 0)), 4},
		"goto":                  {0, one(ActGoto, 7), 6},
		"goto 0 clamps":         {5, one(ActGoto, 0), 0},
		"goto past end":         {5, one(ActGoto, 400), 17},
		"huge count is capped":  {0, seq(digits("123456789"), one(ActLast, 0)), 17},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			n := Nav{Step: tc.start, Total: 18}
			for _, a := range tc.acts {
				n = n.Apply(a.a, a.arg)
			}
			if n.Step != tc.want {
				t.Errorf("step = %d, want %d", n.Step, tc.want)
			}
			if n.Count != 0 && tc.acts[len(tc.acts)-1].a != ActDigit {
				t.Errorf("count %d left over after a motion", n.Count)
			}
		})
	}
}

func TestNavEmptyLesson(t *testing.T) {
	n := Nav{Total: 0}.Apply(ActLast, 0).Apply(ActNext, 0)
	if n.Step != 0 {
		t.Errorf("step = %d in an empty lesson", n.Step)
	}
}

// TestNavForward: l with a count moves as that many presses of l would,
// and stops on the first step whose leaving asks something.
func TestNavForward(t *testing.T) {
	tests := map[string]struct {
		start, count int
		asks         []int // steps whose leaving asks something
		want         int
		ask          bool
	}{
		"l":                                {3, 0, nil, 4, false},
		"l on a section's end asks":        {4, 0, []int{4}, 4, true},
		"3l":                               {1, 3, nil, 4, false},
		"2l reaching a section's end":      {8, 2, []int{9}, 9, true},
		"2l from the step before its end":  {9, 2, []int{10}, 10, true},
		"5l crossing a section's end":      {8, 5, []int{10, 12}, 10, true},
		"3l from a section's end asks now": {10, 3, []int{10}, 10, true},
		"3l stopping just short":           {7, 3, []int{10}, 10, false},
		"a count past the end stops there": {15, 9, nil, 17, false},
		"past the end with the score due":  {15, 9, []int{17}, 17, true},
		"l at the end without a score":     {17, 0, nil, 17, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			asks := func(s int) bool {
				for _, a := range tc.asks {
					if a == s {
						return true
					}
				}
				return false
			}
			n, ask := Nav{Step: tc.start, Total: 18, Count: tc.count}.Forward(asks)
			if n.Step != tc.want || ask != tc.ask || n.Count != 0 {
				t.Errorf("Forward = step %d, ask %v, count %d; want step %d, ask %v", n.Step, ask, n.Count, tc.want, tc.ask)
			}
		})
	}
	if n, ask := (Nav{Count: 3}).Forward(func(int) bool { t.Fatal("asked about a step of an empty lesson"); return true }); n.Step != 0 || ask {
		t.Errorf("an empty lesson: %+v, %v", n, ask)
	}
}
