"""Turn a validated review into ``result.llm``, and check what it proposes against the report.

The model proposes; code decides. It may turn a ``missing`` part into ``embedded`` only with a
finding of that part whose quote (1) is verbatim in the report, (2) sits in the report's body,
in no section the offline pass gave to another part unless the rubric lets the part sit there
(``embeds_in``), and is not another part's heading, (3) carries the part's meaning — one of its
heading or body cues or its ``llm.evidence`` cues, outside any 《…》 title it cites, and none of
the phrases the rubric rules out — (4) is not text addressed to the reviewer, and (5) has not
already been used for another part. Each accepted finding becomes an
:class:`~fzcheck.grading.grade.Upgrade` for grading to apply; every proposal that is refused is
kept in ``llm.disagreements`` with its reason. A present part is never turned into missing.

A part claim that names a section the report does not have (``sections_not_in_report``) is
refused whole, findings included: the model was not reading this report there.

Shapes in ``LLMInfo``:
  parts[]:  {id, kind, status, sections, sections_not_in_report, offline_status,
             findings: [{..., quote, line, verified, match, start, end, section, source}]}
             match: exact | normalised | not_found; start/end: offsets into the document text
             (``Document.text``, end exclusive); section: the top-level heading it lies under;
             source: [line, column] in the text as read (before re-segmentation)
  flags[]:  {part, kind, reason, quote, line, verified, match, start, end, section,
             by: "model"|"code", accepted, refusal}
  disagreements[]: {part, offline, llm, outcome: "upgraded"|"kept_offline", reason}
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from fzcheck.analysis.analyse import Analysis
from fzcheck.analysis.parts import unit_keeps
from fzcheck.analysis.patterns import first_match, hits_outside, mask_titles
from fzcheck.grading.grade import Upgrade
from fzcheck.llm.schemas import items_field
from fzcheck.llm.verify import QuoteIndex, quote_problem, with_arabic_numbers
from fzcheck.result import Evidence, LLMInfo
from fzcheck.rubric.model import Part, Rubric

# A plan is specific when it names a measure with an object, a number that is not a year, a
# deadline or a responsible unit; a bare year (2026年) or 进一步加强 is not specific.
SPECIFIC = re.compile(
    r"(?<![\d.])(?!(?:19|20)\d\d年)\d+(?:\.\d+)?(?!\d)|[一二三四五六七八九十百千万两]+[项件次期个场家名人批类部条]"
    r"|\d{1,2}月(?:底|份|末)?前|年底前|年内|上半年|下半年|季度|不少于|不低于|达到|覆盖|%"
    r"|(?:牵头|负责|责任单位|配合)[^,.;]{0,6}|由[^,.;]{1,10}(?:负责|牵头)"
    r"|(?:制定|出台|修订|修改|编制|建成|建立|上线|印发)[^,.;]{0,12}(?:办法|规定|制度|细则|清单|方案|规划|条例|平台|系统|目录|指引|标准)"
)
FIGURE = re.compile(r"\d+(?:\.\d+)?")
NOT_A_YEAR = re.compile(r"(?<![\d.])(?!(?:19|20)\d\d年)\d+(?:\.\d+)?(?!\d)")


def _quoted(item: dict[str, Any], index: QuoteIndex) -> dict[str, Any]:
    """The item with where its quote is: line, offsets, match status, section, verified."""
    quote = str(item.get("quote", ""))
    ok = quote_problem(index, quote) is None
    place = index.locate(quote)
    return {**item, "line": place.first_line + 1 if ok else None, "verified": ok, **place.to_json()}


def review_to_info(review: BaseModel, index: QuoteIndex, base: LLMInfo, rubric: Rubric) -> LLMInfo:
    """``base`` (model, hashes, usage) filled with the review's parts, flags and summary."""
    parts = []
    for part in rubric.parts:
        mapped = getattr(review, part.id)
        items = getattr(review, items_field(part.id), [])
        parts.append(
            {
                "id": part.id,
                "kind": part.llm.findings,
                "status": mapped.status,
                "sections": mapped.sections,
                # headings the model named that the report does not have
                "sections_not_in_report": [
                    t for t in mapped.sections if index.find(_heading_text(t)) is None
                ],
                "findings": [_quoted(i.model_dump(), index) for i in items],
            }
        )
    flags = [
        _checked_flag({**_quoted(f.model_dump(), index), "by": "model"}, index, rubric)
        for f in getattr(review, "flags", [])
    ]
    flags += _claim_flags(parts, index, rubric) + _instruction_flags(index)
    quotes = [f for p in parts for f in p["findings"]] + [f for f in flags if f["by"] == "model"]
    return base.model_copy(
        update={
            "summary": getattr(review, "summary", None),
            "parts": parts,
            "flags": flags,
            "unverified": sum(not q["verified"] for q in quotes),
        }
    )


def _claim_flags(
    parts: list[dict[str, Any]], index: QuoteIndex, rubric: Rubric
) -> list[dict[str, Any]]:
    """Code flags where a verified quote does not bear out the model's claim about it."""
    flags = []
    for found in parts:
        spec = rubric.part(found["id"])
        if spec is None:
            continue
        kind = spec.llm.findings
        for f in found["findings"]:
            # judged on the part's body sentences: never a heading, the title or the signature
            if not f["verified"] or not index.is_body_of(f["quote"], spec.id):
                continue
            text = index.normalise(f["quote"])
            if kind == "plans" and f.get("concrete") and not SPECIFIC.search(text):
                flags.append(
                    _code_flag(
                        spec.id, "vague_plan", f, ("模型判为具体，但原文没有数量、时限或对象")
                    )
                )
            if (
                kind == "actions"
                and f.get("by_principal_leader")
                and spec.llm.actor_pattern
                and not re.search(spec.llm.actor_pattern, text)
            ):
                flags.append(
                    _code_flag(
                        spec.id, "leader_is_bureau", f, ("模型判为本人所为，但原文没有点明是谁")
                    )
                )
            cause = f.get("cause")
            if (
                kind == "shortcomings"
                and cause
                and spec.llm.cause_pattern
                and not _gives_cause(spec, text)
                and index.normalise(cause) not in index.text
            ):
                flags.append(
                    _code_flag(
                        spec.id,
                        "no_cause",
                        f,
                        (f"模型写的原因“{str(cause)[:40]}”原文没有：原文只列问题、未讲原因"),
                    )
                )
            improvement = f.get("improvement")
            if kind == "remedies" and improvement and not _said(improvement, text, index):
                flags.append(
                    _code_flag(
                        spec.id,
                        "other",
                        f,
                        (
                            f"模型写的改进措施“{str(improvement)[:40]}”原文没有：这个问题没有写改进措施"
                        ),
                    )
                )
            if kind == "measures":
                missing = [
                    g
                    for g in f.get("figures", [])
                    if any(n not in index.numbers for n in FIGURE.findall(index.normalise(g)))
                ]
                if missing:
                    flags.append(
                        _code_flag(
                            spec.id,
                            "other",
                            f,
                            (f"模型列出的数字不在原文中：{'、'.join(missing)[:60]}"),
                        )
                    )
    return flags


def _said(claim: str, quote: str, index: QuoteIndex) -> bool:
    """Whether the report bears out a model's paraphrase: some four characters of it stand in
    the quote or elsewhere in the report (a paraphrase keeps a phrase, an invention none)."""
    folded = index.normalise(claim)
    grams = {folded[i : i + 4] for i in range(max(len(folded) - 3, 1))}
    return any(g in quote or g in index.text for g in grams)


def _code_flag(part: str, kind: str, finding: dict[str, Any], reason: str) -> dict[str, Any]:
    place = {k: finding.get(k) for k in ("match", "start", "end", "section")}
    return {
        "part": part,
        "kind": kind,
        "reason": reason,
        "quote": finding["quote"],
        "line": finding["line"],
        "verified": True,
        **place,
        "by": "code",
        "accepted": True,
    }


def _checked_flag(flag: dict[str, Any], index: QuoteIndex, rubric: Rubric) -> dict[str, Any]:
    """A model's flag is a proposal: kept for the reviewer only if its quote is body text of
    the report and the text bears the claim out."""
    refusal = _flag_refusal(flag, index, rubric)
    return {**flag, "accepted": refusal is None, "refusal": refusal}


def _flag_refusal(flag: dict[str, Any], index: QuoteIndex, rubric: Rubric) -> str | None:
    if not flag["verified"]:
        return "引文不在报告原文中"
    quote = str(flag["quote"])
    if index.is_heading(quote):
        return "引文是标题，不是正文"
    if not index.is_body_of(quote, str(flag.get("part"))):
        return "引文不在该部分的正文中"
    text = index.normalise(quote)
    spec = rubric.part(str(flag.get("part")))
    kind = flag.get("kind")
    if kind == "vague_plan" and SPECIFIC.search(text):
        return "原文有具体对象、数量、时限或责任单位"
    if kind == "no_figures" and NOT_A_YEAR.search(with_arabic_numbers(text)):
        return "原文有具体数字"
    if (
        kind == "leader_is_bureau"
        and spec is not None
        and spec.llm.actor_pattern
        and re.search(spec.llm.actor_pattern, text)
    ):
        return "原文点明了主要负责人"
    if (
        kind == "no_cause"
        and spec is not None
        and spec.llm.cause_pattern
        and _gives_cause(spec, text)
    ):
        return "原文写了原因"
    return None


def _gives_cause(spec: Part, text: str) -> bool:
    """The quote says a cause in the offline check's words, not only promises to find one."""
    pattern = spec.llm.cause_pattern
    return bool(pattern and hits_outside(pattern, spec.llm.cause_not_in, text)[0])


def _heading_text(title: str) -> str:
    """A heading the model names, without the 一、/（二） marker it tends to add or renumber."""
    from fzcheck.analysis.outline import match_heading
    from fzcheck.document import fold_width

    hit = match_heading(fold_width(title.strip()))
    return title.strip()[hit[2] :] if hit else title


def _instruction_flags(index: QuoteIndex) -> list[dict[str, Any]]:
    return [
        {
            "part": None,
            "kind": "instruction",
            "by": "code",
            "verified": True,
            "line": i + 1,
            "quote": "",
            "accepted": True,
            "reason": "这一行像是写给审阅程序的指令：按报告内容对待，不作为任何部分的证据",
        }
        for i in sorted(index.instruction_lines)
    ]


# --- what a proposal must satisfy -----------------------------------------------------------


def placement_problem(part: Part, quote: str, analysis: Analysis, index: QuoteIndex) -> str | None:
    """Why ``quote`` cannot support ``part``, by where it sits."""
    lines = index.lines_of(quote)
    outline = analysis.outline
    if not lines or min(lines) < outline.body_start or max(lines) > outline.body_end:
        return "引文不在报告正文中（是标题、抬头、落款或页面信息）"
    for other in analysis.found:
        if other.part.id == part.id or other.status == "missing":
            continue
        if lines & {h.line for h in other.sections}:
            return f"引文是“{other.part.label}”的标题"
        if not other.sections:
            # embedded by a sentence: that sentence is the other part's, not its whole line
            if any(_overlaps(quote, ev.quote, index) for ev in other.evidence):
                return f"引文是离线检查认定的“{other.part.label}”的语句"
            continue
        if lines & set(other.lines) and other.part.id not in part.embeds_in:
            return f"引文位于离线检查划给“{other.part.label}”的段落中，该部分不会写在那里"
    return None


def _overlaps(quote: str, other: str, index: QuoteIndex) -> bool:
    a, b = index.normalise(quote), index.normalise(other)
    return bool(a and b) and (a in b or b in a)


def meaning_problem(
    part: Part, quote: str, index: QuoteIndex, year: int | None, unit: str | None = None
) -> str | None:
    """Why a quote does not say what the part is about (matched on the folded quote), read as
    the offline search reads a sentence of ``unit``'s report: a school's 学校主要负责人 is its
    own head, and another's 县一中校长 no head of this unit's."""
    # citing a rule's title is not doing it; masked before the wrapping 《》 are trimmed
    text = index.normalise(mask_titles(quote.strip()))
    cue_kept, exclude_kept = unit_keeps(part, unit)
    if first_match(part.excludes_for(unit), text, year, keep=exclude_kept):
        return f"引文是规则排除的表述（不是本报告对“{part.name}”的陈述）"
    cues = [*part.heading_cues, *part.body_cues, *part.llm.evidence]
    if not first_match(cues, text, year, keep=cue_kept):
        return f"引文没有“{part.name}”的意思（只含关键词，或与本部分无关）"
    return None


def propose(analysis: Analysis, info: LLMInfo, index: QuoteIndex) -> list[Upgrade]:
    """The upgrades the review earns; sets ``info.disagreements`` (every refusal with why)."""
    disagreements: list[dict[str, Any]] = []
    upgrades: list[Upgrade] = []
    used: dict[str, str] = {}  # folded quote -> the part it already supports
    rubric = analysis.rubric
    year = analysis.info.report_year
    offline = {p.id: p.status for p in analysis.parts}
    for claim in info.parts:
        part = rubric.part(claim["id"])
        status = offline.get(claim["id"])
        if part is None or status is None:
            continue
        claim["offline_status"] = status
        said = claim["status"]
        invented = claim.get("sections_not_in_report") or []
        if invented:
            disagreements.append(
                _note(
                    part.id,
                    status,
                    said,
                    "kept_offline",
                    (
                        f"模型给出的标题“{'”“'.join(invented)[:40]}”报告中没有：这一部分的回答不予采信"
                    ),
                )
            )
            continue
        if said == status:
            continue
        if status != "missing":
            disagreements.append(
                _note(
                    part.id,
                    status,
                    said,
                    "kept_offline",
                    (
                        "模型不能把离线检查找到的部分改为缺失"
                        if said == "missing"
                        else "独立成节还是嵌于他节，由离线检查的标题识别决定"
                    ),
                )
            )
            continue
        reasons: list[str] = []
        for f in claim["findings"]:
            why = _refusal(part, f, analysis, index, year, used)
            if why is None:
                used[index.normalise(f["quote"])] = part.id
                evidence = Evidence(quote=f["quote"].strip(), line=f["line"])
                upgrades.append(
                    Upgrade(
                        part=part.id,
                        evidence=evidence,
                        note=(f"由模型（{info.model}）找到，引文已在第{f['line']}行核实"),
                    )
                )
                disagreements.append(
                    _note(part.id, "missing", said, "upgraded", f"第{f['line']}行的引文已核实")
                )
                break
            reasons.append(why)
        else:
            why = "；".join(dict.fromkeys(reasons)) if reasons else "模型没有给出支持它的引文"
            disagreements.append(_note(part.id, status, said, "kept_offline", why))
    info.disagreements = disagreements
    return upgrades


def _refusal(
    part: Part,
    finding: dict[str, Any],
    analysis: Analysis,
    index: QuoteIndex,
    year: int | None,
    used: dict[str, str],
) -> str | None:
    quote = str(finding.get("quote", ""))
    if not finding.get("verified"):
        return "引文不在报告原文中"
    if index.is_instruction(quote):
        return "引文是写给审阅程序的指令，不能作为证据"
    other = used.get(index.normalise(quote))
    if other is not None:
        label = p.label if (p := analysis.rubric.part(other)) else other
        return f"同一句引文已用于“{label}”"
    return placement_problem(part, quote, analysis, index) or meaning_problem(
        part, quote, index, year, analysis.facts.unit
    )


def _note(part: str, offline: str, llm: str, outcome: str, reason: str) -> dict[str, Any]:
    return {"part": part, "offline": offline, "llm": llm, "outcome": outcome, "reason": reason}
