#!/bin/sh
# Installs, on top of install-build-deps.sh, what the fuzzers and the sanitizer build need on Debian 12:
# clang with the libFuzzer and sanitizer runtimes (libclang-rt-14-dev, which clang only recommends),
# and llvm for llvm-symbolizer, so sanitizer reports name functions and lines. The sanitizer build with
# the default g++ needs nothing more: its runtimes come with g++.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends clang libclang-rt-14-dev llvm
