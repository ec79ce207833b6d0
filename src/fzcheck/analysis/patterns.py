"""Regular expressions as rubrics write them: validated on load, filled with the report's year.

A pattern may name ``{report_year}`` and ``{next_year}``; a pattern that needs a year the report
does not state is skipped rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Protocol

from pydantic import AfterValidator, Field

from fzcheck.fast_patterns import GLOBAL_FLAGS, cached, fast

PLACEHOLDERS = ("report_year", "next_year")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _check_regex(value: str) -> str:
    unknown = sorted({m.group(1) for m in _PLACEHOLDER.finditer(value)} - set(PLACEHOLDERS))
    if unknown:
        raise ValueError(
            f"unknown placeholder {{{unknown[0]}}}; only {{report_year}} and "
            "{next_year} are filled in"
        )
    try:
        re.compile(value.replace("{report_year}", "2000").replace("{next_year}", "2001"))
    except re.error as err:
        raise ValueError(f"not a valid regular expression: {err}") from None
    return value


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
# A pattern that looks beyond its own match (\A, \Z, a look-around), that cannot give back what
# it took (an atomic group, a possessive repeat), or that turns a flag off for a group (a
# (?-m:^) matches only where the searched text starts), may match differently when it is
# searched in a longer text (lines joined, the text behind one more newline) with MULTILINE.
_BEYOND_MATCH = re.compile(r"\\[AZ]|\(\?<?[=!]|\(\?>|[*+?}]\+|\(\?[aiLmsux]*-")


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
    of it searched alone; None when that cannot be promised (see _BEYOND_MATCH; a pattern that
    needs a year the report does not state; patterns any_of cannot join)."""
    filled = [fill(p, report_year) for p in patterns]
    if not patterns or any(f is None or _BEYOND_MATCH.search(f) for f in filled):
        return None
    joined = any_of(patterns, report_year, re.MULTILINE)
    return joined if isinstance(joined, re.Pattern) else None


def first_match(patterns: list[str], text: str, year: int | None = None) -> re.Match[str] | None:
    """The first match of any of ``patterns`` in ``text``."""
    for p in patterns:
        rx = compile_pattern(p, year)
        if rx is not None and (m := rx.search(text)):
            return m
    return None


# A title in 《》, or the part of one a quote cut off at either end: the start of one running to
# the end, or (only at the start) the end of one. Two patterns, so that the first opens with a
# literal the engine skips to.
_BOOK_TITLE = re.compile(r"《[^《》]{1,60}(?:》|$)")
_TITLE_END = re.compile(r"[^《》]{1,60}》")


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
