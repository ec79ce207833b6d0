"""fzcheck batch offline: one line per input, resumable, cohort view, copy flags."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from fzcheck.cli import main
from tests.batch.reportgen import batch_command, kill_after, make_report
from tests.helpers import FIXTURES, ROOT, SAMPLE

Lines = Callable[[Path], list[dict]]


def batch(*args: str) -> int:
    return main(["batch", "--summary", "none", *args])


def test_one_line_per_input_cohort_and_copy_flag(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    code = main(["batch", str(reports), "-o", str(out), "--summary", "json"])
    assert code == 1  # empty.txt is a failure, recorded in its line
    got = lines(out)
    inputs = sorted(str(p) for p in reports.iterdir())
    assert sorted(r["path"] for r in got) == inputs
    by_name = {Path(r["path"]).name: r for r in got}
    assert by_name["empty.txt"]["verdict"] == "error"
    assert by_name["empty.txt"]["error"]["kind"] == "empty"
    assert by_name["plan.txt"]["verdict"] == "not_a_report"
    assert by_name["no_problems.txt"]["verdict"] == "incomplete"
    # the copy is flagged on both reports, naming the other and the similarity
    a, b = by_name["copy_a.txt"]["copies"], by_name["copy_b.txt"]["copies"]
    assert [c["part"] for c in a] == ["problems"] and a[0]["other"] == str(reports / "copy_b.txt")
    assert b[0]["other"] == str(reports / "copy_a.txt")
    assert a[0]["similarity"] == b[0]["similarity"] >= 0.6
    assert not any("copies" in r for n, r in by_name.items() if not n.startswith("copy_"))
    # the cohort view (printed as JSON here)
    stats = json.loads(capsys.readouterr().out)
    assert stats["reports"] == len(inputs)
    assert stats["verdicts"] == {"complete": 8, "incomplete": 1, "not_a_report": 1, "error": 1}
    problems = next(p for p in stats["parts"] if p["part"] == "problems")
    assert problems["missing"] == 1 and problems["missing_share"] == pytest.approx(1 / 9, abs=1e-3)
    assert [u["path"] for u in stats["send_back"]] == [
        str(reports / "no_problems.txt"),
        str(reports / "plan.txt"),
    ]
    assert stats["send_back"][0]["missing"] == ["problems"]
    assert stats["failures"][0]["path"] == str(reports / "empty.txt")
    assert len(stats["copies"]) == 1 and stats["copies"][0]["part"] == "problems"


def test_rerun_does_nothing(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    before = out.read_bytes(), (tmp_path / "results.jsonl.minhash").read_bytes()
    capsys.readouterr()
    assert batch(str(reports), "-o", str(out)) == 1  # empty.txt's line still records a failure
    assert "本次评出0份，失败0份（另有此前失败1份" in capsys.readouterr().err
    assert (out.read_bytes(), (tmp_path / "results.jsonl.minhash").read_bytes()) == before


def test_retry_errors_redoes_only_failures(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    # Fixing the file changes its bytes, so it is redone anyway; a still-broken one is only
    # redone with --retry-errors.
    (reports / "missing.txt").write_text(make_report(3), encoding="utf-8")
    broken = reports / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    batch(str(reports), "-o", str(out))
    first = {r["path"]: r for r in lines(out)}
    assert first[str(broken)]["error"]["kind"] == "corrupt"
    capsys.readouterr()
    batch(str(reports), "-o", str(out))
    assert "本次评出0份" in capsys.readouterr().err
    batch(str(reports), "-o", str(out), "--retry-errors")
    assert "本次评出2份" in capsys.readouterr().err  # empty.txt and broken.docx, nothing else
    paths = [r["path"] for r in lines(out)]
    assert len(paths) == len(set(paths)) == len(list(reports.iterdir()))


def test_changed_file_replaces_its_line(reports: Path, tmp_path: Path, lines: Lines) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    target = reports / "no_problems.txt"
    target.write_text(make_report(50), encoding="utf-8")
    batch(str(reports), "-o", str(out))
    got = [r for r in lines(out) if r["path"] == str(target)]
    assert len(got) == 1 and got[0]["verdict"] == "complete"


def test_torn_last_line_is_recovered(reports: Path, tmp_path: Path, lines: Lines) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    whole = out.read_bytes().splitlines(keepends=True)
    # What a kill in the middle of a write leaves: the last line cut short.
    out.write_bytes(b"".join(whole[:-1]) + whole[-1][: len(whole[-1]) // 2])
    batch(str(reports), "-o", str(out))
    paths = Counter(r["path"] for r in lines(out))
    assert set(paths.values()) == {1} and len(paths) == len(list(reports.iterdir()))


def test_sigkill_mid_run_then_resume_gives_one_line_per_input(tmp_path: Path, lines: Lines) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        (folder / f"r{n:03d}.txt").write_text(make_report(n), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    cmd = batch_command(folder, out)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    partial = kill_after(cmd, out, 20, env)
    assert 20 <= partial < 400
    resumed = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"此前已完成{partial}份" in resumed.stderr
    paths = Counter(r["path"] for r in lines(out))
    assert len(paths) == 400 and set(paths.values()) == {1}


def test_corpus_and_fixtures(
    corpus: Path, reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [str(corpus / "seeds"), str(reports), str(FIXTURES)]
    out = tmp_path / "results.jsonl"
    main(["batch", *inputs, "-o", str(out), "--summary", "markdown"])
    view = capsys.readouterr().out
    assert f"# 批量评查：{len(lines(out))}份报告" in view and "## 需退回修改的单位" in view
    assert "003_6842c3a18b237cfe.txt" in view.split("## 需退回修改的单位")[1]
    before = out.read_bytes()
    batch(*inputs, "-o", str(out))
    assert out.read_bytes() == before
    from fzcheck.reading import KNOWN_SUFFIXES

    expected = {
        str(p)
        for d in (corpus / "seeds", reports, FIXTURES)
        for p in d.rglob("*")
        if p.is_file()
        and p.suffix.lower() in KNOWN_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(d).parts)
    }
    got = [r["path"] for r in lines(out)]
    assert sorted(got) == sorted(expected)
    seeds = [r for r in lines(out) if "/seeds/" in r["path"]]
    assert len(seeds) == 5 and all(r["ok"] for r in seeds)
    assert {Path(r["path"]).name for r in lines(out) if r.get("copies")} >= {
        "copy_a.txt",
        "copy_b.txt",
    }


def test_copy_across_years_and_scripts(tmp_path: Path, lines: Lines) -> None:
    """Last year's problems reused this year, and a Traditional-script copy, are both caught."""
    from tests.batch.reportgen import copied_pair

    a, _ = copied_pair(seed=11)
    folder = tmp_path / "years"
    folder.mkdir()
    (folder / "2024.txt").write_text(
        a.replace("2025", "2024").replace("2026", "2025"), encoding="utf-8"
    )
    (folder / "2025.txt").write_text(a, encoding="utf-8")
    (folder / "other.txt").write_text(make_report(77), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    batch(str(folder), "-o", str(out))
    flagged = {Path(r["path"]).name: r.get("copies", []) for r in lines(out)}
    assert {c["part"] for c in flagged["2024.txt"]} == {"problems", "next_year_plan"}
    assert flagged["other.txt"] == []


def test_report_command_formats(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    capsys.readouterr()
    assert main(["report", str(out), "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert "## 需退回修改的单位" in md and "no_problems.txt" in md and "照搬照抄" in md
    assert main(["report", str(out), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("\ufeff文件,单位,年度,落款日期,公开日期,报告类型,发布单位,结论,得分")
    assert len(rows) == 1 + len(list(reports.iterdir()))
    assert any("存在不足：copy_b.txt（" in r for r in rows)  # the part and file, as read
    assert main(["report", str(out), "--format", "terminal"]) == 0
    assert "需退回修改的单位" in capsys.readouterr().out
    assert main(["report", str(tmp_path / "nope.jsonl")]) == 2


def test_html_pages(reports: Path, tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    out, pages = tmp_path / "results.jsonl", tmp_path / "html"
    batch(str(reports), "-o", str(out), "--html", str(pages))
    names = {p.name for p in pages.iterdir()}
    assert "index.html" in names and "copy_a.html" in names
    assert "copy_b" in (pages / "copy_a.html").read_text(encoding="utf-8")
    # pages written inside the input folder are not graded as reports on the next run
    inside = reports / "pages"
    batch(str(reports), "-o", str(out), "--html", str(inside))
    batch(str(reports), "-o", str(out), "--html", str(inside))
    assert (inside / "index.html").exists()
    assert not any("/pages/" in line for line in out.read_text(encoding="utf-8").splitlines())
    assert main(["report", str(out), "--format", "html", "-o", str(tmp_path / "b.html")]) == 0
    assert "unit0" in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_results_file_in_unwritable_place_is_one_line_error(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert batch(str(reports), "-o", str(locked / "r.jsonl")) == 2
    finally:
        locked.chmod(0o700)
        shutil.rmtree(locked)
    assert "无法写入" in capsys.readouterr().err


def test_second_batch_on_the_same_results_file_is_refused(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fzcheck.batch.store import exclusive

    out = tmp_path / "results.jsonl"
    with exclusive(out):
        assert batch(str(reports), "-o", str(out)) == 2
    assert "另一个 fzcheck batch 正在写入" in capsys.readouterr().err
    assert batch(str(reports), "-o", str(out)) == 1  # the lock went with its holder


def test_a_bug_on_one_report_is_its_error_line(
    reports: Path, tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fzcheck.pipeline

    real = fzcheck.pipeline.analyse

    def flaky(doc, rubric):  # type: ignore[no-untyped-def]
        if doc.source.endswith("unit3.txt"):
            raise ZeroDivisionError("boom")
        return real(doc, rubric)

    monkeypatch.setattr(fzcheck.pipeline, "analyse", flaky)
    out = tmp_path / "results.jsonl"
    assert batch(str(reports), "-o", str(out)) == 1
    got = {Path(r["path"]).name: r for r in lines(out)}
    assert len(got) == len(list(reports.iterdir()))
    assert got["unit3.txt"]["error"]["kind"] == "internal"
    assert got["unit4.txt"]["verdict"] == "complete"


def test_batch_usage_errors_say_the_fix_in_chinese_unless_lang_en(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    missing = tmp_path / "no" / "r.jsonl"
    for args, chinese, english in (
        (["--jobs", "0"], "--jobs 至少为1", "--jobs must be at least 1"),
        (
            ["--export-requests", str(tmp_path / "requests")],
            "--export-requests 和 --import-results 需要 --llm",
            "--export-requests and --import-results need --llm",
        ),
        (
            ["-o", str(missing)],
            f"无法写入 {missing}：文件夹 {missing.parent} 不存在",
            f"cannot write {missing}: the folder {missing.parent} does not exist",
        ),
    ):
        assert batch(str(reports), "-o", str(out), *args) == 2
        assert capsys.readouterr().err.strip() == f"fzcheck: {chinese}"
        assert batch(str(reports), "-o", str(out), *args, "--lang", "en") == 2
        assert capsys.readouterr().err.strip() == f"fzcheck: {english}"
    assert batch("-", "-o", str(out)) == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith("fzcheck: batch 只读文件，不读标准输入：请给出文件、目录或通配符")
    )
    assert not (tmp_path / "no").exists() and not (tmp_path / "requests").exists()


def test_report_on_a_file_that_is_not_results_says_so_in_either_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["report", str(empty)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"fzcheck: {empty} 中没有评查结果：请用 fzcheck batch -o 生成"
    )
    assert main(["report", str(empty), "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"fzcheck: {empty} holds no results; write them with fzcheck batch -o"
    )
    gone = tmp_path / "gone.jsonl"
    assert main(["report", str(gone)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"fzcheck: {gone}：找不到结果文件（用 fzcheck batch -o 生成）"
    )
    assert main(["--lang", "en", "report", str(gone)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"fzcheck: {gone}: no such results file (write one with fzcheck batch -o)"
    )


def test_results_file_in_a_missing_folder_is_refused_not_created(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "r.jsonl"
    assert batch(str(reports), "-o", str(target)) == 2
    assert not (tmp_path / "no").exists()
    assert "文件夹" in capsys.readouterr().err


def test_report_refuses_a_file_that_is_not_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "notes.md"
    readme.write_text("# notes\n", encoding="utf-8")
    array = tmp_path / "out.json"
    array.write_text('[{"path": "a"}]\n', encoding="utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    for path, words in (
        (readme, "不是批量评查结果文件（第1行"),
        (array, "不是评查结果文件（第1项"),
        (empty, "中没有评查结果"),
    ):
        assert main(["report", str(path)]) == 2
        assert words in capsys.readouterr().err


def test_report_reads_what_check_f_json_wrote_as_it_reads_a_batchs_lines(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a reviewer who ran `check -f json -o 结果.json` gets the same cohort view from it
    array, lines = tmp_path / "结果.json", tmp_path / "results.jsonl"
    main(["check", str(reports), "-f", "json", "-o", str(array)])
    main(["check", str(reports), "-f", "jsonl", "-o", str(lines)])
    capsys.readouterr()
    views = []
    for path in (array, lines):
        assert main(["report", str(path), "-f", "json"]) == 0
        views.append(json.loads(capsys.readouterr().out))
    assert views[0]["reports"] == len(list(reports.iterdir())) and views[0] == views[1]


def test_a_result_line_with_copies_null_is_read_as_none(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "copies": null is a line with no copy partners (the contract allows it): report and its
    sheets raised TypeError iterating it."""
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    text = out.read_text(encoding="utf-8")
    out.write_text(text.replace('"schema_version":1,', '"schema_version":1,"copies":null,'))
    capsys.readouterr()
    assert main(["report", str(out), "-f", "json"]) == 0
    assert main(["report", str(out), "-o", str(tmp_path / "r.xlsx")]) == 0


@pytest.mark.parametrize(
    "edit",
    [
        ('"score":', '"score":NaN,"was":'),
        ('"score":', '"score":-1e308,"was":'),  # the histogram's bin index overflowed
        ('"path":', '"path":null,"was":'),
        ('"score":', '"score":"abc","was":'),
        ('"document":', '"document":"oops","was":'),
        ('"schema_version":1', '"schema_version":99'),
    ],
)
@pytest.mark.parametrize("command", ["report", "letter"])
def test_a_hand_edited_result_line_is_a_clear_error_not_a_traceback(
    reports: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edit: tuple[str, str],
    command: str,
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    first, rest = out.read_text(encoding="utf-8").split("\n", 1)
    assert edit[0] in first
    out.write_text(first.replace(edit[0], edit[1], 1) + "\n" + rest, encoding="utf-8")
    capsys.readouterr()
    args = [command, str(out)] + (["-o", str(tmp_path / "letters")] if command == "letter" else [])
    assert main(args) == 2
    assert "第1行不是评查结果" in capsys.readouterr().err


@pytest.mark.parametrize(
    "copy",
    [
        {"part": "problems", "other": "x", "similarity": None},
        {"part": [], "other": "x", "similarity": 0.9},
    ],
)
@pytest.mark.parametrize("command", ["report", "letter"])
def test_a_hand_edited_copy_partner_is_a_clear_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], copy: dict[str, object], command: str
) -> None:
    """A copy partner's similarity or part edited away: every report view stopped with a
    traceback (a None compared, formatted; helper-198's)."""
    out = tmp_path / "results.jsonl"
    batch(str(SAMPLE), "-o", str(out))
    line = json.loads(out.read_text(encoding="utf-8"))
    out.write_text(json.dumps({**line, "copies": [copy]}, ensure_ascii=False) + "\n")
    capsys.readouterr()
    args = [command, str(out)] + (["-o", str(tmp_path / "letters")] if command == "letter" else [])
    assert main(args) == 2
    assert "第1行不是评查结果" in capsys.readouterr().err


def test_an_edited_rubric_grades_again_even_with_the_same_version(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    edited = tmp_path / "fazhi-annual.yaml"
    edited.write_text(
        (ROOT / "rubrics" / "fazhi-annual.yaml")
        .read_text(encoding="utf-8")
        .replace("embedded_credit: 0.5", "embedded_credit: 0.25"),
        encoding="utf-8",
    )
    capsys.readouterr()
    batch(str(reports), "-o", str(out), "--rubric", str(edited))
    assert "此前已完成0份" in capsys.readouterr().err


def test_unwritable_html_folder_fails_before_grading(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert batch(str(reports), "-o", str(out), "--html", str(blocker / "pages")) == 2
    assert "无法把页面写入" in capsys.readouterr().err
    assert not out.exists() or out.read_text(encoding="utf-8") == ""


def test_signatures_are_datasketchs_own_minhash() -> None:
    """copies._minhash hashes values itself and reuses one set of permutations: the signature
    must stay what datasketch's default MinHash gives (sidecars from older runs are compared
    with new ones)."""
    import random

    from datasketch import MinHash

    from fzcheck.batch import copies

    rng = random.Random(3)
    for n in (1, 7, 400):
        values = [rng.randbytes(rng.randint(1, 16)) for _ in range(n)]
        want = MinHash(num_perm=copies.NUM_PERM, scheme="affine32")
        want.update_batch(values)
        assert copies._minhash(values).hashvalues.tolist() == want.hashvalues.tolist()


def test_a_template_hundreds_of_units_filled_in_is_one_group_found_in_linear_work(
    tmp_path: Path, lines: Lines
) -> None:
    """300 reports with the same problems and plan (a template filled in, only the unit's name
    changed): every one is flagged, each names at most MAX_FLAGS others per part (not 299),
    and the cohort shows one group of all 300 — from links that grow with the reports, not
    with their pairs (5,000 such reports never finished)."""
    from fzcheck.batch.copies import MAX_FLAGS, apply_copies
    from fzcheck.cohort.stats import copy_clusters

    folder = tmp_path / "template"
    folder.mkdir()
    template = make_report(5)
    title = template.splitlines()[0]
    for n in range(300):  # one report, 300 units' names (files alike are one report twice)
        text = template.replace(title, f"第{n}单位{title}", 1)
        (folder / f"u{n:03d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "results.jsonl"
    batch(str(folder), "--summary", "none", "-o", str(out))
    got = lines(out)
    assert all(r.get("copies") for r in got)
    per_part = Counter((r["path"], c["part"]) for r in got for c in r["copies"])
    assert max(per_part.values()) <= MAX_FLAGS
    pairs = apply_copies(out)
    assert len(pairs) < 300 * 2 * len({c["part"] for r in got for c in r["copies"]})
    flat = [
        {"part": c["part"], "a": r["path"], "b": c["other"], "similarity": c["similarity"]}
        for r in got
        for c in r["copies"]
    ]
    groups = copy_clusters(flat, {})
    assert {len(g["reports"]) for g in groups} == {300}


def test_a_batchs_progress_and_failures_are_in_the_reviewers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chinese by default: the failure of an empty file is its Chinese sentence, and the status
    lines too; --lang en (FZCHECK_LANG=en) gives the English ones."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_report(1), encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    for lang, words in (
        ("zh", ["批量评查：待评2份", "文件是空的"]),
        ("en", ["batch: 2 to do", "empty"]),
    ):
        out = tmp_path / f"{lang}.jsonl"
        monkeypatch.setenv("FZCHECK_LANG", lang)
        done = subprocess.run(
            batch_command(folder, out), capture_output=True, text=True, timeout=300, check=False
        )
        assert all(w in done.stderr for w in words), done.stderr


def test_report_refuses_to_write_over_its_results_file(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    before = out.read_bytes()
    capsys.readouterr()
    for fmt in ("json", "csv", "xlsx"):
        assert main(["report", str(out), "-f", fmt, "-o", str(out)]) == 2
        assert "也是本次读取的文件" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_another_batchs_results_are_not_written_over(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """report -o, or check -o (but -f jsonl, results for results), naming another batch's results
    file — its sidecar beside it, or copied without one — is refused: the summary or one
    report's JSON had replaced a season's results (helper-202's 12)."""
    live = tmp_path / "live.jsonl"
    batch(str(reports), "-o", str(live))
    copied = tmp_path / "copied.jsonl"
    shutil.copyfile(live, copied)
    other = tmp_path / "other.jsonl"
    batch(str(reports), "-o", str(other))
    capsys.readouterr()
    kept = {p: p.read_bytes() for p in (live, copied)}
    one = str(next(reports.iterdir()))
    for target in kept:
        assert main(["report", str(other), "-f", "json", "-o", str(target)]) == 2
        assert "评查结果文件" in capsys.readouterr().err
        assert main(["check", one, "-f", "json", "-o", str(target)]) == 2
        assert "评查结果文件" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in kept} == kept
    assert main(["check", one, "-f", "jsonl", "-o", str(copied)]) in (0, 1)
    assert copied.read_bytes() != kept[copied]
    summary = tmp_path / "summary.json"  # a report's own earlier output: written anew
    for _ in range(2):
        assert main(["report", str(other), "-f", "json", "-o", str(summary)]) == 0


def test_report_on_a_bad_results_file_leaves_its_output_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text("not results\n", encoding="utf-8")
    earlier = tmp_path / "units.csv"
    earlier.write_text("an earlier export\n", encoding="utf-8")
    assert main(["report", str(notes), "-o", str(earlier)]) == 2
    assert earlier.read_text(encoding="utf-8") == "an earlier export\n"  # read before opened
    capsys.readouterr()


def _gbk_resaved(results: Path) -> bytes:
    return results.read_text(encoding="utf-8").encode("gb18030")


@pytest.mark.parametrize("kind", ["workbook", "report", "gbk_results"])
def test_batch_refuses_an_output_that_is_not_a_results_file(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """A file at -o with no result line is someone's data: store.repair would cut it to nothing
    as a torn tail. It is refused, byte for byte as it was, before anything is graded."""
    graded = tmp_path / "graded.jsonl"
    batch(str(reports), "-o", str(graded))
    foreign = tmp_path / "结果.jsonl"  # named as results are: told by what it holds
    foreign.write_bytes(
        {
            "workbook": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\n\x00\x00\xff\xfe binary\n\x01",
            "report": make_report(1).encode("utf-8"),
            "gbk_results": _gbk_resaved(graded),
        }[kind]
    )
    before = foreign.read_bytes()
    capsys.readouterr()
    assert batch(str(reports), "-o", str(foreign)) == 2
    err = capsys.readouterr().err
    assert "第1行不是评查结果" in err and len(err.strip().splitlines()) == 1
    assert foreign.read_bytes() == before
    assert not Path(f"{foreign}.minhash").exists()


@pytest.mark.parametrize("named", ["pages/", "existing"])
def test_batch_refuses_a_folder_for_its_results(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], named: str
) -> None:
    """batch -o pages/ (as check -o pages/ writes pages) wrote a results file named pages, and
    said → pages/: refused, with --html named for the pages."""
    out = tmp_path / "pages"
    if named == "existing":
        out.mkdir()
    target = f"{out}/" if named == "pages/" else str(out)
    assert batch(str(reports), "-o", target) == 2
    err = capsys.readouterr().err
    assert "不能是文件夹" in err and "--html" in err
    assert not out.is_file() and not Path(f"{out}.lock").exists()


def test_a_first_line_torn_by_a_kill_is_still_repaired(
    reports: Path, tmp_path: Path, lines: Lines
) -> None:
    """The one file with no result line that is ours: a first run killed in its first write."""
    out = tmp_path / "results.jsonl"
    out.write_bytes(b'{"schema_version":1,"path":"/x/unit0.t')
    assert batch(str(reports), "-o", str(out)) == 1  # the empty file fails, as always
    assert len(lines(out)) == len(list(reports.iterdir()))


def test_blank_lines_an_editor_added_do_not_stop_a_resume(
    reports: Path, tmp_path: Path, lines: Lines
) -> None:
    """A results file opened and saved with a blank line at its end (or between lines) is
    still ours: the batch resumes, nothing redone, nothing refused."""
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    before = lines(out)
    with out.open("a", encoding="utf-8") as f:
        f.write("\n  \n")
    assert batch(str(reports), "-o", str(out)) == 1  # the empty file fails, as always
    assert lines(out) == before


def test_a_renamed_report_is_one_report_in_the_summary(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file renamed and checked again: its old line moves to results.stale.jsonl (see
    test_batch_stale.py); the summary counts the report once, under the name that is there."""
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    first = next(p for p in sorted(reports.iterdir()) if p.stat().st_size)
    first.rename(first.with_name("改名-" + first.name))
    batch(str(reports), "-o", str(out))
    capsys.readouterr()
    assert main(["report", str(out), "-f", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["reports"] == len(list(reports.iterdir()))


def test_the_closing_line_of_a_batch_is_in_the_runs_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """批量评查：共…份 by default; --lang en says it in English, the failures' header too."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    main(["batch", str(folder), "-o", str(tmp_path / "zh.jsonl"), "--summary", "none"])
    err = capsys.readouterr().err
    assert "批量评查：共2份" in err and "失败（文件改好后再运行即重评；" in err
    main(
        [
            "--lang",
            "en",
            "batch",
            str(folder),
            "-o",
            str(tmp_path / "en.jsonl"),
            "--summary",
            "none",
        ]
    )
    err = capsys.readouterr().err
    assert "batch: 2 inputs" in err and "failed (a file fixed is graded again" in err
    assert "批量评查" not in err


def test_the_cohort_says_an_optional_part_not_written_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """其他 is optional: its count in the 缺失 column is said as not written (未写（选报）), in the
    terminal and in Markdown; a required part's count is the count alone."""
    results = tmp_path / "r.jsonl"
    batch(str(SAMPLE), str(FIXTURES / "trap_no_problems.txt"), "-o", str(results))
    capsys.readouterr()
    for fmt in ("terminal", "markdown"):
        assert main(["report", str(results), "-f", fmt]) == 0
        out = capsys.readouterr().out
        other = next(line for line in out.splitlines() if "其他" in line)
        problems = next(line for line in out.splitlines() if "存在不足" in line)
        assert "未写（选报）" in other and "未写" not in problems, out


def test_the_progress_bar_is_in_the_reviewers_words(capsys: pytest.CaptureFixture[str]) -> None:
    """The bar read 0.5/s ETA 0:00:19 among its Chinese: 每秒0.5份 预计还需 0:00:19."""
    from fzcheck.batch.progress import BarProgress

    with BarProgress(3, 0, auto_refresh=False) as bar:
        bar.advance("a.txt")
        bar.advance("b.txt")
    err = capsys.readouterr().err
    assert "每秒" in err and "预计还需" in err
    assert "ETA" not in err and "/s" not in err
