#!/usr/bin/env python3
"""Writes the fuzzer's seed corpus into tests/fuzz/corpus/ from the sample store.

Each seed is named so that the loaders accept it as `fuzz.json` (the name
the fuzzing entry point gives every input): its id is "fuzz", and a
decision names the work package "wp". Seeds: every sample budget document
whole, each of its tables alone with the cross-checks that stay within that
table, every sample work package, a few decisions (one with a valid seal)
and the sample meetings with agenda items, actions or updates. Files the
fuzzer finds later are merged into the same folder by build-aux/run-fuzz
--merge.
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STORE = os.path.join(HERE, '..', '..', 'data', 'sample-store')
OUT = os.path.join(HERE, 'corpus')


def seal(fields):
    canonical = b''
    for value in fields:
        if value is None:
            canonical += b'-\n'
        else:
            data = value.encode('utf-8')
            canonical += str(len(data)).encode() + b':' + data + b'\n'
    return 'sha256:' + hashlib.sha256(canonical).hexdigest()


def write(name, obj):
    text = json.dumps(obj, indent=2, ensure_ascii=False) + '\n'
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    budgets = os.path.join(STORE, 'budgets')
    for file in sorted(os.listdir(budgets)):
        doc = json.load(open(os.path.join(budgets, file), encoding='utf-8'))
        doc['id'] = 'fuzz'
        stem = file[:-5]
        write(f'budget-{stem}.json', doc)
        for table in doc['tables']:
            single = dict(doc)
            single['tables'] = [table]
            prefix = table['id'] + '/'
            single['checks'] = [c for c in doc.get('checks', [])
                                if c['left'].startswith(prefix)
                                and c['right'].startswith(prefix)]
            write(f'table-{stem}-{table["id"]}.json', single)

    packages = os.path.join(STORE, 'work-packages')
    for file in sorted(os.listdir(packages))[:6]:
        wp = json.load(open(os.path.join(packages, file), encoding='utf-8'))
        wp['id'] = 'fuzz'
        write(f'package-{file}', wp)

    meetings = os.path.join(STORE, 'meetings')
    for file in sorted(os.listdir(meetings)):
        meeting = json.load(open(os.path.join(meetings, file), encoding='utf-8'))
        if meeting['items'] and (meeting['actions'] or meeting['action_updates']):
            meeting['id'] = 'fuzz'
            write(f'meeting-{file}', meeting)

    decisions = os.path.join(STORE, 'decisions')
    count = 0
    for folder in sorted(os.listdir(decisions)):
        for file in sorted(os.listdir(os.path.join(decisions, folder))):
            d = json.load(open(os.path.join(decisions, folder, file), encoding='utf-8'))
            d['id'] = 'fuzz'
            d['work_package'] = 'wp'
            d['seal'] = seal(['quorum.decision/1', 'fuzz', 'wp', d['decision'], d['by'],
                              d.get('role'), d['at'], d.get('comment')])
            write(f'decision-{count}.json', d)
            count += 1
            if count >= 3:
                return 0
    return 0


if __name__ == '__main__':
    sys.exit(main())
