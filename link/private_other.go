//go:build !unix

package link

// checkPrivate has nothing to check where folders have no Unix owner and
// mode: on Windows the endpoint's folder is in %LocalAppData%, which only
// its user can open.
func checkPrivate(string) error { return nil }
