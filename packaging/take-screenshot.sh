#!/bin/bash
# Takes a screenshot of the real window mid-download, for the README and for looking at changes:
# a rate-limited nginx on 127.0.0.1 serves a dozen files, quiver opens a links file with some bad
# lines (which it downloads at once), Start All is clicked and a failed row is selected.
# Needs: xvfb, xdotool, imagemagick, nginx-light (apt-get install -y xvfb xdotool imagemagick nginx-light).
# Usage: packaging/take-screenshot.sh [BUILD_DIR] [OUTPUT.png]
set -euo pipefail
build=$(realpath "${1:-build}")
out=$(realpath -m "${2:-packaging/screenshots/main-window.png}")
work=$(mktemp -d)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/www" "$work/home/Downloads"
mkdir -m 700 "$work/runtime"
sizes=(4 6 8 10 30 36 48 24 20 16 14 12)
names=(vlc-3.0.21.tar.xz inkscape-1.4.tar.xz gimp-3.0.tar.xz firefox-133.0.tar.bz2 fedora-workstation-41.iso
       debian-12.8.0-amd64-netinst.iso ubuntu-24.04-desktop-amd64.iso archlinux-2026.11.01-x86_64.iso
       kernel-6.18.tar.xz qt-everywhere-src-6.8.1.tar.xz blender-4.3.tar.xz libreoffice-24.8.deb)
for i in "${!names[@]}"; do head -c "$((sizes[i] * 1024 * 1024))" /dev/urandom > "$work/www/${names[i]}"; done
# shellcheck source=packaging/screenshot-nginx.sh
source "$(dirname "${BASH_SOURCE[0]}")/screenshot-nginx.sh"
start_screenshot_nginx 900k 'location /gone/ { return 404; }'
{
    echo "# Release mirrors for this week"
    echo "http://127.0.0.1:$port/${names[0]}"
    echo "http://127.0.0.1:$port/gone/old-release.iso"
    for n in "${names[@]:1}"; do echo "http://127.0.0.1:$port/$n"; done
    echo "ftp://mirror.example.org/pub/legacy.iso"
    echo "javascript:alert(1)"
} > "$work/links.txt"

cat > "$work/session.sh" <<SESSION
#!/bin/bash
# A runtime folder of its own, so this window does not hand its links to a Quiver already running here.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=xcb
"$build/src/gui/quiver" "$work/links.txt" &
sleep 3
# Keys rather than button positions, so a change of layout or language does not break the script.
xdotool mousemove 400 120 click 1     # into the add-links box
xdotool key ctrl+Return               # Download (a no-op: the links given on the command line are running)
sleep 1
xdotool mousemove 400 336 click 1     # select the second row (its link is gone: it will fail)
xdotool key ctrl+shift+Return         # Start All
sleep 14
import -window root -crop 1180x720+0+0 "$out"
kill %1
SESSION
chmod +x "$work/session.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$work/session.sh" >/dev/null 2>&1
echo "screenshot: $out"
