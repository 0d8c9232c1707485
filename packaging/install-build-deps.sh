#!/bin/sh
# Installs what building and testing Quiver needs on Debian 12 (bookworm): the compiler and CMake,
# Qt 6.4 (Core, Network, Widgets, Test, the SVG icon plugin), Qt Linguist's lupdate and lrelease for the
# translations (qt6-l10n-tools; CMake finds them through qt6-tools-dev), Qt's own translations
# (qt6-translations-l10n: dialog buttons and --help in the user's language), nginx for the
# real-server tests, and for the package (packaging/CMakeLists.txt, packaging/check-package.sh): rsvg-convert
# for the icon's PNG sizes, dpkg-shlibdeps and file for cpack's dependencies, and the checkers
# desktop-file-validate, appstreamcli and lintian.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
    ca-certificates g++ make cmake ninja-build \
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6svg6 \
    nginx-light \
    librsvg2-bin dpkg-dev file desktop-file-utils appstream lintian
