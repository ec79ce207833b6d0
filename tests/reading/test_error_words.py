"""Every input error reads, in Chinese, as a sentence that says what the file is and what to do:
for each kind fzcheck itself gives an input, and the closer sentence its message calls for (the
format of a damaged file, the sizes of one over --max-mb, a Word lock file, a FIFO)."""

from __future__ import annotations

import ast
import io
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fzcheck.errors import InputError
from fzcheck.reading import load
from fzcheck.reading.limits import MB, SafeZip, read_regular_file
from fzcheck.render import i18n
from fzcheck.render.i18n import MESSAGES, error_kind
from tests.helpers import make_docx, make_pdf
from tests.reading.make_doc import make_doc
from tests.reading.make_ofd import make_ofd

SRC = Path(__file__).resolve().parents[2] / "src" / "fzcheck"
# Our own few lines: a report's shape, nothing from the corpus.
TEXT = (
    "甲县司法局关于2023年度法治政府建设情况的报告\n"
    "一、主要举措和成效\n全年开展普法宣传活动12次，审查规范性文件8件。\n"
    "二、存在的不足\n行政执法监督还不够有力。\n"
    "三、下一年度工作安排\n继续推进严格规范公正文明执法。\n"
)
# Calls that give an input its error kind: the kind is this argument (or the ``kind=`` keyword).
_KIND_ARG = {"InputError": 1, "error_result": 1, "_lost_line": 1}
FALLBACK = "无法读取（"


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _calls(tree: ast.AST) -> Iterator[tuple[ast.Call, ast.AST]]:
    """Each call giving a kind, once, with the innermost function (or the module) it is in."""
    scope_of: dict[ast.Call, ast.AST] = {}
    scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    for scope in [tree, *scopes]:  # outer first: an inner function's calls are taken over
        for node in ast.walk(scope):
            if isinstance(node, ast.Call) and _name(node) in _KIND_ARG:
                scope_of[node] = scope
    yield from scope_of.items()


def _kind_expr(call: ast.Call) -> ast.AST | None:
    for keyword in call.keywords:
        if keyword.arg == "kind":
            return keyword.value
    index = _KIND_ARG[_name(call)]
    return call.args[index] if len(call.args) > index else None


def _words(expr: ast.AST, scope: ast.AST) -> set[str]:
    """The kind ids an expression can be: its string constants (either branch of ``a if c else
    b``), or those of what the name it is was assigned in its function."""
    if isinstance(expr, ast.Name):
        found: set[str] = set()
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == expr.id for t in node.targets
            ):
                found |= _words(node.value, scope)
        return found
    return {
        n.value
        for n in ast.walk(expr)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and re.fullmatch(r"[a-z_]+", n.value)
    }


def raised_kinds() -> dict[str, set[str]]:
    """kind id -> the source files that give it, over all of src/fzcheck."""
    kinds: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, scope in _calls(tree):
            expr = _kind_expr(call)
            for kind in _words(expr, scope) if expr is not None else ():
                kinds.setdefault(kind, set()).add(str(path.relative_to(SRC)))
    return kinds


def _template(expr: ast.AST, module: ast.Module) -> str | None:
    """A message as a call writes it (or the module constant it names), its ``{values}``
    filled with 1; None when it is built elsewhere (a function's result)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    if isinstance(expr, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else "1" for v in expr.values)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        left, right = _template(expr.left, module), _template(expr.right, module)
        return left + right if left is not None and right is not None else None
    if isinstance(expr, ast.IfExp):
        return _template(expr.body, module)
    if isinstance(expr, ast.Name):
        for node in module.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == expr.id for t in node.targets
            ):
                return _template(node.value, module)
    return None


def written_messages() -> list[tuple[str, str, str]]:
    """(file, kind, message) for every InputError src/fzcheck/reading and pipeline.py write."""
    found: list[tuple[str, str, str]] = []
    paths = [*sorted((SRC / "reading").glob("*.py")), SRC / "pipeline.py"]
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, scope in _calls(tree):
            expr = _kind_expr(call)
            at = 0 if _name(call) == "InputError" else _KIND_ARG[_name(call)] + 1
            message = _template(call.args[at], tree) if len(call.args) > at else None
            if expr is None or message is None:
                continue
            for kind in _words(expr, scope):
                found.append((path.name, kind, message))
    return found


def test_the_scan_finds_the_kinds_the_readers_give() -> None:
    kinds = raised_kinds()
    expected = {
        "special_file",
        "too_large",
        "corrupt",
        "encrypted",
        "empty",
        "unsupported_format",  # also from a name: doc.py's kind = … if … else …
        "timeout",
        "unreadable",
        "not_found",
        "missing_dependency",
        "lock_file",
        "internal",
    }
    assert expected <= set(kinds), sorted(expected - set(kinds))
    assert "reading/limits.py" in kinds["special_file"]
    assert "pipeline.py" in kinds["internal"]


def test_every_kind_fzcheck_gives_has_its_sentence_in_both_languages() -> None:
    missing = {
        lang: sorted(k for k in raised_kinds() if f"error.{k}" not in MESSAGES[lang])
        for lang in ("zh", "en")
    }
    assert missing == {"zh": [], "en": []}


def test_every_error_sentence_says_what_to_do() -> None:
    zh, en = MESSAGES["zh"], MESSAGES["en"]
    sentences = sorted(k for k in zh if k.startswith("error.") and k != "error.prefix")
    assert len(sentences) > 30
    assert [k for k in sentences if "请" not in zh[k]] == []  # 请…: what to do
    assert [k for k in sentences if k not in en] == []
    assert [k for k in sentences if re.search(r"\bnot read\b|\bre-save\b", zh[k])] == []


def test_no_message_a_reader_writes_falls_back_to_english() -> None:
    written = written_messages()
    assert len(written) > 50  # the scan found the raise sites
    fallen = [(f, k, m) for f, k, m in written if error_kind(k, m).startswith(FALLBACK)]
    assert fallen == []
    for _, kind, message in written:  # the sentence picked is one of the catalogue's
        key, _values = i18n.error_key(kind, message)
        assert key in MESSAGES["zh"] and key in MESSAGES["en"], (kind, message)


def test_damaged_files_get_advice_for_their_own_format() -> None:
    advice = {
        (f, m): error_kind(k, m)
        for f, k, m in written_messages()
        if k == "corrupt" and "OCR" not in m
    }
    for (_, message), sentence in advice.items():
        first = message.split(";")[0]
        if re.search(r"\bPDF\b|\.pdf\b", first):
            assert "重新导出PDF" in sentence and "Word" not in sentence, message
        elif ".ofd" in first:
            assert "重新生成OFD" in sentence and "Word" not in sentence, message
        elif re.search(r"\.(docx|doc|wps|rtf)\b", first):
            assert "Word或WPS" in sentence, message
        else:
            assert "Word" not in sentence and "PDF" not in sentence, message


def _error(path: Path | str, max_mb: float = 16.0) -> InputError:
    with pytest.raises(InputError) as info:
        load(str(path), max_mb=max_mb)
    assert not error_kind(info.value.kind, str(info.value)).startswith(FALLBACK)
    return info.value


def _zh(err: InputError) -> str:
    return error_kind(err.kind, str(err))


def test_a_fifo_is_refused_in_chinese(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    err = _error(fifo)
    assert err.kind == "special_file"
    assert str(err) == "a named pipe (FIFO), not a file: not read"  # the JSON message, stable
    assert _zh(err) == "这是命名管道（FIFO），不是普通文件，未读取：请指定报告文件本身"


def test_a_device_is_refused_in_chinese() -> None:
    if not os.path.exists(os.devnull) or not stat.S_ISCHR(os.stat(os.devnull).st_mode):
        pytest.skip("no character device here")
    with pytest.raises(InputError) as info:
        read_regular_file(os.devnull, MB)
    assert info.value.kind == "special_file"
    sentence = _zh(info.value)
    assert sentence.startswith("这是设备文件") and "请指定报告文件本身" in sentence
    assert not re.search(r"[A-Za-z]{3,}", sentence)  # no English left in it


def test_an_oversize_file_shows_its_size_and_the_limit_labelled(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"\xe6\xb3\x95" * (MB // 2))  # 1.5 MB of 法
    err = _error(path, max_mb=1)
    assert err.kind == "too_large" and "rarely over 1 MB" in str(err)  # English detail kept
    sentence = _zh(err)
    assert "（文件1.5 MB，上限1 MB）" in sentence and "--max-mb" in sentence
    assert re.findall(r"[\d.]+ MB", sentence) == ["1.5 MB", "1 MB"]  # nothing unexplained


@pytest.mark.parametrize(
    ("name", "make", "advice"),
    [
        ("report.pdf", lambda: make_pdf(TEXT), "请从原文档重新导出PDF"),
        ("report.ofd", lambda: make_ofd(TEXT), "请用原软件重新生成OFD文件"),
        ("report.doc", lambda: make_doc(TEXT), "请用Word或WPS打开后重新保存"),
        ("report.docx", lambda: make_docx(TEXT), "请用Word或WPS打开后重新保存"),
    ],
)
def test_a_truncated_file_is_told_to_be_made_again_in_its_own_format(
    tmp_path: Path, name: str, make: object, advice: str
) -> None:
    data = make()  # type: ignore[operator]
    path = tmp_path / name
    path.write_bytes(data[: len(data) // 2])
    err = _error(path)
    assert err.kind == "corrupt"
    assert advice in _zh(err)
    if name.endswith((".pdf", ".ofd")):
        assert "Word" not in _zh(err)


def test_a_truncated_ofd_no_longer_names_docx_in_english(tmp_path: Path) -> None:
    path = tmp_path / "report.ofd"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)  # a zip's head, nothing after
    err = _error(path)
    assert err.kind == "corrupt" and ".ofd" in str(err) and "docx" not in str(err)
    assert "OFD" in _zh(err)


def test_a_word_lock_file_given_by_name_says_what_it_is(tmp_path: Path) -> None:
    owner = b"\x06zhangs" + b"\x20" * 47 + b"\x06\x00" + "zhangs".encode("utf-16-le")
    path = tmp_path / "~$报告.docx"
    path.write_bytes(owner.ljust(162, b"\x00"))  # what Word leaves: who opened it
    err = _error(path)
    assert err.kind == "lock_file" and "lock file" in str(err)
    sentence = _zh(err)
    assert "临时锁定文件" in sentence and "不是报告" in sentence and "损坏" not in sentence


def test_a_report_named_like_a_lock_file_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "~$报告.docx"
    path.write_bytes(make_docx(TEXT))  # content first: it is a real package
    assert "法治政府建设" in load(str(path)).text


def test_an_overlong_text_file_is_not_called_a_compressed_archive(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("法治政府建设" * 340_000, encoding="utf-8")  # 2.04 million characters
    err = _error(path)
    assert err.kind == "too_large" and "characters of text" in str(err)
    sentence = _zh(err)
    assert "压缩" not in sentence and "解压" not in sentence
    assert "文字量远超一份报告" in sentence and "拆分" in sentence


def test_a_zip_bomb_is_called_one() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * (8 * MB))
    with pytest.raises(InputError) as info:
        SafeZip(out.getvalue(), ".docx").check_all()
    assert "压缩炸弹" in _zh(info.value)


@pytest.mark.parametrize(
    ("kind", "message", "words"),
    [
        ("timeout", "reading took over 90 s and was stopped; OCR it yourself (e.g.)", "文字识别"),
        ("too_large", "a scanned PDF of 900 pages: OCR reads at most 400; OCR it yourself", "页数"),
        ("too_large", "OCR failed on this file (out of memory); OCR it yourself", "内存不足"),
        ("corrupt", "OCR failed on this file (RuntimeError); OCR it yourself", "文字识别出错"),
        ("scanned_pdf", "the .ofd holds no text objects (a scanned OFD?); export it", "OFD"),
        ("unsupported_format", "a zip archive, not a report; unpack it", "解压"),
        ("unsupported_format", "an Excel/WPS spreadsheet, not a report; save it", "表格"),
        ("empty", "the web page holds no article text (only navigation); save", "网页"),
        ("missing_dependency", "a scanned PDF (no usable text layer), and OCR is not", "OCR"),
        ("unreadable", "cannot be read (Permission denied)", "没有权限"),
        ("unreadable", "cannot be read (EIO: Input/output error)", "读取出错"),
        ("corrupt", "could not be read as pdf (KeyError); the file may be damaged", "PDF"),
        ("corrupt", "could not be read as txt (KeyError); re-save or re-export it", "原软件"),
    ],
)
def test_a_message_picks_the_closer_sentence(kind: str, message: str, words: str) -> None:
    sentence = error_kind(kind, message)
    assert words in sentence and not sentence.startswith(FALLBACK)


def test_the_english_view_keeps_the_readers_own_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_lang", "en")
    message = "a named pipe (FIFO), not a file: not read"
    assert error_kind("special_file", message) == f"special_file: {message}"


def test_a_worker_lost_on_a_file_is_told_in_english_in_json_and_chinese_to_the_reviewer() -> None:
    """The line a batch writes for a file its worker died on: error.message English like every
    other, the reviewer's sentence the died worker's own (not a bug's, whose advice differs)."""
    from fzcheck.batch.plan import Item
    from fzcheck.batch.runner import _died_line
    from fzcheck.render.i18n import error_kind

    err = _died_line(Item(path="/in/a.txt", content="ab" * 32, key="k"))["error"]
    assert err["message"].isascii()
    assert error_kind(err["kind"], err["message"]).startswith("检查进程处理此文件时意外退出")
