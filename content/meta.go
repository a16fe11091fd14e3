package content

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxShortDisclaimer is the most characters Meta.ShortDisclaimer may have:
// it shares one line with the date the facts were checked and what is
// scrolled out of sight, on screens as narrow as 60 columns.
const MaxShortDisclaimer = 40

// defaultLanguage is a lesson's language when lesson.yaml does not say.
const defaultLanguage = "en"

// languageTag is the shape of a BCP 47 language tag: a language, then
// optional script, region or variant parts ("en", "en-GB", "zh-Hant-TW").
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// decodeMeta reads lesson.yaml and returns the line of each of its keys,
// so that a bad value is reported where it is written.
func (p *Errors) decodeMeta(fsys fs.FS, m *Meta) map[string]int {
	var root yaml.Node
	if !p.decode(fsys, metaFile, 0, m, &root) {
		return nil
	}
	return keyLines(&root, 0)
}

func (l *Lesson) validateMeta(p *Errors) {
	if !l.loaded(metaFile) {
		return // its one problem is already reported
	}
	m := &l.Meta
	if strings.TrimSpace(m.Title) == "" {
		p.add(metaFile, at(l, "title"), "title is missing: the lesson's name, shown at the top of every screen")
	}
	switch {
	case m.Language == "":
		m.Language = defaultLanguage
	case !languageTag.MatchString(m.Language):
		p.add(metaFile, at(l, "language"), "language %q: use a language tag such as en, en-GB or de", m.Language)
	}
	l.validateDisclaimer(p)
	t, err := time.Parse(time.DateOnly, m.Checked)
	if err != nil {
		p.add(metaFile, at(l, "checked"), "checked must be the date the facts were checked, as YYYY-MM-DD (got %q)", m.Checked)
	} else {
		m.CheckedOn = t
	}
	validateChanges(p, m.Changes, m.CheckedOn)
}

// validateDisclaimer checks the full disclaimer and the short one the
// status line shows, working the short one out when it is left out.
func (l *Lesson) validateDisclaimer(p *Errors) {
	m := &l.Meta
	if strings.TrimSpace(m.Disclaimer) == "" {
		p.add(metaFile, at(l, "disclaimer"), "disclaimer is missing: the lesson must say it is education, not medical advice")
		return
	}
	if m.ShortDisclaimer != "" {
		if n := utf8.RuneCountInString(m.ShortDisclaimer); n > MaxShortDisclaimer {
			p.add(metaFile, at(l, "short_disclaimer"), "short_disclaimer is %d characters; the status line has room for %d", n, MaxShortDisclaimer)
		}
		return
	}
	first := FirstSentence(m.Disclaimer)
	if n := utf8.RuneCountInString(first); n > MaxShortDisclaimer {
		p.add(metaFile, at(l, "disclaimer"), "%s", fmt.Sprintf("the disclaimer's first sentence is %d characters, too long for the status line under every screen: "+
			"add short_disclaimer, at most %d (for example: Education, not medical advice)", n, MaxShortDisclaimer))
		return
	}
	m.ShortDisclaimer = first
}

// at is the line of a key of lesson.yaml, or 0 when it is not written.
func at(l *Lesson, key string) int { return l.metaLines[key] }

// FirstSentence is text up to the end of its first sentence (a full stop,
// question or exclamation mark followed by a space), without the stop.
func FirstSentence(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	for i, r := range text {
		if (r == '.' || r == '!' || r == '?') && (i+1 == len(text) || text[i+1] == ' ') {
			return text[:i]
		}
	}
	return text
}
