"""Output formats. Each renders from the canonical JSON dict (``Result.to_json()``).

A renderer is created once per run, given each result as it is ready (with its Document when
the format shows the text), and closed at the end, so long runs stream.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any, Protocol

from fzcheck.document import Document

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog

# format name -> "module:Class"
RENDERERS: dict[str, str] = {
    "terminal": "fzcheck.render.terminal:TerminalRenderer",
    "json": "fzcheck.render.jsonfmt:JsonRenderer",
    "jsonl": "fzcheck.render.jsonfmt:JsonlRenderer",
    "markdown": "fzcheck.render.markdown:MarkdownRenderer",
    "csv": "fzcheck.render.csvfmt:CsvRenderer",
    "html": "fzcheck.render.html:HtmlRenderer",
    "xlsx": "fzcheck.render.xlsx:XlsxRenderer",
}
BINARY_FORMATS = frozenset({"xlsx"})  # written to a file opened in binary mode
# -o's extension -> format, when -f is not given (never the terminal view into a file)
SUFFIX_FORMATS = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "terminal",  # the terminal's view as plain text, asked for by name
}


def format_for(fmt: str | None, output: str | None, default: str = "terminal") -> str:
    """The format asked for, else the one -o's extension names, else ``default``. An extension
    no format has (评分表.xls, 意见.docx) is refused: the terminal view written under it was a
    file its program could not open; so is a format the extension contradicts (-f csv with -o
    评分表.xlsx wrote CSV that Excel refused as a workbook)."""
    if not output:
        return fmt or default
    from pathlib import Path

    from fzcheck.errors import UsageError
    from fzcheck.render.i18n import t

    suffix = Path(output).suffix.lower()
    if fmt:
        named = SUFFIX_FORMATS.get(suffix)
        if named is not None and not _may_hold(suffix, named, fmt):
            raise UsageError(t("output.suffix_mismatch", suffix=suffix, named=named, fmt=fmt))
        return fmt
    if suffix and suffix not in SUFFIX_FORMATS and not _NOT_A_SUFFIX.search(suffix[1:]):
        choices = " ".join(dict.fromkeys(SUFFIX_FORMATS))
        raise UsageError(t("output.unknown_suffix", suffix=suffix, choices=choices))
    return SUFFIX_FORMATS.get(suffix, default)


def _may_hold(suffix: str, named: str, fmt: str) -> bool:
    """Whether a file named with ``suffix`` (which names format ``named``) may hold ``fmt``: the
    same format, JSON lines in .json or the reverse, or any text in .txt. CSV under .xlsx (or a
    workbook under .csv) is a file its program cannot open."""
    if fmt == named or {fmt, named} == {"json", "jsonl"}:
        return True
    return suffix == ".txt" and fmt not in BINARY_FORMATS


def names_a_folder(output: str | None) -> bool:
    """Whether -o names a folder, where pages go: one there, or a name ending in / (to make)."""
    if not output:
        return False
    return os.path.isdir(output) or output.endswith(("/", os.sep))


# what follows a dot in a name that is no extension (结果.2026年3月, v1.2): kept as before
_NOT_A_SUFFIX = re.compile(r"[^a-z]")


class Renderer(Protocol):
    def add(self, result: dict[str, Any], doc: Document | None) -> None: ...

    def close(self) -> None: ...


def make_renderer(fmt: str, out: IO[Any], rubrics: Catalog | None = None) -> Renderer:
    """The renderer for ``fmt``; ``rubrics`` are the ones the run may grade with (for column
    lists and the rubrics' own wording), never re-read from disk."""
    module, _, cls = RENDERERS[fmt].partition(":")
    return getattr(importlib.import_module(module), cls)(out, rubrics)  # type: ignore[no-any-return]


STATUS_MARK = {"present": "✓", "embedded": "△", "missing": "✗"}
# The words reviewers read, shared by every human-facing format.
STATUS_ZH = {"present": "独立成节", "embedded": "嵌于他节", "missing": "缺失"}
VERDICT_ZH = {
    "complete": "要素齐全",
    "incomplete": "要素缺失",
    "not_a_report": "非年度报告",
    "error": "无法读取",
}


# --- what a part is called ----------------------------------------------------------------------
# One rule for every view: a part is called by the ``label`` of the rubric it was graded with
# (rubric data, never words of ours); where parts are listed with their statuses (a table's rows
# or columns) an optional one is marked so (其他（选报）, i18n ``optional_part``); and a row or
# column that stands for one part id of several rubrics in the batch names each rubric's label
# (其他／其他事项), never one rubric's label for another's part.


def fact_value(document: Mapping[str, Any], key: str) -> Any:
    """A document fact as the reviewer reads it: a signature giving the month alone is its
    month, said to have no day (not 落款日期 — as if there were none); a scan's date not read is
    said to be unread, not absent (a seal stamped over it hides it from OCR)."""
    from fzcheck.render.i18n import t

    if key == "signed_on" and document.get(key) is None:
        if document.get("signed_month"):
            return t("signed_month", month=document["signed_month"])
        if document.get("ocr"):
            return t("signed_unread_scan")
    return document.get(key)


def fact_label(result: Mapping[str, Any], key: str) -> str:
    """A document fact's name as the reviewer reads it: the year a document that is not a
    report (as reviewed) gives — a news story's, another subject's work report's — is the year
    it speaks of, no report year."""
    from fzcheck.render.i18n import t

    if key == "report_year" and final_verdict(result) == "not_a_report":
        return t("report_year.not_a_report")
    return t(key)


def part_label(part: Mapping[str, Any]) -> str:
    """A part's short label as the rubric gives it (results carry it), else its id."""
    return str(part.get("label") or part.get("name") or part.get("id") or "")


def within(result: Mapping[str, Any], part: Mapping[str, Any]) -> str | None:
    """The label of the section an embedded part was found in (总体情况, for a sub-heading
    （五）行政复议和行政诉讼情况 under 一、总体情况): the present part whose span holds its line.
    A view naming only the sub-heading left the reviewer to find which section it sits in, and
    read like a heading of its own. None when the part is not embedded or no section holds it."""
    line = part.get("line")
    if part.get("status") != "embedded" or not isinstance(line, int):
        return None
    return next(
        (
            part_label(p)
            for p in result.get("parts") or []
            if p.get("status") == "present"
            and (span := p.get("span"))
            and span["start_line"] <= line <= span["end_line"]
        ),
        None,
    )


def heading_within(result: Mapping[str, Any], part: Mapping[str, Any]) -> str:
    """A part's heading as the parts' lists show it: an embedded part's with the section that
    holds it (行政复议和行政诉讼情况（在“总体情况”一节中）)."""
    from fzcheck.render.i18n import t

    heading = str(part.get("heading") or "")
    holder = within(result, part)
    return heading + t("within", part=holder) if holder else heading


def part_title(label: str, required: bool) -> str:
    """A part's label where parts are listed with their statuses: an optional one marked so."""
    from fzcheck.render.i18n import t

    return label if required else t("optional_part", label=label)


def joined_label(labels: Iterable[str]) -> str:
    """One name for the labels several rubrics give one part id: each once, in one order
    whichever report or rubric came first (其他／其他事项 in every view of a mixed batch)."""
    return "／".join(sorted({x for x in labels if x}))


def part_labels(results: Iterable[Mapping[str, Any]], key: str = "label") -> dict[str, str]:
    """part id -> label (or another of the part's names, ``key``), in the order parts first
    appear in ``results``; a part id that reports graded by different rubrics label
    differently gets each label (:func:`joined_label`)."""
    seen: dict[str, list[str]] = {}
    for r in results:
        for p in r.get("parts") or []:
            name = part_label(p) if key == "label" else str(p.get(key) or p["id"])
            seen.setdefault(str(p["id"]), []).append(name)
    return {pid: joined_label(labels) for pid, labels in seen.items()}


def all_checks(
    result: Mapping[str, Any], part: str | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """(part id or 'document', check) for every check, passed or not, in document order; only
    ``part``'s when it is given. A part the machine found missing and its reviewer found has
    the checks the reviewer decided (``review.added``: the machine ran none)."""
    added: dict[str, list[dict[str, Any]]] = {}
    for c in (result.get("review") or {}).get("added") or []:
        kept = {k: c.get(k) for k in ("id", "passed", "message", "name")}
        added.setdefault(c["part"], []).append({**kept, "reviewed": True, "added": True})
    out = []
    for p in result.get("parts", []):
        own = p.get("checks", [])
        ids = {c["id"] for c in own}
        out += [(p["id"], c) for c in own]
        out += [(p["id"], c) for c in added.get(p["id"], []) if c["id"] not in ids]
    out += [("document", c) for c in result.get("checks", [])]
    return [(p, c) for p, c in out if part is None or p == part]


def failed_checks(result: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(part id or 'document', check) for every failed check, in document order."""
    return [(p, c) for p, c in all_checks(result) if not c["passed"]]


# --- what a check says --------------------------------------------------------------------------
# Every view shows a check as its name, then what its message adds (check_line): the analysis
# words some messages with the check's description first (分析了不足的原因：见“原因”, 未做到“分析
# 了不足的原因”：…), which is the name the view has just shown, so it is not said twice; and the
# genre check's message is its decision in words, without the internal genre score.

GENRE_CHECK = "is_report"
_GENRE_VERDICT = re.compile(r"^不?是[^：]{0,40}报告：")
_GENRE_SCORE = re.compile(r"（得分[-+]?\d+(?:\.\d+)?）$")


def genre_signs(message: str, counter: bool = True) -> str:
    """The signs the genre check's message names (标题表明这是工作要点), without its verdict said
    again (不是…报告：) or the internal genre score (（得分-10.5）); without ``counter``, without
    the strongest sign the other way either (；但…), as a unit reads it."""
    why = _GENRE_SCORE.sub("", _GENRE_VERDICT.sub("", message.strip()))
    if not counter:
        why = why.split("；但", 1)[0]
    return why.strip("；。 ")


def genre_text(message: str) -> str:
    """A not-a-report decision as a reviewer reads it next to the score: 非年度报告（依据：标题
    表明这是工作要点）. The JSON keeps the message with its score."""
    from fzcheck.render.i18n import t, verdict

    why = genre_signs(message)
    word = verdict("not_a_report")
    return t("genre.not_a_report", verdict=word, why=why) if why else word


def check_message(check: Mapping[str, Any]) -> str:
    """What a view shows after a check's name: its message, less the name it may open with;
    for the genre check, the decision in words (:func:`genre_text`); quotes in quotes nested
    as Chinese sets them (:func:`fzcheck.render.typeset.nested`)."""
    from fzcheck.render.typeset import nested, quoted

    message = str(check.get("message") or "")
    if check.get("id") == GENRE_CHECK:
        return _GENRE_SCORE.sub("", message) if check.get("passed") else genre_text(message)
    name = str(check.get("name") or "")
    if name:
        for head in (f"{name}：", f"未做到“{name}”：", f"未做到{quoted(name)}："):
            if message.startswith(head):
                message = message[len(head) :]
                break
    return nested(message)  # a quoted name or line holding quotes: ‘’ inside “”


def check_line(check: Mapping[str, Any], part: str | None = None) -> str:
    """A check and its outcome on one line: 分析了不足的原因：见“原因”, the name said once."""
    from fzcheck.render.i18n import check_name

    name, said = check_name(dict(check), part), check_message(check)
    return f"{name}：{said}" if said else name


# --- the reviewer's decisions -------------------------------------------------------------------
# The one place every view asks what a reviewer made of a part or a check. ``review`` (see
# grading.grade.apply_review) holds every part's and every check's outcome once decided; a
# result nobody reviewed is the machine's. The machine's own fields are never changed, so a
# view can show both: 缺失 → 嵌于他节.

Check = tuple[str, dict[str, Any]]  # (part id or "document", the check as the JSON has it)


def reviewed_status(result: Mapping[str, Any], part: Mapping[str, Any]) -> str:
    """``part``'s status as reviewed: the reviewer's where there is one, else the machine's."""
    reviewed = (result.get("review") or {}).get("parts") or {}
    return str(reviewed.get(part["id"], part["status"]))


def status_overruled(result: Mapping[str, Any], part: Mapping[str, Any]) -> bool:
    """Whether the reviewer set ``part`` to another status than the machine found."""
    return reviewed_status(result, part) != str(part["status"])


def failed_in_part(result: Mapping[str, Any], part: Mapping[str, Any]) -> str | None:
    """How many of a found part's checks failed, as the reviewer decided them (2项未通过):
    said beside its ✓ 独立成节, which reads as all well where a table lists the parts."""
    from fzcheck.render.i18n import t

    if reviewed_status(result, part) == "missing":
        return None
    n = len(checks_after_review(result, str(part["id"]))[0])
    return t("part_checks_failed", n=n) if n else None


def status_text(result: Mapping[str, Any], part: Mapping[str, Any], marks: bool = False) -> str:
    """``part``'s status as a reviewer reads it: 嵌于他节, or the machine's then the reviewer's
    where they differ (缺失 → 嵌于他节); with ``marks``, each with its sign (✗ 缺失 → △ 嵌于他节)."""
    from fzcheck.render.i18n import status, t

    def word(s: str) -> str:
        return f"{STATUS_MARK.get(s, '?')} {status(s)}" if marks else status(s)

    if unwritten_optional(result, part):
        return f"– {t('optional_missing')}" if marks else t("optional_missing")
    machine, reviewed = str(part["status"]), reviewed_status(result, part)
    return word(machine) if reviewed == machine else f"{word(machine)} → {word(reviewed)}"


def unwritten_optional(result: Mapping[str, Any], part: Mapping[str, Any]) -> bool:
    """An optional part not written, as reviewed: no gap, and every view says 未写（选报）, not
    缺失 (其他: the law does not require it)."""
    return part.get("required") is False and (
        str(part["status"]) == reviewed_status(result, part) == "missing"
    )


def check_passed(result: Mapping[str, Any], part: str, check: Mapping[str, Any]) -> bool:
    """Whether ``check`` (of ``part``, or "document") passed as reviewed."""
    reviewed = (result.get("review") or {}).get("checks") or {}
    return bool(reviewed.get(f"{part}.{check['id']}", check["passed"]))


# Checks that mean something for a document that is not a report: the genre decision itself,
# and text addressed to AI models (a reviewer's flag whatever the document is).
NOT_A_REPORT_CHECKS = frozenset({GENRE_CHECK, "no_instructions_to_models"})


def final_verdict(result: Mapping[str, Any]) -> str:
    """The verdict as reviewed: the reviewer's where there is a review, else the machine's."""
    review = result.get("review") or {}
    return str(review.get("verdict") or result.get("verdict") or "error")


def listed_checks(result: Mapping[str, Any], part: str | None = None) -> list[Check]:
    """The checks a view lists as failed or overruled: all of them, but for a document that is
    not a report (as reviewed) only the genre check and the instructions flag — a part's check
    or a signing date means nothing for a 工作要点. The JSON keeps every check."""
    # a part its reviewer found missing is scored nothing, its checks no deduction: not listed
    missing = {
        str(p["id"]) for p in result.get("parts", []) if reviewed_status(result, p) == "missing"
    }
    checks = [(p, c) for p, c in all_checks(result, part) if p not in missing]
    if final_verdict(result) != "not_a_report":
        return checks
    return [(p, c) for p, c in checks if p == "document" and c["id"] in NOT_A_REPORT_CHECKS]


def checks_after_review(
    result: Mapping[str, Any], part: str | None = None
) -> tuple[list[Check], list[Check]]:
    """(checks failed once the reviewer's decisions apply, checks the machine failed and the
    reviewer overruled to pass), in document order; only ``part``'s when it is given; for a
    document that is not a report, only the checks that mean something for it
    (:func:`listed_checks`)."""
    failed: list[Check] = []
    overruled: list[Check] = []
    for p, c in listed_checks(result, part):
        if not check_passed(result, p, c):
            failed.append((p, c))
        elif not c["passed"]:
            overruled.append((p, c))
    return failed, overruled


def failed_check_entries(
    result: Mapping[str, Any],
    part: str | None = None,
    message: bool = False,
    qualified: bool = True,
) -> list[str]:
    """The failed checks as a reviewer reads them after the decisions: each still failed (one
    the machine passed and the reviewer failed marked so), then one entry naming those
    overruled to pass (（人工复核改为通过：…）), so an overruled check never reads as still failed.
    ``message`` adds each check's message, ``qualified`` its part id (English view)."""
    from fzcheck.render.i18n import check_name, t

    failed, overruled = checks_after_review(result, part)
    out = []
    for p, c in failed:
        name = check_name(c, p if qualified else None)
        if c["passed"]:  # the machine passed it: its message says why it passed, so not shown
            out.append(name + t("review.failed_by_reviewer"))
        elif message or c["id"] == GENRE_CHECK:  # its name alone reads as what it is not
            out.append(check_line(c, p if qualified else None))
        else:
            out.append(name)
    if overruled:
        names = "；".join(check_name(c, p if qualified else None) for p, c in overruled)
        out.append(t("review.overruled", names=names))
    return out


def decision_on(result: Mapping[str, Any], target: str, id_: str) -> Mapping[str, Any] | None:
    """The reviewer's (last) decision on ``target`` (part|check) ``id_`` (a part id, or
    ``part.check``), if they made one."""
    for d in reversed((result.get("review") or {}).get("decisions") or []):
        if d.get("target") == target and d.get("id") == id_:
            return dict(d)
    return None


def decision_note(result: Mapping[str, Any], target: str, id_: str) -> str | None:
    """The note of the reviewer's decision on ``target`` ``id_``, if the decision has one."""
    d = decision_on(result, target, id_)
    return str(d["note"]) if d and d.get("note") else None


def failed_on_review(result: Mapping[str, Any], part: str, check: Mapping[str, Any]) -> str:
    """What to say of a check the machine passed and the reviewer failed, where a view would
    show its message (which says why it passed): 复核认定未通过, with the reviewer's note."""
    from fzcheck.render.i18n import t

    note = decision_note(result, "check", f"{part}.{check['id']}")
    return t("review.failed_note", note=note) if note else t("review.failed_plain")


# --- the score breakdown ------------------------------------------------------------------------
# A reviewed result has two: the machine's (``score_breakdown``, adding up to ``score``) and the
# one graded again with the decisions (``review.score_breakdown``, adding up to
# ``review.score``). A view shows the one that makes up the score it shows as final, marked as
# after review, and the machine's beside it, labelled.


def breakdowns(result: Mapping[str, Any]) -> list[tuple[str, list[dict[str, Any]], float]]:
    """(heading, items, the score they make up) for each breakdown a view shows, the final
    first: the one after review (得分构成（复核后）) then the machine's (得分构成（机器）) when
    the result was reviewed, else the machine's alone (得分构成). None without items."""
    from fzcheck.render.i18n import t

    machine = list(result.get("score_breakdown") or [])
    review = result.get("review") or {}
    if not review or not review.get("score_breakdown"):
        return [(t("score_breakdown"), machine, float(result.get("score") or 0))] if machine else []
    out = [
        (
            t("breakdown.after_review"),
            list(review["score_breakdown"]),
            float(review.get("score") or 0),
        )
    ]
    if machine:
        out.append((t("breakdown.by_machine"), machine, float(result.get("score") or 0)))
    return out


def breakdown_total(items: Iterable[Mapping[str, Any]]) -> float:
    """What the items add up to before the score is kept within 0–100."""
    return round(sum(float(i["points"]) for i in items), 1)


# --- naming a report among others ---------------------------------------------------------------


def short_names(paths: Iterable[str], among: Iterable[str] = ()) -> dict[str, str]:
    """path -> the shortest end of it that no other of ``paths`` and ``among`` ends with: its
    file name when no other file has it (县司法局.txt), else from the folder that tells it apart
    (subs/乡镇/报告.txt and subs/部门/报告.txt are 乡镇/报告.txt and 部门/报告.txt) — what
    ``review --report`` takes; its whole path when it is the end of another (a/报告.txt beside
    x/a/报告.txt)."""
    from collections import Counter
    from pathlib import PurePath

    paths = list(dict.fromkeys(paths))
    parts = {p: PurePath(p).parts or (p,) for p in [*paths, *among] if p}
    ends: Counter[tuple[str, ...]] = Counter()
    for ps in set(parts.values()):
        for k in range(1, len(ps) + 1):
            ends[ps[-k:]] += 1
    out: dict[str, str] = {}
    for path in paths:
        ps = parts.get(path, (path,))
        end = next((k for k in range(1, len(ps)) if ends[ps[-k:]] == 1), None)
        out[path] = str(PurePath(*ps[-end:])) if end else path
    return out


def short_name(path: str, names: Mapping[str, str] | None = None) -> str:
    """``path`` as :func:`short_names` gave it, else its file name (a GBK name read as such)."""
    from pathlib import PurePath

    from fzcheck.redact import gbk_read

    shown = (names or {}).get(path) or PurePath(path).name or path
    return gbk_read(shown)


def both_verdicts(
    machine: str, human: str, machine_score: float | None = None, human_score: float | None = None
) -> str:
    """The machine's verdict then the reviewer's, as every view says them: 机器结论：要素齐全 →
    人工结论：要素缺失 (each with its score when given: 要素齐全 100)."""
    from fzcheck.render.i18n import t, verdict

    def said(v: str, score: float | None) -> str:
        return verdict(v) if score is None else f"{verdict(v)} {score:g}"

    return (
        f"{t('machine')}：{said(machine, machine_score)} → {t('human')}：{said(human, human_score)}"
    )
