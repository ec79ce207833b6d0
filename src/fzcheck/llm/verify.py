"""Is a quote really in the report, and exactly where? Checked in code, never taken on the
model's word.

Both sides are folded the same way, one character at a time so every folded character keeps the
place it came from: the report's analysis view (Simplified script, full-width folded, same length
as the original lines), the CJK Radicals Supplement mapped to the characters they stand for
(NFKC leaves ⻓ and ⻔ alone; PDF extraction produces them), NFKC, whitespace, quote marks, book
title marks and brackets dropped, and punctuation variants (，、 / ；; / ：: / 。.) made one. So a
quote with ‘’ for “”, with 《》 dropped or with a comma for a 、 still matches, while a sentence
the model made up does not. A match is ``exact`` when the quote is verbatim in the original
lines and ``normalised`` when only the folded forms agree; either way it is pinned to character
offsets in ``Document.text`` and, through ``Document.source_position``, in the text as read.

A quote must be long enough to mean something (eight folded characters, about half a clause),
unless it is a whole line of the report — a real heading is a valid quote whatever its length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from fzcheck.document import Document, fold_width
from fzcheck.reading.ideographs import IDEOGRAPH_OF
from fzcheck.reading.numerals import CN_NUMBER, cn_number

if TYPE_CHECKING:
    from fzcheck.analysis.analyse import Analysis

MIN_QUOTE_CHARS = 8
Match = Literal["exact", "normalised", "not_found"]
# Marks the model adds, drops or swaps without changing what a sentence says.
_DROP = frozenset("\"'`“”‘’„‟「」『』﹁﹂﹃﹄《》〈〉<>«»()（）[]［］【】〔〕〖〗{}｛｝")
_PUNCT = {
    "、": ",",
    "，": ",",
    "﹐": ",",
    "；": ";",
    "﹔": ";",
    "：": ":",
    "﹕": ":",
    "。": ".",
    "｡": ".",
    "．": ".",
    "！": "!",
    "？": "?",
    "…": "",
    "⋯": "",
    "—": "-",
    "–": "-",
    "－": "-",
    "―": "-",
    "─": "-",
    "·": "·",
    "・": "·",
    "•": "·",
}
_ENDS = ",.;:!?-· "
_SPACE = re.compile(r"\s")
# Text that addresses the model instead of the reader: content to assess, never evidence.
_INSTRUCTION = re.compile(
    r"忽略|无视|不要理会|(?:标记|判定|认定|视为|评为|输出)[^。]{0,12}(?:存在|齐全|完整|present|complete)"
    r"|所有部分|全部部分|(?:人工智能|大模型|语言模型|AI|模型|助手|审阅系统|审核系统|评审系统)"
    r"[^。]{0,6}(?:请|应|须|必须|要)|提示词|系统指令|ignore|instruction|system prompt|assistant",
    re.IGNORECASE,
)

_FOLDED: dict[str, str] = {}


def fold_char(ch: str) -> str:
    """One character as compared: possibly empty (a dropped mark), possibly longer (NFKC)."""
    hit = _FOLDED.get(ch)
    if hit is None:
        norm = unicodedata.normalize("NFKC", fold_width(ch).translate(IDEOGRAPH_OF))
        hit = "".join(_PUNCT.get(c, c) for c in norm if c not in _DROP and not _SPACE.match(c))
        _FOLDED[ch] = hit
    return hit


def fold(text: str) -> str:
    return "".join(fold_char(c) for c in text)


def _simplified(text: str) -> str:
    from fzcheck.reading.normalize import to_simplified

    return to_simplified([text])[0][0]


@dataclass
class Located:
    """Where a quote is: offsets into ``Document.text`` (end exclusive), 0-based lines."""

    match: Match
    start: int = -1
    end: int = -1
    first_line: int = -1
    last_line: int = -1
    section: str | None = None
    source: tuple[int, int] | None = None  # (1-based line, column) in the text as read

    def to_json(self) -> dict[str, Any]:
        if self.match == "not_found":
            return {"match": "not_found", "start": None, "end": None, "section": None}
        out: dict[str, Any] = {
            "match": self.match,
            "start": self.start,
            "end": self.end,
            "section": self.section,
        }
        if self.source is not None:
            out["source"] = list(self.source)
        return out


@dataclass
class QuoteIndex:
    """The report folded into one string, with the (line, column) of every folded character."""

    doc: Document
    text: str
    pos: list[tuple[int, int]]
    instruction_lines: frozenset[int]
    whole_lines: frozenset[str]  # each folded line, and its text after a heading marker
    heading_spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # line -> [start, end)
    section_of: dict[int, str] = field(default_factory=dict)  # 0-based line -> top heading
    body: tuple[int, int] | None = None  # first and last body line (0-based), from the outline
    part_lines: dict[str, frozenset[int]] = field(default_factory=dict)  # sections found offline

    @classmethod
    def from_document(cls, doc: Document) -> QuoteIndex:
        from fzcheck.analysis.outline import match_heading

        chars: list[str] = []
        pos: list[tuple[int, int]] = []
        whole: set[str] = set()
        for i, line in enumerate(doc.analysis):
            for col, ch in enumerate(line):
                folded = fold_char(ch)
                chars.append(folded)
                pos.extend([(i, col)] * len(folded))
            whole.add(fold(line).strip(_ENDS))
            hit = match_heading(line.strip())
            if hit:
                whole.add(fold(line.strip()[hit[2] :]).strip(_ENDS))
        whole.discard("")
        marked = frozenset(i for i, line in enumerate(doc.analysis) if _INSTRUCTION.search(line))
        return cls(
            doc=doc,
            text="".join(chars),
            pos=pos,
            instruction_lines=marked,
            whole_lines=frozenset(whole),
        )

    @classmethod
    def from_analysis(cls, analysis: Analysis) -> QuoteIndex:
        """With the outline: which lines are headings, and the top-level section of each line."""
        index = cls.from_document(analysis.doc)
        outline = analysis.outline
        index.heading_spans = {h.line: (h.start, h.end) for h in outline.headings}
        index.body = (outline.body_start, outline.body_end)
        index.part_lines = {f.part.id: frozenset(f.lines) for f in analysis.found if f.sections}
        for h in outline.headings:
            if h.level != 1:
                continue
            title = analysis.doc.quote(h.line, h.start, h.end)
            for line in range(h.line, h.end_line + 1):
                index.section_of[line] = title
        return index

    @property
    def line_of(self) -> list[int]:
        return [p[0] for p in self.pos]

    @cached_property
    def numbers(self) -> str:
        """The folded text with Chinese numerals also in digits (see :func:`with_arabic_numbers`)."""
        return with_arabic_numbers(self.text)

    def normalise(self, quote: str) -> str:
        return fold(_simplified(quote.strip())).strip(_ENDS)

    def _at(self, quote: str) -> tuple[int, int]:
        needle = self.normalise(quote)
        at = self.text.find(needle) if needle else -1
        return at, len(needle)

    def find(self, quote: str) -> int | None:
        """1-based line where ``quote`` starts, or None when it is not in the report."""
        at, _ = self._at(quote)
        return None if at < 0 else self.pos[at][0] + 1

    def lines_of(self, quote: str) -> set[int]:
        """0-based lines the quote covers (empty when it is not in the report)."""
        at, n = self._at(quote)
        return set() if at < 0 else {p[0] for p in self.pos[at : at + n]}

    def locate(self, quote: str) -> Located:
        """Exact offsets, match status and section of a quote."""
        at, n = self._at(quote)
        if at < 0 or n == 0:
            return Located("not_found")
        (l1, c1), (l2, c2) = self.pos[at], self.pos[at + n - 1]
        starts = self._line_starts
        start, end = starts[l1] + c1, starts[l2] + c2 + 1
        verbatim = quote.strip().strip("“”\"'‘’「」。.，,；;：: ")
        text = self.doc.text
        exact = bool(verbatim) and verbatim in text[max(0, start - 2) : end + 2]
        src_line, src_col = self.doc.source_position(l1, c1)
        return Located(
            "exact" if exact else "normalised",
            start,
            end,
            l1,
            l2,
            self.section_of.get(l1),
            (src_line + 1, src_col),
        )

    @cached_property
    def _line_starts(self) -> list[int]:
        starts, at = [], 0
        for line in self.doc.lines:
            starts.append(at)
            at += len(line) + 1
        return starts

    def is_heading(self, quote: str) -> bool:
        """Whether the quote lies within heading text only (a heading is no body text; the
        sentence after an inline 一是 marker is)."""
        at, n = self._at(quote)
        if at < 0 or n == 0:
            return False
        for line, col in self.pos[at : at + n]:
            span = self.heading_spans.get(line)
            if span is None or not span[0] <= col < span[1]:
                return False
        return True

    def is_body_of(self, quote: str, part: str) -> bool:
        """Whether the quote is body text that may speak for ``part``: inside the report's body
        (not title or signature), not a heading, and inside the part's own sections when the
        offline pass found any."""
        lines = self.lines_of(quote)
        if not lines or self.is_heading(quote):
            return False
        if self.body is not None and not (
            self.body[0] <= min(lines) and max(lines) <= self.body[1]
        ):
            return False
        own = self.part_lines.get(part)
        return own is None or lines <= own

    def is_instruction(self, quote: str) -> bool:
        """Whether the quote is, or touches, text that tries to instruct the reviewer or model."""
        return bool(
            _INSTRUCTION.search(self.normalise(quote))
            or self.lines_of(quote) & self.instruction_lines
        )


def is_instruction_text(text: str) -> bool:
    return bool(_INSTRUCTION.search(text))


def with_arabic_numbers(text: str) -> str:
    """The text with Chinese numerals also written in digits, for checking the model's figures
    (it writes 二十三次 as 23次). Over-eager on words like 一些; that only makes the check lenient."""
    return CN_NUMBER.sub(lambda m: f"{m.group(0)}{cn_number(m.group(0))}", text)


def quote_problem(index: QuoteIndex, quote: str) -> str | None:
    """Why a quote cannot be evidence, as a short Chinese reason; None if it can."""
    needle = index.normalise(quote)
    if not needle:
        return "引文为空"
    if index.text.find(needle) < 0:
        return _added_words(index, needle) or "不在报告原文中（不得改写、概括或编造）"
    if len(needle) < MIN_QUOTE_CHARS and needle not in index.whole_lines:
        return f"太短（少于{MIN_QUOTE_CHARS}个字，又不是一整行标题），请摘录一整句"
    return None


def _added_words(index: QuoteIndex, needle: str) -> str | None:
    """The words a model added at either end of an otherwise verbatim quote (seen: the issuer's
    name put before every sentence), said so the re-ask can fix exactly that."""
    for cut in range(1, min(16, len(needle) - MIN_QUOTE_CHARS) + 1):
        if needle[cut:] in index.text:
            return f"开头的「{needle[:cut]}」原文没有，原文从「{needle[cut : cut + 12]}」开始"
        if needle[:-cut] in index.text:
            return f"结尾的「{needle[-cut:]}」原文没有"
    return None
