//go:build !race

package classroom

const raceEnabled = false
