package views

import (
	"testing"

	"jakstat/content"
)

func TestPlainInline(t *testing.T) {
	tests := map[string]string{
		"**bold** and *italic*":              "bold and italic",
		"a [link](https://example.org) here": "a link [https://example.org] here",
		"<https://example.org>":              "https://example.org",
		"`code` and ~~gone~~":                "`code` and ~~gone~~",
		"one\ntwo":                           "one two",
		"hard  \nbreak":                      "hard\nbreak",
		"a<br>b":                             "a\nb",
		"&amp; &eacute; \\*":                 "& é *",
		"![alt text](pic.png)":               "Image: alt text [pic.png]",
		"x <!-- note --> y":                  "x  y",
	}
	for in, want := range tests {
		doc, src := content.ParseMarkdown(in)
		if got := PlainInline(doc.FirstChild(), src); got != want {
			t.Errorf("PlainInline(%q) = %q, want %q", in, got, want)
		}
	}
}
