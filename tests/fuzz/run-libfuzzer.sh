#!/usr/bin/env bash
# run-libfuzzer.sh [SECONDS] — fuzz the session reader (and the exporters fed by it) with clang's libFuzzer.
#
# Builds tests/fuzz/SessionReaderFuzzer.cpp and the session sources it reads with clang++ -fsanitize=fuzzer,address,
# undefined into build/fuzz/ (FUZZ_BUILD_DIR overrides), then runs it for SECONDS (default 180) over a working corpus
# seeded from tests/fuzz/corpus and tests/fixtures/sessions. New inputs stay in build/fuzz/corpus; a crash is saved
# as build/fuzz/crashes/crash-… and the script exits non-zero: fix the bug, then copy the file into
# tests/fuzz/corpus so that ctest (fuzz_session_reader_corpus) replays it from then on.
#
# Needs clang++ (14 on Debian bookworm) and libFuzzer's runtime, which Debian ships in libclang-rt-14-dev.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-180}
out=${FUZZ_BUILD_DIR:-$root/build/fuzz}
cxx=$(command -v clang++-14 || command -v clang++ || true)
[ -n "$cxx" ] || { echo "run-libfuzzer.sh: clang++ not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
mkdir -p "$out/generated" "$out/corpus" "$out/crashes"

version=$(sed -n 's/^project(ProcLab$//;s/^ *VERSION \([0-9.]*\)$/\1/p' "$root/CMakeLists.txt" | head -n1)
sed -e "s/@PROJECT_VERSION@/${version:-0}/" -e 's/@PROJECT_HOMEPAGE_URL@//' "$root/src/core/BuildInfo.h.in" \
    > "$out/generated/BuildInfo.h"

sources=(SessionEvent SessionHeader SessionJsonWriter Utf8Validator SessionFieldCheck SessionReader OutputTarget
         SessionExporter JsonlExporter
         CsvWriter CsvExporter SvgWriter SessionReportData SessionCharts HtmlReportExporter SessionMoment SessionReplay)
files=("$root/tests/fuzz/SessionReaderFuzzer.cpp")
for s in "${sources[@]}"; do files+=("$root/src/core/session/$s.cpp"); done

echo "building $out/session_reader_fuzzer with $cxx"
# shellcheck disable=SC2046 # pkg-config prints several words on purpose
"$cxx" -std=c++20 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_KEYWORDS -DQT_USE_QSTRINGBUILDER \
    $(pkg-config --cflags Qt6Core) -I"$root/src/core" -I"$out/generated" \
    "${files[@]}" $(pkg-config --libs Qt6Core) -o "$out/session_reader_fuzzer"

echo "fuzzing for $seconds s"
# Leak checking is off: Qt keeps a few process-wide caches (the codec and locale data) until exit.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
"$out/session_reader_fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -dict="$root/tests/fuzz/session.dict" -artifact_prefix="$out/crashes/" \
    "$out/corpus" "$root/tests/fuzz/corpus" "$root/tests/fixtures/sessions"
