package model

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/explorer"
	"jakstat/model/internal/ui"
	"jakstat/model/live"
	"jakstat/model/notes"
	"jakstat/model/quiz"
	"jakstat/model/resume"
	"jakstat/model/search"
)

// keyMap is what every key map offers the help.
type keyMap interface {
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// keyMaps is every key map of the lesson, by name.
func keyMaps() map[string]keyMap {
	return map[string]keyMap{
		"model.KeyMap":       DefaultKeyMap(),
		"model.PromptKeyMap": DefaultPromptKeyMap(),
		"explorer.KeyMap":    explorer.DefaultKeyMap(),
		"quiz.KeyMap":        quiz.DefaultKeyMap(),
		"search.KeyMap":      search.New(nil).KeyMap, // the glossary's is the same ui.ListKeys
		"resume.KeyMap":      resume.DefaultKeyMap(),
		"notes.KeyMap":       notes.DefaultKeyMap(),
		"live.KeyMap":        live.DefaultKeyMap(),
	}
}

// bindings lists the key.Binding fields of a key map struct by name.
func bindings(km any) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(km)
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out[v.Type().Field(i).Name] = b
		}
	}
	return out
}

func same(a, b key.Binding) bool { return slices.Equal(a.Keys(), b.Keys()) && a.Help() == b.Help() }

// TestKeyMapsAreDocumented: every binding has keys and help, and is listed
// in its map's FullHelp (what "?" shows); the help bar offers only keys
// that FullHelp lists.
func TestKeyMapsAreDocumented(t *testing.T) {
	for name, km := range keyMaps() {
		full := slices.Concat(km.FullHelp()...)
		for field, b := range bindings(km) {
			if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s.%s has no keys or no help: %v %+v", name, field, b.Keys(), b.Help())
			}
			if !slices.ContainsFunc(full, func(f key.Binding) bool { return same(f, b) }) {
				t.Errorf("%s.%s is missing from FullHelp", name, field)
			}
		}
		var listed []string
		for _, b := range full {
			listed = append(listed, b.Keys()...)
		}
		for _, b := range km.ShortHelp() {
			for _, k := range b.Keys() {
				if !slices.Contains(listed, k) {
					t.Errorf("%s: the help bar offers %q, which FullHelp does not list", name, k)
				}
			}
		}
	}
}

// modelFiles parses every non-test Go file of the model packages.
func modelFiles(t *testing.T) map[string]*ast.File {
	t.Helper()
	out := map[string]*ast.File{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		out[p] = f
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEveryBindingIsMatched: each binding of each key map is handed to
// key.Matches (or a scroller that matches it) somewhere, so no key is only
// in the help; a binding that merely sits in a map is dead.
func TestEveryBindingIsMatched(t *testing.T) {
	matched := map[string]bool{}
	for _, f := range modelFiles(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "Matches" && sel.Sel.Name != "ScrollKey") || len(n.Args) < 2 {
					return true
				}
				for _, a := range n.Args[1:] {
					if s, ok := a.(*ast.SelectorExpr); ok {
						matched[s.Sel.Name] = true
					}
				}
			case *ast.FuncDecl:
				if n.Name.Name == "filterKeys" { // the explorer matches its quick filters through this list
					ast.Inspect(n, func(n ast.Node) bool {
						if s, ok := n.(*ast.SelectorExpr); ok {
							matched[s.Sel.Name] = true
						}
						return true
					})
				}
			}
			return true
		})
	}
	for name, km := range keyMaps() {
		for field := range bindings(km) {
			if !matched[field] {
				t.Errorf("%s.%s is never matched against a key", name, field)
			}
		}
	}
}

// TestNoRawKeyStrings: keys are matched by binding, never by comparing a
// key's name or text with a string, so the help cannot drift from them.
func TestNoRawKeyStrings(t *testing.T) {
	keyish := func(e ast.Expr) bool {
		switch e := e.(type) {
		case *ast.CallExpr:
			s, ok := e.Fun.(*ast.SelectorExpr)
			return ok && s.Sel.Name == "String" && len(e.Args) == 0
		case *ast.SelectorExpr:
			return e.Sel.Name == "Text"
		}
		return false
	}
	literal := func(e ast.Expr) bool { // a name or a character; "" only asks whether there is text
		b, ok := e.(*ast.BasicLit)
		return ok && (b.Kind == token.STRING && b.Value != `""` || b.Kind == token.CHAR)
	}
	for p, f := range modelFiles(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if (keyish(n.X) && literal(n.Y)) || (keyish(n.Y) && literal(n.X)) {
					t.Errorf("%s: a key compared with a string: %s", p, exprText(n))
				}
			case *ast.SwitchStmt:
				if a, ok := n.Init.(*ast.AssignStmt); ok && len(a.Rhs) == 1 && keyish(a.Rhs[0]) {
					t.Errorf("%s: a switch on a key's name", p)
				}
				if n.Tag != nil && keyish(n.Tag) {
					t.Errorf("%s: a switch on a key's name", p)
				}
			}
			return true
		})
	}
}

func exprText(e ast.Expr) string {
	var b strings.Builder
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			b.WriteString(n.Name + " ")
		case *ast.BasicLit:
			b.WriteString(n.Value + " ")
		}
		return true
	})
	return b.String()
}

// keyState is a state a learner reaches and the key maps in force in it.
type keyState struct {
	name string
	maps map[string]any
}

// keyStates drives the lesson into every kind of state each screen has.
func keyStates(t *testing.T) []keyState {
	l := shipped(t)
	input := ui.InputKeys()
	lesson := func(name string, m Model) keyState {
		return keyState{name, map[string]any{"model.KeyMap": m.keys}}
	}
	order := slices.IndexFunc(l.Questions, func(q content.Question) bool { return q.Kind == "order" })
	choice := slices.IndexFunc(l.Questions, func(q content.Question) bool { return q.Kind == "choice" })
	present := func() Model { return New(l, Options{Theme: ThemeDark, Present: true}) }
	resumed := send(t, New(l, Options{Progress: Progress{Step: 3, Resume: true}}), tea.WindowSizeMsg{Width: 80, Height: 24})
	notesView := send(t, New(l, Options{Notes: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	states := []keyState{
		lesson("text", sized(t, 80, 24)),
		lesson("scene", press(t, sized(t, 80, 24), "5", "G")),
		lesson("scene zoomed", press(t, sized(t, 80, 24), "5", "G", "z")),
		lesson("scene too big to draw", press(t, sized(t, 60, 14), "5", "G")),
		lesson("a question waiting", press(t, ask(t, quizzed(t, 80, 24), choice), "1", "v")),
		lesson("a question waiting, table", press(t, ask(t, quizzed(t, 120, 40), tableQuestion(t)), "1", "v", "tab")),
		lesson("table", press(t, sized(t, 120, 40), "1", "4", "G")),
		lesson("table focus", press(t, sized(t, 120, 40), "1", "4", "G", "tab")),
		lesson("help", press(t, sized(t, 80, 24), "?")),
		lesson("details", press(t, sized(t, 120, 40), "1", "4", "G", "tab", "enter")),
		lesson("found", press(t, sized(t, 80, 24), "/", "o", "r", "a", "l", "enter")),
		lesson("presenter", send(t, present(), tea.WindowSizeMsg{Width: 80, Height: 24})),
		lesson("blank", press(t, send(t, present(), tea.WindowSizeMsg{Width: 80, Height: 24}), "b")),
		lesson("classroom", send(t, New(l, Options{Follow: true}), tea.WindowSizeMsg{Width: 80, Height: 24})),
		{"prompt", map[string]any{"model.PromptKeyMap": sized(t, 80, 24).promptKeys, "input": input}},
	}
	explore := func(name string, keys ...string) keyState {
		m := press(t, sized(t, 120, 40), append([]string{"t"}, keys...)...)
		maps := map[string]any{"explorer.KeyMap": m.explorer.KeyMap}
		if m.explorer.KeyMap.Done.Enabled() {
			maps["input"] = input
		}
		return keyState{"explorer " + name, maps}
	}
	states = append(states, explore("drugs"), explore("trials", "3"), explore("help", "?"), explore("filter", "/"),
		explore("details", "enter"), explore("filtered", "o"))
	question := func(name string, m Model) keyState {
		return keyState{"quiz " + name, map[string]any{"quiz.KeyMap": m.quiz.KeyMap}}
	}
	asking := ask(t, quizzed(t, 80, 24), choice)
	missed := quizzed(t, 80, 24)
	missed.answers = map[string]bool{l.Questions[choice].ID: false}
	states = append(states,
		question("choice", asking),
		question("answered", press(t, asking, "1")),
		question("order", ask(t, quizzed(t, 80, 24), order)),
		question("presenter", ask(t, send(t, present(), tea.WindowSizeMsg{Width: 80, Height: 24}), choice)),
		question("score", press(t, quizzed(t, 80, 24), "G", "right")),
		question("score with misses", press(t, missed, "G", "right")),
		keyState{"search", map[string]any{"search.KeyMap": press(t, sized(t, 80, 24), "/").search.KeyMap, "input": input}},
		keyState{"glossary", map[string]any{"search.KeyMap": press(t, sized(t, 80, 24), "d").glossary.KeyMap, "input": input}},
		keyState{"resume", map[string]any{"resume.KeyMap": resumed.resume.KeyMap}},
		keyState{"notes", map[string]any{"notes.KeyMap": notesView.notes.KeyMap}},
	)
	return append(states, liveKeyStates(t, l, choice, order)...)
}

// liveKeyStates are a classroom's live check, a student's and a teacher's.
func liveKeyStates(t *testing.T, l *content.Lesson, choice, order int) []keyState {
	onLive := func(name string, m Model) keyState {
		return keyState{"live " + name, map[string]any{"live.KeyMap": m.live.KeyMap}}
	}
	student := func() Model { return studentIn(t, l, &fakeRoom{}, 80, 24) }
	asked := send(t, student(), checkOf(l, choice, 1, 1))
	revealed := checkOf(l, choice, 1, 1)
	revealed.Revealed = true
	teacher := ask(t, teacherIn(t, l, &fakeRoom{}, 80, 24), choice)
	counted := checkOf(l, choice, 1, 1)
	counted.Answered = 5
	answersIn := send(t, teacher, counted)
	return []keyState{
		{"classroom asked", map[string]any{"model.KeyMap": press(t, asked, "esc").keys}},
		onLive("student choice", asked),
		onLive("student order", send(t, student(), checkOf(l, order, 1, 1))),
		onLive("student answered", press(t, asked, "1")),
		onLive("student revealed", send(t, press(t, asked, "1"), revealed)),
		onLive("teacher", teacher),
		onLive("teacher revealed", press(t, teacher, "a")),
		onLive("teacher, answers in", answersIn),
		onLive("teacher second vote", press(t, answersIn, "R")),
	}
}

// TestBindingsReachableWithoutCollisions: in every state, no two enabled
// bindings share a key; and every binding of every key map is enabled in
// some state a learner reaches.
func TestBindingsReachableWithoutCollisions(t *testing.T) {
	enabledSomewhere := map[string]bool{}
	for _, st := range keyStates(t) {
		owner := map[string]string{} // key -> the binding that has it
		for mapName, km := range st.maps {
			for field, b := range bindings(km) {
				if !b.Enabled() {
					continue
				}
				enabledSomewhere[mapName+"."+field] = true
				for _, k := range b.Keys() {
					if other, taken := owner[k]; taken {
						t.Errorf("%s: %q is bound to both %s and %s.%s", st.name, k, other, mapName, field)
					}
					owner[k] = mapName + "." + field
				}
			}
		}
	}
	for name, km := range keyMaps() {
		for field := range bindings(km) {
			if !enabledSomewhere[name+"."+field] {
				t.Errorf("%s.%s is enabled in no state a learner reaches", name, field)
			}
		}
	}
}

// tableQuestion is a choice question taught on a step with a table.
func tableQuestion(t *testing.T) int {
	l := shipped(t)
	for i, q := range l.Questions {
		if st := l.StepIndex(q.Step); q.Kind == content.KindChoice && st >= 0 && l.Steps[st].Table != "" {
			return i
		}
	}
	t.Fatal("no choice question is taught on a step with a table")
	return -1
}
