"""The cohort view in each format: terminal (rich), markdown, json; and the per-unit CSV."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from fzcheck.render import VERDICT_ZH, failed_checks
from fzcheck.render.markdown import md_cell


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def _md_table(title: str, header: list[str], rows: list[list[Any]]) -> list[str]:
    """A titled Markdown table, or nothing when there are no rows."""
    if not rows:
        return []
    return ["", f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(md_cell(v) for v in row) + " |" for row in rows)]


def render_json(stats: dict[str, Any], out: IO[str]) -> None:
    json.dump(stats, out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_markdown(stats: dict[str, Any], out: IO[str]) -> None:
    from fzcheck.redact import visible_tree

    stats = visible_tree(stats)  # read on a terminal as often as in a file: controls shown
    v = stats["verdicts"]
    lines = [f"# Batch: {stats['reports']} reports", "",
             "| verdict | reports |", "|---|---|"]
    lines += [f"| {k} ({VERDICT_ZH[k]}) | {n} |" for k, n in v.items()]
    lines += ["", f"## Parts ({stats['graded']} graded reports)", "",
              "| part | missing | embedded only |", "|---|---|---|"]
    for p in stats["parts"]:
        opt = "" if p["required"] else " (optional)"
        lines.append(f"| {p['part']} {p.get('label', '')}{opt} | {p['missing']} "
                     f"({_pct(p['missing_share'])}) | {p['embedded']} ({_pct(p['embedded_share'])}) |")
    s = stats["scores"]
    lines += ["", "## Scores", ""]
    if s["count"]:
        lines += [(f"min {s['min']:g} · median {s['median']:g} · mean {s['mean']:g} · "
                   f"max {s['max']:g}"), "", "| score | reports |", "|---|---|"]
        lines += [f"| {b['from']}–{b['to']} | {b['count']} |" for b in s["bins"] if b["count"]]
    else:
        lines.append("no graded reports")
    lines += _md_table("Failed sub-checks", ["check", "reports", "share", "e.g."], [
        [f"`{c['check']}`", c["count"], _pct(c["share"]), c["message"]]
        for c in stats["failed_checks"]])
    lines += _md_table("Units to send back", ["report", "issuer", "verdict", "missing"], [
        [u["path"], u["issuer"], u["verdict"], ", ".join(u["missing"]) or u["reason"]]
        for u in stats["send_back"]])
    lines += _md_table("Possible copies (照搬照抄)", ["part", "report", "report", "similarity"], [
        [c["part"], c["a"], c["b"], f"{c['similarity']:.2f}"] for c in stats["copies"]])
    t = stats.get("tables") or {}
    lines += _md_table(f"统计表（{t.get('reports', 0)}份有表的报告）", ["情况", "报告数", "占比"], [
        *[[f"勾稽关系不成立：{f['identity']}", f["reports"], _pct(f["share"])]
          for f in t.get("failing", [])],
        *[[f"无法读取：{u['table']}", u["reports"], _pct(u["share"])]
          for u in t.get("unreadable", [])]])
    lines += _md_table("Failures", ["report", "stage", "error"], [
        [f["path"], f["stage"], f"{f['kind']}: {f['message']}"] for f in stats["failures"]])
    lines += ["", *_llm_lines(stats["llm"]), ""]
    out.write("\n".join(lines))


def _llm_lines(llm: dict[str, Any]) -> list[str]:
    if not llm["reports"]:
        return ["LLM: not used"]
    cost = llm["estimated_cost"]
    cost_text = (f"estimated cost {cost:.4f}" if cost is not None else
                 "no price in config for " + ", ".join(llm["unpriced_models"]))
    return [(f"LLM: {llm['reports']} reports, {llm['calls']} calls, {llm['total_tokens']:,} "
             f"tokens ({llm['prompt_tokens']:,} prompt + {llm['completion_tokens']:,} "
             f"completion), {cost_text}")]


def render_terminal(stats: dict[str, Any], out: IO[str] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from fzcheck.redact import visible_tree

    # Paths, issuers and messages come from the submissions: controls shown, never executed,
    # and table cells as plain Text (a "[/]" in a file name is not markup).
    stats = visible_tree(stats)
    console = Console(file=out, highlight=False, soft_wrap=False) if out else None
    if console is None:
        from fzcheck.output import stdout

        console = stdout()
    v = stats["verdicts"]
    console.print(f"[bold]{stats['reports']} reports[/]: " + ", ".join(
        f"{n} {k}" for k, n in v.items() if n))
    parts = Table(title=f"parts ({stats['graded']} graded)", title_justify="left")
    for col in ("part", "missing", "embedded only"):
        parts.add_column(col)
    for p in stats["parts"]:
        parts.add_row(f"{p['part']} {p.get('label', '')}",
                      f"{p['missing']} ({_pct(p['missing_share'])})",
                      f"{p['embedded']} ({_pct(p['embedded_share'])})")
    console.print(parts)
    s = stats["scores"]
    if s["count"]:
        console.print(f"scores: min {s['min']:g}  median {s['median']:g}  mean {s['mean']:g}  "
                      f"max {s['max']:g}")
    for title, rows, cols in (
        ("failed sub-checks", [(c["check"], str(c["count"]), _pct(c["share"]))
                               for c in stats["failed_checks"][:10]], ("check", "reports", "share")),
        ("send back", [(u["path"], u["issuer"] or "—", ", ".join(u["missing"]) or u["reason"])
                       for u in stats["send_back"]], ("report", "issuer", "missing")),
        ("possible copies", [(c["part"], c["a"], c["b"], f"{c['similarity']:.2f}")
                             for c in stats["copies"]], ("part", "report", "report", "similarity")),
        ("failures", [(f["path"] or "", f["stage"], f"{f['kind']}: {f['message']}")
                      for f in stats["failures"]], ("report", "stage", "error")),
        ("统计表", [(f"勾稽关系不成立：{f['identity']}", str(f["reports"]), _pct(f["share"]))
                   for f in (stats.get("tables") or {}).get("failing", [])]
         + [(f"无法读取：{u['table']}", str(u["reports"]), _pct(u["share"]))
            for u in (stats.get("tables") or {}).get("unreadable", [])], ("情况", "报告数", "占比")),
    ):
        if rows:
            table = Table(title=title, title_justify="left")
            for col in cols:
                table.add_column(col, overflow="fold")
            for row in rows:
                table.add_row(*(Text(cell) for cell in row))
            console.print(table)
    console.print(_llm_lines(stats["llm"])[0], markup=False)


CSV_COLUMNS = ["path", "issuer", "verdict", "score", "missing", "embedded", "failed_checks",
               "copies", "error"]


class UnitsCsv:
    """One row per report, for spreadsheets: what is missing, failed, copied."""

    def __init__(self, out: IO[str]) -> None:
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def add(self, r: dict[str, Any]) -> None:
        parts = r.get("parts", [])
        err = r.get("error")
        llm = r.get("llm") if isinstance(r.get("llm"), dict) else {}
        error = (f"{err['kind']}: {err['message']}" if err else
                 f"llm: {llm['error']}" if llm and llm.get("error") else "")
        self.writer.writerow([
            r.get("path", ""), (r.get("document") or {}).get("issuer") or "", r.get("verdict", ""),
            r.get("score", ""),
            "; ".join(p["id"] for p in parts if p["status"] == "missing" and p.get("required")),
            "; ".join(p["id"] for p in parts if p["status"] == "embedded"),
            "; ".join(f"{part}.{c['id']}" for part, c in failed_checks(r)),
            "; ".join(f"{c['part']}~{c['other']} ({c['similarity']:.2f})"
                      for c in r.get("copies", [])),
            error])
