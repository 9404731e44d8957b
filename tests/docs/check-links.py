#!/usr/bin/env python3
"""Fails on a relative Markdown link that does not resolve inside the repository.

    check-links.py SOURCE-ROOT

Reads README.md, HACKING.md and docs/*.md. Every inline link or image
(`[text](target)`, `![alt](target)`) and every reference definition
(`[name]: target`) outside code is checked, unless its target has a URL
scheme (https:, mailto: …). The target's path, relative to the file, must
name a file or folder that exists inside the source root (a clone holds
nothing outside it); a `#fragment` on a Markdown file, or alone, must name a
heading of that file, spelled as GitHub spells heading anchors.

Also reads the Mallard user guide, help/C/*.page: every `xref` must name a
page of the guide (and a section id of that page after `#`), and every
relative `href` a file inside the repository.
Prints one line per broken link, `FILE:LINE: target: why`, and exits 1 if
there is any.
"""
import glob
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree

MALLARD = '{http://projectmallard.org/1.0/}'

INLINE = re.compile(r'!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)')
REFERENCE = re.compile(r'^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)')
SCHEME = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:')
FENCE = re.compile(r'^\s{0,3}(```|~~~)')
HEADING = re.compile(r'^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$')


def strip_code(line):
    """The line with inline code spans blanked out."""
    return re.sub(r'(`+)(.+?)\1', lambda m: ' ' * len(m.group(0)), line)


def lines_outside_code(path):
    fenced = False
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced:
                yield number, line


def slug(heading):
    """A heading's anchor as GitHub makes it."""
    text = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', heading)   # links: their text
    text = text.replace('`', '').strip().lower()
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in ' -_' or category[0] in 'LN' or category == 'Mn':
            kept.append(ch)
    return ''.join(kept).replace(' ', '-')


def anchors(path, cache={}):
    if path not in cache:
        seen = {}
        result = set()
        for _, line in lines_outside_code(path):
            m = HEADING.match(line)
            if m:
                base = slug(m.group(1))
                n = seen.get(base, 0)
                seen[base] = n + 1
                result.add(base if n == 0 else f'{base}-{n}')
        cache[path] = result
    return cache[path]


def check_target(root, file, target):
    """Why the target is broken, or None."""
    if target.startswith('<') and target.endswith('>'):
        target = target[1:-1]
    if SCHEME.match(target) or target.startswith('//'):
        return None
    path, _, fragment = target.partition('#')
    path = path.partition('?')[0]
    if path.startswith('/'):
        return 'an absolute path: a link must be relative to the file'
    resolved = os.path.realpath(os.path.join(os.path.dirname(file), path)) if path else file
    if os.path.commonpath([resolved, root]) != root:
        return 'outside the repository'
    if not os.path.exists(resolved):
        return 'no such file in the repository'
    if fragment and resolved.endswith('.md') and os.path.isfile(resolved):
        if fragment not in anchors(resolved):
            return f'no heading “#{fragment}” in {os.path.relpath(resolved, root)}'
    return None


def check_mallard(root):
    """Broken xrefs and hrefs of help/C/*.page: (broken, links, files)."""
    pages = {}
    for path in sorted(glob.glob(os.path.join(root, 'help', 'C', '*.page'))):
        tree = ElementTree.parse(path).getroot()
        sections = {e.get('id') for e in tree.iter(MALLARD + 'section')}
        pages[tree.get('id')] = (path, tree, sections)
    broken = links = 0
    for page_id, (path, tree, _) in pages.items():
        for element in tree.iter():
            xref, href = element.get('xref'), element.get('href')
            why = None
            if xref is not None:
                links += 1
                target, _, section = xref.partition('#')
                target = target or page_id
                if target not in pages:
                    why = 'no such page in help/C'
                elif section and section not in pages[target][2]:
                    why = f'no section “#{section}” in page {target}'
                if why:
                    broken += 1
                    print(f'{os.path.relpath(path, root)}: xref {xref}: {why}')
            if href is not None:
                links += 1
                why = check_target(root, path, href)
                if why:
                    broken += 1
                    print(f'{os.path.relpath(path, root)}: href {href}: {why}')
    return broken, links, len(pages)


def main():
    if len(sys.argv) != 2:
        print('usage: check-links.py SOURCE-ROOT', file=sys.stderr)
        return 2
    root = os.path.realpath(sys.argv[1])
    files = [os.path.join(root, name) for name in ('README.md', 'HACKING.md')]
    files += sorted(glob.glob(os.path.join(root, 'docs', '*.md')))
    broken = 0
    links = 0
    for file in files:
        if not os.path.isfile(file):
            print(f'{os.path.relpath(file, root)}: missing', file=sys.stderr)
            broken += 1
            continue
        for number, line in lines_outside_code(file):
            text = strip_code(line)
            targets = [m.group(1) for m in INLINE.finditer(text)]
            m = REFERENCE.match(text)
            if m:
                targets.append(m.group(1))
            for target in targets:
                links += 1
                why = check_target(root, file, target)
                if why:
                    broken += 1
                    print(f'{os.path.relpath(file, root)}:{number}: {target}: {why}')
    help_broken, help_links, help_files = check_mallard(root)
    broken += help_broken
    links += help_links
    files += [None] * help_files
    if broken:
        print(f'{broken} broken link(s) among {links} in {len(files)} file(s)', file=sys.stderr)
        return 1
    print(f'{links} link(s) in {len(files)} file(s): all resolve inside the repository')
    return 0


if __name__ == '__main__':
    sys.exit(main())
