package cli

import (
	"errors"
	"flag"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// opts is a command's configuration, for the tests.
type opts struct {
	print  bool
	width  int
	theme  string
	lesson string
	idle   time.Duration
}

func specs() []Spec[opts] {
	return []Spec[opts]{
		Bool(Flag{Name: "print", Help: "print it"}, func(o *opts) *bool { return &o.print }),
		Int(Flag{Name: "width", Arg: "N", Help: "wrap width (default 80)"}, func(o *opts) *int { return &o.width }),
		String(Flag{Name: "theme", Arg: "T", Values: []string{"auto", "dark", "light"}, Help: "colours"}, func(o *opts) *string { return &o.theme }),
		String(Flag{Name: "lesson", Arg: "DIR", Files: Folder, Help: "a lesson folder"}, func(o *opts) *string { return &o.lesson }),
		Duration(Flag{Name: "idle", Arg: "D", Help: "idle time"}, func(o *opts) *time.Duration { return &o.idle }),
	}
}

func TestParse(t *testing.T) {
	tests := map[string]struct {
		args    []string
		want    opts
		rest    []string
		wantErr string
	}{
		"nothing":           {nil, opts{width: 80}, nil, ""},
		"two dashes":        {[]string{"--print", "--width", "40"}, opts{print: true, width: 40}, nil, ""},
		"one dash":          {[]string{"-print", "-width=40"}, opts{print: true, width: 40}, nil, ""},
		"equals":            {[]string{"--theme=dark", "--idle=90s"}, opts{width: 80, theme: "dark", idle: 90 * time.Second}, nil, ""},
		"values any case":   {[]string{"--theme", "LIGHT"}, opts{width: 80, theme: "light"}, nil, ""},
		"switch off":        {[]string{"--print", "--print=false"}, opts{width: 80}, nil, ""},
		"last wins":         {[]string{"--width", "30", "--width", "50"}, opts{width: 50}, nil, ""},
		"value with a dash": {[]string{"--lesson", "-odd-name"}, opts{width: 80, lesson: "-odd-name"}, nil, ""},
		"hex width":         {[]string{"--width", "0x40"}, opts{width: 64}, nil, ""},
		"double dash ends":  {[]string{"--print", "--", "--width"}, opts{print: true, width: 80}, []string{"--width"}, ""},
		"word ends":         {[]string{"serve", "--print"}, opts{width: 80}, []string{"serve", "--print"}, ""},
		"lone dash":         {[]string{"-", "--print"}, opts{width: 80}, []string{"-", "--print"}, ""},
		"unknown":           {[]string{"--colour"}, opts{width: 80}, nil, "unknown flag --colour"},
		"unknown one dash":  {[]string{"-colour=red"}, opts{width: 80}, nil, "unknown flag --colour"},
		"not a number":      {[]string{"--width", "abc"}, opts{width: 80}, nil, `invalid value "abc" for --width: not a whole number`},
		"too big":           {[]string{"--width", "99999999999999999999"}, opts{width: 80}, nil, `invalid value "99999999999999999999" for --width: out of range`},
		"no value":          {[]string{"--width"}, opts{width: 80}, nil, "--width needs a value: --width N"},
		"bad switch value":  {[]string{"--print=maybe"}, opts{width: 80}, nil, `invalid value "maybe" for --print: not true or false`},
		"not a value":       {[]string{"--theme", "pink"}, opts{width: 80}, nil, `--theme must be auto, dark or light (got "pink")`},
		"bad duration":      {[]string{"--idle", "soon"}, opts{width: 80}, nil, `invalid value "soon" for --idle: not a duration (like 30m or 1h30m)`},
		"three dashes":      {[]string{"---print"}, opts{width: 80}, nil, "bad flag syntax: ---print"},
		"dash equals":       {[]string{"-=x"}, opts{width: 80}, nil, "bad flag syntax: -=x"},
		"help":              {[]string{"--help"}, opts{width: 80}, nil, ErrHelp.Error()},
		"h":                 {[]string{"-h"}, opts{width: 80}, nil, ErrHelp.Error()},
		"help after a flag": {[]string{"--print", "-help"}, opts{print: true, width: 80}, nil, ErrHelp.Error()},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := opts{width: 80}
			rest, err := Parse(specs(), &got, tc.args)
			if msg := errString(err); msg != tc.wantErr {
				t.Errorf("error %q, want %q", msg, tc.wantErr)
			}
			if tc.wantErr == "" && (got != tc.want || !slices.Equal(rest, tc.rest)) {
				t.Errorf("Parse = %+v %q, want %+v %q", got, rest, tc.want, tc.rest)
			}
			if err != nil && oneDash.MatchString(err.Error()) {
				t.Errorf("an error names a flag with one dash: %q", err)
			}
		})
	}
}

// oneDash finds a flag named with one dash, as the flag package names them.
var oneDash = regexp.MustCompile(`(^|[ :])-[a-z]`)

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// stdlib defines the same flags in the standard library's flag package,
// whose behaviour Parse keeps.
func stdlib(o *opts) *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.print, "print", false, "")
	fs.IntVar(&o.width, "width", 80, "")
	fs.StringVar(&o.theme, "theme", "", "")
	fs.StringVar(&o.lesson, "lesson", "", "")
	fs.DurationVar(&o.idle, "idle", 0, "")
	return fs
}

// FuzzParseMatchesTheFlagPackage: for any command line, Parse accepts what
// the standard library accepts, sets the same values and leaves the same
// arguments; it differs only in wording its errors for users, and in
// refusing values outside a flag's Values (theme here).
func FuzzParseMatchesTheFlagPackage(f *testing.F) {
	for _, seed := range []string{
		"--print --width 40", "-width=40 serve", "--theme dark -- x", "--width", "---x", "-=", "-",
		"--print=false --lesson -x", "--idle 1h30m", "--help", "-h x", "--nope", "--width 0x10", "--print=",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, " ")
		want := opts{width: 80}
		fs := stdlib(&want)
		stdErr := fs.Parse(args)
		got := opts{width: 80}
		rest, err := Parse(specs(), &got, args)
		if got.theme != "" && want.theme != "" && !strings.EqualFold(got.theme, want.theme) {
			t.Fatalf("theme %q vs %q", got.theme, want.theme)
		}
		if err != nil && strings.Contains(err.Error(), "--theme must be") {
			return // a value the standard library would have taken blindly
		}
		got.theme, want.theme = "", ""
		if (err == nil) != (stdErr == nil) || errors.Is(err, ErrHelp) != errors.Is(stdErr, flag.ErrHelp) {
			t.Fatalf("%q: Parse error %v, flag package error %v", args, err, stdErr)
		}
		if err == nil && (got != want || !slices.Equal(rest, fs.Args())) {
			t.Fatalf("%q: Parse %+v %q, flag package %+v %q", args, got, rest, want, fs.Args())
		}
	})
}

func TestSummaryAndEnv(t *testing.T) {
	f := Flag{Name: "no-motion", Env: "NO_MOTION=1", Help: "show the last frame (no animation)"}
	if f.Summary() != "show the last frame" || f.EnvName() != "NO_MOTION" ||
		f.HelpText() != "show the last frame (no animation) (or set NO_MOTION=1)" {
		t.Errorf("%q %q %q", f.Summary(), f.EnvName(), f.HelpText())
	}
}

func TestCheckArgs(t *testing.T) {
	c := Command{Name: "completion", ArgValues: []string{"bash", "zsh", "fish"}}
	tests := map[string]struct {
		cmd  Command
		args []string
		want string
	}{
		"a shell":     {c, []string{"zsh"}, ""},
		"no shell":    {c, nil, "completion needs bash, zsh or fish"},
		"two":         {c, []string{"zsh", "fish"}, `unexpected argument "fish"`},
		"unknown":     {c, []string{"tcsh"}, `completion takes bash, zsh or fish (got "tcsh")`},
		"none wanted": {Command{Name: "man"}, []string{"x"}, `unexpected argument "x"`},
		"none given":  {Command{Name: "man"}, nil, ""},
		"a folder":    {Command{Name: "new", Args: "DIR", ArgFolder: true}, []string{"lesson"}, ""},
		"no folder":   {Command{Name: "new", Args: "DIR", ArgFolder: true}, nil, "new needs a folder: new DIR"},
		"two folders": {Command{Name: "new", Args: "DIR", ArgFolder: true}, []string{"a", "b"}, `unexpected argument "b"`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := errString(tc.cmd.CheckArgs(tc.args)); got != tc.want {
				t.Errorf("CheckArgs = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	tests := map[string]struct {
		text  string
		width int
		want  []string
	}{
		"fits":      {"a short line", 20, []string{"a short line"}},
		"wraps":     {"one two three four", 9, []string{"one two", "three", "four"}},
		"long word": {"a --very-long-flag-name b", 6, []string{"a", "--very-long-flag-name", "b"}},
		"hyphens":   {"see --no-motion now", 16, []string{"see --no-motion", "now"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := wrap(tc.text, tc.width); !slices.Equal(got, tc.want) {
				t.Errorf("wrap = %q, want %q", got, tc.want)
			}
		})
	}
}
