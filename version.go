package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Release builds stamp these with the linker, which can set nothing but
// package-level strings (GoReleaser does it; see .goreleaser.yaml):
//
//	go build -ldflags "-X main.version=1.2.0 -X main.commit=$(git rev-parse HEAD) -X main.date=$(date -u +%FT%TZ)"
//
// Nothing assigns them at run time. Left empty, the version comes from
// what the Go toolchain recorded in the binary.
var (
	version string
	commit  string
	date    string
)

// versionInfo is what jakstat version and --version report.
type versionInfo struct {
	Version  string // "1.2.0", or the module version Go recorded; "" if neither
	Commit   string // the full commit hash; "" if unknown
	Modified bool   // built from a checkout with uncommitted changes
	Date     string // RFC 3339; "" if unknown
	Built    bool   // Date is the build's time (stamped), not the commit's
	Go       string // "go1.26.8 linux/amd64"
}

// stamp is what -ldflags set.
type stamp struct{ version, commit, date string }

// buildVersion reads this binary's version.
func buildVersion() versionInfo {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return readVersion(stamp{version, commit, date}, info, runtime.GOOS+"/"+runtime.GOARCH)
}

// readVersion prefers what the release stamped, then what the Go toolchain
// recorded: the module version (a tag or pseudo-version since Go 1.24) and,
// when built in a git checkout with VCS stamping on, the commit, its time
// and whether the checkout had changes.
func readVersion(s stamp, info *debug.BuildInfo, platform string) versionInfo {
	v := versionInfo{Go: runtime.Version() + " " + platform}
	if info != nil {
		if info.GoVersion != "" {
			v.Go = info.GoVersion + " " + platform
		}
		if mv := info.Main.Version; mv != "" && mv != "(devel)" {
			v.Version = mv
		}
		for _, kv := range info.Settings {
			switch kv.Key {
			case "vcs.revision":
				v.Commit = kv.Value
			case "vcs.time":
				v.Date = kv.Value
			case "vcs.modified":
				v.Modified = kv.Value == "true"
			}
		}
	}
	if s.version != "" {
		v.Version = s.version
	}
	if s.commit != "" {
		v.Commit, v.Modified = s.commit, false
	}
	if s.date != "" {
		v.Date, v.Built = s.date, true
	}
	return v
}

// String is the report, one fact a line.
func (v versionInfo) String() string {
	var b strings.Builder
	name := v.Version
	if name == "" {
		name = "(development build)"
	}
	fmt.Fprintf(&b, "jakstat %s\n", name)
	switch {
	case v.Commit == "":
		b.WriteString("commit:    unknown (built without version control information)\n")
	case v.Modified:
		fmt.Fprintf(&b, "commit:    %s, with uncommitted changes\n", v.Commit)
	default:
		fmt.Fprintf(&b, "commit:    %s\n", v.Commit)
	}
	if v.Date != "" {
		label := "committed:"
		if v.Built {
			label = "built:    "
		}
		fmt.Fprintf(&b, "%s %s\n", label, v.Date)
	}
	fmt.Fprintf(&b, "go:        %s\n", v.Go)
	return b.String()
}

// Day is the date part of Date ("2026-11-26"), for the man page.
func (v versionInfo) Day() string {
	if len(v.Date) >= len("2006-01-02") {
		return v.Date[:len("2006-01-02")]
	}
	return ""
}
