"""Is a quote really in the report? Checked in code, never taken on the model's word.

Both sides are compared after the same folding: the report's analysis view (Simplified script,
full-width folded), NFKC, every whitespace removed, and the quote likewise converted to Simplified.
So a Traditional report matches a quote the model gives in either script, and line breaks or
spaces the model drops or adds do not matter. A quote must also be long enough to mean something:
eight characters of a Chinese report is about half a clause.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from fzcheck.document import Document, fold_width
from fzcheck.reading.numerals import CN_NUMBER, cn_number

MIN_QUOTE_CHARS = 8
# Quote marks and end punctuation the model adds around a quote are not part of it.
_WRAP = "\"'“”‘’「」『』《》〈〉 \t。.,，;；:："
_SPACE = re.compile(r"\s+")
# Text that addresses the model instead of the reader: content to assess, never evidence.
_INSTRUCTION = re.compile(
    r"忽略|无视|不要理会|(?:标记|判定|认定|视为|评为|输出)[^。]{0,12}(?:存在|齐全|完整|present|complete)"
    r"|所有部分|全部部分|(?:人工智能|大模型|语言模型|AI|模型|助手|审阅系统|审核系统|评审系统)"
    r"[^。]{0,6}(?:请|应|须|必须|要)|提示词|系统指令|ignore|instruction|system prompt|assistant",
    re.IGNORECASE)


def _fold(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", fold_width(text)))


def _simplified(text: str) -> str:
    from fzcheck.reading.normalize import to_simplified

    return to_simplified([text])[0][0]


@dataclass
class QuoteIndex:
    """The report folded into one string, with the 0-based line of every folded character."""

    text: str
    line_of: list[int]
    instruction_lines: frozenset[int]

    @classmethod
    def from_document(cls, doc: Document) -> QuoteIndex:
        chars: list[str] = []
        line_of: list[int] = []
        for i, line in enumerate(doc.analysis):
            folded = _fold(line)
            chars.append(folded)
            line_of.extend([i] * len(folded))
        marked = frozenset(i for i, line in enumerate(doc.analysis) if _INSTRUCTION.search(line))
        return cls(text="".join(chars), line_of=line_of, instruction_lines=marked)

    @cached_property
    def numbers(self) -> str:
        """The folded text with Chinese numerals also in digits (see :func:`with_arabic_numbers`)."""
        return with_arabic_numbers(self.text)

    def normalise(self, quote: str) -> str:
        return _fold(_simplified(quote.strip(_WRAP)))

    def find(self, quote: str) -> int | None:
        """1-based line where ``quote`` starts, or None when it is not in the report."""
        needle = self.normalise(quote)
        at = self.text.find(needle) if needle else -1
        return None if at < 0 else self.line_of[at] + 1

    def lines_of(self, quote: str) -> set[int]:
        """0-based lines the quote covers (empty when it is not in the report)."""
        needle = self.normalise(quote)
        at = self.text.find(needle) if needle else -1
        return set() if at < 0 else set(self.line_of[at:at + len(needle)])

    def is_instruction(self, quote: str) -> bool:
        """Whether the quote is, or touches, text that tries to instruct the reviewer or model."""
        return bool(_INSTRUCTION.search(self.normalise(quote))
                    or self.lines_of(quote) & self.instruction_lines)


def with_arabic_numbers(text: str) -> str:
    """The text with Chinese numerals also written in digits, for checking the model's figures
    (it writes 二十三次 as 23次). Over-eager on words like 一些; that only makes the check lenient."""
    return CN_NUMBER.sub(lambda m: f"{m.group(0)}{cn_number(m.group(0))}", text)


def quote_problem(index: QuoteIndex, quote: str) -> str | None:
    """Why a quote cannot be evidence, as a message the model can act on; None if it can."""
    needle = index.normalise(quote)
    if len(needle) < MIN_QUOTE_CHARS:
        return (f"quote「{quote}」太短（少于{MIN_QUOTE_CHARS}个字），请从报告原文逐字复制一整句")
    if index.text.find(needle) < 0:
        return (f"quote「{quote[:60]}」不在报告原文中。请只从报告原文逐字复制句子，"
                "不要改写、概括或编造；找不到就删去这一项")
    return None
