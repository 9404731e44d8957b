#!/usr/bin/env python3
# check-footnotes.py: every footnote in the sample's notes is on the text it
# annotates, as in the source documents: a note line "³ Average c.£1,500 per
# meeting" follows the sentence marked ³ in the same note, and a marker in a
# note has its footnote there.
#
#   check-footnotes.py SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import pathlib
import re
import sys

SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹'


def notes(node):
    if isinstance(node, dict):
        if isinstance(node.get('note'), str):
            yield node.get('id', '?'), node['note']
        for value in node.values():
            yield from notes(value)
    elif isinstance(node, list):
        for value in node:
            yield from notes(value)


def main():
    root = pathlib.Path(sys.argv[1])
    failures = []
    checked = 0
    for path in sorted((root / 'data' / 'sample-store' / 'budgets').glob('*.json')):
        for row, note in notes(json.loads(path.read_text(encoding='utf-8'))):
            lines = note.split('\n')
            footnotes = [l for l in lines if l[:1] in SUPERSCRIPTS]
            body = '\n'.join(l for l in lines if l[:1] not in SUPERSCRIPTS)
            for footnote in footnotes:
                checked += 1
                if footnote[0] not in body:
                    failures.append(f'{path.name} {row}: footnote “{footnote}” marks nothing')
            for mark in set(re.findall(f'[{SUPERSCRIPTS}]', body)):
                if not any(f.startswith(mark) for f in footnotes):
                    failures.append(f'{path.name} {row}: {mark} has no footnote')
            # A footnote's text never trails a note unmarked (as they once did).
            for known in ('Average c.£1,500 per meeting', 'Security Seconded from BEIS'):
                if lines[-1] == known:
                    failures.append(f'{path.name} {row}: “{known}” is not marked')
    for failure in failures:
        print(failure)
    if checked == 0:
        print('no footnotes found in the sample store')
        return 1
    print(f'{checked} footnotes checked')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
