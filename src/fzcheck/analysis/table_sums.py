"""The sums a report's tables must satisfy, computed in code from the cells read (never by a
model), and the counts its text states compared with the cells that hold them.

An identity is checked wherever all its cells were read; a blank cell makes that instance
"blank" (reported, not wrong), a table that could not be read is reported as unreadable.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from fzcheck.analysis.patterns import rx
from fzcheck.analysis.tables import is_table_row
from fzcheck.reading.numerals import cn_number
from fzcheck.result import Check, TableCell, TableCheck, TableResult

if TYPE_CHECKING:
    from fzcheck.analysis.checks import Context, Identity, Statement, TableSumsSpec, TableTextSpec
    from fzcheck.analysis.tables import Cell, TableRead
    from fzcheck.rubric.model import TableTemplate

TOLERANCE = 0.051  # amounts in 万元 are printed to one decimal


def _expand(refs: list[str], ids: list[str]) -> list[str]:
    out: list[str] = []
    for ref in refs:
        if ref.endswith("*"):
            out += [i for i in ids if i.startswith(ref[:-1])]
        else:
            out.append(ref)
    return out


def cell_problem(ref: str, tables: dict[str, TableTemplate]) -> str | None:
    """What a ``table.row.col`` reference names that the rubric does not have."""
    table_id, _, rest = ref.partition(".")
    row, _, col = rest.partition(".")
    table = tables.get(table_id)
    if table is None:
        return f"{ref}: no table {table_id!r}"
    if row not in {r.id for r in table.rows} or col not in {c.id for c in table.columns}:
        return f"{ref}: table {table_id} has no cell {row}.{col}"
    return None


def reference_problem(identity: Identity, tables: dict[str, TableTemplate]) -> str | None:
    table = tables.get(identity.table)
    if table is None:
        return f"identity {identity.id}: no table {identity.table!r} in the rubric's tables"
    rows, cols = [r.id for r in table.rows], [c.id for c in table.columns]
    names = {"rows": cols, "columns": rows}.get(identity.over)
    for ref in identity.lhs + identity.rhs:
        if names is not None:
            if not _expand([ref], names):
                return f"identity {identity.id}: {ref} names nothing in table {table.id}"
        else:
            problem = cell_problem(f"{table.id}.{ref}", tables)
            if problem:
                return f"identity {identity.id}: {problem}"
    return None


@dataclass
class Instance:
    identity: Identity
    where: str  # the row or column it is about, in words ("" for a fixed set of cells)
    left: list[Cell]
    right: list[Cell]
    missing: list[str]  # cells not read (their row was not found)


def _instances(identity: Identity, table: TableRead) -> Iterator[Instance]:
    t = table.template
    rows, cols = [r.id for r in t.rows], [c.id for c in t.columns]
    row_name = {r.id: r.name for r in t.rows}
    col_name = {c.id: c.name for c in t.columns}

    def take(pairs: list[tuple[str, str]]) -> tuple[list[Cell], list[str]]:
        got, missing = [], []
        for r, c in pairs:
            cell = table.value(r, c)
            if cell is None:
                if not next(x for x in t.rows if x.id == r).optional:
                    missing.append(_cell_name(t, row_name[r], col_name[c]))
            else:
                got.append(cell)
        return got, missing

    if identity.over == "rows":
        lhs, rhs = _expand(identity.lhs, cols), _expand(identity.rhs, cols)
        for r in rows:
            if r not in table.row_lines or _heading_row(r, table, cols):
                continue
            left, m1 = take([(r, c) for c in lhs])
            right, m2 = take([(r, c) for c in rhs])
            yield Instance(identity, row_name[r], left, right, m1 + m2)
    elif identity.over == "columns":
        lhs, rhs = _counted(_expand(identity.lhs, rows), table), _expand(identity.rhs, rows)
        # an optional row not printed, or printed as its sub-rows' heading, has no sum to check;
        # a subtotal printed without its sub-rows (the 2019 form's one （六）其他处理 row) none either
        rhs = [r for r in rhs if not _absent_optional(r, table, cols)]
        lhs = [r for r in lhs if not _absent_optional(r, table)]
        if not rhs or not lhs:
            return
        for c in cols:
            left, m1 = take([(r, c) for r in lhs])
            right, m2 = take([(r, c) for r in rhs])
            yield Instance(identity, col_name[c], left, right, m1 + m2)
    else:

        def pairs(refs: list[str]) -> list[tuple[str, str]]:
            return [(ref.split(".")[0], ref.split(".")[1]) for ref in refs]

        left, m1 = take(pairs(identity.lhs))
        right, m2 = take(pairs(identity.rhs))
        yield Instance(identity, "", left, right, m1 + m2)


def _counted(rows: list[str], table: TableRead) -> list[str]:
    """``rows`` without those whose rows are read too (a row that totals rows read with it is
    their heading or subtotal: counted with them, it counts them twice)."""
    totals = {r.id: r.total_of for r in table.template.rows if r.total_of}
    return [r for r in rows if not any(i in table.row_lines for i in totals.get(r, ()))]


def _heading_row(row: str, table: TableRead, cols: list[str]) -> bool:
    """A row that totals rows read with it and holds no value: their heading (（六）其他处理
    over its 1. 2. 3.), with no sum of its own to check."""
    return not _counted([row], table) and _no_values(row, table, cols)


def _no_values(row: str, table: TableRead, cols: list[str]) -> bool:
    return all((cell := table.value(row, c)) is None or cell.value is None for c in cols)


def _absent_optional(row: str, table: TableRead, cols: list[str] | None = None) -> bool:
    """An optional row (a subtotal some units print) not read — or, given ``cols``, read with
    no value in them."""
    optional = next(r for r in table.template.rows if r.id == row).optional
    return optional and (
        row not in table.row_lines or (cols is not None and _no_values(row, table, cols))
    )


def _lines_text(lines: list[int]) -> str:
    return (
        f"第{'、'.join(map(str, lines))}行" if len(lines) <= 4 else f"第{lines[0]}至{lines[-1]}行"
    )


def _sum_text(cells: list[Cell], table: TableRead) -> str:
    """16+3+1+0+1+0 = 21, or “（七）总计”行“自然人”列为20 for a single cell; a sum of a few
    cells names each by what tells them apart (一、本年新收24+二、上年结转1 = 25: with bare
    numbers the reviewer could not tell which side was which)."""
    t = table.template
    rows = {r.id: r.name for r in t.rows}
    cols = {k.id: k.name for k in t.columns}
    if len(cells) == 1:
        c = cells[0]
        return f"{_cell_name(t, rows[c.row], cols[c.col])}为{c.text or '空白'}"
    terms = [c.text or "空白" for c in cells]
    if len(cells) <= _NAMED_TERMS:
        if len({c.col for c in cells}) == 1:
            terms = [f"{rows[c.row]}{v}" for c, v in zip(cells, terms, strict=True)]
        elif len({c.row for c in cells}) == 1:
            terms = [f"{cols[c.col]}{v}" for c, v in zip(cells, terms, strict=True)]
    return f"{'+'.join(terms)} = {_num(_total(cells))}"


_NAMED_TERMS = 3  # a longer sum's terms are the row or column it names, in order


def _cell_name(template: TableTemplate, row: str, col: str) -> str:
    """A cell as the unit finds it in its table: “（七）总计”行“自然人”列; in a table of one row
    (表四's 案件数, a name of fzcheck's own, printed nowhere) by its column alone."""
    if len(template.rows) == 1:
        return f"“{col}”"
    return f"“{row}”行“{col}”列"


def _difference(left: float, right: float) -> str:
    """How far a failing sum's two sides lie apart (相差1): the reviewer need not subtract
    two sums printed a line apart to see whether one request went uncounted or ten."""
    return f"相差{_num(round(abs(left - right), 4))}"


def _total(cells: list[Cell]) -> float:
    return sum(c.value or 0 for c in cells)


def _num(x: float) -> str:
    return f"{x:g}"


def evaluate(spec: TableSumsSpec, tables: dict[str, TableRead]) -> list[TableCheck]:
    out: list[TableCheck] = []
    # each table's cells looked over once, not once per sum over it
    zeros = {tid: blanks_are_zeros(t) for tid, t in tables.items() if t.status == "read"}
    for identity in spec.identities:
        table = tables.get(identity.table)
        if table is None or table.status != "read":
            continue
        for inst in _instances(identity, table):
            if zeros[identity.table]:
                inst.left, inst.right = _zeroed(inst.left), _zeroed(inst.right)
            out.append(_outcome(identity, inst, table))
    return out


def blanks_are_zeros(table: TableRead) -> bool:
    """Whether the table's blank cells are how its unit writes none: some are blank, some hold
    a count, and not one holds a 0 (or a dash), as a page that prints &nbsp; for every zero.
    Where a 0 is written somewhere, a blank is a value not given, and stays unchecked; a table
    with no count in it was left unfilled."""
    cells = table.cells.values()
    blank = any(c.value is None and not c.text for c in cells)
    return blank and any(c.value for c in cells) and not any(c.value == 0 for c in cells)


def _zeroed(cells: list[Cell]) -> list[Cell]:
    return [replace(c, value=0.0) if c.value is None and not c.text else c for c in cells]


def _outcome(identity: Identity, inst: Instance, table: TableRead) -> TableCheck:
    """One instance's outcome: held, broken (both sums and the cells' lines), or not checked
    (a row not read, a blank cell) — never a guess. A blank cell leaves a sum unchecked unless
    the side without blanks is already exceeded by the other's filled cells (no blank is below
    0: 22+5+□+1+2+1 over a 总计 of 29 is wrong whatever the blank is)."""
    cells = inst.left + inst.right
    lines = sorted({c.line + 1 for c in cells})
    where = f"“{inst.where}”" if inst.where else ""
    passed: bool | None = None
    left = right = None
    if inst.missing:
        message = f"{where}未能核对：没有读到{'、'.join(inst.missing[:3])}"
    elif any(c.value is None for c in cells):
        message = f"{where}有空白单元格，未核对（空白不等于0）"
        over = _exceeded(inst.left, inst.right) or _exceeded(inst.right, inst.left)
        if over is not None:
            passed, left, right = False, _total(inst.left), _total(inst.right)
            known, whole = over
            message = (
                f"{where}已填的{_sum_text(known, table)}（另有空白），已超过"
                f"{_sum_text(whole, table)}（{_lines_text(lines)}）"
            )
    else:
        left, right = _total(inst.left), _total(inst.right)
        passed = abs(left - right) <= TOLERANCE
        message = (
            f"{where}{_num(left)} = {_num(right)}"
            if passed
            else f"{where}{_sum_text(inst.left, table)}，而{_sum_text(inst.right, table)}，"
            f"{_difference(left, right)}（{_lines_text(lines)}）"
        )
    return TableCheck(
        table=identity.table,
        identity=identity.id,
        name=identity.name,
        where=inst.where,
        passed=passed,
        left=left,
        right=right,
        cells=[{"row": c.row, "col": c.col} for c in cells],
        lines=lines,
        message=message,
    )


def _exceeded(part: list[Cell], whole: list[Cell]) -> tuple[list[Cell], list[Cell]] | None:
    """(``part``'s filled cells, ``whole``) when ``whole`` has no blank and ``part``'s filled
    cells already add to more than it: no value of the blanks can make the sum hold."""
    if any(c.value is None for c in whole):
        return None
    known = [c for c in part if c.value is not None]
    return (known, whole) if known and _total(known) > _total(whole) + TOLERANCE else None


def unreadable_tables(tables: Mapping[str, TableRead], ids: Iterable[str]) -> str:
    """A note naming the tables of ``ids`` that are there but could not be read (their sums and
    figures not checked), for a check's message; "" when there is none."""
    names = [
        tables[t].template.name for t in ids if t in tables and tables[t].status == "unreadable"
    ]
    return f"（{'、'.join(names)}无法读取，未核对，请人工核对）" if names else ""


def _zeroed_note(tables: Mapping[str, TableRead], ids: Iterable[str]) -> str:
    """A note naming the read tables of ``ids`` whose blanks were counted as 0; "" if none."""
    names = [
        tables[t].template.name
        for t in ids
        if t in tables and tables[t].status == "read" and blanks_are_zeros(tables[t])
    ]
    return f"（{'、'.join(names)}的空白单元格按0计：表中没有写0的单元格）" if names else ""


def sums_check(spec: TableSumsSpec, ctx: Context) -> Check | None:
    """One document check over every identity; None when no table is there to check (the
    reason is in the result's tables and in has_statistical_tables's message, and it is not
    the report's arithmetic)."""
    outcomes = ctx.table_outcomes.get(spec.id)
    if outcomes is None:
        outcomes = evaluate(spec, ctx.tables)
    # a table there but unreadable: its sums were not checked, which the message says (a pass
    # over the other tables' sums alone read as the whole report's arithmetic holding)
    ids = dict.fromkeys(i.table for i in spec.identities)
    unread, zeroed = unreadable_tables(ctx.tables, ids), _zeroed_note(ctx.tables, ids)
    if not outcomes:
        # tables there but none read: the check stays in the list (a column of the batch's
        # sheet), saying nothing was checked, not that the sums hold
        said = unread + zeroed
        return spec.check(passed=True, message=f"没有可核对的勾稽关系{said}") if said else None
    failed = [o for o in outcomes if o.passed is False]
    held = sum(o.passed is True for o in outcomes)
    unchecked = sum(o.passed is None for o in outcomes)
    # the note on blanks counted as 0 beside the sums it let hold, the tables of those left
    # unchecked beside their count (3处未能核对 after table 三's note read as table 三's)
    where = [
        ctx.tables[t].template.name
        for t in dict.fromkeys(o.table for o in outcomes if o.passed is None)
        if t in ctx.tables
    ]
    left = f"（{'、'.join(where)}）" if where else ""
    tail = (f"，{unchecked}处未能核对{left}" if unchecked else "") + unread
    if failed:
        first = failed[0]
        return spec.check(
            passed=False,
            message=(
                f"{len(failed)}处勾稽关系不成立、{held}处成立{zeroed}{tail}；"
                f"如{first.name}：{first.message}"
            ),
        )
    if not held:  # every sum has a blank cell: nothing was found to hold
        return spec.check(
            passed=True,
            message=f"无一处勾稽关系可以核对：{unchecked}处有空白单元格，未能核对{left}{unread}",
        )
    # 全部 only when every sum was checked: 2处全部成立 beside 40 unchecked read as all holding
    every = "" if tail or zeroed else "全部"
    return spec.check(passed=True, message=f"{held}处勾稽关系{every}成立{zeroed}{tail}")


@dataclass
class TextOutcomes:
    """What setting the narrative's counts against the tables gave: (name, stated number, its
    quote, table value or None for a blank cell, whether a cell it adds is blank, 0-based
    line) for each that disagrees; how many were compared; how many were left as of another
    scope; how many the text states whose cells are in a sum that does not hold (the table's
    own error: nothing to set them against)."""

    diffs: list[tuple[str, int, str, float | None, bool, int]]  # None: the cell is blank
    compared: int = 0
    names: list[str] = field(default_factory=list)  # the statements compared, by name
    skipped: int = 0
    held_back: int = 0


def text_outcomes(spec: TableTextSpec, ctx: Context) -> TextOutcomes:
    """The narrative's counts set against the tables' cells (:class:`TextOutcomes`). Only the
    narrative counts, wherever it stands (在三、… a section's own sentence after an earlier
    table): the tables' rows are left out."""
    rows = {i for t in ctx.tables.values() for i in t.row_lines.values()}
    text, line_of = _joined(ctx.doc.analysis, rows)
    # a cell in a sum that does not hold is the table's own error, flagged by its sums: the
    # narrative may well give the right number (予以公开4件 where the row adds to 4, its 总计 5)
    broken = {
        (check.table, cell["row"], cell["col"])
        for checks in ctx.table_outcomes.values()
        for check in checks
        if check.passed is False
        for cell in check.cells
    }
    got = TextOutcomes([])
    other = rx(spec.other_scope) if spec.other_scope else None
    for st in spec.statements:
        refs = [tuple(ref.split(".")) for ref in st.cell.split("+")]
        if any(ref in broken for ref in refs):
            got.held_back += bool(_mentions(st, text, ctx.report_year, other)[0])
            continue
        cells = []
        for table_id, row, col in refs:
            table = ctx.tables.get(table_id)
            cell = table.value(row, col) if table is not None and table.status == "read" else None
            if cell is not None:
                cells.append(cell)
        if len(cells) < len(refs):  # a table not read, or a cell of it not found
            continue
        # a cell left blank: a count the text states for it is one the table does not give —
        # in a table printed whole (a column it leaves out reads blank too: 表中没有“总计”列);
        # in a sum, a blank adds nothing (诉讼 direct 2 + after-review blank is 2)
        blanks = [c.value is None for c in cells]
        if any(blanks) and any(ctx.tables[t].reason is not None for t, _, _ in refs):
            continue
        blank = all(blanks)
        value = sum(c.value or 0 for c in cells)
        # every statement of it, not the first only (总体情况 right, 三、 wrong), but one on
        # another year or a part of the whole is not this cell's
        own, others = _mentions(st, text, ctx.report_year, other)
        got.skipped += others
        said = False
        for m in own:
            stated = 0 if m.groupdict().get("zero") is not None else _count(m.group("n"))
            if stated is None or (blank and not stated):
                continue  # (none stated of a blank cell: they agree)
            said = True
            if blank or abs(stated - value) > TOLERANCE:
                shown = None if blank else value
                got.diffs.append(
                    (st.name, stated, m.group(0), shown, any(blanks), line_of[m.start()])
                )
                break
        got.compared += said
        if said:
            got.names.append(st.name)
    return got


def _mentions(
    st: Statement, text: str, year: int | None, other: re.Pattern[str] | None
) -> tuple[list[re.Match[str]], int]:
    """A statement's mentions in ``text`` of the report's own scope, and how many others are of
    another scope (:func:`_another_scope`)."""
    own: list[re.Match[str]] = []
    others = 0
    after = rx(st.scope_after) if st.scope_after else None
    back = rx(st.scope_back) if st.scope_back else None
    for m in rx(st.pattern).finditer(text):
        if _another_scope(text, m.start(), m.end(), year, other, after, back):
            others += 1
        else:
            own.append(m)
    return own, others


_CLAUSE_STOPS = ("。", ";", "；", ",", "，")
_SENTENCE_STOPS = ("。", ";", "；")
_YEAR_SAID = re.compile(r"(20\d\d)年")


def _another_scope(
    text: str,
    at: int,
    end: int,
    year: int | None,
    other: re.Pattern[str] | None,
    after: re.Pattern[str] | None = None,
    back: re.Pattern[str] | None = None,
) -> bool:
    """Whether the clause a statement opens in (from its last 。；，) is of another scope: it
    names a year other than the report's (2023年共收到…43件；2024年…), or the rubric's words
    for a part of the whole or another period stand in it before the count or in the
    statement itself (未收到以信函方式提交的…申请: none by letter, not none at all); or its
    sentence turned to another scope before it (``after``: …，其中，局机关收到25件，大队收到8件)
    and not back to the whole since (``back``: …，全年共予以公开25件)."""
    start = max(text.rfind(stop, 0, at) for stop in _CLAUSE_STOPS) + 1
    if other is not None and other.search(text, start, end):
        return True
    if after is not None:
        sentence = max(text.rfind(stop, 0, at) for stop in _SENTENCE_STOPS) + 1
        turned = deque(after.finditer(text, sentence, at), maxlen=1)  # the last turn counts
        if turned and (back is None or not back.search(text, turned[0].end(), at)):
            return True
    return year is not None and any(int(y) != year for y in _YEAR_SAID.findall(text, start, at))


_COUNT_DIGITS = 12


def _count(text: str) -> int | None:
    """A count as the narrative writes it: 1,041 (as Excel writes it) or 四十一 (in words)."""
    if text[0].isdigit():
        digits = text.replace(",", "")
        # (a count of thousands of digits is no count: int() refuses past 4,300 of them)
        return int(digits) if len(digits) <= _COUNT_DIGITS else None
    try:
        return cn_number(text)
    except (KeyError, ValueError):
        return None


def _joined(lines: list[str], rows: set[int]) -> tuple[str, list[int]]:
    """The text but the tables' rows (those read, and any line ending in two values or more),
    white space dropped and lines joined (a statement wraps), with the 0-based line of each
    character."""
    chars: list[str] = []
    line_of: list[int] = []
    for i, line in enumerate(lines):
        if i in rows or is_table_row(line):
            continue
        compact = re.sub(r"\s+", "", line)
        chars.append(compact)
        line_of.extend([i] * len(compact))
    return "".join(chars), line_of


def text_check(spec: TableTextSpec, ctx: Context) -> Check | None:
    if not any(t.status == "read" for t in ctx.tables.values()):
        return None
    got = text_outcomes(spec, ctx)
    diffs, compared, skipped = got.diffs, got.compared, got.skipped
    if not compared:  # nothing to set against the tables is not agreement with them
        tables = dict.fromkeys(
            ref.split(".")[0] for st in spec.statements for ref in st.cell.split("+")
        )
        unread = unreadable_tables(ctx.tables, tables)
        if unread:  # the text's counts may well be there: the table to set them against is not
            return spec.check(passed=True, message=f"正文所述数字未与统计表对照{unread}")
        if got.held_back:  # stated, but its cells are in a sum that fails: which is right?
            return spec.check(
                passed=True,
                message=f"正文所述{got.held_back}处数字所对照的表格单元格本身勾稽不成立"
                "（见勾稽关系检查），未与统计表对照",
            )
        if skipped:
            return spec.check(
                passed=True,
                message=f"正文所述{skipped}处数字为分项、分渠道或其他年度的，未与统计表对照",
            )
        return spec.check(passed=True, message="正文未写出可与统计表对照的数字（未核对）")
    if not diffs:
        aside = f"；另有{skipped}处为分项、分渠道或其他年度的，未对照" if skipped else ""
        if got.held_back:
            aside += f"；另有{got.held_back}处所对照的单元格本身勾稽不成立，未对照"
        # which counts were set against the tables: the text's others were not looked at
        kinds = "、".join(dict.fromkeys(got.names))
        return spec.check(
            passed=True,
            message=f"正文中与统计表对照的{compared}处数字一致（{kinds}；正文其余数字未核对"
            f"{aside}）",
        )
    parts = [
        f"{name}：正文第{i + 1}行“{quote}”，"
        + ("表中该格空白" if value is None else f"表中为{value:g}")
        # (a sum with a blank cell read as 0: the table gives less than it reads)
        + ("（所加单元格中有空白）" if some_blank and value is not None else "")
        for name, _, quote, value, some_blank, i in diffs
    ]
    return spec.check(passed=False, message="；".join(parts) + "（统计口径可能不同，请核对）")


def table_results(tables: dict[str, TableRead], checks: list[TableCheck]) -> list[TableResult]:
    """The tables as the JSON carries them: cells with their source places, and the checks."""
    out = []
    for table in tables.values():
        t = table.template
        out.append(
            TableResult(
                id=t.id,
                name=t.name,
                status=table.status,
                reason=table.reason,
                columns=[{"id": c.id, "name": c.name} for c in t.columns],
                rows=[
                    {"id": r.id, "name": r.name, "line": table.row_lines[r.id] + 1}
                    for r in t.rows
                    if r.id in table.row_lines
                ],
                cells=[
                    TableCell(
                        row=c.row,
                        col=c.col,
                        value=c.value,
                        text=c.text,
                        line=c.line + 1,
                        start=c.start,
                        end=c.end,
                    )
                    for c in table.cells.values()
                ],
                checks=[c for c in checks if c.table == t.id],
            )
        )
    return out


def second_id(table_id: str) -> str:
    """The id a second table of a template (a county's 全县汇总 after its 本级) carries in the
    results: its template's and the count (requests.2), so that results keyed by id keep the
    first, and the two stay apart."""
    return f"{table_id}.2"


def again_where(table: TableRead) -> str:
    """How a second table of a template is named, by the line it starts on."""
    return f"第{(table.first_line or 0) + 1}行起的另一张表"


def with_second_tables(
    firsts: list[TableResult], again: Mapping[str, TableRead], checks: list[TableCheck]
) -> list[TableResult]:
    """The tables as the JSON carries them (``firsts``), each second table of a template
    (``again``, by the template's id) right after its first, named as the other table, with its
    own sums' outcomes (``checks``, their ``table`` its id): the views show it as they show the
    first — its cells, its failing sums and the cells in them. Only its sums had been shown,
    under the first table's name."""
    out = []
    for first in firsts:
        out.append(first)
        table = again.get(first.id)
        if table is None:
            continue
        sid = second_id(first.id)
        (result,) = table_results({first.id: table}, [])
        name = f"{table.template.name}（{again_where(table)}）"
        theirs = [c for c in checks if c.table == sid]
        out.append(result.model_copy(update={"id": sid, "name": name, "checks": theirs}))
    return out
