"""Signs that rarely stand in a report, looked for in two scans of the whole text: another
genre's marks (the genre's ``text`` and ``line_start`` signs: a dateline, 各位代表, a 解读's
questions) and text addressed to a model (``instructions`` checks). In most reports none of them
stands, and the scans of them joined say so for all; where one finds something, each is searched
for on its own as before. Each search of the whole text costs about as much as the rest of a
part's analysis, so two scans instead of a dozen are worth having.

Exact: each joined pattern is searched in the text behind one more newline (where the line-start
signs are searched) with MULTILINE, so it matches wherever any of its patterns would in its own
search: the join is :func:`fzcheck.analysis.patterns.joined_across`, the one the body cues are
searched over joined lines with, which refuses patterns for which that might not hold (a
look-around, ``\\A``, an atomic group or possessive repeat, a flag turned off for a group, a
back-reference, a flag for the whole pattern)."""

from __future__ import annotations

import re
from typing import cast

from fzcheck.analysis.checks import InstructionsSpec
from fzcheck.analysis.genre import line_start
from fzcheck.analysis.patterns import joined_across
from fzcheck.document import Document
from fzcheck.fast_patterns import fast, split_top
from fzcheck.memo import per_object
from fzcheck.rubric.model import Rubric


def rare_patterns(rubric: Rubric) -> tuple[str, ...]:
    """The rubric's rare signs that may stand anywhere, each as it is searched in the text."""
    signs = rubric.report_genre.other_genres
    return (
        *(s.pattern for s in signs if s.where == "text"),
        *(s.pattern for s in rubric.document_checks if isinstance(s, InstructionsSpec)),
    )


@per_object
def rare_scans(rubric: Rubric) -> tuple[re.Pattern[str], ...] | None:
    """The scans that find any rare sign, in the text behind one more newline: the signs that
    open a line in one (after a newline: a literal the engine skips to, each newline passing
    their alternatives once), the rest in another. One scan for all stopped at each newline to
    try every alternative, a third of its time. None when a sign cannot be joined."""
    at_line = tuple(s.pattern for s in rubric.report_genre.other_genres if s.where == "line_start")
    groups = [rare_patterns(rubric)]
    if at_line:  # their alternatives after one newline and its white space, as each would
        groups.append((line_start("|".join(f"(?:{p})" for p in at_line)),))
    scans = tuple(_by_first_literal(g) for g in groups if g)
    return None if not scans or None in scans else cast(tuple[re.Pattern[str], ...], scans)


def _by_first_literal(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The joined scan of ``patterns`` (None when :func:`joined_across` refuses them), written
    as one branch per opening literal: 作(?:为…)|本(?:报讯|台讯)|… . The scan stops at each
    character a sign may open with (作, 中, 人, 不: common ones), and at each stop the engine tries
    its branches in turn; a branch that opens with a literal is passed over at the cost of one
    comparison, one that opens with a group ((?:忽略|无视)…, [(（]…) is entered. Each branch still
    matches where it did, so the scan finds something exactly where the joined one does (it is
    used to learn whether, not what)."""
    joined = joined_across(patterns)
    if joined is None:
        return None
    branches = [b for p in patterns for top in split_top(p) or [p] for b in _spread(top)]
    by_lead: dict[str, list[str]] = {}
    unled: list[str] = []
    for b in branches:
        lead = _lead(b)
        if lead is None:
            unled.append(b)
        else:
            by_lead.setdefault(lead, []).append(b[len(lead) :])
    led = [f"{lead}(?:{'|'.join(rests)})" for lead, rests in by_lead.items()]
    try:
        return fast("|".join([*led, *unled]), re.MULTILINE)
    except re.error:  # (a group name that spreading repeated)
        return joined


_META = set("\\.^$*+?()[]{}|")
_QUANTIFIERS = ("?", "*", "+", "{")


def _spread(branch: str) -> list[str]:
    """``branch`` as branches that match what it matches, each opening with a literal where it
    can: (?:忽略|无视)你 → 忽略你, 无视你 (groups inside groups too); [(（]记者 → \\(记者, （记者; an
    optional group's rest on its own as well ((?:工作)?情况 → 工作情况, 情况)."""
    if branch.startswith("(?:"):
        end = _group_end(branch)
        inner = branch[3:end] if end is not None else None
        alternatives = split_top(inner) if inner is not None else None
        if end is None or alternatives is None:
            return [branch]
        rest = branch[end + 1 :]
        optional = rest.startswith("?") and not rest.startswith(("??", "?+"))
        if optional:
            rest = rest[1:]
        elif rest.startswith(_QUANTIFIERS):
            return [branch]
        spread = [b for a in alternatives for b in _spread(a + rest)]
        return spread + _spread(rest) if optional else spread
    if branch.startswith("[") and not branch.startswith(("[^", "[]")):
        close = branch.find("]")
        inner = branch[1:close]
        rest = branch[close + 1 :]
        if close < 0 or any(c in inner for c in "\\-[") or rest.startswith(_QUANTIFIERS):
            return [branch]
        return [re.escape(c) + rest for c in inner]
    return [branch]


def _group_end(branch: str) -> int | None:
    """Where the group opening ``branch`` closes (its escapes and classes read past)."""
    depth, i, in_class = 0, 0, False
    while i < len(branch):
        c = branch[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if branch[i + 1 : i + 2] == "^" else 0
            i += 1 if branch[i + 1 : i + 2] == "]" else 0  # a ] first in a class is a literal
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _lead(branch: str) -> str | None:
    """The literal character ``branch`` opens with, as written (作, \\(), when nothing makes it
    optional or repeats it; None when it opens otherwise."""
    escaped = branch[:1] == "\\" and len(branch) > 1 and not branch[1].isalnum()
    lead = branch[:2] if escaped else branch[:1]
    if not lead or (not escaped and lead in _META):
        return None
    return None if branch[len(lead) :].startswith(_QUANTIFIERS) else lead


def rare_signs_absent(doc: Document, rubric: Rubric) -> bool:
    """True when none of the rubric's rare signs stands anywhere in ``doc``: the genre check and
    the instructions check need not look for them one by one. False when one may stand."""
    scans = rare_scans(rubric)
    lined = f"\n{doc.analysis_text}"
    return scans is not None and all(scan.search(lined) is None for scan in scans)
