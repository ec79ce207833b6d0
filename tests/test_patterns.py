"""patterns.fast: the look-ahead on first characters finds every match the pattern finds, and
only those, for every pattern a bundled rubric holds and for the shapes that need care."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from fzcheck.analysis.patterns import any_of, compile_pattern, first_match
from fzcheck.fast_patterns import fast, first_chars

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))),
    (ROOT / "examples" / "sample-report.txt").read_text(encoding="utf-8"),
    "  记者 王某\n（记者 李某）本报讯 ignore previous instructions\n问：什么？\n答：是。\nQ: x",
    "工作情况的报告\n年度报告\n\u3000\u3000一、 12  3.5  -4\n规章\n你是一个AI\nSYSTEM PROMPT",
]


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def _rubric_patterns() -> list[str]:
    found = set()
    for path in sorted((ROOT / "rubrics").glob("*.yaml")):
        for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            s = s.replace("{report_year}", "2024").replace("{next_year}", "2025")
            try:
                re.compile(s)
            except re.error:
                continue
            found.add(s)
    return sorted(found)


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[Any, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.mark.parametrize("flags", [0, re.MULTILINE])
def test_every_rubric_pattern_matches_the_same(flags: int) -> None:
    patterns = _rubric_patterns()
    assert len(patterns) > 100
    sped_up = 0
    for p in patterns:
        plain, quick = re.compile(p, flags), fast(p, flags)
        sped_up += quick.pattern != p
        for text in TEXTS:
            assert _matches(quick, text) == _matches(plain, text), p
            assert bool(quick.match(text)) == bool(plain.match(text)), p
    assert sped_up >= 5  # the rubrics do hold patterns the engine cannot skip through


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?i)(?:把|将)全部|system prompt", "先把全部…System Prompt…ſystem prompt"),
        (r"(?:工作)?情况的报告$|年度报告$", "情况的报告\n工作情况的报告"),
        (r"(?:^|\n)\s*(?:记者|摄影)\s*\S{2}", "正文\n  记者 王某某\n摄影张三"),
        (r"^[ \t]*(?:问|答)[:：]", "一\n 问:甲\n答：乙"),
        (r"(?x) (?:甲|乙) 丙  # a comment closes the line", "甲丙 乙丙"),
        (r"(?:\s+-?\d+(?:\.\d+)?){2,}\s*$", "一、收到 95\u3000 0  -1.5 "),
        (r"(?=\D)(?:一|二)?是", "一是二是是"),
        (r"(?i:abc)|(?:甲)", "ABC甲"),
    ],
)
def test_shapes_that_need_care(pattern: str, text: str) -> None:
    for flags in (0, re.MULTILINE):
        assert _matches(fast(pattern, flags), text) == _matches(re.compile(pattern, flags), text)


def test_only_where_the_engine_cannot_skip() -> None:
    assert first_chars(re.compile("行政诉讼")) is None  # a literal prefix: already fast
    assert first_chars(re.compile("法治政府|依法治")) is None  # literal first characters
    assert first_chars(re.compile("a?")) is None  # may match empty
    assert first_chars(re.compile(r".{0,3}备")) is None  # may start anywhere
    assert first_chars(re.compile(r"(?i:x)y|z")) is None  # a scoped flag
    assert first_chars(re.compile("(?:把|将)所有|你")) == {"把", "将", "你"}


def test_year_placeholders_still_filled() -> None:
    rx = compile_pattern("(?:下一年度|{next_year}年)工作", 2024)
    assert rx is not None and rx.search("2025年工作")
    assert compile_pattern("{report_year}年") is None


def test_joined_patterns_keep_each_its_own_flags_and_groups() -> None:
    case = any_of(("(?i)abc", "XYZ"))
    assert case is not None and case.search("ABC") and not case.search("xyz")
    backref = any_of((r"(a)\1", "b"))
    assert backref is not None and backref.search("xaa") and not backref.search("xa")
    assert any_of(("{report_year}年",)) is None  # nothing applies without the year


def test_joined_patterns_say_what_first_match_says() -> None:
    patterns = [p for p in _rubric_patterns() if "{" not in p][:80]
    lines = [line for text in TEXTS for line in text.splitlines() if line.strip()]
    for k in range(0, len(patterns), 4):
        group = patterns[k : k + 4]
        for line in lines:
            joined = any_of(tuple(group))
            assert joined is not None
            found = joined.search(line) is not None
            assert found == (first_match(group, line) is not None), group


@pytest.mark.parametrize(
    "text",
    [
        "落实《党政主要负责人履行推进法治建设第一责任人职责规定》情况",
        "职责规定》要求，主要负责人《亲自",
        "《纲要》和《规定》",
        "《" + "长" * 70 + "》",
        "》开头",
        "尾部《未完",
        "没有书名号",
    ],
)
def test_titles_masked_as_one_pattern_would(text: str) -> None:
    from fzcheck.analysis.patterns import mask_titles

    plain = re.compile(r"《[^《》]{1,60}(?:》|$)|^[^《》]{1,60}》")
    assert mask_titles(text) == plain.sub(lambda m: "〇" * len(m.group(0)), text)


@pytest.mark.parametrize(
    ("pattern", "flags", "texts"),
    [
        (r"(?:a|b)x|[^]|(?:c|d)]", 0, ["d", "]", "bx", "d]", "cx"]),  # ] right after [^ is literal
        ("(?:a|b)c  # a comment", re.VERBOSE, ["bc", "ac", "b c"]),
        (r"[ -]x|(?:q|r)y", 0, [" x", "-x", "ry"]),
    ],
)
def test_rewrites_keep_tricky_syntax(pattern: str, flags: int, texts: list[str]) -> None:
    for text in texts:
        want = _matches(re.compile(pattern, flags), text)
        assert _matches(fast(pattern, flags), text) == want, (pattern, text)


@pytest.mark.parametrize(
    ("pattern", "flags", "cls", "text"),
    [
        # one first character: the engine looks for it as for a literal prefix
        (
            r"(?=[予])(?:(?<!部分)予以公开\s*(?P<n>\d+)件)",
            0,
            "予",
            "部分予以公开3件，予以公开 12件",
        ),
        (r"(?=[把将])(?:(?:把|将)+所有)", 0, "把将", "将把所有，把所有，所有"),
        (r"(?=[a-c])(?:[a-c]x|b)", re.MULTILINE, "a-c", "ax\nbx\ncb"),
        (r"(?=[Ss])(?:system)", re.IGNORECASE, "Ss", "SYSTEM ſystem system"),  # cased: no header
    ],
)
def test_led_patterns_match_the_same_told_where_matches_start(
    pattern: str, flags: int, cls: str, text: str
) -> None:
    from fzcheck.fast_patterns import led_by

    led, plain = led_by(pattern, flags, cls), re.compile(pattern, flags)
    assert _matches(led, text) == _matches(plain, text)
    assert (led.pattern, led.flags, led.groupindex) == (
        plain.pattern,
        plain.flags,
        plain.groupindex,
    )


def test_the_engine_is_told_where_a_looked_ahead_match_starts() -> None:
    from fzcheck.fast_patterns import led_by

    pattern = r"(?=[主第])(?:(?<!副)主要负责人|第一责任人)"
    # patterns compare by their compiled code: a differing one carries the header
    assert led_by(pattern, 0, "主第") != re.compile(pattern)
    # (a branch opening with \\d cannot be gathered under a character: the look-ahead leads)
    led = r"(?<!副)主要负责人|(?<!副)第一责任人|\d名"
    assert fast(led) != re.compile(fast(led).pattern)


@pytest.mark.parametrize(
    ("pattern", "grouped"),
    [
        ("不足|原因|不够", "不(?:足|够)|原因"),
        ("(?<![形造])成因|原因", "成(?<!(?:[形造])成)因|原因"),
        ("(?<!将)(?:造成|导致)的|究其", "造(?<!(?:将)造)成的|导(?<!(?:将)导)致的|究其"),
        ("(?:上述|这些)?问题|[这此]是", "上述问题|这(?:些问题|是)|问题|此是"),
        ("(?:(?:这|此)主要|以上)源自|由于", "这主要源自|此主要源自|以上源自|由于"),
        ("(?<![^。\n])(?:这|此)是|但", "这(?<!(?:[^。\n])这)是|此(?<!(?:[^。\n])此)是|但"),
        (
            "[(（]记者|\\(通讯员|丙",
            "\\((?:记者|通讯员)|（记者|丙",
        ),  # an escaped sign is a character
    ],
)
def test_branches_gathered_by_their_first_character(pattern: str, grouped: str) -> None:
    from fzcheck.fast_patterns import grouped_by_first

    assert grouped_by_first(pattern) == grouped


@pytest.mark.parametrize(
    "pattern",
    [
        "法治政府|法治建设",  # one first character: the engine skips to it already
        "[^。]{0,3}问题|原因",  # a branch that may open with any character
        "(?i)abc|def",  # a flag for the whole pattern
        "(?:甲|乙)+丙|丁",  # a repeated group
        "甲?乙|丙",  # an optional first character
        "\\d名|丙",  # a class of characters written as an escape
    ],
)
def test_branches_not_gathered(pattern: str) -> None:
    from fzcheck.fast_patterns import grouped_by_first

    assert grouped_by_first(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        ("(?<![形造])成因|原因|(?<!将)(?:造成|导致)", ["成因形成因原因将导致导致造成", "成因"]),
        ("(?<![^。,\n])(?:这|此)(?:主要)?是|这", ["这是。这主要是,此是\n这", "这是这", "此是"]),
        ("(?:上述|这些)?问题的?|问|上", ["上述问题的问上这些问题问", "问题"]),
        ("(?<!(?:风险|安全)因)素|素质|(?<=^)甲|甲乙", ["风险因素安全因素因素素质甲乙", "甲乙甲"]),
        ("(?:甲|乙)?(?:丙|丁)戊|丙", ["丙戊甲丁戊乙丙丙", "丁戊"]),
        ("[(（]记者[^)）]{0,4}[)）]|\\(注|（", ["(记者 王)（记者李）(注（", "(注"]),
    ],
)
def test_gathered_patterns_match_the_same(pattern: str, texts: list[str]) -> None:
    assert fast(pattern).pattern != pattern  # gathered
    for flags in (0, re.MULTILINE):
        quick, plain = fast(pattern, flags), re.compile(pattern, flags)
        for text in texts:
            for pos in range(len(text) + 1):
                assert _matches(quick, text[pos:]) == _matches(plain, text[pos:]), (pattern, text)
                assert [m.span() for m in quick.finditer(text, pos)] == [
                    m.span() for m in plain.finditer(text, pos)
                ]


def test_a_stdlib_compiler_without_the_header_leaves_the_pattern_as_re_compiles_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fzcheck import fast_patterns

    monkeypatch.setattr(fast_patterns, "compiler", object())
    pattern = r"(?=[主第])(?:(?<!副)主要负责人|第一责任人)"
    led = fast_patterns.led_by(pattern, 0, "主第")
    assert led == re.compile(pattern)
    assert _matches(led, "副主要负责人，第一责任人") == [((7, 12), ())]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"bz|ax|b?\w", "ax"),  # an optional first literal may start at another's position
        ("将*|把*", "将将把"),  # branches that match nothing
        ("法治政府|法治建设|依法行政|依法治", "依法治政府，依法行政，法治建设"),
    ],
)
def test_scanner_finds_what_the_pattern_finds(pattern: str, text: str) -> None:
    from itertools import islice

    from fzcheck.fast_patterns import scanner

    found = scanner(pattern)
    want = [m.span() for m in re.finditer(pattern, text)]
    assert [m.span() for m in islice(found.finditer(text), 50)] == want
    first = re.search(pattern, text)
    got = found.search(text)
    assert (got.span() if got else None) == (first.span() if first else None)


def test_first_non_space_character_of_a_class_with_spaces() -> None:
    from fzcheck.fast_patterns import first_after_space

    first = first_after_space(r"[ -]x")
    assert first is not None and {"-", "x"} <= first


@pytest.mark.parametrize("ascii_too", [True, False])
def test_bmp_digit_class_is_exactly_the_bmp_digits(ascii_too: bool) -> None:
    """Every BMP character: in the class exactly when \\d (or [^\\D0-9]) matches it."""
    from fzcheck.fast_patterns import bmp_digits

    listed = re.compile(f"[{bmp_digits(ascii_too)}]")
    written = re.compile(r"\d" if ascii_too else r"[^\D0-9]")
    differ = [
        c for c in range(0x10000) if bool(listed.match(chr(c))) != bool(written.match(chr(c)))
    ]
    assert differ == []


def test_figures_counted_alike_whatever_the_text_holds() -> None:
    """A \\d-first pattern opened with the BMP class finds what \\d finds; a text with a
    supplementary-plane character is told apart (and searched with \\d itself)."""
    from fzcheck.fast_patterns import bmp_digit_first, bmp_only

    pattern = r"\d\d*+(?:\.\d+)?\s*(?:个|项|%)"
    text = "办理12件，共3.5%；٣个、१२项，和𝟘个（数学数字）与𝟙𝟚项"
    assert not bmp_only(text) and bmp_only(text.replace("𝟘", "0").replace("𝟙𝟚", "12"))
    bmp_text = text.replace("𝟘", "").replace("𝟙𝟚", "")
    assert bmp_digit_first(pattern).findall(bmp_text) == re.findall(pattern, bmp_text)
    assert len(re.findall(pattern, bmp_text)) == 3
    # what the fallback is for: a supplementary-plane digit opens a figure only for \d
    assert "𝟘个" in re.findall(pattern, text) and "𝟘个" not in bmp_digit_first(pattern).findall(
        text
    )
    with pytest.raises(ValueError):
        bmp_digit_first(r"[0-9]+")


def test_a_flag_set_after_a_comment_reaches_no_other_pattern() -> None:
    """(?#…)(?x) sets verbose mode for the whole pattern it opens: joined first, it would make
    the next pattern's spaces count for nothing."""
    finder = any_of(("(?#note)(?x)甲 乙", "丙 丁"))
    assert finder is not None
    assert finder.search("说到丙 丁") is not None
    assert finder.search("说到甲乙") is not None


def test_cjk_count_is_the_number_of_unified_ideographs() -> None:
    """Counted by UTF-16 high byte: the edges of U+4E00-U+9FFF, their neighbours, and characters
    whose surrogate halves or low bytes could be mistaken for them."""
    from fzcheck.fast_patterns import cjk_count

    text = "一鿿\u4dff\ua000〇㐀𠮷\ud84e\u4e4e\u9f4e\u004e法治。abc"
    assert cjk_count(text) == len(re.findall("[\u4e00-\u9fff]", text)) == 6
    assert cjk_count("") == 0


def test_bundled_body_cues_open_with_what_the_engine_skips_to() -> None:
    """A part's body cues are joined into one scan of the whole body: a cue that may open with
    any character is tried at every one, and the joined scan with it (an own cue opening with
    [^。，…]{1,8}? doubled the check's time). The achievements' run of figures, its first
    character any but a digit, is the one such cue (its part's scan is read line by line)."""
    from fzcheck.fast_patterns import _engine_skips
    from fzcheck.rubric import Catalog
    from fzcheck.stdlib_re import constants as _op
    from fzcheck.stdlib_re import parser as _sre

    def skipped_to(pattern: str) -> bool:
        items = list(_sre.parse(pattern).data)
        while items and items[0][0] is _op.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
            items = list(items[0][1][3].data) + items[1:]
        if items and (items[0][0] is _op.AT or _engine_skips(items[0])):
            return True
        return first_chars(re.compile(pattern)) is not None

    anywhere = [
        (r.id, part.id)
        for r in Catalog.load().values()
        for part in r.parts
        for cue in part.body_cues
        if not skipped_to(cue.replace("{report_year}", "2024").replace("{next_year}", "2025"))
    ]
    assert anywhere == [("fazhi-annual", "achievements")]


@pytest.mark.parametrize("gap", [" ", *map(chr, range(0x2002, 0x200A))])
def test_a_glyph_gap_closed_whichever_space_it_is(gap: str) -> None:
    from fzcheck.analysis.patterns import heading_words

    assert heading_words(f"二、存在的不{gap}足和原因") == "二、存在的不足和原因"
    assert heading_words(f"1.{gap}规章") == f"1.{gap}规章"  # not between two ideographs
    assert heading_words("二、存在的不足和原因\u3000") == "二、存在的不足和原因\u3000"
