#!/usr/bin/env bash
# tests/bench/deadlock_soak.sh [BUILD_DIR] [SECONDS]
# The deadlock analysis's soak test (issue 6): `proclab run pc-threads` with 8 producers and 8 consumers on a queue
# of 2 with no pause between items — every thread fights for the queue's mutex, blocks on full and on empty, many
# times a tick — for SECONDS (default 60) at 50 ms ticks. Any deadlock.detected, lock.owner_dead,
# lock_order.inversion or lock.futex_mismatch in the session is a false report: the script prints the counts and
# the first offending line and exits 1. Exit 2: the run itself failed. Not part of ctest: its short version is
# tst_deadlockruns::heavyContentionGivesNoFalseReport.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
build=${1:-build/dev}
seconds=${2:-60}
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --build "$build" --target proclab proclab-worker >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 2; }

log="$work/soak.jsonl"
start=$(date +%s.%N)
if ! HOME="$work" XDG_DATA_HOME="$work/data" "$build/bin/proclab" run pc-threads \
        --set producers=8 --set consumers=8 --set capacity=2 --set produce_ms=0 --set consume_ms=0 \
        --duration "$seconds" --interval 50 --log "$log" >"$work/run.out" 2>&1; then
    cat "$work/run.out" >&2
    echo "deadlock_soak: proclab run failed" >&2
    exit 2
fi
end=$(date +%s.%N)

count() { grep -c "\"kind\":\"$1\"" "$log" || true; }
false_reports=0
for kind in deadlock.detected lock.owner_dead lock_order.inversion lock.futex_mismatch; do
    n=$(count "$kind")
    printf '%-22s %s\n' "$kind" "$n"
    if [ "$n" -gt 0 ]; then
        false_reports=$((false_reports + n))
        grep -m1 "\"kind\":\"$kind\"" "$log" | cut -c1-400
    fi
done
printf '%-22s %s\n' "task.sample" "$(count task.sample)"
printf '%-22s %s\n' "queue.sample" "$(count queue.sample)"
last_queue=$(grep '"kind":"queue.sample"' "$log" | tail -1)
printf '%-22s %s\n' "items through" "$(sed -n 's/.*"gets":\([0-9]*\).*/\1/p' <<<"$last_queue")"
max_blocked=$(grep '"kind":"queue.sample"' "$log" \
    | sed -n 's/.*"blocked_getters":\([0-9]*\).*"blocked_putters":\([0-9]*\).*/\1 \2/p' \
    | awk '{ if ($1 + $2 > most) most = $1 + $2 } END { print most + 0 }')
printf '%-22s %s\n' "most blocked at once" "${max_blocked:-0}"
check=$(grep -m1 '"kind":"lock.futex_check"' "$log" || true)
for field in waits_checked waits_confirmed mismatches syscall_reads unreadable; do
    printf '%-22s %s\n' "futex $field" "$(sed -n "s/.*\"$field\":\([0-9]*\).*/\1/p" <<<"$check")"
done
printf '%-22s %.1f s\n' "wall time" "$(echo "$end - $start" | bc)"
if [ -z "$check" ]; then
    echo "deadlock_soak: the futex cross-check did not report (no lock.futex_check)" >&2
    exit 1
fi
if [ "$false_reports" -gt 0 ]; then
    echo "deadlock_soak: FAILED: $false_reports false report(s)" >&2
    exit 1
fi
echo "deadlock_soak: no false report in ${seconds} s"
