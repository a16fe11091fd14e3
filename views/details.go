package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"jakstat/content"
)

// Details renders everything known about row i of a table, with its
// sources, wrapped to width. It is shown when the learner presses Enter on a row.
func Details(l *content.Lesson, t content.Table, i, width int, s Styles) string {
	if i < 0 || i >= len(t.Keys) {
		return ""
	}
	d := detailWriter{width: max(width, 20), s: s}
	key := t.Keys[i]
	switch t.Spec.Record {
	case content.RecordDrug:
		if drug, ok := l.Drug(key); ok {
			d.drug(l, drug)
		}
	case content.RecordSideEffect:
		if se, ok := l.SideEffect(key); ok {
			d.sideEffect(l, se)
		}
	case content.RecordCytokine:
		if n, err := strconv.Atoi(key); err == nil && n < len(l.Cytokines) {
			d.cytokine(l, l.Cytokines[n])
		}
	case content.RecordTrial:
		for _, tr := range l.Trials {
			if tr.ID == key {
				d.trial(l, tr)
			}
		}
	case content.RecordSource:
		if src, ok := l.Source(key); ok {
			d.source(l, src)
		}
	}
	return strings.TrimRight(d.b.String(), "\n")
}

// detailWriter accumulates a details panel: a title, then labelled fields.
type detailWriter struct {
	b     strings.Builder
	width int
	s     Styles
}

func (d *detailWriter) title(t string) {
	d.b.WriteString(d.s.Title.Render(Truncate(t, d.width)))
	d.b.WriteString("\n\n")
}

// field writes "Label: value" on one line when it fits, otherwise the label
// on its own line and the value wrapped below it. Empty values are skipped.
func (d *detailWriter) field(label, value string, refs []string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	if len(refs) > 0 {
		value += " " + refList(refs)
	}
	if lipgloss.Width(label)+2+lipgloss.Width(value) <= d.width {
		d.b.WriteString(d.s.Label.Render(label+": ") + d.s.Value.Render(value) + "\n")
		return
	}
	d.b.WriteString(d.s.Label.Render(label))
	d.b.WriteByte('\n')
	d.b.WriteString(d.s.Value.Render(wrap(value, d.width)))
	d.b.WriteString("\n\n")
}

func (d *detailWriter) sources(l *content.Lesson, ids []string) {
	if len(ids) == 0 {
		return
	}
	d.b.WriteString(d.s.Label.Render("Sources"))
	d.b.WriteByte('\n')
	d.b.WriteString(SourceList(l, ids, d.width, d.s))
	d.b.WriteString("\n\n")
}

func (d *detailWriter) drug(l *content.Lesson, x content.Drug) {
	d.title(x.Name())
	d.field("Route", strings.TrimSpace(x.Route+" "+x.Form), nil)
	d.field("JAK targets", strings.Join(x.Targets, ", "), nil)
	d.field("Selectivity", x.Selectivity, nil)
	if len(x.Approvals) > 0 {
		d.b.WriteString(d.s.Label.Render("Approvals"))
		d.b.WriteByte('\n')
		for _, a := range x.Approvals {
			line := fmt.Sprintf("%s, %s: %s", a.Region, a.Condition, a.Status)
			if a.Date != "" {
				line += " " + a.Date
			}
			switch {
			case strings.HasPrefix(a.Age, "adult"):
				line += ", " + a.Age
			case a.Age != "":
				line += ", ages " + a.Age
			}
			if a.Detail != "" {
				line += ". " + a.Detail
			}
			d.b.WriteString(d.s.Value.Render(hang("• ", line+" "+refList(a.Sources.IDs), d.width)))
			d.b.WriteByte('\n')
		}
		d.b.WriteByte('\n')
	}
	d.field("Dose", x.Dose, x.DoseSources.IDs)
	d.field("US boxed warning", boxedLong(x.BoxedWarning), x.BoxedSources.IDs)
	d.field("Monitoring", x.Monitoring, x.MonitoringSources.IDs)
	var reported []string
	for _, se := range l.SideEffects {
		for _, r := range se.Reported {
			if r.Drug == x.ID && !slices.Contains(reported, se.Name) {
				reported = append(reported, se.Name)
			}
		}
	}
	d.field("Side effects listed", strings.Join(reported, " · "), nil)
	d.field("Note", x.Note, nil)
	d.sources(l, x.Sources.IDs)
}

func boxedLong(b string) string {
	switch b {
	case "yes":
		return "Yes: the FDA boxed warning for JAK inhibitors."
	case "no":
		return "No boxed warning."
	}
	return "Not applicable: not sold in the US."
}

func (d *detailWriter) sideEffect(l *content.Lesson, se content.SideEffect) {
	d.title(se.Name)
	d.field("Label term", se.Term, nil)
	d.field("Group", content.GroupText(se.Group), nil)
	d.field("What it means", se.Meaning, nil)
	if se.Seed != "" {
		d.field("How the seed article put it", "“"+se.Seed+"”", nil)
	}
	if len(se.Reported) > 0 {
		d.b.WriteString(d.s.Label.Render("Listed for"))
		d.b.WriteByte('\n')
		for _, r := range se.Reported {
			name := r.Drug
			if x, ok := l.Drug(r.Drug); ok {
				name = x.Name()
			}
			if r.Figure != "" {
				name += ": " + r.Figure
			}
			d.b.WriteString(d.s.Value.Render(hang("• ", name+" "+refList(r.Sources.IDs), d.width)))
			d.b.WriteByte('\n')
		}
		d.b.WriteByte('\n')
	}
	d.sources(l, se.Sources.IDs)
}

func (d *detailWriter) cytokine(l *content.Lesson, c content.Cytokine) {
	d.title(c.Cytokine)
	d.field("Receptor", c.Receptor, nil)
	d.field("JAK pair", strings.Join(c.JAKs, " + "), nil)
	d.field("Main STAT", c.STAT, nil)
	d.field("Role in eczema", c.Role, nil)
	d.sources(l, c.Sources.IDs)
}

func (d *detailWriter) trial(l *content.Lesson, t content.Trial) {
	d.title(t.Trial)
	drug := t.Drug
	if x, ok := l.Drug(t.Drug); ok {
		drug = x.Name()
	}
	d.field("Drug", drug, nil)
	d.field("Dose", t.Dose, nil)
	d.field("Compared with", t.Comparator, nil)
	d.field("Measured at", fmt.Sprintf("week %d", t.Week), nil)
	d.field("Skin result", t.Skin, nil)
	d.field("Itch", t.Itch, nil)
	if t.HeadToHead() {
		d.field("Caveat", "A head-to-head trial: the drug against another medicine, not a dummy. It asks whether one works better than the other, a different question from the placebo and vehicle trials, so do not rank it against their rows.", nil)
	} else {
		d.field("Caveat", "Trials ran for different lengths, each against its own "+t.Comparator+": compare the drug with that, not with another row.", nil)
	}
	d.sources(l, t.Sources.IDs)
}

func (d *detailWriter) source(l *content.Lesson, src content.Source) {
	d.title(src.ID + " " + src.Title)
	d.field("Kind", src.Kind, nil)
	d.field("Address", src.URL, nil)
	var cited []string
	for i, st := range l.Steps {
		if slices.Contains(st.Sources.IDs, src.ID) {
			cited = append(cited, fmt.Sprintf("%d %s", i+1, st.Title))
		}
	}
	d.field("Cited on steps", strings.Join(cited, "; "), nil)
}

// SourceList renders "[S1] Title" lines for the given ids, wrapped with a
// hanging indent. Unknown ids cannot occur in a validated lesson.
func SourceList(l *content.Lesson, ids []string, width int, s Styles) string {
	return LinkedSourceList(l, ids, width, s, false)
}

func refList(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return "[" + strings.Join(ids, ", ") + "]"
}

// hang wraps text after a prefix, indenting continuation lines under the text.
func hang(prefix, text string, width int) string {
	indent := strings.Repeat(" ", lipgloss.Width(prefix))
	lines := strings.Split(wrap(text, max(width-len(indent), 10)), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
