# Completes command lines in a real interactive zsh and prints the matches.
# Usage: zsh -f complete.zsh FOLDER-WITH-_jakstat 'jakstat --th' 'jakstat serve --'...
# Prints one line per command line: MATCHES:<matches, space-separated>:END
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PROMPT= ; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
# Record every match added, and print them once completion is done (the
# quotes split the markers, so the terminal's echo of this line is no match).
zpty -w z 'typeset -ga _seen; compadd() { local -a _o; builtin compadd -O _o "$@"; _seen+=($_o); builtin compadd "$@" }'
zpty -w z '_report() { print -r -- "MAT""CHES:${(j: :)${(u)_seen}}:E""ND"; _seen=(); comppostfuncs=(_report) }; comppostfuncs=(_report)'
for line in "${@[2,-1]}"; do
  zpty -n -w z "$line"$'\t'
  zpty -r z out '*MATCHES:*:END'
  print -r -- "MATCHES:${${out##*MATCHES:}%%:END*}:END"
  zpty -n -w z $'\C-u' # clear the line for the next one
done
zpty -d z
