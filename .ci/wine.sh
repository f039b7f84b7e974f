#!/usr/bin/env bash
# Runs the Windows build for real under Wine (issue 17): the headless
# commands and the window, in a fresh Wine prefix under a temporary folder.
# Called by .ci/run after .ci/windows.sh; builds the exe first if missing.
#
#   bash .ci/wine.sh                      -> checks ./Integrationsmonitor.exe
#   EXE=pfad/x.exe bash .ci/wine.sh
#
# Why a stand-in DLL: Go >= 1.22 programs call ProcessPrng from
# bcryptprimitives.dll while the runtime starts; Debian 12's Wine 8 lacks
# that export, so every Go exe dies before main. .ci/wine/ holds a
# stand-in that fills the buffer with RtlGenRandom; it is built here with
# mingw-w64 into the prefix's system32 and loaded through WINEDLLOVERRIDES.
# Windows 10/11 have the real DLL; nothing of this is shipped.
#
# Checks (each failure stops CI with a German/English message):
#   neu, demo          exit 0, message, SQLite file written
#   bericht 2025       exit 0, PDF magic, pdfinfo page count = the count printed
#   pruefen            exit 0 and "in Ordnung"; also started like cmd.exe starts
#                      a GUI program (no standard handles, .ci/wine/nostdhandles.c):
#                      the text must still arrive (console_windows.go attaches);
#                      a broken file gives exit 1 and the German message
#   import -vorschau   exit 0, rows of the repo's Landesdatenbank fixture
#   export xlsx        exit 0, ZIP magic and xl/workbook.xml
#   uebersicht         exit 0, the fixed header, a row per Kennzahl
#   window             under Xvfb: the window titled with the file maps and is
#                      drawn (screenshot out/ci/wine-window.png), closes with
#                      exit 0 on WM_CLOSE, and leaves the file unchanged
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
start=$SECONDS

EXE=${EXE:-Integrationsmonitor.exe}
SHOT=out/ci/wine-window.png
FIXTURE=cmd/integrationsmonitor/testdata/ldb_12411-15i.csv

fail() {
	echo "FEHLER / ERROR: $*" >&2
	echo "Wine-Prüfung fehlgeschlagen / Wine check failed" >&2
	exit 1
}

# --- Debian packages --------------------------------------------------------
# wine64 without recommends is enough for 64-bit programs (about 100 MB to
# download, 25 s to install); libgl1 + libgl1-mesa-dri give Wine's OpenGL
# software rendering under Xvfb; imagemagick takes the screenshot.
DEB_PKGS="wine64 gcc-mingw-w64-x86-64 xvfb xdotool imagemagick poppler-utils libgl1 libgl1-mesa-dri"
# shellcheck disable=SC2086
bash .ci/debpkgs.sh $DEB_PKGS || fail "Debian-Pakete / Debian packages"
WINE=/usr/lib/wine/wine64
WINESERVER=/usr/lib/wine/wineserver64
[ -x "$WINESERVER" ] || WINESERVER=/usr/lib/wine/wineserver
for c in "$WINE" "$WINESERVER" x86_64-w64-mingw32-gcc Xvfb xdotool import identify pdfinfo timeout script; do
	command -v "$c" >/dev/null || fail "Programm fehlt / command not found: $c"
done

if [ ! -f "$EXE" ]; then
	echo "$EXE fehlt, baue es / missing, building it (.ci/windows.sh)"
	OUT=$EXE bash .ci/windows.sh
fi
EXE=$(realpath "$EXE")

# --- prefix -------------------------------------------------------------------
tmp=$(mktemp -d)
export WINEPREFIX=$tmp/prefix WINEDEBUG=-all WINEARCH=win64
# mscoree/mshtml off: a fresh prefix would otherwise offer to install
# Mono and Gecko, which the app does not need.
export WINEDLLOVERRIDES="bcryptprimitives=n;mscoree,mshtml="
unset DISPLAY
xvfb_pid=""
cleanup() {
	[ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
	# Only this prefix's wineserver (and its programs); other prefixes
	# on the machine are not touched.
	[ ! -d "$WINEPREFIX" ] || "$WINESERVER" -k 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

t=$SECONDS
timeout 180 "$WINE" wineboot --init >"$tmp/wineboot.log" 2>&1 ||
	{ cat "$tmp/wineboot.log" >&2; fail "wineboot: Wine-Prefix nicht angelegt / prefix not created"; }
"$WINESERVER" -w
sys32=$WINEPREFIX/drive_c/windows/system32
[ -d "$sys32" ] || fail "Wine-Prefix ohne system32 / prefix has no system32"
x86_64-w64-mingw32-gcc -shared -O2 -Wall -o "$sys32/bcryptprimitives.dll" \
	.ci/wine/bcryptprimitives.c .ci/wine/bcryptprimitives.def -ladvapi32 ||
	fail "bcryptprimitives.dll nicht gebaut / not built"
x86_64-w64-mingw32-gcc -O2 -Wall -o "$tmp/nostdhandles.exe" .ci/wine/nostdhandles.c ||
	fail "nostdhandles.exe nicht gebaut / not built"
echo "Wine-Prefix angelegt / prefix ready: $($WINE --version) in $((SECONDS - t)) s"

# Files live on the prefix's drive C:, named with Windows paths as a user would.
cdir=$WINEPREFIX/drive_c/ci
mkdir -p "$cdir"
cp "$EXE" "$cdir/Integrationsmonitor.exe"
cp "$FIXTURE" "$cdir/quelle.csv"
APP='C:\ci\Integrationsmonitor.exe'

# im NAME ARGS...: runs the exe with ARGS; output (stdout+stderr, CRs
# stripped) in $tmp/NAME.out, exit code in $rc.
im() {
	local name=$1; shift
	set +e
	timeout 120 "$WINE" "$APP" "$@" >"$tmp/$name.raw" 2>&1
	rc=$?
	set -e
	tr -d '\r' <"$tmp/$name.raw" >"$tmp/$name.out"
	echo "  $name (Exit $rc): $(head -n 1 "$tmp/$name.out")"
}
# expect NAME CODE TEXT...: exit code and every TEXT in the output.
expect() {
	local name=$1 code=$2; shift 2
	[ "$rc" = "$code" ] || { cat "$tmp/$name.out" >&2; fail "$name: Rückgabewert $rc statt $code / exit code $rc, want $code"; }
	local s
	for s in "$@"; do
		grep -qF -- "$s" "$tmp/$name.out" || { cat "$tmp/$name.out" >&2; fail "$name: Ausgabe ohne „$s“ / output lacks '$s'"; }
	done
}
magic() { # magic FILE HEX: the first bytes of FILE are HEX
	[ "$(head -c $((${#2} / 2)) "$1" | od -An -tx1 | tr -d ' \n')" = "$2" ] ||
		fail "$(basename "$1"): falscher Dateityp / wrong file type (erwartet / want $2)"
}

# --- headless commands --------------------------------------------------------
t=$SECONDS
echo "Befehle unter Wine / commands under Wine:"
im neu neu 'C:\ci\neu.sqlite'
expect neu 0 "Neue Monitoring-Datei angelegt" 'C:\ci\neu.sqlite'
magic "$cdir/neu.sqlite" 53514c69746520666f726d6174203300 # "SQLite format 3\0"

im demo demo 'C:\ci\demo.sqlite'
expect demo 0 "Datei mit Beispieldaten angelegt" "Beispieldaten"
magic "$cdir/demo.sqlite" 53514c69746520666f726d6174203300

im bericht bericht 'C:\ci\demo.sqlite' -jahr 2025 -o 'C:\ci\bericht.pdf'
expect bericht 0 "Bericht geschrieben" 'C:\ci\bericht.pdf'
magic "$cdir/bericht.pdf" 255044462d # "%PDF-"
pages=$(pdfinfo "$cdir/bericht.pdf" | awk '/^Pages:/ { print $2 }') || fail "pdfinfo: PDF nicht lesbar / unreadable"
said=$(sed -n 's/.*(\([0-9]*\) Seiten).*/\1/p' "$tmp/bericht.out" | head -n 1)
[ -n "$pages" ] && [ "$pages" -ge 2 ] || fail "bericht: PDF hat ${pages:-keine} Seiten / PDF has ${pages:-no} pages"
[ "$pages" = "$said" ] || fail "bericht: PDF hat $pages Seiten, gemeldet $said / PDF has $pages pages, program said $said"
echo "  bericht.pdf: $pages Seiten / pages"

im pruefen pruefen 'C:\ci\demo.sqlite'
expect pruefen 0 "Die Datei ist in Ordnung" "Kennzahlen" "Wirkungsindikatoren"

# As from an interactive cmd.exe: a console, but no standard handles.
# Without the console attach in console_windows.go this prints nothing.
# Wine's console writes to a terminal only, so script(1) lends it one.
set +e
timeout 120 script -qec "$(printf '%q ' "$WINE" "$tmp/nostdhandles.exe" "$APP" pruefen 'C:\ci\demo.sqlite')" \
	/dev/null </dev/null >"$tmp/konsole.raw" 2>&1
rc=$?
set -e
# The console adds escape sequences (cursor on/off) and wraps at 80
# columns: both removed, the text is one line again.
sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$tmp/konsole.raw" | tr -d '\r\n' >"$tmp/konsole.out"
echo "  pruefen ohne Standard-Handles / without standard handles (Exit $rc): $(cut -c1-60 "$tmp/konsole.out")"
# "Einträge": the console gets Unicode, not UTF-8 bytes read as CP 850.
expect konsole 0 "Die Datei ist in Ordnung" "Einträge in der Wertehistorie"

im kaputt pruefen 'C:\ci\quelle.csv'
expect kaputt 1 "Prüfung fehlgeschlagen"

im vorschau import -vorschau 'C:\ci\quelle.csv'
expect vorschau 0 "Regionalschlüssel;Region;Zeit;Merkmal;Wert" "05378004;Bergisch Gladbach, Stadt;31.12.2024" "111361"

im export export 'C:\ci\demo.sqlite' -format xlsx -o 'C:\ci\werte.xlsx'
expect export 0 "Export gespeichert" 'C:\ci\werte.xlsx'
magic "$cdir/werte.xlsx" 504b0304 # ZIP
grep -qa "xl/workbook.xml" "$cdir/werte.xlsx" || fail "werte.xlsx: kein Excel-Arbeitsbuch / no Excel workbook"

im uebersicht uebersicht 'C:\ci\demo.sqlite' -jahr 2025
expect uebersicht 0 "Kennzahl;Letzter Wert;Erhebungszeit;Veränderung;Bewertung" "A-K1;"
rows=$(grep -c '^[A-Z]-[A-Z][0-9]*;' "$tmp/uebersicht.out" || true)
[ "$rows" -ge 14 ] || fail "uebersicht: $rows Kennzahlen statt mindestens 14 / $rows rows, want at least 14"
echo "Befehle in Ordnung / commands OK in $((SECONDS - t)) s"

# --- window -------------------------------------------------------------------
t=$SECONDS
before=$(sha256sum <"$cdir/demo.sqlite")
# The headless commands ran without X; Wine's desktop process started
# then stays for a few seconds and would serve the window without a
# display ("Failed to create helper window"). Wait until it has ended.
"$WINESERVER" -w
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 300); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || { cat "$tmp/xvfb.log" >&2; fail "Xvfb startet nicht / does not start"; }
export DISPLAY=:$(tr -d '\n' <"$tmp/display")

"$WINE" "$APP" 'C:\ci\demo.sqlite' >"$tmp/fenster.log" 2>&1 &
app_pid=$!
if ! id=$(timeout 120 xdotool search --sync --onlyvisible --name 'demo\.sqlite' | head -n 1) || [ -z "$id" ]; then
	cat "$tmp/fenster.log" >&2
	fail "kein Fenster „demo.sqlite“ innerhalb von 120 s / no window within 120 s"
fi
title=$(xdotool getwindowname "$id")
echo "  Fenster / window: $title ($((SECONDS - t)) s)"
[[ "$title" == "Integrationsmonitoring Bergisch Gladbach"*"demo.sqlite"* ]] ||
	fail "falscher Fenstertitel / wrong window title: $title"

# Mapped is not drawn yet: take the screen until it shows more than a few
# flat colours (text, table, tabs).
mkdir -p "$(dirname "$SHOT")"
drawn=""
for _ in $(seq 1 120); do
	if import -window "$id" "$tmp/shot.png" 2>/dev/null &&
		[ "$(identify -format %k "$tmp/shot.png" 2>/dev/null || echo 0)" -gt 32 ]; then
		drawn=1
		break
	fi
	sleep 0.5
done
[ -n "$drawn" ] || { cat "$tmp/fenster.log" >&2; fail "Fenster nicht gezeichnet / window not drawn within 60 s"; }
cp "$tmp/shot.png" "$SHOT"
echo "  Bildschirmfoto / screenshot: $SHOT"

# Close it as the close button does: Wine's taskkill (without /f) sends
# WM_CLOSE to the program's windows.
timeout 60 "$WINE" taskkill /im Integrationsmonitor.exe >/dev/null 2>&1 ||
	fail "taskkill: Fenster nicht geschlossen / window not closed"
set +e
for _ in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then
	kill "$app_pid"
	cat "$tmp/fenster.log" >&2
	fail "Programm endet nicht 30 s nach dem Schließen / program still running 30 s after closing"
fi
wait "$app_pid"
rc=$?
set -e
[ "$rc" = 0 ] || { cat "$tmp/fenster.log" >&2; fail "Programm endet mit $rc / program exited with $rc"; }
[ "$(sha256sum <"$cdir/demo.sqlite")" = "$before" ] ||
	fail "Öffnen und Schließen hat die Datei verändert / opening and closing changed the file"
echo "Fenster in Ordnung / window OK in $((SECONDS - t)) s"

echo "Wine-Prüfung in Ordnung / Wine check OK: $(basename "$EXE") unter / under $($WINE --version) in $((SECONDS - start)) s"
