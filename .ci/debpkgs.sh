#!/usr/bin/env bash
# Installs the Debian packages given as arguments that are missing, as root
# or with password-less sudo; otherwise names them and fails. Shared by
# `make deps`, .ci/windows.sh and .ci/wine.sh.
#
#   bash .ci/debpkgs.sh PKG...
set -euo pipefail
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"
else
	echo "Es fehlen Debian-Pakete / missing Debian packages:$missing" >&2
	echo "Bitte installieren / please install: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "Installiere fehlende Pakete / installing:$missing"
t=$SECONDS
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "Pakete installiert / packages installed in $((SECONDS - t)) s"
