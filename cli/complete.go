package cli

import (
	"fmt"
	"strings"
)

// Shells are the shells Completion writes scripts for.
func Shells() []string { return []string{"bash", "zsh", "fish"} }

// Completion is a completion script for shell ("bash", "zsh" or "fish"),
// offering every command, flag and known value of p. The scripts are
// static: they never run the program to ask it.
func (p Program) Completion(shell string) (string, bool) {
	switch shell {
	case "bash":
		return p.bash(), true
	case "zsh":
		return p.zsh(), true
	case "fish":
		return p.fish(), true
	}
	return "", false
}

func (p Program) subcommands() []Command { return p.Commands[1:] }

func (p Program) subcommandNames() []string {
	var names []string
	for _, c := range p.subcommands() {
		names = append(names, c.Name)
	}
	return names
}

func (p Program) bash() string {
	fn := "_" + identifier(p.Name)
	var b strings.Builder
	fmt.Fprintf(&b, `# bash completion for %[1]s, written by "%[1]s completion bash".
# Try it now: source <(%[1]s completion bash)
# Keep it: %[1]s completion bash > ~/.local/share/bash-completion/completions/%[1]s

%[2]s_words() { COMPREPLY=($(compgen -W "$1" -- "$cur")); }
%[2]s_files() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen "$1" -- "$cur"))
}

%[2]s() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev="" cmd=""
    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
    # bash splits --flag=value at the "=".
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && (( COMP_CWORD > 1 )); then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    fi
    if (( COMP_CWORD > 1 )); then
        case ${COMP_WORDS[1]} in
            %[3]s) cmd=${COMP_WORDS[1]} ;;
        esac
    fi
    case $cmd in
`, p.Name, fn, strings.Join(p.subcommandNames(), "|"))
	for _, c := range p.Commands {
		label := c.Name
		if label == "" {
			label = `""`
		}
		fmt.Fprintf(&b, "        %s)\n", label)
		b.WriteString(bashValues(fn, c.Flags))
		var words []string
		if c.Name == "" {
			words = p.subcommandNames()
		} else {
			words = c.ArgValues
		}
		fmt.Fprintf(&b, "            if [[ $cur == -* ]]; then\n                %s_words %q\n", fn, strings.Join(flagWords(c.Flags), " "))
		if len(words) > 0 {
			pos := 1
			if c.Name != "" {
				pos = 2
			}
			fmt.Fprintf(&b, "            elif (( COMP_CWORD == %d )); then\n                %s_words %q\n", pos, fn, strings.Join(words, " "))
		}
		if c.ArgFolder {
			b.WriteString("            else\n                " + fn + "_files -d\n")
		}
		b.WriteString("            fi\n            ;;\n")
	}
	fmt.Fprintf(&b, "    esac\n}\n\ncomplete -F %s %s\n", fn, p.Name)
	return b.String()
}

// bashValues completes the value after a flag that takes one.
func bashValues(fn string, flags []Flag) string {
	var b strings.Builder
	for _, f := range flags {
		if f.Arg == "" {
			continue
		}
		fmt.Fprintf(&b, "                --%s) ", f.Name)
		switch {
		case len(f.Values) > 0:
			fmt.Fprintf(&b, "%s_words %q ;;\n", fn, strings.Join(f.Values, " "))
		case f.Files == AnyFile:
			fmt.Fprintf(&b, "%s_files -f ;;\n", fn)
		case f.Files == Folder:
			fmt.Fprintf(&b, "%s_files -d ;;\n", fn)
		default:
			b.WriteString("COMPREPLY=() ;; # the user's own value\n")
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "            case $prev in\n" + b.String() + "                *) false ;;\n            esac && return\n"
}

func flagWords(flags []Flag) []string {
	var words []string
	for _, f := range flags {
		words = append(words, "--"+f.Name)
	}
	return append(words, "-h", "--help")
}

func (p Program) zsh() string {
	fn := "_" + identifier(p.Name)
	var b strings.Builder
	fmt.Fprintf(&b, `#compdef %[1]s
# zsh completion for %[1]s, written by "%[1]s completion zsh".
# Try it now (after compinit): source <(%[1]s completion zsh)
# Keep it: save it as _%[1]s in a folder on $fpath.

%[2]s() {
  local curcontext=$curcontext state line
  local -a commands
  commands=(
`, p.Name, fn)
	for _, c := range p.subcommands() {
		fmt.Fprintf(&b, "    %s\n", zshQuote(c.Name+":"+c.Summary))
	}
	b.WriteString("  )\n  _arguments -C -A \"-*\" \\\n")
	for _, spec := range zshSpecs(p.Commands[0]) {
		fmt.Fprintf(&b, "    %s \\\n", spec)
	}
	b.WriteString("    '1: :->command' \\\n    '*:: :->args' && return\n")
	fmt.Fprintf(&b, "  case $state in\n    command) _describe -t commands '%s command' commands ;;\n    args)\n      case $words[1] in\n", p.Name)
	for _, c := range p.subcommands() {
		fmt.Fprintf(&b, "        %s) _arguments", c.Name)
		for _, spec := range zshSpecs(c) {
			fmt.Fprintf(&b, " \\\n            %s", spec)
		}
		b.WriteString(" ;;\n")
	}
	fmt.Fprintf(&b, `      esac ;;
  esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  %[1]s "$@"
else
  compdef %[1]s %[2]s
fi
`, fn, p.Name)
	return b.String()
}

// zshSpecs are a command's _arguments specs: its flags, help and argument.
func zshSpecs(c Command) []string {
	var specs []string
	for _, f := range c.Flags {
		desc := "[" + zshEscape(f.Summary()) + "]"
		if f.Arg == "" {
			specs = append(specs, zshQuote("--"+f.Name+desc))
			continue
		}
		action := " "
		switch {
		case len(f.Values) > 0:
			action = "(" + strings.Join(f.Values, " ") + ")"
		case f.Files == AnyFile:
			action = "_files"
		case f.Files == Folder:
			action = "_files -/"
		}
		specs = append(specs, zshQuote("--"+f.Name+"="+desc+":"+f.Arg+":"+action))
	}
	specs = append(specs, "'(- *)'{-h,--help}'["+helpSummary+"]'")
	if len(c.ArgValues) > 0 {
		specs = append(specs, zshQuote("1:"+c.Args+":("+strings.Join(c.ArgValues, " ")+")"))
	}
	if c.ArgFolder {
		specs = append(specs, zshQuote("1:"+c.Args+":_files -/"))
	}
	return specs
}

// zshEscape protects the characters _arguments gives meaning to inside a
// description.
func zshEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, `:`, `\:`).Replace(s)
}

func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func (p Program) fish() string {
	var b strings.Builder
	fmt.Fprintf(&b, `# fish completion for %[1]s, written by "%[1]s completion fish".
# Try it now: %[1]s completion fish | source
# Keep it: %[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

complete -c %[1]s -f
`, p.Name)
	subs := strings.Join(p.subcommandNames(), " ")
	for _, c := range p.subcommands() {
		fmt.Fprintf(&b, "complete -c %s -n __fish_use_subcommand -a %s -d %s\n", p.Name, c.Name, fishQuote(c.Summary))
	}
	for _, c := range p.Commands {
		cond := "not __fish_seen_subcommand_from " + subs
		if c.Name != "" {
			cond = "__fish_seen_subcommand_from " + c.Name
		}
		for _, f := range c.Flags {
			fmt.Fprintf(&b, "complete -c %s -n %s -l %s%s -d %s\n", p.Name, fishQuote(cond), f.Name, fishValue(f), fishQuote(f.Summary()))
		}
		fmt.Fprintf(&b, "complete -c %s -n %s -s h -l help -d %s\n", p.Name, fishQuote(cond), fishQuote(helpSummary))
		if c.ArgFolder {
			fmt.Fprintf(&b, "complete -c %s -n %s -x -a '(__fish_complete_directories)'\n", p.Name, fishQuote(cond))
		}
		if len(c.ArgValues) > 0 {
			args := strings.Join(c.ArgValues, " ")
			fmt.Fprintf(&b, "complete -c %s -n %s -a %s\n", p.Name,
				fishQuote(cond+"; and not __fish_seen_subcommand_from "+args), fishQuote(args))
		}
	}
	return b.String()
}

// fishValue is how fish completes a flag's value: exclusive (-x) unless it
// is a file, which -r -F allows despite the script's opening -f.
func fishValue(f Flag) string {
	switch {
	case f.Arg == "":
		return ""
	case len(f.Values) > 0:
		return " -x -a " + fishQuote(strings.Join(f.Values, " "))
	case f.Files == AnyFile:
		return " -r -F"
	case f.Files == Folder:
		return " -x -a '(__fish_complete_directories)'"
	}
	return " -x"
}

func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// identifier turns a program name into a shell function name.
func identifier(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, name)
}
