"""The heading hierarchy of a report: 一、 / （一） / 1. 1、 / （1） / 一是, with lines and spans.

Kinds rank from 1 (一、) to 5 (一是); a document's levels are its kinds in rank order, so a report
whose top headings are （一） still has them at level 1. Everything works on the analysis view
(full-width folded), so （一） is matched as (一).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from operator import itemgetter
from typing import Any

from fzcheck.analysis.tables import cell_count, is_table_row, table_row
from fzcheck.document import PICTURE, Document
from fzcheck.reading.chrome import is_chrome
from fzcheck.reading.pages import rest_line
from fzcheck.reading.resegment import MAX_HEADING, SPACED_WORD

_CN = "一二三四五六七八九十"
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_FINANCIAL = "壹贰叁肆伍陆柒捌玖拾"
# enclosed numbers, each a marker (a post's editor's ❶ ➀ ➊ as ①)
_CIRCLED = (
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
    "\u2776\u2777\u2778\u2779\u277a\u277b\u277c\u277d\u277e\u277f"
    "\u2780\u2781\u2782\u2783\u2784\u2785\u2786\u2787\u2788\u2789"
    "\u278a\u278b\u278c\u278d\u278e\u278f\u2790\u2791\u2792\u2793"
)
# (kind rank, pattern); group "n" is the number, the match end is where the heading text starts.
_MARKERS: list[tuple[int, re.Pattern[str]]] = [
    (
        1,
        re.compile(
            # 四.2026年…: after a Chinese numeral a dot is a marker even before a digit (only
            # an Arabic 1.5 is a number). Units also type 二，/ 二： / 二 for 二、 (a comma or
            # colon, or only a space): after a Chinese numeral each still opens a heading —
            # the space only before a word (not 一 是…, a table's 一 | cell, 九 江 市 spaced out)
            # 第一章 and 第一节 as 第一部分, 【一】 as 一、; Roman (Ⅰ、 I.) and financial (壹、)
            # numerals too
            rf"^\s*(?:第(?P<n0>[{_CN}]{{1,3}})(?:部分|章|节)\s*[、.:]?|(?P<n>[{_CN}]{{1,3}})"
            rf"(?:\s*[、.,:]|\s+{SPACED_WORD})|(?:[{_ROMAN}]|I{{1,3}}|IV|VI{{0,3}}|IX|X)\s*[、.]"
            rf"|[{_FINANCIAL}]{{1,2}}\s*[、.,:]|【\s*[{_CN}]{{1,3}}\s*】)\s*"
        ),
    ),
    (2, re.compile(rf"^\s*[(〔]\s*(?P<n>[{_CN}]{{1,3}})\s*[)〕]\s*[、.]?\s*")),  # 〔一〕 too
    # 1.5 is a number, 1.2025年… a heading (a year after the dot)
    # 1️⃣ (a digit's keycap, a post's editor's) as 1.
    (
        3,
        re.compile(
            r"^\s*(?P<n>\d{1,2})\s*(?:、|\.(?!\d)|\.(?=(?:19|20)\d{2}\s*年)|\ufe0f?\u20e3)\s*"
        ),
    ),
    # 1）too; ❶ ➀ ➊ as ①
    (4, re.compile(rf"^\s*(?:\(\s*(?P<n>\d{{1,2}})\s*\)|\d{{1,2}}\)|(?P<c>[{_CIRCLED}]))\s*")),
    (5, re.compile(rf"^\s*(?P<n>[{_CN}]{{1,3}})是\s*")),
    # 第一、 ranks last: most often points listed inside a section (or 第二、三季度… opening a
    # sentence); a report that opens its sections with it nests （一） under it (see _ranked)
    (6, re.compile(rf"^\s*第(?P<n>[{_CN}]{{1,3}})、\s*")),
]
_MARKDOWN = re.compile(r"^(#{1,6})\s+")
# Headings an outline holds: a long report has a few hundred. A crafted text of 660,000 一、
# lines is not given one object each (memory); its later lines belong to the last section.
MAX_HEADINGS = 5_000
_HEADING_END = re.compile(r"[。;；!?！？]")
_WORD = re.compile(r"[^\s。;!?]")
_STOP = re.compile(r"[。;!?]")


@dataclass(slots=True)
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
        return {
            "level": self.level,
            "kind": self.kind,
            "marker": self.marker,
            "text": doc.quote(self.line, self.start, self.end),
            "line": self.line + 1,
            "chars": [self.start, self.end],
            "span": [self.line + 1, self.end_line + 1],
        }


@dataclass(slots=True)
class Outline:
    headings: list[Heading]  # flat, document order
    body_start: int  # first line after the title block (0-based)
    body_end: int  # last line of the body, before signature and page chrome (inclusive)

    @property
    def top(self) -> list[Heading]:
        return [h for h in self.headings if h.level == 1]

    def points_only(self) -> frozenset[int]:
        """The lines of the headings when all of them are points at the top (一是…, 二是…: no
        heading above them) — or points and the sentences leading their lists in (在化解社会
        矛盾纠纷方面： over 一是… 三是…: a sentence ending in a colon, taken for a heading),
        else none."""
        heads = self.headings
        if not heads or not all(h.kind == POINT or _leads_a_list_in(h) for h in heads):
            return frozenset()
        if not any(_leads_a_list_in(h) for h in heads) and any(h.level != 1 for h in heads):
            return frozenset()
        return frozenset(h.line for h in heads)

    def lists_again(self, doc: Document) -> list[tuple[int, list[int]]]:
        """In an outline of points only, each list of points starting again at 一是 after the
        first list with a paragraph leading it in (…还存在一些不足。 / 一是…): that paragraph's
        line (the non-blank one above its first point, no point itself) and its points' lines."""
        heads = self.headings if self.points_only() else []
        starts = [n for n, h in enumerate(heads) if n and opens_a_list(h)]
        out = []
        for a, b in pairwise([*starts, len(heads)]):
            first = heads[a].line
            lead = next((i for i in range(first - 1, -1, -1) if doc.analysis[i].strip()), None)
            if lead is not None and lead != heads[a - 1].line:
                out.append((lead, [h.line for h in heads[a:b]]))
        return out

    def enclosing(self, line: int) -> Heading | None:
        """The deepest heading whose section contains ``line``."""
        best = None
        for h in self.headings:
            if h.line <= line <= h.end_line and (best is None or h.level >= best.level):
                best = h
        return best

    def to_json(self, doc: Document) -> list[dict[str, Any]]:
        return [h.to_json(doc) for h in self.headings]


POINT = 5  # the kind of 一是


def _leads_a_list_in(h: Heading) -> bool:
    """Whether ``h`` is a sentence leading a list of points in (no number, ending in a colon,
    only points under it)."""
    return (
        h.kind == 0
        and h.text.rstrip().endswith((":", "："))
        and bool(h.children)
        and all(c.kind == POINT for c in h.children)
    )


def opens_a_list(h: Heading) -> bool:
    """Whether ``h`` is the first of its run of headings (一、 （一） 1. 一是 第一…)."""
    return h.marker.startswith(("一", "1", "第一"))


# The markers a line can open with, by its first non-space character: most lines are ruled
# out by this one look-up, the rest try only the patterns that can match.
_KIND = dict(_MARKERS)
_BY_FIRST: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(_CN, (1, 5)),
    "第": (1, 6),
    **dict.fromkeys(_ROMAN + "IVX" + _FINANCIAL, (1,)),
    "(": (2, 4),
    "〔": (2,),
    "【": (1,),
    **dict.fromkeys(_CIRCLED, (4,)),
}


# What a post's editor sets before a heading (📌一、 ■二、 ▶三、 ※四、 ——五、): dashes, marks,
# arrows, shapes, dingbats, emoji, and a symbol font's bullet a PDF gives as a private-use
# character (Wingdings' \uf06c) — not quotation marks, nor the enclosed numbers (①, ⑴, ❶),
# which are markers themselves
_DECORATION = re.compile(
    r"^\s*[\u2010-\u2017\u2020-\u203e\u2190-\u245f\u2500-\u2775\u2794-\u2bff"
    r"\ue000-\uf8ff\U0001f000-\U0001faff\ufe0f\u200d]+\s*"
)


def match_heading(line: str) -> tuple[int, str, int] | None:
    """(kind, marker, offset of text) if ``line`` opens with a heading marker (after any
    decoration an editor set before it)."""
    first = line[:1]
    if first.isspace():
        first = line.lstrip()[:1]
    # most lines are blank or open with a word (我县, 全年, after their indent): no marker,
    # decoration or # (the CJK ideographs' block, U+4E00..U+9FFF, holds none)
    if not first or ("\u4e00" <= first <= "\u9fff" and first not in _BY_FIRST):
        return None
    if first >= "\u2010" and (
        first <= "\u2bff" or first >= "\U0001f000" or "\ue000" <= first <= "\uf8ff"
    ):
        deco = _DECORATION.match(line)
        if deco is None:
            return _by_first(line, first)
        inner = match_heading(line[deco.end() :])
        return None if inner is None else (inner[0], inner[1], deco.end() + inner[2])
    if first == "#":
        md = _MARKDOWN.match(line)
        if md:
            rest = line[md.end() :]
            # (# # # …, a crafted line of 30,000: one mark's text looked into, not the next's)
            inner = None if rest.lstrip().startswith("#") else match_heading(rest)
            if inner and not inner[1].startswith("#"):
                # ### 一、…: ranked by its number (一、 above （一）), whatever its #s (web and
                # Word exports number their heading levels as they like)
                end = md.end() + inner[2]
                return inner[0], line[:end].strip(), end
            return len(md.group(1)), line[: md.end()].strip(), md.end()
        # #一、 with no space: a CMS's mark before the number, no Markdown heading
        after = len(line) - len(line.lstrip().lstrip("#"))  # past the indent and the #s
        inner = match_heading(line[after:])
        return None if inner is None else (inner[0], inner[1], after + inner[2])
    return _by_first(line, first)


def _by_first(line: str, first: str) -> tuple[int, str, int] | None:
    kinds = _BY_FIRST.get(first) or ((3, 4) if first.isdigit() else ())
    for kind in kinds:
        m = _KIND[kind].match(line)
        if m and m.end() < len(line.rstrip()):
            return kind, m.group(0).strip(), m.end()
    return None


def _caption(lines: list[str], i: int) -> tuple[int, str, int, int] | None:
    """(kind, marker, start, end) of a heading set as the only filled cell of a table's first
    row: a web page's table opening with its section's heading in a merged row (| 二、主动公开
    政府信息情况 |  |  |), which a Word table gives as a line of its own. Not a row inside a
    table (| 二、上年结转… |  |  |, its values left blank): the row above is as wide."""
    line = lines[i]
    cells = line.split("|")
    filled = [k for k, cell in enumerate(cells) if cell.strip()]
    if len(cells) < 4 or len(filled) != 1:  # | a | b |: a row of two cells at least
        return None
    above = _nonblank(lines, i, -1, 0)
    below = _nonblank(lines, i, 1, len(lines) - 1)
    if above is not None and cell_count(lines[above]) == cell_count(line):
        return None
    if below is None or "|" not in lines[below]:
        return None
    k = filled[0]
    at = sum(len(cell) + 1 for cell in cells[:k])
    hit = match_heading(cells[k])
    if hit is None:
        return None
    kind, marker, start = hit
    end = at + len(cells[k].rstrip())
    return kind, marker, at + start, min(end, heading_text_end(line[:end], at + start))


_ALONE_MAX = 40  # characters a line holding only a marker (and its indent) can have


def marker_alone(line: str) -> tuple[int, str] | None:
    """(kind, marker) if ``line`` is only a top marker (一、, 第一部分, （一）): its heading's text
    stands on the next line (a part's number set apart, a PDF's number in its own box)."""
    first = line.lstrip()[:1]
    for kind in _BY_FIRST.get(first, ()):
        m = _KIND[kind].match(line) if kind <= 2 else None
        if m and m.end() >= len(line.rstrip()):
            return kind, m.group(0).strip()
    return None


# A WeChat editor's section number, set in a badge picture whose text comes out as 01, 02 …
# (PART 01, Part.02, NO.1, 01 /): alone on its line over the heading, or joined to it
# (01年度工作成效, 02 存在的不足和原因). Zero-padded unless a word names it: a bare 5 is a page
# number or a value, and 1. 1、 are points, read as such.
_BADGE = re.compile(
    r"^\s*(?:(?P<word>PART|NO)\s*[.:]?\s*(?P<named>\d{1,2})|(?P<padded>0[1-9]|1\d))"
    # (joined to a year: 012025年工作成效)
    r"(?:(?!\d)|(?=(?:19|20)\d{2}\s*年))"
    r"\s*(?:[/丨|]\s*)?",  # 01 / 01丨 01 |: a bar the editor set after it
    re.IGNORECASE,
)
_BADGE_OPENINGS = frozenset(
    [f"{n:02d}" for n in range(1, 20)]
    + [a + b for a in "Pp" for b in "Aa"]
    + ["NO", "No", "nO", "no"]
)
# What a badge's heading opens with: a word — not a count's or a date's unit after the number
# (01月, 02号, 03个: a line of figures) —, a year (04 2026年工作安排), or a mark before a word
_BADGE_TEXT = re.compile(
    r"[“\"《【(]?(?:(?:19|20)\d{2}\s*年|年度"
    r"|[\u4e00-\u9fff](?<![年月日号时点分秒个件次名人户家项万亿元岁期版届条款位份台场批轮]))"
)


@dataclass(frozen=True, slots=True)
class _Badge:
    number: int
    # the word naming it (part, no; "" for a bare 01) and whether it stands alone over its
    # heading: a run keeps one shape (a section's 01 alone, its practices' 01 “…” beside them)
    shape: tuple[str, bool]
    marker: str  # as written, without the slash after it
    line: int  # the badge's own line
    heading: int  # the line its heading's text is on: the badge's, or the next non-blank one
    start: int  # where that text starts
    text: str  # the heading's text


def badge_headings(lines: list[str], first: int, last: int) -> list[tuple[int, str, int, int, int]]:
    """The sections a post numbers with badges, as top headings (kind 1, as 一、): a run of
    them numbered in order from 1 (01, 02 …), each over a short heading and a section with
    text of its own before the next; a run inside a section (its practices, 01 “…” 02 …) is
    that section's points (kind 3). A lone 01, a contents' entries (nothing between them), a
    line of figures (01月…, 2023年…, 0591-…) are none. Where the report's own numbering leaves
    them: :func:`_with_badges`."""
    # (most lines are ruled out by their first two characters: a match each, or a call, cost
    # 2% of a check — a report's points 1. 2. open with a 1 too)
    opened = [i for i in range(first, last + 1) if lines[i].lstrip()[:2] in _BADGE_OPENINGS]
    marks = [
        b
        for i in opened
        if (m := _BADGE.match(lines[i])) is not None
        and (b := _badge_at(lines, i, m, last)) is not None
    ]
    if not marks:
        return []
    ends = [b.line for b in marks[1:]] + [last + 1]
    shown = [b for b, end in zip(marks, ends, strict=True) if _has_text(lines, b.heading + 1, end)]
    runs = [
        run
        for shape in dict.fromkeys(b.shape for b in shown)
        for run in _runs_in_order([b for b in shown if b.shape == shape])
    ]
    runs.sort(key=lambda run: run[0].line)
    if not runs:
        return []
    top = _top_run(lines, runs, last)
    out = [
        (
            1 if k == top else 3,
            b.marker,
            b.heading,
            b.start,
            heading_text_end(lines[b.heading], b.start),
        )
        for k, run in enumerate(runs)
        for b in run
    ]
    return sorted(out, key=itemgetter(2))


def _badge_at(lines: list[str], i: int, m: re.Match[str], last: int) -> _Badge | None:
    """The badge ``m`` line ``i`` opens with, when its heading's text is beside it or on the
    next non-blank line (up to ``last``): short, no sentence, no table's row, no heading of its
    own."""
    line = lines[i]
    alone = m.end() >= len(line.rstrip())
    if not alone:
        heading, start = i, m.end()
    else:
        j = _nonblank(lines, i, 1, last)
        if j is None or match_heading(lines[j]) is not None:
            return None  # (01 over 一、…: the 一、 heads the section, the badge adorns it)
        heading, start = j, len(lines[j]) - len(lines[j].lstrip())
    if (deco := _DECORATION.match(lines[heading][start:])) is not None:
        start += deco.end()  # ▍年度工作成效: the editor's mark before the heading's words
    text = lines[heading][start:].strip()
    if (
        _BADGE_TEXT.match(text) is None
        or len(text) > MAX_HEADING
        or _HEADING_END.search(text)
        or is_table_row(lines[heading])
    ):
        return None
    return _Badge(
        number=int(m.group("named") or m.group("padded")),
        shape=((m.group("word") or "").lower(), alone),
        marker=m.group(0).strip().rstrip("/丨").rstrip(),
        line=i,
        heading=heading,
        start=start,
        text=text,
    )


def _has_text(lines: list[str], first: int, stop: int) -> bool:
    """Whether a line of text stands from ``first`` up to ``stop`` (exclusive): a section's,
    told or listed — a contents' entries follow one another with none between."""
    return any(lines[k].strip() and lines[k] != PICTURE for k in range(first, stop))


_OPEN_MAX = 3  # runs open at once, one inside another: a crafted text of 01 lines nests no deeper


def _runs_in_order(badges: list[_Badge]) -> list[list[_Badge]]:
    """The runs of ``badges`` (of one shape) numbered in order from 1, two badges at least,
    their headings all different (a page's number over its running header heads no section).
    A new 01 while a run is open starts one inside it (01 年度工作成效 / 01 某做法 02 03 / 02
    存在的不足: the outer run goes on after the inner one's 03). A number skipped (01 02 03 05,
    an editor's slip) goes on with the run, unless a badge elsewhere bears it (01 02 04 03 is
    shuffled); a badge out of order closes the runs open (03 01 04 02 numbers nothing)."""
    done: list[list[_Badge]] = []
    open_runs: list[list[_Badge]] = []
    strays: set[int] = set()  # the numbers of badges in no run
    for b in badges:
        if b.number == 1:
            if len(open_runs) == _OPEN_MAX:  # (a list inside a list inside a section at most)
                done.append(open_runs.pop())
            open_runs.append([b])
            continue
        k = _continued(open_runs, b.number)
        if k is None:
            strays.add(b.number)
            done += open_runs
            open_runs = []
        else:
            done += open_runs[k + 1 :]
            del open_runs[k + 1 :]
            open_runs[k].append(b)
    return [
        run
        for run in done + open_runs
        if len({b.text for b in run}) == len(run) and _in_order(run, strays)
    ]


def _continued(open_runs: list[list[_Badge]], number: int) -> int | None:
    """Which of the open runs (outermost first) a badge numbered ``number`` goes on with: the
    innermost whose next number it is, else the innermost it goes on with by skipping one."""
    for step in (1, 2):
        for k in range(len(open_runs) - 1, -1, -1):
            if number == open_runs[k][-1].number + step:
                return k
    return None


def _in_order(run: list[_Badge], strays: set[int]) -> bool:
    """Whether ``run`` is numbered as a run: two badges at least, one number skipped at most —
    in a run of three or more, and borne by no badge elsewhere (``strays``)."""
    skipped = [a.number + 1 for a, b in pairwise(run) if b.number == a.number + 2]
    return len(run) >= 2 and (
        not skipped or (len(skipped) == 1 and len(run) >= 3 and skipped[0] not in strays)
    )


def _top_run(lines: list[str], runs: list[list[_Badge]], last: int) -> int:
    """Which of ``runs`` (in document order) numbers the post's sections: the first, or a later
    one starting after its last badge whose text outweighs the first's (【年度亮点】 01 02 03, a
    sentence each, before sections badged 01–04). The others number points in its sections
    (its practices, its plan's items)."""
    if len(runs) == 1:
        return 0
    first = runs[0][0].line
    upto = _lengths_upto(lines, first, last)  # (a crafted text of 20,000 runs weighed once)
    top = 0
    for k, run in enumerate(runs[1:], 1):
        later = run[0].line > runs[top][-1].line
        if later and _heavier_after(upto, runs[top][0].line - first, run[0].line - first):
            top = k
    return top


def _outweighs(lines: list[str], first: int, at: int, last: int) -> bool:
    """Whether the text from ``at`` to ``last`` (inclusive) is longer than the text from
    ``first`` up to ``at``: which of two numberings, one after the other, carries the report."""
    return _heavier_after(_lengths_upto(lines, first, last), 0, at - first)


def _lengths_upto(lines: list[str], first: int, last: int) -> list[int]:
    """The text's length (stripped lines) before each line from ``first`` on, and to ``last``
    (inclusive) at the end: any stretch's weight in one subtraction."""
    return list(accumulate((len(lines[k].strip()) for k in range(first, last + 1)), initial=0))


def _heavier_after(upto: list[int], start: int, at: int) -> bool:
    """Over lengths from :func:`_lengths_upto`, whether the text from ``at`` to the end is
    longer than the text from ``start`` up to ``at`` (both counted from its first line)."""
    return upto[-1] - upto[at] > upto[at] - upto[start]


def _clause_after(line: str, at: int) -> bool:
    """Whether words, then a sentence's stop, follow ``at``: two scans, each once along the
    line (one pattern, words then a stop, tried from each word on — 200,000 of them after a
    colon, no stop — took 270 s)."""
    word = _WORD.search(line, at)
    return word is not None and _STOP.search(line, word.end()) is not None


_OPENS_A_SENTENCE = re.compile(r"(?:(?:19|20)\d{2}年|下一步|今后|一年来|近年来)[,，]")


def heading_text_end(line: str, start: int) -> int:
    """Where the heading text ends: the first sentence stop or a form's cell border, else the
    line end (capped); a colon before a sentence ends it too (二、存在问题：执法人员不足，原因是编制有限。: the
    sentence is the section's body, not its heading)."""
    stop = _HEADING_END.search(line, start)
    end = stop.start() if stop else len(line.rstrip())
    # a sentence opening after the heading's words, no stop between (a crawled line's 三、2026年
    # 工作思路2026年，白石街道将…: helper-216's c02)
    opener = _OPENS_A_SENTENCE.search(line, start + 2, end)
    if opener is not None:
        end = opener.start()
    cell = line.find(" | ", start, end)  # a form's label cell: the next cell is its text
    if cell > start:
        end = len(line[:cell].rstrip())
    colon = line.find(":", start, end)
    opened = colon > start and line.count("(", start, colon) > line.count(")", start, colon)
    if colon > start and not opened and _clause_after(line, colon + 1):
        return colon  # (…勾稽关系为：第一项…) in brackets is the heading's own note
    if end - start > MAX_HEADING:
        comma = line.find(",", start, start + MAX_HEADING)
        end = comma if comma > start else start + MAX_HEADING
    return end


def _inside_table(lines: list[str], i: int, first: int, last: int, top: bool = False) -> bool:
    """Whether line ``i`` stands between two rows of one table (as many values each): a group's
    label on a line of its own (三、本年度办理结果 over （一）予以公开 18 4 …), not a heading. A
    section's heading between two tables has rows of different widths around it. ``top``: the
    line is numbered as a section (一、): between two lone values (a crawled page's cells one a
    line, table 四's header lost) it is still one."""
    # a row ends in a value or a cell's border: most headings follow a sentence, told at once
    j = _nonblank(lines, i, -1, first)
    if j is None or not (before := lines[j].rstrip()).endswith(_ROW_ENDS):
        return False
    k = _nonblank(lines, i, 1, last)
    if k is None or not (after := lines[k].rstrip()).endswith(_ROW_ENDS):
        return False
    if _LONE_VALUE.match(before) and _LONE_VALUE.match(after) and not top:
        return True  # a table's cells one a line (a crawled page): 0 / 3.其他 / 0 — a row's label
    above, below = table_row(before), table_row(after)
    if above is None or below is None or len(above[1]) != len(below[1]):
        return False
    if any(v.text for v in below[1]):
        return True
    # a row of blanks under it: a group's rows left empty go on as wide; a new table's header
    # (行政复议 | … | 行政诉讼 | …, its merged cells blank) may match the width by chance, and the
    # header's second row (结果维持 | 结果纠正 | …) is no row of values
    n = _nonblank(lines, k, 1, last)
    nxt = table_row(lines[n]) if n is not None else None
    return nxt is not None and len(nxt[1]) == len(below[1])


_ROW_ENDS = tuple("0123456789|")
_LONE_VALUE = re.compile(r"^\s*\d[\d,.]*\s*$")


def _nonblank(lines: list[str], i: int, step: int, bound: int) -> int | None:
    """The first non-blank line from ``i`` on in the direction of ``step``, up to ``bound``
    (inclusive); None when there is none."""
    j = i + step
    while (j >= bound) if step < 0 else (j <= bound):
        if lines[j].strip():
            return j
        j += step
    return None


def build_outline(doc: Document, body_start: int, body_end: int) -> Outline:
    found: list[tuple[int, str, int, int, int]] = []
    styled = doc.styled_headings
    alone: tuple[int, str] | None = None  # a marker on the line before, its text to come
    badges = badge_headings(doc.analysis, body_start, body_end)
    badged = {f[2] for f in badges}
    for i in range(body_start, body_end + 1):
        if i in badged:
            alone = None
            continue
        line = doc.analysis[i]
        hit = match_heading(line)  # most lines are ruled out by their first character
        style = styled.get(i) if styled else None
        if alone is not None and hit is None and line.strip():
            if (
                len(line.strip()) <= MAX_HEADING
                and not _HEADING_END.search(line)
                and not is_table_row(line)
            ):
                start = len(line) - len(line.lstrip())
                found.append((*alone, i, start, heading_text_end(line, start)))
                alone = None
                continue
            alone = None
        if hit is None and style is None and len(line) <= _ALONE_MAX and line.strip():
            alone = marker_alone(line)
        if hit is None and style is None and "|" in line and (caption := _caption(doc.analysis, i)):
            found.append((caption[0], caption[1], i, caption[2], caption[3]))
            continue
        if (hit is None and style is None) or not line.strip() or is_table_row(line):
            continue
        if hit is not None and _inside_table(doc.analysis, i, body_start, body_end, hit[0] == 1):
            continue
        if hit is not None:
            kind, marker, start = hit
            if style is not None and kind == 1 and not marker.startswith("#"):
                kind = min(kind, style)
        elif style is not None:
            kind, marker, start = style, "", len(line) - len(line.lstrip())
        else:
            continue
        found.append((kind, marker, i, start, heading_text_end(line, start)))
    found = _with_badges(doc.analysis, found, badges, body_start, body_end)
    numbered = any(f[0] <= 3 for f in found)
    if not styled and (not numbered or _starts_again(found) or _numbered_once(found)):
        taken = {f[2] for f in found}  # a line of (1) or 一是 is its marker's heading already
        # numbered runs, shorter than paragraphs, say nothing of a heading's length
        longest = _BARE_MAX if numbered else None
        bare = _bare_headings(doc.analysis, body_start, body_end, longest)
        bare = [b for b in bare if b[2] not in taken]  # a 1. heading is no bare parent
        if numbered and not _bare_parents(doc.analysis, found, bare):
            bare = []
        found = sorted(found + bare, key=itemgetter(2))
    if not styled and not any(f[0] == 1 for f in found):
        taken = {f[2] for f in found}  # the short ones may stand as bare headings already
        brackets = _bracketed(doc.analysis, body_start, body_end)
        # two at least (one is a label, not a structure), the first ahead of every numbered
        # heading: 【…】 lines inside a report's （一） or ## sections are its labels (【典型案例】)
        first = min((f[2] for f in found if f[0] != BARE), default=body_end + 1)
        runs = _runs_across(doc.analysis, found, brackets)
        if len(brackets) >= 2 and brackets[0][2] < first and not runs:
            extra = [b for b in brackets if b[2] not in taken]
            found = sorted(found + extra, key=itemgetter(2))
    if not styled and not found:
        found = _run_in_labels(doc.analysis, body_start, body_end)
    elif not styled and not any(f[0] == 1 for f in found):
        # a form's rows over points numbered inside its cells (主要举措和成效 | （一）… then
        # （二）… （三）… on lines of their own, the cell's paragraphs): the rows are the sections,
        # when three at least and the first ahead of every numbered point
        rows = _form_rows(doc.analysis, body_start, body_end)
        first = min((f[2] for f in found if f[0] != BARE), default=body_end + 1)
        if len(rows) >= _RUN_IN_MIN and rows[0][2] < first:
            taken = {f[2] for f in found}
            found = sorted(found + [r for r in rows if r[2] not in taken], key=itemgetter(2))
    found = _gaps_filled(doc.analysis, found)
    del found[MAX_HEADINGS:]  # the rest of the text stays in the last section
    found = _restart_nested(doc.analysis, _parts_above(found))
    level = {kind: n for n, kind in enumerate(_ranked({f[0] for f in found}, found), 1)}
    lines = doc.analysis
    headings = [Heading(k, level[k], m, _text(lines, i, s, e), i, s, e) for k, m, i, s, e in found]
    _close_spans(headings, body_end)
    return Outline(headings=headings, body_start=body_start, body_end=body_end)


# A heading's or a title's last word that cannot end it: its text goes on on the next line (a
# line break typed inside it: 二、2024年度推进法治政府建设存在的 / 不足和原因)
# (endswith: a pattern anchored at the end is tried from every character of the text)
UNFINISHED = ("的", "关于", "和", "及", "暨", "与", "、")
REST_MAX = 20  # characters the rest on the next line has at most


def _text(lines: list[str], i: int, start: int, end: int) -> str:
    """Heading text at ``lines[i][start:end]``, with the rest on the next line when the line
    breaks off unfinished (its words count towards the heading's part; quotes and highlights
    keep to the first line, as ``start``/``end`` say)."""
    text = lines[i][start:end]
    return text + rest_of(lines, i, end) if text.endswith(UNFINISHED) else text


def rest_of(lines: list[str], i: int, end: int, longest: int = REST_MAX) -> str:
    """The line after a heading that fills line ``i`` to ``end``, when it may be the heading's
    rest (a line break typed inside it): ``longest`` characters at most, no sentence, no
    heading or table row of its own; else "". Whether it is, the heading's words say
    (:data:`UNFINISHED`, or a part's cues)."""
    if end < len(lines[i].rstrip()):
        return ""  # the line goes on after the heading
    j = rest_line(lines, i)
    if j is None:
        return ""
    rest = lines[j].strip()
    if not rest or len(rest) > longest or _HEADING_END.search(rest) or is_table_row(rest):
        return ""
    if rest.endswith(":") or _LEAD_IN.search(rest):
        return ""  # a sentence leading into a list (针对…，重点做了以下工作：), not a heading's end
    return rest if match_heading(lines[j]) is None else ""


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


def _parts_above(
    found: list[tuple[int, str, int, int, int]],
) -> list[tuple[int, str, int, int, int]]:
    """第一部分 / 第一章 — or a post's badges, 01 02 — over 一、 in one report: the parts rank
    above the 一、 inside them (they share a kind, which put each part's 一、 beside it, and the
    part's text ended at its first 一、). Ranked as a bare heading is, above every numbered
    kind."""
    parts = [f[0] == 1 and (f[1].startswith("第") or _is_badge(f[1])) for f in found]
    tops = [(p, f) for p, f in zip(parts, found, strict=True) if f[0] == 1]
    plain = [f for p, f in tops if not p]
    # the report opens with a part and has two at least (a 第一部分… line inside a section is
    # text a wrap put at a line's start); its 一、 are numbered from 一 of their own (第一部分 …
    # 二、 … numbers one run of parts, typed two ways)
    if sum(parts) < 2 or not tops[0][0] or not plain or plain[0][1].strip(_AROUND_NUMERAL) != "一":
        return found
    return [(BARE, *f[1:]) if p else f for p, f in zip(parts, found, strict=True)]


def _is_badge(marker: str) -> bool:
    """Whether ``marker`` is a post's badge (01, PART 01: :func:`badge_headings`)."""
    m = _BADGE.match(marker)
    return m is not None and m.end() == len(marker)


def _with_badges(
    lines: list[str],
    found: list[tuple[int, str, int, int, int]],
    badges: list[tuple[int, str, int, int, int]],
    body_start: int,
    body_end: int,
) -> list[tuple[int, str, int, int, int]]:
    """``found``, the report's own headings, with a post's badges (:func:`badge_headings`)
    where the report's own top headings leave them (:func:`_badges_rank`): heading its
    sections, a list's points inside one (ranked as 1.), or none."""
    tops = [b for b in badges if b[0] == 1]
    if not tops:
        return found
    own = _own_top(lines, found, badges, body_start, body_end)
    rank = _badges_rank(lines, tops, own, body_end)
    if rank == 1:
        kept = badges
    else:  # (a run inside a section numbers points in it, whatever becomes of the sections')
        # points rank as 1. do, below the sections' own kind (1.主要举措 / 01 某案: as （1）)
        point = 4 if own and own[0][0] == 3 else 3
        kept = [(point, *b[1:]) for b in badges if rank == 3 or b[0] != 1]
    if rank == 3 and own[0][0] == BARE:
        kept += own  # (the unnumbered headings holding them head the report's sections)
    return sorted(found + kept, key=itemgetter(2))


def _own_top(
    lines: list[str],
    found: list[tuple[int, str, int, int, int]],
    badges: list[tuple[int, str, int, int, int]],
    body_start: int,
    body_end: int,
) -> list[tuple[int, str, int, int, int]]:
    """The report's own top headings: its highest numbered kind among 一、 （一） 1. — or, with
    none, the short lines standing alone that head sections with no number (主要举措和成效, as
    a web page gives them), after the opening has told a sentence (not a post's furniture)."""
    numbered = [f for f in found if f[0] <= 3]
    if numbered:
        top = min(f[0] for f in numbered)
        return [f for f in numbered if f[0] == top]
    told = next((i for i in range(body_start, body_end + 1) if "。" in lines[i]), body_end)
    badged = {b[2] for b in badges}
    # (as long as build_outline takes them beside numbered points: the badges', once points)
    bare = _bare_headings(lines, body_start, body_end, _BARE_MAX)
    return [f for f in bare if f[2] > told and f[2] not in badged]


def _badges_rank(
    lines: list[str],
    badges: list[tuple[int, str, int, int, int]],
    own: list[tuple[int, str, int, int, int]],
    body_end: int,
) -> int | None:
    """The kind a run of ``badges`` takes beside the report's own top headings ``own``: 1
    (sections), 3 (points) or None (no headings).

    - own headings on both sides of the badges: the badges are a list inside one section (01
      某案 … 03 in （一）), points;
    - on one side only: the numbering carrying more of the text is the report's — the badges
      a block before it (【年度亮点】 01 02 03, photos' captions) or the last section's items
      (四、2026年工作安排 / 01 …), points; or its sections, the own headings a lead's list (1.
      2. in the opening) or the last section's items (04 2026年工作安排 / 一、 二、);
    - between them: the badges head parts above them (01 2025年工作回顾 / 一、 二、 / 02
      2026年工作打算 / 一、) — unless numbered on across them (一、 … 01 … 二、): then alone on
      their lines they are a page's numbers at its feet, no headings; beside their words,
      cases numbered through the sections, points."""
    if not own:
        return 1
    tops = [b[2] for b in badges]  # their headings' lines
    if any(tops[0] < f[2] < tops[-1] for f in own):
        if not _numbered_across(tops, own):
            return 1
        return None if all(not lines[b[2]].lstrip().startswith(b[1]) for b in badges) else 3
    if own[0][2] > tops[0]:
        return 3 if _outweighs(lines, tops[0], own[0][2], body_end) else 1
    after = sum(f[2] > tops[-1] for f in own)
    if own[0][0] == BARE:
        # (short lines standing alone are headings for sure only as a series: one before the
        # badges, 编者按 or the like, and none after, heads no section holding them)
        return 3 if after >= _BARE_AFTER else 1
    return 3 if after or not _outweighs(lines, own[0][2], tops[0], body_end) else 1


_BARE_AFTER = 2  # unnumbered headings after a run of badges that show it inside a section


def _numbered_across(tops: list[int], own: list[tuple[int, str, int, int, int]]) -> bool:
    """Whether the report's own headings ``own`` are numbered on across a badge at ``tops``:
    the first in its section comes right after the last before it (一、 … 01 … 二、, a page's
    number at its foot between them) — sections' badges see them numbered afresh (一、 二、
    under 01, 一、 under 02)."""
    for line, stop in zip(tops, [*tops[1:], own[-1][2] + 1], strict=True):
        before = next((f for f in reversed(own) if f[2] < line), None)
        first = next((f for f in own if line < f[2] < stop), None)
        if before is not None and first is not None and _follows(before[1], first[1]):
            return True
    return False


def _follows(marker: str, after: str) -> bool:
    """Whether the number of marker ``after`` comes right after ``marker``'s (二、 after 一、,
    3. after 2.)."""
    a, b = marker.strip(_AROUND_NUMERAL), after.strip(_AROUND_NUMERAL)
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return len(a) == len(b) == 1 and a in _CN and b in _CN and _CN.index(b) == _CN.index(a) + 1


def _firsts(found: list[tuple[int, str, int, int, int]]) -> list[int]:
    """The lines where the numbering of the top numbered kind starts: （一）, 1., ①…"""
    top = min(f[0] for f in found)
    return [f[2] for f in found if f[0] == top and f[1].strip(_AROUND_NUMERAL) in _FIRST]


_FIRST = frozenset(["一", "1", "01", "①", "\u2776", "\u2780", "\u278a"])


def _starts_again(found: list[tuple[int, str, int, int, int]]) -> bool:
    """Whether the top numbered kind, with no 一、 above it, starts its numbering again
    (（一）（二）…（一）（二）…): its runs sit under headings that have no number."""
    return bool(found) and not any(f[0] == 1 for f in found) and len(_firsts(found)) >= 2


# 二存在的不足和原因: a number typed without its 、, a word of the heading right after it
_NO_SEPARATOR = re.compile(rf"^\s*([{_CN}])(?![{_CN}是年月日个次项件名人])[\u4e00-\u9fff1-9]")


def _gaps_filled(
    lines: list[str], found: list[tuple[int, str, int, int, int]]
) -> list[tuple[int, str, int, int, int]]:
    """一、 … 三、 with 二 missing, and between them a line opening 二 with no 、 (二存在的不足
    和原因, a slip of typing): that line is the missing heading. Only a number the others leave
    out, where they stand, is taken so."""
    top = [f for f in found if f[0] == 1 and len(f[1]) == 2 and f[1][0] in _CN]
    if len(top) < 2:
        return found
    added = []
    for a, b in pairwise(top):
        want = _CN.find(a[1][0]) + 1
        if want >= len(_CN) or _CN.find(b[1][0]) != want + 1:
            continue  # no one number missing between them
        for i in range(a[2] + 1, b[2]):
            m = _NO_SEPARATOR.match(lines[i])
            if m and m.group(1) == _CN[want] and len(lines[i].strip()) <= MAX_HEADING:
                start = m.end(1)
                added.append((1, m.group(1), i, start, heading_text_end(lines[i], start)))
                break
    return sorted(found + added, key=itemgetter(2)) if added else found


def _restart_nested(
    lines: list[str], found: list[tuple[int, str, int, int, int]]
) -> list[tuple[int, str, int, int, int]]:
    """一、 … 四、 then 一、 二、 … to the end, nothing else over them: the second run numbers the
    last section's items (四、下一步工作打算 / 一、加强执法队伍建设 / 二、…, a slip of typing),
    one level below it, as （一）（二） would — where no （一） stands among them already, and no
    short line standing alone heads them (存在问题及下一步工作打算 over 一、存在的问题 二、…: a
    heading with no number over a part of its own)."""
    firsts = []
    for k, f in enumerate(found):
        if f[0] == BARE or f[1][:1] in ("第", "#"):
            return found  # parts, Markdown levels or bare headings rank the text already
        if f[0] == 1 and f[1].strip(_AROUND_NUMERAL) in _FIRST:
            firsts.append(k)
    if len(firsts) != 2 or sum(f[0] == 1 for f in found[: firsts[1]]) < 2:
        return found
    after = found[firsts[1] :]
    if any(f[0] == 2 for f in after):
        return found
    above = _nonblank(lines, after[0][2], -1, 0)
    if above is not None and above != found[firsts[1] - 1][2]:  # not the section's own heading
        text = lines[above].strip()
        if len(text) <= _BARE_MAX and not _BARE_STOPS.intersection(text) and text[-1:] != ":":
            return found
    return found[: firsts[1]] + [(2 if f[0] == 1 else f[0], *f[1:]) for f in after]


def _numbered_once(found: list[tuple[int, str, int, int, int]]) -> bool:
    """Whether the top numbered kind, with no 一、 above it, is numbered once from its first:
    one section's points, perhaps, under headings that have no number."""
    return bool(found) and not any(f[0] == 1 for f in found) and len(_firsts(found)) == 1


def _bare_parents(
    lines: list[str],
    found: list[tuple[int, str, int, int, int]],
    bare: list[tuple[int, str, int, int, int]],
) -> bool:
    """Whether short lines standing alone head the runs of numbered headings: at least two
    runs start right under one (主要举措和成效, then （一）…（二）…; 存在的不足, then （一）…);
    or the one run there is, where two such lines more stand outside it (主要举措和成效 over
    （一）（二）, then 存在的问题和不足 and 2026年工作打算 with paragraphs under them, as Word
    users set bold headings and number one section's points). Restarts alone are no sign of
    them: a list inside a paragraph starts again too."""
    heads = {b[2] for b in bare}
    firsts = _firsts(found)
    taken = {f[2] for f in found}
    leaders = [a for line in firsts if (a := _led_by(lines, line, heads, taken)) is not None]
    if len(leaders) >= 2:
        return True
    if len(firsts) != 1 or not leaders:
        return False
    top = min(f[0] for f in found)
    run = [f[2] for f in found if f[0] == top]
    outside = [b for b in bare if not run[0] <= b[2] <= run[-1] and b[2] != leaders[0]]
    return len(outside) >= 2


def _led_by(lines: list[str], first: int, heads: set[int], taken: set[int]) -> int | None:
    """The short line standing alone that heads the run starting at ``first``: the line right
    above it, or the one above a paragraph of one sentence or two that opens the section
    (存在的不足和原因 / 一年来……仍存在一些短板和不足。/ 一是…; 2026年工作安排 / 2026年，县政府将
    重点抓好以下工作： / （一）…) — Word's numbering lost from the headings, not the points."""
    above = _nonblank(lines, first, -1, 0)
    if above is None or above in heads:
        return above
    if above in taken or not _opens_section(lines[above]):
        return None
    head = _nonblank(lines, above, -1, 0)
    return head if head in heads and not _EXAMPLES.search(lines[head]) else None


# a label over a case or an example told as a lead-in and its points (典型案例 / 在…中，我局… /
# 1.…): inside a section, no heading of the report's own
_EXAMPLES = re.compile(r"典型|案例|经验做法")


_OPENING_MAX = 160  # characters a section's opening paragraph over its points has at most


def _opens_section(line: str) -> bool:
    """Whether ``line`` may be the paragraph a section opens with before its points: a sentence
    or two, ended (。 ： or ！), not a long paragraph of the section's own."""
    text = line.strip()
    return len(text) <= _OPENING_MAX and text.endswith(("。", ":", "：", "!", "！"))


BARE = 0  # the kind of a heading that stands as a short line alone, with no number: above all
_BARE_MAX = 30
# a report with no numbers at all: its headings may be the law's wording, year and all
# (2025年度党政主要负责人履行推进法治建设第一责任人职责情况: 31)
_ALONE_HEADING_MAX = 40
_BARE_STOPS = frozenset("。;!?,")
_LEAD_IN = re.compile("[如以]下")  # 现将有关情况报告如下 / 重点做了以下工作: a list's lead-in
# A themed heading of two clauses (坚持党的领导，压实法治建设责任), as Word's numbering lost
# leaves it, or the law's (…第一责任人职责，加强法治政府建设的有关情况): two phrases, no
# figure, no other stop
_TWO_CLAUSES = re.compile(r"^[^。;!?,\d]{4,26},[^。;!?,\d]{4,14}$")
_ENDS_SENTENCE = tuple('。;!?:"”’)')


# A gap between a row's cells as a PDF's text layer sets them (项目  内容, 填报单位  青山县司法局):
# in a form, a row, no heading (elsewhere a heading may be spaced out: 主要举措  和成效)
_CELL_GAP = re.compile(r"\S(?:\t| {2,}|\u3000{2,})\S")
_CELL_GAP_SPLIT = re.compile(r"\t+|[ \u3000]{2,}")  # (the cells a row's gaps stand between)


def _gapped_rows(lines: list[str], body: list[int]) -> set[int]:
    """A table's rows as a PDF's text sets them: lines next to each other whose cells stand
    between gaps, as many on each (问题类型  案卷数量  占比 / 证据收集不规范  5卷  41.7%). A
    heading spaced out stands alone (主要举措  和成效, 存在问题　　原因　　分析)."""
    cells = [_CELL_GAP_SPLIT.split(lines[i].strip()) for i in body]

    def pair(a: list[str], b: list[str]) -> bool:
        # three cells or more each, or a figure in one (a heading over its sub-heading, 下一步
        # 工作打算 / 2026年  重点任务, is two lines of two cells, no figure but a year)
        return len(a) == len(b) >= 2 and (len(a) >= 3 or any(_FIGURE.search(c) for c in (*a, *b)))

    return {
        body[k]
        for k, row in enumerate(cells)
        if (k and pair(cells[k - 1], row)) or (k + 1 < len(cells) and pair(row, cells[k + 1]))
    }


_FIGURE = re.compile(r"\d(?![\d.]*年)")  # a figure, not a year


def _gap_form(lines: list[str], body: list[int]) -> bool:
    """Whether the text is a form as a PDF's text sets it: three rows at least a label, a gap,
    and a paragraph (存在的不足和原因  一是…。)."""
    rows = 0
    for i in body:
        gap = (
            _GAP_LABEL.match(lines[i])
            if "  " in lines[i] or "\t" in lines[i] or "\u3000" in lines[i]
            else None
        )
        rows += gap is not None and "。" in lines[i][gap.end() :]
        if rows >= _RUN_IN_MIN:
            return True
    return False


def _bare_headings(
    lines: list[str], body_start: int, body_end: int, longest: int | None = None
) -> list[tuple[int, str, int, int, int]]:
    """Headings a report with no section numbers sets as short lines of their own (主要举措和成效,
    then its paragraphs): a line shorter than most, with no sentence stop or comma, between the
    end of a sentence (or a blank line, or another such line) and a longer paragraph. Only in a
    report whose sections are not numbered (no 一、 （一） or 1.), or whose numbered runs start
    again under such lines (:func:`_bare_parents`): elsewhere such a line is something else. Two
    at least: one short line is no structure. ``longest``: their length at most, else 80% of
    the median line's."""
    body = [i for i in range(body_start, body_end + 1) if lines[i].strip()]
    if len(body) < 3:
        return []
    form = _gap_form(lines, body)
    rows = _gapped_rows(lines, body)
    # the text's lines, not a table's rows (short cells, one a line in a Word table's text)
    sizes = sorted(len(lines[i].strip()) for i in body if not is_table_row(lines[i]))
    sizes = sizes or sorted(len(lines[i].strip()) for i in body)
    # or the paragraphs' (lines with a sentence in them), when longer: a short report has as
    # many headings as paragraphs, and the lines' median was a heading's length, shorter than
    # its longest heading
    said = sorted(len(lines[i].strip()) for i in body if "。" in lines[i])
    median = max(sizes[len(sizes) // 2], said[len(said) // 2] if said else 0)
    limit = longest or min(_ALONE_HEADING_MAX, int(0.8 * median))

    def shaped(text: str) -> bool:
        return (
            4 <= len(text) <= limit
            and (not _BARE_STOPS.intersection(text) or _TWO_CLAUSES.match(text) is not None)
            and not text[-1].isdigit()
            and not (form and _CELL_GAP.search(text))
        )

    out: list[tuple[int, str, int, int, int]] = []
    for k, i in enumerate(body):
        text = lines[i].strip().rstrip(":")
        if i in rows or not shaped(text) or _LEAD_IN.search(text):
            continue
        # a paragraph follows, or a sub-heading (主要举措和成效, then 健全…机制, then its text)
        nxt = lines[body[k + 1]].strip().rstrip(":") if k + 1 < len(body) else ""
        after = lines[body[k + 2]].strip() if k + 2 < len(body) else ""
        if (
            len(nxt) <= len(text)
            and not (shaped(nxt) and len(after) > len(nxt))
            and not (_SAYS_NONE.match(nxt) and k + 2 >= len(body))
            and not (k + 1 < len(body) and _leads_in(lines[body[k + 1]]) and len(after) > len(nxt))
        ):
            continue  # (the last one, over 无。: a section with nothing to report says so; one
            # over a short lead-in, 2026年，县政府将重点抓好以下工作：, and its longer points)
        if k and body[k - 1] == i - 1:  # right after a line: that one ends a sentence or heads
            before = lines[i - 1].rstrip()  # or a table's last row (a page sets none apart)
            if (
                not before.endswith(_ENDS_SENTENCE)
                and not (out and out[-1][2] == i - 1)
                and not _a_row(before)
            ):
                continue
        if _a_row(lines[i]) or is_chrome(lines[i]) or _CAPTION.match(lines[i]):
            continue
        if lines[i].strip() == PICTURE:
            continue  # a page's banner image, its placeholder alone on its line: no heading
        if (label := _BRACKETED.match(lines[i])) is not None:
            # 【原因分析】: its words, as :func:`_bracketed` reads it (a cue reading the whole
            # heading, ^原因分析$, cannot see past the brackets)
            out.append((BARE, "【】", i, label.start(1), label.end(1)))
            continue
        start = len(lines[i]) - len(lines[i].lstrip())
        out.append((BARE, "", i, start, start + len(lines[i].strip())))
    return out if len(out) >= 2 else []


# a picture's caption (图为…, 图片：…, ▲…): no heading, whatever its length
_CAPTION = re.compile(r"^\s*(?:图为|图片\s*[:：为]|图\s*\d|[▲△])")


def _leads_in(line: str) -> bool:
    """Whether ``line`` is a lead-in to what follows it: a sentence ending in a colon."""
    return line.rstrip().endswith((":", "："))


def _a_row(line: str) -> bool:
    """Whether ``line`` is a table's row: one of values, or cells between borders (| or tabs:
    重点任务 | 责任股室 | 下一步计划, a Word table of words)."""
    return is_table_row(line) or cell_count(line.strip()) >= 2  # not a tab indent


_BRACKETED = re.compile(r"^\s*【([^【】。;!?]{2,50})】\s*$")  # the law's own wording: 36


def _bracketed(
    lines: list[str], body_start: int, body_end: int
) -> list[tuple[int, str, int, int, int]]:
    """Headings set in 【】 on lines of their own, unnumbered (【主要举措和成效】): at the top, as a
    report with no 一、 has them (the caller's condition). A 【】 label opening a paragraph
    (【典型案例】某镇…) has text after it; a page's 【字体：大 中 小】 is its furniture."""
    out: list[tuple[int, str, int, int, int]] = []
    for i in range(body_start, body_end + 1):
        line = lines[i]
        if "【" not in line or (m := _BRACKETED.match(line)) is None or is_chrome(line):
            continue
        out.append((BARE, "【】", i, m.start(1), m.end(1)))
    return out


# A label opening its paragraph, the text after it on its line: 【存在的不足和原因】一是…,
# 存在的不足和原因：一是… or 存在的不足和原因。一是… (a bold run-in heading, its bold lost; a
# label closed by 。 is a phrase, no comma and no figure in it but a year before it)
_RUN_IN = re.compile(
    r"^\s*(?:【([^【】。;!?]{2,36})】|([^\s,。;!?:、【]{2,36})[:：]|((?:20\d\d年度?)?[^\s,。;!?:、【\d]{4,36})。)\s*\S"
)
_RUN_IN_MIN = 3  # labels opening paragraphs: two may be a paragraph's 【典型案例】 and a lead-in
# A form's label cell and its text as a PDF's text layer sets them: a gap between (存在的不足和
# 原因  一是…: two spaces or more, a tab, an ideographic space), no border drawn as a line
_GAP_LABEL = re.compile(r"^\s*([^\s,。;!?:、【|]{4,36})(?:\t|\u3000| {2,})\s*\S")
_CELL_LINES = 6  # lines a cell's text may wrap onto after its label's, before its first stop
# A form's row: its label in the first cell, the paragraph in the next (存在的不足和原因 | 一是…。),
# as a unit fills in a 报告表 its 依法治县办 handed out
# (one run of white space before the label, its border inside it: ^\s*\|?\s* split a line of
# 200,000 spaces every way; a comma inside it, as in the law's own 党政主要负责人履行推进法治建设
# 第一责任人职责，加强法治政府建设的有关情况, 40 characters at most)
_ROW_LABEL = re.compile(
    r"^\s*(?:\|\s*)?([^\s,。;!?:、【|][^\s。;!?:、【|]{0,38}[^\s,。;!?:、【|])\s*\|\s*\S"
)


def _run_in_labels(
    lines: list[str], body_start: int, body_end: int
) -> list[tuple[int, str, int, int, int]]:
    """Run-in headings of a report with no other heading: three paragraphs at least open with a
    label (【主要举措和成效】全年… / 存在的不足和原因：一是… / a form's 存在的不足和原因 | 一是…),
    each its section's heading (the
    report read as headingless: its problems part lost, the others only embedded). In a report
    with headings such labels are items inside its sections, and stay text."""
    rows = {f[2]: f for f in _form_rows(lines, body_start, body_end)}
    wrapped = _hard_wrapped(lines, body_start, body_end)
    out = []
    for i in range(body_start, body_end + 1):
        line = lines[i]
        if i in rows:
            out.append(rows[i])
            continue
        m = _RUN_IN.match(line)
        # a paragraph after it, not a field's value (标题：… / 发布时间：2023-… on a page)
        if m is not None and "。" in line[m.end() :] and not is_table_row(line):
            k = next(g for g in (1, 2, 3) if m.group(g) is not None)
            if k == 3 and wrapped and _runs_on(lines, i, body_start):
                continue  # a wrapped sentence's end (…与 / 工作任务不相匹配。二是…), no label
            out.append((BARE, "【】" if k == 1 else "", i, m.start(k), m.end(k)))
        elif (gap := _GAP_LABEL.match(line)) is not None and (
            _told_from(lines, i, gap.end() - 1, body_end)
            or _SAYS_NONE.match(line[gap.end() - 1 :].strip())  # 其他需要报告的情况  无
        ):
            out.append((BARE, "", i, gap.start(1), gap.end(1)))
    return out if len(out) >= _RUN_IN_MIN else []


def _runs_on(lines: list[str], i: int, body_start: int) -> bool:
    """Whether line ``i`` carries on the sentence of the line before: that one a line of text
    wrapped at its width (a cell's, a page's: no longer than such a line, about as long as
    this one) ending with no stop. A paragraph a line (…做出决定, …98.5%) or a page number
    before it is none."""
    before = lines[i - 1].strip() if i > body_start else ""
    return (
        _WRAPPED_MIN * len(lines[i].strip()) <= len(before) <= _WRAPPED_MAX
        and before[-1] not in _LINE_STOPS
    )


def _hard_wrapped(lines: list[str], body_start: int, body_end: int) -> bool:
    """Whether the text is set in lines wrapped at a width (a scan's, a PDF's): most of its
    lines end with no stop, where a paragraph a line ends with one."""
    ends = [line.rstrip()[-1] for line in lines[body_start : body_end + 1] if line.strip()]
    return sum(c not in _LINE_STOPS for c in ends) > len(ends) / 2


_LINE_STOPS = '。;!?:：”’"）)】'
_WRAPPED_MAX = 60  # characters a line wrapped at a page's or a cell's width holds at most
_WRAPPED_MIN = 0.6  # …and at least this share of the next line's


def _told_from(lines: list[str], i: int, start: int, body_end: int) -> bool:
    """Whether a cell's text from ``start`` of line ``i`` is a paragraph: a sentence stop in it,
    on its line or on the lines it wraps onto (a scan's or a PDF's cell, cut at its width), not
    past a blank line or another row's label."""
    if "。" in lines[i][start:]:
        return True
    for j in range(i + 1, min(i + 1 + _CELL_LINES, body_end + 1)):
        line = lines[j]
        if not line.strip() or _ROW_LABEL.match(line) or _GAP_LABEL.match(line):
            return False
        if "。" in line:
            return True
    return False


def _form_rows(
    lines: list[str], body_start: int, body_end: int
) -> list[tuple[int, str, int, int, int]]:
    """A form's rows with a paragraph in the cell after their label (存在的不足和原因 | 一是…。),
    or a statement that there is none (其他需要报告的情况 | 无: the row answered, not left out)."""
    out = []
    for i in range(body_start, body_end + 1):
        line = lines[i]
        if (
            "|" in line
            and (row := _ROW_LABEL.match(line)) is not None
            and (
                _told_from(lines, i, row.end() - 1, body_end) or _NONE_SAID.match(line, row.end(1))
            )
        ):
            out.append((BARE, "", i, row.start(1), row.end(1)))
    return out


# a form's cell saying there is nothing to report (| 无 |, | 暂无。, | 没有): no metadata value
_NONE = r"(?:无|暂无|没有)[。.]?"
_NONE_SAID = re.compile(rf"\s*\|\s*{_NONE}\s*\|?\s*$")
_SAYS_NONE = re.compile(rf"{_NONE}$")  # a line saying so (其他需要报告的情况 / 无。)


_AROUND_NUMERAL = (
    "#、.,:()〔〕【】第部分章节是 \t\ufe0f\u20e3"  # around a marker's number (一、 第一部分 1️⃣)
)


def _runs_across(
    lines: list[str],
    found: list[tuple[int, str, int, int, int]],
    labels: list[tuple[int, str, int, int, int]],
) -> bool:
    """Whether a numbering of headings goes on past a 【】 line below the first (（一）主要举措
    … 【典型案例】 … （二）存在的不足): a label inside a section, not a heading over the numbers
    after it, which start again (【存在的不足】 then （一）). Items whose text runs on in their
    line (1.加强制度建设。全年…) may be numbered straight through a report's 【】 sections."""
    numbered = [f for f in found if f[0] != BARE]
    for label in labels[1:]:
        after = next((f for f in numbered if f[2] > label[2]), None)
        if after is None or after[1].strip(_AROUND_NUMERAL) in _FIRST:
            continue
        if after[4] >= len(lines[after[2]].rstrip()):  # a heading alone on its line
            return True
    return False


def _enclosing_first(order: list[int], found: list[tuple[int, str, int, int, int]]) -> list[int]:
    """``order``, with a numbered kind below 一、 raised over another whose headings all stand
    between its first and its last (❶…（一）（二）…❷❸❹: the sections are ❶, the items in the
    first of them （一）): no numbering starts again to tell, where they stand does."""
    where = {k: [f[2] for f in found if f[0] == k] for k in order}
    starts = {f[0] for f in found if f[1].strip(_AROUND_NUMERAL) in _FIRST}
    order = list(order)
    for j in range(len(order) - 1):
        a, b = order[j], order[j + 1]
        inside = where[b][0] < where[a][0] and where[a][-1] < where[b][-1]
        # three sections at least, each kind numbered from its first (not a run some of whose
        # headings were missed: (四) alone between 1. and 2.)
        if a > 1 and b != BARE and len(where[b]) >= 3 and {a, b} <= starts and inside:
            order[j], order[j + 1] = b, a
    return order


def _ranked(kinds: set[int], found: list[tuple[int, str, int, int, int]]) -> list[int]:
    """The kinds from the top level down: in their usual rank (一、 above （一） above 1.),
    unless the report itself nests them the other way — a kind whose numbering starts again
    after each heading of another kind sits under it (1.…（一）（二）2.…（一）: （一） is under 1.),
    and the other never starts again under it."""
    order = sorted(kinds)
    if len(order) < 2:
        return order
    first: dict[int, str] = {}
    restarts: set[tuple[int, int]] = set()  # (outer, inner): inner started again after outer
    prev = -1
    for f in found:
        kind = f[0]
        if kind != prev:  # a run of one kind's headings (二、 三、) cannot start it again
            numeral = f[1].strip(_AROUND_NUMERAL)  # none: a Word style's, a # or a bare line's
            if numeral and kind not in first:
                first[kind] = numeral
            elif numeral and numeral == first[kind]:
                restarts.add((prev, kind))  # started again right under that heading
        prev = kind
    if not restarts:
        return _enclosing_first(order, found)
    if not any(outer > inner for outer, inner in restarts):
        return order  # every kind nests as it usually does
    for _ in range(len(order)):
        for j in range(len(order) - 1):
            a, b = order[j], order[j + 1]
            if (b, a) in restarts and (a, b) not in restarts:
                order[j], order[j + 1] = b, a
    return order
