"""The terminal and Markdown views show the LLM section: summary, findings, flags, marks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console

from fzcheck.render.markdown import render_markdown
from fzcheck.render.terminal import render_result
from tests.llm.fakes import ScriptedClient, repair, review
from tests.llm.helpers import enrich, offline

INVENTED = "我局全面完成了各项法治建设任务"


def enriched(reports: Path, settings: Any) -> dict[str, Any]:
    graded = offline(reports / "short.txt")
    answer = review(
        problems={"status": "embedded", "sections": []},
        summary="青山县司法局报告要素齐全。",
        problems_items=[
            {
                "problem": "能力不足",
                "cause": "培训经费有限",
                "quote": "执法人员专业能力不足，主要原因是培训经费有限",
            },
            {"problem": "编造", "cause": None, "quote": INVENTED},
        ],
        next_year_plan_items=[
            {"measure": "加强宣传", "concrete": True, "quote": "二是进一步加强法治宣传。"}
        ],
    )
    result = enrich(graded, settings, client=ScriptedClient(answer, repair()))
    return result.to_json()


def test_terminal_view(reports: Path, settings: Any) -> None:
    console = Console(width=200, record=True)
    console.print(render_result(enriched(reports, settings)))
    text = console.export_text()
    assert "摘要：青山县司法局报告要素齐全。" in text
    assert "能力不足（原因：培训经费有限）" in text and "第9行" in text
    assert f"“{INVENTED}” ✗ 原文中没有这句引文" in text
    assert "⚑ 下年安排 （fzcheck发现）" in text
    assert "≠ 存在不足：离线检查为独立成节，大模型认为嵌于他节 → 保留离线结论" in text
    assert "大模型的1条引文不在报告中" in text
    assert "↻ 1条引文未通过核对，只重问这几条" in text


def test_terminal_view_in_english(reports: Path, settings: Any) -> None:
    from fzcheck.render import i18n

    result = enriched(reports, settings)
    i18n.set_lang("en")
    try:
        console = Console(width=200, record=True)
        console.print(render_result(result))
        text = console.export_text()
    finally:
        i18n.set_lang("zh")
    assert "line 9" in text and f"“{INVENTED}” ✗ quote not in report" in text
    assert "next_year_plan.vague_plan (found by fzcheck)" in text
    assert "≠ problems: offline present, LLM embedded → offline kept" in text
    assert "1 quote(s) from the LLM are not in the report" in text
    assert "↻ 1条引文未通过核对，只重问这几条" in text


def test_markdown_view(reports: Path, settings: Any) -> None:
    md = render_markdown(enriched(reports, settings))
    assert "> 青山县司法局报告要素齐全。" in md
    assert f"~~“{INVENTED}”~~ **✗ 原文中没有这句引文**" in md
    assert "- ⚑ 下年安排 （fzcheck发现）:" in md


def test_offline_views_have_no_llm_section(reports: Path) -> None:
    result = offline(reports / "short.txt").result
    assert "**大模型**" not in render_markdown(result.to_json())


def test_invented_section_title_is_shown(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    answer = review(leader_duties={"status": "present", "sections": ["主要负责人述法情况专章"]})
    result = enrich(graded, settings, client=ScriptedClient(answer))
    console = Console(width=200, record=True)
    console.print(render_result(result.to_json()))
    assert "所称章节“主要负责人述法情况专章”不是报告中的标题" in console.export_text()


def test_a_renumbered_heading_is_still_the_heading(reports: Path, settings: Any) -> None:
    # The real model wrote "一、存在的问题" for a report's "二、存在的问题": the words count.
    graded = offline(reports / "long_sentences.txt")
    answer = review(
        problems={"status": "present", "sections": ["一、存在的问题", "（三）存在的短板"]}
    )
    result = enrich(graded, settings, client=ScriptedClient(answer))
    problems = result.llm.parts[1]
    assert problems["sections_not_in_report"] == ["（三）存在的短板"]
