"""Cohort statistics from result lines: shares, ranking, send-back list, tokens and cost."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from fzcheck.cohort.stats import gather, price_table
from fzcheck.errors import ConfigError


def line(
    path: str,
    verdict: str,
    statuses: dict[str, str],
    failed: tuple[str, ...] = (),
    score: float = 80,
    llm: dict[str, Any] | None = None,
    rubric: str = "fazhi-annual",
) -> dict[str, Any]:
    parts = [
        {
            "id": pid,
            "required": pid != "other",
            "status": st,
            "checks": [
                {"id": c.split(".")[1], "passed": False, "message": f"{c} failed"}
                for c in failed
                if c.startswith(pid + ".")
            ],
        }
        for pid, st in statuses.items()
    ]
    return {
        "path": path,
        "verdict": verdict,
        "score": score,
        "parts": parts,
        "checks": [],
        "document": {"issuer": path.upper()},
        "llm": llm,
        "rubric": {"id": rubric},
    }


FULL = {
    "achievements": "present",
    "problems": "present",
    "leader_duties": "present",
    "next_year_plan": "present",
    "other": "missing",
}


def usage(model: str, prompt: int, completion: int, error: str | None = None) -> dict[str, Any]:
    return {
        "model": model,
        "error": error,
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
            "calls": 1,
        },
    }


def test_shares_ranking_send_back_and_cost(batch_env: Path) -> None:
    batch_env.write_text('[batch.prices."m"]\ninput = 2.0\noutput = 10.0\n', encoding="utf-8")
    lines = [
        line("a", "complete", FULL, score=100, llm=usage("m", 1_000_000, 100_000)),
        line(
            "b",
            "incomplete",
            {**FULL, "problems": "missing", "leader_duties": "embedded"},
            failed=("leader_duties.principal_own_actions",),
            score=55,
            llm=usage("m", 500_000, 0, error="timed out"),
        ),
        line(
            "c",
            "incomplete",
            {**FULL, "problems": "missing"},
            failed=("leader_duties.principal_own_actions", "next_year_plan.names_next_year"),
            score=62,
        ),
        {
            "path": "d",
            "verdict": "error",
            "error": {"kind": "empty", "message": "no text"},
            "parts": [],
            "checks": [],
            "score": 0,
            "llm": None,
        },
    ]
    stats = gather(lines).to_json(price_table())
    assert stats["verdicts"] == {"complete": 1, "incomplete": 2, "not_a_report": 0, "error": 1}
    problems = next(p for p in stats["parts"] if p["part"] == "problems")
    assert (problems["missing"], problems["missing_share"]) == (2, round(2 / 3, 4))
    leader = next(p for p in stats["parts"] if p["part"] == "leader_duties")
    assert leader["embedded"] == 1
    assert [c["check"] for c in stats["failed_checks"]] == [
        "leader_duties.principal_own_actions",
        "next_year_plan.names_next_year",
    ]
    assert [(u["path"], u["missing"]) for u in stats["send_back"]] == [
        ("b", ["problems"]),
        ("c", ["problems"]),
    ]
    assert [(f["path"], f["stage"]) for f in stats["failures"]] == [("b", "llm"), ("d", "read")]
    assert stats["scores"]["median"] == 62 and stats["scores"]["min"] == 55
    assert stats["llm"]["total_tokens"] == 1_600_000
    assert stats["llm"]["estimated_cost"] == pytest.approx(1.5 * 2.0 + 0.1 * 10.0)


def test_cost_is_unknown_without_a_price(batch_env: Path) -> None:
    stats = gather([line("a", "complete", FULL, llm=usage("other", 10, 10))]).to_json(price_table())
    assert stats["llm"]["estimated_cost"] is None
    assert stats["llm"]["unpriced_models"] == ["other"]
    batch_env.write_text('[batch.prices."m"]\ninput = "cheap"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        price_table()


def copied(r: dict[str, Any], part: str, other: str, similarity: float = 0.9) -> dict[str, Any]:
    """``r`` listing ``other`` among the reports its ``part`` was copied with."""
    return {
        **r,
        "copies": [*r.get("copies", []), {"part": part, "other": other, "similarity": similarity}],
    }


def test_a_copy_pair_listed_only_by_the_later_path_is_kept_once() -> None:
    """Each report lists only its closest matches, so a pair can be on either side's list:
    "a" lists nothing (its list was full), "c" lists "a"; "b" and "c" list each other."""
    lines = [
        line("a", "complete", FULL),
        copied(line("b", "complete", FULL), "problems", "c"),
        copied(copied(line("c", "complete", FULL), "problems", "a"), "problems", "b"),
    ]
    stats = gather(lines).to_json()
    assert [(c["a"], c["b"]) for c in stats["copies"]] == [("a", "c"), ("b", "c")]
    assert [c["reports"] for c in stats["copy_clusters"]] == [["a", "b", "c"]]


GIP = {
    "overview": "present",
    "proactive": "present",
    "requests": "present",
    "appeals": "present",
    "improvements": "present",
    "other": "missing",
}


def test_shares_in_a_mixed_batch_are_over_the_reports_of_that_type() -> None:
    """Three 法治 reports and one 政府信息公开 report: the GIP report's missing part and failed
    check are 100% of GIP reports, not a quarter of the batch; a part both types have
    (other) is over all four."""
    gip = line("g", "incomplete", {**GIP, "overview": "missing"}, rubric="gip-annual")
    gip["checks"] = [{"id": "current_form", "passed": False, "message": "old form"}]
    fazhi = [
        line(n, "complete", FULL, failed=("problems.gives_causes",) if n == "a" else ())
        for n in ("a", "b", "c")
    ]
    for f in fazhi[1:]:  # run on b and c too, and passed
        problems = next(p for p in f["parts"] if p["id"] == "problems")
        problems["checks"].append({"id": "gives_causes", "passed": True, "message": "ok"})
    stats = gather([*fazhi, gip]).to_json()
    parts = {p["part"]: p for p in stats["parts"]}
    checks = {c["check"]: c for c in stats["failed_checks"]}
    assert parts["overview"]["missing_share"] == 1.0
    assert checks["document.current_form"]["share"] == 1.0
    assert checks["problems.gives_causes"]["share"] == round(1 / 3, 4)
    assert parts["other"]["missing_share"] == 1.0
    assert [parts[p]["reports"] for p in ("overview", "other")] == [1, 4]  # the bases, shown


def test_a_checks_share_is_over_the_reports_it_was_run_on() -> None:
    """A check run on two reports of four (a government's 工作考核 check, a signing date's) and
    failed by both: 100%, where 50% of the batch hid that every report it applies to fails."""
    lines = [line(n, "complete", FULL) for n in ("a", "b", "c", "d")]
    for n, passed in ((0, False), (1, False)):
        lines[n]["checks"] = [{"id": "signed_after_year_end", "passed": passed, "message": ""}]
    lines[2]["checks"] = []
    stats = gather(lines).to_json()
    (check,) = stats["failed_checks"]
    assert (check["count"], check["reports"], check["share"]) == (2, 2, 1.0)
    # and the views say over how many: 100% of 4 reports is not what a reviewer may read
    import io

    from fzcheck.cohort.views import render_markdown

    out = io.StringIO()
    render_markdown(stats, out)
    assert "| 2 | 100%（共2份） |" in out.getvalue()


def test_the_units_csv_names_each_reports_type_and_writes_scores_as_the_views_do() -> None:
    """A batch mixing 法治 and GIP reports: the CSV had no column telling a row's type, and
    wrote 98.0 where every other view writes 98 (87.5 stays)."""
    import io

    from fzcheck.cohort.views import UnitsCsv
    from fzcheck.rubric import Catalog

    out = io.StringIO()
    units = UnitsCsv(out, rubrics=Catalog.load())
    units.add(line("a.txt", "complete", FULL, score=98.0))
    units.add(line("g.txt", "complete", GIP, score=87.5, rubric="gip-annual"))
    rows = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    kind, score = rows[0].index("报告类型"), rows[0].index("得分")
    assert [(r[kind], r[score]) for r in rows[1:]] == [
        ("法治政府建设年度报告", "98"),
        ("政府信息公开工作年度报告", "87.5"),
    ]


def test_a_file_under_several_names_is_counted_once_as_reviewed_on_either() -> None:
    """A folder copied into the batch (A/甲.txt = B/甲.txt, byte for byte): one report in every
    count and share, the copy the reviewer decided on standing for both (as the letters take
    it), the other name listed as 重复报送 and counted as a file set aside."""

    def read(path: str, sha: str, verdict: str, statuses: dict[str, str]) -> dict[str, Any]:
        return {**line(path, verdict, statuses), "sha256": sha, "ok": True}

    short = {**FULL, "problems": "missing"}
    machine = read("A/甲.txt", "s1", "incomplete", short)
    reviewed = read("B/甲.txt", "s1", "incomplete", short)
    reviewed["review"] = {"verdict": "complete", "score": 90, "parts": {"problems": "embedded"}}
    other = read("A/乙.txt", "s2", "incomplete", short)
    stats = gather([machine, other, reviewed]).to_json()
    assert (stats["reports"], stats["same_files"], stats["graded"]) == (2, 1, 2)
    assert stats["verdicts"]["complete"] == 1 and stats["verdicts"]["incomplete"] == 1
    assert stats["reviewed"] == 1 and [u["path"] for u in stats["send_back"]] == ["A/乙.txt"]
    problems = next(p for p in stats["parts"] if p["part"] == "problems")
    assert (problems["missing"], problems["embedded"]) == (1, 1)
    assert stats["duplicates"] == [["A/甲.txt", "B/甲.txt"]]
    assert gather([machine, other]).to_json()["same_files"] == 0
