package main

import (
	"net"
	"strconv"
	"strings"
	"testing"

	"jakstat/classroom"
)

// TestServing: for each way in, the server prints exactly what students
// and the presenter type or open, and nothing for a way that is not
// served.
func TestServing(t *testing.T) {
	listen := func() net.Listener {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ln.Close() })
		return ln
	}
	sshLn, webLn := listen(), listen()
	sshPort, webURL := strconv.Itoa(sshLn.Addr().(*net.TCPAddr).Port), "http://"+webLn.Addr().String()
	cases := []struct {
		name      string
		cfg       serveConfig
		lns       []net.Listener
		want, not []string
	}{
		{"SSH", serveConfig{Config: classroom.Config{Listen: "127.0.0.1:0", PresenterPass: "p"}}, []net.Listener{sshLn},
			[]string{"Students type:   ssh -p " + sshPort + " 127.0.0.1\n", "Presenter types: ssh -p " + sshPort + " presenter@127.0.0.1"},
			[]string{"browsers", "open"}},
		{"both", serveConfig{Config: classroom.Config{Listen: "127.0.0.1:0", PresenterPass: "p"}, http: "127.0.0.1:0"}, []net.Listener{sshLn, webLn},
			[]string{"over SSH and on " + webLn.Addr().String() + " to browsers", "Students type:   ssh -p ", "Students open:   " + webURL + "/\n",
				"Presenter opens: " + webURL + "/presenter   (speaker notes: " + webURL + "/notes)"}, nil},
		{"browsers alone", serveConfig{Config: classroom.Config{Listen: "none", PresenterPass: "p"}, http: "127.0.0.1:0"}, []net.Listener{webLn},
			[]string{"on " + webLn.Addr().String() + " to browsers", "Students open:   " + webURL + "/\n", "Presenter opens: " + webURL + "/presenter"},
			[]string{"ssh", "Students type"}},
		{"no presenter", serveConfig{Config: classroom.Config{Listen: "none"}, http: "127.0.0.1:0"}, []net.Listener{webLn},
			[]string{"Students open:   " + webURL + "/\n", "nobody can present"}, []string{"Presenter opens"}},
		{"presenter keys alone", serveConfig{Config: classroom.Config{Listen: "127.0.0.1:0", PresenterKeys: "keys"}, http: "127.0.0.1:0"}, []net.Listener{sshLn, webLn},
			[]string{"Presenter types: ssh -p ", "with keys alone, present over SSH"}, []string{"Presenter opens"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := serving(tc.cfg, tc.lns)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("says %q:\n%s", n, got)
				}
			}
		})
	}
}
