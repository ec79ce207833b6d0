"""The GIP report's sections as units word them: problems that only sound like measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gip import reports as gip
from tests.gip.test_tables import check, write

PLAN = "下一步，我局将加强解读，完善办理流程，每季度组织一次业务培训。"


def _improvements_flag(tmp_path: Path, section: str) -> dict[str, object]:
    text = gip.layout_text()
    assert PLAN in text
    r = check(write(tmp_path, "five.txt", text.replace(PLAN, section)))
    return next(c for p in r["parts"] for c in p["checks"] if c["id"] == "names_improvements")


@pytest.mark.parametrize(
    "section",
    [
        # 将 as 把 (将…视为), and 推进 / 加强 said of what falls short
        "一是个别股室将信息公开视为额外负担，重点领域公开推进不平衡；二是对政务新媒体的巡查加强不够。",
        "一是部分科室将公开工作当作临时任务，信息更新完善不及时；二是解读工作推进缓慢。",
    ],
)
def test_problems_worded_with_measure_words_name_no_improvement(
    tmp_path: Path, section: str
) -> None:
    assert not _improvements_flag(tmp_path, section)["passed"]


@pytest.mark.parametrize(
    "section",
    [
        PLAN,
        "2025年，我局将进一步健全公开制度，推进重点领域信息公开。",
        "针对上述问题，将持续加强培训，完善考核办法。",
    ],
)
def test_improvements_as_units_word_them_are_named(tmp_path: Path, section: str) -> None:
    assert _improvements_flag(tmp_path, section)["passed"]
