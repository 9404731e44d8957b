#!/usr/bin/env python3
"""Runs xgettext over po/POTFILES.in as meson's i18n module does with
preset 'glib' (its keywords and format flags) into a temporary file, and
fails on any warning (a format string cut off by a macro, a plural without
ngettext, an unknown escape…).

Usage: check-xgettext.py SOURCE_ROOT
"""
import os
import subprocess
import sys
import tempfile

root = sys.argv[1]

# meson's mesonbuild/modules/i18n.py PRESET_ARGS['glib']
GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'quorum.pot')
    result = subprocess.run(
        ['xgettext', '--package-name=quorum', '-p', tmp, '-o', 'quorum.pot',
         '-D', root, '-f', os.path.join(root, 'po', 'POTFILES.in')] + GLIB_PRESET,
        capture_output=True, text=True, cwd=root)
    output = result.stdout + result.stderr
    warnings = [line for line in output.splitlines() if 'warning:' in line]
    for line in output.splitlines():
        print(line)
    if result.returncode != 0:
        sys.exit(f'xgettext failed with status {result.returncode}')
    if not os.path.getsize(pot):
        sys.exit('xgettext wrote an empty catalogue')
    print(f'{len(warnings)} warnings')
    sys.exit(1 if warnings else 0)
