//go:build race

package classroom

// raceEnabled: the race detector slows everything several times over, so
// the load test uses fewer sessions under it.
const raceEnabled = true
