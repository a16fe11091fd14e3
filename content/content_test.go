package content

import (
	"errors"
	"fmt"
	"maps"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func mustShipped(t testing.TB) *Lesson {
	t.Helper()
	l, err := Shipped()
	if err != nil {
		t.Fatalf("the shipped lesson does not load:\n%v", err)
	}
	return l
}

func TestShippedLessonValidates(t *testing.T) {
	l := mustShipped(t)
	if err := l.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := len(l.Steps); got < 18 {
		t.Errorf("the lesson has %d steps, want at least 18", got)
	}
	if l.Meta.CheckedOn.IsZero() {
		t.Error("the checked-on date did not parse")
	}
	if !strings.Contains(strings.ToLower(l.Meta.Disclaimer), "not medical advice") {
		t.Errorf("disclaimer %q does not say it is not medical advice", l.Meta.Disclaimer)
	}
}

// TestStepsCiteSources: a step that states facts must say where they come
// from. Only the welcome step is pure orientation.
func TestStepsCiteSources(t *testing.T) {
	l := mustShipped(t)
	for i, st := range l.Steps {
		if i == 0 {
			continue
		}
		if len(st.Sources.IDs) == 0 && st.Table != "sources" {
			t.Errorf("%s (%s) states facts but lists no sources", st.File, st.Title)
		}
	}
}

// TestEveryRowHasSources: every drug, side effect, trial and cytokine row
// carries a source, and every cross-link between data files resolves.
func TestEveryRowHasSources(t *testing.T) {
	l := mustShipped(t)
	for _, d := range l.Drugs {
		if len(d.Sources.IDs) == 0 {
			t.Errorf("drug %s has no sources", d.ID)
		}
		for _, a := range d.Approvals {
			if len(a.Sources.IDs) == 0 {
				t.Errorf("drug %s approval %s/%s has no sources", d.ID, a.Region, a.Condition)
			}
		}
	}
	for _, s := range l.SideEffects {
		if len(s.Sources.IDs) == 0 {
			t.Errorf("side effect %s has no sources", s.ID)
		}
		for _, r := range s.Reported {
			if _, ok := l.Drug(r.Drug); !ok {
				t.Errorf("side effect %s names unknown drug %s", s.ID, r.Drug)
			}
		}
	}
	for _, tr := range l.Trials {
		if _, ok := l.Drug(tr.Drug); !ok {
			t.Errorf("trial %s names unknown drug %s", tr.ID, tr.Drug)
		}
	}
}

// TestSeedTopicsCovered checks the lesson teaches every topic of the seed
// article, and the fact sheet's corrections to it, in its own words.
func TestSeedTopicsCovered(t *testing.T) {
	l := mustShipped(t)
	var all strings.Builder
	for _, st := range l.Steps {
		all.WriteString(st.Title + "\n" + st.Body + "\n")
	}
	// The side-effect table is part of what the learner reads.
	for _, se := range l.SideEffects {
		all.WriteString(se.Name + " " + se.Term + " " + se.Meaning + "\n")
	}
	text := strings.ToLower(all.String())
	topics := map[string][]string{
		"treatment ladder":          {"light therapy", "over-the-counter", "biologic"},
		"eczema cytokines":          {"il-4", "il-13", "il-31", "il-22", "tslp", "ifn-gamma"},
		"the four JAKs":             {"jak1", "jak2", "jak3", "tyk2"},
		"the cascade":               {"stat", "phosphate", "nucleus", "pair"},
		"biologics":                 {"dupilumab", "tralokinumab", "lebrikizumab", "nemolizumab"},
		"mechanism correction":      {"atp", "still binds"},
		"oral and topical":          {"oral", "topical", "body surface"},
		"speed of relief":           {"12 hours", "subgroup"},
		"products":                  {"baricitinib", "corectim", "anzupgo", "opzelura", "rinvoq", "cibinqo"},
		"side effects":              {"nasopharyngitis", "acne", "nausea", "headache", "cholesterol", "diarrhea"},
		"rare and serious":          {"liver", "kidney", "blood count", "perforation", "infection"},
		"boxed warning":             {"boxed warning", "oral surveillance", "blood clot"},
		"not medical advice":        {"not medical advice"},
		"JAK inhibitors not newest": {"lebrikizumab"},
	}
	for topic, words := range topics {
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("topic %q: the lesson never mentions %q", topic, w)
			}
		}
	}
	if n := strings.Count(text, "common misconception"); n < 8 {
		t.Errorf("the lesson has %d misconception notes; the seed has at least 8 claims to correct", n)
	}
}

func TestSeedNotPasted(t *testing.T) {
	// A few of the seed's own sentences: the lesson must say these things
	// in its own words (or, for the wrong ones, not at all).
	seed := []string{
		"JAK inhibitors work by blocking the attachment of cytokines to these receptors",
		"These small proteins attach to receptors on the janus kinase",
		"In most cases, the side effects are mild and decrease in severity over time",
		"a person should notice clearer skin and reduced itchiness",
	}
	l := mustShipped(t)
	for _, st := range l.Steps {
		for _, s := range seed {
			if strings.Contains(strings.ToLower(st.Body), strings.ToLower(s)) {
				t.Errorf("%s pastes the seed: %q", st.File, s)
			}
		}
	}
}

// validLesson is a minimal lesson that passes Validate; tests break one thing at a time.
func validLesson() fstest.MapFS {
	return fstest.MapFS{
		"lesson.yaml":  {Data: []byte("title: T\nchecked: 2026-11-26\ndisclaimer: Education, not medical advice.\n")},
		"sources.yaml": {Data: []byte("- id: S1\n  title: A source\n  url: https://example.org\n  kind: label\n")},
		"drugs.yaml": {Data: []byte(`- id: abro
  generic: Abrocitinib
  brand: Cibinqo
  route: oral
  form: tablet
  targets: [JAK1]
  dose: 100 mg
  boxed_warning: "yes"
  approvals:
    - region: FDA
      condition: atopic dermatitis
      status: approved
      date: 2022-01
      sources: [S1]
  sources: [S1]
`)},
		"sideeffects.yaml": {Data: []byte("- id: acne\n  name: Acne\n  term: acne\n  group: common\n  meaning: Spots.\n  reported:\n    - drug: abro\n      sources: [S1]\n  sources: [S1]\n")},
		"cytokines.yaml":   {Data: []byte("- cytokine: IL-4\n  receptor: Type I\n  jaks: [JAK1, JAK3]\n  stat: STAT6\n  sources: [S1]\n")},
		"trials.yaml":      {Data: []byte("- id: t1\n  trial: T1\n  drug: abro\n  comparator: placebo\n  week: 12\n  skin: better\n  sources: [S1]\n")},
		"01-a.md":          {Data: []byte("---\nid: a\ntitle: A\nsection: S\nsources: [S1]\n---\nBody text.\n")},
		"02-b.md":          {Data: []byte("---\nid: b\ntitle: B\nsection: S\ntable: drugs\n---\nMore text.\n")},
	}
}

func TestValidLessonLoads(t *testing.T) {
	l, err := Load(validLesson())
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Steps) != 2 || l.Steps[1].Table != "drugs" || l.Steps[0].Body != "Body text." {
		t.Fatalf("unexpected steps: %+v", l.Steps)
	}
}

func TestValidateReportsEachProblemWithItsPlace(t *testing.T) {
	tests := map[string]struct {
		file, data string
		want       string // a problem formatted as file:line: message, or a distinctive part of it
	}{
		"unknown front matter key": {"01-a.md", "---\nid: a\ntitle: A\nsection: S\ncolour: red\n---\nBody\n", "01-a.md:5: field colour not found"},
		"missing title":            {"01-a.md", "---\nid: a\nsection: S\n---\nBody\n", "01-a.md:2: title is missing"},
		"duplicate id":             {"02-b.md", "---\nid: a\ntitle: B\nsection: S\n---\nBody\n", `02-b.md:2: duplicate id "a" (also in 01-a.md)`},
		"unknown scene":            {"01-a.md", "---\nid: a\ntitle: A\nsection: S\nscene: fireworks\n---\nBody\n", `01-a.md:5: unknown scene "fireworks"`},
		"scene and table":          {"01-a.md", "---\nid: a\ntitle: A\nsection: S\nscene: resting\ntable: drugs\n---\nBody\n", "01-a.md:6: a step shows a scene or a table, not both"},
		"unknown table":            {"01-a.md", "---\nid: a\ntitle: A\nsection: S\ntable: planets\n---\nBody\n", `01-a.md:5: unknown table "planets"`},
		"columns without a table":  {"01-a.md", "---\nid: a\ntitle: A\nsection: S\ncolumns: [JAKs]\n---\nBody\n", "01-a.md:2: columns: the step shows no table"},
		"unknown column":           {"02-b.md", "---\nid: b\ntitle: B\nsection: S\ntable: drugs\ncolumns: [Price]\n---\nBody\n", `02-b.md:2: columns: table drugs has no column "Price" (its columns: Drug, Brand,`},
		"text points at a column":  {"02-b.md", "---\nid: b\ntitle: B\nsection: S\ntable: drugs\n---\nFirst line.\n\nLook down the JAK column.\n", "02-b.md:9: the text points at the JAKs column: add it to the front matter's columns (columns: [JAKs])"},
		"negative changes":         {"01-a.md", "---\nid: a\ntitle: A\nsection: S\nchanges: -2\n---\nBody\n", "01-a.md:2: changes: -2 is not a number of changelog entries"},
		"changes, no changelog":    {"01-a.md", "---\nid: a\ntitle: A\nsection: S\nchanges: 2\n---\nBody\n", "01-a.md:2: changes: lesson.yaml has no changelog to show"},
		"unknown source in step":   {"01-a.md", "---\nid: a\ntitle: A\nsection: S\nsources: [S1, S99]\n---\nBody\n", `01-a.md:5: step a cites source "S99"`},
		"unclosed front matter":    {"01-a.md", "---\nid: a\ntitle: A\n", "01-a.md:1: front matter is not closed"},
		"no front matter":          {"01-a.md", "Just text\n", "01-a.md:1: a step starts with front matter"},
		"empty body":               {"01-a.md", "---\nid: a\ntitle: A\nsection: S\n---\n", "01-a.md:6: the step has no text"},
		"bad file name":            {"1-A.md", "---\nid: z\ntitle: Z\nsection: S\n---\nBody\n", "1-A.md: step files are named NN-slug.md"},
		"unknown route":            {"drugs.yaml", strings.Replace(string(validLesson()["drugs.yaml"].Data), "route: oral", "route: inhaled", 1), `drugs.yaml:1: drug abro: route must be oral or topical (got "inhaled")`},
		"unknown approval source":  {"drugs.yaml", strings.Replace(string(validLesson()["drugs.yaml"].Data), "date: 2022-01\n      sources: [S1]", "date: 2022-01\n      sources: [S7]", 1), `drugs.yaml:14: drug abro approval (FDA) cites source "S7"`},
		"bad approval date":        {"drugs.yaml", strings.Replace(string(validLesson()["drugs.yaml"].Data), "2022-01", "Jan 2022", 1), `drugs.yaml:10: drug abro: date "Jan 2022"`},
		"unknown drug in side effect": {"sideeffects.yaml", strings.Replace(string(validLesson()["sideeffects.yaml"].Data), "drug: abro", "drug: aspirin", 1),
			`sideeffects.yaml:7: side effect acne: unknown drug "aspirin"`},
		"row with missing cells": {"cytokines.yaml", "- cytokine: IL-4\n  jaks: [JAK1]\n  sources: [S1]\n", `cytokines.yaml:1: cytokine row "IL-4": cytokine, receptor, jaks and stat are all required`},
		"unknown JAK":            {"cytokines.yaml", "- cytokine: IL-4\n  receptor: R\n  jaks: [JAK9]\n  stat: STAT6\n  sources: [S1]\n", `unknown JAK "JAK9"`},
		"duplicate source":       {"sources.yaml", "- id: S1\n  title: A\n  kind: label\n- id: S1\n  title: B\n  kind: label\n", `sources.yaml:4: duplicate source id "S1"`},
		"bad checked date":       {"lesson.yaml", "title: T\nchecked: last week\ndisclaimer: D\n", `lesson.yaml:2: checked must be the date the facts were checked, as YYYY-MM-DD (got "last week")`},
		"no disclaimer":          {"lesson.yaml", "title: T\nchecked: 2026-11-26\n", "lesson.yaml: disclaimer is missing"},
		"not a list":             {"trials.yaml", "id: t1\n", "trials.yaml:1: cannot unmarshal"},
		"empty sources":          {"sources.yaml", "# none yet\n", `01-a.md:5: step a cites source "S1", which is not in sources.yaml`},
		"empty lesson.yaml":      {"lesson.yaml", "", "lesson.yaml:1: file is empty"},
		"bad language":           {"lesson.yaml", "title: T\nlanguage: English\nchecked: 2026-11-26\ndisclaimer: D\n", `lesson.yaml:2: language "English": use a language tag`},
		"long short disclaimer":  {"lesson.yaml", "title: T\nchecked: 2026-11-26\ndisclaimer: D\nshort_disclaimer: " + strings.Repeat("x", 41) + "\n", "lesson.yaml:4: short_disclaimer is 41 characters"},
		"long first sentence": {"lesson.yaml", "title: T\nchecked: 2026-11-26\ndisclaimer: This lesson is for education and is not medical advice. Ask.\n",
			"lesson.yaml:3: the disclaimer's first sentence is 54 characters"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := validLesson()
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			_, err := Load(fsys)
			if err == nil {
				t.Fatalf("Load accepted a lesson with %s", name)
			}
			var probs Errors
			if !errors.As(err, &probs) {
				t.Fatalf("error is %T, want Errors", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("problems:\n%v\nwant one containing:\n%s", err, tc.want)
			}
		})
	}
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	fsys := validLesson()
	fsys["01-a.md"] = &fstest.MapFile{Data: []byte("---\nid: a\nsection: S\nscene: nope\nsources: [S42]\n---\nBody\n")}
	_, err := Load(fsys)
	var probs Errors
	if !errors.As(err, &probs) || len(probs) != 3 {
		t.Fatalf("want 3 problems (title, scene, source), got:\n%v", err)
	}
}

// TestOnlyLessonYAMLAndStepsAreRequired: a lesson on another topic needs
// no drugs, side effects, trials, cytokines, sources, facts, questions or
// glossary; each file left out is that table or screen left out.
func TestOnlyLessonYAMLAndStepsAreRequired(t *testing.T) {
	minimal := fstest.MapFS{
		"lesson.yaml": {Data: []byte("title: Sleep\nchecked: 2026-11-20\ndisclaimer: Education only. Not advice.\n")},
		"01-a.md":     {Data: []byte("---\nid: a\ntitle: A\nsection: S\n---\nBody text.\n")},
	}
	l, err := Load(minimal)
	if err != nil {
		t.Fatalf("a lesson of lesson.yaml and one step does not load:\n%v", err)
	}
	if len(l.Drugs)+len(l.SideEffects)+len(l.Trials)+len(l.Cytokines)+len(l.Sources)+len(l.Questions)+len(l.Glossary) != 0 {
		t.Error("data appeared from nowhere")
	}
	if len(l.ExploreTabs()) != 0 || len(l.HandoutTables()) != 0 {
		t.Errorf("a lesson without data has tables: %v %v", l.ExploreTabs(), l.HandoutTables())
	}
	if m := l.Meta; m.Language != "en" || m.ShortDisclaimer != "Education only" {
		t.Errorf("defaults: language %q, short disclaimer %q", m.Language, m.ShortDisclaimer)
	}

	tests := map[string]struct {
		file, data string
		want       string
	}{
		"a table whose data is missing": {"02-b.md", "---\nid: b\ntitle: B\nsection: S\ntable: trials\n---\nBody\n",
			`02-b.md:5: table "trials" has no rows: its data comes from trials.yaml, which is missing or empty`},
		"a source that is not there": {"02-b.md", "---\nid: b\ntitle: B\nsection: S\nsources: [S1]\n---\nBody\n",
			`02-b.md:5: step b cites source "S1", which is not in sources.yaml`},
		"a file of comments is no entries": {"glossary.yaml", "# terms to come\n\n", ""},
		"an empty file is no entries":      {"drugs.yaml", "", ""},
		"a list of nothing":                {"questions.yaml", "[]\n", ""},
		"not a list":                       {"glossary.yaml", "term: x\n", "glossary.yaml:1: cannot unmarshal"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := maps.Clone(minimal)
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			_, err := Load(fsys)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("problems:\n%v\nwant one containing:\n%s", err, tc.want)
			}
		})
	}
}

func TestMissingFolderFiles(t *testing.T) {
	_, err := Load(fstest.MapFS{})
	if err == nil {
		t.Fatal("an empty folder loaded")
	}
	for _, want := range []string{"lesson.yaml: cannot read", "the lesson has no steps"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

// FuzzParseStep: whatever an author (or a corrupted file) feeds the step
// parser, it returns a step or an error; it never panics. A problem names
// a line of the file, and the line it blames for an unclosed [, { or
// quote, or a tab, holds one (yamlLineHolds).
func FuzzParseStep(f *testing.F) {
	f.Add([]byte("---\nid: a\ntitle: A\nsection: S\nsources: [S1]\n---\nBody\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nid: [unclosed\n---\n"))
	f.Add([]byte("---\r\nid: a\r\n---\r\nx"))
	f.Add([]byte("\ufeff---\nsources: S1\n---\n"))
	f.Add([]byte("---\nid: x\ntitle: [unterminated\n---\n"))
	f.Add([]byte("---\nid: x\ntitle: \"a\nsection: {b\n---\n"))
	f.Add([]byte("---\nid: x\nnotes: |\n  it's [\n\ttitle: t\n---\n"))
	f.Add([]byte("---\nid: x\nsources:\n  - a\n  b: c\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseStep("01-x.md", data)
		if err == nil && st.File != "01-x.md" {
			t.Fatalf("parsed step lost its file name: %+v", st)
		}
		var probs Errors
		if errors.As(err, &probs) {
			for _, p := range probs {
				yamlLineHolds(t, data, p)
			}
		}
	})
}

// FuzzLoadDrugs feeds arbitrary bytes as drugs.yaml through the whole loader.
func FuzzLoadDrugs(f *testing.F) {
	f.Add(validLesson()["drugs.yaml"].Data)
	f.Add([]byte("- id: x\n  approvals: {}\n"))
	f.Add([]byte("[]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := validLesson()
		fsys["drugs.yaml"] = &fstest.MapFile{Data: data}
		l, err := Load(fsys)
		if err == nil && l == nil {
			t.Fatal("no lesson and no error")
		}
	})
}

// BenchmarkShipped is the lesson's share of start-up: it runs before the first frame.
func BenchmarkShipped(b *testing.B) {
	for b.Loop() {
		if _, err := Shipped(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestQuestionsCoverTheSeedCorrections(t *testing.T) {
	l := mustShipped(t)
	covered := map[int]bool{}
	perSection := map[string]int{}
	for _, q := range l.Questions {
		for _, c := range q.Corrects {
			covered[c] = true
		}
		perSection[q.Section]++
		if q.Section != l.Steps[l.StepIndex(q.Step)].Section {
			t.Errorf("question %s checks %q but points to a step in %q", q.ID, q.Section, l.Steps[l.StepIndex(q.Step)].Section)
		}
	}
	for c := 1; c <= 12; c++ {
		if !covered[c] {
			t.Errorf("no question targets seed correction %d", c)
		}
	}
	for sec, n := range perSection {
		if n < 1 || n > 3 {
			t.Errorf("section %s has %d questions; want one to three", sec, n)
		}
	}
	if len(l.Glossary) < 20 {
		t.Errorf("glossary has %d terms", len(l.Glossary))
	}
}

func TestQuestionCheckAndScore(t *testing.T) {
	choice := Question{ID: "c", Kind: KindChoice, Choices: []string{"a", "b", "c"}, Answer: 2}
	tf := Question{ID: "t", Kind: KindTrueFalse, Answer: false}
	order := Question{ID: "o", Kind: KindOrder, Choices: []string{"first", "second", "third"}}
	for _, q := range []*Question{&choice, &tf, &order} {
		if msg := q.normalise(); msg != "" {
			t.Fatal(msg)
		}
	}
	tests := []struct {
		q    Question
		resp []int
		want bool
	}{
		{choice, []int{2}, true},
		{choice, []int{0}, false},
		{choice, nil, false},
		{tf, []int{1}, true},
		{tf, []int{0}, false},
		{order, []int{0, 1, 2}, true},
		{order, []int{1, 0, 2}, false},
		{order, []int{0, 1}, false},
	}
	for i, tc := range tests {
		if got := tc.q.Check(tc.resp); got != tc.want {
			t.Errorf("case %d (%s %v): got %v", i, tc.q.ID, tc.resp, got)
		}
	}
	l := &Lesson{
		Steps:     []Step{{Section: "A"}, {Section: "B"}},
		Questions: []Question{{ID: "a1", Section: "A"}, {ID: "a2", Section: "A"}, {ID: "b1", Section: "B"}},
	}
	got := l.Score(map[string]bool{"a1": true, "a2": false})
	if len(got) != 2 || got[0].Right != 1 || got[0].Answered != 2 || fmt.Sprint(got[0].Missed) != "[a2]" || got[1].Answered != 0 || got[1].Total != 1 {
		t.Errorf("Score = %+v", got)
	}
}

func TestQuestionValidation(t *testing.T) {
	base := "- id: q1\n  section: S\n  prompt: P?\n  explain: E.\n  step: a\n  sources: [S1]\n"
	tests := map[string]struct{ extra, want string }{
		"choice answer out of range": {"  kind: choice\n  choices: [x, y]\n  answer: 5\n", "answer must be the index (0-1)"},
		"truefalse needs a bool":     {"  kind: truefalse\n  answer: 1\n", "answer must be true or false"},
		"order with an answer":       {"  kind: order\n  choices: [x, y, z]\n  answer: 0\n", "an order question has no answer"},
		"unknown kind":               {"  kind: essay\n", `unknown kind "essay"`},
		"bad correction":             {"  kind: truefalse\n  answer: true\n  corrects: [13]\n", "corrects 13"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := validLesson()
			fsys["questions.yaml"] = &fstest.MapFile{Data: []byte(base + tc.extra)}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), "questions.yaml:1: question q1: "+tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
	fsys := validLesson()
	fsys["questions.yaml"] = &fstest.MapFile{Data: []byte("- id: q1\n  section: Nowhere\n  kind: truefalse\n  answer: true\n  prompt: P\n  explain: E\n  step: zz\n  sources: [S1]\n")}
	_, err := Load(fsys)
	for _, want := range []string{`section "Nowhere"`, `step "zz" does not exist`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in %v", want, err)
		}
	}
}

// FuzzParseQuestions: the question reader never panics, and what it
// accepts can be checked without panicking.
func FuzzParseQuestions(f *testing.F) {
	f.Add([]byte("- id: q\n  kind: choice\n  choices: [a, b]\n  answer: 1\n"))
	f.Add([]byte("- id: q\n  kind: truefalse\n  answer: true\n"))
	f.Add([]byte("- id: q\n  kind: order\n  choices: [a, b, c]\n"))
	f.Add([]byte("- kind: choice\n  answer: -1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := ParseQuestions(data)
		if err != nil {
			return
		}
		for _, q := range qs {
			q.Check([]int{q.Correct})
			q.Check(nil)
		}
	})
}

// TestStarterValidates: the lesson `jakstat new` writes loads as written,
// checked on the day it is made, with every piece the README promises.
func TestStarterValidates(t *testing.T) {
	day := time.Date(2027, 3, 9, 0, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{}
	for name, data := range Starter(day) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	l, err := Load(fsys)
	if err != nil {
		t.Fatalf("the starter lesson does not load:\n%v", err)
	}
	scenes, tables := 0, 0
	for _, st := range l.Steps {
		if st.Scene != "" {
			scenes++
		}
		if strings.Contains(st.Body, "\n|---") {
			tables++
		}
	}
	if l.Meta.Checked != "2027-03-09" || len(l.Sections()) != 2 || scenes != 1 || tables != 1 || len(l.Questions) != 1 || len(l.Glossary) != 1 {
		t.Errorf("starter: checked %s, %d sections, %d scenes, %d tables, %d questions, %d terms",
			l.Meta.Checked, len(l.Sections()), scenes, tables, len(l.Questions), len(l.Glossary))
	}
	for name, data := range Starter(day) {
		if !strings.Contains(string(data), "#") {
			t.Errorf("%s explains nothing: it has no comments", name)
		}
	}
}
