#!/usr/bin/env python3
"""Checks a store's meetings/*.json against the rules of docs/store-format.md.

    build-aux/check-meetings-sample.py [STORE]      (default: data/sample-store)

This is a check without the app: it reads the files with Python's json module
and applies the rules of "Meetings: meetings/<id>.json" that need nothing
else: the format and id, required members, the allowed statuses, roles,
presences and outcome kinds, dates and times, item numbers unique in a
meeting, action references unique across the store and naming an agenda item,
minutes only on a held meeting, the committee in committees.json, and every
paper `ref` naming a budget document (table, row, column) or work package
that the store holds. A decision's optional `meeting` must name a meeting.

It is stricter than the format in one way: a member the format does not
define is reported, since the bundled sample should use only the format's
own fields (a reader keeps unknown members; a typo would go unnoticed).

Each problem is printed as `FILE: JSON-PATH: message`; the exit status is 0
when there is none, 1 otherwise.
"""
import datetime
import json
import os
import re
import sys

ID_RE = re.compile(r'^[a-z0-9][a-z0-9-]{0,63}$')
ACTION_REF_RE = re.compile(r'^[A-Z][A-Z0-9]*[0-9]+/[0-9]+$')
TIME_RE = re.compile(r'^([01][0-9]|2[0-3]):[0-5][0-9]$')

STATUSES = {'scheduled', 'held', 'cancelled'}
MINUTES = {'none', 'draft', 'final'}
CLASSIFICATIONS = {'white', 'green', 'amber', 'red'}
ROLES = {'member', 'alternate', 'observer', 'participant', 'secretary', 'secretariat'}
PRESENCES = {'present', 'part', 'apologies'}
KINDS = {'noted', 'agreed', 'approved', 'rejected', 'deferred', 'other'}
ACTION_STATUSES = {'open', 'closed'}

MEETING_KEYS = {'format', 'id', 'committee', 'number', 'reference', 'title', 'date', 'start',
                'end', 'venue', 'status', 'minutes', 'classification', 'note', 'attendance',
                'items', 'actions', 'action_updates'}
MEETING_REQUIRED = ('format', 'id', 'committee', 'title', 'date', 'status')
ATTENDANCE_KEYS = {'name', 'category', 'role', 'presence'}
ITEM_KEYS = {'number', 'title', 'presenter', 'papers', 'summary', 'outcomes', 'classification'}
PAPER_KEYS = {'title', 'ref'}
REF_KEYS = {'document', 'table', 'row', 'column', 'work_package'}
OUTCOME_KEYS = {'kind', 'text', 'by'}
ACTION_KEYS = {'ref', 'item', 'owner', 'text', 'due', 'status'}
UPDATE_KEYS = {'ref', 'status', 'text'}
LISTS = ('attendance', 'items', 'actions', 'action_updates')


def shown(file):
    relative = os.path.relpath(file)
    return file if relative.startswith('..') else relative


class DuplicateMember(ValueError):
    pass


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateMember(f'duplicate member “{key}”')
        seen[key] = value
    return seen


def load(path):
    """Returns (data, error): the parsed file, or why it could not be read."""
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        return json.loads(text, object_pairs_hook=no_duplicates), None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return None, str(e)


class Checker:
    def __init__(self, store):
        self.store = store
        self.problems = 0
        self.committees = set()
        self.budgets = {}
        self.work_packages = set()
        self.action_refs = {}
        self.meeting_ids = set()

    def problem(self, file, path, message):
        self.problems += 1
        print(f'{shown(file)}: {path}: {message}')

    # What the store holds ------------------------------------------------

    def read_store(self):
        path = os.path.join(self.store, 'committees.json')
        data, error = load(path)
        if error:
            self.problem(path, '$', error)
        else:
            self.committees = {c.get('id') for c in data.get('committees', [])}
        budgets = os.path.join(self.store, 'budgets')
        for name in sorted(os.listdir(budgets)) if os.path.isdir(budgets) else []:
            if name.endswith('.json'):
                data, error = load(os.path.join(budgets, name))
                if data is not None:
                    self.budgets[name[:-5]] = data
        packages = os.path.join(self.store, 'work-packages')
        for name in sorted(os.listdir(packages)) if os.path.isdir(packages) else []:
            if name.endswith('.json'):
                self.work_packages.add(name[:-5])

    # Helpers -------------------------------------------------------------

    def strings_without_nul(self, file, node, path):
        if isinstance(node, str):
            if '\0' in node:
                self.problem(file, path, '\\u0000 is not allowed in a string')
        elif isinstance(node, dict):
            for key, value in node.items():
                self.strings_without_nul(file, value, f'{path}.{key}')
        elif isinstance(node, list):
            for i, value in enumerate(node):
                self.strings_without_nul(file, value, f'{path}[{i}]')

    def object(self, file, node, path, keys, required=()):
        if not isinstance(node, dict):
            self.problem(file, path, 'expected an object')
            return False
        for key in node:
            if key not in keys:
                self.problem(file, f'{path}.{key}', f'“{key}” is not a member the format defines')
        for key in required:
            if key not in node:
                self.problem(file, path, f'required member “{key}” is missing')
        return True

    def text(self, file, node, key, path, required=False):
        if key not in node:
            return None
        value = node[key]
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(file, f'{path}.{key}', 'expected a non-empty string')
            return None
        return value

    def one_of(self, file, node, key, path, allowed):
        value = node.get(key)
        if key in node and value not in allowed:
            self.problem(file, f'{path}.{key}',
                         f'“{value}” is not one of: {", ".join(sorted(allowed))}')
            return None
        return value

    def date(self, file, node, key, path):
        value = node.get(key)
        if key not in node:
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.problem(file, f'{path}.{key}', f'“{value}” is not a date written YYYY-MM-DD')
            return None

    def time(self, file, node, key, path):
        value = node.get(key)
        if key in node and (not isinstance(value, str) or not TIME_RE.match(value)):
            self.problem(file, f'{path}.{key}', f'“{value}” is not a time written HH:MM')
            return None
        return value

    def array(self, file, node, key, path):
        value = node.get(key, [])
        if not isinstance(value, list):
            self.problem(file, f'{path}.{key}', 'expected an array')
            return []
        return value

    # A paper's ref -------------------------------------------------------

    def paper_ref(self, file, ref, path):
        if not self.object(file, ref, path, REF_KEYS):
            return
        if 'work_package' in ref:
            if len(ref) != 1:
                self.problem(file, path, 'a ref names a work package or a budget document, not both')
            elif ref['work_package'] not in self.work_packages:
                self.problem(file, f'{path}.work_package',
                             f'there is no work package “{ref["work_package"]}” in the store')
            return
        if 'document' not in ref:
            self.problem(file, path, 'a ref names a “document” or a “work_package”')
            return
        document = self.budgets.get(ref['document'])
        if document is None:
            self.problem(file, f'{path}.document',
                         f'there is no budget document “{ref["document"]}” in the store')
            return
        if 'table' not in ref:
            if 'row' in ref or 'column' in ref:
                self.problem(file, path, 'a row or column needs its table')
            return
        tables = {t.get('id'): t for t in document.get('tables', [])}
        table = tables.get(ref['table'])
        if table is None:
            self.problem(file, f'{path}.table', f'{ref["document"]} has no table “{ref["table"]}”')
            return
        if 'row' in ref:
            rows, stack = set(), list(table.get('rows', []))
            while stack:
                row = stack.pop()
                rows.add(row.get('id'))
                stack.extend(row.get('rows', []))
            if ref['row'] not in rows and ref['row'] != '@total':
                self.problem(file, f'{path}.row', f'table “{ref["table"]}” has no row “{ref["row"]}”')
        if 'column' in ref:
            if ref['column'] not in {c.get('id') for c in table.get('columns', [])}:
                self.problem(file, f'{path}.column',
                             f'table “{ref["table"]}” has no column “{ref["column"]}”')

    # One meeting ---------------------------------------------------------

    def meeting(self, file):
        data, error = load(file)
        if error:
            self.problem(file, '$', error)
            return
        self.strings_without_nul(file, data, '$')
        if not self.object(file, data, '$', MEETING_KEYS, MEETING_REQUIRED):
            return
        if data.get('format') != 'quorum.meeting/1':
            self.problem(file, '$.format', f'expected “quorum.meeting/1”, found “{data.get("format")}”')
        mid = data.get('id')
        stem = os.path.basename(file)[:-5]
        if not isinstance(mid, str) or not ID_RE.match(mid):
            self.problem(file, '$.id', f'“{mid}” is not a valid id')
        elif mid != stem:
            self.problem(file, '$.id', f'the id “{mid}” does not match the file name “{stem}.json”')
        self.meeting_ids.add(mid)
        if 'committee' in data and data['committee'] not in self.committees:
            self.problem(file, '$.committee',
                         f'there is no committee “{data["committee"]}” in committees.json')
        if 'number' in data and (not isinstance(data['number'], int)
                                 or isinstance(data['number'], bool) or data['number'] < 0):
            self.problem(file, '$.number', 'expected a whole number')
        for key in ('title', 'reference', 'venue', 'note'):
            self.text(file, data, key, '$', required=True)
        self.date(file, data, 'date', '$')
        start = self.time(file, data, 'start', '$')
        end = self.time(file, data, 'end', '$')
        if start and end and not start < end:
            self.problem(file, '$.end', f'the end {end} is not after the start {start}')
        status = self.one_of(file, data, 'status', '$', STATUSES)
        minutes = self.one_of(file, data, 'minutes', '$', MINUTES)
        if minutes not in (None, 'none') and status != 'held':
            self.problem(file, '$.minutes', f'minutes “{minutes}” on a meeting that is {status}, '
                                            'not held')
        self.one_of(file, data, 'classification', '$', CLASSIFICATIONS)
        for key in LISTS:
            self.array(file, data, key, '$')

        for i, person in enumerate(self.array(file, data, 'attendance', '$')):
            path = f'$.attendance[{i}]'
            if self.object(file, person, path, ATTENDANCE_KEYS, ('name', 'role', 'presence')):
                self.text(file, person, 'name', path, required=True)
                self.text(file, person, 'category', path, required=True)
                self.one_of(file, person, 'role', path, ROLES)
                self.one_of(file, person, 'presence', path, PRESENCES)

        numbers = set()
        for i, item in enumerate(self.array(file, data, 'items', '$')):
            path = f'$.items[{i}]'
            if not self.object(file, item, path, ITEM_KEYS, ('number', 'title')):
                continue
            number = self.text(file, item, 'number', path, required=True)
            if number in numbers:
                self.problem(file, f'{path}.number', f'item number “{number}” is used twice')
            numbers.add(number)
            for key in ('title', 'presenter', 'summary'):
                self.text(file, item, key, path, required=True)
            self.one_of(file, item, 'classification', path, CLASSIFICATIONS)
            for j, paper in enumerate(self.array(file, item, 'papers', path)):
                ppath = f'{path}.papers[{j}]'
                if self.object(file, paper, ppath, PAPER_KEYS, ('title',)):
                    self.text(file, paper, 'title', ppath, required=True)
                    if 'ref' in paper:
                        self.paper_ref(file, paper['ref'], f'{ppath}.ref')
            for j, outcome in enumerate(self.array(file, item, 'outcomes', path)):
                opath = f'{path}.outcomes[{j}]'
                if self.object(file, outcome, opath, OUTCOME_KEYS, ('kind', 'text')):
                    self.one_of(file, outcome, 'kind', opath, KINDS)
                    self.text(file, outcome, 'text', opath, required=True)
                    self.text(file, outcome, 'by', opath, required=True)

        for i, action in enumerate(self.array(file, data, 'actions', '$')):
            path = f'$.actions[{i}]'
            if not self.object(file, action, path, ACTION_KEYS,
                               ('ref', 'owner', 'text', 'status')):
                continue
            ref = action.get('ref')
            if not isinstance(ref, str) or not ACTION_REF_RE.match(ref):
                self.problem(file, f'{path}.ref', f'“{ref}” is not an action reference like SECP39/01')
            elif ref in self.action_refs:
                self.problem(file, f'{path}.ref',
                             f'action {ref} is also raised in {self.action_refs[ref]}')
            else:
                self.action_refs[ref] = shown(file)
            if 'item' in action and action['item'] not in numbers:
                self.problem(file, f'{path}.item', f'there is no agenda item “{action["item"]}”')
            self.text(file, action, 'owner', path, required=True)
            self.text(file, action, 'text', path, required=True)
            self.one_of(file, action, 'status', path, ACTION_STATUSES)
            self.date(file, action, 'due', path)

        for i, update in enumerate(self.array(file, data, 'action_updates', '$')):
            path = f'$.action_updates[{i}]'
            if not self.object(file, update, path, UPDATE_KEYS, ('ref', 'status', 'text')):
                continue
            ref = update.get('ref')
            if not isinstance(ref, str) or not ACTION_REF_RE.match(ref):
                self.problem(file, f'{path}.ref', f'“{ref}” is not an action reference like SECP39/01')
            self.one_of(file, update, 'status', path, ACTION_STATUSES)
            self.text(file, update, 'text', path, required=True)

    def decisions(self):
        folder = os.path.join(self.store, 'decisions')
        for package in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            for name in sorted(os.listdir(os.path.join(folder, package))):
                if not name.endswith('.json'):
                    continue
                file = os.path.join(folder, package, name)
                data, error = load(file)
                if isinstance(data, dict) and 'meeting' in data \
                        and data['meeting'] not in self.meeting_ids:
                    self.problem(file, '$.meeting',
                                 f'there is no meeting “{data["meeting"]}” in meetings/')


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    store = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'data', 'sample-store')
    if len(sys.argv) > 2:
        print('usage: check-meetings-sample.py [STORE]', file=sys.stderr)
        return 2
    checker = Checker(store)
    checker.read_store()
    folder = os.path.join(store, 'meetings')
    files = sorted(f for f in os.listdir(folder) if f.endswith('.json')) \
        if os.path.isdir(folder) else []
    for name in files:
        checker.meeting(os.path.join(folder, name))
    checker.decisions()
    if checker.problems:
        print(f'{checker.problems} problem(s) in {len(files)} meeting file(s)', file=sys.stderr)
        return 1
    print(f'{len(files)} meeting file(s), {len(checker.action_refs)} action(s): no problems')
    return 0


if __name__ == '__main__':
    sys.exit(main())
