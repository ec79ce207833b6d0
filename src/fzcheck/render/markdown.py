"""Markdown: one section per report, ready to paste into a review."""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any

from fzcheck.document import Document
from fzcheck.reading import MARKDOWN_MARK
from fzcheck.render import (
    breakdowns,
    fact_label,
    fact_value,
    failed_check_entries,
    failed_in_part,
    heading_within,
    part_label,
    part_labels,
    part_title,
    status_text,
)
from fzcheck.render.i18n import decision_text, error_kind, t, verdict

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog


_ESCAPING_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def md_text(text: str) -> str:
    """A submission's text as Markdown shows it, not as markup: <img onerror=…>, <script> and
    [links](javascript:…) in a title or a quote are printed, never rendered."""
    # first, a backslash before punctuation (the only place Markdown reads one as an escape):
    # \[ would turn the escape below back into a link; a\xff.txt stays as written
    text = _ESCAPING_BACKSLASH.sub(r"\\\\", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("[", "\\[")
        .replace("]", "\\]")
    )


def safe_tree(value: Any) -> Any:
    """Every string of a result shown, not run: control characters made visible, markup
    escaped."""
    from fzcheck.redact import visible, visible_tree

    return visible_tree(value, lambda text: md_text(visible(text)))


def md_cell(value: Any) -> str:
    text = "—" if value in (None, "") else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: dict[str, Any], rubrics: Catalog | None = None) -> str:
    from fzcheck.cohort.stats import action

    lines = [f"## {md_cell(result['path'])}", ""]
    if result.get("error"):
        err = result["error"]
        lines += [f"**{t('error')}**：{error_kind(err['kind'], err['message'])}", ""]
        return "\n".join(lines)
    d = result["document"]
    rubric = rubrics.for_result(result) if rubrics else None
    kind = rubric.title if rubric else f"{result['rubric']['id']} {result['rubric']['version']}"
    keys = ("title", "issuer", "report_year", "signed_on", "published_on", "format", "script")
    # the conclusion as reviewed leads, as in the terminal and on the page (the machine's is
    # beside the reviewer's under 人工复核)
    said = result.get("review") or result
    lines += [
        f"**{verdict(said['verdict'])}** · {t('score')} **{said['score']:g}**"
        + (f"（{t('human')}）" if result.get("review") else "")
        + (f" · {t('col.action')} **{todo}**" if (todo := action(result)) else "")
        + f" · {t('rubric')} {kind}",
        "",
        "| " + " | ".join(fact_label(result, k) for k in keys) + " |",
        "|---|---|---|---|---|---|---|",
        "| "
        + " | ".join(
            md_cell(t("script." + d[k]) if k == "script" and d[k] else fact_value(d, k))
            for k in keys
        )
        + " |",
        "",
        f"| {t('part')} | {t('status')} | {t('heading')} | {t('line')} |",
        "|---|---|---|---|",
    ]
    for p in result["parts"]:
        lines.append(  # ✗ 缺失 → △ 嵌于他节 where the reviewer changed it
            f"| {md_cell(part_title(part_label(p), p['required']))} "
            f"| {status_text(result, p, marks=True)}"
            + (f"（✗ {failing}）" if (failing := failed_in_part(result, p)) else "")
            + " "
            f"| {md_cell(heading_within(result, p))} | {md_cell(p['line'])} |"
        )
    failed = failed_check_entries(result, message=True)  # as the reviewer decided them
    if failed:
        lines += ["", f"{t('failed_checks')}：", ""]
        lines += [f"- {md_cell(entry)}" for entry in failed]  # one line each
    if result.get("tables"):
        from fzcheck.render.tables import markdown_tables

        lines += markdown_tables(result)
    notes = [p for p in result["parts"] if p.get("note")]
    if notes:
        lines += ["", f"{t('notes')}：", ""]
        lines += [f"- {md_cell(part_label(p))}：{p['note']}" for p in notes]
    # after a review, the breakdown making up the reviewer's score first, then the machine's
    for heading, items, score in breakdowns(result):
        lines += [
            "",
            f"{heading}：",
            "",
            f"| {t('points')} | {t('reason')} |",
            "|---:|---|",
        ]
        lines += [f"| {i['points']:+g} | {md_cell(i['reason'])} |" for i in items]
        lines.append(f"| **{score:g}** | {t('total')} |")
    review = result.get("review")
    if review:
        lines += ["", f"{t('decisions')}：", ""]
        lines += [f"- {md_cell(decision_text(x, result))}" for x in review["decisions"]]
        lines += [
            "",
            f"{t('machine')}：{verdict(result['verdict'])} {result['score']:g} → "
            f"{t('human')}：**{verdict(review['verdict'])} {review['score']:g}**",
        ]
    if result.get("llm"):
        from fzcheck.render.llmsection import markdown_section

        lines += markdown_section(result["llm"], part_labels([result]))
    lines.append("")
    return "\n".join(lines)


class MarkdownRenderer:
    def __init__(self, out: IO[str], rubrics: Catalog | None = None) -> None:
        self.out = out
        self.rubrics = rubrics
        self.marked = False

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        if not self.marked:  # saved into the submissions' folder, a run there skips it
            self.out.write(MARKDOWN_MARK + "\n")
            self.marked = True
        # names and quotes come from submissions: control characters and markup shown, not run
        self.out.write(render_markdown(safe_tree(result), self.rubrics) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass
