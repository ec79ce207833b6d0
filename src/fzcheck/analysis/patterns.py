"""Regular expressions as rubrics write them: validated on load, filled with the report's year.

A pattern may name ``{report_year}`` and ``{next_year}``; a pattern that needs a year the report
does not state is skipped rather than guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator, Field

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


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str, report_year: int | None = None) -> re.Pattern[str] | None:
    """The compiled pattern with its year placeholders filled; None when it needs a year the
    report does not state."""
    if "{" in pattern and _PLACEHOLDER.search(pattern):
        if report_year is None:
            return None
        pattern = pattern.replace("{report_year}", str(report_year)).replace(
            "{next_year}", str(report_year + 1)
        )
    return re.compile(pattern)


def first_match(patterns: list[str], text: str, year: int | None = None) -> re.Match[str] | None:
    """The first match of any of ``patterns`` in ``text``."""
    for p in patterns:
        rx = compile_pattern(p, year)
        if rx is not None and (m := rx.search(text)):
            return m
    return None


# A title in 《》, or the part of one a quote cut off at either end.
_BOOK_TITLE = re.compile(r"《[^《》]{1,60}(?:》|$)|^[^《》]{1,60}》")


def mask_titles(text: str) -> str:
    """``text`` with every 《…》 title blanked out, same length: citing a rule's title
    (《党政主要负责人履行推进法治建设第一责任人职责规定》) is not doing what the rule says."""
    if "《" not in text and "》" not in text:
        return text
    return _BOOK_TITLE.sub(lambda m: "〇" * len(m.group(0)), text)
