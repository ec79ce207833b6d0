"""The document model every later stage works on.

``lines`` is the text as the reader got it (what quotes are cut from); ``analysis`` has the same
lines, each exactly as long as its original, converted to Simplified characters with full-width
ASCII folded, so a match at ``analysis[i][a:b]`` quotes as ``lines[i][a:b]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from fzcheck.fast_patterns import utf16

Format = Literal["txt", "html", "docx", "pdf", "doc", "rtf", "ofd"]

# The line a reader puts where a document shows a picture the size of a table or a page (a table
# pasted as an image): what stands there is not text, yet something does — a section holding one
# is not empty, and its table is there but cannot be read. (A web page's text export writes the
# same: [图片].)
PICTURE = "[图片]"
# A picture at least this wide and tall (cm) is a table's or a page's, not a seal (4 cm), a logo,
# an icon or a QR code: the one measure every reader sizes pictures by, in its own unit
PICTURE_MIN_CM = (6.0, 1.5)
Script = Literal["simplified", "traditional"]


def fold_width(text: str, units: bytes | None = None, high: bytes | None = None) -> str:
    """Full-width ASCII (U+FF01..U+FF5E) and the ideographic space folded to ASCII one character
    for one, which keeps every line's length (unlike NFKC, which can expand ① or ㎡).

    One replace per distinct such character the text holds (a report uses a handful: ，：（）),
    where translate() visits every character. ``units`` is ``utf16(text)`` when the caller has
    it: which of them the text holds is read off its code units (:func:`_full_width_in`), and
    ``high`` is ``units[1::2]`` when the caller has that too."""
    if units is None:
        units, high = utf16(text), None
    for ch in _full_width_in(text, units, high):
        text = text.replace(ch, chr(ord(ch) - 0xFEE0))
    if "\u3000" in text:
        text = text.replace("\u3000", " ")
    return text


# The full-width forms Chinese text is typed with: counting these (a string search each) most
# often accounts for every U+FFxx code unit a text holds.
_USUAL_FULL_WIDTH = "，：；（）！？％"
_HIGH_FF = bytes(0xFF if b == 0xFF else 0 for b in range(256))  # keeps 0xFF, zeroes the rest


def _full_width_in(text: str, units: bytes, high: bytes | None = None) -> list[str]:
    """The characters U+FF01-U+FF5E in ``text`` (``units`` its UTF-16-LE code units). When the
    usual ones, counted, are as many as the units with high byte 0xFF, they are all; else the
    low bytes of those units are picked out by one AND of the two halves read as integers.
    Memory-speed either way, where a scan for the class stops at every character. ``high`` is
    ``units[1::2]`` when the caller has it."""
    if high is None:
        high = units[1::2]
    total = high.count(0xFF)
    if not total:
        return []
    usual = [(ch, n) for ch in _USUAL_FULL_WIDTH if (n := text.count(ch))]
    if sum(n for _, n in usual) == total:
        return [ch for ch, _ in usual]
    low = int.from_bytes(units[0::2], "little") & int.from_bytes(high.translate(_HIGH_FF), "little")
    held = low.to_bytes(len(high), "little").translate(None, b"\0")
    return [chr(0xFF00 + b) for b in set(held) if b <= 0x5E]


@dataclass(frozen=True, slots=True)
class Document:
    source: str
    sha256: str
    format: Format
    encoding: str | None
    lines: list[str]
    analysis: list[str]
    script: Script
    published_on: dt.date | None = None
    # docx heading styles: line index (0-based) -> outline level 1..
    styled_headings: dict[int, int] = field(default_factory=dict)
    ocr: bool = False  # the text was recognised from page images (a scan), not read
    # characters the reader could not decode (U+FFFD): damaged bytes, or a page captured so
    unreadable: int = 0
    # Run-on text re-segmented at inline headings: per line, (0-based line, column) where it
    # starts in the text as read. None when the lines are the reader's own.
    origin: tuple[tuple[int, int], ...] | None = None
    # the analysis lines joined, once: several stages search the whole text
    analysis_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "analysis_text", "\n".join(self.analysis))

    @property
    def resegmented(self) -> bool:
        return self.origin is not None

    def source_position(self, line: int, column: int = 0) -> tuple[int, int]:
        """(0-based line, column) in the text as read of ``column`` on 0-based ``line``."""
        if self.origin is None:
            return line, column
        first, start = self.origin[line]
        return first, start + column

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def chars(self) -> int:
        return sum(map(len, map(str.strip, self.lines)))

    def quote_span(self, start: int, end: int) -> tuple[int, str]:
        """The 0-based line of ``analysis_text[start:end]`` and that span as the text has it
        (full-width punctuation as written, not folded), cut at the line's end."""
        text = self.analysis_text
        i = text.count("\n", 0, start)
        column = start - (text.rfind("\n", 0, start) + 1)
        return i, self.quote(i, column, column + end - start)

    def quote(self, line: int, start: int = 0, end: int | None = None) -> str:
        """Original text of 0-based ``line`` between analysis offsets ``start`` and ``end``."""
        text = self.lines[line][start:end]
        if "*" in text:  # Markdown emphasis, blank in the analysis view: not part of a quote
            view = self.analysis[line][start:end]
            text = text[len(view) - len(view.lstrip()) : len(view.rstrip())]
        return text.strip()
