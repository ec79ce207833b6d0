"""Forms: a table whose first column labels the text beside it (主要举措和成效 | 2025年，…), as
a unit fills in the report's parts. Its text is running prose, which makes a PDF's ruled table
of it look like text boxed in rules (pdf_tables), and a web page's like a page laid out in a
table (html); its labels tell it apart."""

from __future__ import annotations

from collections.abc import Iterable

LABEL_CHARS = 40  # characters of a form's label, at most
SENTENCE_MARKS = frozenset("。，；！？")


def labelled_rows(rows: Iterable[tuple[str, list[str]]]) -> int:
    """How many of ``rows`` (each its first cell's text and its other cells') hold a label
    beside text; 0 when any row's first cell is no label (a sentence, or long text: a page's
    navigation or its article)."""
    labelled = 0
    for label, others in rows:
        if not _is_label(label):
            return 0
        labelled += bool(label) and any(others)
    return labelled


def told_rows(rows: Iterable[tuple[str, list[str]]]) -> int:
    """How many of ``rows`` hold a label beside sentences (主要举措和成效 | …成效明显。)."""
    return sum(
        1
        for label, others in rows
        if label and _is_label(label) and any(_SENTENCE_ENDS.intersection(o) for o in others)
    )


def _is_label(text: str) -> bool:
    # a comma may stand in one (the law's 党政主要负责人履行推进法治建设第一责任人职责，加强法治
    # 政府建设的有关情况); a sentence's end may not
    return len(text) <= LABEL_CHARS and not _SENTENCE_ENDS.intersection(text)


_SENTENCE_ENDS = frozenset("。；！？")
