"""fzcheck rubric list | show ID | validate FILE"""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog="""examples:
  fzcheck rubric list
  fzcheck rubric show fazhi-annual
  fzcheck rubric show fazhi-annual --format json
  fzcheck rubric validate my.yaml""",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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

    table = Table("id", "版本", "报告类型", "要素", header_style="bold")
    for col in table.columns:
        col.overflow = "fold"
    for rid in bundled_ids():
        r = load_rubric(rid)
        table.add_row(r.id, r.version, r.title, "、".join(p.label for p in r.parts))
    stdout().print(table)
    stdout().print(f"[dim]来自 {bundled_dir()}[/]")
    return 0


def run_show(args: argparse.Namespace) -> int:
    import json

    from fzcheck.output import stdout
    from fzcheck.rubric import load_rubric

    r = load_rubric(args.rubric)
    if args.format == "json":
        print(json.dumps(r.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return 0
    show_rubric(r, stdout())
    return 0


def show_rubric(r: Any, con: Any) -> None:
    """Every part with its legal wording, citation, weight, cues and checks, wrapped (never
    cut) at the console's width."""
    from rich.markup import escape
    from rich.text import Text

    def line(label: str, value: str, indent: int = 2) -> None:
        text = Text(" " * indent)
        text.append(f"{label}：", style="dim")
        text.append(value)
        con.print(text, overflow="fold")

    con.print(f"[bold]{escape(r.title)}[/]（{r.id} {r.version}）")
    line(
        "依据",
        f"{r.source.name}{r.source.citation}；次年{r.source.publish_by.month}月"
        f"{r.source.publish_by.day}日前公开",
        0,
    )
    if r.source.text:
        line("原文", "".join(r.source.text.split()), 0)
    line("嵌于他节的要素得分", f"权重的{r.embedded_credit:.0%}", 0)
    for p in r.parts:
        con.print()
        req = "必报" if p.required else "选报"
        con.print(
            Text.assemble((f"{p.label}", "bold"), f"（{p.name}；{p.id}；{req}；权重{p.weight:g}）")
        )
        line("法定表述", f"{p.legal_text}（{p.citation}）")
        for label, cues in (
            ("标题线索", p.heading_cues),
            ("标题排除", p.heading_excludes),
            ("正文线索", p.body_cues),
            ("正文排除", p.body_excludes),
        ):
            for cue in cues:
                line(label, cue)
        for c in p.checks:
            line("检查", f"{c.description}（{c.id}，{c.kind}，扣{c.penalty:g}分）")
    for tb in r.tables:  # statistical tables the report type prints
        con.print()
        con.print(Text.assemble((tb.name, "bold"), f"（统计表；{tb.id}）"))
        line("所在章节", tb.section)
        line("列", "、".join(c.name for c in tb.columns))
        line("行", "、".join(f"{row.name}{'（可缺）' if row.optional else ''}" for row in tb.rows))
    con.print()
    con.print("[bold]全文检查[/]")
    for c in r.document_checks:
        line("检查", f"{c.description}（{c.id}，{c.kind}，扣{c.penalty:g}分）")
    line("检查", f"属于{r.title}（is_report；不是则得0分）")


def run_validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from rich.markup import escape

    from fzcheck.errors import RubricError
    from fzcheck.output import stdout
    from fzcheck.render.i18n import t
    from fzcheck.rubric import parse_rubric, rubric_text

    path = Path(args.file)
    if not path.is_file():
        raise RubricError(t("no_such_file", path=args.file))
    r = parse_rubric(rubric_text(path), args.file)
    stdout().print(
        f"[green]有效[/] {escape(args.file)}：{escape(r.title)}（{r.id} {r.version}），"
        f"{len(r.parts)}个要素，{sum(len(p.checks) for p in r.parts)}项检查",
        highlight=False,
    )
    return 0
