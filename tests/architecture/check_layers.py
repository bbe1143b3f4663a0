#!/usr/bin/env python3
"""The layers of docs/architecture.md, checked on the #include lines of the sources.

core: a folder includes only folders below it in LAYERS (so no two folders include each other); nothing in core
includes the CLI, the window or the worker. The worker and the CLI include core folders only, never the window.
src/app: its feature folders include each other without a cycle.
Exit 0 when all hold, 1 with one line per broken rule. --source ROOT; --plant FILE:LINE adds an include line to a
file (in memory) to show the check failing.
"""
import argparse
import collections
import os
import re
import sys

# Bottom first. A folder may include itself and any folder to its left.
LAYERS = ['base', 'probe', 'ipc', 'python', 'analysis', 'control', 'session', 'experiments', 'frame']
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def sources(folder):
    for dirpath, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(('.h', '.cpp')):
                yield os.path.join(dirpath, name)


def includes(path, planted):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    text += ''.join('\n' + line for line in planted.get(os.path.normpath(path), []))
    return INCLUDE.findall(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--source', required=True)
    parser.add_argument('--plant', action='append', default=[])
    args = parser.parse_args()
    root = os.path.abspath(args.source)
    planted = collections.defaultdict(list)
    for item in args.plant:
        file, line = item.split(':', 1)
        planted[os.path.normpath(os.path.join(root, file))].append(line)

    core = os.path.join(root, 'src/core')
    app = os.path.join(root, 'src/app')
    app_folders = sorted(d for d in os.listdir(app) if os.path.isdir(os.path.join(app, d)))
    broken = []

    for layer in LAYERS:
        for path in sources(os.path.join(core, layer)):
            for name in includes(path, planted):
                folder = name.split('/')[0] if '/' in name else layer
                rel = os.path.relpath(path, root)
                if folder in app_folders:
                    broken.append(f'{rel} includes "{name}" of the window: core links Qt6::Core only')
                elif folder in LAYERS and LAYERS.index(folder) > LAYERS.index(layer):
                    broken.append(f'{rel} includes "{name}": core/{layer} is below core/{folder}')
    for part in ('src/worker', 'src/cli'):
        for path in sources(os.path.join(root, part)):
            for name in includes(path, planted):
                folder = name.split('/')[0]
                if '/' in name and folder in app_folders:
                    broken.append(f'{os.path.relpath(path, root)} includes "{name}" of the window')

    edges = collections.defaultdict(set)
    for folder in app_folders:
        for path in sources(os.path.join(app, folder)):
            for name in includes(path, planted):
                target = name.split('/')[0]
                if '/' in name and target in app_folders and target != folder:
                    edges[folder].add(target)
    # Any cycle among the window's folders, found by depth-first search.
    state = {}

    def visit(folder, trail):
        state[folder] = 'open'
        for target in sorted(edges[folder]):
            if state.get(target) == 'open':
                cycle = trail[trail.index(target):] + [target]
                broken.append('src/app folders include each other: ' + ' -> '.join(cycle))
            elif target not in state:
                visit(target, trail + [target])
        state[folder] = 'done'

    for folder in app_folders:
        if folder not in state:
            visit(folder, [folder])

    for line in broken:
        print(line)
    print(f'{len(broken)} broken layer rule(s)')
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
