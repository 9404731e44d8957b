#!/usr/bin/python3
# check-a11y.py: the app as a screen reader (Orca) sees it, through AT-SPI.
#
# Usage: check-a11y.py QUORUM_BINARY
#
# Starts its own accessibility bus (under the session bus that
# dbus-run-session gives), launches the app on $QUORUM_SAMPLE_STORE with
# GTK_A11Y=atspi, shows every sidebar view in turn (their Alt+N accelerators)
# and walks each view's accessible tree. It fails on:
#  - a showing interactive node (button, check box, list item, cell, entry…)
#    whose name is empty or a GTK class name (GtkToggleButton, AdwActionRow…);
#  - any showing node named by a class name (a GtkImage, a GtkLabel);
#  - a name with a mnemonic's underscore and its text twice ("_Approve Approve");
#  - a budget table's figure cell whose name lacks its row's label, its
#    column's title and, on the cell of a finding, the finding;
#  - 3 Tab presses that do not leave a list or a table (TAB_VIEWS);
#  - Alt+N that does not move the sidebar's selection to the view shown.
# It prints, per view, the interactive nodes, empty names and class names.
# A meson test (suite ui, tests/app/a11y/meson.build) and build-aux/check-a11y.
# CHECK_A11Y_VERBOSE=1 prints where each node found is; CHECK_A11Y_VIEWS=a,b
# walks those views only (the Tab and budget table checks still run).
#
# Debian's python3-pyatspi: run with /usr/bin/python3 (not a pyenv shim).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import signal
import subprocess
import sys
import time

DEADLINE = 60.0  # seconds for any one condition to come true

CLASS_NAME = re.compile(r'^(Gtk|Adw)[A-Z]\w+$')
MNEMONIC_TWICE = re.compile(r'_(\w+).*\b\1\b')

# The sidebar's views in its order (the content stack's too), each with the
# N of its Alt+N accelerator (quorum-application.c).
VIEWS = ['overview', 'budgets', 'committees', 'meetings', 'actions', 'notes', 'checks',
         'work-packages', 'budget-pressure']
ALT_KEYS = {'overview': 1, 'budgets': 2, 'committees': 3, 'meetings': 4, 'actions': 5,
            'checks': 6, 'work-packages': 7, 'budget-pressure': 8, 'notes': 9}


def fail_setup(message):
    print('check-a11y: ' + message, file=sys.stderr)
    sys.exit(1)


def skip(message):
    """A tool missing (build-aux/install-deps installs them): the test is
    skipped (exit status 77 for meson), not passed."""
    print('check-a11y: skipped: ' + message, file=sys.stderr)
    sys.exit(77)


def start_bus():
    """Starts at-spi-bus-launcher on the session bus; returns the process."""
    for path in ('/usr/libexec/at-spi-bus-launcher', '/usr/lib/at-spi2-core/at-spi-bus-launcher'):
        if os.path.exists(path):
            return subprocess.Popen([path, '--launch-immediately'],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    skip('no at-spi-bus-launcher (Debian: at-spi2-core)')
    return None


def wait_for(what, condition):
    """Calls condition until it returns something true; fails past DEADLINE.
    No sleep: between two calls the GLib main loop blocks until something
    comes in (an AT-SPI event is dispatched at once); a wake-up every 0.1 s
    calls condition again for what has no event (the app's tree, asked over
    D-Bus; another process)."""
    from gi.repository import GLib
    context = GLib.MainContext.default()
    expired = []

    def expire():
        expired.append(True)
        return GLib.SOURCE_REMOVE
    deadline = GLib.timeout_add(int(DEADLINE * 1000), expire)
    wake = GLib.timeout_add(100, lambda: GLib.SOURCE_CONTINUE)
    try:
        while True:
            value = condition()
            if value:
                return value
            if expired:
                raise TimeoutError('timed out waiting for ' + what)
            context.iteration(True)
    finally:
        GLib.source_remove(wake)
        if not expired:
            GLib.source_remove(deadline)


def main():
    if len(sys.argv) != 2:
        fail_setup('usage: check-a11y.py QUORUM_BINARY')
    binary = sys.argv[1]
    store = os.environ.get('QUORUM_SAMPLE_STORE')
    if not store:
        fail_setup('QUORUM_SAMPLE_STORE is not set')
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        fail_setup('no session bus: run under dbus-run-session')
    if not os.environ.get('DISPLAY'):
        fail_setup('no display: run under xvfb-run')

    # Stopped (meson's timeout), the app and the bus are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    bus = start_bus()
    app_process = None
    try:
        # The bus must exist before Atspi is first used.
        gi_ok = wait_for('the accessibility bus', lambda: a11y_bus_address() is not None)
        del gi_ok
        env = dict(os.environ)
        env['GTK_A11Y'] = 'atspi'
        env.pop('NO_AT_BRIDGE', None)
        app_process = subprocess.Popen([binary, store], env=env)
        return run_checks(app_process)
    finally:
        for process in (app_process, bus):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def a11y_bus_address():
    try:
        out = subprocess.run(['dbus-send', '--session', '--print-reply',
                              '--dest=org.a11y.Bus', '/org/a11y/bus',
                              'org.a11y.Bus.GetAddress'],
                             capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0 or 'unix:' not in out.stdout:
        return None
    return out.stdout


# --- the tree ----------------------------------------------------------------

def load_pyatspi():
    global pyatspi, Atspi
    try:
        import pyatspi as _pyatspi
        from gi.repository import Atspi as _Atspi
    except ImportError:
        skip('no pyatspi (Debian: python3-pyatspi; run with /usr/bin/python3)')
    pyatspi = _pyatspi
    Atspi = _Atspi


def interactive_roles():
    r = pyatspi
    return {r.ROLE_PUSH_BUTTON, r.ROLE_TOGGLE_BUTTON, r.ROLE_CHECK_BOX, r.ROLE_RADIO_BUTTON,
            r.ROLE_COMBO_BOX, r.ROLE_LIST_ITEM, r.ROLE_TABLE_CELL, r.ROLE_MENU_ITEM,
            r.ROLE_CHECK_MENU_ITEM, r.ROLE_RADIO_MENU_ITEM, r.ROLE_ENTRY, r.ROLE_LINK,
            r.ROLE_SPIN_BUTTON, r.ROLE_SLIDER, r.ROLE_PAGE_TAB, r.ROLE_TREE_ITEM,
            r.ROLE_TABLE_ROW, r.ROLE_TOGGLE_BUTTON, r.ROLE_PASSWORD_TEXT,
            r.ROLE_TABLE_COLUMN_HEADER, r.ROLE_COLUMN_HEADER, r.ROLE_ROW_HEADER,
            getattr(r, 'ROLE_SWITCH', r.ROLE_TOGGLE_BUTTON)}


def safe(call, default=None):
    try:
        return call()
    except Exception:  # a node gone while walking
        return default


def has_area(node):
    """GTK 4.8 sets no 'showing' below the window: a node whose extents are
    empty (never allocated, or in a page not shown) is taken as not shown."""
    component = safe(node.queryComponent)
    if component is None:
        return True
    extents = safe(lambda: component.getExtents(pyatspi.WINDOW_COORDS))
    return extents is None or (extents[2] > 0 and extents[3] > 0)


def is_stack(node, count):
    """A GtkStack: its children are GtkStackPages, which have no extents."""
    return count >= 2 and all(safe(lambda: node.getChildAtIndex(i).queryComponent()) is None
                              for i in range(count))


def walk(node, out, page, depth=0):
    """The shown nodes under node, depth first, as (node, role, name). Of the
    view stack (8 or more pages) only page number `page`; of the window's
    stack (loading, error, store) only the store; of any other stack the
    pages with an area (the window's stack is near the top: a view has
    three-page stacks too)."""
    if depth > 80 or not has_area(node):
        return
    out.append((node, safe(node.getRole), safe(lambda: node.name, '') or ''))
    if VERBOSE:
        PATHS[node] = PATHS.get(safe(lambda: node.parent), '') + '/' + \
            (safe(node.getRoleName, '?') + ':' + (safe(lambda: node.name, '') or ''))[:40]
    count = safe(lambda: node.childCount, 0)
    stack = is_stack(node, count)
    for i in range(count):
        if stack and count >= len(VIEWS) and i != page:
            continue
        if stack and count == 3 and depth <= 5 and i != 2:
            continue
        child = safe(lambda: node.getChildAtIndex(i))
        if child is not None:
            walk(child, out, page, depth + 1)


def walk_list(node):
    out = []
    walk(node, out, 0)
    return out


def app_running(app_process):
    """True while the app runs; an app that exited fails now, with its status."""
    status = app_process.poll()
    if status is not None:
        raise RuntimeError('the app exited with status %d before it was on the '
                           'accessibility bus' % status)
    return True


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = safe(lambda: desktop.getChildAtIndex(i))
        if app is not None and safe(app.get_process_id) == pid:
            return app
    return None


CURRENT = {'page': 0}
VERBOSE = os.environ.get('CHECK_A11Y_VERBOSE') is not None
PATHS = {}


def showing_nodes(app, page=None):
    """The nodes shown in the window with the view at index page (the current one)."""
    if page is None:
        page = CURRENT['page']
    nodes = []
    for i in range(safe(lambda: app.childCount, 0)):
        window = safe(lambda: app.getChildAtIndex(i))
        if window is not None and safe(lambda: window.getRole()) == pyatspi.ROLE_FRAME:
            safe(window.clear_cache)
            walk(window, nodes, page)
    return nodes


def describe(node, role, name):
    where = ' at ' + PATHS.get(node, '?') if VERBOSE else ''
    return '%s %r%s' % (safe(node.getRoleName, str(role)), name, where)


def audit(nodes):
    """Returns (interactive, empty, class names, problems)."""
    roles = interactive_roles()
    # Beside the interactive roles, what a reader reads out: a GTK container
    # (a filler, a panel) named by its class is GTK's and not read.
    read_roles = {pyatspi.ROLE_IMAGE, pyatspi.ROLE_LABEL, pyatspi.ROLE_HEADING,
                  pyatspi.ROLE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX}
    interactive = empty = classes = 0
    problems = []
    for node, role, name in nodes:
        if CLASS_NAME.match(name) and (role in roles or role in read_roles):
            classes += 1
            problems.append('named by its class: ' + describe(node, role, name))
        if MNEMONIC_TWICE.search(name):
            problems.append('mnemonic read twice: ' + describe(node, role, name))
        if role in roles:
            interactive += 1
            if name.strip() == '':
                empty += 1
                problems.append('no name: ' + describe(node, role, name))
    return interactive, empty, classes, problems


def stable_nodes(app):
    """The showing nodes once two walks in a row agree (a view loads lazily)."""
    last = []

    def settled():
        nonlocal last
        nodes = showing_nodes(app)
        key = [(r, n) for _, r, n in nodes]
        same = key == [(r, n) for _, r, n in last] and len(nodes) > 0
        last = nodes
        return nodes if same else None
    return wait_for('the view to settle', settled)


# --- keys --------------------------------------------------------------------

def key(combo):
    """Presses a key (xdotool syntax: alt+1, Tab, Return) in the focused window."""
    subprocess.run(['xdotool', 'key', '--clearmodifiers', combo], check=True)


def focus_window(app):
    out = wait_for('the X window', lambda: subprocess.run(
        ['xdotool', 'search', '--onlyvisible', '--name', '^Quorum'],
        capture_output=True, text=True).stdout.split())
    subprocess.run(['xdotool', 'windowfocus', '--sync', out[0]], check=False)


FOCUS = {'node': None, 'serial': 0}


def listen_for_focus():
    """Follows the focus through AT-SPI's focus events (a walk per key press
    would take seconds)."""
    def on_focus(event):
        if event.detail1:
            FOCUS['node'] = event.source
            FOCUS['serial'] += 1
    listener = Atspi.EventListener.new(on_focus)
    listener.register('object:state-changed:focused')
    FOCUS['listener'] = listener


def pump_events():
    from gi.repository import GLib
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass


def focused_node(app):
    pump_events()
    node = FOCUS['node']
    states = safe(node.getState) if node is not None else None
    if states is not None and states.contains(pyatspi.STATE_FOCUSED):
        return node
    return None


def press_and_wait_focus(combo):
    """Presses combo and waits for the focus to move."""
    serial = FOCUS['serial']
    key(combo)
    wait_for('the focus to move after ' + combo,
             lambda: (pump_events(), FOCUS['serial'] != serial)[1])


def ancestors(node):
    chain = []
    while node is not None:
        chain.append(node)
        node = safe(lambda: node.parent)
        if len(chain) > 100:
            break
    return chain


def enclosing_list(node):
    for a in ancestors(node)[1:]:
        if safe(a.getRole) in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE,
                               pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE):
            return a
    return None


# --- the views ---------------------------------------------------------------

def sidebar(nodes):
    for node, role, name in nodes:
        # The overview's list of views has the same name, and a row fewer.
        if role in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX) and name == 'Views' and \
           safe(lambda: node.childCount, 0) >= len(VIEWS):
            return node
    return None


def selected_row(app):
    bar = sidebar(showing_nodes(app))
    if bar is None:
        return None
    for i in range(safe(lambda: bar.childCount, 0)):
        row = safe(lambda: bar.getChildAtIndex(i))
        if row is not None and safe(row.getState).contains(pyatspi.STATE_SELECTED):
            return i + 1
    return None


def show_view(app, index):
    """Shows the view at sidebar position index (from 1) by its Alt+N: the
    sidebar's selection must follow."""
    CURRENT['page'] = index - 1
    key('alt+%d' % ALT_KEYS[VIEWS[index - 1]])
    wait_for('view %d' % index, lambda: selected_row(app) == index)
    return stable_nodes(app)


def check_tab_leaves_lists(app, label, problems):
    """From an item of a list or table, 3 Tabs must leave it."""
    node = focused_node(app)
    start = enclosing_list(node) if node is not None else None
    if start is None:
        problems.append('%s: the focus is in no list' % label)
        return
    for _ in range(3):
        key('Tab')
    try:
        wait_for('the focus to leave the list', lambda: (
            focused_node(app) is not None and start not in ancestors(focused_node(app))))
    except TimeoutError:
        problems.append('%s: 3 Tabs stay in %s' % (label, describe(start, safe(start.getRole),
                                                                  safe(lambda: start.name, ''))))


def focus_into_list(app):
    """Tabs until the focus is in a list or table other than the sidebar
    (at most 30 Tabs); returns the focused node."""
    bar = sidebar(showing_nodes(app))
    items = (pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL,
             pyatspi.ROLE_TREE_ITEM)
    for _ in range(30):
        node = focused_node(app)
        # A row, not a control in a grid of filters.
        if node is not None and safe(node.getRole) in items and \
           enclosing_list(node) not in (None, bar):
            return node
        press_and_wait_focus('Tab')
    return None


def row_cells(row):
    return [safe(lambda: row.getChildAtIndex(i)) for i in range(safe(lambda: row.childCount, 0))]


def check_figure_cells(nodes, problems):
    """Each figure cell names its row's label and its column's title."""
    # GTK 4.8 exposes a column's title as a plain node with a label inside.
    titles = []
    for n, r, name in nodes:
        if r in (pyatspi.ROLE_COLUMN_HEADER, pyatspi.ROLE_TABLE_COLUMN_HEADER) or \
           name == 'GtkColumnViewTitle':
            titles += [label for _, _, label in walk_list(n) if label and label != name]
    figures = [(n, name) for n, r, name in nodes
               if r == pyatspi.ROLE_TABLE_CELL and re.search(r'[£$€]?\d', name or '')]
    if not figures:
        problems.append('budget table: no figure cell found')
        return 0
    checked = 0
    for node, name in figures:
        if not any(t and t in name for t in titles):
            problems.append('figure cell without its column: %r' % name)
            continue
        if ',' not in name.split(':')[0] and ':' not in name:
            problems.append('figure cell without its row: %r' % name)
            continue
        checked += 1
    if not any(re.search(r'\b(mismatch|rounding)\b', name) for _, name in figures):
        problems.append('budget table: no figure cell names its finding')
    return checked


def main_checks(app, results, problems):
    focus_window(app)
    # The first sidebar view is the one shown at start.
    wait_for('the sidebar', lambda: sidebar(showing_nodes(app)) is not None)
    only = os.environ.get('CHECK_A11Y_VIEWS')  # e.g. "checks,budgets", to debug
    for index, view in enumerate(VIEWS, 1):
        if only is not None and view not in only.split(','):
            continue
        started = time.monotonic()
        nodes = show_view(app, index)
        print('check-a11y: %s walked (%d nodes, %.1f s)' % (view, len(nodes),
                                                          time.monotonic() - started),
              file=sys.stderr, flush=True)
        interactive, empty, classes, view_problems = audit(nodes)
        results.append((view, interactive, empty, classes))
        problems.extend('%s: %s' % (view, p) for p in view_problems)
    try:
        check_tab(app, problems)
    except TimeoutError as e:
        problems.append('tab: %s' % e)
    # The budget table with a finding's cell: activate the first finding.
    try:
        check_budget_table(app, results, problems)
    except TimeoutError as e:
        problems.append('budget table: %s' % e)


# Views whose first list Tab reaches: a list box (committees) and tables.
TAB_VIEWS = ['committees', 'checks', 'work-packages']


def check_tab(app, problems):
    for view in TAB_VIEWS:
        show_view(app, VIEWS.index(view) + 1)
        if focus_into_list(app) is None:
            problems.append('%s: Tab never reached a list' % view)
            continue
        check_tab_leaves_lists(app, view, problems)


def check_budget_table(app, results, problems):
    show_view(app, VIEWS.index('checks') + 1)
    finding = focus_into_list(app)
    if finding is None:
        problems.append('checks: Tab never reached the findings')
        return
    print('check-a11y: opening %s' % describe(finding, safe(finding.getRole),
                                            safe(lambda: finding.name, '')),
          file=sys.stderr, flush=True)
    key('Return')
    wait_for('the budgets view', lambda: selected_row(app) == VIEWS.index('budgets') + 1)
    CURRENT['page'] = VIEWS.index('budgets')
    try:
        nodes = wait_for('the budget table', lambda: [n for n in [stable_nodes(app)]
                                                      if any(r == pyatspi.ROLE_TABLE_CELL
                                                             for _, r, _ in n)] or None)[0]
    except TimeoutError:
        if VERBOSE:
            for n, r, name in showing_nodes(app):
                print('shown: ' + describe(n, r, name), file=sys.stderr)
        raise
    interactive, empty, classes, view_problems = audit(nodes)
    results.append(('budget table', interactive, empty, classes))
    problems.extend('budget table: ' + p for p in view_problems)
    check_figure_cells(nodes, problems)


def run_checks(app_process):
    load_pyatspi()
    listen_for_focus()
    app = wait_for('the app on the accessibility bus',
                   lambda: app_running(app_process) and find_app(app_process.pid))
    wait_for('the window', lambda: sidebar(showing_nodes(app)) is not None)
    results, problems = [], []
    try:
        main_checks(app, results, problems)
    except TimeoutError as e:
        problems.append(str(e))
    print('%-16s %12s %12s %12s' % ('view', 'interactive', 'empty names', 'class names'))
    for view, interactive, empty, classes in results:
        print('%-16s %12d %12d %12d' % (view, interactive, empty, classes))
    seen = set()
    for p in problems:
        if p not in seen:
            print('FAIL ' + p)
            seen.add(p)
    print('%d problems' % len(seen))
    return 1 if seen else 0


if __name__ == '__main__':
    if shutil.which('xdotool') is None:
        skip('no xdotool (Debian: xdotool)')
    sys.exit(main())
