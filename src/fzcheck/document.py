"""The document model every later stage works on.

``lines`` is the text as the reader got it (what quotes are cut from); ``analysis`` has the same
lines, each exactly as long as its original, converted to Simplified characters with full-width
ASCII folded, so a match at ``analysis[i][a:b]`` quotes as ``lines[i][a:b]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Format = Literal["txt", "html", "docx", "pdf", "doc", "rtf", "ofd"]
Script = Literal["simplified", "traditional"]

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space fold to ASCII one char for one,
# which keeps every line's length (unlike NFKC, which can expand ① or ㎡).
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold_width(text: str) -> str:
    return text.translate(_FOLD)


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

    def quote(self, line: int, start: int = 0, end: int | None = None) -> str:
        """Original text of 0-based ``line`` between analysis offsets ``start`` and ``end``."""
        return self.lines[line][start:end].strip()
