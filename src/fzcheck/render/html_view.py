"""View models for the HTML pages: plain data the Jinja templates lay out.

Everything here is computed from the canonical result dict (plus the document's original lines
for the text), so the templates hold no logic beyond loops and conditionals. Keys the offline
checker does not always write (``llm``, ``copies``) are read defensively: absent, ``None`` or an
unexpected shape renders as "nothing to show", never as an error.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from fzcheck import render
from fzcheck.render import part_label
from fzcheck.render.i18n import llm_error
from fzcheck.render.i18n import status as _status_word

if TYPE_CHECKING:
    from fzcheck.rubric import Rubric

N_COLOURS = 6  # part colours defined in the stylesheet as .pc0 .. .pc5


# --- parts and rubric names -------------------------------------------------------------------


@dataclass(frozen=True)
class PartName:
    name: str
    label: str
    legal_text: str | None = None
    citation: str | None = None


def part_names(result: Mapping[str, Any], rubric: Rubric | None) -> dict[str, PartName]:
    """Names for the result's parts: the rubric it was graded with gives the legal wording;
    without it (a rubric file no longer at hand) the names the result carries."""
    out = {
        p.id: PartName(p.name, p.label, p.legal_text, p.citation)
        for p in (rubric.parts if rubric else [])
    }
    for p in result.get("parts") or []:
        out.setdefault(p["id"], PartName(str(p.get("name") or part_label(p)), part_label(p)))
    return out


def colour_index(part_ids: Sequence[str]) -> dict[str, int]:
    return {pid: i % N_COLOURS for i, pid in enumerate(part_ids)}


# --- the text, with spans and quote anchors ---------------------------------------------------


@dataclass
class Segment:
    text: str
    anchor: str | None = None  # id of the <mark> that evidence links point at
    colour: int | None = None
    llm: bool = False


@dataclass
class LineView:
    number: int  # 1-based, as in the JSON
    segments: list[Segment]
    colours: list[int]  # every part span covering the line, outermost first
    starts: list[tuple[int, str]] = field(default_factory=list)  # (colour, name) spans opening here

    @property
    def colour(self) -> int | None:
        # Spans nest (an embedded part inside a present one): the innermost tints the line.
        return self.colours[-1] if self.colours else None


@dataclass
class Target:
    """Where a quote was found: a <mark> id, or the line when the quote overlaps another."""

    anchor: str
    line: int


class TextMarks:
    """Collects quote marks on the original lines, then cuts the lines into segments."""

    def __init__(self, lines: Sequence[str], analysis: Sequence[str] | None = None) -> None:
        self.lines = lines
        # Same lengths as ``lines`` (Simplified, width-folded): a quote a model normalised still
        # finds its place, and the mark covers the original characters.
        self.analysis = analysis if analysis is not None and len(analysis) == len(lines) else None
        self._marks: dict[int, list[tuple[int, int, str, int | None, bool]]] = {}
        self._joined: dict[int, tuple[str, list[int]]] = {}

    def place(
        self, anchor: str, quote: str, line: int | None, colour: int | None, llm: bool = False
    ) -> Target | None:
        """Mark ``quote`` on ``line`` (1-based) or, without a usable line, its first occurrence.
        ``None`` when the quote is not in the text at all."""
        quote = (quote or "").strip()
        if not quote:
            return None
        found = self._find(quote, line)
        if found is None:
            return None
        number, start, end = found
        marks = self._marks.setdefault(number, [])
        if any(start < e and s < end for s, e, *_ in marks):
            return Target(anchor=f"L{number}", line=number)
        marks.append((start, end, anchor, colour, llm))
        return Target(anchor=anchor, line=number)

    def _find(self, quote: str, line: int | None) -> tuple[int, int, int] | None:
        """(line, start, end) of ``quote``: on ``line`` if it is there, else where it first
        stands — in the text as read, else in the analysis view."""
        given = line if line is not None and 1 <= line <= len(self.lines) else None
        # A quote over several lines (an LLM may copy a paragraph break) is marked on its first.
        first = next((part.strip() for part in quote.splitlines() if part.strip()), quote)
        texts: list[tuple[Sequence[str], Callable[[str], str]]] = [(self.lines, str)]
        if self.analysis is not None:
            from fzcheck.document import fold_width

            texts.append((self.analysis, fold_width))
        for lines, prepare in texts:
            for needle in dict.fromkeys(prepare(q) for q in (quote, first)):
                if given is not None and (at := lines[given - 1].find(needle)) >= 0:
                    return given, at, at + len(needle)
                if "\n" not in needle and (hit := self._first(lines, needle)) is not None:
                    return hit
        return None

    def _first(self, lines: Sequence[str], needle: str) -> tuple[int, int, int] | None:
        """Where ``needle`` (no line break in it) first stands in ``lines``: one search of the
        lines joined, not one per line (a page of 60,000 lines and many quotes took minutes)."""
        key = id(lines)
        if key not in self._joined:
            starts = [0]
            for text in lines:
                starts.append(starts[-1] + len(text) + 1)
            self._joined[key] = ("\n".join(lines), starts)
        joined, starts = self._joined[key]
        at = joined.find(needle)
        if at < 0:
            return None
        n = bisect_right(starts, at)  # 1-based: starts[n - 1] <= at < starts[n]
        return n, at - starts[n - 1], at - starts[n - 1] + len(needle)

    def segments(self, number: int) -> list[Segment]:
        text = self.lines[number - 1]
        out: list[Segment] = []
        pos = 0
        for start, end, anchor, colour, llm in sorted(self._marks.get(number, [])):
            if start > pos:
                out.append(Segment(text[pos:start]))
            out.append(Segment(text[start:end], anchor, colour, llm))
            pos = end
        if pos < len(text) or not out:
            out.append(Segment(text[pos:]))
        return out


def line_views(marks: TextMarks, spans: Sequence[tuple[int, int, int, str]]) -> list[LineView]:
    """``spans`` are (start_line, end_line, colour, name), 1-based inclusive."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))  # outer spans before nested ones
    starting: dict[int, list[tuple[int, int, int, str]]] = {}
    for s in ordered:
        starting.setdefault(s[0], []).append(s)
    views = []
    active = [s for s in ordered if s[0] < 1]  # the spans over this line, in ``ordered``'s
    for n in range(1, len(marks.lines) + 1):  # order: each span looked at on its own lines only
        new = starting.get(n, [])
        active = [s for s in active if s[1] >= n] + [s for s in new if s[1] >= n]
        covering = sorted(active, key=lambda s: s[1] - s[0], reverse=True)
        views.append(
            LineView(
                number=n,
                segments=marks.segments(n),
                colours=[s[2] for s in covering],
                starts=[(s[2], s[3]) for s in new],
            )
        )
    return views


# --- LLM findings -------------------------------------------------------------------------------
# The shapes are fzcheck.llm.merge's (parts[].findings, flags[] with part/kind/reason, every quote
# with ``verified`` and ``line``, ``unverified`` a count, ``disagreements``); anything else in
# those places is read as well as it can be rather than rejected.

FLAG_KIND_ZH = {
    "generic": "空泛套话",
    "no_cause": "只列问题不讲原因",
    "no_figures": "成效没有数据",
    "vague_plan": "安排不具体",
    "leader_is_bureau": "履职只写单位不写本人",
    "hidden_part": "部分藏在主题式标题下",
    "instruction": "疑似写给程序的指令",
    "other": "其他",
}
OUTCOME_ZH = {"upgraded": "采纳模型意见", "kept_offline": "保留离线结论"}


@dataclass
class Finding:
    text: str
    quote: str | None = None
    line: int | None = None
    verified: bool = True
    target: Target | None = None
    kind: str | None = None
    part: str | None = None


@dataclass
class LlmView:
    summary: str | None
    error: str | None
    model: str | None
    parts: dict[str, list[Finding]]
    part_status: dict[str, str]
    flags: list[Finding]
    unverified: list[Finding]
    n_unverified: int
    disagreements: list[str]

    def flags_for(self, part_id: str | None) -> list[Finding]:
        return [f for f in self.flags if f.part == part_id]


def _as_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, Mapping):
        for key in ("message", "reason", "text", "detail", "kind"):
            if value.get(key):
                return str(value[key])
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _list(value: Any) -> list[Any]:
    # An older or newer LLM layer may write a count or a mapping where a list is expected.
    return list(value) if isinstance(value, (list, tuple)) else []


def _finding_text(item: Mapping[str, Any]) -> str:
    """One line for a finding, from whichever of the schema's fields it has."""
    head = next(
        (
            str(item[k])
            for k in (
                "measure",
                "problem",
                "action",
                "reason",
                "comment",
                "finding",
                "message",
                "summary",
                "text",
            )
            if item.get(k)
        ),
        "",
    )
    details = []
    if item.get("result"):
        details.append(f"成效：{item['result']}")
    if "cause" in item:
        details.append(f"原因：{item['cause']}" if item["cause"] else "未写原因")
    if _list(item.get("figures")):
        details.append("数据：" + "、".join(map(str, item["figures"])))
    if item.get("by_principal_leader") is False:
        details.append("非主要负责人本人")
    if item.get("concrete") is False:
        details.append("不够具体")
    return "；".join([head, *details]) if details else head


def _finding(item: Any) -> Finding | None:
    if isinstance(item, str):
        return Finding(text="", quote=item)
    if not isinstance(item, Mapping):
        return None
    quote = item.get("quote") or item.get("evidence_quote")
    kind = _as_text(item.get("kind"))
    return Finding(
        text=_finding_text(item),
        quote=str(quote) if quote else None,
        line=_int_or_none(item.get("line")),
        verified=item.get("verified") is not False,
        kind=FLAG_KIND_ZH.get(kind, kind) if kind else None,
        part=str(item["part"]) if item.get("part") else None,
    )


def _findings_of(part: Mapping[str, Any]) -> list[Finding]:
    out = [
        f
        for key in ("findings", "evidence", "quotes")
        for f in map(_finding, _list(part.get(key)))
        if f
    ]
    comment = _as_text(part.get("comment") or part.get("reason") or part.get("summary"))
    return [Finding(text=comment), *out] if comment else out


def _disagreement(item: Any, labels: Mapping[str, str]) -> str | None:
    if not isinstance(item, Mapping):
        return _as_text(item)
    st = {k: _status_word(str(item.get(k))) for k in ("offline", "llm")}
    outcome = OUTCOME_ZH.get(str(item.get("outcome")), str(item.get("outcome") or ""))
    part = labels.get(str(item.get("part")), str(item.get("part") or ""))
    return f"{part}：离线“{st['offline']}”，模型“{st['llm']}” → {outcome}（{item.get('reason') or ''}）"


def llm_view(result: Mapping[str, Any]) -> LlmView | None:
    llm = result.get("llm")
    if not isinstance(llm, Mapping):
        return None
    labels = render.part_labels([result])
    raw_parts: Any = llm.get("parts")
    if isinstance(raw_parts, Mapping):
        raw_parts = [
            {"id": k, **(v if isinstance(v, Mapping) else {"comment": v})}
            for k, v in raw_parts.items()
        ]
    parts: dict[str, list[Finding]] = {}
    status: dict[str, str] = {}
    for p in _list(raw_parts):
        if isinstance(p, Mapping) and p.get("id"):
            parts[str(p["id"])] = _findings_of(p)
            if p.get("status"):
                status[str(p["id"])] = str(p["status"])
    flags = [f for f in map(_finding, _list(llm.get("flags"))) if f]
    unverified = [f for f in map(_finding, _list(llm.get("unverified"))) if f]
    # A quote listed as unverified is unverified wherever else it appears.
    bad = {f.quote for f in unverified if f.quote}
    for f in [*flags, *(x for fs in parts.values() for x in fs)]:
        if f.quote in bad:
            f.verified = False
    for f in unverified:
        f.verified = False
    count = llm.get("unverified")
    n_unverified = count if isinstance(count, int) and not isinstance(count, bool) else len(bad)
    return LlmView(
        summary=_as_text(llm.get("summary")),
        error=llm_error(str(llm["error"])) if llm.get("error") else None,
        model=_as_text(llm.get("model")),
        parts=parts,
        part_status=status,
        flags=flags,
        unverified=unverified,
        n_unverified=n_unverified,
        disagreements=[
            d for d in (_disagreement(x, labels) for x in _list(llm.get("disagreements"))) if d
        ],
    )


# --- copy detection (batch) -------------------------------------------------------------------


@dataclass(frozen=True)
class Copy:
    other: str
    section: str | None
    similarity: float | None
    name: str | None = None  # how the page names the other report (乡镇/报告.txt)

    @property
    def other_name(self) -> str:
        """The other report as the page names it: as much of its path as tells it from the
        reports around it, not a bare 报告.txt that reads as the report copying itself."""
        return self.name or PurePath(self.other).name or self.other


def copies_of(result: Mapping[str, Any], names: Mapping[str, str] | None = None) -> list[Copy]:
    """The report's copy partners, most similar first, each named by ``names`` (path -> its
    shortest distinguishing end), else by what tells it from this report and its partners."""
    raw = result.get("copies")
    if not isinstance(raw, list):
        return []
    if names is None:
        names = render.short_names(
            [
                str(result.get("path", "")),
                *(
                    str(item["other"] if isinstance(item, Mapping) else item)
                    for item in raw
                    if isinstance(item, str) or (isinstance(item, Mapping) and item.get("other"))
                ),
            ]
        )
    out = []
    for item in raw:
        if isinstance(item, Mapping) and item.get("other"):
            sim = item.get("similarity")
            # fzcheck.batch.copies writes the part as "part"; "section" was the first proposal.
            section = item.get("part") or item.get("section")
            out.append(
                Copy(
                    other=str(item["other"]),
                    section=_as_text(section),
                    similarity=float(sim) if isinstance(sim, (int, float)) else None,
                    name=names.get(str(item["other"])),
                )
            )
        elif isinstance(item, str):
            out.append(Copy(other=item, section=None, similarity=None, name=names.get(item)))
    return sorted(out, key=lambda c: -(c.similarity or 0))


# --- the batch table and its charts ------------------------------------------------------------


@dataclass
class BatchRow:
    """One report's row, as reviewed: where a reviewer decided, the verdict, score, statuses
    and failed checks are theirs (as ``fzcheck report`` counts them), and the machine's are
    kept beside them to be shown struck through."""

    path: str
    href: str | None
    unit: str
    title: str | None
    year: int | None
    verdict: str
    score: float
    statuses: dict[str, str]
    failed: list[str]  # the checks failed after review, by name
    flags: list[str]  # LLM flag reasons
    copies: list[Copy]
    copy_hrefs: dict[str, str]
    error: str | None
    review: Mapping[str, Any] | None = None  # the reviewer's verdict and score, when decided
    machine_verdict: str = ""
    machine_score: float = 0.0
    machine_statuses: dict[str, str] = field(default_factory=dict)  # those the reviewer changed
    failed_entries: list[str] = field(default_factory=list)  # failed and overruled, to read
    decisions: list[str] = field(default_factory=list)
    action: str = ""  # what the desk does (退回修改, 人工核对：…), as the sheets say it

    @property
    def action_word(self) -> str:
        """The action's first words (退回修改, 人工核对), for a narrow cell."""
        return re.split("[：（]", self.action, maxsplit=1)[0]


def batch_row(
    result: Mapping[str, Any],
    links: Mapping[str, str],
    names: Mapping[str, str] | None = None,
) -> BatchRow:
    d = result.get("document") or {}
    err = result.get("error")
    path = str(result.get("path", ""))
    llm = llm_view(result)
    from fzcheck.cohort.stats import action
    from fzcheck.render.i18n import check_name, decision_text, error_kind, t

    failed = [
        check_name(c, part) + (t("review.failed_by_reviewer") if c["passed"] else "")
        for part, c in render.checks_after_review(result)[0]
    ]
    copies = copies_of(result, names)
    review = result.get("review") if isinstance(result.get("review"), Mapping) else None
    machine_verdict = str(result.get("verdict", "error"))
    machine_score = float(result.get("score") or 0)
    parts = result.get("parts") or []
    return BatchRow(
        path=path,
        href=links.get(path),
        unit=d.get("issuer") or d.get("title") or PurePath(path).name or path,
        title=d.get("title"),
        year=d.get("report_year"),
        verdict=str(review.get("verdict") or machine_verdict) if review else machine_verdict,
        score=float(review.get("score", machine_score)) if review else machine_score,
        statuses={p["id"]: render.reviewed_status(result, p) for p in parts},
        machine_verdict=machine_verdict,
        machine_score=machine_score,
        machine_statuses={
            p["id"]: p["status"] for p in parts if render.status_overruled(result, p)
        },
        failed_entries=render.failed_check_entries(result),
        decisions=[
            decision_text(dict(x), dict(result)) for x in (review or {}).get("decisions", [])
        ],
        failed=failed,
        flags=[" ".join(filter(None, (f.kind, f.text))) or (f.quote or "") for f in llm.flags]
        if llm
        else [],
        copies=copies,
        copy_hrefs={c.other: links[c.other] for c in copies if c.other in links},
        error=error_kind(str(err.get("kind")), str(err.get("message")))
        if isinstance(err, Mapping)
        else None,
        review=review,
        action=action(dict(result)),
    )


@dataclass
class PartShare:
    part_id: str
    label: str
    present: float  # shares of the reports that were read (0..1)
    embedded: float
    missing: float
    n_missing: int
    n_embedded: int


def part_shares(
    cohort: Mapping[str, Any], part_ids: Sequence[str], labels: Mapping[str, str]
) -> list[PartShare]:
    """Chart rows from the cohort statistics (``cohort.stats``), so the page and `fzcheck report`
    count the same reports: readable annual reports, not errors or non-reports."""
    by_id = {p["part"]: p for p in cohort.get("parts", [])}
    out = []
    for pid in part_ids:
        p = by_id.get(pid, {})
        mis, emb = float(p.get("missing_share", 0.0)), float(p.get("embedded_share", 0.0))
        out.append(
            PartShare(
                pid,
                labels.get(pid, pid),
                max(0.0, 1 - mis - emb),
                emb,
                mis,
                int(p.get("missing", 0)),
                int(p.get("embedded", 0)),
            )
        )
    return out


def score_bins(cohort: Mapping[str, Any]) -> list[tuple[str, int]]:
    """Counts per score band from the cohort statistics: 0–9, 10–19, ..., 90–100."""
    from fzcheck.cohort.stats import score_band

    return [(score_band(b), int(b["count"])) for b in cohort.get("scores", {}).get("bins", [])]


# --- statistical tables ------------------------------------------------------------------------


@dataclass
class TableView:
    id: str
    status: str
    summary: str
    failed: list[Mapping[str, Any]]
    columns: list[Mapping[str, Any]]
    rows: list[dict[str, Any]]


def _heads_the_next(
    row: Mapping[str, Any], after: Sequence[Any], values: Mapping[tuple[str, str], Any]
) -> bool:
    """A row read with every cell blank whose name opens the next row's (（六）其他处理 over
    （六）其他处理 1.逾期不补正): the label of the rows under it, printed as the template's merged
    cell — not a row the unit left blank, as a line of 空白 cells said it was."""
    blank = all(not c["text"] for (r, _), c in values.items() if r == row["id"])
    name = str(row["name"])
    return blank and bool(after) and str(after[0]["name"]).startswith(f"{name} ")


def table_views(result: Mapping[str, Any]) -> list[TableView]:
    """Each table with its cells (failing ones marked, each linked to its line)."""
    from fzcheck.render.tables import failing_cells, sum_message, summary

    out = []
    for t in _list(result.get("tables")):
        if not isinstance(t, Mapping):
            continue
        bad = failing_cells(dict(t))
        values = {(c["row"], c["col"]): c for c in _list(t.get("cells"))}
        rows = []
        listed = _list(t.get("rows"))
        for k, row in enumerate(listed):
            if _heads_the_next(row, listed[k + 1 :], values):
                continue
            cells = []
            for col in _list(t.get("columns")):
                cell = values.get((row["id"], col["id"]))
                cells.append(
                    {
                        "text": "—" if cell is None else (cell["text"] or "空白"),
                        "line": cell["line"] if cell else None,
                        "bad": (row["id"], col["id"]) in bad,
                        "blank": cell is not None and cell["value"] is None,
                    }
                )
            rows.append({"name": row["name"], "line": row.get("line"), "cells": cells})
        out.append(
            TableView(
                id=str(t["id"]),
                status=str(t["status"]),
                summary=summary(dict(t)),
                failed=[
                    {**c, "message": sum_message(dict(t), c)}  # as every view words it
                    for c in _list(t.get("checks"))
                    if c.get("passed") is False
                ],
                columns=_list(t.get("columns")),
                rows=rows,
            )
        )
    return out
