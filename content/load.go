package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Data file names inside a lesson folder.
const (
	metaFile        = "lesson.yaml"
	sourcesFile     = "sources.yaml"
	drugsFile       = "drugs.yaml"
	sideEffectsFile = "sideeffects.yaml"
	cytokinesFile   = "cytokines.yaml"
	trialsFile      = "trials.yaml"
	questionsFile   = "questions.yaml"
	glossaryFile    = "glossary.yaml"
)

// stepName matches a step file: two or more digits, a dash, a slug.
var stepName = regexp.MustCompile(`^(\d{2,})-[a-z0-9-]+\.md$`)

// yamlLine finds the "line N" that yaml.v3 puts in its messages.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// Load reads a lesson folder (the embedded one, or an educator's own via
// os.DirFS), then validates it. The error, if any, is an Errors value listing
// every problem found, each with its file and line.
func Load(fsys fs.FS) (*Lesson, error) {
	l := &Lesson{}
	// The files do not depend on each other: parse them side by side.
	// Only lesson.yaml and the steps are required: a lesson on another
	// topic may have no drugs, trials or glossary, and then has no such
	// table, tab or screen.
	jobs := []func(p *Errors){
		func(p *Errors) { l.metaLines = p.decodeMeta(fsys, &l.Meta) },
		func(p *Errors) {
			loadOptional(fsys, sourcesFile, &l.Sources, p, func(s *Source, n *yaml.Node) { s.Line = n.Line })
		},
		func(p *Errors) {
			loadOptional(fsys, drugsFile, &l.Drugs, p, func(d *Drug, n *yaml.Node) {
				d.Line = n.Line
				for j, a := range seqItems(n, "approvals") {
					if j < len(d.Approvals) {
						d.Approvals[j].Line = a.Line
					}
				}
			})
		},
		func(p *Errors) {
			loadOptional(fsys, sideEffectsFile, &l.SideEffects, p, func(s *SideEffect, n *yaml.Node) {
				s.Line = n.Line
				for j, r := range seqItems(n, "reported") {
					if j < len(s.Reported) {
						s.Reported[j].Line = r.Line
					}
				}
			})
		},
		func(p *Errors) {
			loadOptional(fsys, cytokinesFile, &l.Cytokines, p, func(c *Cytokine, n *yaml.Node) { c.Line = n.Line })
			loadOptional(fsys, trialsFile, &l.Trials, p, func(t *Trial, n *yaml.Node) { t.Line = n.Line })
		},
		func(p *Errors) { l.Steps = loadSteps(fsys, p) },
		func(p *Errors) { loadFacts(fsys, l, p) },
		func(p *Errors) {
			loadOptional(fsys, questionsFile, &l.Questions, p, func(q *Question, n *yaml.Node) { q.Line = n.Line })
			loadOptional(fsys, glossaryFile, &l.Glossary, p, func(t *Term, n *yaml.Node) { t.Line = n.Line })
		},
	}
	found := make([]Errors, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Go(func() { job(&found[i]) })
	}
	wg.Wait()
	var p Errors
	for _, f := range found {
		p = append(p, f...)
	}
	l.unloaded = p.files()
	l.index()
	l.resolveFacts(&p)
	l.sortRefs()
	l.addChanges()
	if err := l.Validate(); err != nil {
		var v Errors
		if errors.As(err, &v) {
			p = append(p, v...)
		}
	}
	// The lines of lesson.yaml's keys serve only the messages above; a
	// lesson that loads is the same whether read from files or pre-parsed.
	l.metaLines = nil
	if len(p) > 0 {
		p.sort()
		return nil, p
	}
	return l, nil
}

// index builds the lookup maps and the table registry. Duplicates keep the
// first entry; Validate reports them.
func (l *Lesson) index() {
	l.tables = Tables()
	l.sourceIndex = make(map[string]int, len(l.Sources))
	for i, s := range l.Sources {
		if _, dup := l.sourceIndex[s.ID]; !dup {
			l.sourceIndex[s.ID] = i
		}
	}
	l.drugIndex = make(map[string]int, len(l.Drugs))
	for i, d := range l.Drugs {
		if _, dup := l.drugIndex[d.ID]; !dup {
			l.drugIndex[d.ID] = i
		}
	}
}

// loadOptional is loadList for a data file a lesson may do without: a
// file that is not there, or holds nothing but comments, is no entries.
func loadOptional[T any](fsys fs.FS, name string, out *[]T, p *Errors, setLines func(*T, *yaml.Node)) {
	if !present(fsys, name) {
		return
	}
	data, ok := readLessonFile(fsys, name, maxDataBytes, p)
	if ok && !blankYAML(data) {
		decodeList(name, data, out, p, setLines)
	}
}

// decodeList decodes a YAML file holding a list, then lets setLines copy
// each item's line number from the node tree (decoding discards positions).
func decodeList[T any](name string, data []byte, out *[]T, p *Errors, setLines func(*T, *yaml.Node)) {
	var root yaml.Node
	if !p.decodeBytes(name, data, 0, out, &root) {
		return
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.SequenceNode {
		p.add(name, doc.Line, "want a list of entries")
		return
	}
	for i, n := range doc.Content {
		if i < len(*out) {
			setLines(&(*out)[i], n)
		}
	}
}

// seqItems returns the items of the sequence under key in a mapping node.
func seqItems(n *yaml.Node, key string) []*yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.SequenceNode {
			return n.Content[i+1].Content
		}
	}
	return nil
}

// decode reads name from fsys and strictly decodes it into out (unknown keys
// are errors). When root is non-nil the node tree is kept for line numbers.
// offset is added to every reported line (front matter starts below "---").
func (p *Errors) decode(fsys fs.FS, name string, offset int, out any, root *yaml.Node) bool {
	data, ok := readLessonFile(fsys, name, maxDataBytes, p)
	if !ok {
		return false
	}
	return p.decodeBytes(name, data, offset, out, root)
}

func (p *Errors) decodeBytes(name string, data []byte, offset int, out any, root *yaml.Node) bool {
	// Parse once into a node tree (it keeps line numbers), check its keys
	// against out's fields, then decode from the tree: parsing is the
	// costly part, and it runs before the first frame.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p.addYAML(name, offset, err, data)
		return false
	}
	if len(doc.Content) == 0 {
		p.add(name, offset+1, "file is empty")
		return false
	}
	before := len(*p)
	p.unknownKeys(name, offset, doc.Content[0], reflect.TypeOf(out))
	if len(*p) > before {
		return false
	}
	if err := doc.Decode(out); err != nil {
		p.addYAML(name, offset, err, nil)
		return false
	}
	if root != nil {
		*root = doc
	}
	return true
}

// unknownKeys reports mapping keys that name no field of t, at their lines,
// so a misspelt key is an error rather than silently ignored.
func (p *Errors) unknownKeys(name string, offset int, n *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[yaml.Unmarshaler]()) {
		return // the type reads its own node
	}
	switch {
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, item := range n.Content {
			p.unknownKeys(name, offset, item, t.Elem())
		}
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := map[string]reflect.Type{}
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if f.IsExported() && tag != "-" && tag != "" {
				fields[tag] = f.Type
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				p.add(name, k.Line+offset, "field %s not found in type %s.%s", k.Value, path.Base(t.PkgPath()), t.Name())
				continue
			}
			p.unknownKeys(name, offset, n.Content[i+1], ft)
		}
	}
}

// addYAML splits a yaml.v3 error into one problem per message, moving the
// line number yaml reports into the file:line position. A syntax error in
// data (the YAML that was parsed, when it is given) is put in an author's
// words at the line it is on (yamlSyntax).
func (p *Errors) addYAML(name string, offset int, err error, data []byte) {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	for _, m := range msgs {
		line := 0
		if g := yamlLine.FindStringSubmatch(m); g != nil {
			line, _ = strconv.Atoi(g[1])
			m = g[2]
		}
		m = strings.TrimPrefix(m, "yaml: ")
		if data != nil && te == nil {
			line, m = yamlSyntax(data, m, line)
		}
		if line > 0 {
			line += offset
		}
		p.add(name, line, "%s", m)
	}
}

// loadSteps reads every NN-slug.md file in the folder, in name order.
func loadSteps(fsys fs.FS, p *Errors) []Step {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		p.add(".", 0, "cannot list the lesson folder: %s", errText(err))
		return nil
	}
	var steps []Step
	for _, e := range entries {
		name := e.Name()
		if path.Ext(name) != ".md" {
			continue
		}
		if e.IsDir() {
			p.add(name, 0, "is a folder: a step is a file named NN-slug.md, and folders are not read")
			continue
		}
		if !stepName.MatchString(name) {
			p.add(name, 0, "step files are named NN-slug.md (two digits, a dash, lowercase letters, digits and dashes)")
			continue
		}
		data, ok := readLessonFile(fsys, name, maxStepBytes, p)
		if !ok {
			continue
		}
		st, ok := parseStep(name, data, p)
		if ok {
			steps = append(steps, st)
		}
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].File < steps[j].File })
	return steps
}

func parseStep(name string, data []byte, p *Errors) (Step, bool) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	if !strings.HasPrefix(text, "---\n") {
		p.add(name, 1, `a step starts with front matter: a line "---", YAML, then another "---"`)
		return Step{}, false
	}
	rest := text[len("---\n"):]
	end := strings.Index(rest, "\n---\n")
	var front, body string
	switch {
	case end >= 0:
		front, body = rest[:end+1], rest[end+len("\n---\n"):]
	case strings.HasSuffix(rest, "\n---"):
		front, body = rest[:len(rest)-len("---")], ""
	default:
		p.add(name, 1, `front matter is not closed: add a line "---" after it`)
		return Step{}, false
	}
	st := Step{File: name}
	if strings.TrimSpace(front) == "" {
		p.add(name, 2, "front matter is empty: a step needs at least id, title and section")
		return Step{}, false
	}
	var root yaml.Node
	if !p.decodeBytes(name, []byte(front), 1, &st, &root) {
		return Step{}, false
	}
	st.File = name
	st.keyLines = keyLines(&root, 1)
	if st.Sources.Line > 0 {
		st.Sources.Line++ // node lines count from the front matter, which starts on line 2
	}
	// The body starts on the line after the closing "---", past any blank lines.
	st.Body = strings.TrimSpace(body)
	lead := strings.TrimLeftFunc(body, unicode.IsSpace)
	st.BodyLine = strings.Count(front, "\n") + 3 + strings.Count(body[:len(body)-len(lead)], "\n")
	// A file that ends on its closing "---" has no line after it.
	st.BodyLine = min(st.BodyLine, strings.Count(text, "\n")+1)
	return st, true
}

// keyLines maps each key of a YAML document's top mapping to its line,
// moved down by offset.
func keyLines(root *yaml.Node, offset int) map[string]int {
	lines := map[string]int{}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return lines
	}
	doc := root.Content[0]
	for i := 0; i+1 < len(doc.Content); i += 2 {
		lines[doc.Content[i].Value] = doc.Content[i].Line + offset
	}
	return lines
}

// present says whether the folder holds name at all. A link counts even
// when it leads nowhere, and so does a file that cannot be read: reading
// it then says why, rather than the file being quietly left out.
func present(fsys fs.FS, name string) bool {
	_, err := fs.Lstat(fsys, name)
	return !errors.Is(err, fs.ErrNotExist)
}

// blankYAML says whether a file holds nothing but blank lines and comments.
func blankYAML(data []byte) bool {
	for _, ln := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(ln); t != "" && !strings.HasPrefix(t, "#") && t != "---" {
			return false
		}
	}
	return true
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// UnmarshalYAML reads a list of ids (or one id) and remembers its line.
func (r *Refs) UnmarshalYAML(n *yaml.Node) error {
	r.Line = n.Line
	if n.Kind == yaml.ScalarNode {
		if n.Value == "" {
			return nil
		}
		r.IDs = []string{n.Value}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("line %d: sources are a list of ids, like [S1, S2]", n.Line)
	}
	return n.Decode(&r.IDs)
}
