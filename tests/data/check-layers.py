#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-layers.py SRC_DIR — the layers of DESIGN.md section 1, checked on every #include.

Dependencies point downward only: app, cli, server -> demo, copilot, sync, report, telemetry ->
domain -> records -> core. Nothing below src/app includes GTK or libadwaita, and src/app and
src/cli hold no SQL. Prints every breach and exits 1 when there is any."""
import os
import re
import sys

# What each layer may include, besides itself.
ALLOWED = {
    'core': set(),
    'records': {'core'},
    'domain': {'core', 'records'},
    'demo': {'core', 'records', 'domain'},
    'report': {'core', 'records', 'domain'},
    'telemetry': {'core', 'records', 'domain'},
    'sync': {'core', 'records', 'domain'},
    'copilot': {'core', 'records', 'domain', 'telemetry', 'report'},
    'app': {'core', 'records', 'domain', 'demo', 'report', 'telemetry', 'sync', 'copilot'},
    'cli': {'core', 'records', 'domain', 'demo', 'report', 'telemetry', 'sync', 'copilot'},
    'server': {'core', 'records', 'domain', 'report', 'telemetry', 'sync'},
}

INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)
SQL = re.compile(r'sqlite3_|\bSELECT\s|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b')


def layer_of(src, path):
    return os.path.relpath(path, src).split(os.sep)[0]


def main():
    src = sys.argv[1]
    headers = {}
    for root, _, files in os.walk(src):
        for name in files:
            if name.endswith('.h'):
                headers.setdefault(name, []).append(os.path.join(root, name))
    problems = []
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(root, name)
            layer = layer_of(src, path)
            if layer not in ALLOWED:
                problems.append(f'{path}: {layer}/ is not a layer of DESIGN.md section 1')
                continue
            text = open(path, encoding='utf-8').read()
            for kind, target in INCLUDE.findall(text):
                if kind == '<':
                    if layer != 'app' and (target.startswith('gtk/') or target == 'adwaita.h'):
                        problems.append(f'{path}: includes <{target}> below src/app')
                    continue
                for header in headers.get(os.path.basename(target), []):
                    other = layer_of(src, header)
                    if other != layer and other not in ALLOWED[layer]:
                        problems.append(f'{path}: {layer}/ includes "{target}" of {other}/')
            if layer in ('app', 'cli'):
                for number, line in enumerate(text.split('\n'), 1):
                    if SQL.search(line):
                        problems.append(f'{path}:{number}: SQL in {layer}/ (it belongs in the '
                                        f'module that owns the table)')
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
