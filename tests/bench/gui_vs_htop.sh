#!/bin/bash
# Usage: P=build/NAME/bin/proclab tests/bench/gui_vs_htop.sh [SECONDS]   (needs xvfb-run, htop, script)
# The window with ~500 lab threads at 10 Hz versus htop watching the same threads at 10 Hz, side by side.
# CPU of each from /proc/PID/stat (utime+stime) over SECONDS after a warm-up.
set -u
P=${P:-build/dev/bin/proclab}; SECONDS_=${1:-20}; WARM=${WARM:-8}
export XDG_CONFIG_HOME=$(mktemp -d)
xvfb-run -a -s "-screen 0 1920x1080x24" $P gui --experiment pc-threads --set producers=250 --set consumers=250 --interval 100 --start >/tmp/bench-gui.log 2>&1 &
runner=$!
for i in $(seq 60); do gui=$(pgrep -x proclab -P $runner); [[ -n $gui ]] && break; sleep 0.5; done
sleep $WARM
worker=$(pgrep -P $gui -x proclab-worker | head -1)
echo "gui=$gui worker=$worker threads=$(ls /proc/$worker/task | wc -l)"
TERM=xterm script -qfc "stty rows 60 cols 200; htop -d 1 -p $worker" /dev/null >/dev/null 2>&1 &
sleep 2; htop=$(pgrep -n -x htop)
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
hz=$(getconf CLK_TCK)
g0=$(ticks $gui); h0=$(ticks $htop); t0=$(date +%s.%N)
sleep $SECONDS_
g1=$(ticks $gui); h1=$(ticks $htop); t1=$(date +%s.%N)
rss=$(awk '/VmRSS/{print $2}' /proc/$gui/status)
echo "threads_now=$(ls /proc/$worker/task | wc -l)"
awk -v g=$((g1-g0)) -v h=$((h1-h0)) -v hz=$hz -v t0=$t0 -v t1=$t1 -v rss=$rss 'BEGIN{d=t1-t0; printf "window: %.1f %% of a core; htop: %.1f %% of a core; ratio %.2f; over %.1f s; window RSS %.0f MB\n", 100*g/hz/d, 100*h/hz/d, (h>0? g/h : 0), d, rss/1024}'
kill $htop; kill $gui; wait $runner 2>/dev/null
sleep 1; ps -eo pid,ppid,stat,comm | grep -E 'proclab|htop' | grep -v grep || true
