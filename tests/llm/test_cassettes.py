"""The client layer and `fzcheck check --llm` against answers recorded from a real model server.

Replayed from cassettes/ (record mode none, network blocked). These tests assert invariants that
hold whatever the model answered — every quote marked verified really is in the report, nothing
unverified changed a status, the offline verdict stands unless verified evidence upgraded a part
— so a re-recording against another model must pass them too.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from fzcheck.cli import main
from fzcheck.llm.config import resolve_settings
from fzcheck.llm.verify import QuoteIndex
from tests.llm.helpers import enrich, offline


@pytest.fixture
def llm_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, llm_endpoint: dict[str, str]
) -> dict[str, str]:
    """The settings file every cassette was recorded with (a slow CPU server: long timeout)."""
    path = tmp_path / "config.toml"
    path.write_text(
        "[llm]\n"
        f'base_url = "{llm_endpoint["base_url"]}"\nmodel = "{llm_endpoint["model"]}"\n'
        f'mode = "{llm_endpoint["mode"]}"\n'
        "max_retries = 0\ntimeout = 900\ndeadline = 1800\nmax_tokens = 1200\nreasks = 1\n"
        "outer_attempts = 1\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FZCHECK_CONFIG", str(path))
    return llm_endpoint


def run_enrich(report: Path) -> tuple[Any, Any, Any]:
    graded = offline(report)
    before = copy.deepcopy(graded.result)
    result = enrich(graded, resolve_settings())
    return graded, before, result


def assert_evidence_honest(graded: Any, offline: Any, result: Any) -> None:
    from fzcheck.llm.summary import summary_problem
    from fzcheck.llm.verify import quote_problem

    doc = graded.doc
    index = QuoteIndex.from_analysis(graded.analysis)
    llm = result.llm
    quotes = [f for p in llm.parts for f in p["findings"]] + [
        f for f in llm.flags if f["by"] == "model"
    ]
    for q in quotes:
        assert q["verified"] == (quote_problem(index, q["quote"]) is None), q
        if q["verified"]:
            assert 1 <= q["line"] <= len(doc.lines)
        if q["match"] == "exact":  # pinned to the very characters
            assert index.normalise(doc.text[q["start"] : q["end"]]) == index.normalise(q["quote"])
    # the summary that stands never contradicts the final verdict
    final = {p.id: p.status for p in result.parts}
    assert (
        summary_problem(llm.summary, final, graded.analysis.rubric, index) is None
        or llm.summary_by == "code"
    )
    assert llm.unverified == sum(not q["verified"] for q in quotes)
    for before, after in zip(offline.parts, result.parts, strict=True):
        if after.status != before.status:  # only missing -> embedded, on a verified quote
            assert (before.status, after.status) == ("missing", "embedded")
            assert index.find(after.evidence[-1].quote) is not None
    # the model's "concrete" claims are re-checked against its own quotes
    from fzcheck.llm.merge import SPECIFIC

    vague = {f["quote"] for f in llm.flags if f["kind"] == "vague_plan" and f["by"] == "code"}
    plan = next(p for p in llm.parts if p["id"] == "next_year_plan")
    for f in plan["findings"]:
        if (
            f["verified"]
            and f["concrete"]
            and index.is_body_of(f["quote"], "next_year_plan")
            and not SPECIFIC.search(index.normalise(f["quote"]))
        ):
            assert f["quote"] in vague
    if result.verdict != offline.verdict:
        assert any(d["outcome"] == "upgraded" for d in llm.disagreements)


@pytest.mark.default_cassette("short-report.yaml")
@pytest.mark.vcr
def test_short_report_gets_summary_and_honest_findings(
    llm_config: dict[str, str], reports: Path
) -> None:
    graded, offline, result = run_enrich(reports / "short.txt")
    llm = result.llm
    assert llm.error is None
    assert llm.model == llm_config["model"] and llm.endpoint_host == "127.0.0.1"
    assert llm.usage.calls == 1 + llm.usage.reasks and llm.usage.prompt_tokens > 0
    assert 0 < len(llm.summary) <= 200
    assert [p["id"] for p in llm.parts] == [p.id for p in offline.parts]
    assert_evidence_honest(graded, offline, result)
    # Every required part is present offline, so nothing the model said can change the verdict.
    assert result.verdict == offline.verdict == "complete"


@pytest.mark.default_cassette("short-report.yaml")
@pytest.mark.vcr
def test_check_llm_end_to_end(
    llm_config: dict[str, str], reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same request as above, through the CLI: the JSON carries llm, the terminal shows it."""
    out = tmp_path / "out.json"
    code = main(["check", "--llm", "-f", "json", "-o", str(out), str(reports / "short.txt")])
    data = json.loads(out.read_text(encoding="utf-8"))
    llm = data["llm"] if "llm" in data else data[0]["llm"]
    assert code == 0
    assert llm["summary"] and llm["error"] is None and llm["prompt_hash"].startswith("sha256:")
    assert "token，调用1次" in capsys.readouterr().err  # usage per report on stderr


@pytest.mark.default_cassette("short-report.yaml")
@pytest.mark.vcr
def test_terminal_view_shows_llm_section(
    llm_config: dict[str, str], reports: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.txt"
    main(["check", "--llm", "-o", str(out), str(reports / "short.txt")])
    text = out.read_text(encoding="utf-8")
    assert "大模型" in text and "摘要" in text


@pytest.mark.default_cassette("paraphrase.yaml")
@pytest.mark.vcr
def test_paraphrasing_report_quotes_are_checked(llm_config: dict[str, str], reports: Path) -> None:
    graded, offline, result = run_enrich(reports / "paraphrase.txt")
    assert_evidence_honest(graded, offline, result)


@pytest.mark.default_cassette("long-sentences.yaml")
@pytest.mark.vcr
def test_long_sentence_report_quotes_are_checked(llm_config: dict[str, str], reports: Path) -> None:
    """Chinese numerals and parentheticals tempt a small model to tidy its quotes."""
    graded, offline, result = run_enrich(reports / "long_sentences.txt")
    assert result.llm.error is None
    assert_evidence_honest(graded, offline, result)


@pytest.mark.default_cassette("injection.yaml")
@pytest.mark.vcr
def test_injected_instruction_changes_no_verdict_real_model(
    llm_config: dict[str, str], reports: Path
) -> None:
    graded, offline, result = run_enrich(reports / "injection.txt")
    assert result.verdict == offline.verdict == "incomplete"
    assert [p.status for p in result.parts] == [p.status for p in offline.parts]
    assert any(f["kind"] == "instruction" and f["by"] == "code" for f in result.llm.flags)
    assert_evidence_honest(graded, offline, result)
    # the model's real mistake here: a leader section that does not exist, backed by a plan item
    leader = next(p for p in result.llm.parts if p["id"] == "leader_duties")
    for title in leader["sections"]:
        assert (title in leader["sections_not_in_report"]) == (
            QuoteIndex.from_document(graded.doc).find(title) is None
        )


@pytest.mark.default_cassette("catch.yaml")
@pytest.mark.vcr
def test_the_real_model_misplaces_a_quote_and_code_rejects_it(
    llm_config: dict[str, str], reports: Path
) -> None:
    """Recorded from the real server on a report we wrote to tempt it (no problems or leader
    section; a 《第一责任人职责规定》 citation, 领导班子 and 将 in the achievements): what the
    model proposed is refused and the verdict is the offline one."""
    graded, offline, result = run_enrich(reports / "catch.txt")
    llm = result.llm
    assert llm.error is None
    assert result.verdict == offline.verdict == "incomplete"
    assert [p.status for p in result.parts] == [p.status for p in offline.parts]
    refused = [
        d for d in llm.disagreements if d["outcome"] == "kept_offline" and d["offline"] == "missing"
    ]
    invented = [f for p in llm.parts for f in p["findings"] if not f["verified"]]
    assert refused or invented, "the recorded answer shows no mistake to catch"
    for d in refused:
        assert d["reason"]  # each refusal says why, in Chinese
    assert_evidence_honest(graded, offline, result)
