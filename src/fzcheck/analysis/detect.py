"""Which report type is this? Each rubric says how to recognise its type (``detect``); without
``--rubric`` the best-matching bundled rubric grades the input, and the result says why.

A cheap look, before the full analysis: a title-like opening that matches the rubric's ``title``
cue is a strong sign, each mention of its ``text`` cue in the body a weak one. The full analysis
then decides whether the document really is such a report (the genre check).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from fzcheck.analysis.patterns import rx
from fzcheck.document import Document
from fzcheck.fast_patterns import cached_scanner
from fzcheck.result import RubricRef
from fzcheck.rubric.model import Rubric

TITLE_WEIGHT = 10
MAX_MENTIONS = 20  # a long report is not more of its type than a short one
HEAD_LINES = 12  # the title sits among the first lines (after any page furniture)


def _views(doc: Document) -> tuple[str, str]:
    """The opening (its first non-blank lines) and the whole text, as the cues see them."""
    # each non-blank line is at least one of the opening's lines: no more are needed
    head = "\n".join(islice(filter(str.strip, doc.analysis[: HEAD_LINES * 2]), HEAD_LINES))
    return "\n".join(head.splitlines()[:HEAD_LINES]), doc.analysis_text


def _score(head: str, text: str, rubric: Rubric) -> tuple[int, str | None, int]:
    title = rx(rubric.detect.title).search(head)
    mentions = len(list(islice(cached_scanner(rubric.detect.text).finditer(text), MAX_MENTIONS)))
    return (TITLE_WEIGHT if title else 0) + mentions, title.group(0) if title else None, mentions


def choose(
    doc: Document, rubrics: Iterable[Rubric], forced: bool = False
) -> tuple[Rubric, RubricRef]:
    """The rubric to grade ``doc`` with, and how it was chosen (for the result's ``rubric``)."""
    candidates = list(rubrics)
    if forced:
        r = candidates[0]
        return r, r.ref(selected_by="flag")
    views = _views(doc)
    scored = [(_score(*views, r), i, r) for i, r in enumerate(candidates)]
    (best, title, mentions), _, rubric = max(scored, key=lambda s: (s[0][0], -s[1]))
    if best == 0:
        reason = f"没有任何检查规则认出这份文档的类型，按“{rubric.title}”检查"
    else:
        signs = ([f"开头有“{title}”"] if title else []) + (
            [f"正文提及{mentions}次"] if mentions else []
        )
        reason = f"按{rubric.title}检查：{'，'.join(signs)}"
        # each type by its name, as the reviewer reads it (the rubric ids are the JSON's)
        others = [f"{r.title}{s[0]}" for s, _, r in scored if r is not rubric and s[0]]
        if others:
            reason += f"（吻合程度：{rubric.title}{best}，{'，'.join(others)}）"
    return rubric, rubric.ref(selected_by="auto", reason=reason)
