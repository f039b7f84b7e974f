#!/usr/bin/env bash
# Windows build: cross-compiles Integrationsmonitor.exe for windows/amd64 on
# Debian with mingw-w64 as the C compiler (Fyne needs cgo) and checks the
# result, since the exe cannot be run here (Debian's wine cannot start Go
# >= 1.22 executables).
#
#   bash .ci/windows.sh            -> ./Integrationsmonitor.exe
#   OUT=pfad/x.exe bash .ci/windows.sh
#
# Icon and version resource come from FyneApp.toml ([Details] Name, ID,
# Version, Build, Icon): the script writes a winres.json into a temporary
# folder and lets go-winres (pinned, from the Go module proxy) turn it into
# cmd/integrationsmonitor/rsrc_windows_amd64.syso, which `go build` links
# into the windows/amd64 binary only. The .syso is removed afterwards (and is
# git-ignored in case the script is interrupted). Nothing generated is
# committed.
#
# Checks: PE32+ GUI x86-64 (file, objdump Subsystem 2), icon, manifest and
# version resource present with FyneApp.toml's version, no import of a
# mingw runtime DLL (the exe must start on a bare Windows).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
start=$SECONDS

GO=${GO:-go}
OUT=${OUT:-Integrationsmonitor.exe}
GOWINRES=github.com/tc-hib/go-winres@v0.3.3
PKG=./cmd/integrationsmonitor
SYSO=cmd/integrationsmonitor/rsrc_windows_amd64.syso

fail() {
	echo "FEHLER / ERROR: $*" >&2
	echo "Windows-Build fehlgeschlagen / Windows build failed" >&2
	exit 1
}

# --- Debian packages --------------------------------------------------------
# gcc-mingw-w64-x86-64 brings binutils-mingw-w64-x86-64 (objdump, strings).
DEB_PKGS="gcc-mingw-w64-x86-64 file"
# shellcheck disable=SC2086
bash .ci/debpkgs.sh $DEB_PKGS || fail "Debian-Pakete / Debian packages"

# The win32 thread model needs no libwinpthread-1.dll next to the exe;
# Debian's default alternative is the same compiler, but be explicit.
if [ -z "${CC_WINDOWS:-}" ]; then
	if command -v x86_64-w64-mingw32-gcc-win32 >/dev/null; then CC_WINDOWS=x86_64-w64-mingw32-gcc-win32
	else CC_WINDOWS=x86_64-w64-mingw32-gcc; fi
fi
for c in "$CC_WINDOWS" x86_64-w64-mingw32-objdump x86_64-w64-mingw32-strings file "$GO"; do
	command -v "$c" >/dev/null || fail "Programm fehlt / command not found: $c"
done

# --- metadata from FyneApp.toml ---------------------------------------------
# toml KEY: the value of KEY in [Details], quotes and comments stripped.
toml() {
	awk -v key="$1" '
		/^[ \t]*\[/ { sec = $0; gsub(/[ \t]/, "", sec); next }
		sec == "[Details]" {
			line = $0
			if (line !~ "^[ \t]*" key "[ \t]*=") next
			sub(/^[^=]*=[ \t]*/, "", line)
			if (line ~ /^"/) { sub(/^"/, "", line); sub(/".*$/, "", line) }
			else { sub(/[ \t]*(#.*)?$/, "", line) }
			print line; exit
		}' FyneApp.toml
}
[ -f FyneApp.toml ] || fail "FyneApp.toml nicht gefunden / not found"
NAME=$(toml Name)
APPID=$(toml ID)
VERSION=$(toml Version)
BUILD=$(toml Build)
ICON=$(toml Icon)
[ -n "$NAME" ] && [ -n "$APPID" ] && [ -n "$ICON" ] || fail "FyneApp.toml: Name, ID oder Icon fehlt / missing"
[[ "$VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || fail "FyneApp.toml: Version '$VERSION' ist nicht X.Y.Z / not X.Y.Z"
[[ "$BUILD" =~ ^[0-9]+$ ]] || fail "FyneApp.toml: Build '$BUILD' ist keine Zahl / not a number"
[ -f "$ICON" ] || fail "Icon $ICON nicht gefunden / not found"
# Fyne's own convention (fyne package): X.Y.Z.Build as the four-part
# Windows file version.
v3=$VERSION
while [[ ! "$v3" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; do v3="$v3.0"; done
FILEVERSION="$v3.$BUILD"
YEAR=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" +%Y)

# --- resource (.syso) ---------------------------------------------------------
tmp=$(mktemp -d)
cleanup() { rm -rf "$tmp"; rm -f "$root/$SYSO"; }
trap cleanup EXIT

# go-winres resolves file names relative to the json file.
cp "$ICON" "$tmp/icon.png"
json_str() { # JSON string literal for $1 (the values here have no control characters)
	local s=${1//\\/\\\\}
	printf '"%s"' "${s//\"/\\\"}"
}
cat >"$tmp/winres.json" <<EOF
{
  "RT_GROUP_ICON": {
    "APP": { "0000": "icon.png" }
  },
  "RT_MANIFEST": {
    "#1": {
      "0409": {
        "description": $(json_str "$NAME"),
        "minimum-os": "win10",
        "execution-level": "as invoker",
        "dpi-awareness": "per monitor v2",
        "long-path-aware": true
      }
    }
  },
  "RT_VERSION": {
    "#1": {
      "0000": {
        "fixed": {
          "file_version": "$FILEVERSION",
          "product_version": "$FILEVERSION"
        },
        "info": {
          "0407": {
            "CompanyName": "Stadt Bergisch Gladbach",
            "FileDescription": $(json_str "$NAME – Integrationsmonitoring der Stadt Bergisch Gladbach"),
            "FileVersion": "$FILEVERSION",
            "InternalName": $(json_str "$APPID"),
            "LegalCopyright": "© $YEAR Stadt Bergisch Gladbach",
            "OriginalFilename": $(json_str "$(basename "$OUT")"),
            "ProductName": $(json_str "$NAME"),
            "ProductVersion": $(json_str "$VERSION (Build $BUILD)"),
            "Comments": $(json_str "App-ID $APPID")
          }
        }
      }
    }
  }
}
EOF
echo "Ressourcen / resources: $NAME $VERSION (Build $BUILD), $APPID, Icon $ICON"
# go-winres runs on the build machine: no GOOS/CC of the target here.
env -u GOOS -u GOARCH -u CC CGO_ENABLED=0 "$GO" run "$GOWINRES" make \
	--in "$tmp/winres.json" --arch amd64 --out "$tmp/rsrc" ||
	fail "go-winres make"
[ -s "$tmp/rsrc_windows_amd64.syso" ] || fail "go-winres hat keine .syso erzeugt / produced no .syso"
cp "$tmp/rsrc_windows_amd64.syso" "$SYSO"

# --- build --------------------------------------------------------------------
echo "Baue / building $OUT (windows/amd64, $CC_WINDOWS)"
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC="$CC_WINDOWS" \
	"$GO" build -trimpath -tags migrated_fynedo \
	-ldflags "-H=windowsgui -s -w" -o "$OUT" "$PKG" ||
	fail "go build (windows/amd64)"
rm -f "$SYSO"

# --- checks -------------------------------------------------------------------
desc=$(file -b "$OUT")
echo "file: $desc"
[[ "$desc" == "PE32+ executable (GUI) x86-64"*"for MS Windows"* ]] ||
	fail "kein PE32+-GUI-Programm für x86-64 / not a PE32+ GUI x86-64 executable: $desc"

x86_64-w64-mingw32-objdump -p "$OUT" >"$tmp/objdump.txt" || fail "objdump -p"
subsys=$(grep -E '^Subsystem' "$tmp/objdump.txt" || true)
echo "objdump: $subsys"
grep -Eq '^Subsystem[[:space:]]+00000002[[:space:]]+\(Windows GUI\)' <<<"$subsys" ||
	fail "Subsystem ist nicht 2 (Windows GUI) / subsystem is not Windows GUI"

# Resource directory (.rsrc): type 3 icon, 14 group icon, 16 version, 24 manifest.
# objdump lists the type level as "010   Entry: ID: 0x00000e, ..." (three
# spaces; names and languages are indented further).
for t in 3 14 16 24; do
	grep -Eq "^[0-9a-f]+   Entry: ID: 0x0*$(printf '%x' "$t")," "$tmp/objdump.txt" ||
		fail "Ressource vom Typ $t fehlt / resource type $t missing (3 icon, 14 group icon, 16 version, 24 manifest)"
done
x86_64-w64-mingw32-strings -el "$OUT" >"$tmp/strings.txt"
for s in "$FILEVERSION" "$VERSION (Build $BUILD)" "$APPID" "$NAME"; do
	grep -qF -- "$s" "$tmp/strings.txt" || fail "Versionsressource enthält „$s“ nicht / version resource lacks '$s'"
done

# Only Windows system DLLs: a mingw runtime DLL would not be on the
# city's PCs and the exe would not start.
dlls=$(awk '/DLL Name:/ { print $3 }' "$tmp/objdump.txt" | sort -uf | tr '\n' ' ')
echo "DLLs: $dlls"
[ -n "$dlls" ] || fail "keine Importtabelle gefunden / no import table found"
if bad=$(tr ' ' '\n' <<<"$dlls" | grep -Ei '^(lib.*|.*mingw.*|.*gcc.*|.*pthread.*)\.dll$'); then
	fail "importiert Laufzeit-DLLs, die unter Windows fehlen / imports runtime DLLs missing on Windows: $bad"
fi

size=$(du -m "$OUT" | cut -f1)
# The checksum lets the city's IT compare the file it received (PowerShell:
# Get-FileHash Integrationsmonitor.exe).
echo "SHA-256: $(sha256sum "$OUT" | cut -d' ' -f1)  $OUT"
echo "Windows-Build in Ordnung / Windows build OK: $OUT ($size MB, $NAME $FILEVERSION, GUI-Subsystem, Icon + Versionsressource) in $((SECONDS - start)) s"
