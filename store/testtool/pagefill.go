package testtool

import (
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

var (
	bboxPage = regexp.MustCompile(`<page width="[\d.]+" height="[\d.]+">`)
	bboxWord = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">`)
)

// PageFill is how full each page of a PDF is, from the positions of its
// words (pdftotext -bbox): the depth of the lowest word that lies within
// the body band from top to bottom (points from the top edge), as a part
// of the band's height. Header and footer lie outside the band; a chart
// counts by its axis labels.
func PageFill(tb testing.TB, path string, top, bottom float64) []float64 {
	tb.Helper()
	tool := Need(tb, "pdftotext")[0]
	out, err := exec.Command(tool, "-bbox", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	starts := bboxPage.FindAllIndex(out, -1)
	fills := make([]float64, len(starts))
	for i, s := range starts {
		end := len(out)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		low := top
		for _, m := range bboxWord.FindAllSubmatch(out[s[1]:end], -1) {
			y0, _ := strconv.ParseFloat(string(m[1]), 64)
			y1, _ := strconv.ParseFloat(string(m[2]), 64)
			if y0 >= top && y1 <= bottom {
				low = max(low, y1)
			}
		}
		fills[i] = (low - top) / (bottom - top)
	}
	return fills
}
