// Package cli describes a command line once, as data, and derives from that
// one description everything that has to agree with it: parsing, the --help
// text, shell completion for bash, zsh and fish, and a man page. A flag
// added to the table is parsed, documented and completed everywhere at once.
//
// A command's flags are a []Spec[T], each binding a documented Flag to a
// field of the command's configuration T:
//
//	specs := []cli.Spec[config]{
//		cli.Int(cli.Flag{Name: "width", Arg: "N", Help: "wrap width (default 80)"},
//			func(c *config) *int { return &c.width }),
//	}
//	cfg := config{width: 80}
//	rest, err := cli.Parse(specs, &cfg, os.Args[1:])
//
// Parsing follows the standard library's flag package exactly (one or two
// dashes, --name=value or --name value, switches take only --name=false,
// "--" ends the flags, the first argument that is not a flag ends them too),
// but its errors name flags the way users type them: --width, not -width.
package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FileKind says what shell completion offers as a flag's value.
type FileKind int

const (
	// NoFiles offers nothing (or the flag's Values, when it has them).
	NoFiles FileKind = iota
	// AnyFile offers file names.
	AnyFile
	// Folder offers folder names only.
	Folder
)

// Flag documents one command-line flag.
type Flag struct {
	Name   string   // the long name without dashes: "width"
	Arg    string   // the value's placeholder ("N", "DIR"); empty for a switch
	Help   string   // what it does; the part before " (" is its one-line summary
	Values []string // the only values it accepts; Parse checks them, completion offers them
	Files  FileKind // what completion offers for the value
	Env    string   // an environment variable with the same effect: "NO_MOTION=1" or "JAKSTAT_PASSWORD"
}

// Summary is the help text's first clause, short enough for a completion menu.
func (f Flag) Summary() string {
	s := f.Help
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

// EnvName is the name of the flag's environment variable, without any "=value".
func (f Flag) EnvName() string {
	name, _, _ := strings.Cut(f.Env, "=")
	return name
}

// HelpText is Help with the environment variable, if any, appended.
func (f Flag) HelpText() string {
	if f.Env == "" {
		return f.Help
	}
	return f.Help + " (or set " + f.Env + ")"
}

// Spec is a Flag bound to a field of T, which Parse sets.
type Spec[T any] struct {
	Flag
	set func(t *T, value string) error
	get func(t *T) string
}

// Value is the bound field's value in t, written as a user would type it.
func (s Spec[T]) Value(t *T) string { return s.get(t) }

// Bool binds a switch (a flag without a value) to a bool field.
func Bool[T any](f Flag, field func(*T) *bool) Spec[T] {
	f.Arg, f.Values = "", nil
	return Spec[T]{Flag: f,
		set: func(t *T, v string) error {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return errors.New("not true or false")
			}
			*field(t) = b
			return nil
		},
		get: func(t *T) string { return strconv.FormatBool(*field(t)) },
	}
}

// Int binds a flag taking a whole number to an int field.
func Int[T any](f Flag, field func(*T) *int) Spec[T] {
	return Spec[T]{Flag: valued(f),
		set: func(t *T, v string) error {
			n, err := strconv.ParseInt(v, 0, strconv.IntSize)
			if err != nil {
				if errors.Is(err, strconv.ErrRange) {
					return errors.New("out of range")
				}
				return errors.New("not a whole number")
			}
			*field(t) = int(n)
			return nil
		},
		get: func(t *T) string { return strconv.Itoa(*field(t)) },
	}
}

// String binds a flag taking text to a string-like field. A flag with Values
// accepts only those, in any letter case, and stores the listed spelling.
func String[T any, S ~string](f Flag, field func(*T) *S) Spec[T] {
	return Spec[T]{Flag: valued(f),
		set: func(t *T, v string) error {
			if len(f.Values) == 0 {
				*field(t) = S(v)
				return nil
			}
			for _, ok := range f.Values {
				if strings.EqualFold(v, ok) {
					*field(t) = S(ok)
					return nil
				}
			}
			return errNotOneOf
		},
		get: func(t *T) string { return string(*field(t)) },
	}
}

// Duration binds a flag taking a duration ("30m", "1h30m") to a field.
func Duration[T any](f Flag, field func(*T) *time.Duration) Spec[T] {
	return Spec[T]{Flag: valued(f),
		set: func(t *T, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil {
				return errors.New("not a duration (like 30m or 1h30m)")
			}
			*field(t) = d
			return nil
		},
		get: func(t *T) string { return (*field(t)).String() },
	}
}

func valued(f Flag) Flag {
	if f.Arg == "" {
		f.Arg = "VALUE"
	}
	return f
}

// ErrHelp is returned by Parse for -h, -help or --help.
var ErrHelp = errors.New("help requested")

// errNotOneOf marks a value outside a flag's Values; Parse words the message.
var errNotOneOf = errors.New("not one of the values")

// Flags is the documentation half of specs, for help, completion and man pages.
func Flags[T any](specs []Spec[T]) []Flag {
	out := make([]Flag, len(specs))
	for i, s := range specs {
		out[i] = s.Flag
	}
	return out
}

// Parse sets t's fields from the flags at the start of args and returns the
// arguments after them. Every error it returns is a mistake on the command
// line, worded for the user; ErrHelp means help was asked for.
func Parse[T any](specs []Spec[T], t *T, args []string) ([]string, error) {
	for len(args) > 0 {
		arg := args[0]
		if len(arg) < 2 || arg[0] != '-' {
			return args, nil // "-" and words are arguments
		}
		name := arg[1:]
		if name[0] == '-' {
			name = name[1:]
			if name == "" {
				return args[1:], nil // "--" ends the flags
			}
		}
		if name[0] == '-' || name[0] == '=' {
			return args, fmt.Errorf("bad flag syntax: %s", arg)
		}
		args = args[1:]
		name, value, hasValue := strings.Cut(name, "=")
		spec, ok := find(specs, name)
		if !ok {
			if name == "help" || name == "h" {
				return args, ErrHelp
			}
			return args, fmt.Errorf("unknown flag --%s", name)
		}
		if spec.Arg == "" && !hasValue {
			value, hasValue = "true", true
		}
		if !hasValue {
			if len(args) == 0 {
				return args, fmt.Errorf("--%s needs a value: --%s %s", name, name, spec.Arg)
			}
			value, args = args[0], args[1:]
		}
		if err := spec.set(t, value); err != nil {
			return args, valueError(spec.Flag, value, err)
		}
	}
	return args, nil
}

func find[T any](specs []Spec[T], name string) (Spec[T], bool) {
	for _, s := range specs {
		if s.Name == name {
			return s, true
		}
	}
	return Spec[T]{}, false
}

func valueError(f Flag, value string, err error) error {
	if errors.Is(err, errNotOneOf) {
		return fmt.Errorf("--%s must be %s (got %q)", f.Name, orList(f.Values), value)
	}
	return fmt.Errorf("invalid value %q for --%s: %v", value, f.Name, err)
}

// orList writes a, b or c.
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
