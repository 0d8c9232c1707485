#!/bin/sh
# Installs what building and testing Quiver needs on Debian 12 (bookworm): the compiler and CMake,
# Qt 6.4 (Core, Network, Widgets, Test, Linguist tools, the SVG icon plugin) and nginx for the real-server tests.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
    ca-certificates g++ make cmake ninja-build \
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6 \
    nginx-light
