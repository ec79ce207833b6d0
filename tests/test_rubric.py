"""Rubrics are data: the bundled one loads, and broken ones say file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzcheck.errors import RubricError
from fzcheck.rubric import PART_IDS, load_rubric, parse_rubric, resolve
from tests.helpers import ROOT

BUNDLED = (ROOT / "rubrics" / "fazhi-annual.yaml").read_text(encoding="utf-8")


def test_bundled_rubric_has_the_five_parts_of_article_25() -> None:
    r = load_rubric()
    assert [p.id for p in r.parts] == list(PART_IDS)
    assert [p.required for p in r.parts] == [True, True, True, True, False]
    assert r.total_weight == 100
    assert all("厅字〔2019〕28号" in p.citation for p in r.parts)
    assert r.source.publish_by.month == 4 and r.source.publish_by.day == 1


@pytest.mark.parametrize("old,new,expected", [
    ("weight: 25\n", "weight: lots\n", r"parts\[1\]\.weight \(line \d+\): Input should be a valid number"),
    ("embedded_credit: 0.5", "embedded_credit: 0.5\ncolour: red", r"colour \(line 19\): Extra inputs"),
    ("  - id: other\n", "  - id: others\n", r"parts\[4\]\.id \(line \d+\): Input should be"),
    ("      - 第一责任人|主要负责人|党政.{0,4}负责人|一把手", "      - 第一责任人(", r"parts\[2\]\.heading_cues\[0\] \(line \d+\): not a valid regular expression"),
    ("  - id: other\n", "  - id: problems\n", r"parts \(line \d+\): part ids must be unique; repeated: problems"),
    ("kind: figures", "kind: vibes", r"parts\[0\]\.checks\[0\]\.kind \(line \d+\)"),
])
def test_invalid_rubrics_name_key_and_line(old: str, new: str, expected: str) -> None:
    assert old in BUNDLED
    with pytest.raises(RubricError, match=r"^mine\.yaml: " + expected):
        parse_rubric(BUNDLED.replace(old, new, 1), "mine.yaml")


def test_line_numbers_point_at_the_offending_key() -> None:
    broken = BUNDLED.replace("embedded_credit: 0.5", "embedded_credit: 2")
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if text.startswith("embedded_credit"))
    with pytest.raises(RubricError, match=rf"embedded_credit \(line {line}\)"):
        parse_rubric(broken, "x.yaml")


def test_yaml_syntax_errors_have_a_line() -> None:
    with pytest.raises(RubricError, match=r"x\.yaml \(line \d+\): not valid YAML"):
        parse_rubric("id: [unclosed\n", "x.yaml")


def test_unknown_rubric_lists_the_bundled_ones() -> None:
    with pytest.raises(RubricError, match="unknown rubric 'nope'; bundled: fazhi-annual"):
        resolve("nope")


def test_rubric_from_a_path(tmp_path: Path) -> None:
    custom = tmp_path / "strict.yaml"
    custom.write_text(BUNDLED.replace("id: fazhi-annual", "id: strict").replace(
        "embedded_credit: 0.5", "embedded_credit: 0"), encoding="utf-8")
    r = load_rubric(str(custom))
    assert r.id == "strict" and r.embedded_credit == 0


def test_unknown_placeholders_are_rejected() -> None:
    broken = BUNDLED.replace("{next_year}年\n", "{nextyear}年\n", 1)
    assert broken != BUNDLED
    with pytest.raises(RubricError, match=r"unknown placeholder \{nextyear\}"):
        parse_rubric(broken, "x.yaml")


def test_later_stages_find_the_rubric_that_was_used(tmp_path: Path) -> None:
    from fzcheck.rubric import rubric_for

    custom = tmp_path / "custom.yaml"
    custom.write_text(BUNDLED.replace("id: fazhi-annual", "id: custom").replace(
        "embedded_credit: 0.5", "embedded_credit: 0.75"), encoding="utf-8")
    assert rubric_for("custom", "1.0") is None  # never loaded, not bundled
    loaded = load_rubric(str(custom))
    assert rubric_for("custom", "1.0") is loaded
    assert rubric_for("fazhi-annual", "1.0") is load_rubric()
    assert rubric_for("fazhi-annual", "0.9") is None  # a version we do not have
