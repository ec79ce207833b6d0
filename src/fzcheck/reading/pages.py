"""A page's printed number as a copy of the page gives it, on a line of its own."""

from __future__ import annotations

import re

# - 3 -, — 3 —, －３－, 第3页, 第3页 共8页, 3/8
_FORMS = r"(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)"
PAGE_NUMBER = re.compile(rf"^\s*{_FORMS}\s*$")
# A bare number is a page number only where one is printed, as a page's first or last line: a
# table's cells come out one a line, and each of its values is a bare number too.
BARE_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")  # (no page of a report is numbered past that)
# Whether a text may hold either on a line of its own (past the first line): one search, with
# \n first so the engine skips to each line as a string search does
MAY_HOLD_ONE = re.compile(rf"\n[^\S\n]*(?:{_FORMS}|\d{{1,6}})[^\S\n]*(?:\n|$)")


def is_page_number(line: str) -> bool:
    """Whether ``line`` is a page number, bare numbers counted: for a line where nothing but a
    page break can stand (between a heading and the rest of its words)."""
    return PAGE_NUMBER.match(line) is not None or BARE_NUMBER.match(line) is not None


_PAGE_BREAK_LINES = 7  # a page number and the blank lines around it


def rest_line(lines: list[str], i: int) -> int | None:
    """The line a heading on line ``i`` may go on on: the next, or the first after a page
    number (- 3 -, 第3页, 3) with the blank lines beside it, as a copy of a PDF keeps them where
    a page break cut the heading (二、2025年推进法治政府建设存 / - 3 - / 在的不足和原因)."""
    if i + 1 >= len(lines):
        return None
    if lines[i + 1].strip() and not is_page_number(lines[i + 1]):
        return i + 1
    window = range(i + 1, min(len(lines), i + 1 + _PAGE_BREAK_LINES))
    numbered = False
    for j in window:
        if is_page_number(lines[j]):
            numbered = True
        elif lines[j].strip():
            return j if numbered else i + 1
    return i + 1
