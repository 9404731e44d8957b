#!/usr/bin/env python3
"""Builds the pseudo-translation the i18n test runs the app in.

Extracts every message of po/POTFILES.in with xgettext (the keywords of
meson's 'glib' preset), translates each one to itself between ⟦ and ⟧
(printf directives, mnemonics and markup stay as they are, inside the
brackets) and compiles it with msgfmt --check-format into
OUTDIR/xx/LC_MESSAGES/quorum.mo.

Usage: make-pseudo-locale.py SOURCE_ROOT OUTDIR
"""
import os
import subprocess
import sys

OPEN, CLOSE = '⟦', '⟧'
KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dngettext:2,3', 'g_dpgettext2:2c,3',
            'g_dcgettext:2']


ESCAPES = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}


def unquote(line):
    """The text of one quoted line of a PO file."""
    body = line[line.index('"') + 1:line.rindex('"')]
    out, i = [], 0
    while i < len(body):
        if body[i] == '\\' and i + 1 < len(body):
            out.append(ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return ''.join(out)


def quote(text):
    escaped = text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') \
        .replace('\t', '\\t')
    return f'"{escaped}"'


def entries(pot):
    """Each entry of @pot as a list of (keyword, text) and its comment lines."""
    entry, comments, keyword = [], [], None
    for line in pot.splitlines() + ['']:
        if not line.strip():
            if entry:
                yield comments, entry
            entry, comments, keyword = [], [], None
        elif line.startswith('#'):
            comments.append(line)
        elif line.startswith('"'):
            entry[-1] = (keyword, entry[-1][1] + unquote(line))
        else:
            keyword = line.split(' ', 1)[0]
            entry.append((keyword, unquote(line)))


def bracket(text):
    # A message that ends in a newline keeps it last, as msgfmt --check asks.
    if text.endswith('\n'):
        return OPEN + text[:-1] + CLOSE + '\n'
    return OPEN + text + CLOSE


def pseudo_po(pot):
    out = []
    for comments, entry in entries(pot):
        fields = dict(entry)
        out.extend(c for c in comments if c.startswith('#,'))
        if 'msgctxt' in fields:
            out.append('msgctxt ' + quote(fields['msgctxt']))
        out.append('msgid ' + quote(fields['msgid']))
        if fields['msgid'] == '':
            # The header: UTF-8, and two plural forms as in English.
            out.append('msgstr ""')
            out.append(quote('Content-Type: text/plain; charset=UTF-8\n'))
            out.append(quote('Plural-Forms: nplurals=2; plural=(n != 1);\n'))
        elif 'msgid_plural' in fields:
            out.append('msgid_plural ' + quote(fields['msgid_plural']))
            out.append('msgstr[0] ' + quote(bracket(fields['msgid'])))
            out.append('msgstr[1] ' + quote(bracket(fields['msgid_plural'])))
        else:
            out.append('msgstr ' + quote(bracket(fields['msgid'])))
        out.append('')
    return '\n'.join(out)


def main():
    root, outdir = sys.argv[1], sys.argv[2]
    pot = subprocess.run(
        ['xgettext', '--package-name=quorum', '--from-code=UTF-8', '-o', '-',
         '-D', root, '-f', os.path.join(root, 'po', 'POTFILES.in')]
        + ['--keyword=' + k for k in KEYWORDS],
        capture_output=True, text=True, check=True, cwd=root).stdout
    po = os.path.join(outdir, 'xx.po')
    with open(po, 'w', encoding='utf-8') as f:
        f.write(pseudo_po(pot))
    mo_dir = os.path.join(outdir, 'xx', 'LC_MESSAGES')
    os.makedirs(mo_dir, exist_ok=True)
    subprocess.run(['msgfmt', '--check-format', '-o', os.path.join(mo_dir, 'quorum.mo'), po],
                   check=True)
    print(f'{pot.count("msgid ") - 1} messages in {os.path.join(mo_dir, "quorum.mo")}')


if __name__ == '__main__':
    main()
