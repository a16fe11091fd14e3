package content

// Readers of single files, for the fuzz tests: the program itself only
// loads whole lessons.

// ParseStep parses one step file: YAML front matter between "---" lines, then
// a Markdown body, with its line ends made LF as the loader makes them. It
// exists for the fuzz test.
func ParseStep(name string, data []byte) (Step, error) {
	var p Errors
	st, ok := parseStep(name, lineEnds(data), &p)
	if !ok || len(p) > 0 {
		return st, p
	}
	return st, nil
}

// ParseQuestions reads a questions file on its own, for the fuzz test; it
// checks each question's shape, not its references.
func ParseQuestions(data []byte) ([]Question, error) {
	var p Errors
	var qs []Question
	if !p.decodeBytes(questionsFile, data, 0, &qs, nil) {
		return nil, p
	}
	for i := range qs {
		if msg := qs[i].normalise(); msg != "" {
			p.add(questionsFile, 0, "question %s: %s", qs[i].ID, msg)
		}
	}
	if len(p) > 0 {
		return nil, p
	}
	return qs, nil
}
