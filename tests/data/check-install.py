#!/usr/bin/env python3
"""Installs the build into a temporary DESTDIR (meson install --destdir) and
checks the installed tree:

  run    the installed quorum-cli, with no QUORUM_SAMPLE_STORE and no store
         of the user's, finds the installed sample store beside it and
         checks it exactly as the build tree's quorum-cli checks the
         source tree's; a decision on it is refused (the sample is read-only)
  paths  no installed binary (quorum-cli, quorum) holds the build or source
         directory's path

Usage: check-install.py run|paths BUILD_ROOT SOURCE_ROOT PREFIX BINDIR
"""
import json
import os
import subprocess
import sys
import tempfile

mode, build_root, source_root, prefix, bindir = sys.argv[1:6]


def install(destdir):
    subprocess.run(['meson', 'install', '-C', build_root, '--no-rebuild', '--quiet',
                    '--destdir', destdir], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(destdir + prefix, bindir) if not os.path.isabs(bindir) \
        else destdir + bindir


def clean_env(home):
    env = {k: v for k, v in os.environ.items()
           if k not in ('QUORUM_SAMPLE_STORE', 'QUORUM_STORE')}
    env['XDG_DATA_HOME'] = os.path.join(home, 'data')
    env['XDG_CONFIG_HOME'] = os.path.join(home, 'config')
    env['HOME'] = home
    return env


def check_run(installed_bin, tmp):
    env = clean_env(os.path.join(tmp, 'home'))
    installed = subprocess.run([os.path.join(installed_bin, 'quorum-cli'), 'check',
                                '--format', 'json'],
                               env=env, capture_output=True, text=True)
    if installed.returncode != 0:
        sys.exit(f'installed quorum-cli check: status {installed.returncode}\n'
                 + installed.stderr)
    built = subprocess.run([os.path.join(build_root, 'src', 'cli', 'quorum-cli'), '--store',
                            os.path.join(source_root, 'data', 'sample-store'), 'check',
                            '--format', 'json'],
                           env=env, capture_output=True, text=True, check=True)
    got, want = json.loads(installed.stdout), json.loads(built.stdout)
    if got['errors'] or got['findings'] != want['findings'] or not want['findings']:
        sys.exit('the installed sample store does not check like the source tree’s:\n'
                 + installed.stdout[:2000])
    print(f"installed quorum-cli check: {len(got['findings'])} findings, as in the source tree")

    # The installed sample is the bundled sample, so it is read-only.
    listing = subprocess.run([os.path.join(installed_bin, 'quorum-cli'), 'work-packages',
                              '--outcome', 'awaiting', '--format', 'json'],
                             env=env, capture_output=True, text=True, check=True)
    package = json.loads(listing.stdout)['work_packages'][0]['id']
    decide = subprocess.run([os.path.join(installed_bin, 'quorum-cli'), 'decide', package,
                             'approve', '--by', 'Test'],
                            env=env, capture_output=True, text=True)
    if decide.returncode != 1 or 'sample store' not in decide.stderr:
        sys.exit(f'deciding on the installed sample was not refused: {decide.returncode} '
                 + decide.stdout + decide.stderr)
    print('a decision on the installed sample store is refused')


def check_paths(installed_bin):
    found = 0
    needles = {os.path.realpath(build_root), os.path.realpath(source_root),
               os.path.abspath(build_root), os.path.abspath(source_root)}
    for name in ('quorum-cli', 'quorum'):
        path = os.path.join(installed_bin, name)
        if not os.path.exists(path):
            if name == 'quorum-cli':
                sys.exit(f'{path} was not installed')
            continue   # a build with -Dapp=false
        data = open(path, 'rb').read()
        for needle in sorted(needles):
            if needle.encode() in data:
                print(f'{path}: holds the path {needle}')
                found += 1
        print(f'{path}: {len(data)} bytes read')
    sys.exit(1 if found else 0)


with tempfile.TemporaryDirectory() as tmp:
    installed_bin = install(os.path.join(tmp, 'dest'))
    if mode == 'run':
        check_run(installed_bin, tmp)
    else:
        check_paths(installed_bin)
