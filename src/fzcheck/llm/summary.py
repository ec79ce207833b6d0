"""The summary on a leash: the model's text is kept only when it agrees with the verdict.

The model writes its summary in the same call as its findings (a second call would cost ~30 s a
report on a small local server), with the offline verdict in the prompt as facts. Code then
checks it against the *final* statuses (after accepted upgrades): it must be at most
``SUMMARY_MAX`` characters, must not say a missing part is there, must not call a report with
missing parts 完整/齐全/没有问题, must not carry text addressed to a model, must not praise in
words the report does not use, and every number in it must be one of the report's. A summary that fails is replaced by one built in code from the
verdict and the verified findings alone; ``summary_by`` says whose it is and
``summary_rejected`` why the model's was dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fzcheck.llm.schemas import SUMMARY_MAX
from fzcheck.llm.verify import QuoteIndex, fold, is_instruction_text
from fzcheck.rubric.model import Part, Rubric

# Words that declare the whole report sound.
_ALL_WELL = re.compile(
    r"完整|齐全|完备|全面覆盖|(?:没有|未|并未)(?:发现)?(?:任何|明显)?(?:问题|不足|缺陷)"
    r"|无(?:任何|明显)?(?:问题|不足|缺失)|各(?:个)?部分|均已|都已|一应俱全|符合要求"
)
# Words that say a part is not there (checked with the part's own cue removed, so 不足 in
# 存在的不足 does not read as a negation).
_ABSENT = re.compile(
    r"缺|未(?:写|提|见|涉及|包含|列|说明|报告|找到|发现)|没有|没写|无|尚无|不见|不包含|空白|遗漏"
)
_PRAISE = (
    "显著成效",
    "成效显著",
    "圆满完成",
    "全面完成",
    "卓有成效",
    "成绩突出",
    "硕果累累",
    "亮点纷呈",
)
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_CLAUSE = re.compile(r"[，。；,;！？!?\n]")


def summary_problem(
    summary: str | None,
    final: Mapping[str, str],
    rubric: Rubric,
    index: QuoteIndex,
    year: int | None = None,
    unit: str | None = None,
) -> str | None:
    """Why the model's summary may not stand; None when it may. ``unit``: whose report it is
    (the rubric's excludes read as for its sentences)."""
    if not summary or not summary.strip():
        return "模型没有给出摘要"
    if len(summary) > SUMMARY_MAX:
        return f"摘要超过{SUMMARY_MAX}字"
    if is_instruction_text(summary):
        return "摘要含有写给审阅程序的指令"
    missing = [p for p in rubric.parts if final.get(p.id) == "missing"]
    if any(final.get(p.id) == "missing" for p in rubric.parts if p.required) and _says_all_well(
        summary
    ):
        return "摘要称报告完整或没有问题，但有法定部分缺失"
    for part in missing:
        clause = _claims_present(summary, part, year, unit)
        if clause:
            return f"摘要称“{part.label}”已写（“{clause[:30]}”），但核对结果是缺失"
    for word in _PRAISE:
        if word in summary and word not in index.text:
            return f"摘要用了报告里没有的褒奖“{word}”"
    for number in _NUMBER.findall(fold(summary)):
        if number not in index.numbers:
            return f"摘要中的数字“{number}”报告里没有"
    return None


def _says_all_well(summary: str) -> bool:
    for clause in _CLAUSE.split(summary):
        hit = _ALL_WELL.search(clause)
        # "未发现问题" inside "缺少…，未发现问题" still claims soundness; "不完整" does not
        if hit and not re.search(r"不" + re.escape(hit.group(0)[:1]), clause):
            return True
    return False


def _claims_present(summary: str, part: Part, year: int | None, unit: str | None) -> str | None:
    """The clause that names the part (its label, name or first heading cue) without saying it
    is absent; a clause the rubric rules out for the part (解决…问题) names something else."""
    from fzcheck.analysis.parts import unit_keeps
    from fzcheck.analysis.patterns import first_match

    names = [re.escape(part.label), re.escape(part.name), *part.heading_cues[:1]]
    exclude_kept = unit_keeps(part, unit)[1]
    for clause in _CLAUSE.split(summary):
        text = fold(clause)
        if first_match(part.excludes_for(unit), text, year, keep=exclude_kept):
            continue
        hit = first_match(names, text, year)
        if hit and not _ABSENT.search(text[: hit.start()] + text[hit.end() :]):
            return clause.strip()
    return None


def code_summary(
    title: str | None, final: Mapping[str, str], parts: list[dict[str, Any]], rubric: Rubric
) -> str:
    """A summary from the verdict and the verified findings alone (no model text but what it
    quoted and code verified). ``parts`` are the findings that may speak for their part."""
    have = [p.label for p in rubric.parts if final.get(p.id, "missing") != "missing"]
    lack = [p.label for p in rubric.parts if final.get(p.id) == "missing" and p.required]
    text = f"{title or '本报告'}：" if title and len(title) <= 40 else ""
    text += f"写了{'、'.join(have)}" if have else "未找到法定部分"
    text += f"；缺少{'、'.join(lack)}。" if lack else "；法定部分齐全。"
    for found in parts:
        spec = rubric.part(found["id"])
        first = next((f for f in found.get("findings", []) if f.get("verified")), None)
        if spec is None or first is None or final.get(spec.id) == "missing":
            continue
        point = str(first.get("quote", "")).strip().rstrip("。；;，,")
        line = f"{spec.label}：{point[:40]}。"
        if len(text) + len(line) > SUMMARY_MAX:
            break
        text += line
    return text[:SUMMARY_MAX]
