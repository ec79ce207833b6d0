"""Rubrics are data: the bundled one loads, and broken ones say file, key and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fzcheck.errors import RubricError
from fzcheck.rubric import Catalog, load_rubric, parse_rubric, resolve
from tests.helpers import ROOT

BUNDLED = (ROOT / "rubrics" / "fazhi-annual.yaml").read_text(encoding="utf-8")


def test_bundled_rubric_has_the_five_parts_of_article_25() -> None:
    r = load_rubric("fazhi-annual")
    assert [p.id for p in r.parts] == [
        "achievements",
        "problems",
        "leader_duties",
        "next_year_plan",
        "other",
    ]
    assert [p.required for p in r.parts] == [True, True, True, True, False]
    assert r.total_weight == 100
    assert all("厅字〔2019〕28号" in p.citation for p in r.parts)
    assert r.source.publish_by.month == 4 and r.source.publish_by.day == 1


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            "weight: 25\n",
            "weight: lots\n",
            r"parts\[1\]\.weight（第\d+行）：应为数字",
        ),
        # pydantic's bounds and a check's unknown kind in the reviewer's language, not English
        ("weight: 25\n", "weight: -5\n", r"parts\[1\]\.weight（第\d+行）：应不小于 0"),
        (
            "embedded_credit: 0.5",
            "embedded_credit: 0.5\ncolour: red",
            r"colour（第19行）：没有这一项（拼写错误？）",
        ),
        ("  - id: other\n", "  - id: Other\n", r"parts\[4\]\.id（第\d+行）：不符合规定的格式"),
        (
            "      - 第一责任人|法治建设第一责任|主要负责人|党政.{0,4}负责人|一把手",
            "      - 第一责任人(",
            r"parts\[2\]\.heading_cues\[0\]（第\d+行）：不是有效的正则表达式",
        ),
        (
            "  - id: other\n",
            "  - id: problems\n",
            r"parts（第\d+行）：部分的 id 不能重复；重复的：problems",
        ),
        (
            "kind: figures",
            "kind: vibes",
            r"parts\[0\]\.checks\[0\]（第\d+行）：kind 为 'vibes'，不是已知的检查种类",
        ),
        # a document-level kind among a part's checks is refused, not silently skipped
        (
            "kind: figures",
            "kind: publication",
            r"parts\[0\]\.checks\[0\]（第\d+行）：kind 为 'publication'，不是已知的检查种类",
        ),
        # a setting the kind needs is required, not an error on every report later
        (
            "        pattern: &causes ",
            "        patterns: &causes ",
            r"parts\[1\]\.checks\[1\]\.pattern"
            r"（第\d+行）：缺少这一项",
        ),
        (
            "    embeds_in: [achievements, leader_duties]\n",
            "    embeds_in: [achievement, leader_duties]\n",
            r"parts（第\d+行）：部分 problems：embeds_in 中的 achievement 不是本报告类型的另一个部分",
        ),
    ],
)
def test_invalid_rubrics_name_key_and_line(old: str, new: str, expected: str) -> None:
    assert old in BUNDLED
    with pytest.raises(RubricError, match=r"^mine\.yaml：" + expected):
        parse_rubric(BUNDLED.replace(old, new, 1), "mine.yaml")


def test_line_numbers_point_at_the_offending_key() -> None:
    broken = BUNDLED.replace("embedded_credit: 0.5", "embedded_credit: 2")
    line = next(
        i for i, text in enumerate(broken.splitlines(), 1) if text.startswith("embedded_credit")
    )
    with pytest.raises(RubricError, match=rf"embedded_credit（第{line}行）"):
        parse_rubric(broken, "x.yaml")


def test_yaml_syntax_errors_have_a_line() -> None:
    with pytest.raises(RubricError, match=r"x\.yaml（第\d+行）：不是有效的YAML"):
        parse_rubric("id: [unclosed\n", "x.yaml")


def test_a_rubric_nested_hundreds_deep_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    """a: [[[[… 1,000 deep: the YAML parser's recursion ran out (RecursionError, a traceback
    from every command given --rubric); a config nested so is refused alike."""
    with pytest.raises(RubricError, match="嵌套过深"):
        parse_rubric("a: " + "[" * 1000, "x.yaml")
    from fzcheck.config import load_config
    from fzcheck.errors import ConfigError

    deep = tmp_path / "c.toml"
    deep.write_text("a = " + "[" * 5000, encoding="utf-8")
    with pytest.raises(ConfigError, match="嵌套过深"):
        load_config(deep)


def test_unknown_rubric_lists_the_bundled_ones() -> None:
    with pytest.raises(RubricError, match="未知的报告类型 'nope'；内置：fazhi-annual"):
        resolve("nope")


def test_rubric_from_a_path(tmp_path: Path) -> None:
    custom = tmp_path / "strict.yaml"
    custom.write_text(
        BUNDLED.replace("id: fazhi-annual", "id: strict").replace(
            "embedded_credit: 0.5", "embedded_credit: 0"
        ),
        encoding="utf-8",
    )
    r = load_rubric(str(custom))
    assert r.id == "strict" and r.embedded_credit == 0


def test_unknown_placeholders_are_rejected() -> None:
    broken = BUNDLED.replace("今后|{next_year}年", "今后|{nextyear}年", 1)
    assert broken != BUNDLED
    with pytest.raises(RubricError, match=r"未知的占位符 \{nextyear\}"):
        parse_rubric(broken, "x.yaml")


def test_later_stages_find_the_rubric_that_was_used(tmp_path: Path) -> None:
    custom = tmp_path / "custom.yaml"
    custom.write_text(
        BUNDLED.replace("id: fazhi-annual", "id: custom").replace(
            "embedded_credit: 0.5", "embedded_credit: 0.75"
        ),
        encoding="utf-8",
    )
    forced = Catalog.load(str(custom))
    assert forced.forced and list(forced) == ["custom"]
    assert forced.for_result({"rubric": {"id": "custom", "version": "1.0"}}) is forced["custom"]
    assert forced.for_result({"rubric": {"id": "fazhi-annual", "version": "1.0"}}) is None
    bundled = Catalog.load()
    assert not bundled.forced and "fazhi-annual" in bundled
    assert bundled.for_result({"rubric": {"id": "fazhi-annual", "version": "0.9"}}) is None


def test_a_result_is_shown_with_the_rubric_content_that_graded_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An edited copy of the bundled rubric keeping its id and version is another rubric: a
    result names the content that graded it (its digest), and a catalog without that content
    has no rubric for it — said once, never the other one in silence. A result written before
    the digest was recorded is found by id and version, as before."""
    edited = tmp_path / "their.yaml"
    edited.write_text(BUNDLED.replace("label: 举措成效", "label: 工作成效"), encoding="utf-8")
    theirs, bundled = Catalog.load(str(edited)), Catalog.load()
    mine = theirs["fazhi-annual"]
    assert mine.version == bundled["fazhi-annual"].version
    assert mine.digest != bundled["fazhi-annual"].digest
    graded = {"rubric": mine.ref(selected_by="flag").to_json()}
    assert graded["rubric"]["digest"] == mine.digest
    assert theirs.for_result(graded) is mine
    assert bundled.for_result(graded) is None and bundled.for_result(graded) is None
    err = capsys.readouterr().err
    assert err.count("内容不同的另一份评查规则 fazhi-annual（版本 1.0）") == 1, err
    assert "请用 --rubric 给出评查时所用的规则文件" in err
    older = {"rubric": {"id": "fazhi-annual", "version": "1.0", "selected_by": "auto"}}
    assert bundled.for_result(older) is bundled["fazhi-annual"]
    assert theirs.for_result(older) is mine  # (no content recorded: as before, by version)
    assert not capsys.readouterr().err


def test_a_bundled_rubric_is_named_without_its_content(tmp_path: Path) -> None:
    """fzcheck's own rubrics change with its releases under one version: a result graded by the
    bundled one names no digest, so results an older release graded open with the newer one
    (their decisions applied), where a rubric file of the user's names its content."""
    bundled = Catalog.load()["fazhi-annual"]
    assert bundled.ref().digest is None
    copy = tmp_path / "copy.yaml"
    copy.write_text(BUNDLED, encoding="utf-8")
    assert Catalog.load(str(copy))["fazhi-annual"].ref().digest == bundled.digest
    older_release = {"rubric": {"id": "fazhi-annual", "version": "1.0", "digest": None}}
    assert Catalog.load().for_result(older_release) is bundled


def test_a_renamed_part_is_just_another_part() -> None:
    # (and where other parts name it: each embeds_in list)
    renamed = re.sub(r"(embeds_in: \[[^\]]*)\bother\b", r"\1remarks", BUNDLED).replace(
        "  - id: other\n", "  - id: remarks\n"
    )
    assert [p.id for p in parse_rubric(renamed, "x.yaml").parts][-1] == "remarks"


def test_every_bundled_rubric_validates_and_names_its_parts() -> None:
    from fzcheck.rubric import bundled_ids

    ids = bundled_ids()
    assert {"fazhi-annual", "gip-annual"} <= set(ids)
    for rid in ids:
        r = load_rubric(rid)
        assert r.id == rid and all(p.label and p.legal_text for p in r.parts)
        assert abs(r.total_weight - 100) < 1e-9, rid  # weights read as points out of 100


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id: 示例\n".encode("gbk"), "不是UTF-8编码的YAML文件"),
        (bytes(range(256)), "不是UTF-8编码的YAML文件"),
        # a "billion laughs": nine levels of ten aliases each
        (
            (
                "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + "".join(
                    f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 10)}]\n"
                    for k in range(8)
                )
            ).encode(),
            "展开后过大",
        ),
        # an alias inside the node it names: it expands for ever (a RecursionError traceback)
        (b"a: &a [*a]\n", "展开后过大"),
        (b"id: x\nparts: &p\n  - *p\n", "展开后过大"),
    ],
)
def test_a_rubric_file_that_is_no_rubric_is_one_clear_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(RubricError, match=message):
        load_rubric(str(path))


@pytest.mark.parametrize("pattern", ["(.+)+法治政府建设", "(?:a|b*)+$", "(?:x{2,})*y"])
def test_a_pattern_that_can_search_for_ever_is_refused(tmp_path: Path, pattern: str) -> None:
    """A repeat inside a repeat, both unbounded: refused when the rubric is read, not a check
    that never ends on the first report."""
    old = "  report_words: "
    assert old in BUNDLED
    path = tmp_path / "redos.yaml"
    path.write_text(BUNDLED.replace(old, f"  report_words: {pattern}|", 1), encoding="utf-8")
    with pytest.raises(RubricError, match="重复里套着重复"):
        load_rubric(str(path))


def test_the_laws_text_has_no_space_where_its_lines_were_joined() -> None:
    """YAML's folded text joined the law's lines with a space (…建设情况， 政府部门…), shown so in
    the workbook's 说明 sheet: Chinese has none there."""
    import re

    from fzcheck.rubric import Catalog

    for rubric in Catalog.load().values():
        assert re.search(r"[，。；：、）]\s", rubric.source.text) is None, rubric.id


def test_a_publisher_deadline_must_be_one_of_the_deadlines() -> None:
    """publishes_for names its deadline by name: a name no deadline has is the rubric's error
    (a report signed by such a body would find no deadline at all)."""
    gip = (ROOT / "rubrics" / "gip-annual.yaml").read_text(encoding="utf-8")
    named = "deadline: 县级以上地方人民政府}"
    assert named in gip
    with pytest.raises(
        RubricError, match=r"publishes_for\.deadline '省政府' 不是 deadlines 中的任何一项"
    ):
        parse_rubric(gip.replace(named, "deadline: 省政府}"), "gip.yaml")
