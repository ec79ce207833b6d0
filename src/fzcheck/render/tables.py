"""Statistical tables in the human views: what was read, which sums fail, cell by cell.

Rendered from ``result["tables"]`` (see :class:`fzcheck.result.TableResult`). A table that
could not be read says so and why; a read table shows a line per failing sum and, compactly,
the rows that hold a failing cell, with those cells marked.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from fzcheck.render import check_message

STATUS_ZH = {"read": "已读取", "unreadable": "无法读取", "absent": "未找到"}


def _failed(table: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in table.get("checks") or [] if c.get("passed") is False]


MAX_ROWS = 8


def failing_cells(table: dict[str, Any]) -> set[tuple[str, str]]:
    """The cells to suspect: those in the most failing sums (a changed cell breaks its row's
    sum and its column's; the cell in both is the one to look at)."""
    counts: dict[tuple[str, str], int] = {}
    for chk in _failed(table):
        for c in chk.get("cells", []):
            counts[(c["row"], c["col"])] = counts.get((c["row"], c["col"]), 0) + 1
    top = max(counts.values(), default=0)
    return {k for k, n in counts.items() if n == top}


def summary(table: dict[str, Any]) -> str:
    """One line: the table's name, and what came of it."""
    checks = table.get("checks") or []
    if table["status"] != "read":
        return f"{table['name']}：{STATUS_ZH[table['status']]}（{table.get('reason') or ''}）"
    held = sum(c.get("passed") is True for c in checks)
    failed = len(_failed(table))
    unchecked = sum(c.get("passed") is None for c in checks)
    note = f"（{table['reason']}）" if table.get("reason") else ""  # 表中没有“总计”列
    if not checks:
        return f"{table['name']}：已读取{len(table.get('rows') or [])}行{note}"
    parts = [f"{failed}处不成立"] if failed else []
    if held or not unchecked:  # (勾稽关系0处成立、3处未核对: a table all blank held none)
        parts.append(f"{held}处成立")
    if unchecked:
        parts.append(f"{unchecked}处未核对")
    return f"{table['name']}：勾稽关系" + "、".join(parts) + note


def sum_message(table: dict[str, Any], check: dict[str, Any]) -> str:
    """A failing sum's message under its table's name: less the words naming the table it is
    in (第86行起的另一张表：…, under 表三…（第86行起的另一张表）), which the check's own
    message needs and the table's heading already says."""
    said = check_message(check)
    head, colon, rest = said.partition("：")
    return rest if colon and head and f"（{head}）" in str(table.get("name") or "") else said


def grid(table: dict[str, Any], only_failing: bool = True) -> list[list[tuple[str, bool]]]:
    """Rows of (text, failing) cells with a header row; only rows holding a failing cell."""
    bad = failing_cells(table)
    cols = table.get("columns") or []
    values = {(c["row"], c["col"]): c for c in table.get("cells") or []}
    out = [[("", False), *[(c["name"], False) for c in cols]]]
    for row in table.get("rows") or []:
        if only_failing and not any((row["id"], c["id"]) in bad for c in cols):
            continue
        cells = []
        for c in cols:
            cell = values.get((row["id"], c["id"]))
            text = "—" if cell is None else (cell["text"] or "（空白）")
            cells.append((text, (row["id"], c["id"]) in bad))
        out.append([(row["name"], False), *cells])
    return out[: MAX_ROWS + 1]


def terminal_tables(result: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for table in result.get("tables") or []:
        failed = _failed(table)
        style = "red" if failed else ("yellow" if table["status"] != "read" else "green")
        out.append(Text(summary(table), style=style))
        if failed:  # each beside its mark, wrapped under itself (render.terminal.hanging)
            from fzcheck.render.terminal import hanging

            out.append(
                hanging(
                    [
                        (
                            Text("✗", style="red"),
                            Text(f"{chk['name']}：{sum_message(table, chk)}", style="red"),
                        )
                        for chk in failed
                    ]
                )
            )
        rows = grid(table)
        if len(rows) > 1:
            t = Table(show_edge=False, pad_edge=False, header_style="bold")
            for head, _ in rows[0]:
                t.add_column(escape(head), overflow="fold")
            for row in rows[1:]:
                t.add_row(
                    *[
                        f"[bold red]{escape(text)} ✗[/]" if bad else escape(text)
                        for text, bad in row
                    ]
                )
            out.append(t)
    return out


def markdown_tables(result: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for table in result.get("tables") or []:
        lines.append(f"- {summary(table)}")
        lines += [f"  - ✗ {c['name']}：{sum_message(table, c)}" for c in _failed(table)]
    return ["", "统计表：", "", *lines] if lines else []
