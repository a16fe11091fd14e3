package classroom

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"jakstat/content"
	"jakstat/model"
	"jakstat/model/live"
)

// check is a live check as the room runs it: the question the teacher's
// screen asks, and each vote's answers, counted by response. Who gave which
// answer is never kept: a member only remembers that it voted.
type check struct {
	seq      int
	question string
	opened   time.Time
	votes    []map[string]int // one per vote: response ("2" or "3,1,2") -> count
	revealed bool
}

// add counts one answer in the current vote.
func (c *check) add(response []int) {
	c.votes[len(c.votes)-1][responseKey(response)]++
}

// spreads is every vote's count, in a stable order (most given first).
func (c *check) spreads() [][]live.Tally {
	out := make([][]live.Tally, len(c.votes))
	for i, v := range c.votes {
		for k, n := range v {
			out[i] = append(out[i], live.Tally{Response: parseResponse(k), Count: n})
		}
		slices.SortFunc(out[i], func(a, b live.Tally) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return slices.Compare(a.Response, b.Response)
		})
	}
	return out
}

func responseKey(r []int) string {
	parts := make([]string, len(r))
	for i, v := range r {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ",")
}

func parseResponse(k string) []int {
	var out []int
	for _, p := range strings.Split(k, ",") {
		if n, err := strconv.Atoi(p); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// runCheck follows the teacher's view: a check screen asks its question
// (a new one opens a new check), a second vote starts the count again, the
// teacher's reveal reveals; any other screen closes the check. It runs
// under r.mu, and returns the question of a check it opened, for the
// caller to log once the room is unlocked.
func (r *Room) runCheck(v model.ViewPosition) (opened string) {
	var p live.Position
	if v.Screen == model.ScreenLive && v.Live != nil {
		p = *v.Live
	}
	q := p.Question()
	if r.cfg.Lesson.QuestionIndex(q) < 0 {
		q = ""
	}
	if r.check != nil && (q == "" || q != r.check.question) {
		r.closeCheck()
	}
	if q == "" {
		return ""
	}
	if r.check == nil {
		r.seq++
		r.check = &check{seq: r.seq, question: q, opened: r.cfg.Now(), votes: []map[string]int{{}}}
		opened = q
	}
	c := r.check
	for len(c.votes) < min(p.Vote, 2) {
		c.votes = append(c.votes, map[string]int{})
		c.revealed = false
	}
	c.revealed = p.Revealed
	return opened
}

// closeCheck files the open check's spreads with the room's results.
func (r *Room) closeCheck() {
	c := r.check
	if c == nil {
		return
	}
	r.check = nil
	r.results = append(r.results, CheckResult{Seq: c.seq, Question: c.question, Opened: c.opened, Spreads: c.spreads()})
}

// CheckResult is one live check's spreads, kept for --results.
type CheckResult struct {
	Seq      int
	Question string
	Opened   time.Time
	Spreads  [][]live.Tally // each vote's
}

// WriteResults writes results as CSV, one row per answer given in each
// vote (and one per choice nobody gave, so a choice question's rows are
// complete): the check's number, when it opened, the question's id and
// text, the vote, the answer (a choice's number and text, or an order as
// the items' numbers as listed), how many gave it, and whether it is right.
func WriteResults(w io.Writer, l *content.Lesson, results []CheckResult) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"check", "opened", "question", "prompt", "vote", "answer", "count", "right"})
	for _, res := range results {
		i := l.QuestionIndex(res.Question)
		if i < 0 {
			continue
		}
		q := l.Questions[i]
		for v, spread := range res.Spreads {
			for _, row := range resultRows(q, spread) {
				cw.Write(append([]string{strconv.Itoa(res.Seq), res.Opened.UTC().Format(time.RFC3339), q.ID, q.Prompt, strconv.Itoa(v + 1)}, row...))
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// resultRows is a vote's rows: answer, count, right.
func resultRows(q content.Question, spread []live.Tally) [][]string {
	var rows [][]string
	shown := q.ShownOrder()
	if q.Kind != content.KindOrder {
		for i, c := range q.Choices {
			n := 0
			for _, t := range spread {
				if len(t.Response) == 1 && t.Response[0] == i {
					n += t.Count
				}
			}
			rows = append(rows, []string{strconv.Itoa(slices.Index(shown, i)+1) + ") " + c, strconv.Itoa(n), strconv.FormatBool(i == q.Correct)})
		}
		return rows
	}
	for _, t := range spread {
		var nums []string
		for _, item := range t.Response {
			nums = append(nums, strconv.Itoa(slices.Index(shown, item)+1))
		}
		rows = append(rows, []string{strings.Join(nums, " "), strconv.Itoa(t.Count), strconv.FormatBool(q.Check(t.Response))})
	}
	return rows
}
