"""The default view: document facts, a table of parts, failed checks, score and verdict."""

from __future__ import annotations

from collections import Counter
from typing import IO, Any

from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from fzcheck.document import Document
from fzcheck.output import verbose
from fzcheck.redact import visible_tree
from fzcheck.render import (
    STATUS_MARK,
    breakdown_total,
    breakdowns,
    check_message,
    checks_after_review,
    fact_label,
    fact_value,
    failed_in_part,
    heading_within,
    part_label,
    part_labels,
    part_title,
    reviewed_status,
    unwritten_optional,
)
from fzcheck.render.i18n import check_name, error_kind, t
from fzcheck.render.i18n import status as status_word
from fzcheck.render.i18n import verdict as verdict_word

STATUS_STYLE = {"present": "green", "embedded": "yellow", "missing": "bold red"}
VERDICT_STYLE = {
    "complete": "bold green",
    "incomplete": "bold red",
    "not_a_report": "bold magenta",
    "error": "bold red",
}


def render_result(result: dict[str, Any]) -> Panel:
    # File names, titles, headings and quotes come from the submission: an escape sequence in
    # one (ESC]0;… retitles the window, ESC[2J clears it) is shown as \x1b…, never executed.
    result = visible_tree(result)
    title = Text(result["path"], style="bold")
    if result.get("error"):
        err = result["error"]
        return Panel(
            Text(f"✗ {error_kind(err['kind'], err['message'])}", style="red"),
            title=title,
            title_align="left",
            border_style="red",
        )
    d = result["document"]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column(overflow="fold")  # a long title or reason in full, folded
    for key in ("title", "issuer", "report_year", "signed_on", "published_on"):
        value = fact_value(d, key)
        facts.add_row(
            fact_label(result, key), escape(str(value)) if value is not None else "[dim]—[/]"
        )
    facts.add_row(
        t("source"),
        # a text file's encoding; a Word or PDF file has none to name
        f"{d['format']}{' · ' + d['encoding'] if d['encoding'] else ''} · "
        f"{t('script.' + str(d['script']))} · {t('chars', n=d['chars'])}"
        + (" · OCR" if d.get("ocr") else "")
        + (f" · {t('unreadable', n=d['unreadable_chars'])}" if d.get("unreadable_chars") else ""),
    )
    rubric = result.get("rubric") or {}
    if rubric.get("selected_by") == "auto" and rubric.get("reason"):
        facts.add_row(t("rubric"), escape(str(rubric["reason"])))
    parts = Table(show_edge=False, pad_edge=False, header_style="bold")
    parts.add_column(t("part"))
    parts.add_column(t("status"))
    parts.add_column(t("heading"), overflow="fold")
    parts.add_column(t("line"), justify="right")
    for p in result["parts"]:
        optional = not p["required"]
        name = escape(part_title(part_label(p), not optional))
        if verbose():  # the id `fzcheck review --part` also takes; a reviewer reads the label
            name += f"\n[dim]{p['id']}[/]"
        reviewed = reviewed_status(result, p)
        if unwritten_optional(result, p):
            status = f"[dim]– {t('optional_missing')}[/]"
        elif reviewed != p["status"]:  # the reviewer's, after the machine's: ✗ 缺失 → △ 嵌于他节
            status = (
                f"[dim]{STATUS_MARK[p['status']]} {status_word(p['status'])}[/] → "
                f"[{STATUS_STYLE[reviewed]}]{STATUS_MARK[reviewed]} {status_word(reviewed)}[/]"
            )
        else:
            status = (
                f"[{STATUS_STYLE[p['status']]}]{STATUS_MARK[p['status']]} "
                f"{status_word(p['status'])}[/]"
            )
        if failing := failed_in_part(result, p):  # ✓ 独立成节 alone read as all well
            status += f"\n[red]✗ {failing}[/]"
        shown = heading_within(result, p)
        # (a part found by its words: embedded, or a paragraph of its own with no heading)
        if p["status"] != "missing" and p["evidence"] and (p["status"] == "embedded" or not shown):
            ev = p["evidence"][-1]
            shown = f"{escape(shown)}\n[dim]“{escape(ev['quote'])}”（第{ev['line']}行）[/]"
        elif p["status"] == "missing":
            shown = (
                f"[dim]{escape(p['note'])}[/]"
                if p.get("note")
                else f"[dim]{t('not_found_here')}[/]"
            )
        else:
            shown = escape(shown)
        if p.get("note") and p["status"] != "missing":  # a note on a part found (见附件…)
            shown = f"{shown}\n[dim]{escape(p['note'])}[/]"
        parts.add_row(name, status, shown, str(p["line"] or ""))
    body: list[Any] = [facts, Text(), parts]
    review = result.get("review") or {}
    if (review.get("verdict") or result["verdict"]) == "not_a_report":
        # the parts of a non-report are what its text has that reads like them: not graded
        body.insert(2, Text(t("parts.not_a_report"), style="dim"))
    if result.get("tables"):
        from fzcheck.render.tables import terminal_tables

        body += [Text(), *terminal_tables(result)]
    # as the reviewer decided them; for a non-report, only the checks that mean something
    failed, overruled = checks_after_review(result)
    if failed or overruled:
        body.append(Text())
        body.append(Text(t("failed_checks"), style="bold"))
        rows: list[tuple[Text, Text]] = []
        for part, c in failed:
            said = check_message(c)
            why = t("review.failed_by_reviewer") if c["passed"] else f"：{said}" if said else ""
            rows.append((Text("✗", style="red"), Text.assemble((check_name(c, part), "bold"), why)))
        if overruled:
            names = "；".join(check_name(c, part) for part, c in overruled)
            rows.append((Text("✓", style="green"), Text(t("review.overruled", names=names))))
        body.append(hanging(rows))
    for heading, items, score in breakdowns(result):
        body += breakdown_lines(items, score, heading)
    if result.get("review"):
        body += review_lines(result)
    if result.get("llm"):
        from fzcheck.render.llmsection import terminal_section

        body.extend(terminal_section(result["llm"], part_labels([result])))
    # the last line is the final word: the reviewer's where there is one (the machine's is on
    # the line above, 机器结论：… → 人工结论：…), so it is the score the breakdown above makes up
    from fzcheck.cohort.stats import action

    v = str(review.get("verdict") or result["verdict"])
    final = review.get("score", result["score"]) if review else result["score"]
    # what the desk does (退回修改): 要素齐全 alone read as nothing to send back, with the
    # causes the law requires not given
    todo = action(result)
    body.append(Text())
    body.append(
        Text.assemble(
            (f"{t('human') if review else t('verdict')} ", "dim"),
            (verdict_word(v), VERDICT_STYLE[v]),
            (f"   {t('score')} ", "dim"),
            (f"{final:g}", "bold"),
            " / 100",
            *([(f"   {t('col.action')} ", "dim"), (todo, "bold")] if todo else []),
        )
    )
    return Panel(
        Group(*body), title=title, title_align="left", border_style=VERDICT_STYLE[v].split()[-1]
    )


def hanging(rows: list[tuple[Text, Text]], indent: int = 2, gap: int = 1) -> Padding:
    """Lines that each start with a mark (✗, +25, ✎): the text beside the mark and, when it is
    longer than the line, wrapped under itself — Chinese has no spaces, so as one Text rich
    broke after the mark and left it alone on its line."""
    grid = Table.grid(padding=(0, gap, 0, 0), pad_edge=False)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for mark, text in rows:
        grid.add_row(mark, text)
    return Padding(grid, (0, 0, 0, indent))


def breakdown_lines(
    items: list[dict[str, Any]], score: float, heading: str | None = None
) -> list[Any]:
    """得分构成 (or ``heading``: after review, the machine's): each part's points and each
    deduction with its reason, and the score they make up."""
    if not items:
        return []
    rows = [
        (
            Text(f"{i['points']:+g}".rjust(6), style="red" if i["points"] < 0 else ""),
            Text(str(i["reason"])),
        )
        for i in items
    ]
    clamp = t("clamped") if breakdown_total(items) != score else ""
    rows.append(
        (Text(f"={score:g}".rjust(6), style="dim"), Text(f"{t('total')}{clamp}", style="dim"))
    )
    return [Text(), Text(heading or t("score_breakdown"), style="bold"), hanging(rows, gap=2)]


def review_lines(result: dict[str, Any]) -> list[Any]:
    """The reviewer's decisions and both verdicts, machine and human."""
    from fzcheck.render.i18n import decision_text

    review = result["review"]
    out: list[Any] = [Text(), Text(t("decisions"), style="bold")]
    out.append(hanging([(Text("✎"), Text(decision_text(d, result))) for d in review["decisions"]]))
    unchecked = review.get("unchecked") or {}
    if unchecked:  # a part found on review only: its checks nobody has run
        names = "、".join(f"“{name}”" for name in unchecked.values())
        out.append(hanging([(Text("?"), Text(f"{names}：{t('review.unchecked')}"))]))
    out.append(
        Text.assemble(
            f"  {t('machine')}：",
            (f"{verdict_word(result['verdict'])} {result['score']:g}", "dim"),
            f"  →  {t('human')}：",
            (
                f"{verdict_word(review['verdict'])} {review['score']:g}",
                VERDICT_STYLE[review["verdict"]],
            ),
        )
    )
    return out


class TerminalRenderer:
    def __init__(self, out: IO[str], rubrics: object = None) -> None:
        import sys

        from fzcheck.output import console_width

        self.console = (
            Console(file=out, highlight=False, width=console_width())
            if out is not sys.stdout
            else None
        )
        self.verdicts: Counter[str] = Counter()

    @property
    def _console(self) -> Console:
        from fzcheck.output import stdout

        return self.console or stdout()

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        self.verdicts[result["verdict"]] += 1
        self._console.print(render_result(result))

    def close(self) -> None:
        total = sum(self.verdicts.values())
        if total > 1:
            counts = "，".join(f"{verdict_word(v)} {n}" for v, n in sorted(self.verdicts.items()))
            self._console.print(t("inputs_total", total=total, counts=counts), markup=False)
