package classroom

import (
	"errors"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// The three ways to sign in over SSH. Passwords (typed for the password
// method, or answered to keyboard-interactive's prompt) are checked by the
// room's Gate, which the web page shares; keys only SSH can check.

// serverConfig is one connection's SSH configuration: its own callbacks,
// each returning fresh Permissions for what it proved.
func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	g, _ := ctx.Value(guardKey{}).(*guard)
	return s.authConfig(g)
}

// authConfig is the sign-in part of a connection's configuration.
func (s *Server) authConfig(g *guard) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		MaxAuthTries: 6,
		PasswordCallback: func(c gossh.ConnMetadata, pw []byte) (*gossh.Permissions, error) {
			return s.checkPassword(g, c, string(pw), "password")
		},
		PublicKeyCallback: func(c gossh.ConnMetadata, key gossh.PublicKey) (*gossh.Permissions, error) {
			if r := roleFor(c.User()); s.gate.creds.keyAdmits(r, key) {
				return proved(r, key), nil
			}
			return nil, errKey
		},
		KeyboardInteractiveCallback: func(c gossh.ConnMetadata, ask gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
			return s.interactive(g, c, ask)
		},
	}
}

var (
	errKey         = &gossh.BannerError{Err: ssh.ErrPermissionDenied}
	errPassword    = &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: "That password is not right.\n"}
	errTooMany     = &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: "Too many wrong passwords: connect again to try again.\n"}
	errKeysOnly    = &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: "This classroom signs you in with a key, not a password.\n"}
	errNoPresenter = &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: "This classroom has no presenter password or keys, so nobody can sign in as the presenter.\n" +
		"(The teacher starts it with --presenter-password or --presenter-keys.)\n"}
)

// banner is how SSH tells the client why the gate refused it.
func banner(err error) error {
	switch {
	case errors.Is(err, ErrWrongPassword):
		return errPassword
	case errors.Is(err, ErrTooManyTries):
		return errTooMany
	case errors.Is(err, ErrKeysOnly):
		return errKeysOnly
	case errors.Is(err, ErrNoPresenter):
		return errNoPresenter
	}
	return ssh.ErrPermissionDenied
}

// checkPassword checks a password for the role the user name asks for.
func (s *Server) checkPassword(g *guard, c gossh.ConnMetadata, pw, method string) (*gossh.Permissions, error) {
	r := roleFor(c.User())
	err := s.gate.CheckPassword(&g.tries, c.RemoteAddr(), c.User(), r, pw, method)
	if errors.Is(err, ErrTooManyTries) {
		g.close() // the client has had its tries
	}
	if err != nil {
		return nil, banner(err)
	}
	return proved(r, nil), nil
}

// interactive is keyboard-interactive sign-in: an open room lets students
// straight in (OpenSSH does not even prompt); otherwise it asks for the
// password of the role the user name asks for, with a word on what it is.
func (s *Server) interactive(g *guard, c gossh.ConnMetadata, ask gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
	r := roleFor(c.User())
	if ok, err := s.gate.Asks(r); ok {
		return proved(r, nil), nil
	} else if err != nil {
		if errors.Is(err, ErrNoPresenter) {
			// No password can ever succeed: do not let the client go on
			// to ask for one.
			g.closeSoon()
		}
		return nil, banner(err)
	}
	instruction, prompt := "Signing in to the classroom as a student.", "Room password: "
	if r != Student {
		instruction, prompt = "Signing in to the classroom as the "+r.String()+" (the presenter's password).", "Presenter password: "
	}
	answers, err := ask("", instruction, []string{prompt}, []bool{false})
	if err != nil || len(answers) != 1 {
		return nil, ssh.ErrPermissionDenied
	}
	return s.checkPassword(g, c, answers[0], "keyboard-interactive")
}
