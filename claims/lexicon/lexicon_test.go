package lexicon

import (
	"errors"
	"strings"
	"testing"
)

type word struct {
	Word  string `yaml:"word"`
	Value int    `yaml:"value"`
}

func TestSectionMergesFiles(t *testing.T) {
	files := []File{
		{Name: "a.yaml", Data: []byte("numbers:\n  - {word: दो, value: 2}\nunits: []\n")},
		{Name: "b.yaml", Data: []byte("# only units here\nunits:\n  - x\n")},
		{Name: "c.yaml", Data: []byte("numbers:\n  - {word: तीन, value: 3}\n")},
		{Name: "empty.yaml", Data: nil},
	}
	got, err := Section[word](files, "numbers")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Value.Word != "दो" || got[1].Value.Value != 3 || got[1].File != "c.yaml" || got[1].Line != 2 {
		t.Errorf("Section = %+v", got)
	}
}

func TestSectionErrorsNameFileAndLine(t *testing.T) {
	files := []File{{Name: "user.yaml", Data: []byte("numbers:\n  - {word: दो, value: 2}\n  - {word: तीन, value: three}\n")}}
	_, err := Section[word](files, "numbers")
	var le *Error
	if !errors.As(err, &le) || le.File != "user.yaml" || le.Line != 3 {
		t.Fatalf("error %v, want user.yaml:3", err)
	}
	if !strings.HasPrefix(err.Error(), "user.yaml:3:") {
		t.Errorf("message %q", err)
	}
	if _, err := Section[word]([]File{{Name: "x.yaml", Data: []byte("numbers: 5\n")}}, "numbers"); err == nil {
		t.Error("a section that is not a list must be an error")
	}
	if _, err := Section[word]([]File{{Name: "x.yaml", Data: []byte("- a\n- b\n")}}, "numbers"); err == nil {
		t.Error("a file that is not a mapping must be an error")
	}
}

func TestReadFilesMissing(t *testing.T) {
	_, err := ReadFiles([]string{"/no/such/lexicon.yaml"})
	if err == nil || !strings.Contains(err.Error(), "--lexicon") {
		t.Errorf("error %v should point at --lexicon", err)
	}
}
