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
from fzcheck.render import STATUS_MARK, STATUS_ZH, VERDICT_ZH, failed_checks, part_label

STATUS_STYLE = {"present": "green", "embedded": "yellow", "missing": "bold red"}
VERDICT_STYLE = {"complete": "bold green", "incomplete": "bold red", "not_a_report": "bold magenta",
                 "error": "bold red"}


def render_result(result: dict[str, Any]) -> Panel:
    # File names, titles, headings and quotes come from the submission: an escape sequence in
    # one (ESC]0;… retitles the window, ESC[2J clears it) is shown as \x1b…, never executed.
    result = visible_tree(result)
    title = Text(result["path"], style="bold")
    if result.get("error"):
        err = result["error"]
        return Panel(Text(f"✗ {err['kind']}: {err['message']}", style="red"), title=title,
                     title_align="left", border_style="red")
    d = result["document"]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    for label, key in (("标题", "title"), ("发布单位", "issuer"), ("报告年度", "report_year"),
                       ("落款日期", "signed_on"), ("公开日期", "published_on")):
        facts.add_row(label, escape(str(d[key])) if d[key] is not None else "[dim]—[/]")
    facts.add_row("来源", f"{d['format']} · {d['encoding'] or '-'} · {d['script']} · "
                  f"{d['chars']:,} 字")
    rubric = result.get("rubric") or {}
    if rubric.get("selected_by") == "auto" and rubric.get("reason"):
        facts.add_row("报告类型", escape(str(rubric["reason"])))
    parts = Table(show_edge=False, pad_edge=False, header_style="bold")
    parts.add_column("要素 part")
    parts.add_column("状态 status")
    parts.add_column("所在标题 / 依据", overflow="fold")
    parts.add_column("行", justify="right")
    for p in result["parts"]:
        optional = not p["required"]
        name = f"{p['id']}\n[dim]{escape(part_label(p))}{'（选报）' if optional else ''}[/]"
        if optional and p["status"] == "missing":
            status = "[dim]– 未写（选报）[/]"
        else:
            status = (f"[{STATUS_STYLE[p['status']]}]{STATUS_MARK[p['status']]} {p['status']}"
                      f"\n{STATUS_ZH[p['status']]}[/]")
        shown = p["heading"] or ""
        if p["status"] == "embedded" and p["evidence"]:
            ev = p["evidence"][-1]
            shown = f"{escape(shown)}\n[dim]“{escape(ev['quote'])}”（第{ev['line']}行）[/]"
        elif p["status"] == "missing":
            shown = f"[dim]{escape(p['note'])}[/]" if p.get("note") else "[dim]未找到[/]"
        else:
            shown = escape(shown)
        parts.add_row(name, status, shown, str(p["line"] or ""))
    body: list[Any] = [facts, Text(), parts]
    if result.get("tables"):
        from fzcheck.render.tables import terminal_tables

        body += [Text(), *terminal_tables(result)]
    failed = failed_checks(result)
    if failed:
        body.append(Text())
        body.append(Text("未通过的检查 failed checks", style="bold"))
        for part, c in failed:
            body.append(Text.assemble(("  ✗ ", "red"), (f"{part}.{c['id']}", "bold"),
                                      f": {c['message']}"))
    if result.get("llm"):
        from fzcheck.render.llmsection import terminal_section

        body.extend(terminal_section(result["llm"]))
    v = result["verdict"]
    body.append(Text())
    body.append(Text.assemble(("结论 verdict ", "dim"), (f"{v} {VERDICT_ZH[v]}", VERDICT_STYLE[v]),
                              ("   得分 score ", "dim"), (f"{result['score']:g}", "bold"), " / 100"))
    return Panel(Group(*body), title=title, title_align="left",
                 border_style=VERDICT_STYLE[v].split()[-1])


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
            counts = ", ".join(f"{n} {v}" for v, n in sorted(self.verdicts.items()))
            self._console.print(f"[bold]{total} inputs:[/] {counts}")
