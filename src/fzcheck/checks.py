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

_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个|项|次|件|家|人|名|万|亿|元|场|期|份|天|日|小时|"
                     r"条|户|余|批|篇|部|起|类|套|所|处|台|公里|平方|倍|分)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_VAGUE_NEXT = re.compile(r"下一步|下一年度|下一年|明年|今后")


@dataclass
class Context:
    doc: Document
    report_year: int | None
    title: str | None = None  # analysis text: Simplified, folded
    published_on: dt.date | None = None
    rubric: Rubric | None = None


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
    return Check(id=spec.id, passed=ok, message=f"{n} concrete figures (need {spec.min})" if not ok
                 else f"{n} concrete figures")


def _cue_words(spec: SubCheck, text: str, found: Found, ctx: Context) -> Check:
    assert spec.pattern is not None
    hits = re.findall(spec.pattern, text)
    ok = len(hits) >= spec.min
    msg = (f"found {', '.join(sorted(set(hits))[:5])}" if ok
           else f"none of {spec.pattern.replace('|', '/')} in the section: {spec.description} missing")
    return Check(id=spec.id, passed=ok, message=msg)


def _plan_year(spec: SubCheck, text: str, found: Found, ctx: Context) -> Check:
    head = (ctx.doc.analysis[found.line] if found.line is not None else "")
    first = "\n".join(ctx.doc.analysis[i] for i in list(found.lines)[:3])
    years = [int(y) for y in _YEAR.findall(head)] or [int(y) for y in _YEAR.findall(first)]
    if ctx.report_year is None:
        return Check(id=spec.id, passed=bool(years), message=(
            f"names {years[0]}; report year unknown" if years else "names no year; report year unknown"))
    want = ctx.report_year + 1
    if want in years:
        return Check(id=spec.id, passed=True, message=f"names {want}")
    vague = _VAGUE_NEXT.search(head) or _VAGUE_NEXT.search(first)
    if vague:
        return Check(id=spec.id, passed=False,
                     message=f"says {vague.group(0)} rather than naming {want}")
    if years:
        return Check(id=spec.id, passed=False, message=f"names {years[0]}, expected {want}")
    return Check(id=spec.id, passed=False, message=f"does not name {want}")


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
        return Check(id=spec.id, passed=True, message=f"{len(hits)} statement(s) of the principal "
                     "leader acting in person")
    return Check(id=spec.id, passed=False, message="describes the duty in general terms; no act of "
                 "the principal leader in person (亲自/带头/主持…)")


def _title(spec: SubCheck, ctx: Context) -> Check:
    if not ctx.title:
        return Check(id=spec.id, passed=False, message="no title found")
    t = ctx.title
    has_subject = bool(re.search(spec.pattern or "法治政府建设", t))
    has_year = bool(_YEAR.search(t))
    missing = [w for w, ok in (("法治政府建设", has_subject), ("the year", has_year)) if not ok]
    return Check(id=spec.id, passed=not missing,
                 message="names subject and year" if not missing
                 else f"title does not name {' or '.join(missing)}")


def _publication(spec: SubCheck, ctx: Context) -> Check | None:
    if ctx.published_on is None or ctx.report_year is None or ctx.rubric is None:
        return None
    by = ctx.rubric.source.publish_by
    deadline = dt.date(ctx.report_year + 1, by.month, by.day)
    year_end = dt.date(ctx.report_year, 12, 31)
    p = ctx.published_on
    if p >= deadline:
        return Check(id=spec.id, passed=False,
                     message=f"published {p.isoformat()}, on or after the {deadline.isoformat()} deadline")
    if p <= year_end:
        return Check(id=spec.id, passed=False,
                     message=f"published {p.isoformat()}, before {ctx.report_year} had ended")
    return Check(id=spec.id, passed=True, message=f"published {p.isoformat()}, before {deadline.isoformat()}")


def _instructions(spec: SubCheck, ctx: Context) -> Check:
    """Text addressed to a model is flagged; it stays report content and changes no status."""
    assert spec.pattern is not None
    rx = re.compile(spec.pattern)
    for i, line in enumerate(ctx.doc.analysis):
        m = rx.search(line)
        if m:
            return Check(id=spec.id, passed=False, message=(
                f"line {i + 1} addresses an AI model (“{ctx.doc.quote(i, m.start(), m.end())}”); "
                "it is treated as report content"))
    return Check(id=spec.id, passed=True, message="no text addressed to a model")


PART_CHECKS: dict[str, Callable[[SubCheck, str, Found, Context], Check]] = {
    "figures": _figures, "cue_words": _cue_words, "plan_year": _plan_year,
    "leader_actions": _leader_actions,
}
DOCUMENT_CHECKS: dict[str, Callable[[SubCheck, Context], Check | None]] = {
    "title": _title, "publication": _publication, "instructions": _instructions,
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
