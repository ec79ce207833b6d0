"""Turn a validated ReportReview into ``result.llm`` and merge it with the offline result.

Merge rules (issue 3): the LLM may turn ``missing`` into ``embedded`` only with evidence that
holds up in code — a finding of that part whose quote is verbatim in the report, mentions what
the part is about, is not a phrase the rubric rules out for the part, and is not text addressed
to the reviewer (an injected instruction). It may
flag a present part as hollow (flags never change a verdict) and never turns a present part
into missing. Every place the model and the offline checker differ is recorded in
``llm.disagreements`` with what was done about it.

Shapes in ``LLMInfo``:
  parts[]:  {id, status, sections, sections_not_in_report, offline_status,
             findings: [{..., quote, line, verified}]}
  flags[]:  {part, kind, reason, quote, line, verified, by: "model"|"code"}
  disagreements[]: {part, offline, llm, outcome: "upgraded"|"kept_offline", reason}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from fzcheck.llm.schemas import FINDINGS, ReportReview
from fzcheck.llm.verify import QuoteIndex, quote_problem
from fzcheck.result import Evidence, LLMInfo, Result

if TYPE_CHECKING:
    from fzcheck.rubric import Rubric

# What a quote must mention to count as evidence for a part (matched on the folded quote), so an
# unrelated verbatim sentence cannot vouch for a part the offline checker did not find.
RELEVANT: dict[str, re.Pattern[str]] = {
    "achievements": re.compile(r"."),
    "problems": re.compile(r"不足|问题|短板|差距|薄弱|困难|不够|不强|不高|不到位|有待|欠缺|滞后|偏少|仍需"),
    "leader_duties": re.compile(r"第一责任人|主要负责人|一把手|书记|市长|县长|区长|局长|主任|厅长|亲自|带头|主持"),
    "next_year_plan": re.compile(r"下一步|下一年|明年|今后|将|计划|安排|(?:19|20)\d{2}年"),
    "other": re.compile(r"其他|其它|另外|此外"),
}


def _quoted(item: dict[str, Any], index: QuoteIndex) -> dict[str, Any]:
    quote = str(item.get("quote", ""))
    ok = quote_problem(index, quote) is None
    return {**item, "line": index.find(quote) if ok else None, "verified": ok}


def review_to_info(review: ReportReview, index: QuoteIndex, base: LLMInfo) -> LLMInfo:
    """``base`` (model, hashes, usage) filled with the review's parts, flags and summary."""
    parts = []
    for part_id in ("achievements", "problems", "leader_duties", "next_year_plan", "other"):
        mapped = getattr(review, part_id)
        items = getattr(review, FINDINGS[part_id]) if part_id in FINDINGS else []
        parts.append({"id": part_id, "status": mapped.status, "sections": mapped.sections,
                      # headings the model named that the report does not have
                      "sections_not_in_report": [t for t in mapped.sections
                                                 if index.find(_heading_text(t)) is None],
                      "findings": [_quoted(i.model_dump(), index) for i in items]})
    flags = [{**_quoted(f.model_dump(), index), "by": "model"} for f in review.flags]
    flags += _claim_flags(parts, index) + _instruction_flags(index)
    quotes = [f for p in parts for f in p["findings"]] + [f for f in flags if f["by"] == "model"]
    return base.model_copy(update={
        "summary": review.summary, "parts": parts, "flags": flags,
        "unverified": sum(not q["verified"] for q in quotes)})


# Checks on the model's yes/no claims, against the quote it gave for them.
SPECIFIC = re.compile(r"\d|[一二三四五六七八九十百千万]+[项件次期个场家名人]|月底?前|年底前|年内|季度|不少于|不低于|覆盖|%|％")
LEADER = re.compile(r"书记|市长|县长|区长|局长|主任|厅长|部长|一把手|主要负责(?:人|同志)|第一责任人")
FIGURE = re.compile(r"\d+(?:\.\d+)?")
CAUSE = re.compile(r"原因|由于|导致|因为|致使|所致|在于|源于|根源|受.{1,8}影响")


def _claim_flags(parts: list[dict[str, Any]], index: QuoteIndex) -> list[dict[str, Any]]:
    """Code flags where a verified quote does not bear out the model's claim about it."""
    flags = []
    for part in parts:
        for f in part["findings"]:
            if not f["verified"]:
                continue
            text = index.normalise(f["quote"])
            if part["id"] == "next_year_plan" and f.get("concrete") and not SPECIFIC.search(text):
                flags.append(_code_flag("next_year_plan", "vague_plan", f, (
                    "模型判为具体，但原文没有数量、时限或对象")))
            if part["id"] == "leader_duties" and f.get("by_principal_leader") \
                    and not LEADER.search(text):
                flags.append(_code_flag("leader_duties", "leader_is_bureau", f, (
                    "模型判为主要负责人本人所为，但原文没有点明主要负责人")))
            cause = f.get("cause")
            if part["id"] == "problems" and cause and not CAUSE.search(text) \
                    and index.normalise(cause) not in index.text:
                flags.append(_code_flag("problems", "no_cause", f, (
                    f"模型写的原因“{str(cause)[:40]}”原文没有：原文只列问题、未讲原因")))
            if part["id"] == "achievements":
                missing = [g for g in f.get("figures", [])
                           if any(n not in index.numbers for n in FIGURE.findall(index.normalise(g)))]
                if missing:
                    flags.append(_code_flag("achievements", "other", f, (
                        f"模型列出的数字不在原文中：{'、'.join(missing)[:60]}")))
    return flags


def _code_flag(part: str, kind: str, finding: dict[str, Any], reason: str) -> dict[str, Any]:
    return {"part": part, "kind": kind, "reason": reason, "quote": finding["quote"],
            "line": finding["line"], "verified": True, "by": "code"}


def _heading_text(title: str) -> str:
    """A heading the model names, without the 一、/（二） marker it tends to add or renumber."""
    from fzcheck.document import fold_width
    from fzcheck.analysis.outline import match_heading

    hit = match_heading(fold_width(title.strip()))
    return title.strip()[hit[2]:] if hit else title


def _instruction_flags(index: QuoteIndex) -> list[dict[str, Any]]:
    return [{"part": None, "kind": "instruction", "by": "code", "verified": True, "line": i + 1,
             "quote": "", "reason": "这一行像是写给审阅程序的指令：按报告内容对待，不作为任何部分的证据"}
            for i in sorted(index.instruction_lines)]


def usable_evidence(part_id: str, finding: dict[str, Any], index: QuoteIndex,
                    excluded: Callable[[str], bool] = lambda text: False) -> bool:
    """Whether a finding may change a part's status (see the module docstring).

    ``excluded`` says whether text is a phrase the rubric rules out for this part (e.g.
    解决…问题 is not a statement of problems): what the offline checker rejected on purpose, the
    model cannot bring back.
    """
    if not finding["verified"]:
        return False
    quote = index.normalise(finding["quote"])
    return bool(RELEVANT[part_id].search(quote)) and not index.is_instruction(finding["quote"]) \
        and not excluded(quote)


def _rubric_excludes(result: Result) -> Callable[[str, str], bool]:
    """(part id, folded text) -> whether the rubric's heading/body excludes match it."""
    from fzcheck.analysis.parts import matches

    rubric = _rubric_of(result)
    if rubric is None:
        return lambda part_id, text: False
    year = result.document.report_year if result.document else None

    def excluded(part_id: str, text: str) -> bool:
        part = rubric.part(part_id)
        patterns = (part.heading_excludes + part.body_excludes) if part else []
        return matches(patterns, text, year) is not None

    return excluded


def merge(result: Result, info: LLMInfo, index: QuoteIndex) -> None:
    """Set ``result.llm`` and apply the merge rules to ``result.parts``, verdict and score."""
    disagreements: list[dict[str, Any]] = []
    upgraded = False
    excluded = _rubric_excludes(result)
    by_id = {p["id"]: p for p in info.parts}
    for part in result.parts:
        claim = by_id.get(part.id)
        if claim is None:
            continue
        claim["offline_status"] = part.status
        said = claim["status"]
        if said == part.status:
            continue
        if part.status != "missing":
            disagreements.append(_note(part.id, part.status, said, "kept_offline", (
                "the LLM never turns a part the checker found into missing" if said == "missing"
                else "offline section detection decides present vs embedded")))
            continue
        evidence = [f for f in claim["findings"]
                    if usable_evidence(part.id, f, index, partial(excluded, part.id))]
        if not evidence:
            disagreements.append(_note(part.id, part.status, said, "kept_offline",
                                       _why_not(claim["findings"])))
            continue
        best = evidence[0]
        part.status = "embedded"
        part.line = best["line"]
        part.evidence.append(Evidence(quote=best["quote"].strip(), line=best["line"]))
        part.note = f"found by the LLM ({info.model}); quote verified at line {best['line']}"
        upgraded = True
        disagreements.append(_note(part.id, "missing", said, "upgraded",
                                   f"verified quote at line {best['line']}"))
    info.disagreements = disagreements
    result.llm = info
    if upgraded:
        _regrade(result)


def _why_not(findings: list[dict[str, Any]]) -> str:
    if not findings:
        return "the LLM gave no finding to support it"
    if not any(f["verified"] for f in findings):
        return "none of the LLM's quotes for it is in the report"
    return "its verified quotes do not speak about this part, or are instructions to the reviewer"


def _note(part: str, offline: str, llm: str, outcome: str, reason: str) -> dict[str, Any]:
    return {"part": part, "offline": offline, "llm": llm, "outcome": outcome, "reason": reason}


def _rubric_of(result: Result) -> Rubric | None:
    from fzcheck.rubric import rubric_for

    ref = result.rubric
    return rubric_for(ref.id, ref.version) if ref else None


def _regrade(result: Result) -> None:
    from fzcheck.grading.grade import score, verdict

    is_report = result.document is not None and result.document.is_report
    result.verdict = verdict(is_report, result.parts)
    rubric = _rubric_of(result)
    if rubric is None:
        return  # a rubric no longer at hand: keep the offline score rather than guess
    if is_report:
        result.score = score(result.parts, result.checks, rubric)
