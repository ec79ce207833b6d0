"""Evidence checking, re-asks and the merge rules, against a scripted fake client (no HTTP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fzcheck.llm.api import parse_response
from tests.llm.fakes import ScriptedClient, completion, repair, review
from tests.llm.helpers import enrich, offline, statuses

INVENTED = "我局全面完成了各项法治建设任务"  # reads like a report, is in none of them


class DictCache:
    def __init__(self) -> None:
        self.store: dict[str, dict[str, Any]] = {}

    def key(self, request: dict[str, Any]) -> str:
        import hashlib
        import json

        return hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        return self.store.get(key)

    def put(self, key: str, value: dict[str, Any]) -> None:
        self.store[key] = value


def problem(quote: str, cause: str | None = None) -> dict[str, Any]:
    return {"problem": "执法能力不足", "cause": cause, "quote": quote}


GOOD = "全年审查行政规范性文件12件，纠正不合法条款3处"
REAL = "执法人员专业能力不足，主要原因是培训经费有限"


def test_a_reask_carries_only_the_failed_items_and_merges_the_repair(
    reports: Path, settings: Any
) -> None:
    import json

    from fzcheck.llm.prompts import BEGIN

    graded = offline(reports / "short.txt")
    measure = {"measure": "审查文件", "result": None, "figures": [], "quote": GOOD}
    client = ScriptedClient(
        review(achievements_items=[measure], problems_items=[problem(INVENTED)]), repair((1, REAL))
    )
    cache = DictCache()
    result = enrich(graded, settings, client=client, cache=cache)
    llm = result.llm
    first, reask = client.requests
    sent = json.dumps(reask, ensure_ascii=False)
    # only the failed item, with a short Chinese reason, and the report once; not the answer
    assert INVENTED in sent and "不在报告原文中" in sent and "执法能力不足" in sent
    assert "审查文件" not in sent and "achievements_items" not in sent
    assert reask["messages"][1]["content"].count(BEGIN) == 1 and len(reask["messages"]) == 2
    assert sent.count("办理行政复议案件45件") == 1  # the report, once
    assert reask["tools"][0]["function"]["name"] == "QuoteRepair"
    assert len(sent) <= 1.5 * len(json.dumps(first, ensure_ascii=False))
    assert (llm.usage.calls, llm.usage.reasks, llm.usage.prompt_tokens) == (2, 1, 200)
    assert llm.usage.per_call == [100, 100]
    assert "只重问这几条" in llm.rejections[0] and "problems_items.0" in llm.rejections[0]
    # the repair merged into the first answer: the good finding kept, the bad one replaced
    assert llm.parts[0]["findings"][0]["quote"] == GOOD
    finding = llm.parts[1]["findings"][0]
    assert finding["quote"] == REAL and finding["problem"] == "执法能力不足"
    assert finding["verified"] and finding["line"] == 9 and llm.unverified == 0
    assert len(cache.store) == 1  # a validated success is cached


def test_the_cache_key_after_a_reask_is_the_one_the_next_run_computes(
    reports: Path, settings: Any
) -> None:
    cache = DictCache()
    client = ScriptedClient(review(problems_items=[problem(INVENTED)]), repair((1, REAL)))
    enrich(offline(reports / "short.txt"), settings, client=client, cache=cache)
    assert len(client.requests) == 2 and len(cache.store) == 1
    again = ScriptedClient()  # no answers: any call would fail the test
    result = enrich(offline(reports / "short.txt"), settings, client=again, cache=cache)
    assert again.requests == [] and result.llm.usage.cached
    assert result.llm.parts[1]["findings"][0]["quote"] == REAL  # the repaired answer replayed


def test_after_the_budget_the_finding_is_kept_unverified(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    result = graded.result
    before = statuses(result)
    client = ScriptedClient(review(problems_items=[problem(INVENTED)]), repair((1, INVENTED)))
    cache = DictCache()
    result = enrich(graded, settings, client=client, cache=cache)
    llm = result.llm
    assert llm.error is None and llm.unverified == 1
    assert llm.parts[1]["findings"][0] == {
        **problem(INVENTED),
        "line": None,
        "verified": False,
        "match": "not_found",
        "start": None,
        "end": None,
        "section": None,
    }
    assert statuses(result) == before and result.verdict == "complete"
    assert cache.store == {}  # never cache an answer that failed verification


def test_too_short_quote_is_rejected(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    client = ScriptedClient(review(problems_items=[problem("能力不足")]), repair((1, "能力不足")))
    result = enrich(graded, settings, client=client)
    assert "太短" in str(client.requests[1]["messages"][-1])
    assert result.llm.parts[1]["findings"][0]["verified"] is False


def test_verified_relevant_evidence_turns_missing_into_embedded(
    reports: Path, settings: Any
) -> None:
    graded = offline(reports / "hidden_problems.txt")
    result = graded.result
    assert result.parts[1].status == "missing" and result.verdict == "incomplete"
    score_before = result.score
    quote = "执法人员专业能力有待提高，原因是近年新进人员较多"
    client = ScriptedClient(
        review(
            problems={"status": "embedded", "sections": ["主要举措和成效"]},
            problems_items=[problem(quote, "近年新进人员较多")],
        )
    )
    result = enrich(graded, settings, client=client)
    part = result.parts[1]
    assert part.status == "embedded" and part.line == 6 and part.evidence[-1].quote == quote
    assert result.verdict == "complete" and result.score > score_before
    upgraded = [d for d in result.llm.disagreements if d["outcome"] == "upgraded"]
    assert upgraded == [
        {
            "part": "problems",
            "offline": "missing",
            "llm": "embedded",
            "outcome": "upgraded",
            "reason": "第6行的引文已核实",
        }
    ]


def test_unverified_evidence_never_upgrades(reports: Path, settings: Any) -> None:
    graded = offline(reports / "hidden_problems.txt")
    client = ScriptedClient(
        *[
            review(
                problems={"status": "present", "sections": []},
                problems_items=[problem("存在执法人员专业能力不足的问题")],
            )
        ]
        * 2
    )
    result = enrich(graded, settings, client=client)
    assert result.parts[1].status == "missing" and result.verdict == "incomplete"
    [d] = [d for d in result.llm.disagreements if d["part"] == "problems"]
    assert d["outcome"] == "kept_offline" and d["reason"] == "引文不在报告原文中"


def test_verbatim_but_irrelevant_quote_does_not_upgrade(reports: Path, settings: Any) -> None:
    # A small model's typical slip: a real sentence, filed under the wrong part.
    graded = offline(reports / "hidden_problems.txt")
    client = ScriptedClient(
        review(
            problems={"status": "embedded", "sections": []},
            problems_items=[problem("立案查处违法取水案件9件")],
        )
    )
    result = enrich(graded, settings, client=client)
    assert result.parts[1].status == "missing"
    assert result.llm.parts[1]["findings"][0]["verified"] is True


def test_llm_never_turns_a_present_part_into_missing(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    client = ScriptedClient(review(achievements={"status": "present", "sections": []}))
    result = enrich(graded, settings, client=client)
    assert statuses(result)["problems"] == "present" and result.verdict == "complete"
    kept = {d["part"]: d for d in result.llm.disagreements}
    assert kept["problems"]["llm"] == "missing" and kept["problems"]["outcome"] == "kept_offline"


def test_parse_response_checks_a_batch_answer_like_a_live_one(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    result = graded.result
    answer = review(
        problems_items=[problem(INVENTED)],
        next_year_plan_items=[
            {"measure": "执法轮训", "concrete": True, "quote": "6月底前完成全县行政执法人员轮训"}
        ],
    )
    body = completion(answer, prompt_tokens=321).model_dump(mode="json")
    info = parse_response(body, graded.analysis, settings)
    assert info.error is None and info.unverified == 1 and info.usage.prompt_tokens == 321
    assert info.parts[3]["findings"][0]["verified"] and info.parts[3]["findings"][0]["line"] == 15
    assert result.llm is None  # parsing does not merge


def test_parse_response_reports_a_broken_body(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    info = parse_response(
        completion("{not json").model_dump(mode="json"), graded.analysis, settings
    )
    assert info.error and "Invalid JSON" in info.error and not info.parts


def test_cache_hit_makes_no_call(reports: Path, settings: Any) -> None:
    cache = DictCache()
    graded = offline(reports / "short.txt")
    enrich(graded, settings, client=ScriptedClient(review(summary="第一次")), cache=cache)
    again = enrich(offline(reports / "short.txt"), settings, client=ScriptedClient(), cache=cache)
    assert again.llm.summary == "第一次" and again.llm.usage.cached


def test_summary_is_capped_at_200_characters(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    result = enrich(graded, settings, client=ScriptedClient(review(summary="很" * 300)))
    assert len(result.llm.summary) == 200


@pytest.mark.parametrize("mode", ["json", "json_schema"])
def test_json_modes_parse_message_content(reports: Path, settings: Any, mode: str) -> None:
    from dataclasses import replace

    graded = offline(reports / "short.txt")
    client = ScriptedClient(review(summary="JSON 模式"), mode=mode)
    result = enrich(graded, replace(settings, mode=mode), client=client)
    assert result.llm.summary == "JSON 模式" and result.llm.mode == mode
    assert "tools" not in client.requests[0] and "response_format" in client.requests[0]


def test_traditional_report_matches_quotes_in_either_script(
    tmp_path: Path, reports: Path, settings: Any
) -> None:
    import opencc

    text = (reports / "short.txt").read_text(encoding="utf-8")
    path = tmp_path / "trad.txt"
    path.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    graded = offline(path)
    doc = graded.doc
    assert doc.script == "traditional"
    simplified = "执法人员专业能力不足，主要原因是培训经费有限"
    traditional = opencc.OpenCC("s2t").convert(simplified)
    client = ScriptedClient(review(problems_items=[problem(simplified), problem(traditional)]))
    result = enrich(graded, settings, client=client)
    assert [f["verified"] for f in result.llm.parts[1]["findings"]] == [True, True]


def test_code_checks_the_models_yes_no_claims(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    result = graded.result
    answer = review(
        next_year_plan_items=[
            {"measure": "加强宣传", "concrete": True, "quote": "二是进一步加强法治宣传。"},
            {"measure": "轮训", "concrete": True, "quote": "一是6月底前完成全县行政执法人员轮训"},
        ],
        achievements_items=[
            {
                "measure": "复议",
                "result": "办结",
                "figures": ["45件", "98%"],
                "quote": "办理行政复议案件45件，按期办结率100%",
            }
        ],
    )
    result = enrich(graded, settings, client=ScriptedClient(answer))
    code = [(f["part"], f["kind"], f["quote"]) for f in result.llm.flags if f["by"] == "code"]
    assert code == [
        ("achievements", "other", "办理行政复议案件45件，按期办结率100%"),
        ("next_year_plan", "vague_plan", "二是进一步加强法治宣传。"),
    ]
    assert "98%" in result.llm.flags[0]["reason"]


def test_a_cause_the_report_never_gives_is_called_out(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    answer = review(
        problems_items=[
            problem("二是基层法律服务力量薄弱。", "缺乏统一的执法标准和培训机制"),  # invented cause
            problem("一是执法人员专业能力不足，主要原因是培训经费有限", "培训经费有限"),
        ]
    )
    result = enrich(graded, settings, client=ScriptedClient(answer))
    flagged = [f["quote"] for f in result.llm.flags if f["kind"] == "no_cause"]
    assert flagged == ["二是基层法律服务力量薄弱。"]


def test_a_promise_to_find_causes_is_not_a_cause_the_model_may_claim(
    reports: Path, settings: Any, tmp_path: Path
) -> None:
    """The model quoting 将认真查找原因 as a shortcoming's cause: the quote holds the word 原因
    but gives none, as the offline check reads it."""
    report = tmp_path / "short.txt"
    report.write_text(
        (reports / "short.txt")
        .read_text(encoding="utf-8")
        .replace("二是基层法律服务力量薄弱。", "二是基层法律服务力量薄弱，我局将认真查找原因。"),
        encoding="utf-8",
    )
    answer = review(
        problems_items=[problem("二是基层法律服务力量薄弱，我局将认真查找原因。", "力量不足")]
    )
    result = enrich(offline(report), settings, client=ScriptedClient(answer))
    flagged = [f["quote"] for f in result.llm.flags if f["kind"] == "no_cause"]
    assert flagged == ["二是基层法律服务力量薄弱，我局将认真查找原因。"]


@pytest.mark.parametrize("finish_reason", ["length", "stop"])  # llama.cpp may not say "length"
def test_an_answer_cut_off_at_max_tokens_is_an_llm_error(
    reports: Path, settings: Any, finish_reason: str
) -> None:
    graded = offline(reports / "short.txt")
    cut = completion(
        '{"achievements": {"status": "pres',
        finish_reason=finish_reason,
        completion_tokens=settings.max_tokens,
    )
    client = ScriptedClient(cut, cut)
    result = enrich(graded, settings, client=client)
    assert len(client.requests) == 1  # re-asking cannot make the answer fit
    assert f"max_tokens={settings.max_tokens}" in result.llm.error and result.verdict == "complete"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二十三", 23),
        ("一千二百", 1200),
        ("十七", 17),
        ("三千六百万", 36_000_000),
        ("二〇二六", 2026),
        # a last digit after 百 or more counts in the unit below, as said (一百零一 is 101)
        ("一百一", 110),
        ("一百零一", 101),
        ("三千五", 3500),
        ("两万三", 23_000),
        ("一万零五", 10_005),
        ("一万二千三百零五", 12_305),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    from fzcheck.llm.verify import cn_number

    assert cn_number(text) == value


def test_figures_written_in_digits_match_chinese_numerals(reports: Path, settings: Any) -> None:
    # The real model listed 二十三次 as "23次"; that is the report's figure, not an invention.
    graded = offline(reports / "long_sentences.txt")
    result = graded.result
    quote = "全年收到行政复议申请十七件，经审查受理十五件"
    answer = review(
        achievements_items=[
            {"measure": "复议", "result": None, "figures": ["17件", "15件", "19件"], "quote": quote}
        ]
    )
    result = enrich(graded, settings, client=ScriptedClient(answer))
    [flag] = [f for f in result.llm.flags if f["by"] == "code"]
    assert flag["reason"].endswith("：19件")


def test_a_phrase_the_rubric_rules_out_cannot_upgrade(tmp_path: Path, settings: Any) -> None:
    # Seed 003's trap: 解决…存在的困难和问题 talks about solving others' problems, not the report's own.
    path = tmp_path / "trap.txt"
    path.write_text(
        "某局2025年法治政府建设年度报告\n现将2025年法治政府建设情况报告如下。\n一、主要举措和成效\n"
        "全年办理案件120件。坚持深入基层，帮助企业解决工作中存在的困难和问题。\n"
        "二、主要负责人履行第一责任人职责情况\n局长亲自主持专题会议3次。\n"
        "三、2026年工作安排\n一是3月底前完成培训。\n",
        encoding="utf-8",
    )
    graded = offline(path)
    result = graded.result
    assert result.parts[1].status == "missing"
    client = ScriptedClient(
        review(
            problems={"status": "embedded", "sections": []},
            problems_items=[problem("帮助企业解决工作中存在的困难和问题")],
        )
    )
    result = enrich(graded, settings, client=client)
    assert result.parts[1].status == "missing" and result.verdict == "incomplete"
    [d] = [d for d in result.llm.disagreements if d["part"] == "problems"]
    assert d["outcome"] == "kept_offline"


def test_a_failed_reask_keeps_the_first_answer(reports: Path, settings: Any) -> None:
    import httpx2
    import openai

    graded = offline(reports / "short.txt")
    request = httpx2.Request("POST", "http://127.0.0.1:8765/v1/chat/completions")
    too_long = openai.BadRequestError(
        "context overflow",
        body={"error": {"message": "too long"}},
        response=httpx2.Response(400, request=request),
    )
    client = ScriptedClient(review(problems_items=[problem(INVENTED)], summary="第一次"), too_long)
    result = enrich(graded, settings, client=client)
    llm = result.llm
    assert llm.error is None and llm.summary == "第一次" and llm.unverified == 1
    assert llm.rejections[-1] == "重问失败，保留第一次的回答：request rejected (400): too long"
