package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"jakstat/cli"
	"jakstat/content"
	"jakstat/views"
)

// formatJSON is jakstat validate's machine-readable format.
const formatJSON = "json"

// newLesson runs jakstat new DIR: a starter lesson in a folder that is new
// or empty, so nothing of an educator's is ever overwritten.
func newLesson(args []string, now time.Time, stdout, stderr io.Writer) int {
	p := program()
	cmd, _ := p.Command("new")
	var none struct{}
	rest, err := cli.Parse[struct{}](nil, &none, args)
	if errors.Is(err, cli.ErrHelp) {
		fmt.Fprint(stdout, p.Help("new"))
		return 0
	}
	if err == nil {
		err = cmd.CheckArgs(rest)
	}
	if err != nil {
		return usageError(stderr, "new", err)
	}
	dir := rest[0]
	if err := writeStarter(dir, content.Starter(now)); err != nil {
		fmt.Fprintf(stderr, "jakstat new: %s\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Wrote a starter lesson to %s. Run it, reloading as you edit:\n\n    jakstat --lesson %s --watch\n\nCheck it with jakstat validate %s; README's Authoring section explains every file.\n",
		dir, shellWord(dir), shellWord(dir))
	return 0
}

// writeStarter writes files into dir, which must not exist or be empty.
func writeStarter(dir string, files map[string][]byte) error {
	switch entries, err := os.ReadDir(dir); {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory") {
			return fmt.Errorf("%s is a file, not a folder", dir)
		}
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty: a starter lesson is written only into a new or empty folder, so nothing of yours is overwritten", dir)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		// O_EXCL: a file that appeared since the check is not overwritten either.
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = f.Write(files[name])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// shellWord quotes a path for a command line a user can paste.
func shellWord(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == '~' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// report is jakstat validate's JSON output.
type report struct {
	Valid    bool            `json:"valid"`
	Steps    int             `json:"steps,omitempty"` // when valid
	Problems []reportProblem `json:"problems"`
}

type reportProblem struct {
	File    string `json:"file"` // within the lesson folder
	Path    string `json:"path"` // as given on the command line, for an editor to open
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// validate runs jakstat validate DIR: every problem, exit 0 or 1.
func validate(args []string, stdout, stderr io.Writer) int {
	cfg := validateConfig{format: views.FormatText}
	rest, err := cli.Parse(validateFlags(), &cfg, args)
	if errors.Is(err, cli.ErrHelp) {
		fmt.Fprint(stdout, program().Help("validate"))
		return 0
	}
	if err == nil {
		cmd, _ := program().Command("validate")
		err = cmd.CheckArgs(rest)
	}
	if err != nil {
		return usageError(stderr, "validate", err)
	}
	dir := rest[0]
	l, problems := validateDir(dir)
	rep := report{Valid: len(problems) == 0, Problems: []reportProblem{}}
	if l != nil {
		rep.Steps = len(l.Steps)
	}
	for _, p := range problems {
		rep.Problems = append(rep.Problems, reportProblem{File: p.File, Path: problemPath(dir, p.File), Line: p.Line, Message: p.Msg})
	}
	if cfg.format == formatJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return 1
		}
	} else if rep.Valid {
		fmt.Fprintf(stdout, "%s: a valid lesson of %d steps.\n", dir, rep.Steps)
	} else {
		for _, p := range problems {
			p.File = problemPath(dir, p.File)
			fmt.Fprintln(stdout, p)
		}
		fmt.Fprintf(stdout, "%s: %d %s.\n", dir, len(problems), plural(len(problems), "problem", "problems"))
	}
	if !rep.Valid {
		return 1
	}
	return 0
}

// validateDir loads a lesson folder and returns it, or its problems.
func validateDir(dir string) (*content.Lesson, content.Errors) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, content.Errors{{File: ".", Msg: "not a folder (or it cannot be read)"}}
	}
	l, err := content.Load(os.DirFS(dir))
	var probs content.Errors
	switch {
	case errors.As(err, &probs):
		return nil, probs
	case err != nil:
		return nil, content.Errors{{File: ".", Msg: err.Error()}}
	}
	return l, nil
}

// problemPath is where a problem's file is, as the user named the folder.
func problemPath(dir, file string) string {
	if file == "." {
		return dir
	}
	return filepath.Join(dir, filepath.FromSlash(file))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
