"""Signs that rarely stand in a report, looked for in one scan of the whole text: another
genre's marks (the genre's ``text`` and ``line_start`` signs: a dateline, 各位代表, a 解读's
questions) and text addressed to a model (``instructions`` checks). In most reports none of them
stands, and one scan of them joined says so for all; where it finds something, each is searched
for on its own as before. Each search of the whole text costs about as much as the rest of a
part's analysis, so one scan instead of several is worth having.

Exact: the joined pattern is searched in the text behind one more newline (where the line-start
signs are searched) with MULTILINE, so it matches wherever any of its patterns would in its own
search: the join is :func:`fzcheck.analysis.patterns.joined_across`, the one the body cues are
searched over joined lines with, which refuses patterns for which that might not hold (a
look-around, ``\\A``, an atomic group or possessive repeat, a flag turned off for a group, a
back-reference, a flag for the whole pattern)."""

from __future__ import annotations

from fzcheck.analysis.checks import InstructionsSpec
from fzcheck.analysis.genre import line_start
from fzcheck.analysis.patterns import joined_across
from fzcheck.document import Document
from fzcheck.rubric.model import Rubric


def rare_patterns(rubric: Rubric) -> tuple[str, ...]:
    """The rubric's rare signs, each as it is searched in the text behind one more newline."""
    signs = rubric.report_genre.other_genres
    return (
        *(s.pattern for s in signs if s.where == "text"),
        *(line_start(s.pattern) for s in signs if s.where == "line_start"),
        *(s.pattern for s in rubric.document_checks if isinstance(s, InstructionsSpec)),
    )


def rare_signs_absent(doc: Document, rubric: Rubric) -> bool:
    """True when none of the rubric's rare signs stands anywhere in ``doc``: the genre check and
    the instructions check need not look for them one by one. False when one may stand."""
    scan = joined_across(rare_patterns(rubric))
    return scan is not None and scan.search(f"\n{doc.analysis_text}") is None
