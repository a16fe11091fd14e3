package content

// MapText returns a copy of the lesson with every piece of text a learner
// reads passed through f (used to spell the lesson in ASCII). Ids, codes
// and vocabulary values that the program matches on are left as they are.
func (l *Lesson) MapText(f func(string) string) *Lesson {
	out := l.clone()
	out.eachText(func(t textField) { *t.text = f(*t.text) })
	out.index()
	return out
}
