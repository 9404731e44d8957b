#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the sample store's illustrative 2020/21 work packages, Board decisions and meetings.

    build-aux/generate-sample-work-packages.py          # rewrite, then check and summarise
    build-aux/generate-sample-work-packages.py --check  # only check what is on disk

Rewrites data/sample-store/work-packages/, data/sample-store/decisions/ and the
Board meetings data/sample-store/meetings/secco-board-*.json from scratch (nothing else
is touched: the other files in meetings/ are transcribed from real documents), then
reads the files back, checks them and prints a summary per Table 3 row. Python 3
standard library only; the output is the same on every run. Every figure is derived from the budget document
data/sample-store/budgets/sec-budget-2020-23.json; what is written here is only the
story (quarter profile, out-turn variances, who decided what and when).

None of this is published SECCo material: every description ends with "Illustrative
sample data: not a published SECCo work package." and every person is invented.

The story (the sample's "now" is early February 2021)
------------------------------------------------------
* One `quarterly` package per quarter of 2020/21 for each row of Table 3
  `costs-by-committee` (9 rows x 4 quarters = 36), id `wp-2020-21-qN-ROW`.
  - Estimate: the row's 2020/21 `total` / 4 x a quarter factor (ESTIMATE_FACTORS: Q1 a
    little below, Q3 a little above), rounded to whole pounds; the four quarters sum to
    within +-3% of the annual total.
  - Days by grade: the matching Table 8 `fte-by-committee` row's FTE x 220 working days
    / 4, rounded to the nearest half day; grades with no FTE are left out. Table 8 only
    counts the SECAS Core Team, so SME and Independent Chair costs carry no days.
  - Q1-Q3 have out-turns (`actual`, reported three weeks after the quarter ends) that
    differ from the estimate by OUTTURN_VARIANCE (-8% ... +12%); actual days follow the
    same variance. Q1 and Q2 are `closed`, Q3 `submitted` (out-turn in, not yet closed),
    Q4 `submitted` with no out-turn.
  - OPSG runs hot (+11.4%, +6.3%, +10.6%) and its Q4 estimate is approved, so its spend
    to date plus its Q4 commitment exceeds its Table 3 provision: the one line over
    provision. SSC Q2 also overspends by more than 10% but the SSC line stays under.
    Every other line stays under even if its unapproved Q4 estimate is counted.
* Board decisions (role "SECCo Board"), at Thursday meetings before each quarter:
  Q1 on 2020-03-12, Q2 on 2020-06-11, Q3 on 2020-09-10, Q4 on 2020-12-10, with
  follow-up meetings two weeks later. Most packages are approved at the first meeting;
  the exceptions:
  - wp-2020-21-q1-ssc: deferred, then approved (2 decisions);
  - wp-2020-21-q2-tag: rejected, then the revised estimate approved (2 decisions);
  - wp-2020-21-q2-privacy: deferred, then approved (2 decisions);
  - wp-2020-21-q3-party-engagement: deferred twice, then approved after the quarter
    started (3 decisions);
  - Q4: panel-board, opsg, tag, smki-pma and change-board approved; tabasc, ssc,
    privacy and party-engagement await a decision (no decision files).
* Three `project-brief` packages against Table 11 `projects` provision lines for 2020/21,
  each estimate a fraction of its line's 2020/21 value (PROJECT_BRIEFS):
  - user-cio-procurement (SEC driven): approved, delivered and closed with an out-turn;
  - electric-vehicles (industry driven): rejected;
  - security-threat-mapping (SEC driven): submitted, awaiting a decision.
  Only user-cio-procurement 2020/21 is therefore released; every other provision line
  and year has no approved brief and stays unreleased.
  The briefs reference the provision lines (the children of the `industry-driven` and
  `sec-driven` groups), not the groups: a brief releases one named provision, and the
  groups state no values of their own.
* One `contingency-drawdown` package against Table 1 `projections` row `contingency`,
  for OPSG's projected overspend (rounded up to the next GBP 1,000): deferred once by
  the Board until the Panel has authorised the spend, now awaiting a decision.

Mapping Table 3 rows to Table 8 rows
------------------------------------
Table 8's row for a Table 3 row is the one with the same id; failing that, the one
naming the same `committee`. Only one row needs the second rule: Table 3's
`change-board` ("Change Board, CSC, Working Groups") is Table 8's `change-release`
("Change & Release"); both name committee `change-board`.

The `committee` of a quarterly package is the Table 3 row's `committee` field when it
has one. `panel-board` names two (`committees`: sec-panel, secco-board), `privacy` and
`party-engagement` none, so those packages carry no `committee`, only `service_area`.

Decisions
---------
Files decisions/<work-package-id>/<id>.json, id `<YYYYMMDD>t<HHMMSS>z-<slug of by>`,
fields in the order format, id, work_package, decision, by, role, at, comment, meeting,
seal. `meeting` is the id of the Board meeting that took the decision. `seal` is
Quorum's extension: for each of format, id, work_package, decision, by, role, at,
comment, `<len of UTF-8 bytes>:<bytes>\\n` when present, `-\\n` when absent, then,
only when the decision names a meeting, `meeting` the same way; seal = "sha256:" +
lowercase hex SHA-256 of that text (quorum_decision_compute_seal).

Board meetings
--------------
One file meetings/secco-board-YYYY-MM-DD.json per entry of MEETINGS: committee
`secco-board`, held, final minutes, a `note` that it is illustrative sample data.
Start and end are London local times: the Board sits from 10:00 (BOARD_OPENS), the
first decision at the MEETINGS time, and it ends at the quarter hour after the last
item. The MEETINGS times are UTC; London is on BST (UTC+1) from 01:00 UTC on the last
Sunday of March to 01:00 UTC on the last Sunday of October (29 March to 25 October in
2020). Attendance: CHAIR and MEMBERS as members, SECAS as secretariat. One agenda item
per package decided there, in the order decided, numbered "1", "2", ...: papers are the
work package and the budget table row it draws on (its budget_ref), and the outcome is
the decision (approve -> approved, reject -> rejected, defer -> deferred; the text is
the comment, or "the work package as submitted"). FOLLOW_UPS raise actions
(SECCOB<YY>/<NN>, owned by SECAS) where a decision asks for something by a later
meeting, and that meeting closes them with an update.
"""

import argparse
import datetime
import hashlib
import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal, ROUND_CEILING, ROUND_HALF_UP
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "data" / "sample-store"
BUDGET_ID = "sec-budget-2020-23"
YEAR = "2020/21"
YEAR_ID = "2020-21"
COST_TABLE = "costs-by-committee"      # Table 3
FTE_TABLE = "fte-by-committee"         # Table 8
PROJECT_TABLE = "projects"             # Table 11
PROJECTION_TABLE = "projections"       # Table 1
PROJECT_COLUMN = "2020-21-approved"
WORKING_DAYS_PER_YEAR = 220
FOOTER = "Illustrative sample data: not a published SECCo work package."
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
ROLE = "SECCo Board"

QUARTERS = {
    1: ("2020-04-01", "2020-06-30", "April to June 2020"),
    2: ("2020-07-01", "2020-09-30", "July to September 2020"),
    3: ("2020-10-01", "2020-12-31", "October to December 2020"),
    4: ("2021-01-01", "2021-03-31", "January to March 2021"),
}
# Out-turns are reported three weeks after the quarter ends; Q4 has not ended yet.
REPORTED = {1: "2020-07-21", 2: "2020-10-21", 3: "2021-01-21"}
STATUS = {1: "closed", 2: "closed", 3: "submitted", 4: "submitted"}

# Quarter profile of the annual total (each quarter = total / 4 x factor).
ESTIMATE_FACTORS = {
    "panel-board":      ("0.970", "0.990", "1.020", "1.010"),
    "tabasc":           ("0.965", "1.000", "1.030", "0.995"),
    "opsg":             ("0.975", "0.995", "1.025", "1.005"),
    "tag":              ("0.960", "0.985", "1.035", "1.010"),
    "ssc":              ("0.970", "1.005", "1.020", "0.990"),
    "smki-pma":         ("0.980", "0.990", "1.015", "1.005"),
    "privacy":          ("0.955", "1.000", "1.040", "0.995"),
    "change-board":     ("0.970", "0.985", "1.025", "1.000"),
    "party-engagement": ("0.960", "0.995", "1.030", "1.005"),
}

# Out-turn against estimate, percent, for Q1..Q3.
OUTTURN_VARIANCE = {
    "panel-board":      ("-2.5", "+1.8", "-4.0"),
    "tabasc":           ("-3.1", "+4.2", "-1.5"),
    "opsg":             ("+11.4", "+6.3", "+10.6"),
    "tag":              ("-6.2", "-0.8", "+2.9"),
    "ssc":              ("-4.4", "+10.9", "-7.5"),
    "smki-pma":         ("+3.5", "-5.2", "-2.0"),
    "privacy":          ("-8.0", "-6.5", "+4.0"),
    "change-board":     ("-1.2", "-3.4", "+2.6"),
    "party-engagement": ("+1.5", "-2.7", "+0.9"),
}

TITLES = {
    "panel-board": "Panel and Board support",
    "tabasc": "TABASC support",
    "opsg": "OPSG support",
    "tag": "TAG support",
    "ssc": "SSC support",
    "smki-pma": "SMKI PMA support",
    "privacy": "Privacy support",
    "change-board": "Change Board, CSC and Working Groups support",
    "party-engagement": "Party Engagement",
}

# What each row pays for, after section 3.2 of the 2020-2023 budget.
DESCRIPTIONS = {
    "panel-board":
        "Secretariat to the SEC Panel and SECCo Board: agendas, papers, headlines and minutes, "
        "action logs, risk and issue registers, PFCG engagement, quarterly work packages and "
        "out-turn reports, SECCo contracts and company secretary duties; finance support "
        "(management accounts, audit, insurance, invoicing) and Panel member fees.",
    "tabasc":
        "Monthly TABASC meetings and papers, Certified Products List submissions, changes to "
        "Code Specifications, TBEC support, maintenance of the Technical and Business "
        "Architecture Documents, monitoring of Modification Proposals and BEIS-led changes; "
        "TABASC Independent Chair.",
    "opsg":
        "Twice-monthly OPSG meetings, review of the monthly DCC Performance Report, major "
        "incident reviews, DCC Planned Maintenance, BDCR and SSI proposals, readiness "
        "assessments for Releases and SMETS1 phases, and the Issues Process; OPSG Independent "
        "Chair.",
    "tag":
        "Monthly TAG meetings and Panel papers on testing documentation, input to Modification "
        "Reports and Release Implementation Documents, expert review of User and DCC testing, "
        "Live Services Criteria assessments and SMETS1 Testing Issues.",
    "ssc":
        "Fortnightly SSC meetings, support to and validation of User Security and Privacy "
        "Assessments by the Security & Privacy Experts, management of the Independent User "
        "CIO, CPA certificate monitoring and the Security Incident Management Process; SSC "
        "Independent Chair.",
    "smki-pma":
        "Monthly SMKI PMA meetings, monitoring of SMKI performance measures and issues, the "
        "annual Standards and Best Practice review, and SMKI Specialist support; SMKI PMA "
        "share of the Independent Chair.",
    "privacy":
        "Privacy matters taken at Panel meetings (there is no Privacy Sub-Committee), privacy "
        "aspects of User Security and Privacy Assessments and of the Security and Privacy "
        "Controls Framework.",
    "change-board":
        "Monthly Change Board, Change Sub-Committee and Modification Working Group meetings, "
        "problem statements, Modification Reports and legal text, DCC Preliminary and Impact "
        "Assessments, the monthly Modifications webinar, SEC Releases and configuration "
        "management of the SEC.",
    "party-engagement":
        "Bi-weekly SEC Party newsletter, guidance updates, 'Spotlight on the SEC' and "
        "'Introduction to the SEC' seminars, the SECAS helpdesk, accessions and DCC User Entry "
        "support, Events of Default, and website and CodeWorks content.",
}

# Quarter-specific sentences; {name} fields are filled from the decision schedule.
QUARTER_NOTES = {
    ("opsg", 1): "Estimate assumes the move to twice-monthly meetings from April.",
    ("opsg", 3): "Includes readiness assessments for the SMETS1 Middle Operating Capability "
                 "migrations.",
    ("opsg", 4): "Held at the provision run-rate although the Q1 to Q3 out-turns were above "
                 "estimate; the projected overspend is requested from contingency in "
                 "{contingency}.",
    ("ssc", 1): "Resubmitted with the User CIO assessment schedule the Board asked for on "
                "{ssc_deferred}.",
    ("ssc", 2): "Includes the Full User Security Assessments moved from Q1.",
    ("tag", 2): "Revised estimate: the first submission was rejected by the Board on "
                "{tag_rejected}; SME days now match the TAG meetings in the forecast.",
    ("privacy", 2): "SME days justified against the Controls Framework update, as the Board "
                    "asked on {privacy_deferred}.",
    ("party-engagement", 3): "Includes the first quarter of the two new Account Manager roles "
                             "and the move of seminars to webinars.",
    ("tabasc", 4): "Includes the Technical Effectiveness Review Questionnaire and its report "
                   "to the Panel.",
    ("change-board", 4): "Covers the February 2021 SEC Release.",
    ("panel-board", 4): "Includes the 2021/22 budget consultation and PFCG reviews.",
}

# Board meetings (UTC: GMT in winter, BST = UTC+1 from 29 March to 25 October 2020).
CHAIR = "Adam Carden"
MEMBERS = ("Priya Natarajan", "Helen Ogundipe")
MEETINGS = {
    "q1": "2020-03-12T10:31:00Z",
    "q1-follow-up": "2020-03-26T10:04:00Z",
    "q2": "2020-06-11T09:32:00Z",
    "q2-follow-up": "2020-06-25T09:06:00Z",
    "q3": "2020-09-10T09:30:00Z",
    "q3-follow-up": "2020-09-24T09:05:00Z",
    "q3-late": "2020-10-08T09:12:00Z",
    "q4": "2020-12-10T10:33:00Z",
    "january": "2021-01-14T10:20:00Z",
}
ITEM_MINUTES = 4   # each item at a meeting is taken a few minutes after the last
BOARD_COMMITTEE = "secco-board"
BOARD_OPENS = "10:00"   # London time; the first decision is taken later in the meeting
SECRETARIAT = "SECAS"
MEETING_NOTE = ("Illustrative sample data: not a published SECCo meeting. The Board's 2020/21 "
                "work-package decisions in this store, and these minutes of them, were "
                "invented for the sample; the people named are invented too.")
# Where the Board met: in person until March 2020, by teleconference after.
VENUES = (("2020-03-12", "Gemserv, 8 Fenchurch Place, London, EC3M 4AJ"),
          ("2020-03-26", "Teleconference"))
NO_COMMENT = "the work package as submitted"
OUTCOME_KINDS = {"approve": "approved", "reject": "rejected", "defer": "deferred"}

ROUTINE_COMMENTS = (
    "Approved as submitted.",
    None,
    "Approved; out-turn to be reported with the quarter's management accounts.",
    "Approved.",
    None,
    "Approved. Secretariat to flag any variance above 10% at the next meeting.",
)

# Decisions that differ from a single approval at the quarter's meeting:
# package row -> list of (meeting, decision, by, comment).
SPECIAL_DECISIONS = {
    (1, "ssc"): [
        ("q1", "defer", CHAIR, "Deferred: the Board needs the User CIO assessment schedule "
                               "for Q1 before approving the SME days."),
        ("q1-follow-up", "approve", CHAIR, "Approved with the assessment schedule provided."),
    ],
    (2, "tag"): [
        ("q2", "reject", CHAIR, "Rejected: SME days do not reflect the reduced TAG meeting "
                                "schedule. Please resubmit."),
        ("q2-follow-up", "approve", MEMBERS[0], "Revised estimate approved."),
    ],
    (2, "privacy"): [
        ("q2", "defer", CHAIR, "Deferred: justify the SME days given privacy matters are "
                               "taken at Panel."),
        ("q2-follow-up", "approve", MEMBERS[0], "Approved with the Controls Framework "
                                                "justification."),
    ],
    (3, "party-engagement"): [
        ("q3", "defer", CHAIR, "Deferred pending the Panel's view on the Account Manager "
                               "roles."),
        ("q3-follow-up", "defer", MEMBERS[1], "Deferred again: recruitment timetable still "
                                              "to be confirmed."),
        ("q3-late", "approve", CHAIR, "Approved from 1 October; spend since then is covered."),
    ],
    (4, "opsg"): [
        ("q4", "approve", CHAIR, "Approved. OPSG is running above provision: the secretariat "
                                 "is to bring a contingency request in January."),
    ],
}
# Decisions that ask for something by a later meeting: (quarter, row) of the package ->
# the action raised on SECAS with the decision, and the update that closes it at the
# meeting named. Refs are numbered in the order raised, per calendar year.
FOLLOW_UPS = {
    (2, "tag"): {
        "text": "resubmit the Q2 TAG support work package with SME days that reflect the "
                "reduced TAG meeting schedule",
        "closed_at": "q2-follow-up",
        "update": "SECAS resubmitted the work package with revised SME days; the Board "
                  "approved the revised estimate (item {item}). Closed.",
    },
    (4, "opsg"): {
        "text": "bring a request to draw OPSG support above its provision from contingency "
                "to the January meeting",
        "closed_at": "january",
        "answered_by": "wp-2020-21-contingency-opsg",
        "update": "SECAS brought the contingency drawdown request (item {item}); the Board "
                  "deferred it until the Panel has authorised the spend. Closed.",
    },
}
# Q4 packages that the Board has not decided yet (no decision files).
Q4_AWAITING = ("tabasc", "ssc", "privacy", "party-engagement")

# Project briefs: provision line (a child of `industry-driven` or `sec-driven` in
# Table 11) -> the brief. `share` is the estimate as a fraction of the line's 2020/21
# value (rounded down to GBP 50).
PROJECT_BRIEFS = [
    {
        "row": "user-cio-procurement",
        "id": "wp-2020-21-project-user-cio-procurement",
        "quarter": 1,
        "title": "Independent User CIO re-procurement",
        "committee": "ssc",
        "service_area": "Security & Privacy",
        "description":
            "Tendering exercise for the Independent User Competent Independent Organisation "
            "contract, which expires in July 2020: requirements, invitation to tender, "
            "evaluation with the SSC and contract award, to secure best value for SEC Parties.",
        "start": "2020-04-01",
        "end": "2020-07-31",
        "share": "0.94",
        "days": {"grade-4": 6, "grade-3": 14, "grade-2": 9},
        "actual_variance": "-2.7",
        "reported": "2020-08-20",
        "status": "closed",
        "decisions": [("q1-follow-up", "approve", CHAIR,
                       "Approved: the contract must be in place before July.")],
    },
    {
        "row": "electric-vehicles",
        "id": "wp-2020-21-project-electric-vehicles",
        "quarter": 3,
        "title": "Electric Vehicles and Proportional Load Control: impact analysis",
        "committee": "tabasc",
        "service_area": "Technical Operations",
        "description":
            "Impact analysis of the BEIS proposal to enhance load control functionality for "
            "electric vehicle smart charging, batteries and heat pumps on the SEC, the "
            "technical architecture and SMETS/GBCS.",
        "start": "2020-10-01",
        "end": "2020-12-18",
        "share": "0.96",
        "days": {"grade-4": 8, "grade-3": 10},
        "status": "submitted",
        "decisions": [("q3-follow-up", "reject", MEMBERS[1],
                       "Rejected: BEIS has not confirmed the scope for the November Release; "
                       "bring back once it has.")],
    },
    {
        "row": "security-threat-mapping",
        "id": "wp-2020-21-project-security-threat-mapping",
        "quarter": 4,
        "title": "Security Threat Mapping refresh",
        "committee": "ssc",
        "service_area": "Security & Privacy",
        "description":
            "Refresh of the 2013 security threat mapping behind the CPA Security "
            "Characteristics with BEIS, NCSC and the SSC, including a test lab, and proposals "
            "to update the Characteristics where the threats have moved on.",
        "start": "2021-01-04",
        "end": "2021-03-31",
        "share": "0.944",
        "days": {"grade-4": 10, "grade-3": 12, "grade-2": 6},
        "status": "submitted",
        "decisions": [],
    },
]

CONTINGENCY = {
    "id": "wp-2020-21-contingency-opsg",
    "row": "opsg",        # the Table 3 line whose overspend it covers
    "quarter": 4,
    "title": "Contingency drawdown: OPSG support above provision",
    "description":
        "Drawdown from the 2020/21 contingency to cover OPSG support above its Table 3 "
        "provision: operational issues, major incident reviews and SMETS1 migration readiness "
        "ran above estimate in Q1 to Q3. The amount is the out-turn to date plus the approved "
        "Q4 estimate less the provision, rounded up to the next GBP 1,000. Contingency spend "
        "must be authorised by the Panel and overseen by the Board.",
    "start": "2021-01-01",
    "end": "2021-03-31",
    "status": "submitted",
    "decisions": [("january", "defer", CHAIR,
                   "Deferred until the Panel has authorised the contingency spend at its "
                   "January meeting.")],
}


# --- amounts: integers of hundredths, never floats in arithmetic ----------------------

def hundredths(number):
    """A JSON number as an integer of hundredths (pence, or hundredths of a day)."""
    value = Decimal(str(number)) * 100
    if value != value.to_integral_value():
        raise ValueError(f"{number} has more than two decimals")
    return int(value)


def round_to(value, step):
    """Decimal `value` (hundredths) rounded half up to a multiple of `step` hundredths."""
    return int((Decimal(value) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * step


def json_amount(h):
    """Hundredths as a JSON number with at most two decimals."""
    if h % 100 == 0:
        return h // 100
    return float(Decimal(h) / 100)   # repr of the nearest double is the 2-decimal text


def scale(h, percent):
    return Decimal(h) * (1 + Decimal(percent) / 100)


# --- budget document -------------------------------------------------------------------

def load_budget():
    with open(STORE / "budgets" / f"{BUDGET_ID}.json", encoding="utf-8") as f:
        return json.load(f)


def table(budget, table_id):
    for t in budget["tables"]:
        if t["id"] == table_id:
            return t
    raise KeyError(table_id)


def walk_rows(rows):
    for row in rows:
        yield row
        yield from walk_rows(row.get("rows", []))


def find_row(t, row_id):
    for row in walk_rows(t["rows"]):
        if row["id"] == row_id:
            return row
    raise KeyError(f"{t['id']}/{row_id}")


def fte_row_for(fte_table, cost_row):
    """Table 8's row for a Table 3 row: same id, else the one naming the same committee."""
    for row in fte_table["rows"]:
        if row["id"] == cost_row["id"]:
            return row
    committee = cost_row.get("committee")
    matches = [r for r in fte_table["rows"] if committee and r.get("committee") == committee]
    if len(matches) != 1:
        raise KeyError(f"no single Table 8 row for Table 3 row {cost_row['id']}")
    return matches[0]


def quarter_days(fte_row):
    """FTE x 220 / 4 per grade, in hundredths of a day, rounded to half days."""
    days = {}
    for column in ("grade-6", "grade-5", "grade-4", "grade-3", "grade-2", "grade-1"):
        fte = fte_row["values"].get(column)
        if fte is None or hundredths(fte) == 0:
            continue
        days[column] = round_to(Decimal(hundredths(fte)) * WORKING_DAYS_PER_YEAR / 4, 50)
    return days


def scale_days(days, percent):
    return {g: round_to(scale(d, percent), 50) for g, d in days.items()}


def days_json(days):
    return {g: json_amount(d) for g, d in days.items()}


# --- decisions -------------------------------------------------------------------------

def slug(text):
    out = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in text)
    return re.sub(r"-+", "-", out).strip("-")


def decision_id(at, by):
    stamp = datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ")
    return stamp.strftime("%Y%m%dt%H%M%Sz").lower() + "-" + slug(by)


SEAL_FIELDS = ("format", "id", "work_package", "decision", "by", "role", "at", "comment")
DECISION_FIELDS = SEAL_FIELDS + ("meeting", "seal")


def seal(decision):
    """As quorum_decision_compute_seal: `meeting` is sealed last, and only when present."""
    fields = SEAL_FIELDS + (("meeting",) if decision.get("meeting") is not None else ())
    canonical = b""
    for field in fields:
        value = decision.get(field)
        if value is None:
            canonical += b"-\n"
        else:
            data = value.encode("utf-8")
            canonical += str(len(data)).encode("ascii") + b":" + data + b"\n"
    return "sha256:" + hashlib.sha256(canonical).hexdigest()


class Meetings:
    """Hands out timestamps: each item at a meeting comes a few minutes after the last."""

    def __init__(self):
        self.next_item = {}

    def at(self, meeting):
        if datetime.date.fromisoformat(MEETINGS[meeting][:10]).weekday() != 3:
            raise ValueError(f"the Board meets on Thursdays, not {MEETINGS[meeting]}")
        start = datetime.datetime.strptime(MEETINGS[meeting], "%Y-%m-%dT%H:%M:%SZ")
        n = self.next_item.get(meeting, 0)
        self.next_item[meeting] = n + 1
        return (start + datetime.timedelta(minutes=ITEM_MINUTES * n)).strftime(
            "%Y-%m-%dT%H:%M:%SZ")


def make_decision(package_id, verdict, by, at, comment, meeting):
    d = {
        "format": "quorum.decision/1",
        "id": decision_id(at, by),
        "work_package": package_id,
        "decision": verdict,
        "by": by,
        "role": ROLE,
        "at": at,
    }
    if comment is not None:
        d["comment"] = comment
    d["meeting"] = meeting_id(meeting)
    d["seal"] = seal(d)
    return d


# --- Board meetings --------------------------------------------------------------------

def meeting_id(meeting):
    return f"{BOARD_COMMITTEE}-{MEETINGS[meeting][:10]}"


def utc(meeting):
    return datetime.datetime.strptime(MEETINGS[meeting], "%Y-%m-%dT%H:%M:%SZ")


def last_sunday(year, month):
    day = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() - 6) % 7)


def london(moment):
    """A naive UTC datetime as London local time: BST (UTC+1) from 01:00 UTC on the last
    Sunday of March to 01:00 UTC on the last Sunday of October, GMT otherwise."""
    one = datetime.time(1, 0)
    bst_from = datetime.datetime.combine(last_sunday(moment.year, 3), one)
    bst_to = datetime.datetime.combine(last_sunday(moment.year, 10), one)
    return moment + datetime.timedelta(hours=1 if bst_from <= moment < bst_to else 0)


def venue(date):
    return [v for since, v in VENUES if since <= date][-1]


def board_meetings(budget, packages, decisions):
    """The Board meetings at which DECISIONS were taken, as meeting files (dicts)."""
    by_id = {p["id"]: p for p in packages}
    keys = {meeting_id(m): m for m in MEETINGS}
    taken = {}
    for d in sorted(decisions, key=lambda d: (d["at"], d["id"])):
        taken.setdefault(d["meeting"], []).append(d)
    files = {}
    for mid, key in keys.items():
        items = []
        for n, d in enumerate(taken.get(mid, []), start=1):
            wp = by_id[d["work_package"]]
            ref = wp["budget_ref"]
            t = table(budget, ref["table"])
            items.append({
                "number": str(n),
                "title": wp["title"],
                "presenter": SECRETARIAT,
                "papers": [
                    {"title": wp["title"], "ref": {"work_package": wp["id"]}},
                    {"title": f"{t['title']}: {find_row(t, ref['row'])['label']}",
                     "ref": {"document": ref["document"], "table": ref["table"],
                             "row": ref["row"]}},
                ],
                "outcomes": [{"kind": OUTCOME_KINDS[d["decision"]],
                              "text": d.get("comment", NO_COMMENT)}],
            })
        if not items:
            raise SystemExit(f"no decision was taken at the {key} meeting")
        first = london(utc(key))
        last = london(utc(key)) + datetime.timedelta(minutes=ITEM_MINUTES * len(items))
        end = last + datetime.timedelta(minutes=-last.minute % 15)
        if first.strftime("%H:%M") < BOARD_OPENS or end.date() != first.date():
            raise SystemExit(f"the {key} meeting's decisions are not within its day")
        date = first.date().isoformat()
        files[mid] = {
            "format": "quorum.meeting/1",
            "id": mid,
            "committee": BOARD_COMMITTEE,
            "title": f"SECCo Board Meeting, {first.day} {first.strftime('%B %Y')}",
            "date": date,
            "start": BOARD_OPENS,
            "end": end.strftime("%H:%M"),
            "venue": venue(date),
            "status": "held",
            "minutes": "final",
            "note": MEETING_NOTE,
            "attendance":
                [{"name": CHAIR, "category": "SECCo Board Chair", "role": "member",
                  "presence": "present"}]
                + [{"name": m, "category": "SECCo Board", "role": "member",
                    "presence": "present"} for m in MEMBERS]
                + [{"name": SECRETARIAT, "category": SECRETARIAT, "role": "secretariat",
                    "presence": "present"}],
            "items": items,
            # Written even when empty, as in the sample's other meeting files.
            "actions": [],
            "action_updates": [],
        }

    def item_of(meeting, package_id):
        for item in files[meeting_id(meeting)]["items"]:
            if item["papers"][0]["ref"]["work_package"] == package_id:
                return item["number"]
        raise SystemExit(f"{package_id} is not on the agenda of the {meeting} meeting")

    numbers = {}
    for (q, rid), follow in sorted(FOLLOW_UPS.items()):
        package_id = f"wp-{YEAR_ID}-q{q}-{rid}"
        asked = min((d for d in decisions if d["work_package"] == package_id),
                    key=lambda d: d["at"])
        raised = keys[asked["meeting"]]
        year = MEETINGS[raised][2:4]
        numbers[year] = numbers.get(year, 0) + 1
        ref = f"SECCOB{year}/{numbers[year]:02d}"
        files[asked["meeting"]]["actions"].append({
            "ref": ref,
            "item": item_of(raised, package_id),
            "owner": SECRETARIAT,
            "text": follow["text"],
            "due": MEETINGS[follow["closed_at"]][:10],
            "status": "open",
        })
        answer = follow.get("answered_by", package_id)
        files[meeting_id(follow["closed_at"])]["action_updates"].append({
            "ref": ref,
            "status": "closed",
            "text": follow["update"].format(item=item_of(follow["closed_at"], answer)),
        })
    return [files[mid] for mid in sorted(files)]


def long_date(meeting):
    d = datetime.date.fromisoformat(MEETINGS[meeting][:10])
    return f"{d.day} {d.strftime('%B %Y')}"


# --- the packages ----------------------------------------------------------------------

def build(budget):
    costs = table(budget, COST_TABLE)
    ftes = table(budget, FTE_TABLE)
    projects = table(budget, PROJECT_TABLE)
    meetings = Meetings()
    packages, decisions = [], []
    routine = 0
    fills = {
        "contingency": CONTINGENCY["id"],
        "ssc_deferred": long_date("q1"),
        "tag_rejected": long_date("q2"),
        "privacy_deferred": long_date("q2"),
    }

    # Decisions are taken meeting by meeting, rows in Table 3 order, so build per quarter.
    for q in (1, 2, 3, 4):
        start, end, months = QUARTERS[q]
        for row in costs["rows"]:
            rid = row["id"]
            total = hundredths(row["values"]["total"])
            estimate = round_to(Decimal(total) * Decimal(ESTIMATE_FACTORS[rid][q - 1]) / 4, 100)
            days = quarter_days(fte_row_for(ftes, row))
            note = QUARTER_NOTES.get((rid, q))
            description = DESCRIPTIONS[rid] + (" " + note.format(**fills) if note else "")
            wp = {
                "format": "quorum.work-package/1",
                "id": f"wp-{YEAR_ID}-q{q}-{rid}",
                "kind": "quarterly",
                "quarter": f"{YEAR} Q{q}",
                "title": f"{TITLES[rid]}, {months}",
            }
            if row.get("committee"):
                wp["committee"] = row["committee"]
            wp["service_area"] = row["service_area"]
            wp["budget_ref"] = {"document": BUDGET_ID, "table": COST_TABLE, "row": rid}
            wp["description"] = description + " " + FOOTER
            wp["start"], wp["end"] = start, end
            wp["estimate"] = {"cost": json_amount(estimate), "days": days_json(days)}
            if q in REPORTED:
                variance = OUTTURN_VARIANCE[rid][q - 1]
                wp["actual"] = {
                    "cost": json_amount(round_to(scale(estimate, variance), 50)),
                    "days": days_json(scale_days(days, variance)),
                    "reported": REPORTED[q],
                }
            wp["status"] = STATUS[q]
            packages.append(wp)

            if q == 4 and rid in Q4_AWAITING:
                continue
            history = SPECIAL_DECISIONS.get((q, rid))
            if history is None:
                history = [(f"q{q}", "approve", CHAIR, ROUTINE_COMMENTS[routine % 6])]
                routine += 1
            for meeting, verdict, by, comment in history:
                decisions.append(make_decision(wp["id"], verdict, by, meetings.at(meeting),
                                               comment, meeting))

    for brief in PROJECT_BRIEFS:
        line = find_row(projects, brief["row"])
        provision = hundredths(line["values"][PROJECT_COLUMN])
        estimate = int(Decimal(provision) * Decimal(brief["share"]) / 5000) * 5000
        days = {g: d * 100 for g, d in brief["days"].items()}
        start_q = brief["quarter"]
        wp = {
            "format": "quorum.work-package/1",
            "id": brief["id"],
            "kind": "project-brief",
            "quarter": f"{YEAR} Q{start_q}",
            "title": brief["title"],
            "committee": brief["committee"],
            "service_area": brief["service_area"],
            "budget_ref": {"document": BUDGET_ID, "table": PROJECT_TABLE, "row": brief["row"]},
            "description": brief["description"] + " " + FOOTER,
            "start": brief["start"],
            "end": brief["end"],
            "estimate": {"cost": json_amount(estimate), "days": days_json(days)},
        }
        if "actual_variance" in brief:
            wp["actual"] = {
                "cost": json_amount(round_to(scale(estimate, brief["actual_variance"]), 50)),
                "days": days_json(scale_days(days, brief["actual_variance"])),
                "reported": brief["reported"],
            }
        wp["status"] = brief["status"]
        packages.append(wp)
        for meeting, verdict, by, comment in brief["decisions"]:
            decisions.append(make_decision(wp["id"], verdict, by, meetings.at(meeting), comment,
                                           meeting))

    # Contingency drawdown: OPSG's out-turn to date + approved Q4 estimate - provision.
    rid = CONTINGENCY["row"]
    cost_row = find_row(costs, rid)
    total = hundredths(cost_row["values"]["total"])
    spent = sum(hundredths(p["actual"]["cost"]) for p in packages
                if p["kind"] == "quarterly" and p["budget_ref"]["row"] == rid and "actual" in p)
    q4 = next(p for p in packages if p["id"] == f"wp-{YEAR_ID}-q4-{rid}")
    opsg_projection = spent + hundredths(q4["estimate"]["cost"]) - total
    if opsg_projection <= 0:
        raise SystemExit(f"the story needs {rid} over provision, but it is not")
    drawdown = int((Decimal(opsg_projection) / 100000).to_integral_value(ROUND_CEILING)) * 100000
    contingency = hundredths(find_row(table(budget, PROJECTION_TABLE), "contingency")
                             ["values"][PROJECT_COLUMN])
    assert drawdown <= contingency
    wp = {
        "format": "quorum.work-package/1",
        "id": CONTINGENCY["id"],
        "kind": "contingency-drawdown",
        "quarter": f"{YEAR} Q{CONTINGENCY['quarter']}",
        "title": CONTINGENCY["title"],
        "committee": cost_row["committee"],
        "service_area": cost_row["service_area"],
        "budget_ref": {"document": BUDGET_ID, "table": PROJECTION_TABLE, "row": "contingency"},
        "description": CONTINGENCY["description"] + " " + FOOTER,
        "start": CONTINGENCY["start"],
        "end": CONTINGENCY["end"],
        "estimate": {"cost": json_amount(drawdown)},
        "status": CONTINGENCY["status"],
    }
    packages.append(wp)
    for meeting, verdict, by, comment in CONTINGENCY["decisions"]:
        decisions.append(make_decision(wp["id"], verdict, by, meetings.at(meeting), comment,
                                           meeting))

    return packages, decisions


def write_json(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def generate():
    budget = load_budget()
    packages, decisions = build(budget)
    meetings = board_meetings(budget, packages, decisions)
    for folder in ("work-packages", "decisions"):
        shutil.rmtree(STORE / folder, ignore_errors=True)
    for path in (STORE / "meetings").glob(f"{BOARD_COMMITTEE}-*.json"):
        path.unlink()
    for wp in packages:
        write_json(STORE / "work-packages" / f"{wp['id']}.json", wp)
    for d in decisions:
        write_json(STORE / "decisions" / d["work_package"] / f"{d['id']}.json", d)
    for m in meetings:
        write_json(STORE / "meetings" / f"{m['id']}.json", m)
    print(f"wrote {len(packages)} work packages, {len(decisions)} decisions and "
          f"{len(meetings)} Board meetings")


# --- check what is on disk -------------------------------------------------------------

def check():
    """Reads the files back and checks them; prints a summary. Returns 0 when all is well."""
    errors = []
    budget = load_budget()
    costs = table(budget, COST_TABLE)
    projects = table(budget, PROJECT_TABLE)
    committees = {c["id"] for c in
                  json.loads((STORE / "committees.json").read_text("utf-8"))["committees"]}

    def amounts(obj, where):
        if isinstance(obj, dict):
            for k, v in obj.items():
                amounts(v, f"{where}.{k}")
        elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
            try:
                hundredths(obj)
            except ValueError:
                errors.append(f"{where}: {obj} has more than two decimals")

    def load(path):
        text = path.read_text("utf-8")
        if not text.endswith("}\n"):
            errors.append(f"{path}: no trailing newline")
        return json.loads(text)

    packages = {}
    for path in sorted((STORE / "work-packages").glob("*.json")):
        wp = load(path)
        if wp.get("id") != path.stem or not ID_RE.match(path.stem):
            errors.append(f"{path}: bad id {wp.get('id')!r}")
        if wp.get("format") != "quorum.work-package/1":
            errors.append(f"{path}: format")
        if not wp.get("description", "").endswith(FOOTER):
            errors.append(f"{path}: description lacks the footer")
        if "committee" in wp and wp["committee"] not in committees:
            errors.append(f"{path}: unknown committee {wp['committee']}")
        if wp["start"] > wp["end"]:
            errors.append(f"{path}: end before start")
        amounts(wp.get("estimate"), f"{path.name}:$.estimate")
        amounts(wp.get("actual", {}), f"{path.name}:$.actual")
        ref = wp["budget_ref"]
        try:
            find_row(table(budget, ref["table"]), ref["row"])
        except KeyError as e:
            errors.append(f"{path}: budget_ref {e}")
        packages[wp["id"]] = wp

    latest = {}
    history = {}
    folder = STORE / "decisions"
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if sub.name not in packages:
            errors.append(f"{sub}: no such work package")
        for path in sorted(sub.glob("*.json")):
            d = load(path)
            if list(d) != [f for f in DECISION_FIELDS if f in d]:
                errors.append(f"{path}: field order {list(d)}")
            if d.get("id") != path.stem or not ID_RE.match(path.stem):
                errors.append(f"{path}: bad id")
            if d["id"] != decision_id(d["at"], d["by"]):
                errors.append(f"{path}: id does not follow at and by")
            if d["work_package"] != sub.name:
                errors.append(f"{path}: work_package {d['work_package']} in {sub.name}/")
            if d["decision"] not in ("approve", "reject", "defer"):
                errors.append(f"{path}: decision {d['decision']}")
            if d.get("seal") != seal(d):
                errors.append(f"{path}: seal does not match")
            history.setdefault(sub.name, []).append(d)
    for wp_id, ds in history.items():
        ds.sort(key=lambda d: (d["at"], d["id"]))
        latest[wp_id] = ds[-1]["decision"]
    check_meetings(errors, budget, packages, history, load)

    def outcome(wp_id):
        return latest.get(wp_id)

    # Quarterly packages: estimates against Table 3, commitments.
    print(f"{'Table 3 row':<18}{'annual total':>14}{'estimates':>14}{'est/total':>10}"
          f"{'actuals Q1-3':>14}{'approved+spent':>16}{'headroom':>14}  ")
    over = []
    for row in costs["rows"]:
        rid = row["id"]
        total = hundredths(row["values"]["total"])
        mine = [packages.get(f"wp-{YEAR_ID}-q{q}-{rid}") for q in (1, 2, 3, 4)]
        if None in mine:
            errors.append(f"{rid}: a quarter is missing")
            continue
        est = sum(hundredths(p["estimate"]["cost"]) for p in mine)
        act = sum(hundredths(p["actual"]["cost"]) for p in mine if "actual" in p)
        # Commitment of an approved package: its out-turn when reported, else its estimate.
        committed = sum(hundredths(p["actual"]["cost"]) if "actual" in p
                        else hundredths(p["estimate"]["cost"])
                        for p in mine if outcome(p["id"]) == "approve")
        ratio = Decimal(est) / total
        if not Decimal("0.97") <= ratio <= Decimal("1.03"):
            errors.append(f"{rid}: estimates are {ratio:.4f} of the total")
        for p in mine:
            if "actual" in p:
                v = Decimal(hundredths(p["actual"]["cost"])) / hundredths(p["estimate"]["cost"])
                if not Decimal("0.92") <= v <= Decimal("1.12"):
                    errors.append(f"{p['id']}: out-turn {v:.4f} of estimate")
        projected = act + hundredths(mine[3]["estimate"]["cost"])
        if rid != CONTINGENCY["row"] and projected > total:
            errors.append(f"{rid}: out-turn to date plus Q4 estimate exceeds the provision")
        flag = "OVER" if committed > total else ""
        if committed > total:
            over.append(rid)
        print(f"{rid:<18}{json_amount(total):>14,}{json_amount(est):>14,}{float(ratio):>10.4f}"
              f"{json_amount(act):>14,}{json_amount(committed):>16,}"
              f"{json_amount(total - committed):>14,}  {flag}")
    overspends = [p["id"] for p in packages.values() if "actual" in p and
                  hundredths(p["actual"]["cost"]) * 10 > hundredths(p["estimate"]["cost"]) * 11]
    print(f"\nlines over provision: {', '.join(over) or 'none'}")
    print(f"packages more than 10% over estimate: {', '.join(overspends)}")
    if len(over) < 1 or len(overspends) < 2:
        errors.append("the story needs a line over provision and two overspends above 10%")

    released = []
    for wp in packages.values():
        if wp["kind"] != "project-brief":
            continue
        line = find_row(projects, wp["budget_ref"]["row"])
        column = wp["quarter"][:7].replace("/", "-") + "-approved"
        if hundredths(wp["estimate"]["cost"]) >= hundredths(line["values"][column]):
            errors.append(f"{wp['id']}: estimate not below the provision")
        if outcome(wp["id"]) == "approve":
            released.append(f"{line['id']} {wp['quarter'][:7]} "
                            f"(GBP {line['values'][column]:,}, brief {wp['id']})")
    print("project provisions released:", "; ".join(released) or "none")
    unreleased = [r["id"] for r in walk_rows(projects["rows"]) if "rows" not in r
                  and r["values"].get(PROJECT_COLUMN)
                  and not any(p["budget_ref"]["row"] == r["id"] and outcome(p["id"]) == "approve"
                              for p in packages.values() if p["kind"] == "project-brief")]
    print(f"project provisions for {YEAR} with no approved brief: {len(unreleased)}")

    awaiting = [wp_id for wp_id in packages if outcome(wp_id) in (None, "defer")]
    print("awaiting a decision:")
    for wp_id in awaiting:
        ds = history.get(wp_id, [])
        print(f"  {wp_id}" + (f"  (latest: defer {ds[-1]['at'][:10]})" if ds else ""))
    print(f"\n{len(packages)} work packages, {sum(len(v) for v in history.values())} decisions")

    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


def check_meetings(errors, budget, packages, history, load):
    """The Board meetings on disk: the format's rules, each decision taken within its
    meeting, and each file exactly what the generator writes from the packages and
    decisions on disk."""
    folder = STORE / "meetings"
    on_disk = {p.stem: load(p) for p in sorted(folder.glob(f"{BOARD_COMMITTEE}-*.json"))}
    decisions = [d for ds in history.values() for d in ds]
    for d in decisions:
        m = on_disk.get(d.get("meeting"))
        if m is None:
            errors.append(f"decision {d['id']}: no Board meeting {d.get('meeting')!r}")
            continue
        local = london(datetime.datetime.strptime(d["at"], "%Y-%m-%dT%H:%M:%SZ"))
        if local.date().isoformat() != m["date"] or \
                not m["start"] <= local.strftime("%H:%M") <= m["end"]:
            errors.append(f"decision {d['id']}: taken outside meeting {m['id']}")
    expected = {m["id"]: m for m in board_meetings(budget, list(packages.values()), decisions)}
    for mid in sorted(set(on_disk) | set(expected)):
        if on_disk.get(mid) != expected.get(mid):
            errors.append(f"meetings/{mid}.json: not what the generator writes "
                          "(run build-aux/generate-sample-work-packages.py)")
        elif MEETING_NOTE not in on_disk[mid].get("note", ""):
            errors.append(f"meetings/{mid}.json: the note does not say it is illustrative")
    rules = subprocess.run([sys.executable, str(ROOT / "build-aux" / "check-meetings-sample.py"),
                            str(STORE)], capture_output=True, text=True, check=False)
    if rules.returncode != 0:
        errors.append("build-aux/check-meetings-sample.py:\n" + rules.stderr + rules.stdout)
    actions = sum(len(m.get("actions", [])) for m in on_disk.values())
    print(f"Board meetings: {len(on_disk)}, "
          f"{sum(len(m['items']) for m in on_disk.values())} agenda items, {actions} actions")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files on disk")
    args = parser.parse_args()
    if not args.check:
        generate()
    return check()


if __name__ == "__main__":
    sys.exit(main())
