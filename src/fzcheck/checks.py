"""Sub-checks: each rubric ``kind`` is one function here, given the part's text and settings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from fzcheck.document import Document
from fzcheck.parts import Found
from fzcheck.result import Check
from fzcheck.rubric import Rubric, SubCheck
from fzcheck.numerals import YEAR

_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个|项|次|件|家|人|名|万|亿|元|场|期|份|天|日|小时|"
                     r"条|户|余|批|篇|部|起|类|套|所|处|台|公里|平方|倍|分)")
_VAGUE_NEXT = re.compile(r"下一步|下一年度|下一年|明年|今后")
_CITED = re.compile(r"《[^》]{0,80}》")


@dataclass
class Context:
    doc: Document
    report_year: int | None
    title: str | None = None  # analysis text: Simplified, folded
    published_on: dt.date | None = None
    rubric: Rubric | None = None
    signed_on: dt.date | None = None


def part_text(doc: Document, found: Found) -> str:
    """The analysis text a part covers. A section's own heading is left out (a heading promising
    原因 is not a cause); the body sharing its line stays. Embedded parts keep all their text: a
    numbered item's "heading" is its first sentence."""
    heads = {h.line: h for h in found.sections} if found.status == "present" else {}
    lines = []
    for i in found.lines:
        line = doc.analysis[i]
        if i in heads:
            line = line[heads[i].end:]
        lines.append(line)
    return "\n".join(lines)


def _figures(spec: SubCheck, text: str, found: Found, ctx: Context) -> Check:
    n = len(_FIGURE.findall(text))
    ok = n >= spec.min
    return Check(id=spec.id, passed=ok, message=f"列出具体数据{n}处" if ok
                 else f"仅有具体数据{n}处（至少应有{spec.min}处）")


def _cue_words(spec: SubCheck, text: str, found: Found, ctx: Context) -> Check:
    assert spec.pattern is not None
    hits = re.findall(spec.pattern, text)
    ok = len(hits) >= spec.min
    msg = (f"{spec.description}：见“{'”“'.join(sorted(set(hits))[:5])}”" if ok
           else f"未做到“{spec.description}”：本部分正文没有“{'/'.join(spec.pattern.split('|')[:5])}”等表述")
    return Check(id=spec.id, passed=ok, message=msg)


def plan_years(doc: Document, found: Found) -> tuple[list[int], str]:
    """The years a plan names — in its own heading first, else in its first lines — and the text
    looked at. A plan embedded as a sentence has no heading of its own: the section it sits in
    (say 2024年度存在问题) says nothing about the plan's year."""
    heading = doc.analysis[found.sections[0].line] if found.sections else ""
    first = "\n".join(doc.analysis[i] for i in found.lines[:3])
    # a cited document's years (《法治政府建设实施纲要（2021-2025年）》) are not the plan's
    heading, first = _CITED.sub("《》", heading), _CITED.sub("《》", first)
    years = [int(y) for y in YEAR.findall(heading)] or [int(y) for y in YEAR.findall(first)]
    return years, f"{heading}\n{first}"


def _plan_year(spec: SubCheck, text: str, found: Found, ctx: Context) -> Check:
    years, looked_at = plan_years(ctx.doc, found)
    if ctx.report_year is None:
        return Check(id=spec.id, passed=bool(years), message=(
            f"写明{years[0]}年（报告年度不明）" if years else "未写明年度（报告年度不明）"))
    want = ctx.report_year + 1
    if want in years:
        return Check(id=spec.id, passed=True, message=f"写明{want}年")
    vague = _VAGUE_NEXT.search(looked_at)
    if vague:
        return Check(id=spec.id, passed=False,
                     message=f"只写“{vague.group(0)}”，未写明{want}年")
    if years:
        return Check(id=spec.id, passed=False, message=f"写的是{years[0]}年，应为{want}年")
    return Check(id=spec.id, passed=False, message=f"未写明{want}年")


def _leader_actions(spec: SubCheck, text: str, found: Found, ctx: Context) -> Check:
    assert spec.actor and spec.action
    w = spec.window
    rx = re.compile(rf"(?:{spec.actor})[^。]{{0,{w}}}?(?:{spec.action})|"
                    rf"(?:{spec.action})[^。]{{0,{w // 4}}}?(?:{spec.actor})")
    hits = rx.findall(text)
    if not hits and found.status == "present":
        # A section of its own is about the principal leader: the acts alone are enough.
        hits = re.findall(spec.action, text)
    if hits:
        return Check(id=spec.id, passed=True, message=f"有{len(hits)}处主要负责人亲自履职的具体表述")
    return Check(id=spec.id, passed=False, message="只笼统描述职责，未写主要负责人本人的具体行动"
                 "（亲自、带头、主持……）")


def _title(spec: SubCheck, ctx: Context) -> Check:
    if not ctx.title:
        return Check(id=spec.id, passed=False, message="未找到标题")
    t = ctx.title
    has_subject = bool(re.search(spec.pattern or "法治政府建设", t))
    has_year = bool(YEAR.search(t))
    missing = [w for w, ok in (("法治政府建设", has_subject), ("年度", has_year)) if not ok]
    return Check(id=spec.id, passed=not missing,
                 message="标题写明法治政府建设和年度" if not missing
                 else f"标题未写明{'和'.join(missing)}")


def _publication(spec: SubCheck, ctx: Context) -> Check | None:
    if ctx.published_on is None or ctx.report_year is None or ctx.rubric is None:
        return None
    by = ctx.rubric.source.publish_by
    deadline = dt.date(ctx.report_year + 1, by.month, by.day)
    year_end = dt.date(ctx.report_year, 12, 31)
    p = ctx.published_on
    if p >= deadline:
        return Check(id=spec.id, passed=False,
                     message=f"{p.isoformat()}公开，未在{deadline.isoformat()}前公开")
    if p <= year_end:
        return Check(id=spec.id, passed=False,
                     message=f"{p.isoformat()}公开，早于{ctx.report_year}年度结束")
    return Check(id=spec.id, passed=True, message=f"{p.isoformat()}公开，在{deadline.isoformat()}前")


def _signing(spec: SubCheck, ctx: Context) -> Check | None:
    """A report signed before its year ended cannot report on the whole year."""
    if ctx.signed_on is None or ctx.report_year is None:
        return None
    s = ctx.signed_on
    if s <= dt.date(ctx.report_year, 12, 31):
        return Check(id=spec.id, passed=False,
                     message=f"{s.isoformat()}签发，早于{ctx.report_year}年度结束")
    return Check(id=spec.id, passed=True, message=f"{s.isoformat()}签发，在{ctx.report_year}年度结束后")


def _instructions(spec: SubCheck, ctx: Context) -> Check:
    """Text addressed to a model is flagged; it stays report content and changes no status."""
    assert spec.pattern is not None
    rx = re.compile(spec.pattern)
    for i, line in enumerate(ctx.doc.analysis):
        m = rx.search(line)
        if m:
            return Check(id=spec.id, passed=False, message=(
                f"第{i + 1}行含针对AI模型的指令（“{ctx.doc.quote(i, m.start(), m.end())}”），"
                "仅作为报告内容看待"))
    return Check(id=spec.id, passed=True, message="未见针对AI模型的指令")


PART_CHECKS: dict[str, Callable[[SubCheck, str, Found, Context], Check]] = {
    "figures": _figures, "cue_words": _cue_words, "plan_year": _plan_year,
    "leader_actions": _leader_actions,
}
DOCUMENT_CHECKS: dict[str, Callable[[SubCheck, Context], Check | None]] = {
    "title": _title, "publication": _publication, "instructions": _instructions,
    "signing": _signing,
}


def run_part_checks(found: Found, ctx: Context) -> list[Check]:
    if found.status == "missing":
        return []
    text = part_text(ctx.doc, found)
    return [PART_CHECKS[spec.kind](spec, text, found, ctx) for spec in found.part.checks
            if spec.kind in PART_CHECKS]


def run_document_checks(rubric: Rubric, ctx: Context) -> list[Check]:
    out = []
    for spec in rubric.document_checks:
        fn = DOCUMENT_CHECKS.get(spec.kind)
        check = fn(spec, ctx) if fn else None
        if check is not None:
            out.append(check)
    return out
