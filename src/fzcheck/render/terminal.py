"""The default view: document facts, a table of parts, failed checks, score and verdict."""

from __future__ import annotations

from collections import Counter
from typing import IO, Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from fzcheck.document import Document
from fzcheck.redact import visible_tree
from fzcheck.render import (
    STATUS_MARK,
    check_message,
    checks_after_review,
    part_label,
    part_labels,
    part_title,
    reviewed_status,
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
    facts.add_column()
    for key in ("title", "issuer", "report_year", "signed_on", "published_on"):
        facts.add_row(t(key), escape(str(d[key])) if d[key] is not None else "[dim]—[/]")
    facts.add_row(
        t("source"),
        f"{d['format']} · {d['encoding'] or '-'} · "
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
        name = f"{escape(part_title(part_label(p), not optional))}\n[dim]{p['id']}[/]"
        reviewed = reviewed_status(result, p)
        if optional and p["status"] == reviewed == "missing":
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
        shown = p["heading"] or ""
        if p["status"] == "embedded" and p["evidence"]:
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
        parts.add_row(name, status, shown, str(p["line"] or ""))
    body: list[Any] = [facts, Text(), parts]
    if result.get("tables"):
        from fzcheck.render.tables import terminal_tables

        body += [Text(), *terminal_tables(result)]
    failed, overruled = checks_after_review(result)  # as the reviewer decided them
    if failed or overruled:
        body.append(Text())
        body.append(Text(t("failed_checks"), style="bold"))
        for part, c in failed:
            said = check_message(c)
            why = t("review.failed_by_reviewer") if c["passed"] else f"：{said}" if said else ""
            body.append(Text.assemble(("  ✗ ", "red"), (check_name(c, part), "bold"), why))
        if overruled:
            names = "；".join(check_name(c, part) for part, c in overruled)
            body.append(Text.assemble(("  ✓ ", "green"), t("review.overruled", names=names)))
    body += breakdown_lines(result.get("score_breakdown") or [], result["score"])
    if result.get("review"):
        body += review_lines(result)
    if result.get("llm"):
        from fzcheck.render.llmsection import terminal_section

        body.extend(terminal_section(result["llm"], part_labels([result])))
    v = result["verdict"]
    body.append(Text())
    body.append(
        Text.assemble(
            (f"{t('verdict')} ", "dim"),
            (verdict_word(v), VERDICT_STYLE[v]),
            (f"   {t('score')} ", "dim"),
            (f"{result['score']:g}", "bold"),
            " / 100",
        )
    )
    return Panel(
        Group(*body), title=title, title_align="left", border_style=VERDICT_STYLE[v].split()[-1]
    )


def breakdown_lines(items: list[dict[str, Any]], score: float) -> list[Text]:
    """得分构成: each part's points and each deduction with its reason."""
    if not items:
        return []
    out = [Text(), Text(t("score_breakdown"), style="bold")]
    for i in items:
        style = "red" if i["points"] < 0 else ""
        out.append(
            Text.assemble(("  ", ""), (f"{i['points']:+g}".rjust(6), style), f"  {i['reason']}")
        )
    raw = round(sum(i["points"] for i in items), 1)
    clamp = t("clamped") if raw != score else ""
    out.append(Text(f"  {'=' + format(score, 'g'):>6}  {t('total')}{clamp}", style="dim"))
    return out


def review_lines(result: dict[str, Any]) -> list[Text]:
    """The reviewer's decisions and both verdicts, machine and human."""
    from fzcheck.render.i18n import decision_text

    review = result["review"]
    out = [Text(), Text(t("decisions"), style="bold")]
    out += [Text(f"  ✎ {decision_text(d, result)}") for d in review["decisions"]]
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

        self.console = Console(file=out, highlight=False) if out is not sys.stdout else None
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
