"""Document facts: title, addressee, issuer, signing date, report year, and where the body is."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from fzcheck.reading.chrome import is_chrome
from fzcheck.document import Document
from fzcheck.analysis.outline import match_heading
from fzcheck.reading.dates import CN_DATE, DATE, parse_date
from fzcheck.reading.numerals import YEAR

_TITLE = re.compile(r"(?:法治|依法行政|依法治).{0,30}(?:报告|情况|总结|要点|安排|计划|规则|方案)|"
                    r"(?:报告|要点|规则|方案|计划)$")
_ADDRESSEE = re.compile(r"^[^。,]{2,40}(?:委|政府|办|局|院|会|部|厅|处)[^。,]{0,10}:$")
_DATE_ONLY = re.compile(rf"^\s*(?:{DATE.pattern}|{CN_DATE.pattern})\s*日?\s*$")
_ISSUER_DATE = re.compile(rf"^\s*(?P<issuer>\S.{{1,38}}?)\s+(?:{DATE.pattern}|{CN_DATE.pattern})\s*日?\s*$")
_TITLE_ISSUER = re.compile(r"^(.{2,40}?)(?:关于|(?=(?:19|20)\d{2}\s*年))")
_SENTENCE = re.compile(r"[。;!?]")


@dataclass
class Facts:
    title: str | None  # as written
    title_analysis: str | None  # Simplified, folded: what cues match against
    title_line: int | None
    addressee_line: int | None
    addressee: str | None
    issuer: str | None
    signed_on: dt.date | None
    report_year: int | None
    body_start: int
    body_end: int


def read_facts(doc: Document) -> Facts:
    lines = doc.analysis
    nonblank = [i for i, line in enumerate(lines) if line.strip() and not is_chrome(line)]
    first_heading = next((i for i in nonblank if match_heading(lines[i])), len(lines))
    title_span = _find_title(lines, nonblank, first_heading)
    title_line = title_span[0] if title_span else None
    if title_line is not None and title_line == first_heading:
        first_heading = next((i for i in nonblank if i > title_line and match_heading(lines[i])),
                             len(lines))
    addressee = next((i for i in nonblank[:8] if i < first_heading
                      and _ADDRESSEE.match(lines[i].strip())), None)
    sign_line, issuer_line, signed, issuer_inline = _find_signature(lines, nonblank)
    title_end = title_span[1] if title_span else None
    body_start = max((x for x in (title_end, addressee) if x is not None), default=-1) + 1
    body_end = _body_end(nonblank, sign_line, issuer_line)
    title = ("".join(doc.quote(i) for i in range(title_span[0], title_span[1] + 1)).lstrip("# ")
             if title_span else None)
    issuer = issuer_inline or (doc.quote(issuer_line) if issuer_line is not None else None)
    if issuer is None and title_line is not None:
        m = _TITLE_ISSUER.match(lines[title_line].strip())
        if m and not m.group(1).startswith(("关于", "20", "19")):
            issuer = doc.lines[title_line].strip()[: len(m.group(1))]
    title_analysis = ("".join(lines[i].strip() for i in range(title_span[0], title_span[1] + 1))
                      .lstrip("# ") if title_span else None)
    year = _report_year(lines, title_analysis, body_start, first_heading)
    return Facts(title=title, title_analysis=title_analysis, title_line=title_line,
                 addressee_line=addressee,
                 addressee=doc.quote(addressee).rstrip(":：") if addressee is not None else None,
                 issuer=issuer,
                 signed_on=signed, report_year=year, body_start=body_start, body_end=body_end)


def _find_title(lines: list[str], nonblank: list[int], first_heading: int
                ) -> tuple[int, int] | None:
    """(first, last) line of the title; a title broken over two lines (PDF, docx) is joined."""
    head = nonblank[:6]
    for pos, i in enumerate(head):
        text = lines[i].strip()
        if i == first_heading and text.startswith("# "):  # a Markdown title
            text = text[2:].strip()
        elif i >= first_heading:
            break
        if len(text) > 80 or "。" in text:
            continue
        if _TITLE.search(text):
            return i, i
        nxt = head[pos + 1] if pos + 1 < len(head) else None
        if nxt is not None and nxt < first_heading and nxt == i + 1:
            joined = text + lines[nxt].strip()
            if len(joined) <= 80 and "。" not in joined and _TITLE.search(joined) \
                    and re.search(r"(?:报告|情况|总结)$", joined):
                return i, nxt
    return None


def _find_signature(lines: list[str], nonblank: list[int]
                    ) -> tuple[int | None, int | None, dt.date | None, str | None]:
    """The signing date among the last lines, and the issuer line just above it."""
    tail = nonblank[-8:]
    for pos in range(len(tail) - 1, -1, -1):
        i = tail[pos]
        text = lines[i].strip()
        if _DATE_ONLY.match(text):
            issuer_line = None
            if pos > 0:
                prev = lines[tail[pos - 1]].strip()
                if _is_issuer(prev):
                    issuer_line = tail[pos - 1]
            return i, issuer_line, parse_date(text), None
        m = _ISSUER_DATE.match(text)
        if m and _is_issuer(m.group("issuer")):
            return i, None, parse_date(text), m.group("issuer").strip()
    return None, None, None, None


def _is_issuer(text: str) -> bool:
    return (2 <= len(text) <= 40 and not _SENTENCE.search(text) and "," not in text
            and match_heading(text) is None and not _TITLE.search(text))


def _body_end(nonblank: list[int], sign_line: int | None, issuer_line: int | None) -> int:
    if issuer_line is not None:
        return issuer_line - 1
    if sign_line is not None:
        return sign_line - 1
    return nonblank[-1] if nonblank else 0


def _report_year(lines: list[str], title: str | None, body_start: int,
                 first_heading: int) -> int | None:
    if title is not None:
        m = YEAR.search(title)
        if m:
            return int(m.group(1))
    opening = " ".join(lines[body_start:min(first_heading, body_start + 6)])
    m = YEAR.search(opening) or YEAR.search(" ".join(lines[: first_heading + 1]))
    return int(m.group(1)) if m else None
