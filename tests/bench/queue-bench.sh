#!/usr/bin/env bash
# tests/bench/queue-bench.sh [BUILD_DIR] [--seconds S] [--json]
# Builds proclab in BUILD_DIR (default build/dev) and runs `proclab bench queue`: SharedQueue (single items and
# batches) and a pipe between two processes, with Python's multiprocessing.Queue (tests/bench/queue_reference.py)
# measured in the same run as the reference. Not part of ctest.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
build=${1:-build/dev}
(($#)) && shift
cd "$root"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cmake --build "$build" --target proclab >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
PROCLAB_QUEUE_REFERENCE="$root/tests/bench/queue_reference.py" "$build/bin/proclab" bench queue "$@"
