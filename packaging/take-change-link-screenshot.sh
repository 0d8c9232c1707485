#!/bin/bash
# Takes a screenshot of the Change Link dialog over the real window: a rate-limited nginx on 127.0.0.1
# serves a few files, and the saved queue holds a download whose signed link expired (403) with part of
# the file on disk. The failed row is selected, Ctrl+L opens the dialog and a new link is typed in.
# Needs: xvfb, xdotool, imagemagick, nginx-light (apt-get install -y xvfb xdotool imagemagick nginx-light).
# Usage: packaging/take-change-link-screenshot.sh [BUILD_DIR] [OUTPUT.png]
set -euo pipefail
build=$(realpath "${1:-build}")
out=$(realpath -m "${2:-packaging/screenshots/change-link.png}")
work=$(mktemp -d)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/www/mirror" "$work/home/Downloads" "$work/home/.local/share/Quiver/Quiver"
mkdir -m 700 "$work/runtime"
names=(inkscape-1.4.tar.xz gimp-3.0.tar.xz blender-4.3.tar.xz)
sizes=(30 36 48)
for i in "${!names[@]}"; do head -c "$((sizes[i] * 1024 * 1024))" /dev/urandom > "$work/www/${names[i]}"; done
# shellcheck source=packaging/screenshot-nginx.sh
source "$(dirname "${BASH_SOURCE[0]}")/screenshot-nginx.sh"
start_screenshot_nginx 700k 'location /dl/ { return 403; }'
dl="$work/home/Downloads"
# Sparse: the 1.9 GiB "already downloaded" take no space.
truncate -s $((1900 * 1024 * 1024)) "$dl/ubuntu-24.04.1-desktop-amd64.iso.part"
head -c $((3 * 1024 * 1024)) /dev/urandom > "$dl/vlc-3.0.21.tar.xz"
cat > "$work/home/.local/share/Quiver/Quiver/queue.json" <<JSON
{"version":1,"items":[
{"url":"http://127.0.0.1:$port/dl/ubuntu-24.04.1-desktop-amd64.iso?expires=1732435200&sig=3f9a0c","partUrl":"http://127.0.0.1:$port/dl/ubuntu-24.04.1-desktop-amd64.iso?expires=1732435200&sig=3f9a0c","directory":"$dl","fileName":"ubuntu-24.04.1-desktop-amd64.iso","state":"failed","intent":"run","bytesReceived":$((1900 * 1024 * 1024)),"bytesTotal":6203355136,"attempts":2,"attemptsWithoutProgress":1,"lastError":"Server answered 403 Forbidden: the server refuses to give out this file. The link may have expired; get a new one.","etag":"\"66c5f2a8-171c26000\""},
{"url":"http://127.0.0.1:$port/vlc-3.0.21.tar.xz","directory":"$dl","fileName":"vlc-3.0.21.tar.xz","state":"finished","intent":"run","bytesReceived":3145728,"bytesTotal":3145728,"attempts":1,"attemptsWithoutProgress":0},
{"url":"http://127.0.0.1:$port/${names[0]}","directory":"$dl","state":"queued","intent":"run"},
{"url":"http://127.0.0.1:$port/${names[1]}","directory":"$dl","state":"queued","intent":"run"},
{"url":"http://127.0.0.1:$port/${names[2]}","directory":"$dl","state":"queued","intent":"run"}
]}
JSON
cat > "$work/session.sh" <<SESSION
#!/bin/bash
# A runtime folder of its own, so this window does not hand over to a Quiver already running here.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=xcb
"$build/src/gui/quiver" &
sleep 4
xdotool mousemove 130 312 click 1     # select the failed row
sleep 0.5
xdotool key ctrl+l                    # Change Link…
sleep 1
xdotool type --delay 5 "https://mirror.example.org/releases/24.04.1/ubuntu-24.04.1-desktop-amd64.iso"
sleep 2
import -window root -crop 1180x720+0+0 "$out"
kill %1
SESSION
chmod +x "$work/session.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$work/session.sh" >/dev/null 2>&1
echo "screenshot: $out"
