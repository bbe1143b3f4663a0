#!/bin/bash
# Usage: P=build/NAME/bin/proclab tests/bench/gui_memory.sh [MINUTES] [OUT]   (needs xvfb-run)
# Whether the window's memory stays bounded over a long session with ~500 lab threads at 10 Hz (issue 7: at most
# 150 MB after 30 minutes). Samples the window's VmRSS (and VmHWM, the peak) every STEP seconds (default 30) into
# OUT (default a new file under /tmp) as "seconds rss_kB hwm_kB", then prints the figures at 0, 5, 10, 20, 30 … min.
# Long: run it detached, e.g.  setsid nohup env P=… tests/bench/gui_memory.sh 30 /tmp/mem.txt >/tmp/mem.log 2>&1 &
# The recording is kept in a temporary session folder (the window records by default), removed at the end.
set -u
P=$(realpath "${P:-build/dev/bin/proclab}"); MINUTES=${1:-30}; OUT=${2:-$(mktemp --suffix=.rss)}; STEP=${STEP:-30}
export XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)
drive=$(mktemp)
cat >"$drive" <<EOF
set -u
"$P" gui --experiment pc-threads --set producers=250 --set consumers=250 --interval 100 --start >"$OUT.log" 2>&1 &
gui=\$!
: >"$OUT"
end=\$((SECONDS + $MINUTES * 60))
t0=\$SECONDS
while :; do
    awk -v t=\$((SECONDS - t0)) '/^VmRSS/{r=\$2} /^VmHWM/{h=\$2} END{print t, r, h}' /proc/\$gui/status >>"$OUT" 2>/dev/null \
        || { echo "the window was gone after \$((SECONDS - t0)) s" >>"$OUT.log"; break; }
    ((SECONDS >= end)) && break
    sleep $STEP
done
echo "threads at the end: \$(awk '/Threads/{print \$2}' /proc/\$(pgrep -P \$gui -x proclab-worker | head -1)/status 2>/dev/null)" >>"$OUT.log"
kill -TERM \$gui 2>/dev/null; wait \$gui; echo "window exit status \$?" >>"$OUT.log"
EOF
xvfb-run -a -s "-screen 0 1920x1080x24" bash "$drive"
rm -f "$drive"; rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
echo "RSS of the window (MiB; the file is in kB), samples in $OUT:"
awk -v m="$MINUTES" 'BEGIN{n=split("0 1 5 10 20 30 45 60", want, " ")}
    {t[NR]=$1; r[NR]=$2; h[NR]=$3}
    END{for (i=1;i<=n;i++) { if (want[i] > m) break; best=0
            for (j=1;j<=NR;j++) if (best==0 || (t[j]-want[i]*60)^2 < (t[best]-want[i]*60)^2) best=j
            printf "  %2d min (at %4d s): RSS %6.1f MiB, peak %6.1f MiB\n", want[i], t[best], r[best]/1024, h[best]/1024 }}' "$OUT"
tail -3 "$OUT.log"
sleep 1
ps -eo pid,ppid,stat,comm | grep -E 'proclab|Xvfb' | grep -v grep || true
