#!/usr/bin/env python3
"""Reads an iCalendar file with python3-icalendar, an independent parser,
and checks each event against the expectations the C test wrote as JSON:
[{"uid", "start", "end", "utc_offset", "status", "all_day"}, ...], start
and end as ISO 8601 local times (or dates) in Europe/London.
Prints what differs and exits 1, or exits 0."""
import datetime
import json
import sys

import icalendar

with open(sys.argv[1], 'rb') as f:
    calendar = icalendar.Calendar.from_ical(f.read())
with open(sys.argv[2]) as f:
    expected = {e['uid']: e for e in json.load(f)}

errors = []
zones = [c for c in calendar.walk('VTIMEZONE')]
if [str(z['TZID']) for z in zones] != ['Europe/London']:
    errors.append('expected one VTIMEZONE Europe/London, found %r'
                  % [str(z.get('TZID')) for z in zones])

events = calendar.walk('VEVENT')
if sorted(str(e['UID']) for e in events) != sorted(expected):
    errors.append('UIDs %r, expected %r'
                  % (sorted(str(e['UID']) for e in events), sorted(expected)))

for event in events:
    want = expected.get(str(event['UID']))
    if want is None:
        continue
    start = event.decoded('DTSTART')
    if want['all_day']:
        if isinstance(start, datetime.datetime) or start.isoformat() != want['start']:
            errors.append('%s: DTSTART %r, expected the date %s'
                          % (event['UID'], start, want['start']))
    else:
        if event['DTSTART'].params.get('TZID') != 'Europe/London':
            errors.append('%s: DTSTART TZID %r' % (event['UID'],
                                                   event['DTSTART'].params.get('TZID')))
        if start.replace(tzinfo=None).isoformat() != want['start']:
            errors.append('%s: DTSTART %s, expected %s' % (event['UID'], start, want['start']))
        offset = start.utcoffset()
        if offset is None or offset.total_seconds() != want['utc_offset']:
            errors.append('%s: UTC offset %r, expected %s s'
                          % (event['UID'], offset, want['utc_offset']))
    if want['end'] is None:
        if 'DTEND' in event:
            errors.append('%s: DTEND %s, expected none' % (event['UID'], event['DTEND']))
    else:
        end = event.decoded('DTEND')
        if isinstance(end, datetime.datetime):
            end = end.replace(tzinfo=None)
        if end.isoformat() != want['end']:
            errors.append('%s: DTEND %s, expected %s' % (event['UID'], end, want['end']))
    if str(event['STATUS']) != want['status']:
        errors.append('%s: STATUS %s, expected %s' % (event['UID'], event['STATUS'],
                                                     want['status']))

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
