"""fzcheck letter results.jsonl|FILE... -o DIR : a feedback letter (.docx) for each report to
send back, and one for the whole batch."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog
    from fzcheck.rubric.model import Rubric

EXAMPLES = """examples:
  fzcheck letter results.jsonl -o 反馈意见/
  fzcheck letter 县司法局.docx 县教育局.pdf -o 反馈意见/
  fzcheck letter results.jsonl -o 反馈意见/ --all    # every report, also the complete ones"""

DEADLINE = "____年__月__日"
# The salutation of a letter whose report names no issuer (or that could not be read): a blank
# for the reviewer to fill in, never a file name or a title taken for a unit.
NO_ADDRESSEE = "＿＿＿＿（单位）"


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text + ". A report goes back when "
        "it (as reviewed) misses a required part, is not a report, or fails a "
        "check that costs points (or that its reviewer failed); a submitted file that cannot be read (encrypted, empty, corrupt…) goes back "
        "to be submitted again. The same rule makes fzcheck report's send-back list. Review "
        "decisions beside the inputs are applied.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="RESULTS|FILE",
        help="a results file (.jsonl from batch, .json from check -f json), or report files",
    )
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the letters")
    p.add_argument(
        "--all", action="store_true", help="a letter for every report, also the complete ones"
    )
    p.add_argument("--deadline", default=DEADLINE, help=f"deadline text (default: {DEADLINE})")
    p.add_argument(
        "--rubric",
        metavar="ID|PATH",
        default=None,
        help="the rubric the reports are graded with, when it is not bundled",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fzcheck.cohort.stats import goes_back, once_each
    from fzcheck.output import stderr, warn
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t
    from fzcheck.rubric import Catalog

    rubrics = Catalog.load(args.rubric)
    results = _results(args.inputs, rubrics)
    out = Path(args.output)
    # every report that goes back (cohort.stats.goes_back, as fzcheck report's send-back list),
    # and with --all every other readable one; an input unreadable for a reason that is not
    # the unit's (a file gone, a permission, a bug) is no letter's business, and is said
    # one file under two names is one report, as reviewed on either (the copy the reviewer
    # passed got no letter, the other one went back)
    once, twice = once_each(results)
    chosen = [r for r in once if goes_back(r) or (args.all and _readable(r))]
    picked = {id(r) for r in chosen}
    twice = [(r, same) for r, same in twice if id(r) in picked]
    desk = [r for r in results if not _readable(r) and not goes_back(r)]
    if chosen:
        out.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()
    edited: list[str] = []  # letters the reviewer changed since fzcheck wrote them: kept
    existing = _own_letters(out)  # an earlier run's, each with whose it is
    done = 0  # written, or kept as the reviewer left it
    for r in chosen:
        name = _file_name(r, names, existing)
        done += _write_one([r], out / name, rubrics, args.deadline, existing.get(name), edited)
    written = done - len(edited)
    # the 汇总 of an earlier run over more reports (the whole batch) is the desk's record: a run
    # over a few of them writes its own beside it
    whole = existing.get(SUMMARY)
    ours = {key for r in results for key in _report_keys(r)}
    summary_name = (
        PART_SUMMARY.format(n=len(chosen))
        if whole is not None and _covers_others(whole.reports, results)
        else SUMMARY
    )
    earlier = existing.get(summary_name)
    summary = bool(chosen) and _write_one(
        chosen, out / summary_name, rubrics, args.deadline, earlier, edited, summary=True
    )
    if summary and summary_name != SUMMARY:
        warn(t("letter.summary_beside", whole=SUMMARY, name=summary_name))
    undue: list[str] = []  # no longer due, but edited: kept, and said apart
    _remove_stale_letters(out, names | {SUMMARY, summary_name}, ours, undue, existing)
    if undue:
        warn(t("letter.undue_kept", n=len(undue), names=_listed(undue)))
    if edited:
        warn(t("letter.edited_kept", n=len(edited), names=_listed(edited)))
    if twice:  # the same file under two names: one letter, the other named
        warn(
            t(
                "letter.submitted_twice",
                names="；".join(
                    f"{visible(str(same['path']))} = {visible(str(r['path']))}"
                    for r, same in twice[:10]
                ),
            )
        )
    if desk:
        warn(t("letter.not_the_units", n=len(desk), names=_named(desk, results)))
    # a review left unfinished (checks of a part found on review nobody ran): its letter may
    # leave out what they would find
    pending = [r for r in results if (r.get("review") or {}).get("unchecked")]
    if pending:
        warn(t("letter.review_unfinished", n=len(pending), names=_named(pending, results)))
    if not chosen:
        message = t("letter.none", total=len(results))
    else:
        message = t(
            "letter.written" if summary else "letter.written_no_summary",
            n=written,
            total=len(results),
            path=visible(str(out)),
        )
    stderr().print(message, markup=False, highlight=False)
    return 0 if done == len(chosen) and summary == bool(chosen) else 2


SUMMARY = "汇总反馈意见.docx"
PART_SUMMARY = "汇总反馈意见（本次{n}份）.docx"  # a run over some of an earlier 汇总's reports


def _named(some: list[dict[str, Any]], results: list[dict[str, Any]]) -> str:
    """Up to ten of ``some`` by the shortest end of their paths that tells them apart."""
    from fzcheck.commands.review import names_apart  # 乡镇/报告.txt, 街道/报告.txt

    paths = [str(r.get("path")) for r in some[:10]]
    apart = names_apart(paths, (str(r.get("path")) for r in results))
    return _listed([apart[p] for p in paths], len(some))


def _listed(names: list[str], total: int | None = None) -> str:
    """Up to ten of ``names`` (of ``total``), then … for the rest."""
    more = (len(names) if total is None else total) > 10
    return "、".join(names[:10]) + ("…" if more else "")


_Result = dict[str, Any]


def _remove_stale_letters(
    out: Path,
    written: set[str],
    ours: set[str],
    edited: list[str],
    existing: dict[str, _Mark | None],
) -> None:
    """Take away the letters an earlier run wrote into ``out`` for this run's reports that this
    one did not write: a report since passed, or reviewed, keeps no letter asking for what it
    no longer lacks (one sent with the folder would). Only fzcheck's own letters (their
    properties say so), only for a report of this run (a run over two files left the letters
    of the other thirteen: ``ours`` are this run's reports' keys), and none the reviewer has
    edited since (added to ``edited``)."""
    from fzcheck.output import warn
    from fzcheck.render.i18n import t

    stale = []
    for name, mark in sorted(existing.items()):
        if name in written or mark is None:
            continue  # written now, or one that cannot be opened: kept
        # another run's letter is not this run's to take (an older one without marks is taken
        # as before: whose it is cannot be told)
        if mark.reports and not ours & set(mark.reports):
            continue
        if mark.edited:
            edited.append(name)
        else:
            stale.append(out / name)
    removed = []
    for path in stale:
        try:
            path.unlink()
            removed.append(path.name)
        except OSError:
            continue  # left, as the user's own file would be
    if removed:
        warn(t("letter.stale_removed", n=len(removed), names=_listed(removed)))


def _write_one(
    results: list[_Result],
    path: Path,
    rubrics: Catalog,
    deadline: str,
    earlier: _Mark | None,
    edited: list[str],
    summary: bool = False,
) -> bool:
    """Write one letter; a letter that fails (a bug met on one report's text, a full disk) is
    said on stderr and the others are still written, as a bad input never stops a check. The
    letter an earlier run wrote there (``earlier``: its mark), edited by the reviewer since
    (filled in, added to), is kept as it is, its name added to ``edited``."""
    from fzcheck.output import error
    from fzcheck.pipeline import raise_errors
    from fzcheck.render.i18n import t

    if earlier is not None and earlier.edited:
        edited.append(path.name)
        return True
    try:
        write_letter(results, path, rubrics, deadline, summary)
    except Exception as err:
        if raise_errors():
            raise
        error(t("letter.failed", path=path, why=f"{type(err).__name__}: {err}"))
        return False
    return True


# Not a results file nor a submission: a workbook (the 评分表 fzcheck report wrote, say) given
# to letter by hand. A folder's .xls is still a submission the unit is told it cannot send.
WORKBOOKS = frozenset({".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv", ".tsv"})


def _results(inputs: list[str], rubrics: Catalog) -> list[dict[str, Any]]:
    from fzcheck.batch.store import read_results, without_moved
    from fzcheck.commands.review import reviewed_and_said, warn_stale
    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import beside_report, with_review
    from fzcheck.pipeline import check_source
    from fzcheck.reading.inputs import expand_inputs
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t

    out: list[dict[str, Any]] = []
    files: list[str] = []
    # every input is looked at before any is read: a workbook among them is one line, no letter
    for item in inputs:
        suffix = Path(item).suffix.lower()
        if suffix in WORKBOOKS and not Path(item).is_dir():
            raise UsageError(t("letter.workbook", path=visible(item)))
        if suffix in (".jsonl", ".json") and not Path(item).is_file():
            raise UsageError(t("no_such_file", path=visible(item)))
    for item in inputs:
        suffix = Path(item).suffix.lower()
        if suffix in (".jsonl", ".json"):  # batch -o, or check -f json
            lines = without_moved(read_results(Path(item)))
        else:
            files.append(item)
            continue
        out += reviewed_and_said(lines, Path(item), rubrics)  # beside the results and each input
    for source in expand_inputs(files) if files else []:
        result = check_source(source, rubrics).result.to_json()
        decisions = beside_report(source)
        warn_stale([result], decisions)
        out.append(with_review(result, decisions, rubrics))
    return out


def _readable(r: dict[str, Any]) -> bool:
    return bool(r.get("ok")) and r.get("verdict") != "error"


def unit_name(r: dict[str, Any]) -> str:
    """What a letter's file and its heading in the 汇总 are named after: the report's issuer,
    else its title, else its file name — for a file that could not be read, the name without
    its suffix (县林业局.docx → 县林业局). Never its salutation: see :func:`addressee`."""
    from fzcheck.render.csvfmt import unit_of

    if _readable(r):
        return unit_of(r)
    name = Path(str(r.get("path") or "")).name
    return Path(name).stem or name


def _file_name(r: dict[str, Any], taken: set[str], existing: dict[str, _Mark | None]) -> str:
    """The letter's file name: the unit's, else told apart by the file's name, else numbered;
    never one this run took, nor an earlier run's letter for another report (written over, it
    was lost) or one that cannot be opened (kept)."""
    from fzcheck.redact import decodable, invisible_dropped

    # a GBK name's undecodable bytes as xb1xa8 (shown, not dropped: 报告.txt would become
    # .txt, a hidden file), controls dropped; no leading dot for the same reason
    def safe(unit: str) -> str:
        unit = invisible_dropped(decodable(unit))
        return "".join(ch for ch in unit if ch not in '\\/:*?"<>|\t')[:40].lstrip(". ") or "报告"

    base = safe(unit_name(r))
    submitted = Path(str(r.get("path") or ""))
    # 损坏.docx, 损坏.pdf, 损坏.ofd unread: told apart by their suffixes before by numbers; two
    # reports of one unit by their files' names (县司法局（报告PDF版）), then by numbers
    whole = safe(submitted.name) if not _readable(r) else safe(f"{base}（{submitted.stem}）")
    keys = set(_report_keys(r))

    def free(name: str) -> bool:
        if name in taken:
            return False
        if name not in existing:
            return True
        mark = existing[name]  # an older letter without marks is anyone's, as it always was
        return mark is not None and (not mark.reports or bool(keys & set(mark.reports)))

    name = next((f"{b}-反馈意见.docx" for b in (base, whole) if free(f"{b}-反馈意见.docx")), None)
    n = 2
    while name is None or not free(name):
        name, n = f"{base}-反馈意见-{n}.docx", n + 1
    taken.add(name)
    return name


# What a unit reads when its file could not be read, by error kind: why, and what to send.
RESUBMIT = {
    "encrypted": "文件有密码保护，请去除密码后重新报送",
    "empty": "文件是空的，没有内容，请重新报送完整的报告",
    "binary": "文件不是文字文档，无法作为报告打开，请另存为Word（.docx）、PDF或.txt后重新报送",
    "encoding": "文件的文字编码无法识别，请另存为Word（.docx）或PDF后重新报送",
    "image": "报送的是图片，不是文字文档，请报送可复制文字的电子版（Word或PDF）",
    "scanned_pdf": "报送的是扫描版PDF，没有可复制的文字，请报送由Word/WPS导出的PDF或Word文档",
    "unmapped_font": "PDF中的文字无法复制（复制出来是乱码），请由Word/WPS重新导出PDF，或报送Word文档",
    "unsupported_format": "文件格式无法打开，请另存为Word（.docx）、PDF或.txt后重新报送",
    "corrupt": "文件已损坏，无法打开，请用Word/WPS重新保存或重新导出后报送",
    "too_complex": "文件结构异常，无法作为一份报告打开，请用原软件重新保存或重新导出后报送",
    "timeout": "文件无法正常打开（可能已损坏），请用原软件重新保存或重新导出后报送",
    "too_large": "文件内容远超一份报告的篇幅，无法打开，请核对后重新报送",
}


# A damaged file's advice by its format (as the reader's message names it: error_key)
RESUBMIT_DAMAGED = {
    "error.corrupt_pdf": "PDF文件已损坏，无法打开，请从原文档重新导出PDF后报送",
    "error.corrupt_ofd": "OFD文件已损坏，无法打开，请用原软件重新生成OFD文件后报送",
}


def resubmit_reason(r: dict[str, Any]) -> str:
    """Why the unit's file could not be read and what to send instead, as the unit reads it."""
    from fzcheck.render.i18n import error_key

    err = r.get("error") or {}
    kind = str(err.get("kind") or "")
    damaged = RESUBMIT_DAMAGED.get(error_key(kind, str(err.get("message") or ""))[0])
    return damaged or RESUBMIT.get(kind, "文件无法打开，请核对后重新报送")


def _machine_passed(r: dict[str, Any], part: str, check: str) -> bool:
    """Whether the machine passed the check ``part``.``check`` (the result before review)."""
    from fzcheck.render import all_checks

    return any(c["id"] == check and c["passed"] for _, c in all_checks(r, part))


def addressee(r: dict[str, Any]) -> str:
    """Whom the letter is addressed to: the unit that wrote the report (its issuer) — not the
    report's own addressee (the 县政府 it reports to), nor its title or file name; a blank for
    the reviewer to fill in when the report names no issuer."""
    d = r.get("document") or {}
    return str(d.get("issuer") or "").strip() or NO_ADDRESSEE


def not_a_report_reason(message: str) -> str:
    """The genre check's message as a unit reads it: the signs that decided it (标题表明这是工作
    要点), without its verdict said again (不是…报告：), a sign the other way (；但…) or the
    internal weight (（得分-10.5）)."""
    from fzcheck.render import genre_signs

    return genre_signs(message, counter=False)


# A line of evidence under a point: what it is (原文, a quote of the report; 说明, what fzcheck
# worked out or noted) and its text.
Said = tuple[str, str]


def points(r: dict[str, Any], rubrics: Catalog) -> list[tuple[str, str, list[Said]]]:
    """What to put right: (heading, citation, evidence lines) per missing part or failed check,
    with the reviewer's decisions applied."""
    from fzcheck.cohort.stats import effective, return_checks
    from fzcheck.render import check_message, decision_note, part_label
    from fzcheck.render.typeset import nested, quoted

    e = effective(r)
    rubric = rubrics.for_result(r)
    out: list[tuple[str, str, list[Said]]] = []
    if not _readable(r):
        return [(f"报送的文件无法打开：{resubmit_reason(r)}。", "", [])]
    if e["verdict"] == "not_a_report":
        msg = next((c["message"] for c in e.get("checks", []) if c["id"] == "is_report"), "")
        why = nested(not_a_report_reason(msg))
        cite = f"{rubric.source.name}{rubric.source.citation}" if rubric else ""
        kind = rubric.title if rubric else "年度报告"
        out.append((f"报送的材料不是{kind}" + (f"：{why}。" if why else "。"), cite, []))
        return out
    for p in e.get("parts", []):
        if p["status"] != "missing" or not p.get("required"):
            continue
        spec = rubric.part(p["id"]) if rubric else None
        need = spec.legal_text if spec else part_label(p)
        ev = [("说明", nested(p["note"]))] if p.get("note") else []
        out.append(
            (
                f"缺少{quoted(p.get('name') or part_label(p))}：应报告{need}。",
                spec.citation if spec else "",
                ev,
            )
        )
    for part, c in return_checks(e):
        spec = rubric.part(part) if rubric else None
        cite = (
            spec.citation
            if spec
            else f"{rubric.source.name}{rubric.source.citation}"
            if rubric
            else ""
        )
        where = next((p for p in e.get("parts", []) if p["id"] == part), None)
        ev = [
            ("原文", f"第{x['line']}行：{quoted(x['quote'])}")
            for x in (where or {}).get("evidence", [])[:3]
        ] or [("说明", s) for s in _sums_failing(r, rubric, part, c["id"])]
        # the unit reads its report's part by the name the law gives it, not fzcheck's label
        label = f"{quoted(where['name'])}部分" if where and where.get("name") else ""
        name = str(c.get("name") or c["id"])
        if _machine_passed(r, part, c["id"]):  # failed by the reviewer: their words, not the
            note = decision_note(r, "check", f"{part}.{c['id']}")  # machine's 见“原因”… of a pass
            what, ev = f"未做到{quoted(name)}" + (f"：{note}" if note else "（经审核认定）"), []
        else:  # the message less the name it may open with (未做到“…”：), said once here
            said = check_message(c)
            what = f"未做到{quoted(name)}" + (f"：{said}" if said else "")
        out.append((f"{label}{what}", cite, ev))
    return out


# check kinds a revised report cannot put right: when it was made public is past
_NOT_REVISED = frozenset({"publication"})


def _revising_fixes(e: dict[str, Any], rubric: Rubric | None) -> bool:
    """Whether a revised report puts right what the report (as reviewed) goes back for: a part
    missing, a check of a kind a revision changes — not publication past its deadline."""
    from fzcheck.cohort.stats import return_checks

    if any(p["status"] == "missing" and p.get("required") for p in e.get("parts", [])):
        return True
    for part, c in return_checks(e):
        spec = rubric.document_checks_by_id.get(c["id"]) if rubric and part == "document" else None
        if spec is None or spec.kind not in _NOT_REVISED:
            return True
    return False


_SUMS_LISTED = 8  # sums that do not hold, each a line of the letter; more are counted


def _sums_failing(r: dict[str, Any], rubric: Rubric | None, part: str, check: str) -> list[str]:
    """Each sum that does not hold, for the table-sums check ``check``: the message named only
    the first (2处勾稽关系不成立…如…), and the unit could not find the second."""
    spec = rubric.document_checks_by_id.get(check) if rubric and part == "document" else None
    if spec is None or spec.kind != "table_sums":
        return []
    failing = [
        f"{x['name']}：{x['message']}"
        for table in r.get("tables") or []
        for x in table.get("checks") or []
        if x.get("passed") is False
    ]
    more = len(failing) - _SUMS_LISTED
    return failing[:_SUMS_LISTED] + ([f"另有{more}处不成立"] if more > 0 else [])


def write_letter(
    results: list[dict[str, Any]],
    path: Path,
    rubrics: Catalog,
    deadline: str,
    summary: bool = False,
) -> None:
    """One letter: per report, the addressee, what is missing or weak with citation and
    evidence, and the deadline; the ``summary`` for the desk also each report's review
    decisions. In Chinese whatever --lang the reviewer reads in: it goes to the unit
    (审查结论为“complete” was sent under --lang en)."""
    from fzcheck.render.i18n import lang, set_lang

    reviewer = lang()
    set_lang("zh")
    try:
        _write_letter(results, path, rubrics, deadline, summary)
    finally:
        set_lang(reviewer)


def _write_letter(
    results: list[dict[str, Any]], path: Path, rubrics: Catalog, deadline: str, summary: bool
) -> None:
    from docx.shared import Pt

    from fzcheck.cohort.stats import by_hand, effective
    from fzcheck.redact import decodable
    from fzcheck.render.i18n import decision_text, verdict
    from fzcheck.render.typeset import book_title, quoted

    doc = _Letter([key for r in results for key in _report_keys(r)])
    doc.styles["Normal"].font.size = Pt(12)
    batch = summary or len(results) > 1
    doc.heading("年度报告审查反馈意见" + ("（汇总）" if batch else ""), level=1)
    for n, r in enumerate(results, 1):
        if batch:  # the desk's list: which submitted file, beside whose
            doc.heading(f"{n}. {unit_name(r)}（{decodable(Path(str(r['path'])).name)}）", level=2)
        if not _readable(r):
            _unreadable(doc, r, deadline)
            continue
        d = r.get("document") or {}
        rubric = rubrics.for_result(r)
        doc.paragraph(f"{addressee(r)}：")
        # the report by its title, a title in 《》 set as a nested one; without a title, the file
        # (a file name is no title to put in 《》)
        title = d.get("title")
        what = book_title(title) if title else "文件" + quoted(decodable(Path(str(r["path"])).name))
        kind = rubric.title if rubric else "年度报告"
        e = effective(r)
        year = d.get("report_year")
        found = points(r, rubrics)
        # a report published late is put right by publishing on time next year, not by revising
        revise = bool(found) and _revising_fixes(e, rubric)
        other = e["verdict"] == "not_a_report"  # another document: sent, not revised
        doc.paragraph(
            f"经审查，你单位报送的{what}"
            + ("" if other else f"（{f'{year}年度' if year else '年度不详'}）")
            + f"审查结论为“{verdict(e['verdict'])}”，得分{e['score']:g}分。"
            + (
                f"对照{kind}的要求，存在以下问题："
                if other
                else f"对照{kind}的要求，请就以下问题修改完善："
                if revise
                else f"对照{kind}的要求，请注意以下问题："
                if found
                else f"对照{kind}的要求，未发现需要修改的问题。"
            )
        )
        # a line number is of the text as fzcheck read it: the unit finds it in a text file,
        # not in its Word file or PDF (the quote finds it there); the desk's 汇总 keeps it, as the
        # report pages number their lines so
        cited = (lambda text: text) if summary or d.get("format") == "txt" else _without_lines
        for i, (head, cite, evidence) in enumerate(found, 1):
            doc.paragraph(f"（{i}）{cited(head)}")
            if cite:
                doc.paragraph(f"依据：{cite}", style="List Bullet")
            for said, ev in evidence:  # a quote of the report, or what fzcheck worked out
                doc.paragraph(f"{said}：{cited(ev)}", style="List Bullet")
        review = r.get("review")
        # the machine's verdict beside the reviewer's is the desk's record (the 汇总), not what
        # the unit is told: its letter states the conclusion as reviewed, above
        if review and batch:
            doc.paragraph("人工复核意见：")
            for x in review["decisions"]:
                doc.paragraph(decision_text(x, r), style="List Bullet")
            doc.paragraph(
                f"机器审查结论：{verdict(r['verdict'])} {r['score']:g}分；"
                f"人工复核结论：{verdict(review['verdict'])} {review['score']:g}分。"
            )
        # what the desk still has to look at itself (tables unread, a hint failed): its record
        # says so, where 未发现需要修改的问题 alone read as checked through
        if summary and (todo := by_hand(r)):
            doc.paragraph(f"审查人员注意（不发报送单位）：{todo}")
        if e["verdict"] == "not_a_report":
            doc.paragraph(f"请于{deadline}前报送本单位的{kind}，并按规定向社会公开。")
        else:
            doc.paragraph(
                f"请于{deadline}前将修改后的报告报送，并按规定向社会公开。"
                if revise
                else "请尽快按规定向社会公开，今后按期公开。"
                if found
                else "请按规定向社会公开。"
            )
        if rubric:
            doc.paragraph(f"（审查依据：{rubric.source.name}{rubric.source.citation}）")
    doc.save(path)


# where a message or a piece of evidence names its line(s): 第7行：“…”, 第4行“…”, （第36至57行）
_LINE_REFERENCE = re.compile(r"（第[\d、至]+行）|第[\d、至]+行：?")


def _without_lines(text: str) -> str:
    """``text`` without the line numbers fzcheck's messages cite."""
    return _LINE_REFERENCE.sub("", text)


def _unreadable(doc: _Letter, r: dict[str, Any], deadline: str) -> None:
    """A submitted file that could not be read: why, in the unit's words, and to send it again."""
    from fzcheck.redact import decodable
    from fzcheck.render.typeset import quoted

    name = decodable(Path(str(r.get("path") or "")).name)
    doc.paragraph(f"{NO_ADDRESSEE}：")  # nothing was read: no issuer, and a file name is no unit
    doc.paragraph(
        f"经审查，你单位报送的文件{quoted(name)}无法打开，未能审查：{resubmit_reason(r)}。"
    )
    doc.paragraph(f"请于{deadline}前重新报送，并按规定向社会公开。")


class _Letter:
    """A .docx whose every string is made XML-safe on the way in: titles, notes and file names
    come from submissions, and a NUL or a GBK name's undecodable bytes would make python-docx
    (lxml) raise halfway through the letter."""

    def __init__(self, reports: list[str]) -> None:
        from docx import Document as Docx
        from docx.shared import Mm

        from fzcheck.reading.inputs import LETTER_CATEGORY

        self._doc = Docx()
        self.styles = self._doc.styles
        # fzcheck's own file: a folder walk does not take it for a unit's submission; written
        # now, by fzcheck (python-docx's template says python-docx, 2013)
        props = self._doc.core_properties
        props.category = LETTER_CATEGORY
        props.author = props.last_modified_by = "fzcheck"
        props.comments = LETTER_CATEGORY
        # whose letter it is (a later run removes only its own reports' letters)
        props.subject = _FOR + ",".join(sorted(set(reports)))[: _MAX_PROPERTY - len(_FOR)]
        props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
        # A4 with an official document's margins (GB/T 9704), not python-docx's US Letter
        for section in self._doc.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.top_margin, section.bottom_margin = Mm(37), Mm(35)
            section.left_margin, section.right_margin = Mm(28), Mm(26)

    def heading(self, text: str, level: int) -> None:
        from fzcheck.redact import xml_text

        self._doc.add_heading(xml_text(text), level=level)

    def paragraph(self, text: str, style: str | None = None) -> None:
        from fzcheck.redact import xml_text

        self._doc.add_paragraph(xml_text(text), style=style)

    def save(self, path: Path) -> None:
        # its text as written, to tell a letter the reviewer has edited since
        self._doc.core_properties.keywords = _TEXT + _text_print(self._doc)
        from fzcheck.output import replacing

        # whole or not at all: a full disk had left empty .docx files, the earlier letter gone
        with replacing(str(path), binary=True) as f:
            self._doc.save(f)


_FOR = "fzcheck-for:"
_TEXT = "fzcheck-text:"
_MAX_PROPERTY = 255  # characters python-docx allows a core property
_MAX_LETTER_BYTES = 50 * 2**20  # a letter is tens of KB; an edited one with pictures, a few MB


def _report_keys(r: _Result) -> list[str]:
    """What a letter records of its report: short prints of its content and of its path (a
    unit's revised file has other content, the same path)."""
    import contextlib
    import hashlib
    import os

    keys = [str(r["sha256"])[:12]] if r.get("sha256") else []
    path = str(r.get("path") or "")
    with contextlib.suppress(OSError):  # the working folder gone: the path as the results say
        path = os.path.abspath(path)
    return [*keys, hashlib.sha256(path.encode("utf-8", "replace")).hexdigest()[:12]]


def _covers_others(marked: tuple[str, ...], results: list[dict[str, Any]]) -> bool:
    """Whether a letter marked with ``marked`` (:func:`_report_keys` of its reports) covers a
    report ``results`` do not hold. A report the unit sent again since (same path, other
    bytes) is the same report: only its old content's key is unmatched, one such key for each
    (a report gone leaves its path's key unmatched too, so more keys than that)."""
    old = set(marked)
    ours = [_report_keys(r) for r in results]
    unmatched = old - {key for keys in ours for key in keys}
    resent = sum(1 for keys in ours if len(keys) == 2 and keys[1] in old and keys[0] not in old)
    return len(unmatched) > resent


def _text_print(doc: Any) -> str:
    import hashlib

    text = "".join(doc.element.body.itertext())
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


class _Mark(NamedTuple):
    reports: tuple[str, ...]
    edited: bool


def _own_letters(out: Path) -> dict[str, _Mark | None]:
    """fzcheck's letters already in ``out``, by name, each with its mark (None: unopenable)."""
    from fzcheck.reading.inputs import is_own_letter

    if not out.is_dir():
        return {}
    return {p.name: _letter_mark(p) for p in sorted(out.glob("*.docx")) if is_own_letter(p)}


def _letter_mark(path: Path) -> _Mark | None:
    """Whose letter ``path`` is (none known for one older than the marks) and whether it was
    edited since fzcheck wrote it (saved by anyone else, or its text not what was written);
    None for a letter that cannot be opened."""
    import zipfile

    from docx import Document as Docx

    from fzcheck.pipeline import raise_errors

    try:
        with zipfile.ZipFile(path) as package:
            inflated = sum(info.file_size for info in package.infolist())
        if inflated > _MAX_LETTER_BYTES:  # not opened whole (a bomb): kept, as an edited one is
            return _Mark((), True)
        doc = Docx(str(path))
        text_print = _text_print(doc)
    # damaged in any way (a bad CRC, a broken deflate stream, XML lxml refuses, an encrypted
    # entry): kept as it is, and the run goes on
    except Exception:
        if raise_errors():
            raise
        return None
    props = doc.core_properties
    subject, keywords = props.subject or "", props.keywords or ""
    reports = tuple(k for k in subject.removeprefix(_FOR).split(",") if k)
    edited = props.last_modified_by != "fzcheck" or (
        keywords.startswith(_TEXT) and keywords.removeprefix(_TEXT) != text_print
    )
    return _Mark(reports if subject.startswith(_FOR) else (), edited)
