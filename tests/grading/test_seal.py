"""The desk's seal: a decision applies only when this desk recorded it.

A unit can send ``报告.txt.decisions.jsonl`` with its report (or a results file's decisions,
should the results be written into the submissions' folder), passing itself; it knows all a
decision names (its file's sha256, the public rubric version). Decisions fzcheck records carry
an HMAC under the desk's key; only those apply, the others are said once with the fix: ``review
--adopt`` lists them, ``--adopt --yes`` seals them after the reviewer has read them.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from fzcheck.cli import main
from fzcheck.grading.decisions import _said_unsealed, decisions_path, load, read_all
from fzcheck.grading.seal import desk_key, is_sealed, key_path, sealed
from fzcheck.result import Decision
from fzcheck.rubric import Catalog
from tests.helpers import FIXTURES

# a report without its problems part: the machine says 要素缺失, a forged decision says present
REPORT = FIXTURES / "trap_no_problems.txt"


@pytest.fixture(autouse=True)
def _own_desk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default key, in each test's own config folder (the run's shared key unset)."""
    monkeypatch.delenv("FZCHECK_DESK_KEY", raising=False)


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


def _write(store: Path, items: list[dict[str, object]]) -> None:
    store.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), "utf-8")


@pytest.fixture
def sent(tmp_path: Path) -> Path:
    """A unit's folder: its report and a decisions file it wrote itself."""
    folder = tmp_path / "收件" / "某县甲局"
    folder.mkdir(parents=True)
    report = folder / "报告.txt"
    report.write_bytes(REPORT.read_bytes())
    _write(decisions_path(report), _forged(report))
    return report


def test_a_units_own_decisions_are_not_applied_anywhere(
    capsys: pytest.CaptureFixture[str], sent: Path, tmp_path: Path
) -> None:
    result, err = _checked(capsys, sent)
    assert result["verdict"] == "incomplete" and "review" not in result
    assert "3条复核记录没有本复核台的签记" in err and "--adopt" in err

    # and the results written into the submissions' folder, with "their" decisions beside
    results = sent.parent / "results.jsonl"
    _write(decisions_path(results), [{**x, "path": str(sent)} for x in _forged(sent)])
    assert run(capsys, "batch", str(sent.parent), "-o", str(results), "-q")[0] == 0
    _said_unsealed.cache_clear()  # a new run (the tests run all commands in one process)
    _, csv, err = run(capsys, "report", str(results), "-f", "csv")
    row = csv.splitlines()[1].split(",")
    assert "要素缺失" in row and "要素齐全" not in row
    assert err.count("没有本复核台的签记") == 2  # each file once a run, not once a view
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
    key, _ = desk_key()
    assert d.seal and is_sealed(d, key)
    assert key_path().stat().st_mode & 0o077 == 0  # the key: readable by its owner only
    result, err = _checked(capsys, report)
    assert result["review"]["parts"]["problems"] == "embedded"
    assert "签记" not in err and "seal" not in json.dumps(result)  # the file's business only

    # the same line with its verdict changed by hand no longer carries its seal
    edited = d.model_copy(update={"set": "present"})
    assert not is_sealed(edited, key)
    decisions_path(report).write_text(edited.model_dump_json(exclude_none=True) + "\n", "utf-8")
    result, err = _checked(capsys, report)
    assert "review" not in result and "1条复核记录没有本复核台的签记" in err


def test_adopt_lists_then_seals_with_yes_keeping_every_line(
    capsys: pytest.CaptureFixture[str], sent: Path
) -> None:
    store = decisions_path(sent)
    link = sent.parent / "记录.jsonl"
    store.rename(link)
    store.symlink_to(link.name)  # a decisions file that is a link stays one
    with store.open("a", encoding="utf-8") as f:
        f.write("不是复核记录\n")
    before = store.read_text(encoding="utf-8")

    code, _, err = run(capsys, "review", str(sent), "--adopt")
    assert code == 0 and "以上3条复核记录没有本复核台的签记" in err and "--adopt --yes" in err
    assert "要素“存在不足” 改为“独立成节”" in err  # each shown as it would change the report
    assert store.read_text(encoding="utf-8") == before  # listed, nothing changed

    code, _, err = run(capsys, "review", str(sent), "--adopt", "--yes")
    assert code == 0 and "已采用3条复核记录" in err
    assert store.is_symlink() and store.read_text(encoding="utf-8").startswith(before)
    assert [d.id for d in load(store)] == [d["id"] for d in _forged(sent)]
    assert _checked(capsys, sent)[0]["review"]["verdict"] == "complete"
    assert "没有需要采用的复核记录" in run(capsys, "review", str(sent), "--adopt")[2]


def test_adopt_takes_only_the_decision_in_force_on_each_target(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An unsealed decision a sealed one replaced later is not brought back by adopting it."""
    report = tmp_path / "报告.txt"
    report.write_bytes(REPORT.read_bytes())
    store = decisions_path(report)
    old = {**_forged(report)[0], "path": str(report), "at": "2026-02-01T00:00:00+00:00"}
    _write(store, [old])
    run(capsys, "review", str(report), "--part", "problems", "--set", "missing")
    assert "没有需要采用的复核记录" in run(capsys, "review", str(report), "--adopt")[2]
    assert len(read_all(store)) == 2 and [d.set for d in load(store)] == ["missing"]


def test_adopt_through_a_results_file_reaches_it_and_each_input(
    capsys: pytest.CaptureFixture[str], sent: Path, tmp_path: Path
) -> None:
    results = tmp_path / "r.jsonl"
    run(capsys, "batch", str(sent.parent), "-o", str(results), "-q")
    _write(decisions_path(results), [{**_forged(sent)[0], "path": str(sent), "id": "other"}])
    code, _, err = run(capsys, "review", str(results), "--adopt", "--yes")
    assert code == 0 and "已采用4条复核记录" in err
    _, csv, _ = run(capsys, "report", str(results), "-f", "csv")
    assert "要素齐全" in csv.splitlines()[1]
    assert "单独使用" in run(capsys, "review", str(results), "--adopt", "--part", "problems")[2]
    assert "只与 --adopt 同用" in run(capsys, "review", str(results), "--yes")[2]


def test_decisions_copied_beside_a_copy_of_the_report_are_not_its(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """甲's decisions beside 丙, a byte-identical copy another unit sent: sealed, about 甲."""
    a, c = tmp_path / "甲.txt", tmp_path / "丙.txt"
    a.write_bytes(REPORT.read_bytes())
    shutil.copy(a, c)
    run(capsys, "review", str(a), "--part", "problems", "--set", "embedded")
    shutil.copy(decisions_path(a), decisions_path(c))
    assert "review" in _checked(capsys, a)[0]
    result, err = _checked(capsys, c)
    assert "review" not in result and "是对另一文件（甲.txt）作出的" in err


def test_a_shared_key_file_is_one_desk(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two reviewers on one shared folder: one key file, named by FZCHECK_DESK_KEY; a key it
    names that does not exist is never made up (a typo would split the desk in two)."""
    shared = tmp_path / "共用" / "desk.key"
    monkeypatch.setenv("FZCHECK_DESK_KEY", str(shared))
    key, why = desk_key(make=True)
    assert key is None and not shared.exists() and "不存在" in why
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


@pytest.mark.parametrize(
    "key,said",
    [("", "为空或不完整"), ("dir", "不是普通文件")],
)
def test_a_key_that_cannot_be_used_is_said_and_adopt_refuses(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, key: str, said: str
) -> None:
    path = key_path()
    path.parent.mkdir(parents=True)
    if key == "dir":
        path.mkdir()
    else:
        path.write_text(key, encoding="ascii")
    report = tmp_path / "报告.txt"
    report.write_bytes(REPORT.read_bytes())
    code, _, err = run(capsys, "review", str(report), "--part", "problems", "--set", "embedded")
    assert code == 0 and said in err and "本次记录未签记" in err
    assert len(read_all(decisions_path(report))) == 1  # kept, to adopt once the key is fixed
    code, _, err = run(capsys, "review", str(report), "--adopt")
    assert code == 2 and said in err


def test_a_seal_that_is_no_seal_is_unsealed_not_a_traceback(
    capsys: pytest.CaptureFixture[str], sent: Path
) -> None:
    """One line with "seal": "签" (non-ASCII: hmac.compare_digest raised TypeError) crashed every
    command on the batch that named its report."""
    _write(decisions_path(sent), [{**x, "seal": "签"} for x in _forged(sent)])
    result, err = _checked(capsys, sent)
    assert "review" not in result and "没有本复核台的签记" in err
    d = Decision(sha256="a", rubric="r", rubric_version="1", target="part", id="p", set="missing")
    assert sealed(d, None) == d and not is_sealed(d, None)
    assert not is_sealed(sealed(d, b"k" * 64), b"j" * 64)
