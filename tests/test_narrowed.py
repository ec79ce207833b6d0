"""narrowed: a pattern searched with only the branches a text holds the words of finds exactly
what the whole pattern finds, for every pattern a bundled rubric holds."""

from __future__ import annotations

import re

import pytest

from fzcheck.narrowed import Narrowed, narrowed
from tests.test_patterns import TEXTS, _matches, _rubric_patterns

# each text, and each of its sentences and lines alone: most hold few of a pattern's words
PIECES = sorted(
    {piece for text in TEXTS for piece in (text, *re.split(r"(?<=[。\n])", text)) if piece}
)


def test_every_rubric_pattern_finds_the_same_narrowed() -> None:
    narrowed_any = 0
    for p in _rubric_patterns():
        whole, n = re.compile(p), Narrowed(p)
        for text in PIECES:
            within = n.within(text)
            narrowed_any += within is not n.whole
            assert _matches(within, text) == _matches(whole, text), (p, text)
    assert narrowed_any > 100  # the rubrics do hold branches most texts cannot match


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        # the word a branch needs sits in a look-behind or a look-ahead: still needed
        (r"(?<=既有)[^。]{0,4}原因|甲", "既有主观原因。甲"),
        (r"[^。]{0,3}(?=既有)|乙", "其原因既有。乙"),
        # a negative look-around needs nothing: the branch is kept when its word is absent
        (r"[^。]{0,3}(?<!没有)原因|丙", "查找原因。丙"),
        # an optional part needs nothing, a repeat of at least one does
        (r"(?:究其|[^。]{0,4}的)?既有|(?:多方面)+[^。]?", "既有。多方面的"),
        # a class of a few characters: one of them
        (r"[^。]{0,2}[,，]原因|丁", "的，原因。丁"),
        # one branch of an alternation inside a branch needs nothing: the branch needs nothing
        (r"[^。]{0,2}(?:原因|[^。]?)了|戊", "看了。戊"),
        # flags at the head stay at the head
        (r"(?m)^[^。]{0,2}原因|^甲", "原因\n甲"),
    ],
)
def test_shapes_that_need_care(pattern: str, text: str) -> None:
    for piece in (text, *text.split("。")):
        assert _matches(narrowed(pattern).within(piece), piece) == _matches(
            re.compile(pattern), piece
        )


def test_a_branch_whose_words_are_absent_is_left_out() -> None:
    n = Narrowed(r"[^。]{0,12}的原因|[^。]{0,6}既有|甲")
    assert n.within("甲乙丙").pattern.endswith("甲") and "既有" not in n.within("甲乙丙").pattern
    assert "既有" in n.within("既有甲").pattern and "原因" not in n.within("既有甲").pattern
    assert n.within("的原因，既有").pattern == n.whole.pattern
    assert n.within("乙").search("乙") is None  # no branch can match: nothing is searched


@pytest.mark.parametrize(
    "pattern",
    [
        r"([^。]{0,3})原因|甲",  # a group: dropping a branch would renumber it
        r"(?i)[^。]{0,3}system|甲",  # case folded: its words are not as written
        r"[^。]{0,3}原因",  # one branch
        r"[^。]{0,3}|甲",  # a branch that needs nothing
        r"甲[^。]{0,3}原因|乙",  # every branch opens with a word: the engine skips to it
    ],
)
def test_never_narrowed(pattern: str) -> None:
    n = Narrowed(pattern)
    assert n.within("丙") is n.whole
