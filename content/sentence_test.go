package content

import (
	"strings"
	"testing"
)

func TestAgeWords(t *testing.T) {
	tests := map[string]string{
		"":               "",
		"adults":         "adults",
		"12+":            "ages 12 and up",
		"12-17":          "ages 12 to 17",
		"2-11":           "ages 2 to 11",
		"12+ and 40 kg+": "ages 12 and up, weighing 40 kg or more",
		"children":       "children",
		"-5":             "-5",
		"+3+":            "+3+",
	}
	for in, want := range tests {
		if got := ageWords(in); got != want {
			t.Errorf("ageWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestApprovalPhrase(t *testing.T) {
	ad, che := "atopic dermatitis", "chronic hand eczema"
	tests := map[string]struct {
		approvals []Approval
		want      string
	}{
		"none":            {nil, "none found"},
		"other uses only": {[]Approval{{Region: "FDA", Condition: "other", Status: "approved"}}, "none found"},
		"one":             {[]Approval{{Region: "FDA", Condition: ad, Status: "approved", Date: "2021-09-21", Age: "12+"}}, "approved 2021 for ages 12 and up"},
		"two in a row": {[]Approval{
			{Region: "FDA", Condition: ad, Status: "approved", Date: "2022-01-14", Age: "adults"},
			{Region: "FDA", Condition: ad, Status: "approved", Date: "2023-02", Age: "12-17"},
		}, "approved 2022 for adults and 2023 for ages 12 to 17"},
		"no date or age": {[]Approval{{Region: "FDA", Condition: ad, Status: "approved"}}, "approved"},
		"refused":        {[]Approval{{Region: "FDA", Condition: ad, Status: "not approved"}}, "not approved for eczema"},
		"filed":          {[]Approval{{Region: "FDA", Condition: ad, Status: "submitted", Date: "2026-02"}}, "filed 2026, no decision yet"},
		"unclear":        {[]Approval{{Region: "FDA", Condition: ad, Status: "unconfirmed", Age: "2-15"}}, "unclear for ages 2 to 15"},
		"hand eczema names the conditions": {[]Approval{
			{Region: "FDA", Condition: che, Status: "approved", Date: "2025-07-23", Age: "adults"},
			{Region: "FDA", Condition: ad, Status: "not approved"},
		}, "approved 2025 for chronic hand eczema in adults and not approved for atopic dermatitis"},
		"hand eczema, teenagers": {[]Approval{{Region: "FDA", Condition: che, Status: "submitted", Age: "12-17"}},
			"filed for chronic hand eczema at ages 12 to 17, no decision yet"},
		"another region is not this one": {[]Approval{{Region: "EU", Condition: ad, Status: "approved"}}, "none found"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := approvalPhrase(Drug{Approvals: tc.approvals}, "FDA"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSentenceKinds(t *testing.T) {
	l := &Lesson{
		Drugs: []Drug{{ID: "d", Generic: "Examplinib", Route: "oral", Targets: []string{"JAK1", "JAK2"}, BoxedWarning: "n/a"}},
		SideEffects: []SideEffect{{ID: "se", Name: "Headache", Term: "headache", Group: "common",
			Reported: []Reported{{Drug: "d", Figure: "5% vs 2%"}}}},
		Cytokines: []Cytokine{{Cytokine: "IL-4", Receptor: "Type I", JAKs: []string{"JAK1", "JAK3"}, STAT: "STAT6", Role: "Drives it"}},
		Trials:    []Trial{{ID: "tr", Trial: "TRIAL-1", Drug: "d", Dose: "10 mg", Comparator: "placebo", Week: 12, Skin: "better"}},
		Sources:   []Source{{ID: "S1", Title: "A label", Kind: "label"}, {ID: "S2", Title: "Untyped"}},
	}
	l.index()
	tests := []struct {
		r    Record
		key  string
		want string
	}{
		{RecordDrug, "d", "Examplinib, no brand name yet: an oral medicine; targets JAK1 and JAK2; FDA: none found; EU: none found; Japan: none found; US boxed warning: not applicable, not sold in the US."},
		{RecordSideEffect, "se", "Headache: common in eczema trials; listed for Examplinib (5% vs 2%)."},
		{RecordCytokine, "0", "IL-4: receptor Type I; JAK pair: JAK1 and JAK3; main STAT: STAT6; role in eczema: Drives it."},
		{RecordTrial, "tr", "TRIAL-1: Examplinib 10 mg against placebo, measured at week 12; skin: better."},
		{RecordSource, "S1", "S1, a medicine's label: A label."},
		{RecordSource, "S2", "S2: Untyped."},
		{RecordDrug, "nothing", ""},
		{RecordCytokine, "7", ""},
		{RecordCytokine, "-1", ""},
		{Record("other"), "d", ""},
	}
	for _, tc := range tests {
		if got := l.Sentence(tc.r, tc.key); got != tc.want {
			t.Errorf("Sentence(%s, %q) =\n%q\nwant\n%q", tc.r, tc.key, got, tc.want)
		}
	}
}

// TestEveryRowHasASentence: every row of every table of the shipped lesson
// reads as one sentence, naming its row and without the grid's marks.
func TestEveryRowHasASentence(t *testing.T) {
	l, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, spec := range Tables() {
		tb := l.Table(spec.ID)
		for i, row := range tb.Rows {
			s := l.RowSentence(tb, i)
			switch {
			case !strings.HasSuffix(s, "."):
				t.Errorf("%s row %d: %q", spec.ID, i, s)
			case !strings.Contains(s, row[0]) && spec.ID != "matrix":
				t.Errorf("%s row %d does not name %q: %q", spec.ID, i, row[0], s)
			case strings.ContainsAny(s, "●·\n"):
				t.Errorf("%s row %d keeps a grid mark: %q", spec.ID, i, s)
			}
		}
		if l.RowSentence(tb, len(tb.Rows)) != "" || l.RowSentence(tb, -1) != "" {
			t.Errorf("%s: a row past the end has a sentence", spec.ID)
		}
	}
}

func TestAndList(t *testing.T) {
	for in, want := range map[string]string{"": "", "a": "a", "a b": "a and b", "a b c": "a, b and c"} {
		if got := AndList(strings.Fields(in)); got != want {
			t.Errorf("AndList(%q) = %q, want %q", in, got, want)
		}
	}
}
