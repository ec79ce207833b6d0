"""The LLM layer on a 政府信息公开工作年度报告: schema and prompt from the GIP rubric; problems
with and without an improvement measure; the model never touches a number."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tests.gip import reports as gip

pytest.importorskip("instructor")


def test_request_and_answer_for_a_gip_report(tmp_path: Path) -> None:
    from fzcheck.llm.api import build_request, review
    from fzcheck.llm.config import resolve_settings
    from fzcheck.pipeline import check_source
    from fzcheck.rubric import Catalog
    from tests.llm.fakes import ScriptedClient

    path = tmp_path / "gip.txt"
    path.write_text(gip.layout_text(), encoding="utf-8")
    graded = check_source(str(path), Catalog.load())
    assert graded.analysis is not None and graded.analysis.rubric.id == "gip-annual"
    settings = resolve_settings(
        base_url="http://127.0.0.1:8765/v1", model="m", mode="tools", max_retries=0
    )
    request = build_request(graded.analysis, settings)
    system = request["messages"][0]["content"]
    assert "政府信息公开工作年度报告的审阅助手" in system and "第五十条" in system
    assert "法治" not in system
    schema = request["tools"][0]["function"]["parameters"]
    assert "improvements_items" in schema["properties"]
    before = copy.deepcopy(graded.result)
    missing = {"status": "missing", "sections": []}
    answer = {
        p: dict(missing)
        for p in ("overview", "proactive", "requests", "appeals", "improvements", "other")
    }
    answer.update(
        {
            "proactive_items": [],
            "flags": [],
            "summary": "表格齐全。",
            "improvements_items": [
                {
                    "problem": "解读形式单一",
                    "improvement": "下一步加强解读",
                    "quote": "一是政策解读形式还不够丰富",
                },
                {
                    "problem": "业务能力不足",
                    "improvement": "每年派员赴外地跟班学习",
                    "quote": "二是依申请办理人员业务能力仍需提升",
                },
            ],
        }
    )
    verdict = review(graded.analysis, settings, client=ScriptedClient(answer))
    graded.apply_llm(verdict.info, verdict.upgrades)
    result = graded.result
    # statuses, score and every table cell are as the offline pass found them
    assert [p.status for p in result.parts] == [p.status for p in before.parts]
    assert result.score == before.score and result.tables == before.tables
    items = verdict.info.parts[4]["findings"]
    assert [f["verified"] for f in items] == [True, True]
    # an improvement the report never states is called out by code
    flagged = [f for f in verdict.info.flags if f["by"] == "code" and f["part"] == "improvements"]
    assert len(flagged) == 1 and "每年派员赴外地跟班学习" in flagged[0]["reason"]
