package main

import "testing"

func TestHyperlinkDetection(t *testing.T) {
	tests := map[string]struct {
		when string
		env  map[string]string
		want bool
	}{
		"on":                 {"on", map[string]string{"TERM": "dumb"}, true},
		"off":                {"off", map[string]string{"TERM_PROGRAM": "iTerm.app"}, false},
		"unknown terminal":   {"auto", map[string]string{"TERM": "xterm-256color"}, false},
		"nothing known":      {"auto", nil, false},
		"iTerm2":             {"auto", map[string]string{"TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"}, true},
		"WezTerm":            {"auto", map[string]string{"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, true},
		"kitty":              {"auto", map[string]string{"TERM": "xterm-kitty"}, true},
		"foot":               {"auto", map[string]string{"TERM": "foot"}, true},
		"Windows Terminal":   {"auto", map[string]string{"TERM": "xterm-256color", "WT_SESSION": "abc"}, true},
		"GNOME Terminal":     {"auto", map[string]string{"TERM": "xterm-256color", "VTE_VERSION": "7600"}, true},
		"old VTE":            {"auto", map[string]string{"TERM": "xterm-256color", "VTE_VERSION": "4803"}, false},
		"kitty over SSH":     {"auto", map[string]string{"TERM": "xterm-kitty", "SSH_CONNECTION": "10.0.0.2 5000 10.0.0.1 22"}, false},
		"iTerm2 over ssh -t": {"auto", map[string]string{"TERM_PROGRAM": "iTerm.app", "SSH_TTY": "/dev/pts/3"}, false},
		"inside tmux":        {"auto", map[string]string{"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "TMUX": "/tmp/tmux-0/default,1,0"}, false},
		"tmux in WezTerm":    {"auto", map[string]string{"TERM": "screen-256color", "TERM_PROGRAM": "WezTerm", "TMUX": "x"}, false},
		"screen":             {"auto", map[string]string{"TERM": "screen", "STY": "1.pts"}, false},
		"the Linux console":  {"auto", map[string]string{"TERM": "linux", "VTE_VERSION": "7600"}, false},
		"Apple Terminal":     {"auto", map[string]string{"TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"}, false},
	}
	for name, tc := range tests {
		if got := hyperlinks(tc.when, func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%s: hyperlinks = %v, want %v", name, got, tc.want)
		}
	}
}
