"""The cohort view in each format: terminal (rich), markdown, json; and the per-unit CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rich.markup import escape

from fzcheck.cohort.stats import action, score_band
from fzcheck.redact import decodable
from fzcheck.render import (
    both_verdicts,
    check_message,
    failed_check_entries,
    genre_text,
    part_label,
    part_title,
    reviewed_status,
)
from fzcheck.render.i18n import decision_text, error_kind, lang, llm_error, t, verdict
from fzcheck.render.jsonfmt import escape_surrogates
from fzcheck.render.markdown import md_cell

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog


def _missing(part: dict[str, Any], graded: int) -> str:
    """A part's missing count and share; an optional part's said as not written (其他 not
    written by 22 of 25 units read as 88% of reports lacking a part the law requires)."""
    cell = f"{part['missing']} ({_pct(part['missing_share'])}{_of(part, graded)})"
    return cell if part["required"] else f"{cell} {t('optional_missing')}"


def _of(part: dict[str, Any], graded: int) -> str:
    """The base of a part's shares where it is not every graded report (a mixed batch: 存在不足
    over its 19 法治 reports, under 要素统计（已评23份）)."""
    n = part.get("reports", graded)
    return t("cohort.part_base", n=n) if n != graded else ""


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def _check_share(c: dict[str, Any]) -> str:
    """A failed check's share with the reports it was run on (50%（共2份）: the deadline check
    runs only where a publication date is known, not on every report)."""
    return t("cohort.share_of", pct=_pct(c["share"]), n=c["reports"])


def _md_table(title: str, header: list[str], rows: list[list[Any]]) -> list[str]:
    """A titled Markdown table, or nothing when there are no rows."""
    if not rows:
        return []
    return [
        "",
        f"## {title}",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(md_cell(v) for v in row) + " |" for row in rows),
    ]


def render_json(stats: dict[str, Any], out: IO[str]) -> None:
    # a GBK file name's lone surrogates as \udcc7 escapes, as the results file writes them
    out.write(escape_surrogates(json.dumps(stats, ensure_ascii=False, indent=2)) + "\n")


def _verdicts(v: dict[str, int]) -> str:
    return "，".join(f"{verdict(k)} {n}" for k, n in v.items() if n)


def _name(stats: dict[str, Any], path: Any) -> str:
    """A report as the cohort view names it: as much of its path as tells it from the batch's
    other reports (乡镇/报告.txt beside 部门/报告.txt; a name no other file has alone)."""
    if not path:
        return ""
    return str((stats.get("names") or {}).get(str(path)) or Path(str(path)).name or path)


def _twice_text(paths: list[str], stats: dict[str, Any]) -> str:
    """One file submitted under several names: the names, one letter written for them."""
    return t("cohort.twice", n=len(paths), names="、".join(_name(stats, p) for p in paths))


def _cluster_text(c: dict[str, Any], stats: dict[str, Any], limit: int = 8) -> str:
    """One line per cluster of copied sections; a long member list is cut with a count."""
    names = [_name(stats, m) for m in c["reports"]]
    shown = "、".join(names[:limit]) + (f" 等{len(names)}份" if len(names) > limit else "")
    return t(
        "cohort.cluster",
        n=len(names),
        label=c["label"],
        pairs=c["pairs"],
        lo=c["min_similarity"],
        hi=c["max_similarity"],
        members=shown,
    )


def _missing_text(u: dict[str, Any], labels: dict[str, str]) -> str:
    """Why a report goes back: its missing parts, else the checks it failed, else — not a
    report — the decision in words, without the internal genre score the JSON keeps."""
    missing = "、".join(labels.get(m, m) for m in u["missing"])
    if missing:  # 缺少：存在不足 (a label alone, 存在不足, read as "has shortcomings")
        said = t("cohort.send_back_missing", parts=missing)
        # and the checks that cost points as well: the unit puts all of them right at once
        return f"{said}；{u['reason']}" if u.get("reason") else said
    return genre_text(u["reason"]) if u.get("verdict") == "not_a_report" else str(u["reason"])


def _verdict_text(u: dict[str, Any]) -> str:
    """A unit's verdict: the machine's then the reviewer's where it was reviewed (机器结论：
    要素齐全 → 人工结论：要素缺失), as the report's own views say them."""
    if u.get("reviewed") and u.get("machine_verdict"):
        return both_verdicts(str(u["machine_verdict"]), str(u["verdict"]))
    return verdict(u["verdict"])


def _going_back(stats: dict[str, Any], labels: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(report, issuer, verdict, why) of each report that goes back, then each file that must
    be submitted again (it could not be read): one list, as ``fzcheck letter`` writes to both."""
    return [
        (_name(stats, u["path"]), u["issuer"] or "—", _verdict_text(u), _missing_text(u, labels))
        for u in stats["send_back"]
    ] + [
        (_name(stats, u["path"]), "—", verdict("error"), error_kind(u["kind"], u["message"]))
        for u in stats.get("resubmit", [])
    ]


def _by_hand_rows(stats: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(report, issuer, what to look at) of each report kept but left to the desk: tables
    unread, sums unchecked, a hint failed (the sheets' 处理建议 says it per report; a list
    here names them, where a count of unread tables named none)."""
    return [
        (_name(stats, u["path"]), u["issuer"] or "—", u["action"]) for u in stats.get("by_hand", [])
    ]


def _reviewed_rows(stats: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(report, issuer, the machine's verdict and score, the reviewer's) per reviewed report."""
    return [
        (
            _name(stats, u["path"]),
            u.get("issuer") or "—",
            f"{verdict(u['machine_verdict'])} {u['machine_score']:g}",
            f"{verdict(u['verdict'])} {u['score']:g}",
        )
        for u in stats.get("reviewed_units") or []
    ]


def render_markdown(stats: dict[str, Any], out: IO[str]) -> None:
    from fzcheck.reading import MARKDOWN_MARK
    from fzcheck.render.markdown import safe_tree

    stats = safe_tree(stats)  # read on a terminal as often as in a file: controls shown
    v = stats["verdicts"]
    labels = {p["part"]: p.get("label") or p["part"] for p in stats["parts"]}
    # the mark first: saved into the submissions' folder, a run there skips it
    lines = [MARKDOWN_MARK, f"# {t('cohort.title', n=stats['reports'])}", ""]
    if stats.get("same_files"):
        lines += [t("cohort.same_files", n=stats["same_files"]), ""]
    if stats.get("reviewed"):
        lines += [t("cohort.reviewed", n=stats["reviewed"]), ""]
    lines += [f"| {t('verdict')} | {t('cohort.count')} |", "|---|---|"]
    lines += [f"| {verdict(k)} | {n} |" for k, n in v.items()]
    lines += [
        "",
        f"## {t('cohort.graded', n=stats['graded'])}",
        "",
        f"| {t('part')} | {t('cohort.missing')} | {t('cohort.embedded')} |",
        "|---|---|---|",
    ]
    for p in stats["parts"]:
        lines.append(
            f"| {part_title(p.get('label') or p['part'], p['required'])} | {_missing(p, stats['graded'])} | "
            f"{p['embedded']} ({_pct(p['embedded_share'])}{_of(p, stats['graded'])}) |"
        )
    s = stats["scores"]
    lines += ["", f"## {t('score')}", ""]
    if s["count"]:
        lines += [
            t("cohort.scores", **{k: s[k] for k in ("min", "median", "mean", "max")}),
            "",
            f"| {t('score')} | {t('cohort.count')} |",
            "|---|---|",
        ]
        lines += [f"| {score_band(b)} | {b['count']} |" for b in s["bins"] if b["count"]]
    else:
        lines.append(t("cohort.no_scores"))
    lines += _md_table(
        t("cohort.failed"),
        [t("failed_checks"), t("cohort.count"), t("cohort.share"), t("cohort.example")],
        [
            [_check_title(c), c["count"], _check_share(c), _example(c)]
            for c in stats["failed_checks"]
        ],
    )
    lines += _md_table(
        t("cohort.send_back"),
        [t("path"), t("issuer"), t("verdict"), t("cohort.why_back")],
        [list(row) for row in _going_back(stats, labels)],
    )
    lines += _md_table(
        t("cohort.by_hand"),
        [t("path"), t("issuer"), t("col.action")],
        [list(row) for row in _by_hand_rows(stats)],
    )
    lines += _md_table(  # each reviewed report, whether it goes back or not: both verdicts
        t("cohort.reviewed_units"),
        [t("path"), t("issuer"), t("machine"), t("human")],
        [list(row) for row in _reviewed_rows(stats)],
    )
    clusters = stats.get("copy_clusters") or []
    if clusters:
        lines += ["", f"## {t('cohort.copies')}", ""]
        lines += [f"- {md_cell(_cluster_text(c, stats))}" for c in clusters]
    twice = stats.get("duplicates") or []
    if twice:
        lines += ["", f"## {t('cohort.duplicates')}", ""]
        lines += [f"- {md_cell(_twice_text(g, stats))}" for g in twice]
    tb = stats.get("tables") or {}
    lines += _md_table(
        f"统计表（{tb.get('reports', 0)}份有表的报告）",
        ["情况", "报告数", "占比"],
        [
            *[
                [f"勾稽关系不成立：{f['identity']}", f["reports"], _pct(f["share"])]
                for f in tb.get("failing", [])
            ],
            *[
                [f"无法读取：{u['table']}", u["reports"], _pct(u["share"])]
                for u in tb.get("unreadable", [])
            ],
        ],
    )
    lines += _md_table(
        t("cohort.failures"),
        [t("path"), t("cohort.stage"), t("error")],
        [
            [_name(stats, f["path"]), t(f"stage.{f['stage']}"), _failure_text(f)]
            for f in stats["failures"]
        ],
    )
    lines += ["", *_llm_lines(stats["llm"]), ""]
    out.write("\n".join(lines))


def _check_title(c: dict[str, Any]) -> str:
    return str(c.get("name") or c["check"]) if lang() == "zh" else str(c["check"])


def _example(c: dict[str, Any]) -> str:
    """A failed check's example message beside its name: what it adds, the name not again."""
    return check_message({"id": str(c["check"]).rpartition(".")[2], **c})


def _failure_text(f: dict[str, Any]) -> str:
    if f["stage"] == "read":
        return error_kind(f["kind"], f["message"])
    return llm_error(str(f["message"])) if f["stage"] == "llm" else str(f["message"])


def _llm_lines(llm: dict[str, Any]) -> list[str]:
    if not llm["reports"]:
        return [t("cohort.llm_unused")]
    cost = llm["estimated_cost"]
    cost_text = (
        t("cohort.cost", cost=cost)
        if cost is not None
        else t("cohort.unpriced", models=", ".join(llm["unpriced_models"]))
    )
    return [
        t(
            "cohort.llm",
            reports=llm["reports"],
            calls=llm["calls"],
            tokens=llm["total_tokens"],
            prompt=llm["prompt_tokens"],
            completion=llm["completion_tokens"],
            cost=cost_text,
        )
    ]


def render_terminal(stats: dict[str, Any], out: IO[str] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from fzcheck.output import console_width
    from fzcheck.redact import visible_tree

    # Paths, issuers and messages come from the submissions: controls shown, never executed,
    # and table cells as plain Text (a "[/]" in a file name is not markup).
    stats = visible_tree(stats)
    console = (
        Console(file=out, highlight=False, soft_wrap=False, width=console_width()) if out else None
    )
    if console is None:
        from fzcheck.output import stdout

        console = stdout()
    else:  # a file: named as fzcheck's first, so a run over the folder it is in skips it
        console.print(t("cohort.file_head"), markup=False)
    labels = {p["part"]: p.get("label") or p["part"] for p in stats["parts"]}
    head = f"{t('cohort.reports', n=stats['reports'])}：{_verdicts(stats['verdicts'])}"
    if stats.get("reviewed"):
        head += f"（{t('cohort.reviewed', n=stats['reviewed'])}）"
    console.print(head, markup=False)
    if stats.get("same_files"):  # the counts above are of reports, the files alike set aside
        console.print(t("cohort.same_files", n=stats["same_files"]), markup=False)
    parts = Table(title=t("cohort.graded", n=stats["graded"]), title_justify="left")
    for col in (t("part"), t("cohort.missing"), t("cohort.embedded")):
        parts.add_column(col)
    for p in stats["parts"]:
        parts.add_row(
            escape(part_title(str(p.get("label") or p["part"]), p["required"])),
            _missing(p, stats["graded"]),
            f"{p['embedded']} ({_pct(p['embedded_share'])}{_of(p, stats['graded'])})",
        )
    console.print(parts)
    s = stats["scores"]
    if s["count"]:
        console.print(
            t("cohort.scores", **{k: s[k] for k in ("min", "median", "mean", "max")}), markup=False
        )
    for title, rows, cols in (
        (
            t("cohort.failed"),
            [
                (_check_title(c), str(c["count"]), _check_share(c))
                for c in stats["failed_checks"][:10]
            ],
            (t("failed_checks"), t("cohort.count"), t("cohort.share")),
        ),
        (
            t("cohort.send_back"),
            [(path, issuer, why) for path, issuer, _, why in _going_back(stats, labels)],
            (t("path"), t("issuer"), t("cohort.why_back")),
        ),
        (t("cohort.by_hand"), _by_hand_rows(stats), (t("path"), t("issuer"), t("col.action"))),
        (
            t("cohort.reviewed_units"),
            _reviewed_rows(stats),
            (t("path"), t("issuer"), t("machine"), t("human")),
        ),
        (
            t("cohort.failures"),
            [
                (_name(stats, f["path"]), t(f"stage.{f['stage']}"), _failure_text(f))
                for f in stats["failures"]
            ],
            (t("path"), t("cohort.stage"), t("error")),
        ),
        (
            "统计表",
            [
                (f"勾稽关系不成立：{f['identity']}", str(f["reports"]), _pct(f["share"]))
                for f in (stats.get("tables") or {}).get("failing", [])
            ]
            + [
                (f"无法读取：{u['table']}", str(u["reports"]), _pct(u["share"]))
                for u in (stats.get("tables") or {}).get("unreadable", [])
            ],
            ("情况", "报告数", "占比"),
        ),
    ):
        if rows:
            table = Table(title=title, title_justify="left")
            for col in cols:
                table.add_column(col, overflow="fold")
            for row in rows:
                table.add_row(*(Text(str(cell)) for cell in row))
            console.print(table)
    clusters = stats.get("copy_clusters") or []
    if clusters:
        console.print(t("cohort.copies"), style="bold", markup=False)
        for c in clusters:
            console.print("  " + _cluster_text(c, stats), markup=False)
    twice = stats.get("duplicates") or []
    if twice:
        console.print(t("cohort.duplicates"), style="bold", markup=False)
        for group in twice:
            console.print("  " + _twice_text(group, stats), markup=False)
    console.print(_llm_lines(stats["llm"])[0], markup=False)


CSV_COLUMNS = [
    "path",
    "unit",
    "year",
    "signed_on",
    "published_on",
    "rubric",
    "issuer",
    "verdict",
    "score",
    "human_verdict",
    "human_score",
    "action",
    "missing",
    "embedded",
    "failed_checks",
    "copies",
    "decisions",
    "error",
]


def _shown(cell: object) -> object:
    return decodable(cell) if isinstance(cell, str) else cell


class UnitsCsv:
    """One row per report, for spreadsheets: what is missing, failed, copied, decided. Starts
    with a UTF-8 BOM so Excel reads the Chinese."""

    def __init__(
        self, out: IO[str], names: dict[str, str] | None = None, rubrics: Catalog | None = None
    ) -> None:
        from fzcheck.render.csvfmt import BOM

        self.names = names  # path -> how a copy partner is named (乡镇/报告.txt)
        self.rubrics = rubrics  # a batch may mix report types: each row names its own

        out.write(BOM)
        self.writer = csv.writer(out, lineterminator="\n")
        words = {
            "human_verdict": t("col.human_verdict"),
            "human_score": t("col.human_score"),
            "action": t("col.action"),
            "missing": t("cohort.missing"),
            "embedded": t("cohort.embedded"),
            "copies": t("col.copies"),
            "decisions": t("col.review"),
        }
        self.writer.writerow([words.get(c) or t(c) for c in CSV_COLUMNS])

    def add(self, r: dict[str, Any]) -> None:
        from fzcheck.render.csvfmt import safe_row

        # a spreadsheet is read by people and the file is UTF-8: a GBK name's bytes as \xc7
        self.writer.writerow(safe_row(_shown(cell) for cell in self._row(r)))

    def _row(self, r: dict[str, Any]) -> list[Any]:
        from fzcheck.render.csvfmt import (
            copies_text,
            rubric_title,
            score_text,
            sheet_score,
            unit_of,
        )

        parts = r.get("parts", [])
        err = r.get("error")
        llm = r.get("llm") if isinstance(r.get("llm"), dict) else {}
        error = (
            error_kind(err["kind"], err["message"])
            if err
            else llm_error(str(llm["error"]))
            if llm and llm.get("error")
            else ""
        )
        review = r.get("review") or {}
        d = r.get("document") or {}
        return [
            r.get("path", ""),
            unit_of(r),
            d.get("report_year") or "",
            d.get("signed_on") or d.get("signed_month") or "",
            d.get("published_on") or "",
            rubric_title(r, self.rubrics),
            d.get("issuer") or "",
            verdict(r.get("verdict", "error")),
            score_text(sheet_score(r)),
            verdict(review["verdict"]) if review else "",
            score_text(review.get("score", "")),
            action(r),
            # as reviewed, as the workbook shows it: a part the reviewer found is not missing,
            # a check they passed is named as overruled, not as failed
            "；".join(
                part_label(p)
                for p in parts
                if reviewed_status(r, p) == "missing" and p.get("required")
            ),
            "；".join(part_label(p) for p in parts if reviewed_status(r, p) == "embedded"),
            "；".join(failed_check_entries(r)),
            copies_text(r, self.names),
            "；".join(decision_text(x, r) for x in review.get("decisions", [])),
            error,
        ]
