//go:build !unix

package state

func platformUnreadable() map[string]unreadableCase { return nil }
