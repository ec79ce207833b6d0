"""Forms (reading/forms.py): a report filled in as a table, each part's label beside its text.
Its text is running prose, which made a PDF's table look like text boxed in rules (read line by
line, a narrow label's wrapped characters among its text's lines)."""

from __future__ import annotations

from fzcheck.reading.forms import labelled_rows, told_rows

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


def test_rows_of_labels_beside_sentences_are_told_rows() -> None:
    assert told_rows((label, [text]) for label, text in _ROWS) == 5
    assert (
        told_rows([("当前位置", ["首页 > 政务公开"]), ("发布时间：2026-01-22", ["来源：某局"])])
        == 0
    )
    assert told_rows([("首页；政务公开", ["正文。"])]) == 0


def test_a_label_may_hold_a_comma_not_a_sentence_end() -> None:
    law = "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
    assert labelled_rows([(law, ["局党组书记亲自主持会议4次。"]), ("其他", ["无。"])]) == 2
    assert labelled_rows([("网站首页；机构概况", ["正文"])]) == 0
