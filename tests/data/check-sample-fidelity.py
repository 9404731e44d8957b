#!/usr/bin/env python3
# check-sample-fidelity.py: the sample store says what its source documents
# say, where that can be read from the store's own text:
#   - every footnote in a note is on the text it annotates: a note line
#     "³ Average c.£1,500 per meeting" follows the sentence marked ³ in the
#     same note, and a marker in a note has its footnote there;
#   - a table whose document prints its lines' figures in a "Provision"
#     column (2018-21's Table 3) keeps them there, not under another column;
#   - a meeting forecast row labelled "… and Working Groups" or "… and Expert
#     Groups" is tagged with those groups' committees too.
#
#   check-sample-fidelity.py SOURCE_ROOT
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


def tagged_groups(path, document, committees, failures):
    checked = 0
    for table in document['tables']:
        if table.get('role') != 'meetings':
            continue
        for row in table['rows']:
            tags = row.get('committees') or [row.get('committee')]
            names = [committees.get(tag, '') for tag in tags]
            for words, wanted in (('Working Group', 'Working Group'),
                                  ('Expert Group', 'Expert')):
                if words in row.get('label', ''):
                    checked += 1
                    if not any(wanted in name for name in names):
                        failures.append(f'{path.name} {table["id"]} {row["id"]}: '
                                        f'“{row["label"]}” has no {words.lower()} '
                                        f'among {tags}')
    return checked


def provision_lines(path, document, failures):
    checked = 0
    for table in document['tables']:
        labels = {c['id']: c.get('label', '') for c in table['columns']}
        provision = [cid for cid, label in labels.items() if label == 'Provision']
        if not provision:
            continue
        for group in table['rows']:
            for line in group.get('rows', []):
                checked += 1
                elsewhere = [cid for cid in line.get('values', {}) if cid not in provision]
                if elsewhere or not line.get('values'):
                    failures.append(f'{path.name} {table["id"]} {line["id"]}: a line figure '
                                    f'outside the Provision column: {elsewhere}')
    return checked


def main():
    root = pathlib.Path(sys.argv[1])
    failures = []
    checked = 0
    register = json.loads((root / 'data' / 'sample-store' / 'committees.json')
                          .read_text(encoding='utf-8'))
    committees = {c['id']: c.get('name', '') for c in register['committees']}
    groups = 0
    for path in sorted((root / 'data' / 'sample-store' / 'budgets').glob('*.json')):
        document = json.loads(path.read_text(encoding='utf-8'))
        groups += tagged_groups(path, document, committees, failures)
        lines = provision_lines(path, document, failures)
        if path.name == 'sec-budget-2018-21.json' and lines == 0:
            failures.append(f'{path.name}: Table 3 has no Provision column')
        for row, note in notes(document):
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
    if checked == 0 or groups == 0:
        print('no footnotes or no group rows found in the sample store')
        return 1
    print(f'{checked} footnotes and {groups} group rows checked')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
