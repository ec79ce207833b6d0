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
from fzcheck.render import STATUS_MARK, failed_checks

STATUS_STYLE = {"present": "green", "embedded": "yellow", "missing": "bold red"}
VERDICT_STYLE = {"complete": "bold green", "incomplete": "bold red", "not_a_report": "bold magenta",
                 "error": "bold red"}
PART_ZH = {"achievements": "主要举措和成效", "problems": "存在的不足和原因",
           "leader_duties": "主要负责人履职", "next_year_plan": "下一年度安排", "other": "其他事项"}


def render_result(result: dict[str, Any]) -> Panel:
    title = Text(result["path"], style="bold")
    if result.get("error"):
        err = result["error"]
        return Panel(Text(f"✗ {err['kind']}: {err['message']}", style="red"), title=title,
                     title_align="left", border_style="red")
    d = result["document"]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    for label, key in (("title", "title"), ("issuer", "issuer"), ("report year", "report_year"),
                       ("signed", "signed_on"), ("published", "published_on")):
        facts.add_row(label, escape(str(d[key])) if d[key] is not None else "[dim]—[/]")
    facts.add_row("source", f"{d['format']} · {d['encoding'] or '-'} · {d['script']} · "
                  f"{d['chars']:,} chars")
    parts = Table(show_edge=False, pad_edge=False, header_style="bold")
    parts.add_column("part")
    parts.add_column("status")
    parts.add_column("heading / evidence", overflow="fold")
    parts.add_column("line", justify="right")
    for p in result["parts"]:
        name = f"{p['id']}\n[dim]{PART_ZH.get(p['id'], '')}{'' if p['required'] else ' (optional)'}[/]"
        status = f"[{STATUS_STYLE[p['status']]}]{STATUS_MARK[p['status']]} {p['status']}[/]"
        shown = p["heading"] or ""
        if p["status"] == "embedded" and p["evidence"]:
            shown = f"{shown}\n[dim]“{escape(p['evidence'][-1]['quote'])}”[/]"
        elif p["status"] == "missing":
            shown = f"[dim]{escape(p['note'])}[/]" if p.get("note") else "[dim]not found[/]"
        else:
            shown = escape(shown)
        parts.add_row(name, status, shown, str(p["line"] or ""))
    body: list[Any] = [facts, Text(), parts]
    failed = failed_checks(result)
    if failed:
        body.append(Text())
        body.append(Text("failed checks", style="bold"))
        for part, c in failed:
            body.append(Text.assemble(("  ✗ ", "red"), (f"{part}.{c['id']}", "bold"),
                                      f": {c['message']}"))
    if result.get("llm"):
        from fzcheck.render.llmsection import terminal_section

        body.extend(terminal_section(result["llm"]))
    v = result["verdict"]
    body.append(Text())
    body.append(Text.assemble(("verdict ", "dim"), (v, VERDICT_STYLE[v]),
                              ("   score ", "dim"), (f"{result['score']:g}", "bold"), " / 100"))
    return Panel(Group(*body), title=title, title_align="left",
                 border_style=VERDICT_STYLE[v].split()[-1])


class TerminalRenderer:
    def __init__(self, out: IO[str]) -> None:
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
