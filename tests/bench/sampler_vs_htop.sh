#!/bin/bash
# Compares the CPU cost of `proclab sample --summary` with htop and `top -H`, in one run, on two workloads of the
# same helper process (proclab-bench-threads): N threads that never wake, and N threads that wake every WAKE_MS
# (200) ms, so each is scheduled every other tick and no "skip the unscheduled" saving applies. Each tool
# refreshes at 10 Hz. The ratio that counts is per task each tool reads (htop every task of the machine,
# `proclab sample --pid` the helper's). Targets (issue 14): htop ÷ proclab ≥ 6× idle, ≥ 4× waking.
#
#   [ROUNDS=3] [WAKE_MS=200] tests/bench/sampler_vs_htop.sh [BUILD_DIR] [THREADS] [SECONDS]
#                                                                      (defaults: build/dev 2000 10)
#
# Method: each tool runs alone for SECONDS (htop and top on a pseudo-terminal made by `script`, 80x24, TERM=xterm);
# its CPU time (utime + stime from /proc/PID/stat, in clock ticks) is read WARMUP (2) seconds after its start and
# again SECONDS later; the difference is its cost. Refreshes are
# taken as SECONDS × 10 — an upper bound for htop and top, whose delay runs between refreshes — so their cost per
# refresh is, if anything, understated. htop and top read every task of the system; `proclab sample --pid` reads
# the helper's; `proclab sample` without --pid reads every task too, and is shown as well. Medians of ROUNDS runs.
set -euo pipefail

BUILD=${1:-build/dev}
THREADS=${2:-2000}
SECONDS_PER_TOOL=${3:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
WAKE_MS=${WAKE_MS:-200}
BIN=$BUILD/bin
HZ=$(getconf CLK_TCK)
for tool in "$BIN/proclab" "$BIN/proclab-bench-threads"; do
    [[ -x $tool ]] || { echo "missing $tool (build the proclab and proclab-bench-threads targets)" >&2; exit 2; }
done
command -v htop > /dev/null || { echo "htop is not installed (apt-get install htop)" >&2; exit 2; }
command -v script > /dev/null || { echo "script is not installed (bsdutils)" >&2; exit 2; }

cpu_ticks() { awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[12] + f[13] }' "/proc/$1/stat"; }
system_tasks() { ls -d /proc/[0-9]*/task/[0-9]* 2> /dev/null | wc -l; }

# Runs "$@" for SECONDS_PER_TOOL and prints the CPU seconds of the process whose command name is $1 (a child of
# `script` for the terminal tools, the started process itself otherwise).
measure() {
    local name=$1; shift
    "$@" > /dev/null 2>&1 &
    local launcher=$!
    local pid=""
    for _ in $(seq 50); do
        if [[ $(cat "/proc/$launcher/comm" 2> /dev/null) == "$name" ]]; then
            pid=$launcher
        else
            pid=$(pgrep -x "$name" -P "$launcher" || true)
        fi
        [[ -n $pid ]] && break
        sleep 0.1
    done
    [[ -n $pid ]] || { echo "could not find $name" >&2; kill "$launcher"; return 1; }
    # Start-up (Qt, htop's first scan, the sampler's cold first read that opens every file) is left out.
    sleep "$WARMUP"
    local before after
    before=$(cpu_ticks "$pid")
    sleep "$SECONDS_PER_TOOL"
    after=$(cpu_ticks "$pid")
    # Stop the tool itself; `script` then exits on its own and reaps it (killing `script` first would leave the
    # tool to be re-parented).
    kill "$pid" 2> /dev/null || true
    wait "$launcher" 2> /dev/null || true
    local ticks=$((after - before))
    echo "scale=6; $ticks / $HZ" | bc
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

refreshes=$((SECONDS_PER_TOOL * 10))
export TERM=xterm HOME=$(mktemp -d) # htop: default settings, no saved configuration

# run_workload LABEL [WAKE_MS]: starts the helper, measures every tool ROUNDS times, prints the table.
run_workload() {
    local label=$1; shift
    coproc HELPER { exec "$BIN/proclab-bench-threads" "$THREADS" "$@"; }
    local ready helper_pid count
    read -r ready helper_pid count <&"${HELPER[0]}"
    [[ $ready == ready ]] || { echo "helper failed: $ready $helper_pid $count" >&2; exit 1; }
    declare -A results=()
    for round in $(seq "$ROUNDS"); do
        results[proclab_pid]+="$(measure proclab "$BIN/proclab" sample --pid "$helper_pid" --summary --interval 100)"$'\n'
        results[proclab_all]+="$(measure proclab "$BIN/proclab" sample --summary --interval 100)"$'\n'
        results[htop]+="$(measure htop script -qfec "stty cols 80 rows 24; exec htop -d 1" /dev/null)"$'\n'
        results[top]+="$(measure top script -qfec "stty cols 80 rows 24; exec top -H -d 0.1" /dev/null)"$'\n'
    done
    local tasks_all tasks_helper
    tasks_all=$(system_tasks)
    tasks_helper=$((THREADS + 1))
    kill "$helper_pid" 2> /dev/null || true
    wait "$helper_pid" 2> /dev/null || true

    printf '\n%s: %s threads in the helper, %s tasks on the system, %s s per tool, %s refreshes assumed, median of %s rounds\n' \
        "$label" "$THREADS" "$tasks_all" "$SECONDS_PER_TOOL" "$refreshes" "$ROUNDS"
    printf '%-34s %10s %14s %18s\n' tool cpu_s us_per_refresh us_per_task_refresh
    local key tool tasks cpu
    for key in proclab_pid proclab_all htop top; do
        case $key in
        proclab_pid) tool="proclab sample --pid --summary"; tasks=$tasks_helper ;;
        proclab_all) tool="proclab sample --summary (all)"; tasks=$tasks_all ;;
        htop) tool="htop -d 1"; tasks=$tasks_all ;;
        top) tool="top -H -d 0.1"; tasks=$tasks_all ;;
        esac
        cpu=$(printf '%s' "${results[$key]}" | median)
        printf '%-34s %10s %14s %18s\n' "$tool" "$cpu" "$(echo "scale=1; $cpu * 1000000 / $refreshes" | bc)" \
            "$(echo "scale=3; $cpu * 1000000 / $refreshes / $tasks" | bc)"
        eval "cpu_$key=$cpu"
    done
    echo "$label: htop / proclab --pid per task read: $(echo "scale=9; r = ($cpu_htop / $tasks_all) / ($cpu_proclab_pid / $tasks_helper); scale=1; r / 1" | bc)x" \
        "  per refresh: $(echo "scale=1; $cpu_htop / $cpu_proclab_pid" | bc)x"
}

run_workload idle
run_workload "waking every $WAKE_MS ms" "$WAKE_MS"
