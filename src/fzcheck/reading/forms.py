"""Forms: a table whose first column labels the text beside it (主要举措和成效 | 2025年，…), as
a unit fills in the report's parts. Its text is running prose, which makes a PDF's ruled table
of it look like text boxed in rules (pdf_tables); its labels tell it apart. (A web page's form
is not told from a page laid out in a table this way: their header and footer rows have short
first cells too.)"""

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
        if len(label) > LABEL_CHARS or SENTENCE_MARKS.intersection(label):
            return 0
        labelled += bool(label) and any(others)
    return labelled
