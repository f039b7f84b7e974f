# Integrationsmonitor — the two commands of the README, plus helpers.
#   make run    start the app on a file with labelled demo data (out/beispiel.sqlite)
#   make test   vet and run every test (installs missing Debian packages first)

GO      ?= go
TAGS    := migrated_fynedo
BIN     := integrationsmonitor
# Build headers for Fyne (cgo, GLFW), Xvfb/xdotool for the real-window test,
# poppler-utils and qpdf for the PDF tests, imagemagick for the window
# screenshot kept as a CI artifact (out/ci/main-window.png), the sqlite3 shell
# that opens the e-mail copy as the Statistikdienststelle does.
DEB_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev xvfb xdotool poppler-utils qpdf imagemagick sqlite3

.PHONY: run test deps build vet clean windows wine

deps:
	@bash .ci/debpkgs.sh $(DEB_PKGS)

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/integrationsmonitor

# A newcomer sees the app with labelled Beispieldaten: out/beispiel.sqlite is
# created on the first run and reused after that.
DEMO := out/beispiel.sqlite

run: build
	@mkdir -p out; [ -f $(DEMO) ] || ./$(BIN) demo $(DEMO)
	./$(BIN) $(DEMO)

vet: deps
	$(GO) vet -tags $(TAGS) ./...

# The evaluation and the charts run concurrently in the window (a report in
# the background while a tab redraws): they also run under the race detector.
RACE_PKGS := ./report/ ./report/chart/

test: vet
	$(GO) test -tags $(TAGS) -count=1 ./...
	$(GO) test -tags $(TAGS) -count=1 -race $(RACE_PKGS)

# Windows: Integrationsmonitor.exe for windows/amd64 (mingw-w64, GUI subsystem,
# icon and version resource from FyneApp.toml), checked as a PE GUI executable.
windows:
	bash .ci/windows.sh

# The exe run under Wine: headless commands and the window (.ci/wine.sh).
wine: windows
	bash .ci/wine.sh

clean:
	rm -f $(BIN) Integrationsmonitor.exe
