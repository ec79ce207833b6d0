"""fzcheck report with a submitted file named in GBK bytes (not UTF-8): every format is
written whole, the name read as the GBK it is (as the unit's PC shows it), never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fzcheck.cli import main
from tests.batch.reportgen import copied_pair

# 清溪镇报告.txt in GBK: on a UTF-8 file system Python holds it as lone surrogates
GBK_NAME = os.fsdecode("清溪镇报告.txt".encode("gbk"))


@pytest.fixture
def results(tmp_path: Path) -> Path:
    """A batch's results over a copied pair, one of them named in GBK bytes."""
    folder = tmp_path / "reports"
    folder.mkdir()
    a, b = copied_pair()
    (folder / GBK_NAME).write_text(a, encoding="utf-8")
    (folder / "copy_b.txt").write_text(b, encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert main(["batch", "--summary", "none", str(folder), "-o", str(out)]) == 0
    return out


def test_units_csv_shows_a_gbk_name_as_a_chinese_pc_does(results: Path, tmp_path: Path) -> None:
    target = tmp_path / "评分表.csv"
    assert main(["report", str(results), "-o", str(target)]) == 0
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3  # the header and both reports: written whole
    assert sum("清溪镇报告.txt" in r for r in rows) == 2  # its row, and copy_b's copy column


def test_cohort_json_keeps_a_gbk_name_as_json_escapes(
    results: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.json"
    assert main(["report", str(results), "-o", str(target)]) == 0
    stats = json.loads(target.read_text(encoding="utf-8"))
    assert any(c["a"].endswith(GBK_NAME) or c["b"].endswith(GBK_NAME) for c in stats["copies"])
    capsys.readouterr()
    assert main(["report", str(results), "--format", "json"]) == 0
    printed = capsys.readouterr().out
    printed.encode("utf-8")  # what stdout gets is valid UTF-8
    assert json.loads(printed) == stats
