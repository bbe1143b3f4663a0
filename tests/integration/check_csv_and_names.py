#!/usr/bin/env python3
"""Real runs, read the way an analyst and a student would read them.

csv:   `proclab run pool` recorded, `proclab export --format csv`, then pandas: pid and tid load as integers in every
       table, `other` is one JSON object in every row (process.reap included), and pool.task's start and end are
       session times (between experiment.start and the event's own t).
names: `proclab run oversubscribe --json` (four processes with one busy thread each, and more): every process and
       thread name of the run is unique, and none is longer than a thread name may be (15 bytes).
Exits 0 when all holds, 1 with a line saying what did not.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def fail(message):
    print('FAIL: ' + message)
    sys.exit(1)


def run(proclab, args, **kw):
    # Exit 0, 1 and 3 are verdicts (observed, not, inconclusive); all leave a whole session behind.
    done = subprocess.run([proclab] + args, capture_output=True, text=True, timeout=120, **kw)
    if done.returncode not in (0, 1, 3):
        fail('%s exited %d: %s' % (' '.join(args), done.returncode, done.stderr.strip()))
    return done


def check_csv(proclab, folder):
    import pandas

    session = os.path.join(folder, 'pool.jsonl')
    run(proclab, ['run', 'pool', '--set', 'tasks=4', '--set', 'task_ms=50', '--duration', '4', '--log', session])
    out = os.path.join(folder, 'pool.csv')
    done = subprocess.run([proclab, 'export', session, '--format', 'csv', '--output', out],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        fail('export exited %d: %s' % (done.returncode, done.stderr.strip()))
    events = pandas.read_csv(out)
    tasks = pandas.read_csv(out[:-4] + '.tasks.csv')
    for name, table in (('events', events), ('tasks', tasks)):
        for column in ('pid', 'tid'):
            if not pandas.api.types.is_integer_dtype(table[column]):
                fail('%s.%s loads as %s, not integers' % (name, column, table[column].dtype))
    if 'detail' in events.columns and events['detail'].astype(str).str.startswith('{').any():
        fail('a detail cell holds JSON')
    for index, cell in events['other'].items():
        try:
            value = json.loads(cell)
        except (TypeError, ValueError) as error:
            fail('other of row %d (%s) is not JSON: %r (%s)' % (index, events['kind'][index], cell, error))
        if not isinstance(value, dict):
            fail('other of row %d is not an object' % index)
    reaps = events[events['kind'] == 'process.reap']
    if (reaps['pid'] <= 0).any():
        fail('process.reap rows without their pid')
    pool = events[events['kind'] == 'pool.task']
    if pool.empty:
        fail('no pool.task row')
    begun = events[events['kind'] == 'experiment.start']['t'].min()
    for column in ('start', 'end', 'task'):
        if pool[column].isna().any():
            fail('pool.task without %s' % column)
    if not ((pool['start'] >= begun) & (pool['start'] <= pool['end']) & (pool['end'] <= pool['t'] + 1e-6)).all():
        fail('pool.task times are not session times:\n%s' % pool[['t', 'mode', 'task', 'start', 'end']])
    # Later modes start later: times relative to each mode's start would begin again near 0.
    firsts = pool.groupby('mode')['start'].min().sort_values()
    if len(firsts) > 1 and firsts.iloc[-1] - firsts.iloc[0] < 0.05:
        fail('every mode starts at the same time: %s' % firsts.to_dict())
    print('csv: %d events, %d task samples, pid/tid %s/%s, %d pool tasks from %.3f s to %.3f s' % (
        len(events), len(tasks), events['pid'].dtype, events['tid'].dtype, len(pool), pool['start'].min(),
        pool['end'].max()))


def check_names(proclab):
    done = run(proclab, ['run', 'oversubscribe', '--set', 'using=processes', '--json', '--duration', '2'])
    processes, threads = {}, {}
    for line in done.stdout.splitlines():
        event = json.loads(line)
        if event.get('kind') == 'process.spawn':
            processes[event['pid']] = event.get('name', '')
        elif event.get('kind') == 'thread.start':
            threads[event['tid']] = event.get('name', '')
    if len(processes) < 2 or len(threads) < 2:
        fail('too few processes (%d) or threads (%d) to compare' % (len(processes), len(threads)))
    names = list(processes.values()) + list(threads.values())
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        fail('names repeat: %s (processes %s, threads %s)' % (repeated, processes, threads))
    too_long = [n for n in threads.values() if len(n.encode()) > 15]
    if too_long:
        fail('thread names over 15 bytes: %s' % too_long)
    print('names: processes %s, threads %s' % (sorted(processes.values()), sorted(threads.values())))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--proclab', required=True)
    parser.add_argument('check', choices=['csv', 'names'])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.check == 'csv':
            check_csv(args.proclab, folder)
        else:
            check_names(args.proclab)


if __name__ == '__main__':
    main()
