"""Regular expressions as rubrics write them: validated on load, filled with the report's year.

A pattern may name ``{report_year}`` and ``{next_year}``; a pattern that needs a year the report
does not state is skipped rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Protocol

from pydantic import AfterValidator, Field

from fzcheck.fast_patterns import GLOBAL_FLAGS, cached, fast
from fzcheck.narrowed import narrowed
from fzcheck.render.i18n import t
from fzcheck.stdlib_re import constants, parser

PLACEHOLDERS = ("report_year", "next_year")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _check_regex(value: str) -> str:
    unknown = sorted({m.group(1) for m in _PLACEHOLDER.finditer(value)} - set(PLACEHOLDERS))
    if unknown:
        raise ValueError(t("rubric.check.placeholder", name=unknown[0]))
    filled = value.replace("{report_year}", "2000").replace("{next_year}", "2001")
    try:
        re.compile(filled)
    except re.error as err:
        raise ValueError(t("rubric.check.regex", problem=err)) from None
    if _nested_repeat(parser.parse(filled)):
        raise ValueError(t("rubric.check.nested_repeat"))
    return value


def _nested_repeat(parsed: Any, inside: bool = False) -> bool:
    """Whether an unbounded repeat stands inside another (catastrophic backtracking: a rubric
    with (.+)+法治 hung every check on the first report it was tried on)."""
    for op, arg in parsed:
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            unbounded = arg[1] == constants.MAXREPEAT
            inner = [arg[2]]
            if unbounded and inside:
                return True
        elif op == constants.BRANCH:
            unbounded, inner = False, list(arg[1])
        elif op in (constants.SUBPATTERN, constants.ASSERT, constants.ASSERT_NOT):
            unbounded, inner = False, [arg[-1]]  # the group's or the look-around's pattern
        else:
            continue
        if any(_nested_repeat(sub, inside or unbounded) for sub in inner):
            return True
    return False


Regex = Annotated[str, Field(min_length=1), AfterValidator(_check_regex)]


def fill(pattern: str, report_year: int | None) -> str | None:
    """``pattern`` with its year placeholders filled; None when it needs a year the report
    does not state."""
    if "{" in pattern and _PLACEHOLDER.search(pattern):
        if report_year is None:
            return None
        pattern = pattern.replace("{report_year}", str(report_year)).replace(
            "{next_year}", str(report_year + 1)
        )
    return pattern


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str, report_year: int | None = None) -> re.Pattern[str] | None:
    """The compiled pattern with its year placeholders filled; None when it needs a year the
    report does not state. Compiled once, with a look-ahead on the characters a match can
    start with (see :func:`fast`)."""
    filled = fill(pattern, report_year)
    return None if filled is None else fast(filled)


def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A rubric pattern without year placeholders, compiled once (see :func:`fast`)."""
    return cached(pattern, flags)


def hits_outside(pattern: str, not_in: str | None, text: str) -> tuple[list[str], list[str]]:
    """``pattern``'s matches in ``text`` that lie inside no match of ``not_in`` (将认真查找原因:
    a promise holding the word 原因), and the ``not_in`` matches that held one."""
    if not_in is None:
        return narrowed(pattern).within(text).findall(text), []
    spans = list(narrowed(not_in).within(text).finditer(text))
    hits, held = [], []
    for m in narrowed(pattern).within(text).finditer(text):
        inside = next((x for x in spans if x.start() <= m.start() and m.end() <= x.end()), None)
        if inside is None:
            hits.append(m.group(0))
        else:
            held.append(inside.group(0))
    return hits, held


class Finder(Protocol):
    """What a joined set of patterns is searched with (a compiled pattern is one)."""

    def search(self, string: str, /) -> re.Match[str] | None: ...


@dataclass(frozen=True)
class _EachOf:
    """Patterns that cannot be joined into one, tried in turn."""

    compiled: tuple[re.Pattern[str], ...]

    def search(self, string: str, /) -> re.Match[str] | None:
        return next((m for c in self.compiled if (m := c.search(string))), None)


_REFERS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # a back-reference or conditional group
# A pattern that looks beyond its own match (\A, \Z), that cannot give back what it took (an
# atomic group, a possessive repeat), or that turns a flag off for a group (a (?-m:^) matches
# only where the searched text starts), may match differently when it is searched in a longer
# text (lines joined, the text behind one more newline) with MULTILINE; so may one with a
# look-around that can see past its line (:func:`_looks_past_line`).
_BEYOND_MATCH = re.compile(r"\\[AZ]|\(\?>|[*+?}]\+|\(\?[aiLmsux]*-")
_LOOK_AROUND = re.compile(r"\(\?<?[=!]")


@lru_cache(maxsize=1024)
def _looks_past_line(pattern: str) -> bool:
    """Whether a look-around in ``pattern`` may see past the line it is searched in: what it
    looks for may hold a newline, an anchor or a reference. One that cannot (副.. after 书记, a
    year's digits before 年) fails at a newline as it fails at the text's edge, so in lines
    joined by newlines it decides each match as in its line alone."""
    if not _LOOK_AROUND.search(pattern):
        return False
    try:
        parsed = parser.parse(pattern)
    except re.error:
        return True
    return _looks_past(parsed.data, bool(parsed.state.flags & re.DOTALL))


def _looks_past(items: Any, dotall: bool) -> bool:
    for op, av in items:
        if op in (constants.ASSERT, constants.ASSERT_NOT):
            if _may_take_newline(av[1].data, dotall):
                return True
        elif op is constants.SUBPATTERN:
            if _looks_past(av[3].data, _dotall(dotall, av[1], av[2])):
                return True
        elif op is constants.BRANCH:
            if any(_looks_past(b.data, dotall) for b in av[1]):
                return True
        elif op in _REPEATS:
            if _looks_past(av[2].data, dotall):
                return True
        elif op is constants.ATOMIC_GROUP and _looks_past(av.data, dotall):
            return True
    return False


def _may_take_newline(items: Any, dotall: bool) -> bool:
    """Whether ``items`` may match a newline, or hold what a line's edge decides (an anchor, a
    reference, anything not read here)."""
    for op, av in items:
        if op is constants.LITERAL:
            taken = av == _NEWLINE
        elif op is constants.NOT_LITERAL:
            taken = av != _NEWLINE
        elif op is constants.ANY:
            taken = dotall
        elif op is constants.IN:
            taken = _class_takes_newline(av)
        elif op is constants.SUBPATTERN:
            taken = _may_take_newline(av[3].data, _dotall(dotall, av[1], av[2]))
        elif op is constants.BRANCH:
            taken = any(_may_take_newline(b.data, dotall) for b in av[1])
        elif op in _REPEATS:
            taken = _may_take_newline(av[2].data, dotall)
        elif op in (constants.ASSERT, constants.ASSERT_NOT):
            taken = _may_take_newline(av[1].data, dotall)
        else:  # an anchor, a back-reference, an atomic group…
            taken = True
        if taken:
            return True
    return False


def _class_takes_newline(items: Any) -> bool:
    negated = bool(items) and items[0][0] is constants.NEGATE
    held = False
    for op, av in items[1:] if negated else items:
        if op is constants.LITERAL:
            held |= av == _NEWLINE
        elif op is constants.RANGE:
            held |= av[0] <= _NEWLINE <= av[1]
        elif op is constants.CATEGORY:
            held |= av not in _NO_NEWLINE_CATEGORIES
        else:
            return True
    return held != negated


def _dotall(dotall: bool, add: int, remove: int) -> bool:
    return bool(add & re.DOTALL) or (dotall and not remove & re.DOTALL)


_NEWLINE = ord("\n")
_REPEATS = (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT)
_NO_NEWLINE_CATEGORIES = (
    constants.CATEGORY_NOT_SPACE,
    constants.CATEGORY_DIGIT,
    constants.CATEGORY_WORD,
    constants.CATEGORY_UNI_NOT_SPACE,
    constants.CATEGORY_UNI_DIGIT,
    constants.CATEGORY_UNI_WORD,
    constants.CATEGORY_UNI_NOT_LINEBREAK,
)


@lru_cache(maxsize=1024)
def sets_flags(pattern: str) -> bool:
    """Whether ``pattern`` sets a flag for the whole pattern — (?i) first, or after a comment,
    (?#…)(?x) — which, joined to others, would reach every pattern joined to it."""
    if GLOBAL_FLAGS.match(pattern):
        return True
    try:
        return re.compile(pattern).flags != re.UNICODE
    except re.error:
        return True


@lru_cache(maxsize=1024)
def any_of(
    patterns: tuple[str, ...], report_year: int | None = None, flags: int = 0
) -> Finder | None:
    """What finds a match of any of ``patterns`` in one scan, where trying each costs a scan
    per pattern (use it to learn whether, not which: the first match may be another
    pattern's). None when none applies (each needs a year the report does not state).
    Patterns that cannot be joined (a back-reference, a group name used twice, a flag of their
    own) are tried in turn."""
    filled = [f for p in patterns if (f := fill(p, report_year)) is not None]
    if not filled:
        return None
    # a back-reference counts groups, and a leading (?i) would reach every pattern joined to it
    if not any(_REFERS.search(p) or sets_flags(p) for p in filled):
        try:
            # top-level alternation is associative: joined bare, branches that start with a
            # literal stay visible to the engine's skip
            return fast("|".join(filled), flags)
        except re.error:
            pass
    return _EachOf(tuple(fast(p, flags) for p in filled))


@lru_cache(maxsize=256)
def joined_across(
    patterns: tuple[str, ...], report_year: int | None = None
) -> re.Pattern[str] | None:
    """``patterns`` joined into one pattern, with MULTILINE, that matches in a longer text (many
    lines joined, or the text behind one more newline) wherever any of them matches in a part
    of it searched alone; None when that cannot be promised (see _BEYOND_MATCH and
    _looks_past_line; a pattern that
    needs a year the report does not state; patterns any_of cannot join)."""
    filled = [fill(p, report_year) for p in patterns]
    if not patterns or any(
        f is None or _BEYOND_MATCH.search(f) or _looks_past_line(f) for f in filled
    ):
        return None
    joined = any_of(patterns, report_year, re.MULTILINE)
    return joined if isinstance(joined, re.Pattern) else None


def first_match(
    patterns: Iterable[str],
    text: str,
    year: int | None = None,
    pos: int = 0,
    keep: Callable[[re.Match[str]], bool] | None = None,
) -> re.Match[str] | None:
    """The first match of any of ``patterns`` in ``text`` from ``pos``; with ``keep``, the
    first pattern's whose match ``keep`` accepts."""
    for p in patterns:
        rx = compile_pattern(p, year)
        if rx is not None and (m := rx.search(text, pos)) and (keep is None or keep(m)):
            return m
    return None


def after_in_order(name: str, text: str) -> str | None:
    """What of ``text`` follows ``name``'s characters found in it in order (a unit's name
    shortened: 卫健委 in 卫生健康委员会 leaves 员会), or None when they are not all in it."""
    rest = iter(text)
    return "".join(rest) if all(c in rest for c in name) else None


# A title in 《》, or the part of one a quote cut off at either end: the start of one running to
# the end, or (only at the start) the end of one. Two patterns, so that the first opens with a
# literal the engine skips to.
_BOOK_TITLE = re.compile(r"《[^《》]{1,60}(?:》|$)")
_TITLE_END = re.compile(r"[^《》]{1,60}》")


# A space between two ideographs: a glyph gap a PDF's text copy keeps (存在的不 足和原因, an EN
# space where the line was justified); Chinese sets none inside a heading's words.
_GLYPH_GAP = re.compile("(?<=[\u4e00-\u9fff])[ \u2002-\u2009](?=[\u4e00-\u9fff])")
# any such space, wherever it stands: one scan (a string search per space cost ten times more)
_GAP = re.compile("[ \u2002-\u2009]")


def heading_words(text: str) -> str:
    """A heading's ``text`` with a space between two ideographs closed up, to read its words
    by (the heading as written is what a quote shows)."""
    if _GAP.search(text) is None:
        return text  # most headings
    return _GLYPH_GAP.sub("", text)


def shortened(text: str, limit: int) -> str:
    """``text`` as a message quotes it: at most ``limit`` characters, …-ended if cut."""
    return text if len(text) <= limit else text[:limit] + "…"


def mask_titles(text: str) -> str:
    """``text`` with every 《…》 title blanked out, same length: citing a rule's title
    (《党政主要负责人履行推进法治建设第一责任人职责规定》) is not doing what the rule says."""
    if "《" not in text and "》" not in text:
        return text
    cut = _TITLE_END.match(text)
    head = cut.end() if cut else 0
    return "〇" * head + _BOOK_TITLE.sub(_blank, text[head:])


def _blank(m: re.Match[str]) -> str:
    return "〇" * len(m.group(0))
