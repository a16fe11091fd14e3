package live

// Status is the room as the teacher's screens show it: who is there, who
// follows and where the others are.
type Status struct {
	Teacher   bool  `json:"teacher"`   // a teacher is connected
	Students  int   `json:"students"`  // students connected
	Following int   `json:"following"` // of them, showing the teacher's view
	Exploring []int `json:"exploring"` // the steps (zero-based) the others are on, in order
}

// StatusMsg tells the teacher's screens how the room stands.
type StatusMsg struct{ Status }
