#!/usr/bin/env python3
"""Checks po/POTFILES.in against the tree: every listed file exists, and
every source file with a translatable string (_( N_( C_( NC_( g_dngettext
in C, translatable="yes" in a .ui file) is listed.

Usage: check-potfiles.py SOURCE_ROOT
"""
import os
import re
import sys

root = sys.argv[1]
MARK_C = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|g_dngettext|ngettext)\s*\(')
MARK_UI = re.compile(r'translatable="yes"')

listed = []
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)

problems = []
for path in listed:
    if not os.path.isfile(os.path.join(root, path)):
        problems.append(f'po/POTFILES.in: {path} does not exist')

for top, mark, ext in (('src', MARK_C, '.c'), ('ui', MARK_UI, '.ui')):
    for folder, dirs, files in os.walk(os.path.join(root, top)):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(ext):
                continue
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root)
            with open(full, encoding='utf-8') as f:
                text = f.read()
            # Comments and preprocessor lines hold no strings to translate.
            if ext == '.c':
                text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
                text = re.sub(r'^\s*#.*$', '', text, flags=re.M)
            if mark.search(text) and rel not in listed:
                problems.append(f'{rel}: has translatable strings but is not in po/POTFILES.in')

if listed != sorted(listed):
    problems.append('po/POTFILES.in: not sorted')

for p in problems:
    print(p)
print(f'{len(listed)} files listed, {len(problems)} problems')
sys.exit(1 if problems else 0)
