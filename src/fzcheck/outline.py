"""The heading hierarchy of a report: 一、 / （一） / 1. 1、 / （1） / 一是, with lines and spans.

Kinds rank from 1 (一、) to 5 (一是); a document's levels are its kinds in rank order, so a report
whose top headings are （一） still has them at level 1. Everything works on the analysis view
(full-width folded), so （一） is matched as (一).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from fzcheck.document import Document
from fzcheck.numerals import cn_number

_CN = "一二三四五六七八九十"
# (kind rank, pattern); group "n" is the number, the match end is where the heading text starts.
_MARKERS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^\s*(?:第(?P<n0>[{_CN}]{{1,3}})部分\s*[、.:]?|(?P<n>[{_CN}]{{1,3}})\s*(?:、|\.(?!\d)))\s*")),
    (2, re.compile(rf"^\s*\(\s*(?P<n>[{_CN}]{{1,3}})\s*\)\s*[、.]?\s*")),
    (3, re.compile(r"^\s*(?P<n>\d{1,2})\s*(?:、|\.(?!\d))\s*")),
    (4, re.compile(r"^\s*(?:\(\s*(?P<n>\d{1,2})\s*\)|(?P<c>[①-⑳]))\s*")),
    (5, re.compile(rf"^\s*(?P<n>[{_CN}]{{1,3}})是\s*")),
]
_MARKDOWN = re.compile(r"^(#{1,6})\s+")
_HEADING_END = re.compile(r"[。;；!?！？]")
MAX_HEADING = 60


@dataclass
class Heading:
    kind: int
    level: int
    marker: str
    text: str
    line: int  # 0-based
    start: int  # offset of the heading text in the line
    end: int
    end_line: int = 0  # last line (0-based, inclusive) of the section it opens
    children: list[Heading] = field(default_factory=list)

    def to_json(self, doc: Document) -> dict[str, Any]:
        return {"level": self.level, "kind": self.kind, "marker": self.marker,
                "text": doc.quote(self.line, self.start, self.end), "line": self.line + 1,
                "chars": [self.start, self.end],
                "span": [self.line + 1, self.end_line + 1]}


@dataclass
class Outline:
    headings: list[Heading]  # flat, document order
    body_start: int  # first line after the title block (0-based)
    body_end: int  # last line of the body, before signature and page chrome (inclusive)

    @property
    def top(self) -> list[Heading]:
        return [h for h in self.headings if h.level == 1]

    def enclosing(self, line: int) -> Heading | None:
        """The deepest heading whose section contains ``line``."""
        best = None
        for h in self.headings:
            if h.line <= line <= h.end_line and (best is None or h.level >= best.level):
                best = h
        return best

    def to_json(self, doc: Document) -> list[dict[str, Any]]:
        return [h.to_json(doc) for h in self.headings]


def match_heading(line: str) -> tuple[int, str, int] | None:
    """(kind, marker, offset of text) if ``line`` opens with a heading marker."""
    md = _MARKDOWN.match(line)
    if md:
        inner = match_heading(line[md.end():])
        end = md.end() + (inner[2] if inner and not inner[1].startswith("#") else 0)
        return len(md.group(1)), line[:end].strip(), end
    for kind, pattern in _MARKERS:
        m = pattern.match(line)
        if m and m.end() < len(line.rstrip()):
            return kind, m.group(0).strip(), m.end()
    return None


def heading_text_end(line: str, start: int) -> int:
    """Where the heading text ends: the first sentence stop, else the line end (capped)."""
    stop = _HEADING_END.search(line, start)
    end = stop.start() if stop else len(line.rstrip())
    if end - start > MAX_HEADING:
        comma = line.find(",", start, start + MAX_HEADING)
        end = comma if comma > start else start + MAX_HEADING
    return end


def build_outline(doc: Document, body_start: int, body_end: int) -> Outline:
    found: list[tuple[int, str, int, int, int]] = []
    for i in range(body_start, body_end + 1):
        line = doc.analysis[i]
        if not line.strip():
            continue
        style = doc.styled_headings.get(i)
        hit = match_heading(line)
        if hit is not None:
            kind, marker, start = hit
            if style is not None and kind == 1 and not marker.startswith("#"):
                kind = min(kind, style)
        elif style is not None:
            kind, marker, start = style, "", len(line) - len(line.lstrip())
        else:
            continue
        found.append((kind, marker, i, start, heading_text_end(line, start)))
    ranks = sorted({kind for kind, *_ in found})
    headings = [Heading(kind=k, level=ranks.index(k) + 1, marker=m, text=doc.analysis[i][s:e],
                        line=i, start=s, end=e) for k, m, i, s, e in found]
    _close_spans(headings, body_end)
    return Outline(headings=headings, body_start=body_start, body_end=body_end)


def _close_spans(headings: list[Heading], body_end: int) -> None:
    stack: list[Heading] = []
    for h in headings:
        while stack and stack[-1].level >= h.level:
            stack.pop().end_line = h.line - 1
        if stack:
            stack[-1].children.append(h)
        stack.append(h)
    for h in stack:
        h.end_line = body_end


# --- run-on text ------------------------------------------------------------------------------
# A crawler or a site's text export may join every paragraph into one line, headings included
# (…报告如下。一、工作开展情况（一）深入学习…1.深入…). Such a line is cut back into paragraphs at
# its inline heading markers before the outline is built.

_INLINE = re.compile(
    rf"(?P<k1>第(?P<p>[{_CN}]{{1,3}})部分|(?P<a>[{_CN}]{{1,3}})、)"
    rf"|(?P<k2>\((?P<b>[{_CN}]{{1,3}})\))"
    r"|(?P<k3>(?P<c>\d{1,2})(?:、|\.(?!\d)))"
    r"|(?P<k4>\((?P<d>\d{1,2})\))"
    rf"|(?P<k5>(?P<e>[{_CN}]{{1,3}})是)"
)
_STOPS = "。;:!?"
_CLOSERS = "”’\"」』)"
RUNON_MIN_CHARS = 300


def _inline_number(m: re.Match[str]) -> tuple[int, int] | None:
    """(kind, number) of an inline marker match."""
    for kind, group in ((1, "p"), (1, "a"), (2, "b"), (3, "c"), (4, "d"), (5, "e")):
        value = m.group(group)
        if value is not None:
            try:
                return kind, int(value) if value.isdigit() else cn_number(value)
            except KeyError:
                return None
    return None


def _after_stop(line: str, start: int) -> bool:
    """Whether a marker at ``start`` opens a paragraph: at the line start, after white space,
    or after a sentence stop (possibly closed by a quote mark)."""
    if start == 0 or line[start - 1].isspace():
        return True
    prev = line[max(0, start - 8):start].rstrip()  # a bounded look back: lines can be huge
    if not prev:
        return True
    if prev[-1] in _CLOSERS and len(prev) > 1:
        return prev[-2] in _STOPS
    return prev[-1] in _STOPS


def inline_markers(line: str) -> list[tuple[int, int]]:
    """(offset, kind) of the heading markers that open a paragraph inside ``line``.

    A marker counts after a sentence stop or white space and in sequence with the markers of its
    kind before it (2. after 1.), so 统一、规范, dates (1.5) and 第一部分 mentioned inside a
    sentence are not split. A first sub-heading marker right after a heading that had no stop
    (（一）…建设1.深入…) counts too: headings often end without punctuation.
    """
    found: list[tuple[int, int]] = []
    last: dict[int, int] = {}
    text_end = len(line.rstrip())
    for m in _INLINE.finditer(line):
        parsed = _inline_number(m)
        if parsed is None:
            continue
        kind, n = parsed
        start = m.start()
        if _after_stop(line, start):
            ok = n == 1 or last.get(kind) == n - 1
        else:
            # a heading with no stop, then its first sub-heading
            prev = found[-1] if found else None
            ok = (n == 1 and prev is not None and prev[1] < kind and start - prev[0] <= MAX_HEADING
                  and not any(c in _STOPS for c in line[prev[0]:start]))
        if ok and m.end() < text_end:
            found.append((start, kind))
            last[kind] = n
    return found


def is_runon(line: str, markers: list[tuple[int, int]]) -> bool:
    """A very long line carrying several section or sub-section headings."""
    if len(line) < RUNON_MIN_CHARS:
        return False
    major = sum(kind <= 2 for _, kind in markers)
    return major >= 2 or sum(kind <= 3 for _, kind in markers) >= 3


def _gap_splits(line: str) -> list[int]:
    """Where joined paragraphs meet at a white-space gap (the crawler put a space, not a line
    break): after a CJK character or full-width stop and before a CJK character or a bracket;
    and before the first sentence, where page furniture sits (当前位置 … 时间 … 微信 微博), at
    every gap except inside a date and time."""
    out = []
    first_sentence = re.search(r"[,。]", line)
    head_end = first_sentence.start() if first_sentence else len(line)
    for m in re.finditer(r"\s+", line):
        a, b = m.start(), m.end()
        if a == 0 or b >= len(line):
            continue
        before, after = line[a - 1], line[b]
        if b < head_end:
            if not (before.isdigit() and after.isdigit()):
                out.append(b)
        elif ord(before) >= 0x2E80 and (ord(after) >= 0x2E80 or after == "("):
            out.append(b)
    return out


def _heading_ends(line: str, markers: list[tuple[int, int]]) -> list[int]:
    """A heading with no stop ends at the first white-space gap after it (一、…主要安排 2026年，…):
    the paragraph that followed it starts there."""
    out = []
    for start, _ in markers:
        m = _INLINE.match(line, start)
        if m is None:
            continue
        after = line[m.end():m.end() + MAX_HEADING]
        text_start = m.end() + len(after) - len(after.lstrip())
        window = line[text_start:text_start + MAX_HEADING]
        gap = re.search(r"\s+", window)
        stop = next((k for k, c in enumerate(window) if c in _STOPS or c == ","), len(window))
        if gap and 2 <= gap.start() < stop and text_start + gap.end() < len(line):
            out.append(text_start + gap.end())
    return out


def resegment(lines: list[str]) -> list[tuple[int, int, int]] | None:
    """Cut run-on lines at inline headings and paragraph gaps: (line, start, end) per new line,
    each a slice of the line as read (slices of one line are contiguous), or None when no
    line is run-on. Works on the analysis view, whose offsets are the original's."""
    out: list[tuple[int, int, int]] = []
    changed = False
    for i, line in enumerate(lines):
        markers = inline_markers(line) if len(line) >= RUNON_MIN_CHARS else []
        if not markers or not is_runon(line, markers):
            out.append((i, 0, len(line)))
            continue
        cuts = sorted({s for s, _ in markers} | set(_gap_splits(line))
                      | set(_heading_ends(line, markers)) - {0})
        bounds = [0, *cuts, len(line)]
        out.extend((i, a, b) for a, b in pairwise(bounds) if b > a)
        changed = True
    return out if changed else None
