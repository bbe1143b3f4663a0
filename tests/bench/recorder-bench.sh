#!/usr/bin/env bash
# recorder-bench.sh [RUNS] [SECONDS] — the session recorder's speed, as the median of RUNS runs (default 5) of
# `proclab bench recorder --seconds SECONDS --json` (default 3 s). Each run measures, in the same process:
#   - paced: 100 000 task.sample events a second recorded by one producer; the producer's cost per record() call,
#     the recorder thread's CPU per event, and whether every event reached the file in order;
#   - flat out: 200 000 events made beforehand, recorded at once; events per second sustained to disk;
#   - the reference: formatting the same event with QJsonDocument against the recorder's own writer.
# Uses PROCLAB (a proclab binary; default build/dev/bin/proclab) when its `bench` knows `recorder`, else the newest
# build/*/bin/proclab-bench-recorder (tests/unit/session.cmake builds it). Not part of ctest: it measures, it does
# not judge; run it on an otherwise idle machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
seconds=${2:-3}
proclab=${PROCLAB:-$root/build/dev/bin/proclab}
if [ -x "$proclab" ] && "$proclab" bench --help 2>/dev/null | grep -q recorder; then
    bench=("$proclab" bench recorder --seconds "$seconds" --json)
else
    helper=$(ls -t "$root"/build/*/bin/proclab-bench-recorder 2>/dev/null | head -n1 || true)
    [ -n "$helper" ] || { echo "recorder-bench.sh: build proclab or proclab-bench-recorder first" >&2; exit 2; }
    bench=("$helper" "$seconds" --json)
fi
echo "# ${bench[*]} × $runs on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for ((i = 1; i <= runs; i++)); do
    "${bench[@]}" | tee -a "$results" >&2
done
python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
def med(key): return statistics.median(r[key] for r in rows)
print(f"runs: {len(rows)}, paced rate {rows[0]['rate']:.0f}/s for {rows[0]['seconds']:.1f} s")
print(f"all written in order: {all(r['in_order'] and r['dropped'] == 0 for r in rows)}")
print(f"producer, per record() call:    median {med('record_ns_per_event'):.0f} ns")
print(f"producer, building the event:   median {med('build_ns_per_event'):.0f} ns")
print(f"recorder thread CPU per event:  median {med('recorder_cpu_ns_per_event'):.0f} ns")
print(f"flat out, sustained to disk:    median {med('flat_out_events_per_s'):.0f} events/s")
w, q = med('format_ns_per_event'), med('qjsondocument_ns_per_event')
print(f"formatting one event: SessionJsonWriter {w:.0f} ns, QJsonDocument {q:.0f} ns (ratio {q / w:.1f}x)")
PY
