// Package content holds the lesson as data: steps, drugs, side effects, trials,
// cytokines and sources, loaded from Markdown and YAML files and validated.
// It knows nothing of terminals; the views package decides how things look.
package content

import "time"

// Lesson is a loaded, validated lesson. Treat it as immutable after Load.
type Lesson struct {
	Meta        Meta
	Steps       []Step
	Sources     []Source
	Drugs       []Drug
	SideEffects []SideEffect
	Cytokines   []Cytokine
	Trials      []Trial
	Questions   []Question
	Glossary    []Term
	// Facts are the values that prose and data share; Load has already
	// written them into every text that names them (see facts.go).
	Facts []Fact

	sourceIndex map[string]int
	drugIndex   map[string]int
	unloaded    map[string]bool // files Load could not read; see Lesson.loaded
	metaLines   map[string]int  // the line of each key of lesson.yaml
	tables      []TableSpec     // the registry, built once per lesson
}

// Meta is the lesson-wide information from lesson.yaml: what every screen,
// the printed lesson and a handout say about the lesson as a whole. After
// Load, Title, Disclaimer, ShortDisclaimer, Checked and Language are never
// empty, so a screen can show them without checking.
type Meta struct {
	// Title names the lesson: the header of every screen, the window
	// title, the top of the printed lesson and the handout.
	Title string `yaml:"title"`
	// Subtitle says in a line what the lesson covers; it may be empty.
	Subtitle string `yaml:"subtitle"`
	// Language is the lesson's language as a BCP 47 tag ("en", "en-GB",
	// "de"): a handout's <html lang>, and what a screen reader is told.
	// It is "en" when lesson.yaml leaves it out.
	Language string `yaml:"language"`
	// Checked is the date the facts were last checked, YYYY-MM-DD; every
	// screen shows it.
	Checked string `yaml:"checked"`
	// Disclaimer is the lesson's full statement that it is education, not
	// advice: the first screen of the printed lesson and the handout.
	Disclaimer string `yaml:"disclaimer"`
	// ShortDisclaimer is the disclaimer in a few words, for the status line
	// under every screen (at most MaxShortDisclaimer characters). When
	// lesson.yaml leaves it out it is the disclaimer's first sentence,
	// which must then be that short.
	ShortDisclaimer string `yaml:"short_disclaimer"`
	// Changes is the changelog: what each review changed and why.
	Changes []Change `yaml:"changes"`

	// CheckedOn is Checked parsed; the zero time when Checked is malformed.
	CheckedOn time.Time `yaml:"-"`
}

// Step is one screen of the guided lesson: a Markdown body with front matter.
type Step struct {
	ID      string `yaml:"id"`
	Title   string `yaml:"title"`
	Section string `yaml:"section"`
	Scene   string `yaml:"scene"`
	Table   string `yaml:"table"`
	// Columns names, by title, the columns of Table that the text points
	// the reader at ("look down the JAKs column"): no screen cuts them.
	// Validate checks that they exist, and that every column the text
	// points at is listed.
	Columns []string `yaml:"columns"`
	// Changes is how many of the changelog's newest entries follow the
	// text, as a "Latest changes" list (the sources step shows them).
	Changes int    `yaml:"changes"`
	Sources Refs   `yaml:"sources"`
	Notes   string `yaml:"notes"`

	// Body is the Markdown after the front matter.
	Body string `yaml:"-"`
	// File is the step's file name within the lesson folder.
	File string `yaml:"-"`
	// BodyLine is the line of File on which Body starts.
	BodyLine int `yaml:"-"`

	keyLines map[string]int // the line of each front matter key in File
}

// line is the line of File on which a front matter key is written, or
// the front matter's first line when it is not written.
func (st Step) line(key string) int {
	if n := st.keyLines[key]; n > 0 {
		return n
	}
	return 2
}

// Source is a citable reference; facts point at it by ID. Kind says what
// sort of document it is (one of SourceKinds), so a learner can weigh it.
type Source struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	Kind  string `yaml:"kind"`
	Line  int    `yaml:"-"`
}

// Drug is one JAK inhibitor product. Brand is empty while a drug has none;
// Form is required for topical drugs, whose form is what sets them apart.
type Drug struct {
	ID                string     `yaml:"id"`
	Generic           string     `yaml:"generic"`
	Brand             string     `yaml:"brand"`
	Route             string     `yaml:"route"`
	Form              string     `yaml:"form"`
	Targets           []string   `yaml:"targets"`
	Selectivity       string     `yaml:"selectivity"`
	Approvals         []Approval `yaml:"approvals"`
	Dose              string     `yaml:"dose"`
	DoseSources       Refs       `yaml:"dose_sources"`
	BoxedWarning      string     `yaml:"boxed_warning"`
	BoxedSources      Refs       `yaml:"boxed_sources"`
	Monitoring        string     `yaml:"monitoring"`
	MonitoringSources Refs       `yaml:"monitoring_sources"`
	Note              string     `yaml:"note"`
	Sources           Refs       `yaml:"sources"`
	Line              int        `yaml:"-"`
}

// Approval is one regulator's decision (or the lack of one) for one condition.
type Approval struct {
	Region    string `yaml:"region"`
	Condition string `yaml:"condition"`
	Status    string `yaml:"status"`
	Date      string `yaml:"date"`
	Age       string `yaml:"age"`
	Detail    string `yaml:"detail"`
	Sources   Refs   `yaml:"sources"`
	Line      int    `yaml:"-"`
}

// SideEffect is an adverse reaction in plain words, mapped to its label term.
type SideEffect struct {
	ID       string     `yaml:"id"`
	Name     string     `yaml:"name"`
	Term     string     `yaml:"term"`
	Group    string     `yaml:"group"`
	Meaning  string     `yaml:"meaning"`
	Seed     string     `yaml:"seed"`
	Reported []Reported `yaml:"reported"`
	Sources  Refs       `yaml:"sources"`
	Line     int        `yaml:"-"`
}

// Reported says that a drug's label or trials list a side effect.
type Reported struct {
	Drug    string `yaml:"drug"`
	Figure  string `yaml:"figure"`
	Sources Refs   `yaml:"sources"`
	Line    int    `yaml:"-"`
}

// Cytokine is one row of the cytokine -> receptor -> JAK pair -> STAT table.
type Cytokine struct {
	Cytokine string   `yaml:"cytokine"`
	Receptor string   `yaml:"receptor"`
	JAKs     []string `yaml:"jaks"`
	STAT     string   `yaml:"stat"`
	Role     string   `yaml:"role"`
	Sources  Refs     `yaml:"sources"`
	Line     int      `yaml:"-"`
}

// Trial is one trial's headline result. Comparator is what the drug was
// measured against: placebo, vehicle (a cream without the drug) or another
// medicine (a head-to-head trial).
type Trial struct {
	ID         string `yaml:"id"`
	Trial      string `yaml:"trial"`
	Drug       string `yaml:"drug"`
	Dose       string `yaml:"dose"`
	Comparator string `yaml:"comparator"`
	Week       int    `yaml:"week"`
	Skin       string `yaml:"skin"`
	Itch       string `yaml:"itch"`
	Sources    Refs   `yaml:"sources"`
	Line       int    `yaml:"-"`
}

// HeadToHead says whether the trial compared the drug with another
// medicine rather than with a dummy.
func (t Trial) HeadToHead() bool {
	return t.Comparator != "" && t.Comparator != "placebo" && t.Comparator != "vehicle"
}

// Refs is a list of source ids, remembering the line it was written on so
// that a dangling id can be reported where an author can fix it.
type Refs struct {
	IDs  []string
	Line int
}

// Vocabularies that Validate accepts. They are functions, not package
// variables, so nothing can change them at run time.

// SceneNames lists the pathway scenes a step may name.
func SceneNames() []string {
	return []string{"resting", "binding", "activation", "stat", "nucleus", "biologic", "blocked", "compare"}
}

// JAKNames lists the four Janus kinases.
func JAKNames() []string { return []string{"JAK1", "JAK2", "JAK3", "TYK2"} }

// Regions lists the regulators the drug table knows.
func Regions() []string { return []string{"FDA", "EU", "Japan", "UK", "China"} }

// Statuses lists the approval states.
func Statuses() []string {
	return []string{"approved", "not approved", "submitted", "unconfirmed"}
}

// SourceKinds lists the sorts of source, strongest evidence first: a
// medicine's approved label, a regulator's decision or notice, a clinical
// guideline, a clinical trial (paper, registry record or abstract), another
// peer-reviewed study (laboratory or observational), a review article, a
// reference work (drug compendium, medical dictionary, classification) and
// news (press releases, news reports, consumer articles).
func SourceKinds() []string {
	return []string{"label", "regulator", "guideline", "trial", "study", "review", "reference", "news"}
}

// Primary says whether a source kind is primary evidence: a label, a
// regulator, a guideline or a peer-reviewed paper.
func Primary(kind string) bool {
	switch kind {
	case "label", "regulator", "guideline", "trial", "study", "review":
		return true
	}
	return false
}

// Groups lists the side-effect groups, in the order the lesson teaches them.
func Groups() []string { return []string{"common", "ra", "serious", "boxed"} }

// Source returns the source with the given id.
func (l *Lesson) Source(id string) (Source, bool) {
	i, ok := l.sourceIndex[id]
	if !ok {
		return Source{}, false
	}
	return l.Sources[i], true
}

// Drug returns the drug with the given id.
func (l *Lesson) Drug(id string) (Drug, bool) {
	i, ok := l.drugIndex[id]
	if !ok {
		return Drug{}, false
	}
	return l.Drugs[i], true
}

// Approval returns the drug's approval for the region and condition, if any row names them.
func (d Drug) Approval(region, condition string) (Approval, bool) {
	for _, a := range d.Approvals {
		if a.Region == region && a.Condition == condition {
			return a, true
		}
	}
	return Approval{}, false
}

// Name is the drug's generic name with its brand, as a learner meets it.
func (d Drug) Name() string {
	if d.Brand == "" {
		return d.Generic
	}
	return d.Generic + " (" + d.Brand + ")"
}

// Year returns the year part of the approval date, or "".
func (a Approval) Year() string {
	if len(a.Date) >= 4 {
		return a.Date[:4]
	}
	return ""
}
