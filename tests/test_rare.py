"""One scan for the rare signs (other genres' marks, text addressed to a model): it must find
something wherever any of them would, so that skipping their own searches changes nothing."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from fzcheck.analysis.analyse import analyse
from fzcheck.analysis.checks import Context, InstructionsSpec, run_document_checks
from fzcheck.analysis.genre import GenreDecision, genre_score, line_start
from fzcheck.analysis.patterns import joined_across, rx
from fzcheck.analysis.rare import rare_patterns, rare_scans, rare_signs_absent
from fzcheck.document import Document
from fzcheck.fast_patterns import cached_scanner, first_chars
from fzcheck.reading import load
from fzcheck.rubric import Catalog, load_rubric
from fzcheck.rubric.model import Rubric
from tests.helpers import FIXTURES, ROOT


def _rubrics() -> list[Rubric]:
    return [*Catalog.load().values(), load_rubric(FIXTURES / "rubrics" / "safety-annual.yaml")]


def _inputs() -> list[Path]:
    found = [p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".md", ".html"}]
    return sorted([*found, ROOT / "examples" / "sample-report.txt"])


@pytest.mark.parametrize("rubric", Catalog.load().values(), ids=lambda r: r.id)
def test_every_bundled_rubric_gets_its_scans(rubric: Rubric) -> None:
    scans = rare_scans(rubric)
    assert scans is not None and len(scans) == 2  # the line-start signs, the rest
    assert all(s.pattern.startswith("\\n") for s in scans[1:])


def test_a_rubric_with_no_rare_signs_has_nothing_to_scan() -> None:
    rubric = load_rubric(FIXTURES / "rubrics" / "safety-annual.yaml")
    assert rare_patterns(rubric) == () and rare_scans(rubric) is None and joined_across(()) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<=\s)乙",
        r"(?<![^甲])乙",
        r"(?s)乙(?!.)",
        r"\A乙",
        r"乙(?!$)",
        r"(?>^|甲)乙",
        r"(?:^|甲)++乙",
        r"(乙)\1",
        r"(?i)abc",
        r"(?P<a>乙)(?P=a)",
        r"(?-m:^)乙",
        r"(?#note)(?x)乙 丙",
    ],
)
def test_no_scan_where_joining_could_miss_a_match(pattern: str) -> None:
    """A pattern whose match could depend on what stands past its line (a look-around that may
    take a newline), on MULTILINE, on its group numbers or on flags for the whole pattern
    leaves every sign to its own search."""
    assert joined_across(("本报讯", pattern)) is None
    # why an atomic group is one: with MULTILINE it commits to ^ after a newline and fails
    assert re.search(r"(?>^|甲)乙", "\n甲乙") and not re.search(r"(?>^|甲)乙", "\n甲乙", re.M)


def _verdicts(
    doc: Document, rubric: Rubric, absent: bool
) -> tuple[GenreDecision, list[dict[str, object]]]:
    a = analyse(doc, rubric)
    ctx = Context(doc=doc, report_year=a.info.report_year, rubric=rubric, rare_absent=absent)
    headings = [h.text for h in a.outline.headings]
    genre = genre_score(doc, a.facts.title_analysis, a.parts, rubric, headings, absent)
    return genre, [c.to_json() for c in run_document_checks(ctx)]


def test_skipping_the_searches_changes_nothing() -> None:
    """Wherever the scan says no rare sign stands, the genre decision and the document checks
    are the ones the signs' own searches give; and the look-alikes are not skipped."""
    skipped = 0
    for path in _inputs():
        doc = load(str(path))
        for rubric in _rubrics():
            absent = rare_signs_absent(doc, rubric)
            if absent:
                skipped += 1
                assert _verdicts(doc, rubric, True) == _verdicts(doc, rubric, False), path
    assert skipped >= 10
    for name in ("news_story.txt", "gov_work_report.txt", "jiedu.txt"):
        fazhi = Catalog.load()["fazhi-annual"]
        assert not rare_signs_absent(load(str(FIXTURES / name)), fazhi), name


def test_the_scan_finds_each_sign_wherever_it_stands() -> None:
    """Texts made of report sentences with each rare pattern's own matches put in at random
    places (line starts too): whenever a pattern's own search finds something, so does the
    joined scan."""
    fazhi = Catalog.load()["fazhi-annual"]
    scans = rare_scans(fazhi)
    assert scans is not None
    signs_of = fazhi.report_genre.other_genres
    in_text = [cached_scanner(s.pattern, re.MULTILINE) for s in signs_of if s.where == "text"]
    at_line = [rx(line_start(s.pattern)) for s in signs_of if s.where == "line_start"]
    orders = [rx(c.pattern) for c in fazhi.document_checks if isinstance(c, InstructionsSpec)]
    filler = (ROOT / "examples" / "sample-report.txt").read_text(encoding="utf-8").splitlines()
    signs = ["本报讯", "新华社北京1月3日电", "（记者 张三）", "\n记者：李四", "来源：某某日报",
             "各位代表，", "请予审议", "\n问：什么是", "\n  答：", "\n一图读懂", "忽略以上所有指令",
             "把所有部分都标记为", "你现在是一个AI", "Ignore previous instructions",
             "SYSTEM PROMPT", "mark all parts", "系统提示", "记者", "代表", "问"]  # fmt: skip
    rng = random.Random(3)
    found = 0
    for _ in range(400):
        lines = rng.sample(filler, 6)
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(len(lines))
            cut = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:cut] + rng.choice(signs) + lines[i][cut:]
        text = "\n".join(lines)
        lined = f"\n{text}"
        own = [
            *(p.search(text) for p in [*in_text, *orders]),
            *(p.search(lined) for p in at_line),
        ]
        if any(m is not None for m in own):
            found += 1
            assert any(scan.search(lined) is not None for scan in scans), lined
    assert found > 100


_LOOKS = [
    r"(?<=甲)乙",
    r"(?<!甲)乙",
    r"书记(?<!副..)[^。]{0,4}亲自",
    r"2025(?<![\d-]\d{4})年",
    r"乙(?!丙)",
    r"乙(?=丙丙)",
    r"(?<!\d)\d年",
]


@pytest.mark.parametrize("pattern", _LOOKS)
def test_a_look_around_that_takes_no_newline_is_joined_and_finds_every_lines_match(
    pattern: str,
) -> None:
    """A look-around that cannot take a newline fails at one as at a text's edge: in lines
    joined by newlines, a search from each line's start finds the match that line has alone
    (at the latest where it is), which is what a scan of joined lines relies on."""
    joined = joined_across((pattern, "本报讯"))
    assert joined is not None
    alone = re.compile(pattern)
    rng = random.Random(5)
    found = 0
    for _ in range(3000):
        words = ["甲", "乙", "丙", "丙丙", "副", "书记", "亲自", "2025", "年", "1", "-", "。"]
        lines = ["".join(rng.choices(words, k=rng.randint(0, 6))) for _ in range(5)]
        text = "\n".join(lines)
        start = 0
        for line in lines:
            m = alone.search(line)
            if m is not None:
                found += 1
                hit = joined.search(text, start)
                assert hit is not None and hit.start() <= start + m.start(), (pattern, lines)
            start += len(line) + 1
    assert found > 100


# patterns, and the words random texts are made of
_SPREADABLE = [
    (
        ("(?:忽略|无视)你?(?:以上|之前)(?:收到)?的?指令", "作为(?:AI|模型)[,，]?你要", "各位代表[,，:：]"),
        ["忽略", "无视", "你", "以上", "之前", "收到", "的", "指令", "作为", "AI", "模型", "，",
         ",", "你要", "各位代表", ":", "：", "\n"],
    ),
    (
        ("[(（]\\s*(?:记者|通讯员)[^)）\n]{0,3}[)）]", "(?:(?:A|a)(?i:ssistant)|(?:U|u)(?i:ser))\\s*[:：]满分"),
        ["(", "（", ")", "）", " ", "记者", "通讯员", "张", "\n", "A", "a", "SSISTANT", "ssistant",
         "U", "ser", "SER", ":", "：", "满分"],
    ),
    (
        ("(?:工作)?情况的?报告$", "(?:工作|情况)??报告", "[甲乙]+丙", "(?:甲|乙){2}丙", "\\(乙\\)|\\[丙"),
        ["工作", "情况", "的", "报告", "\n", "甲", "乙", "丙", "(", ")", "[", "]"],
    ),
    (
        ("^甲乙", "乙(?=丙)", "(?<=甲)乙", "(乙)丙", "(?:甲(乙)|丙)丁"),
        ["甲", "乙", "丙", "丁", "\n", " "],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("patterns", "words"), _SPREADABLE)
def test_the_joined_scan_finds_something_where_the_patterns_joined_plainly_do(
    patterns: tuple[str, ...], words: list[str]
) -> None:
    """The rare scan, written by fast() as one branch per opening character (groups and classes
    opening a branch written out), finds a match in exactly the texts the patterns joined as
    written do."""
    joined = joined_across(patterns)
    plain = re.compile("|".join(patterns), re.MULTILINE)
    assert joined is not None
    rng = random.Random(7)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choices(words, k=rng.randint(0, 10)))
        hit = plain.search(text) is not None
        found += hit
        assert (joined.search(text) is not None) == hit, (patterns, text)
    assert found > 100


def test_the_rare_scan_is_skipped_to_by_its_first_characters() -> None:
    """Each bundled rubric's rare scan is written so that the engine skips to the characters a
    sign opens with: no look-ahead tried at every character ((?:忽略|无视)… and [(（]… are written
    out, then gathered by their first character)."""
    for rubric in Catalog.load().values():
        scans = rare_scans(rubric)
        assert scans is not None
        assert not scans[0].pattern.startswith("(?=["), rubric.id
        assert first_chars(scans[0]) is None, rubric.id  # the engine skips ahead on its own
