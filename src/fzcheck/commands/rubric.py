"""fzcheck rubric list | show ID | validate FILE"""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the bundled rubrics").set_defaults(func=run_list)
    show = actions.add_parser("show", help="a rubric's parts, cues, weights and checks")
    show.add_argument("rubric", metavar="ID|PATH")
    show.add_argument("--format", choices=["terminal", "json"], default="terminal")
    show.set_defaults(func=run_show)
    val = actions.add_parser("validate", help="validate a rubric YAML file")
    val.add_argument("file")
    val.set_defaults(func=run_validate)


def run_list(args: argparse.Namespace) -> int:
    from rich.table import Table

    from fzcheck.output import stdout
    from fzcheck.rubric import bundled_dir, bundled_ids, load_rubric

    table = Table("id", "version", "title", "parts", header_style="bold")
    for rid in bundled_ids():
        r = load_rubric(rid)
        table.add_row(r.id, r.version, r.title, ", ".join(p.id for p in r.parts))
    stdout().print(table)
    stdout().print(f"[dim]from {bundled_dir()}[/]")
    return 0


def run_show(args: argparse.Namespace) -> int:
    import json

    from rich.table import Table

    from fzcheck.output import stdout
    from fzcheck.rubric import load_rubric

    r = load_rubric(args.rubric)
    if args.format == "json":
        print(json.dumps(r.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return 0
    con = stdout()
    con.print(f"[bold]{r.id}[/] {r.version} — {r.title}")
    con.print(f"{r.source.name} {r.source.citation}; public before "
              f"{r.source.publish_by.month}月{r.source.publish_by.day}日 of the next year")
    table = Table("part", "required", "weight", "legal wording", "checks (penalty)",
                  header_style="bold")
    table.columns[3].overflow = "fold"
    table.columns[3].min_width = 24
    for p in r.parts:
        table.add_row(p.id, "yes" if p.required else "no", f"{p.weight:g}",
                      f"{p.legal_text}\n[dim]{p.citation}[/]",
                      "\n".join(f"{c.id} ({c.penalty:g})" for c in p.checks))
    con.print(table)
    con.print("document checks: " + "; ".join(
        f"{c.id} ({c.penalty:g}) {c.description}" for c in r.document_checks)
        + "; is_report (not a report scores 0)")
    con.print(f"embedded parts earn {r.embedded_credit:.0%} of their weight")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fzcheck.errors import RubricError
    from fzcheck.output import stdout
    from fzcheck.rubric import parse_rubric

    path = Path(args.file)
    if not path.is_file():
        raise RubricError(f"{args.file}: no such file")
    r = parse_rubric(path.read_text(encoding="utf-8"), args.file)
    stdout().print(f"[green]ok[/] {args.file}: rubric {r.id} {r.version}, "
                   f"{len(r.parts)} parts, {sum(len(p.checks) for p in r.parts)} sub-checks")
    return 0
