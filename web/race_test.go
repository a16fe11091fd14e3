//go:build race

package web

// raceEnabled: the race detector slows everything several times over, so
// the load test uses fewer sessions under it.
const raceEnabled = true
