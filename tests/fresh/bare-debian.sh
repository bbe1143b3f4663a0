#!/usr/bin/env bash
# bare-debian.sh — prove the README's set-up on a Debian bookworm that has nothing installed.
#
# Makes a minimal bookworm root with debootstrap (--variant=minbase, kept as a tarball between runs), clones the
# current commit into it, mounts /proc, /sys and /dev, and runs there what a new user runs:
#   1. ./proclab.sh test                            (installs the packages, builds, runs the whole suite)
#   2. ./proclab.sh run run zombie --duration 3     (a headless experiment through the same entry point)
#   3. ./proclab.sh package, then on a second fresh copy of the bare root `apt-get install ./proclab_*.deb` and
#      `proclab run zombie --duration 2` from /usr/bin: the package pulls in what it needs at run time.
# The last line is "bare-debian: passed" or "bare-debian: FAILED: <what>". It takes about 15 to 30 minutes.
#
# Not part of ctest. Run it whenever installer/debian-packages.txt, a find_package call or proclab.sh changes.
#
#   tests/fresh/bare-debian.sh [--keep] [--ccache DIR] [--deb FILE]
#     --keep        leave the roots in place for a look afterwards
#     --deb FILE    only step 3, with a package built already (./proclab.sh package)
#     --ccache DIR  let the build in the root use the compiler cache DIR (bind-mounted): much faster, and it
#                   proves the same, since a header missing from the root still fails its compile (ccache checks
#                   every include file of a cached result, and a miss preprocesses in the root)
#
# Environment: PROCLAB_FRESH_DIR (default build/fresh) holds the tarball, the roots and the logs;
# PROCLAB_DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail
source_dir=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
work=${PROCLAB_FRESH_DIR:-$source_dir/build/fresh}
mirror=${PROCLAB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
keep=false
ccache_dir=
deb=
args=("$@")
while (($#)); do
    case $1 in
        --keep) keep=true ;;
        --ccache)
            [[ -n ${2:-} && -d ${2:-} ]] || { echo "bare-debian.sh: --ccache needs an existing folder" >&2; exit 2; }
            ccache_dir=$(cd "$2" && pwd)
            shift ;;
        --deb)
            [[ -n ${2:-} && -f ${2:-} ]] || { echo "bare-debian.sh: --deb needs a .deb file" >&2; exit 2; }
            deb=$(readlink -f "$2")
            shift ;;
        *) echo "bare-debian.sh: unknown argument '$1'; allowed: --keep, --ccache DIR, --deb FILE" >&2; exit 2 ;;
    esac
    shift
done
set -- "${args[@]}"

if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "bare-debian.sh: needs root (debootstrap, mount, chroot)" >&2; exit 2; }
    exec sudo --preserve-env=PROCLAB_FRESH_DIR,PROCLAB_DEBIAN_MIRROR "$0" "$@"
fi
for tool in debootstrap chroot git tar; do
    command -v "$tool" >/dev/null || { echo "bare-debian.sh: $tool is missing (apt-get install debootstrap)" >&2; exit 2; }
done

mkdir -p "$work"
work=$(cd "$work" && pwd)
tarball=$work/bookworm-minbase.tar
log=$work/bare-debian.log
roots=("$work/root" "$work/root-deb")
commit=$(git -C "$source_dir" rev-parse HEAD)
: >"$log"

say() { printf 'bare-debian: %s\n' "$*" | tee -a "$log" >&2; }

# Every mount point under a root, deepest first (a run killed by a time-out leaves its mounts behind).
mounts_under() {
    local root=$1
    awk -v root="$root" '$5 == root || index($5, root "/") == 1 {print $5}' /proc/self/mountinfo | sort -r
}

# Ends whatever still runs inside a root, then unmounts everything under it. Never leaves a mount behind, since a
# plain rm -rf over a bind-mounted /dev would delete the host's device nodes.
release_root() {
    local root=$1 pid mount
    for pid in /proc/[0-9]*; do
        [[ $(readlink "$pid/root" 2>/dev/null) == "$root" ]] && kill -KILL "${pid#/proc/}" 2>/dev/null
    done
    while read -r mount; do
        [[ -n $mount ]] || continue
        umount "$mount" 2>/dev/null || umount --lazy "$mount"
    done < <(mounts_under "$root")
    if [[ -n $(mounts_under "$root") ]]; then
        say "FAILED: could not unmount everything under $root; not removing it"
        exit 1
    fi
}

remove_root() {
    local root=$1
    [[ -e $root ]] || return 0
    release_root "$root"
    rm -rf --one-file-system "$root"
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    [[ -n $step_pid ]] && kill -TERM "$step_pid" 2>/dev/null
    for root in "${roots[@]}"; do
        release_root "$root" || true
        $keep || rm -rf --one-file-system "$root"
    done
    exit "$status"
}
trap cleanup EXIT
trap 'say "FAILED: interrupted"; exit 130' INT TERM

fresh_root() {
    local root=$1
    remove_root "$root"
    mkdir -p "$root"
    tar -xf "$tarball" -C "$root"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    mount --bind /dev "$root/dev"
    mount --make-private "$root/dev"
    mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    if [[ -n $ccache_dir ]]; then
        mkdir -p "$root/var/cache/proclab-ccache"
        mount --bind "$ccache_dir" "$root/var/cache/proclab-ccache"
    fi
}

in_root() {
    local root=$1
    shift
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 TERM=dumb ${ccache_dir:+CCACHE_DIR=/var/cache/proclab-ccache CCACHE_COMPILERCHECK=content} \
        /bin/bash -c "$*"
}

# Runs one step in the background and waits for it: bash runs a trap only between commands, so a step in the
# foreground would keep a SIGTERM (a time-out's kill) waiting until it finished, mounts and all.
step_pid=
step() {
    local what=$1 status=0
    shift
    say "$what"
    "$@" >>"$log" 2>&1 &
    step_pid=$!
    wait "$step_pid" || status=$?
    step_pid=
    if ((status != 0)); then
        tail -n 40 "$log" >&2
        say "FAILED: $what (the whole log: $log)"
        exit 1
    fi
}

if [[ ! -f $tarball ]]; then
    remove_root "$work/base"
    step "debootstrap a minbase bookworm from $mirror" debootstrap --variant=minbase bookworm "$work/base" "$mirror"
    step "keep it as $tarball" tar -cf "$tarball.part" -C "$work/base" .
    mv "$tarball.part" "$tarball"
    remove_root "$work/base"
fi

# 1 and 2: the README's commands in a clone of the current commit.
if [[ -z $deb ]]; then
root=${roots[0]}
step "make a bare root" fresh_root "$root"
step "clone $commit" git clone --quiet --no-hardlinks "$source_dir" "$root/root/proclab"
step "check out $commit" git -C "$root/root/proclab" checkout --quiet --detach "$commit"
step "./proclab.sh test (packages, build, the whole suite)" in_root "$root" "cd /root/proclab && ./proclab.sh test"
step "./proclab.sh run run zombie --duration 3" in_root "$root" "cd /root/proclab && ./proclab.sh run run zombie --duration 3"
# The second call goes through the same install and build steps; one test is enough to show it still runs.
step "a second ./proclab.sh test installs nothing and rebuilds nothing" in_root "$root" \
    "set -o pipefail; cd /root/proclab && ./proclab.sh test -R debian_packages_complete 2>&1 | tee /tmp/second.log && ! grep -q 'installing the Debian packages' /tmp/second.log && ! grep -q 'Building\|Linking' /tmp/second.log"
step "./proclab.sh package" in_root "$root" "cd /root/proclab && ./proclab.sh package"
deb=$(ls -1 "$root"/root/proclab/build/dev/proclab_*.deb | tail -n 1)
fi

# 3: the package alone, on another copy of the bare root.
root=${roots[1]}
step "make a second bare root for the package" fresh_root "$root"
cp "$deb" "$root/root/"
step "apt-get install ./$(basename "$deb")" in_root "$root" \
    "cd /root && apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./$(basename "$deb")"
step "proclab run zombie --duration 2 from /usr/bin" in_root "$root" \
    "cd /tmp && test \"\$(command -v proclab)\" = /usr/bin/proclab && proclab run zombie --duration 2"

say "passed ($commit${deb:+, package $(basename "$deb")})"
