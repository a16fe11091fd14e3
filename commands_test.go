package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"jakstat/cli"
)

// TestEveryFlagEverywhere: --help, the three completion scripts, the man
// page and the README all list every flag of every command, because they
// are made from (or, for the README, checked against) the same tables.
func TestEveryFlagEverywhere(t *testing.T) {
	p := program()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	man := p.Man("2026-01-01", "jakstat test")
	scripts := map[string]string{}
	for _, sh := range cli.Shells() {
		scripts[sh], _ = p.Completion(sh)
	}
	for _, c := range p.Commands {
		help := p.Help(c.Name)
		for _, f := range append(slices.Clone(c.Flags), cli.Flag{Name: "help"}) {
			name := "--" + f.Name
			where := map[string]bool{
				"--help":    strings.Contains(help, name),
				"bash":      strings.Contains(scripts["bash"], name),
				"zsh":       strings.Contains(scripts["zsh"], "'"+name) || f.Name == "help" && strings.Contains(scripts["zsh"], "{-h,--help}"),
				"fish":      strings.Contains(scripts["fish"], " -l "+f.Name+" "),
				"man page":  strings.Contains(man, strings.ReplaceAll(name, "-", `\-`)),
				"README.md": f.Name == "help" || strings.Contains(string(readme), "`"+name),
			}
			for output, ok := range where {
				if !ok {
					t.Errorf("%s lacks %s %s", output, strings.TrimSpace("jakstat "+c.Name), name)
				}
			}
		}
		if c.Name != "" {
			for output, text := range map[string]string{"--help": p.Help(""), "bash": scripts["bash"], "zsh": scripts["zsh"], "fish": scripts["fish"], "man page": man} {
				if !strings.Contains(text, c.Name) {
					t.Errorf("%s lacks the %s command", output, c.Name)
				}
			}
		}
	}
}

// TestTablesMatchDocs: the documentation half of each table is what the
// program describes, and every documented default is the parser's default.
func TestTablesMatchDocs(t *testing.T) {
	p := program()
	root, _ := p.Command("")
	serve, _ := p.Command("serve")
	if !reflect.DeepEqual(root.Flags, cli.Flags(lessonFlags())) || !reflect.DeepEqual(serve.Flags, cli.Flags(serveFlags())) {
		t.Fatal("the program's documented flags are not the parsed ones")
	}
	lesson, _ := parseArgs(nil, noEnv)
	checkDefaults(t, lessonFlags(), &lesson)
	scfg, _ := parseServe(nil, noEnv)
	checkDefaults(t, serveFlags(), &scfg)
	checkDefaults(t, validateFlags(), &validateConfig{format: "text"})
}

// checkDefaults: a flag whose help says "(default X)" has X as its
// default, and a flag with a default other than nothing says so.
func checkDefaults[T any](t *testing.T, specs []cli.Spec[T], defaults *T) {
	t.Helper()
	var zero T
	for _, s := range specs {
		got := s.Value(defaults)
		_, said, ok := strings.Cut(s.Help, "(default ")
		if !ok {
			if got != s.Value(&zero) {
				t.Errorf("--%s defaults to %q, which its help does not say", s.Name, got)
			}
			continue
		}
		said, _, _ = strings.Cut(said, ")")
		said, _, _ = strings.Cut(said, ": ")
		if got == s.Value(&zero) {
			continue // a default in words: "in the state folder"
		}
		var parsed T
		if _, err := cli.Parse(specs, &parsed, []string{"--" + s.Name, said}); err != nil || s.Value(&parsed) != got {
			t.Errorf("--%s: help says default %q, the default is %q", s.Name, said, got)
		}
	}
}

// TestManPageRenders: groff reads the page without a warning, and the
// rendered page shows every flag as a user would type it.
func TestManPageRenders(t *testing.T) {
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("groff is not installed (.ci/run installs it)")
	}
	p := program()
	cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-rLL=100n")
	cmd.Stdin = strings.NewReader(p.Man("2026-01-01", "jakstat 1.2.3"))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil || errOut.Len() > 0 {
		t.Fatalf("groff: %v\n%s", err, errOut.String())
	}
	page := stripOverstrike(out.String())
	for _, c := range p.Commands {
		for _, f := range c.Flags {
			if !strings.Contains(page, "--"+f.Name) {
				t.Errorf("the rendered page lacks --%s", f.Name)
			}
		}
	}
	for _, want := range []string{"JAKSTAT(1)", "jakstat completion bash|zsh|fish", "NO_MOTION", "EXIT STATUS", "jakstat 1.2.3", "2026-01-01"} {
		if !strings.Contains(page, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
}

// stripOverstrike removes the backspace sequences groff uses for bold and
// underline on a terminal.
func stripOverstrike(s string) string {
	var b []rune
	for _, r := range s {
		if r == '\b' && len(b) > 0 {
			b = b[:len(b)-1]
			continue
		}
		b = append(b, r)
	}
	return strings.ReplaceAll(string(b), "\u2010", "-")
}

// TestCompletionInShells completes command lines in real shells.
func TestCompletionInShells(t *testing.T) {
	tests := []struct {
		line string // what is typed before tab
		want []string
	}{
		{"jakstat ", []string{"completion", "man", "new", "serve", "validate", "version"}},
		{"jakstat validate --f", []string{"--format"}},
		{"jakstat validate --format ", []string{"json", "text"}},
		{"jakstat validate conte", []string{"content"}},
		{"jakstat new intern", []string{"internal"}},
		{"jakstat --th", []string{"--theme"}},
		{"jakstat --theme ", []string{"auto", "dark", "light"}},
		{"jakstat --format=m", []string{"markdown"}},
		{"jakstat --no-", []string{"--no-motion", "--no-quiz", "--no-save"}},
		{"jakstat serve --pre", []string{"--presenter-keys", "--presenter-password"}},
		{"jakstat serve --max", []string{"--max-sessions"}},
		{"jakstat completion ", []string{"bash", "fish", "zsh"}},
	}
	dir := t.TempDir()
	for _, sh := range cli.Shells() {
		t.Run(sh, func(t *testing.T) {
			if _, err := exec.LookPath(sh); err != nil {
				t.Skipf("%s is not installed (.ci/run installs it)", sh)
			}
			script, _ := program().Completion(sh)
			file := filepath.Join(dir, "_jakstat")
			if sh != "zsh" {
				file = filepath.Join(dir, "jakstat."+sh)
			}
			if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, tc := range tests {
				lines = append(lines, tc.line)
			}
			got, err := complete(sh, file, lines)
			if err != nil {
				t.Fatal(err)
			}
			for i, tc := range tests {
				if !slices.Equal(got[i], tc.want) {
					t.Errorf("%s completes %q to %q, want %q", sh, tc.line, got[i], tc.want)
				}
			}
		})
	}
}

// complete asks shell, with the completion script at file, to complete
// each line; it returns each line's sorted, distinct candidates.
func complete(shell, file string, lines []string) ([][]string, error) {
	// Not a timing check: a broken script must not hang the test run.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if shell == "zsh" {
		// zsh completes only in its line editor: one session, driven over a pty.
		args := append([]string{"-f", filepath.Join("testdata", "complete.zsh"), filepath.Dir(file)}, lines...)
		out, err := exec.CommandContext(ctx, "zsh", args...).Output()
		if err != nil {
			return nil, err
		}
		var all [][]string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			l = strings.TrimSuffix(strings.TrimPrefix(l, "MATCHES:"), ":END")
			all = append(all, candidates(strings.Fields(l)))
		}
		if len(all) != len(lines) {
			return nil, fmt.Errorf("zsh answered %d lines of %d:\n%s", len(all), len(lines), out)
		}
		return all, nil
	}
	var all [][]string
	for _, line := range lines {
		var cmd *exec.Cmd
		if shell == "fish" {
			cmd = exec.CommandContext(ctx, "fish", "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, file, line)
		} else {
			cmd = exec.CommandContext(ctx, "bash", "--norc", "-c", bashComplete, "bash", file, line)
		}
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("%q: %v", line, err)
		}
		var words []string
		for _, l := range strings.Split(string(out), "\n") {
			word, _, _ := strings.Cut(l, "\t")                           // fish adds a description
			words = append(words, strings.TrimPrefix(word, "--format=")) // fish completes the whole word
		}
		all = append(all, candidates(words))
	}
	return all, nil
}

// bashComplete runs the completion function as bash would for the line
// in $2: words split as bash splits them, --flag=value included.
const bashComplete = `source "$1"
read -ra COMP_WORDS <<<"$2"
[[ $2 == *" " ]] && COMP_WORDS+=("")
if [[ ${COMP_WORDS[-1]} == *=* ]]; then
	last=${COMP_WORDS[-1]}; unset 'COMP_WORDS[-1]'; COMP_WORDS+=("${last%%=*}" "=" "${last#*=}")
fi
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_jakstat
printf '%s\n' "${COMPREPLY[@]}"`

func candidates(words []string) []string {
	words = slices.DeleteFunc(words, func(w string) bool { return strings.TrimSpace(w) == "" })
	for i, w := range words {
		words[i] = strings.TrimSuffix(w, "/") // zsh and fish mark a folder with a slash; bash does not
	}
	slices.Sort(words)
	return slices.Compact(words)
}
