#!/usr/bin/env bash
# proclab.sh — the one entry point: install what is missing, build, then run, test or package ProcLab.
#
#   ./proclab.sh run [ARGS…]   build (incrementally) and start proclab with ARGS
#   ./proclab.sh test          build, then run the whole CTest suite; exits with ctest's status
#   ./proclab.sh package       build the .deb with CPack and print its path
#   ./proclab.sh sanitize asan|tsan   build and test with a sanitizer (not part of `test`)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cd "$root"

# Everything a bare Debian bookworm needs to build, run, test and package ProcLab: one list, which the test
# debian_packages_complete checks against what the build really took from the system.
package_list=installer/debian-packages.txt
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$package_list")

say() { printf 'proclab.sh: %s\n' "$*" >&2; }

install_missing() {
    local missing=() pkg status
    while read -r pkg status; do
        [[ $status == installed ]] || missing+=("$pkg")
    done < <(for pkg in "${packages[@]}"; do
                 printf '%s %s\n' "$pkg" "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || echo absent)"
             done)
    ((${#missing[@]} == 0)) && return 0
    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || { say "need root to install: ${missing[*]}"; exit 1; }
        sudo=(sudo)
    fi
    say "installing the Debian packages that are missing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    local preset=${1:-dev}
    # ccache: paths relative to the checkout, so a fresh clone elsewhere still hits the cache.
    export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=true
    export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
    # Configure unless the folder holds a finished configure: CMake writes build.ninja last, so a configure that
    # failed (a missing package, say) leaves a cache without it, and fixing the cause and running the same command
    # again configures afresh instead of failing in ninja.
    if [[ ! -f build/$preset/build.ninja ]]; then
        rm -f "build/$preset/CMakeCache.txt"
        cmake --preset "$preset" >/dev/null
    fi
    cmake --build --preset "$preset"
}

cmd=${1:-run}
(($#)) && shift
case $cmd in
    run)
        install_missing
        build dev
        exec build/dev/bin/proclab "$@"
        ;;
    test)
        install_missing
        build dev
        log=$(mktemp)
        tally=$(mktemp)
        trap 'rm -f "$log" "$tally"' EXIT
        set +e
        PROCLAB_VERDICT_TALLY=$tally ctest --preset dev "$@" 2>&1 | tee "$log"
        status=${PIPESTATUS[0]}
        set -e
        # How many lessons the machine's other work made inconclusive (skipped, not failed).
        cat "$tally"
        # ctest's summary line, once more at the very end where a reader looks first.
        grep -E 'tests passed|tests failed' "$log" | tail -n 1 || true
        exit "$status"
        ;;
    package)
        install_missing
        build dev
        (cd build/dev && cpack -G DEB >/dev/null)
        ls -1 "$root"/build/dev/proclab_*.deb | tail -n 1
        ;;
    sanitize)
        preset=${1:?usage: ./proclab.sh sanitize asan|tsan}
        install_missing
        build "$preset"
        ctest --preset "$preset"
        ;;
    -h|--help|help)
        sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        say "unknown command '$cmd'; allowed: run, test, package, sanitize, help"
        exit 2
        ;;
esac
