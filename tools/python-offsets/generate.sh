#!/bin/sh
# Compiles gil_offsets.c against the headers of CPython VERSION and prints its row of the offset table.
# Usage: generate.sh VERSION [INCLUDE_DIR]   (default INCLUDE_DIR: /usr/include/pythonVERSION)
set -eu
version=${1:?usage: generate.sh VERSION [INCLUDE_DIR]}
include=${2:-/usr/include/python$version}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -std=c11 -I"$include" -o "$out/gil_offsets" "$(dirname "$0")/gil_offsets.c"
"$out/gil_offsets"
