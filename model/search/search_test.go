package search

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/internal/fixture"
	"jakstat/model/internal/ui"
	"jakstat/views"
)

func TestSearchReports(t *testing.T) {
	s := views.NewStyles(true)
	m := New(&s).Open(fixture.Lesson(t))
	m.SetSize(80, 20)
	m, _ = m.Update(tea.PasteMsg{Content: "jak"})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); out != (GoMsg{Query: "jak", Hit: 1}) {
		t.Errorf("enter reported %#v", out)
	}
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); out != (CloseMsg{}) {
		t.Errorf("esc reported %#v", out)
	}
	if _, out := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); out != nil {
		t.Error("q quit the search instead of being typed")
	}
	m, _ = m.Update(tea.PasteMsg{Content: "zzz"})
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); out != nil {
		t.Errorf("enter with no matches reported %#v", out)
	}
}

// BenchmarkSearchKey is one key typed at the end of the longest query a
// search holds, in the shipped lesson: what every key of a 100 KB paste
// or a 4 KB typed query would cost at most, since the input is bounded.
func BenchmarkSearchKey(b *testing.B) { benchSearchKey(b, strings.Repeat("the ", ui.MaxInput), 'e') }

// BenchmarkSearchKeyShort is the same key at the end of a usual query.
func BenchmarkSearchKeyShort(b *testing.B) { benchSearchKey(b, "inhibito", 'o') }

// benchSearchKey types backspace and last, in turn, after query.
func benchSearchKey(b *testing.B, query string, last rune) {
	l, err := content.Shipped()
	if err != nil {
		b.Fatal(err)
	}
	s := views.NewStyles(true)
	m := New(&s).Open(l)
	m.SetSize(80, 20)
	m, _ = m.Update(tea.PasteMsg{Content: query})
	keys := []tea.KeyPressMsg{{Code: tea.KeyBackspace}, {Code: last, Text: string(last)}}
	for i := 0; b.Loop(); i++ {
		m, _ = m.Update(keys[i%2])
	}
}
