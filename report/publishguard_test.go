package report_test

import (
	"encoding/json"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// publishedPackages print only what disclosure control lets through, so
// they read a Kennzahl's numbers from KeyFigureResult.Published (or,
// for the internal export, explicitly from .Result).
var publishedPackages = []string{
	"bergischgladbach.de/integrationsmonitor/report/pdf",
	"bergischgladbach.de/integrationsmonitor/report/export",
	"bergischgladbach.de/integrationsmonitor/report/html",
}

// publishedFiles are the files of package report that build published
// texts (Übersicht, key messages, table span); the rest of the package
// computes both results.
var publishedFiles = []string{"report/overview.go", "report/keymessages.go", "report/tablespan.go"}

// internalReaders are the files of published packages that read
// KeyFigureResult.Result on purpose: the internal export.
var internalReaders = []string{"report/export/export.go"}

// promotedHarmless are the fields and methods of the embedded Result
// that are the same in the internal and the published result.
var promotedHarmless = []string{"KeyFigure", "Demo", "Breaks", "MissingCurrent", "HeadlineBreaks"}

// TestPublishedCodeReadsNoInternalResult is a type-level guard: kr.Series,
// kr.Assessment, kr.Sentence … of a KeyFigureResult are the internal
// result's, promoted from its embedded Result, and quote hidden numbers.
// A published package must not read them, nor kr.Result itself outside
// internalReaders.
func TestPublishedCodeReadsNoInternalResult(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the published packages")
	}
	args := append([]string{"list", "-tags", "migrated_fynedo", "-export", "-deps", "-json"}, publishedPackages...)
	cmd := exec.Command("go", args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	type pkg struct {
		ImportPath, Dir, Export string
		GoFiles                 []string
	}
	pkgs := map[string]pkg{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		return os.Open(pkgs[path].Export)
	})
	const reportPkg = "bergischgladbach.de/integrationsmonitor/report"
	for _, path := range append([]string{reportPkg}, publishedPackages...) {
		p := pkgs[path]
		var files []*ast.File
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
		if _, err := (&types.Config{Importer: imp}).Check(path, fset, files, info); err != nil {
			t.Fatalf("type-check %s: %v", path, err)
		}
		for expr, sel := range info.Selections {
			pos := fset.Position(expr.Sel.Pos())
			if path == reportPkg && !slices.ContainsFunc(publishedFiles, func(f string) bool { return strings.HasSuffix(filepath.ToSlash(pos.Filename), f) }) {
				continue
			}
			if len(sel.Index()) == 1 && isKeyFigureResult(sel.Recv()) && sel.Obj().Name() == "Result" &&
				!slices.ContainsFunc(internalReaders, func(f string) bool { return strings.HasSuffix(filepath.ToSlash(pos.Filename), f) }) {
				t.Errorf("%s: %s is the internal result; read .Published", pos, types.ExprString(expr))
				continue
			}
			if len(sel.Index()) < 2 || !isKeyFigureResult(sel.Recv()) || slices.Contains(promotedHarmless, sel.Obj().Name()) {
				continue
			}
			if embedded := keyFigureResultField(sel.Recv(), sel.Index()[0]); embedded == "Result" {
				t.Errorf("%s: %s reads the internal result; read .Published", pos, types.ExprString(expr))
			}
		}
	}
}

func namedKeyFigureResult(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Name() != "KeyFigureResult" || n.Obj().Pkg().Path() != "bergischgladbach.de/integrationsmonitor/report" {
		return nil
	}
	return n
}

func isKeyFigureResult(t types.Type) bool { return namedKeyFigureResult(t) != nil }

// keyFigureResultField is the name of KeyFigureResult's i-th field.
func keyFigureResultField(t types.Type, i int) string {
	s, ok := namedKeyFigureResult(t).Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return ""
	}
	return s.Field(i).Name()
}
