"""Forms (reading/forms.py): a report filled in as a table, each part's label beside its text.
Its text is running prose, which made the table look like a page laid out in a table (a web
page's cell of 300 characters: its rows went apart, label and text a line each, and the parts
went missing) or like text boxed in rules (a PDF's: read line by line)."""

from __future__ import annotations

from pathlib import Path

from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.reading.forms import labelled_rows
from fzcheck.rubric import Catalog

_ROWS = [
    ("主要举措和成效", "一是健全依法决策机制，全年审查规范性文件38件。" * 15),
    ("存在的不足和原因", "一是基层法治力量薄弱。原因主要是编制有限，专业人员引进难。"),
    (
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "局党组书记、局长认真履行第一责任人职责，亲自主持召开局党组会议4次专题研究法治建设工作。",
    ),
    ("下一年度主要安排", "2026年，一是加强乡镇司法所建设；二是开展行政执法人员轮训。"),
    ("其他需要报告的情况", "无。"),
]


def test_rows_of_labels_beside_text_are_a_forms() -> None:
    assert labelled_rows((label, [text]) for label, text in _ROWS) == 5


def test_a_first_column_of_sentences_or_long_text_is_no_forms() -> None:
    # a page's navigation beside its article; two columns of text
    assert labelled_rows([("网站首页，机构概况。", ["正文"])]) == 0
    assert labelled_rows([("法" * 41, ["正文"])]) == 0
    assert labelled_rows([("", ["正文"]), ("填报单位", [""])]) == 0


def _page(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{label}</td><td><p>{text}</p></td></tr>" for label, text in rows)
    return (
        "<html><head><meta charset='utf-8'><title>青山县司法局2025年度法治政府建设情况报告</title>"
        "</head><body><h1>青山县司法局2025年度法治政府建设情况报告</h1>"
        f"<table border='1'><tr><td>填报单位</td><td>青山县司法局</td></tr>{cells}</table>"
        "<p>青山县司法局</p><p>2026年2月10日</p></body></html>"
    )


def test_a_web_pages_form_is_read_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "form.html"
    path.write_text(_page(_ROWS), encoding="utf-8")
    lines = load(str(path)).lines
    for label, text in _ROWS:
        assert any(line.strip("| ").startswith(f"{label} | {text[:10]}") for line in lines)
    result = check_path(str(path), Catalog.load()).to_json()
    assert result["verdict"] == "complete", result["parts"]
    assert {p["id"]: p["status"] for p in result["parts"]} == dict.fromkeys(
        ["achievements", "problems", "leader_duties", "next_year_plan", "other"], "present"
    )
