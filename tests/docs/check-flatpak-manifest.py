#!/usr/bin/env python3
"""Checks flatpak/io.github.secpanel.Quorum.json (test 'flatpak-manifest', suite 'data').

The manifest must be JSON with the keys flatpak-builder needs; every source pinned (a git
source with a 40-hex commit that exists in this repository, an archive with a sha256), no
`dir` source; every finish-arg explained in flatpak/README.md; no file system access.
Then, if flatpak-builder is installed, `flatpak-builder --show-manifest` must accept it
and give back the same id.

Usage: check-flatpak-manifest.py SOURCE-ROOT
"""
import json
import os
import re
import shutil
import subprocess
import sys

root = sys.argv[1]
manifest = os.path.join(root, 'flatpak', 'io.github.secpanel.Quorum.json')
readme_path = os.path.join(root, 'flatpak', 'README.md')
errors = []

try:
    with open(manifest, encoding='utf-8') as f:
        data = json.load(f)
except (OSError, ValueError) as e:
    sys.exit(f'{manifest}: {e}')

for key in ('id', 'runtime', 'runtime-version', 'sdk', 'command', 'modules', 'finish-args'):
    if key not in data:
        errors.append(f'{manifest}: no "{key}"')

with open(readme_path, encoding='utf-8') as f:
    readme = f.read()
version = str(data.get('runtime-version', ''))
if f'GNOME {version} runtime' not in readme:
    errors.append(f'{readme_path}: does not say which runtime ({version}) is used and why')

for arg in data.get('finish-args', []):
    if f'`{arg}`' not in readme:
        errors.append(f'{readme_path}: finish-arg {arg} is not explained')
    if arg.startswith('--filesystem'):
        errors.append(f'{manifest}: {arg}: Quorum needs no file system access (portals)')


def git(*args):
    return subprocess.run(['git', '-C', root, *args], capture_output=True, text=True)


for module in data.get('modules', []):
    name = module.get('name', '?')
    for source in module.get('sources', []):
        kind = source.get('type')
        where = f'{manifest}: module {name}: {kind} source'
        if kind == 'dir':
            errors.append(f'{where}: not pinned; use a git source with a commit')
        elif kind == 'git':
            commit = source.get('commit', '')
            if not re.fullmatch(r'[0-9a-f]{40}', commit):
                errors.append(f'{where}: "commit" must be 40 hex digits, not {commit!r}')
            elif source.get('path') == '..' and shutil.which('git'):
                shallow = git('rev-parse', '--is-shallow-repository').stdout.strip()
                if shallow == 'false' and git('cat-file', '-e', commit + '^{commit}').returncode:
                    errors.append(f'{where}: commit {commit} is not in this repository')
        elif kind in ('archive', 'file'):
            if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                errors.append(f'{where}: no sha256')
        else:
            errors.append(f'{where}: unexpected source type')

if errors:
    sys.exit('\n'.join(errors))
print(f'{manifest}: valid, every source pinned, every permission explained')

builder = shutil.which('flatpak-builder')
if builder is None:
    print('flatpak-builder is not installed: --show-manifest not run')
    sys.exit(0)
shown = subprocess.run([builder, '--show-manifest', manifest], capture_output=True, text=True)
if shown.returncode != 0:
    sys.exit(f'flatpak-builder --show-manifest {manifest} failed:\n{shown.stderr}')
if json.loads(shown.stdout).get('id') != data['id']:
    sys.exit(f'flatpak-builder --show-manifest: not the id {data["id"]}')
version = subprocess.run([builder, '--version'], capture_output=True, text=True).stdout.strip()
print(f'{version} --show-manifest accepts it')
