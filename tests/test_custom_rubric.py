"""A made-up report type (tests/fixtures/rubrics/safety-annual.yaml: its own part ids, labels,
roles, checks, genre and detection cues) is served end to end with no change to any module:
check in every format, batch, report, copy detection and the LLM request and answer."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from fzcheck.cli import main
from fzcheck.rubric import load_rubric
from tests.helpers import FIXTURES

RUBRIC = FIXTURES / "rubrics" / "safety-annual.yaml"
EAST, WEST = FIXTURES / "safety" / "east-town.txt", FIXTURES / "safety" / "west-town.txt"
PARTS = ["work_done", "hazards", "chief_duty", "plans", "notes"]
LABELS = ["主要工作", "隐患短板", "负责人职责", "下步工作", "其他"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_json_names_the_rubrics_parts_and_grades_with_its_weights(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(capsys, "check", "--rubric", str(RUBRIC), "-f", "json", str(EAST), str(WEST))
    east, west = json.loads(out)
    assert code == 1
    assert [p["id"] for p in east["parts"]] == PARTS
    assert [p["label"] for p in east["parts"]] == [
        "主要工作",
        "隐患短板",
        "负责人职责",
        "下步工作",
        "其他",
    ]
    assert east["rubric"] == {
        "id": "safety-annual",
        "version": "0.1",
        "digest": load_rubric(str(RUBRIC)).digest,  # the content that graded it
        "selected_by": "flag",
        "reason": None,
    }
    status = {p["id"]: p["status"] for p in west["parts"]}
    assert status == {
        "work_done": "present",
        "hazards": "embedded",
        "chief_duty": "missing",
        "plans": "present",
        "notes": "missing",
    }
    assert west["verdict"] == "incomplete"
    # weights 40/30/10/20, embedded credit 0.4, its own check penalties (8 for hazard_causes)
    assert west["score"] == pytest.approx(40 + 30 * 0.4 - 8 * 0.4 + 20, abs=0.1)
    failed = [c["id"] for p in west["parts"] for c in p["checks"] if not c["passed"]]
    assert failed == ["hazard_causes"]
    assert east["document"]["plan_year"] == 2026  # the part with plan: true
    genre = east["checks"][0]
    assert genre["passed"] and genre["message"].startswith("是安全生产工作年度报告：")
    assert "标题有“安全生产”和“报告”" in genre["message"]


def test_terminal_csv_markdown_and_html_use_its_labels(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, terminal = run(capsys, "check", "--rubric", str(RUBRIC), str(WEST))
    assert "负责人职责" in terminal and "法治" not in terminal
    assert "chief_duty" not in terminal  # the part's id is for JSON and `review --part`
    _, table = run(capsys, "check", "--rubric", str(RUBRIC), "-f", "csv", str(EAST), str(WEST))
    rows = list(csv.DictReader(io.StringIO(table.removeprefix("\ufeff"))))
    # its labels head the columns, the optional part's marked so (render.part_title)
    headings = [*LABELS[:-1], f"{LABELS[-1]}（选报）"]
    assert set(headings) <= set(rows[0]) and rows[1]["负责人职责"] == "缺失"
    assert "举措成效" not in rows[0]
    _, md = run(capsys, "check", "--rubric", str(RUBRIC), "-f", "markdown", str(WEST))
    assert "| 负责人职责 |" in md and "说明隐患的原因" in md  # the check's rubric description
    page = tmp_path / "west.html"
    run(capsys, "check", "--rubric", str(RUBRIC), "-f", "html", "-o", str(page), str(WEST))
    html = page.read_text(encoding="utf-8")
    assert "主要负责人安全生产第一责任人职责履行情况" in html  # the part's name from the rubric
    assert "存在的安全隐患、薄弱环节及其原因" in html  # its legal text
    assert "示安办〔2025〕1号" in html and "法治" not in html


def test_batch_report_and_copy_detection(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for src in (EAST, WEST):
        (folder / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    results = tmp_path / "results.jsonl"
    code = main(
        [
            "batch",
            "--rubric",
            str(RUBRIC),
            str(folder),
            "-o",
            str(results),
            "--summary",
            "none",
            "--html",
            str(tmp_path / "pages"),
        ]
    )
    capsys.readouterr()
    assert code == 0
    lines = [json.loads(x) for x in results.read_text(encoding="utf-8").splitlines()]
    assert [line["rubric"]["id"] for line in lines] == ["safety-annual"] * 2
    # the two towns' next-year plans are word for word the same: a copy-checked part
    copies = {line["path"].rsplit("/", 1)[-1]: line.get("copies") for line in lines}
    assert copies["east-town.txt"][0]["part"] == "plans"
    assert copies["west-town.txt"][0]["other"].endswith("east-town.txt")
    batch_page = (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    assert "安全生产工作年度报告检查结果" in batch_page and "负责人职责" in batch_page
    _, md = run(capsys, "report", str(results), "-f", "markdown")
    assert "| 负责人职责 |" in md and "“下步工作”相互雷同" in md
    _, stats = run(capsys, "report", str(results), "-f", "json")
    parts = {p["part"]: p for p in json.loads(stats)["parts"]}
    assert list(parts) == PARTS and parts["chief_duty"]["missing"] == 1


def test_the_llm_request_and_answer_come_from_the_rubric() -> None:
    pytest.importorskip("instructor")
    from fzcheck.llm.api import build_request, review
    from fzcheck.llm.config import resolve_settings
    from fzcheck.pipeline import check_source
    from fzcheck.rubric import Catalog
    from tests.llm.fakes import ScriptedClient

    graded = check_source(str(WEST), Catalog.load(str(RUBRIC)))
    assert graded.analysis is not None
    settings = resolve_settings(
        base_url="http://127.0.0.1:8765/v1", model="m", mode="tools", max_retries=0
    )
    request = build_request(graded.analysis, settings)
    system = request["messages"][0]["content"]
    assert "安全生产工作年度报告的审阅助手" in system and "示安办〔2025〕1号" in system
    assert "法治" not in system  # the parts' legal texts are the schema's field descriptions
    schema = request["tools"][0]["function"]["parameters"]
    assert set(schema["properties"]) == {
        *PARTS,
        "work_done_items",
        "hazards_items",
        "chief_duty_items",
        "plans_items",
        "flags",
        "summary",
    }
    assert (
        schema["properties"]["chief_duty"]["description"]
        == "（三）主要负责人履行安全生产第一责任人职责的情况"
    )
    missing = {"status": "missing", "sections": []}
    answer: dict[str, Any] = {p: dict(missing) for p in PARTS}
    answer.update(
        {
            "chief_duty": {"status": "embedded", "sections": []},
            "work_done_items": [],
            "hazards_items": [],
            "plans_items": [],
            "chief_duty_items": [
                {
                    "action": "主持专题会议",
                    "by_principal_leader": True,
                    "quote": "镇党委书记亲自主持召开安全生产专题会议4次",
                }
            ],
            "flags": [],
            "summary": "缺负责人履职专节。",
        }
    )
    verdict = review(graded.analysis, settings, client=ScriptedClient(answer))
    graded.apply_llm(verdict.info, verdict.upgrades)
    chief = next(p for p in graded.result.parts if p.id == "chief_duty")
    assert chief.status == "embedded" and chief.line == 5
    assert graded.result.verdict == "complete"
    assert verdict.info.parts[2]["kind"] == "actions"


def test_an_edited_copy_of_the_bundled_rubric_is_reviewed_with_itself_or_said_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A copy of rubrics/fazhi-annual.yaml edited (a label, the weights) but keeping its id and
    version: a decision on its results is scored with its weights when it is given, and without
    it the views say the rubric that graded them is not at hand — they had used the bundled
    one's weights and labels in silence (85 where the reviewer's rubric gives 75)."""
    from tests.helpers import ROOT, SAMPLE

    text = (ROOT / "rubrics" / "fazhi-annual.yaml").read_text(encoding="utf-8")
    edited = text.replace("label: 举措成效", "label: 工作成效", 1)
    edited = edited.replace("    weight: 30\n", "    weight: 50\n", 1)
    edited = edited.replace("    weight: 25\n", "    weight: 5\n", 1)  # the problems'
    assert edited.count("weight: 50") == 1 and edited.count("    weight: 5\n") == 1
    theirs = tmp_path / "their.yaml"
    theirs.write_text(edited, encoding="utf-8")
    results = tmp_path / "results.jsonl"
    main(["check", "--rubric", str(theirs), "-o", str(results), "-f", "jsonl", str(SAMPLE)])
    args = ["--report", "sample-report", "--part", "achievements", "--set", "embedded"]
    assert main(["review", str(results), *args, "--rubric", str(theirs)]) == 0
    capsys.readouterr()

    code, out = run(capsys, "review", str(results), "--rubric", str(theirs))
    assert code == 0 and "工作成效" in out and "人工结论：要素齐全 75" in out

    code = main(["review", str(results)])
    out, err = capsys.readouterr()
    assert code == 0 and "85" not in out and "75" not in out, out
    said = [line for line in err.splitlines() if "fazhi-annual" in line]
    assert len(said) == 1 and "内容不同的另一份评查规则" in said[0] and "--rubric" in said[0]
    main(["report", str(results), "-f", "csv"])
    table, err = capsys.readouterr()
    row = next(csv.DictReader(io.StringIO(table.removeprefix("\ufeff"))))
    assert row["人工得分"] == "" and row["人工复核"] == ""  # not the bundled weights' 85
    assert "内容不同的另一份评查规则 fazhi-annual" in err
