"""What the model proposes is checked for where its quote sits and what it says: a verbatim
quote is not enough to fill a missing part (issue: evidence in the right place)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from tests.llm.fakes import ScriptedClient, review
from tests.llm.helpers import enrich, offline, statuses

EMBEDDED = {"status": "embedded", "sections": []}
TITLE = "临川县交通运输局关于2025年法治政府建设情况的报告"
ON_TOPIC = "但执法装备不足、执法人员专业能力有待提高的问题依然存在"


def problem(quote: str) -> dict[str, Any]:
    return {"problem": "问题", "cause": None, "quote": quote}


def leader(quote: str) -> dict[str, Any]:
    return {"action": "履职", "by_principal_leader": True, "quote": quote}


@pytest.fixture
def report(reports: Path) -> Path:
    return reports / "misplaced.txt"


def test_offline_finds_neither_problems_nor_leader_duties(report: Path) -> None:
    # The 《…》 title names 第一责任人 but is only a citation; 解决…问题 is not a shortcoming.
    result = offline(report).result
    got = statuses(result)
    assert got["problems"] == "missing" and got["leader_duties"] == "embedded"
    assert "亲自主持" in result.parts[2].evidence[-1].quote


@pytest.mark.parametrize(
    "quote,why",
    [
        # (a) another part's sentence with a matching keyword: the plan's 问题
        ("2026年将重点解决执法不规范问题", "划给“下年安排”的段落"),
        # (a) an achievements sentence whose 问题 is work done, not a shortcoming
        ("解决群众反映的问题120件", "规则排除的表述"),
        # (b) the report's own title
        (TITLE, "不在报告正文中"),
        # (d) an author-written "no problems" line
        ("本局全年工作未发现问题，各部分内容齐全", "规则排除的表述"),
    ],
)
def test_misplaced_or_hollow_quotes_do_not_fill_a_missing_part(
    report: Path, settings: Any, quote: str, why: str
) -> None:
    graded = offline(report)
    before = copy.deepcopy(graded.result)
    result = enrich(
        graded,
        settings,
        client=ScriptedClient(review(problems=EMBEDDED, problems_items=[problem(quote)])),
    )
    assert statuses(result) == statuses(before) and result.verdict == "incomplete"
    assert result.score == before.score
    [d] = [d for d in result.llm.disagreements if d["part"] == "problems"]
    assert d["outcome"] == "kept_offline" and why in d["reason"], d
    assert result.llm.parts[1]["findings"][0]["verified"]  # a real quote, refused on its merits


def test_a_sentence_that_merely_names_a_leader_or_cites_the_rule_is_no_evidence(
    tmp_path: Path, report: Path, settings: Any
) -> None:
    # (c) without the 局长亲自主持 sentence the leader part is missing offline
    text = report.read_text(encoding="utf-8").replace(
        "局党组书记、局长亲自主持召开法治建设专题会议3次。", ""
    )
    path = tmp_path / "no-leader.txt"
    path.write_text(text, encoding="utf-8")
    graded = offline(path)
    assert statuses(graded.result)["leader_duties"] == "missing"
    result = enrich(
        graded,
        settings,
        client=ScriptedClient(
            review(
                leader_duties=EMBEDDED,
                leader_duties_items=[
                    leader("深入学习贯彻习近平总书记关于全面依法治国的重要论述"),
                    leader("认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》"),
                ],
            )
        ),
    )
    assert statuses(result)["leader_duties"] == "missing"
    [d] = [d for d in result.llm.disagreements if d["part"] == "leader_duties"]
    assert "没有“党政主要负责人履行推进法治建设第一责任人职责情况”的意思" in d["reason"]


def test_an_on_topic_quote_in_an_allowed_section_still_upgrades(
    report: Path, settings: Any
) -> None:
    graded = offline(report)
    result = enrich(
        graded,
        settings,
        client=ScriptedClient(
            review(problems=EMBEDDED, problems_items=[problem(TITLE), problem(ON_TOPIC)])
        ),
    )
    part = result.parts[1]
    assert part.status == "embedded" and part.line == 8 and part.evidence[-1].quote == ON_TOPIC
    assert result.verdict == "complete"


def test_one_quote_supports_one_part(report: Path, tmp_path: Path, settings: Any) -> None:
    text = report.read_text(encoding="utf-8").replace(
        "局党组书记、局长亲自主持召开法治建设专题会议3次。", ""
    )
    path = tmp_path / "no-leader.txt"
    path.write_text(text, encoding="utf-8")
    graded = offline(path)
    # the model offers one sentence for two missing parts
    result = enrich(
        graded,
        settings,
        client=ScriptedClient(
            review(
                problems=EMBEDDED,
                problems_items=[problem(ON_TOPIC)],
                leader_duties=EMBEDDED,
                leader_duties_items=[leader(ON_TOPIC)],
            )
        ),
    )
    assert statuses(result)["problems"] == "embedded"
    assert statuses(result)["leader_duties"] == "missing"


def _as_unit(report: Path, tmp_path: Path, unit: str, leader_sentence: str) -> Path:
    """The report as ``unit``'s, its leader's act replaced by ``leader_sentence``."""
    text = (
        report.read_text(encoding="utf-8")
        .replace("临川县交通运输局", unit)
        .replace("局党组书记、局长亲自主持召开法治建设专题会议3次。", leader_sentence)
    )
    path = tmp_path / "unit.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_overseen_units_head_is_no_evidence_for_the_leader_in_the_llm_layer_either(
    report: Path, tmp_path: Path, settings: Any
) -> None:
    """县一中校长亲自主持… is the school's head in the 教育局's report: the offline search does
    not take it for the leader's act, and neither may the model's quote of it."""
    quote = "县一中校长亲自主持召开依法治校工作会议3次"
    path = _as_unit(report, tmp_path, "临川县教育局", quote + "。")
    graded = offline(path)
    assert statuses(graded.result)["leader_duties"] == "missing"
    result = enrich(
        graded,
        settings,
        client=ScriptedClient(review(leader_duties=EMBEDDED, leader_duties_items=[leader(quote)])),
    )
    assert statuses(result)["leader_duties"] == "missing"
    [d] = [d for d in result.llm.disagreements if d["part"] == "leader_duties"]
    assert d["outcome"] == "kept_offline" and "的意思" in d["reason"], d


@pytest.mark.parametrize(
    "unit,why",
    [
        ("临川县第一中学", None),  # the school's own head
        ("临川县教育局", "规则排除的表述"),  # an overseen school's
    ],
)
def test_a_quote_is_read_for_the_unit_whose_report_it_is(
    report: Path, tmp_path: Path, unit: str, why: str | None
) -> None:
    from fzcheck.llm.merge import meaning_problem
    from fzcheck.llm.verify import QuoteIndex

    quote = "学校主要负责人亲自主持召开依法治校工作会议3次"
    analysis = offline(_as_unit(report, tmp_path, unit, quote + "。")).analysis
    assert analysis is not None and analysis.facts.unit == unit
    part = analysis.rubric.part("leader_duties")
    assert part is not None
    said = meaning_problem(
        part, quote, QuoteIndex.from_document(analysis.doc), 2025, analysis.facts.unit
    )
    assert (said is None) if why is None else (said is not None and why in said), said
