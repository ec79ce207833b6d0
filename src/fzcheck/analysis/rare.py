"""Signs that rarely stand in a report, looked for in one scan of the whole text: another
genre's marks (the genre's ``text`` and ``line_start`` signs: a dateline, 各位代表, a 解读's
questions) and text addressed to a model (``instructions`` checks). In most reports none of them
stands, and one scan of them joined says so for all; where it finds something, each is searched
for on its own as before. Each search of the whole text costs about as much as the rest of a
part's analysis, so one scan instead of several is worth having.

Exact: the joined pattern is searched in the text behind one more newline (where the line-start
signs are searched) with MULTILINE, so it matches wherever any of its patterns would in its own
search. Patterns for which that might not hold — one that looks behind its start, anchors at the
text's very start, looks ahead negatively or commits (an atomic group, a possessive repeat: a
``^`` or ``$`` in it reads differently with MULTILINE), refers back to a group or sets flags for
the whole pattern — leave the scan out (None)."""

from __future__ import annotations

import re
from functools import lru_cache

from fzcheck.analysis.checks import InstructionsSpec
from fzcheck.analysis.genre import line_start
from fzcheck.analysis.patterns import REFERS, sets_flags
from fzcheck.document import Document
from fzcheck.fast_patterns import fast
from fzcheck.rubric.model import Rubric

# \A; a look-behind; a negative look-ahead; an atomic group or possessive repeat (it may commit to
# a ^ that MULTILINE lets match and so miss the match it would have found); a flag turned off for
# a group, (?-m:^) among them
_UNSAFE = re.compile(r"\\A|\(\?<[=!]|\(\?!|\(\?>|[*+?}]\+|\(\?[aiLmsux]*-")


def rare_patterns(rubric: Rubric) -> tuple[str, ...]:
    """The rubric's rare signs, each as it is searched in the text behind one more newline."""
    signs = rubric.report_genre.other_genres
    return (
        *(s.pattern for s in signs if s.where == "text"),
        *(line_start(s.pattern) for s in signs if s.where == "line_start"),
        *(s.pattern for s in rubric.document_checks if isinstance(s, InstructionsSpec)),
    )


@lru_cache(maxsize=64)
def joined_scan(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern that matches wherever any of ``patterns`` matches; None when that cannot be
    promised (see the module's note) or there is nothing to look for."""
    if not patterns or any(
        _UNSAFE.search(p) or REFERS.search(p) or sets_flags(p) for p in patterns
    ):
        return None
    try:
        # top-level alternation is associative: each pattern's branches stay branches
        return fast("|".join(patterns), re.MULTILINE)
    except re.error:  # two patterns naming a group alike
        return None


def rare_signs_absent(doc: Document, rubric: Rubric) -> bool:
    """True when none of the rubric's rare signs stands anywhere in ``doc``: the genre check and
    the instructions check need not look for them one by one. False when one may stand."""
    scan = joined_scan(rare_patterns(rubric))
    return scan is not None and scan.search(f"\n{doc.analysis_text}") is None
