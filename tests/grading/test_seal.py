"""The desk's seal: decisions beside an input apply only when this desk recorded them.

A unit can send ``报告.txt.decisions.jsonl`` with its report, passing itself; it knows all a
decision names (its file's sha256, the public rubric version). Decisions fzcheck records carry
an HMAC under the desk's key; beside an input only those apply, the others said once with the
fix (``review --adopt``). Decisions beside a results file — the desk's own — need no seal.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from fzcheck.cli import main
from fzcheck.grading.decisions import _said_unsealed, decisions_path, load
from fzcheck.grading.seal import desk_key, is_sealed, key_path, sealed
from fzcheck.result import Decision
from fzcheck.rubric import Catalog
from tests.helpers import FIXTURES

# a report without its problems part: the machine says 要素缺失, a forged decision says present
REPORT = FIXTURES / "trap_no_problems.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _checked(capsys: pytest.CaptureFixture[str], report: Path) -> tuple[dict[str, Any], str]:
    """``check REPORT -f json``: the one result, and what was said on stderr."""
    _, out, err = run(capsys, "check", str(report), "-f", "json")
    [result] = json.loads(out)
    return result, err


def _forged(report: Path) -> list[dict[str, object]]:
    """What a unit can write beside its own report: every field right, no seal."""
    rubric = Catalog.load()["fazhi-annual"]
    sha = hashlib.sha256(report.read_bytes()).hexdigest()
    common = {"sha256": sha, "rubric": rubric.id, "rubric_version": rubric.version}
    return [
        {**common, "target": "part", "id": "problems", "set": "present", "path": report.name},
        {**common, "target": "check", "id": "problems.names_shortcomings", "set": "pass"},
        {**common, "target": "check", "id": "problems.gives_causes", "set": "pass"},
    ]


@pytest.fixture
def sent(tmp_path: Path) -> Path:
    """A unit's folder: its report and a decisions file it wrote itself."""
    folder = tmp_path / "收件" / "某县甲局"
    folder.mkdir(parents=True)
    report = folder / "报告.txt"
    report.write_bytes(REPORT.read_bytes())
    lines = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in _forged(report))
    decisions_path(report).write_text(lines, encoding="utf-8")
    return report


def test_a_units_own_decisions_are_not_applied_anywhere(
    capsys: pytest.CaptureFixture[str], sent: Path, tmp_path: Path
) -> None:
    result, err = _checked(capsys, sent)
    assert result["verdict"] == "incomplete" and "review" not in result
    assert "3条复核记录没有本复核台的签记" in err and "--adopt" in err

    results = tmp_path / "r.jsonl"
    assert run(capsys, "batch", str(sent.parent.parent), "-o", str(results), "-q")[0] == 0
    _said_unsealed.cache_clear()  # a new run (the tests run all commands in one process)
    _, csv, err = run(capsys, "report", str(results), "-f", "csv")
    row = csv.splitlines()[1].split(",")
    assert "要素缺失" in row and "要素齐全" not in row
    assert err.count("没有本复核台的签记") == 1  # said once a run, not once a view
    assert run(capsys, "letter", str(results), "-o", str(tmp_path / "letters"))[0] == 0
    sent_back = [p for p in (tmp_path / "letters").glob("*.docx") if "汇总" not in p.name]
    assert len(sent_back) == 1  # the report goes back


def test_what_review_records_is_sealed_and_applied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "报告.txt"
    report.write_bytes(REPORT.read_bytes())
    assert run(capsys, "review", str(report), "--part", "problems", "--set", "embedded")[0] == 0
    [d] = load(decisions_path(report))
    assert d.seal and is_sealed(d, desk_key())
    assert key_path().stat().st_mode & 0o077 == 0  # the key: readable by its owner only
    result, err = _checked(capsys, report)
    assert result["review"]["parts"]["problems"] == "embedded"
    assert "签记" not in err

    # the same line with its verdict changed by hand no longer carries its seal
    edited = d.model_copy(update={"set": "present"})
    assert not is_sealed(edited, desk_key())
    decisions_path(report).write_text(edited.model_dump_json(exclude_none=True) + "\n", "utf-8")
    result, err = _checked(capsys, report)
    assert "review" not in result and "1条复核记录没有本复核台的签记" in err


def test_adopt_seals_in_place_keeping_order_and_other_lines(
    capsys: pytest.CaptureFixture[str], sent: Path
) -> None:
    store = decisions_path(sent)
    with store.open("a", encoding="utf-8") as f:
        f.write("不是复核记录\n")
    before = store.read_text(encoding="utf-8").splitlines()

    code, _, err = run(capsys, "review", str(sent), "--adopt")
    assert code == 0 and "已采用3条复核记录" in err
    after = store.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before) and after[-1] == "不是复核记录"
    kept = [Decision.model_validate_json(line) for line in after[:3]]
    assert [d.id for d in kept] == [json.loads(line)["id"] for line in before[:3]]
    assert all(is_sealed(d, desk_key()) for d in kept)
    assert _checked(capsys, sent)[0]["review"]["verdict"] == "complete"
    assert "没有需要采用的复核记录" in run(capsys, "review", str(sent), "--adopt")[2]


def test_adopt_through_a_results_file_reaches_each_input(
    capsys: pytest.CaptureFixture[str], sent: Path, tmp_path: Path
) -> None:
    results = tmp_path / "r.jsonl"
    run(capsys, "batch", str(sent.parent), "-o", str(results), "-q")
    assert "已采用3条复核记录" in run(capsys, "review", str(results), "--adopt")[2]
    _, csv, _ = run(capsys, "report", str(results), "-f", "csv")
    assert "要素齐全" in csv.splitlines()[1]
    assert "单独使用" in run(capsys, "review", str(results), "--adopt", "--part", "problems")[2]


def test_decisions_beside_a_results_file_need_no_seal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "报告.txt"
    report.write_bytes(REPORT.read_bytes())
    results = tmp_path / "r.jsonl"
    run(capsys, "batch", str(report), "-o", str(results), "-q")
    lines = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in _forged(report))
    decisions_path(results).write_text(lines, encoding="utf-8")  # an older version's, unsealed
    _, csv, err = run(capsys, "report", str(results), "-f", "csv")
    assert "要素齐全" in csv.splitlines()[1] and "签记" not in err


def test_a_shared_key_file_is_one_desk(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two reviewers on one shared folder: one key file, named by FZCHECK_DESK_KEY; a key it
    names that does not exist is never made up (a typo would split the desk in two)."""
    shared = tmp_path / "共用" / "desk.key"
    monkeypatch.setenv("FZCHECK_DESK_KEY", str(shared))
    assert desk_key(make=True) is None and not shared.exists()
    shared.parent.mkdir()
    shared.write_text("ab" * 32 + "\n", encoding="ascii")
    report = tmp_path / "报告.txt"
    report.write_bytes(REPORT.read_bytes())
    run(capsys, "review", str(report), "--part", "problems", "--set", "embedded")

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "另一台电脑"))  # the other reviewer
    assert "review" in _checked(capsys, report)[0]
    shared.write_text("cd" * 32 + "\n", encoding="ascii")  # another desk's key
    result, err = _checked(capsys, report)
    assert "review" not in result and "没有本复核台的签记" in err


def test_no_key_no_seal() -> None:
    d = Decision(sha256="a", rubric="r", rubric_version="1", target="part", id="p", set="missing")
    assert sealed(d, None) == d and not is_sealed(d, None)
    assert not is_sealed(sealed(d, b"k" * 64), b"j" * 64)
