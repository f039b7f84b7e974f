package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// TestMissingToolFailsOnCI runs a test that needs a program that does not
// exist in a child process, once with and once without CI.
func TestMissingToolFailsOnCI(t *testing.T) {
	if os.Getenv("TESTTOOL_CHILD") == "1" {
		Need(t, "kein-solches-programm-im-pfad")
		return
	}
	for _, c := range []struct {
		ci       string
		wantFail bool
	}{{"1", true}, {"", false}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissingToolFailsOnCI$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTTOOL_CHILD=1", "CI="+c.ci)
		out, err := cmd.CombinedOutput()
		if failed := err != nil; failed != c.wantFail {
			t.Errorf("CI=%q: failed=%v, want %v\n%s", c.ci, failed, c.wantFail, out)
		}
	}
}

func TestNeedFindsPresentTool(t *testing.T) {
	p := Need(t, "go")
	if len(p) != 1 || p[0] == "" {
		t.Errorf("Need(go) = %v", p)
	}
}
