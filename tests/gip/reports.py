"""Our own 政府信息公开工作年度报告, made from a table of values, in three forms: layout text (as
pdftotext -layout prints a PDF), a web page with <table>s (rowspan/colspan) and a .docx."""

from __future__ import annotations

import html
import io
import re
from typing import Any

APPLICANTS = [
    "natural",
    "business",
    "research",
    "public_interest",
    "legal_services",
    "other_org",
    "total",
]
# (row id, label as printed, group label for merged cells or None)
ROWS_2021 = [
    ("new", "一、本年新收政府信息公开申请数量", None),
    ("carried_in", "二、上年结转政府信息公开申请数量", None),
    ("disclosed", "（一）予以公开", "三、本年度办理结果"),
    ("partly", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果"),
    ("withheld_secret", "1.属于国家秘密", "（三）不予公开"),
    ("withheld_law", "2.其他法律行政法规禁止公开", "（三）不予公开"),
    ("withheld_safety", "3.危及“三安全一稳定”", "（三）不予公开"),
    ("withheld_third_party", "4.保护第三方合法权益", "（三）不予公开"),
    ("withheld_internal", "5.属于三类内部事务信息", "（三）不予公开"),
    ("withheld_process", "6.属于四类过程性信息", "（三）不予公开"),
    ("withheld_enforcement", "7.属于行政执法案卷", "（三）不予公开"),
    ("withheld_query", "8.属于行政查询事项", "（三）不予公开"),
    ("unable_not_held", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("unable_make", "2.没有现成信息需要另行制作", "（四）无法提供"),
    ("unable_unclear", "3.补正后申请内容仍不明确", "（四）无法提供"),
    ("declined_petition", "1.信访举报投诉类申请", "（五）不予处理"),
    ("declined_repeat", "2.重复申请", "（五）不予处理"),
    ("declined_publication", "3.要求提供公开出版物", "（五）不予处理"),
    ("declined_mass", "4.无正当理由大量反复申请", "（五）不予处理"),
    ("declined_confirm", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
    (
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（六）其他处理",
    ),
    (
        "other_no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "（六）其他处理",
    ),
    ("other_misc", "3.其他", "（六）其他处理"),
    ("total", "（七）总计", None),
    ("carried_out", "四、结转下年度继续办理", None),
]
ROWS_2019 = [r for r in ROWS_2021 if not r[0].startswith("other_")]
ROWS_2019.insert(
    ROWS_2019.index(next(r for r in ROWS_2019 if r[0] == "total")),
    ("other_handling", "（六）其他处理", None),
)
APPLICANT_NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
APPEALS = [
    "review_upheld",
    "review_corrected",
    "review_other",
    "review_pending",
    "review_total",
    "direct_upheld",
    "direct_corrected",
    "direct_other",
    "direct_pending",
    "direct_total",
    "after_upheld",
    "after_corrected",
    "after_other",
    "after_pending",
    "after_total",
]


def values(template: str = "2021") -> dict[str, list[int | None]]:
    """Table 三 rows whose sums hold: 40 new + 2 carried = 39 handled + 3 carried over."""
    rows = ROWS_2021 if template == "2021" else ROWS_2019
    by_row: dict[str, list[int]] = {r: [0] * 6 for r, _, _ in rows}
    by_row["new"] = [30, 6, 1, 0, 2, 1]
    by_row["carried_in"] = [2, 0, 0, 0, 0, 0]
    by_row["disclosed"] = [15, 3, 1, 0, 1, 0]
    by_row["partly"] = [4, 1, 0, 0, 0, 0]
    by_row["withheld_third_party"] = [2, 0, 0, 0, 0, 0]
    by_row["unable_not_held"] = [6, 1, 0, 0, 1, 1]
    by_row["declined_repeat"] = [1, 0, 0, 0, 0, 0]
    by_row["other_no_correction" if template == "2021" else "other_handling"] = [1, 0, 0, 0, 0, 0]
    handled = [r for r, _, _ in rows if r not in {"new", "carried_in", "total", "carried_out"}]
    by_row["total"] = [sum(by_row[r][k] for r in handled) for k in range(6)]
    by_row["carried_out"] = [
        by_row["new"][k] + by_row["carried_in"][k] - by_row["total"][k] for k in range(6)
    ]
    return {r: [*v, sum(v)] for r, v in by_row.items()}


def appeals() -> list[int]:
    return [2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]


def _narrative(table: dict[str, list[int | None]], stated_new: int | None) -> str:
    new = table["new"][6] if stated_new is None else stated_new
    return (
        f"2024年，本机关共收到政府信息公开申请{new}件，予以公开{table['disclosed'][6]}件。"
        "因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件。"
    )


def _head(unit: str) -> list[str]:
    return [
        f"          {unit}2024年政府信息公开工作年度报告",
        "",
        "   本报告根据《中华人民共和国政府信息公开条例》规定编制。统计期限自2024年1月1日至2024年12月31日。",
        "   一、总体情况",
        "   2024年，我局认真贯彻政府信息公开条例，全年主动公开政府信息326条，更新公开目录2次。",
    ]


def _tail(unit: str = "示例县交通运输局") -> list[str]:
    return [
        "   五、存在的主要问题及改进情况",
        "   一是政策解读形式还不够丰富；二是依申请办理人员业务能力仍需提升。下一步，我局将加强解读，"
        "完善办理流程，每季度组织一次业务培训。",
        "   六、其他需要报告的事项",
        "   本年度未收取信息处理费。",
        "",
        f"                              {unit}",
        "                              2025年1月20日",
    ]


def layout_text(
    table: dict[str, list[int | None]] | None = None,
    rows: list[Any] | None = None,
    unit: str = "示例县交通运输局",
    stated_new: int | None = None,
) -> str:
    """As pdftotext -layout prints it: values right-aligned in columns, labels wrapped, group
    labels standing on their own lines."""
    table = table or values()
    rows = rows or ROWS_2021
    out = [
        *_head(unit),
        "   （一）依申请公开。" + _narrative(table, stated_new),
        "",
        "   二、主动公开政府信息情况",
        "第二十条 第（一）项",
        "信息内容          本年制发件数     本年废止件数   现行有效件数",
        "规章                 0              0             0",
        "行政规范性文件       3              1            12",
        "",
        "信息内容                      本年处理决定数量",
        "行政许可                      1280",
        "行政处罚                       316",
        "行政强制                        12",
        "",
        "   三、收到和处理政府信息公开申请情况",
        "                                                   申请人情况",
        "                                       法人或其他组织",
        "                             自然人   商业企业 科研机构 社会公益组织 法律服务机构 其他  总计",
    ]
    group = None
    for row, label, grp in rows:
        if grp and grp != group:
            out.append(f"      {grp}")
            group = grp
        cells = "".join(f"{'' if v is None else v:>8}" for v in table[row])
        if len(label) > 16:  # a long label wraps onto the next line, as in a PDF
            out.append(f"      {label[:16]}")
            out.append(f"      {label[16:]:<22}{cells}")
        else:
            out.append(f"      {label:<22}{cells}")
    out += [
        "",
        "   四、政府信息公开行政复议、行政诉讼情况",
        "行政复议                          行政诉讼",
        "                              未经复议直接起诉              复议后起诉",
        "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计",
        "   " + "   ".join(str(v) for v in appeals()),
        "",
    ]
    return "\n".join(out + _tail(unit)) + "\n"


def tab_text(
    table: dict[str, list[int | None]] | None = None,
    appeal_values: list[int | None] | None = None,
) -> str:
    """As a browser copies a page's tables into a text file: a row a line, its cells separated
    by tabs, an empty cell between two tabs (a blank left blank)."""
    table = table or values()

    def cells(vals: list[int | None]) -> str:
        return "\t".join("" if v is None else str(v) for v in vals)

    out = [*_head("示例县交通运输局"), "二、主动公开政府信息情况"]
    out += ["信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0"]
    out += ["行政规范性文件\t3\t1\t12", "三、收到和处理政府信息公开申请情况"]
    out += [
        "\t\t申请人情况",
        "\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
    ]
    out += [f"{grp or ''}\t{label}\t{cells(table[row])}" for row, label, grp in ROWS_2021]
    out += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议\t\t\t\t\t行政诉讼"]
    out += ["\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)]
    out.append(cells(appeal_values or appeals()))  # type: ignore[arg-type]
    return "\n".join(out + _tail()) + "\n"


def html_page(
    table: dict[str, list[int | None]] | None = None,
    published: str = "2025-01-20",
    unit: str = "示例县交通运输局",
    appeal_values: list[int | None] | None = None,
) -> str:
    """A government web page: the report in an article, tables with merged header and label
    cells; empty <td> for a blank cell."""
    table = table or values()

    def td(v: int | None) -> str:
        return f"<td>{'' if v is None else v}</td>"

    rows = []
    seen: set[str] = set()
    for row, label, grp in ROWS_2021:
        cells = "".join(td(v) for v in table[row])
        if grp and grp not in seen:
            span = sum(1 for _, _, g in ROWS_2021 if g == grp)
            rows.append(f"<tr><td rowspan='{span}'>{grp}</td><td>{label}</td>{cells}</tr>")
            seen.add(grp)
        elif grp:
            rows.append(f"<tr><td>{label}</td>{cells}</tr>")
        else:
            rows.append(f"<tr><td colspan='2'>{label}</td>{cells}</tr>")
    appeal_cells = "".join(td(v) for v in (appeal_values or appeals()))
    head = "\n".join(f"<p>{line.strip()}</p>" for line in _head(unit)[2:])
    tail = "\n".join(f"<p>{line.strip()}</p>" for line in _tail(unit) if line.strip())
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{unit}2024年政府信息公开工作年度报告_示例县人民政府</title></head><body>
<div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div>
<div class="info">发布时间：{published}　来源：{unit}</div>
<article><h1>{unit}2024年政府信息公开工作年度报告</h1>
{head}
<p>（一）依申请公开。{_narrative(table, None)}</p>
<p>二、主动公开政府信息情况</p>
<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td colspan='2' rowspan='3'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
<td colspan='7'>申请人情况</td></tr>
<tr><td rowspan='2'>自然人</td><td colspan='5'>法人或其他组织</td><td rowspan='2'>总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
{"".join(rows)}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
<td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>
<tr>{appeal_cells}</tr></table>
{tail}
</article><div class="foot">主办单位：示例县人民政府办公室</div></body></html>"""


def stacked_text(table: dict[str, list[int | None]] | None = None) -> str:
    """The web page as a crawler saves it (BeautifulSoup's get_text("\\n", strip=True)): every
    cell a line of its own, an empty cell gone."""
    body = html_page(table).split("<body>", 1)[1]
    pieces = (html.unescape(p).strip() for p in re.split(r"<[^>]*>", body))
    return "\n".join(p for p in pieces if p) + "\n"


def markdown_text(table: dict[str, list[int | None]] | None = None) -> str:
    """The report as Markdown (pandoc's pipe tables: a header row, then a | --- | rule)."""
    table = table or values()

    def md(cells: list[Any]) -> list[str]:
        return ["| " + " | ".join("" if c is None else str(c) for c in cells) + " |"]

    def rule(n: int) -> list[str]:
        return ["|" + "|".join([" --- "] * n) + "|"]

    unit = "示例县交通运输局"
    out = [f"# {_head(unit)[0].strip()}", "", *(line.strip() for line in _head(unit)[2:])]
    out += ["（一）依申请公开。" + _narrative(table, None), "", "二、主动公开政府信息情况", ""]
    out += md(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]) + rule(4)
    out += md(["规章", 0, 0, 0]) + md(["行政规范性文件", 3, 1, 12])
    out += ["", "三、收到和处理政府信息公开申请情况", ""]
    out += md(
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    )
    out += rule(8)
    for row, label, grp in ROWS_2021:
        out += md([label if grp is None else f"{grp} {label}", *table[row]])
    out += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    out += md(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + rule(15)
    out += md(appeals())
    return "\n".join([*out, "", *(line.strip() for line in _tail(unit))]) + "\n"


def pdf_bytes(table: dict[str, list[int | None]] | None = None) -> bytes:
    """The report printed to PDF (reportlab), its tables drawn as grids with the template's
    merged group cells: a PDF's text layer gives such a table one cell a line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    table = table or values()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = ParagraphStyle("text", fontName="STSong-Light", fontSize=10, leading=14)
    small = ParagraphStyle("small", fontName="STSong-Light", fontSize=7, leading=9)
    grid = [("FONT", (0, 0), (-1, -1), "STSong-Light", 7), ("GRID", (0, 0), (-1, -1), 0.5, "black")]
    unit = "示例县交通运输局"
    story: list[Any] = [Paragraph(line.strip(), text) for line in _head(unit) if line.strip()]
    story.append(Paragraph("（一）依申请公开。" + _narrative(table, None), text))
    story.append(Paragraph("二、主动公开政府信息情况", text))
    proactive = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    proactive += [["规章", "0", "0", "0"], ["行政规范性文件", "3", "1", "12"]]
    story.append(Table(proactive, style=TableStyle(grid)))
    story.append(Paragraph("三、收到和处理政府信息公开申请情况", text))
    header = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows: list[list[Any]] = [["", "申请人情况", *[""] * 6], ["", *header]]
    spans: list[Any] = [("SPAN", (1, 0), (7, 0))]
    groups: dict[str, list[int]] = {}
    for row, label, grp in ROWS_2021:
        if grp is not None:
            groups.setdefault(grp, []).append(len(rows))
        cells = ["" if v is None else str(v) for v in table[row]]
        rows.append([Paragraph(label if grp is None else f"{grp} {label}", small), *cells])
    story.append(
        Table(rows, colWidths=[170] + [36] * 7, style=TableStyle(grid + spans), repeatRows=2)
    )
    story.append(Paragraph("四、政府信息公开行政复议、行政诉讼情况", text))
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    appeal_rows = [
        ["行政复议", *[""] * 4, "行政诉讼", *[""] * 9],
        [*results, "未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4],
        [*[""] * 5, *results, *results],
        [str(v) for v in appeals()],
    ]
    appeal_spans = [("SPAN", (0, 0), (4, 0)), ("SPAN", (5, 0), (14, 0))]
    story.append(Table(appeal_rows, colWidths=[31] * 15, style=TableStyle(grid + appeal_spans)))
    story += [Paragraph(line.strip(), text) for line in _tail(unit) if line.strip()]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


def docx_bytes(
    table: dict[str, list[int | None]] | None = None,
    paren_headings: bool = False,
    appeal_values: list[int | None] | None = None,
    transposed: bool = False,
) -> bytes:
    """The same report as a Word document, its tables with merged cells; with
    ``paren_headings`` its sections numbered （一）…（六）; ``transposed``: table 三 printed the
    other way round, an applicant a row and a result a column."""
    import docx

    table = table or values()
    document = docx.Document()

    def paragraph(text: str) -> None:
        if paren_headings:
            text = re.sub(r"^([一二三四五六])、", r"（\1）", text)
        document.add_paragraph(text)

    for line in _head("示例县交通运输局")[:1]:
        paragraph(line.strip())
    for line in _head("示例县交通运输局")[2:]:
        paragraph(line.strip())
    paragraph("（一）依申请公开。" + _narrative(table, None))
    paragraph("二、主动公开政府信息情况")
    p = document.add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "0", "0", "0"],
            ["行政规范性文件", "3", "1", "12"],
        ]
    ):
        for c, text in enumerate(row):
            p.cell(r, c).text = text
    paragraph("三、收到和处理政府信息公开申请情况")
    if transposed:
        t = document.add_table(rows=1 + len(APPLICANTS), cols=1 + len(ROWS_2021))
        for n, (row, label, _) in enumerate(ROWS_2021, start=1):
            t.cell(0, n).text = label
            for k, v in enumerate(table[row], start=1):
                t.cell(k, n).text = "" if v is None else str(v)
        for k, name in enumerate(APPLICANT_NAMES, start=1):
            t.cell(k, 0).text = name
    else:
        _requests_table(document, table)
    paragraph("四、政府信息公开行政复议、行政诉讼情况")
    a = document.add_table(rows=2, cols=15)
    a.cell(0, 0).merge(a.cell(0, 4)).text = "行政复议"
    a.cell(0, 5).merge(a.cell(0, 14)).text = "行政诉讼"
    for k, v in enumerate(appeal_values or appeals()):
        a.cell(1, k).text = "" if v is None else str(v)
    for line in _tail():
        if line.strip():
            paragraph(line.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _requests_table(document: Any, table: dict[str, list[int | None]]) -> None:
    """Table 三 as the template prints it: merged label cells, an applicant a column."""
    t = document.add_table(rows=2 + len(ROWS_2021), cols=9)
    t.cell(0, 0).merge(
        t.cell(1, 1)
    ).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    t.cell(0, 2).merge(t.cell(0, 8)).text = "申请人情况"
    for k, name in enumerate(APPLICANT_NAMES):
        t.cell(1, 2 + k).text = name
    for n, (row, label, grp) in enumerate(ROWS_2021, start=2):
        if grp:
            t.cell(n, 0).text = grp
            t.cell(n, 1).text = label
        else:
            t.cell(n, 0).merge(t.cell(n, 1)).text = label
        for k, v in enumerate(table[row]):
            t.cell(n, 2 + k).text = "" if v is None else str(v)


def template_pdf_bytes(
    table: dict[str, list[int | None]] | None = None,
    label_widths: tuple[float, float, float] = (14, 16, 60),
    font_size: float = 7,
    open_sides: bool = False,
) -> bytes:
    """The report printed to PDF with table 三 laid out as the 2021 national template lays it
    out: three label columns (三、本年度办理结果 and the groups merged down their rows), the
    header's cells merged across and down. Narrow label columns set a group's name a character a
    line and wrap the labels round their row's values."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    table = table or values()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = ParagraphStyle("text", fontName="STSong-Light", fontSize=10, leading=14)
    small = ParagraphStyle(
        "small", fontName="STSong-Light", fontSize=font_size, leading=font_size + 2
    )
    # (open at its sides: no outer vertical rules, as many units draw their tables)
    across = [
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, "black"),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, "black"),
    ]
    rules = (
        [("INNERGRID", (0, 0), (-1, -1), 0.5, "black"), *across]
        if open_sides
        else [("GRID", (0, 0), (-1, -1), 0.5, "black")]
    )
    grid = [
        ("FONT", (0, 0), (-1, -1), "STSong-Light", font_size),
        *rules,
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]

    def cell(words: str) -> Any:
        return Paragraph(words, small)

    unit = "示例县交通运输局"
    story: list[Any] = [Paragraph(line.strip(), text) for line in _head(unit) if line.strip()]
    story.append(Paragraph("（一）依申请公开。" + _narrative(table, None), text))
    story.append(Paragraph("三、收到和处理政府信息公开申请情况", text))
    orgs = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    rule = cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    rows: list[list[Any]] = [
        [rule, "", "", cell("申请人情况"), *[""] * 6],
        ["", "", "", cell("自然人"), cell("法人或其他组织"), "", "", "", "", cell("总计")],
        ["", "", "", "", *map(cell, orgs), ""],
    ]
    spans: list[Any] = [
        ("SPAN", (0, 0), (2, 2)),
        ("SPAN", (3, 0), (9, 0)),
        ("SPAN", (3, 1), (3, 2)),
        ("SPAN", (4, 1), (8, 1)),
        ("SPAN", (9, 1), (9, 2)),
    ]
    first: dict[str | None, int] = {}
    last: dict[str | None, int] = {}
    for row, label, group in ROWS_2021:
        r = len(rows)
        values_ = ["" if v is None else str(v) for v in table[row]]
        if group is None:
            rows.append([cell(label), "", "", *values_])
            spans.append(("SPAN", (0, r), (2, r)))
        elif group == "三、本年度办理结果":
            rows.append(["", cell(label), "", *values_])
            spans.append(("SPAN", (1, r), (2, r)))
        else:
            rows.append(["", "" if group in first else cell(group), cell(label), *values_])
        if group is not None:
            first.setdefault(group, r)
            first.setdefault("三、本年度办理结果", r)
            last[group] = last["三、本年度办理结果"] = r
    for group, start in first.items():
        column = 0 if group == "三、本年度办理结果" else 1
        rows[start][column] = cell(str(group))
        spans.append(("SPAN", (column, start), (column, last[group])))
    widths = [*label_widths, *[36] * 7]
    story.append(Table(rows, colWidths=widths, style=TableStyle(grid + spans), repeatRows=3))
    story += [Paragraph(line.strip(), text) for line in _tail(unit) if line.strip()]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()
