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
