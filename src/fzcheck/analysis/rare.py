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
    scans = tuple(joined_across(g) for g in groups if g)
    return None if not scans or None in scans else cast(tuple[re.Pattern[str], ...], scans)


def rare_signs_absent(doc: Document, rubric: Rubric) -> bool:
    """True when none of the rubric's rare signs stands anywhere in ``doc``: the genre check and
    the instructions check need not look for them one by one. False when one may stand."""
    scans = rare_scans(rubric)
    lined = f"\n{doc.analysis_text}"
    return scans is not None and all(scan.search(lined) is None for scan in scans)
