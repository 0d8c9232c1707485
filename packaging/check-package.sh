#!/bin/bash
# Builds the .deb from a configured and built folder, checks it and installs it on this machine, then uses
# the installed programs as a user would (CI runs this after the test suite, on a bare Debian 12):
#   1. desktop-file-validate and appstreamcli validate --no-net on the desktop file and the metainfo;
#   2. cpack -G DEB, then lintian: any error fails (warnings are printed);
#   3. apt-get install ./quiver_*.deb (dependencies from the archive), then the installed quiver-cli
#      --version and one real download from nginx on 127.0.0.1, checked against its SHA-256;
#   4. the installed quiver --version, man quiver-cli, and the menu entry's and icon's files.
# Usage: packaging/check-package.sh [BUILD_DIR]    (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

desktop-file-validate packaging/io.github.quiver.Quiver.desktop
appstreamcli validate --no-net packaging/io.github.quiver.Quiver.metainfo.xml

rm -f "$build"/quiver_*.deb
(cd "$build" && cpack -G DEB)
deb=$(ls "$build"/quiver_*.deb)
dpkg-deb --info "$deb"
lintian --fail-on error --info --display-level '>=warning' "$deb"

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb"
test "$(command -v quiver-cli)" = /usr/bin/quiver-cli
quiver-cli --version
QT_QPA_PLATFORM=offscreen quiver --version
test -f /usr/share/applications/io.github.quiver.Quiver.desktop
test -f /usr/share/icons/hicolor/scalable/apps/io.github.quiver.Quiver.svg
test -f /usr/share/icons/hicolor/48x48/apps/io.github.quiver.Quiver.png
test -f /usr/share/metainfo/io.github.quiver.Quiver.metainfo.xml

# One real download with the installed quiver-cli.
work=$(mktemp -d)
trap 'kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/www" "$work/out"
head -c 5000000 /dev/urandom > "$work/www/payload.bin"
sum=$(sha256sum "$work/www/payload.bin" | cut -d' ' -f1)
# shellcheck source=packaging/screenshot-nginx.sh
source packaging/screenshot-nginx.sh
start_screenshot_nginx 0 ''
for _ in $(seq 100); do
    [ -s "$work/nginx.pid" ] && break
    sleep 0.1
done
printf 'http://127.0.0.1:%s/payload.bin\n  checksum=sha-256=%s\n' "$port" "$sum" > "$work/links.txt"
no_proxy=127.0.0.1 quiver-cli -i "$work/links.txt" -d "$work/out"
echo "$sum  $work/out/payload.bin" | sha256sum -c -
echo "check-package: $deb installs, validates and downloads"
