package explorer

import (
	"strconv"

	"charm.land/bubbles/v2/key"

	"jakstat/model/internal/ui"
)

// KeyMap is the explorer's keys; its help is generated from it. While the
// text filter is typed only Done, Cancel and Interrupt are enabled.
type KeyMap struct {
	NextTab  key.Binding
	PrevTab  key.Binding
	Tab      key.Binding // a tab by its number
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Details  key.Binding
	Link     key.Binding
	Close    key.Binding // esc: closes details, goes back along a cross-link, or leaves
	Leave    key.Binding // t: back to the lesson from anywhere
	Filter   key.Binding
	Sort     key.Binding
	Reverse  key.Binding
	Route    key.Binding // the "route" quick filter
	Region   key.Binding // the "region" quick filter
	Boxed    key.Binding // the "boxed" quick filter
	Clear    key.Binding
	Help     key.Binding
	Quit     key.Binding

	// While typing the text filter.
	Done      key.Binding
	Cancel    key.Binding
	Interrupt key.Binding
}

// DefaultKeyMap returns the explorer's standard keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextTab:  key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab", "next tab")),
		PrevTab:  key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab", "previous tab")),
		Tab:      ui.Digits("tab by number"),
		Up:       ui.Up(),
		Down:     ui.Down(),
		PageUp:   ui.PageUp(),
		PageDown: ui.PageDown(),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first row")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last row")),
		Details:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Link:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cross-link")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the lesson")),
		Leave:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "back to the lesson")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort column")),
		Reverse:  key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse")),
		Route:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "oral/topical")),
		Region:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "FDA/EU/Japan")),
		Boxed:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "boxed warning")),
		Clear:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear filters and sort")),
		Help:     ui.Help(),
		Quit:     ui.Quit(),

		Done:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
		Interrupt: ui.Interrupt(),
	}
}

// ShortHelp is the explorer's help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Close, k.NextTab, k.Filter, k.Sort, k.Details, k.Link, k.Route, k.Region, k.Boxed, k.Clear}
}

// FullHelp is the explorer's "?" screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextTab, k.PrevTab, k.Tab, k.Details, k.Link, k.Close, k.Leave},
		{k.Filter, k.Sort, k.Reverse, k.Route, k.Region, k.Boxed, k.Clear},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Help, k.Quit},
		{k.Done, k.Cancel, k.Interrupt},
	}
}

// filterKeys ties the quick-filter bindings to the filters they cycle;
// a binding works on the tabs whose table has its filter.
func (k *KeyMap) filterKeys() []filterKey {
	return []filterKey{{"route", &k.Route}, {"region", &k.Region}, {"boxed", &k.Boxed}}
}

type filterKey struct {
	id      string
	binding *key.Binding
}

// numberTabs binds the number keys of the tabs there are.
func (k *KeyMap) numberTabs(n int) {
	keys := make([]string, 0, n)
	for i := 1; i <= min(n, 9); i++ {
		keys = append(keys, strconv.Itoa(i))
	}
	k.Tab.SetKeys(keys...)
	k.Tab.SetHelp("1-"+strconv.Itoa(len(keys)), "tab by number")
}

// browse enables the keys of browsing the rows, or of typing the filter.
func (k *KeyMap) browse(on bool) {
	for _, b := range []*key.Binding{&k.NextTab, &k.PrevTab, &k.Tab, &k.Up, &k.Down, &k.PageUp, &k.PageDown,
		&k.Top, &k.Bottom, &k.Details, &k.Link, &k.Close, &k.Leave, &k.Filter, &k.Sort, &k.Reverse, &k.Route,
		&k.Region, &k.Boxed, &k.Clear, &k.Help, &k.Quit} {
		b.SetEnabled(on)
	}
	for _, b := range []*key.Binding{&k.Done, &k.Cancel, &k.Interrupt} {
		b.SetEnabled(!on)
	}
}
