package content

import (
	"regexp"
	"slices"
	"strings"
)

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	datePattern = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
)

// Validate checks everything a loader cannot: required fields, unique ids,
// known vocabularies, and that every reference (source ids, drug ids)
// resolves. It returns an Errors value listing every problem, or nil.
func (l *Lesson) Validate() error {
	if l.sourceIndex == nil || l.drugIndex == nil {
		l.index()
	}
	var p Errors
	l.validateMeta(&p)
	l.validateSources(&p)
	l.validateFacts(&p)
	l.validateSteps(&p)
	l.validateDrugs(&p)
	l.validateSideEffects(&p)
	l.validateCytokines(&p)
	l.validateTrials(&p)
	l.validateQuestions(&p)
	if len(p) == 0 {
		return nil
	}
	p.sort()
	return p
}

func (l *Lesson) validateSources(p *Errors) {
	seen := map[string]bool{}
	for _, s := range l.Sources {
		switch {
		case s.ID == "":
			p.add(sourcesFile, s.Line, "source has no id")
		case seen[s.ID]:
			p.add(sourcesFile, s.Line, "duplicate source id %q", s.ID)
		}
		seen[s.ID] = true
		if strings.TrimSpace(s.Title) == "" {
			p.add(sourcesFile, s.Line, "source %s has no title", s.ID)
		}
		switch {
		case s.Kind == "":
			p.add(sourcesFile, s.Line, "source %s has no kind (one of: %s)", s.ID, strings.Join(SourceKinds(), ", "))
		case !slices.Contains(SourceKinds(), s.Kind):
			p.add(sourcesFile, s.Line, "source %s: unknown kind %q (known: %s)", s.ID, s.Kind, strings.Join(SourceKinds(), ", "))
		}
	}
}

// onlyNews says whether every source r cites is news. Ids that do not
// resolve are reported elsewhere and do not count either way.
func (l *Lesson) onlyNews(r Refs) bool {
	news := 0
	for _, id := range r.IDs {
		s, ok := l.Source(id)
		if !ok {
			return false
		}
		if s.Kind == "news" {
			news++
		}
	}
	return news > 0 && news == len(r.IDs)
}

// refs reports ids in r that are not in sources.yaml; required says the list may not be empty.
func (l *Lesson) refs(p *Errors, file string, fallbackLine int, r Refs, what string, required bool) {
	line := r.Line
	if line == 0 {
		line = fallbackLine
	}
	if required && len(r.IDs) == 0 {
		p.add(file, line, "%s lists no sources: every fact needs one", what)
	}
	for _, id := range r.IDs {
		if _, ok := l.sourceIndex[id]; !ok && l.loaded(sourcesFile) {
			p.add(file, line, "%s cites source %q, which is not in %s", what, id, sourcesFile)
		}
	}
}

func (l *Lesson) validateSteps(p *Errors) {
	if len(l.Steps) == 0 && l.loaded("steps") {
		p.add(".", 0, "the lesson has no steps (files named NN-slug.md)")
	}
	ids := map[string]string{}
	for i := range l.Steps {
		st := &l.Steps[i]
		f := st.File
		switch {
		case st.ID == "":
			p.add(f, 2, "id is missing")
		case !idPattern.MatchString(st.ID):
			p.add(f, st.line("id"), "id %q: use lowercase letters, digits and dashes", st.ID)
		case ids[st.ID] != "":
			p.add(f, st.line("id"), "duplicate id %q (also in %s)", st.ID, ids[st.ID])
		default:
			ids[st.ID] = f
		}
		if strings.TrimSpace(st.Title) == "" {
			p.add(f, 2, "title is missing")
		}
		if strings.TrimSpace(st.Section) == "" {
			p.add(f, 2, "section is missing")
		}
		if st.Scene != "" && !slices.Contains(SceneNames(), st.Scene) {
			p.add(f, st.line("scene"), "unknown scene %q (known: %s)", st.Scene, strings.Join(SceneNames(), ", "))
		}
		if st.Scene != "" && st.Table != "" {
			p.add(f, st.line("table"), "a step shows a scene or a table, not both")
		}
		switch {
		case st.Table == "":
		case !slices.Contains(TableNames(), st.Table):
			p.add(f, st.line("table"), "unknown table %q (known: %s; a table of your own is a Markdown table in the step's text)", st.Table, strings.Join(TableNames(), ", "))
		case l.loaded(tableFile(st.Table)) && len(l.Table(st.Table).Rows) == 0:
			p.add(f, st.line("table"), "table %q has no rows: its data comes from %s, which is missing or empty", st.Table, tableFile(st.Table))
		}
		if st.Body == "" {
			p.add(f, st.BodyLine, "the step has no text after its front matter")
		}
		checkColumns(p, st)
		l.checkChanges(p, st)
		checkBody(st, p)
		l.refs(p, f, 2, st.Sources, "step "+st.ID, false)
	}
}

// tableFile is the data file a step's table is built from.
func tableFile(table string) string {
	switch table {
	case "drugs":
		return drugsFile
	case "sideeffects", "boxed":
		return sideEffectsFile
	case "cytokines":
		return cytokinesFile
	case "trials":
		return trialsFile
	}
	return sourcesFile
}

func (l *Lesson) validateDrugs(p *Errors) {
	seen := map[string]bool{}
	for _, d := range l.Drugs {
		f, ln := drugsFile, d.Line
		switch {
		case d.ID == "":
			p.add(f, ln, "drug has no id")
		case !idPattern.MatchString(d.ID):
			p.add(f, ln, "drug id %q: use lowercase letters, digits and dashes", d.ID)
		case seen[d.ID]:
			p.add(f, ln, "duplicate drug id %q", d.ID)
		}
		seen[d.ID] = true
		for field, v := range map[string]string{"generic": d.Generic, "dose": d.Dose} {
			if strings.TrimSpace(v) == "" {
				p.add(f, ln, "drug %s: %s is missing", d.ID, field)
			}
		}
		if d.Route != "oral" && d.Route != "topical" {
			p.add(f, ln, "drug %s: route must be oral or topical (got %q)", d.ID, d.Route)
		}
		if d.Route == "topical" && d.Form == "" {
			p.add(f, ln, "drug %s: a topical drug needs its form (cream, ointment...)", d.ID)
		}
		if len(d.Targets) == 0 {
			p.add(f, ln, "drug %s: targets is empty", d.ID)
		}
		for _, t := range d.Targets {
			if !slices.Contains(JAKNames(), t) {
				p.add(f, ln, "drug %s: unknown target %q (known: %s)", d.ID, t, strings.Join(JAKNames(), ", "))
			}
		}
		if !slices.Contains([]string{"yes", "no", "n/a"}, d.BoxedWarning) {
			p.add(f, ln, `drug %s: boxed_warning must be "yes", "no" or "n/a" (got %q)`, d.ID, d.BoxedWarning)
		}
		for _, a := range d.Approvals {
			l.validateApproval(p, d, a)
		}
		l.refs(p, f, ln, d.Sources, "drug "+d.ID, true)
		l.refs(p, f, ln, d.DoseSources, "drug "+d.ID+" dose", false)
		l.refs(p, f, ln, d.BoxedSources, "drug "+d.ID+" boxed warning", false)
		l.refs(p, f, ln, d.MonitoringSources, "drug "+d.ID+" monitoring", false)
	}
}

func (l *Lesson) validateApproval(p *Errors, d Drug, a Approval) {
	f, ln := drugsFile, a.Line
	if !slices.Contains(Regions(), a.Region) {
		p.add(f, ln, "drug %s: unknown region %q (known: %s)", d.ID, a.Region, strings.Join(Regions(), ", "))
	}
	if strings.TrimSpace(a.Condition) == "" {
		p.add(f, ln, "drug %s: approval in %s has no condition", d.ID, a.Region)
	}
	if !slices.Contains(Statuses(), a.Status) {
		p.add(f, ln, "drug %s: unknown status %q (known: %s)", d.ID, a.Status, strings.Join(Statuses(), ", "))
	}
	if a.Date != "" && !datePattern.MatchString(a.Date) {
		p.add(f, ln, "drug %s: date %q: use YYYY, YYYY-MM or YYYY-MM-DD", d.ID, a.Date)
	}
	l.refs(p, f, ln, a.Sources, "drug "+d.ID+" approval ("+a.Region+")", true)
}

func (l *Lesson) validateSideEffects(p *Errors) {
	seen := map[string]bool{}
	for _, s := range l.SideEffects {
		f, ln := sideEffectsFile, s.Line
		switch {
		case s.ID == "":
			p.add(f, ln, "side effect has no id")
		case seen[s.ID]:
			p.add(f, ln, "duplicate side effect id %q", s.ID)
		}
		seen[s.ID] = true
		if strings.TrimSpace(s.Name) == "" || strings.TrimSpace(s.Term) == "" || strings.TrimSpace(s.Meaning) == "" {
			p.add(f, ln, "side effect %s: name, term and meaning are all required", s.ID)
		}
		if !slices.Contains(Groups(), s.Group) {
			p.add(f, ln, "side effect %s: unknown group %q (known: %s)", s.ID, s.Group, strings.Join(Groups(), ", "))
		}
		for _, r := range s.Reported {
			if _, ok := l.drugIndex[r.Drug]; !ok && l.loaded(drugsFile) {
				p.add(f, r.Line, "side effect %s: unknown drug %q (not in %s)", s.ID, r.Drug, drugsFile)
			}
			l.refs(p, f, r.Line, r.Sources, "side effect "+s.ID+" for "+r.Drug, false)
		}
		l.refs(p, f, ln, s.Sources, "side effect "+s.ID, true)
	}
}

func (l *Lesson) validateCytokines(p *Errors) {
	for _, c := range l.Cytokines {
		f, ln := cytokinesFile, c.Line
		if c.Cytokine == "" || c.Receptor == "" || c.STAT == "" || len(c.JAKs) == 0 {
			p.add(f, ln, "cytokine row %q: cytokine, receptor, jaks and stat are all required", c.Cytokine)
		}
		for _, j := range c.JAKs {
			if !slices.Contains(JAKNames(), j) {
				p.add(f, ln, "cytokine %s: unknown JAK %q (known: %s)", c.Cytokine, j, strings.Join(JAKNames(), ", "))
			}
		}
		l.refs(p, f, ln, c.Sources, "cytokine "+c.Cytokine, true)
	}
}

func (l *Lesson) validateTrials(p *Errors) {
	seen := map[string]bool{}
	for _, t := range l.Trials {
		f, ln := trialsFile, t.Line
		if t.ID == "" || seen[t.ID] {
			p.add(f, ln, "trial %q: id is missing or used twice", t.ID)
		}
		seen[t.ID] = true
		if t.Trial == "" || t.Skin == "" || t.Week <= 0 {
			p.add(f, ln, "trial %s: trial, week and skin are all required", t.ID)
		}
		if strings.TrimSpace(t.Comparator) == "" {
			p.add(f, ln, "trial %s: comparator is missing (placebo, vehicle, or the medicine it was compared with)", t.ID)
		}
		if _, ok := l.drugIndex[t.Drug]; !ok && l.loaded(drugsFile) {
			p.add(f, ln, "trial %s: unknown drug %q (not in %s)", t.ID, t.Drug, drugsFile)
		}
		l.refs(p, f, ln, t.Sources, "trial "+t.ID, true)
	}
}
