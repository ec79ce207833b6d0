"""Offline grading on all cores: the same lines as one process, in input order, resumable
after a kill, and an input that kills its worker gets an error line instead of stopping the run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from fzcheck.batch import runner
from fzcheck.cli import main
from tests.batch.reportgen import batch_command, kill_after, make_report
from tests.helpers import ROOT

Lines = Callable[[Path], list[dict]]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the pool tests fork")


def make_folder(root: Path, count: int) -> Path:
    folder = root / "many"
    folder.mkdir()
    for n in range(count):
        (folder / f"r{n:03d}.txt").write_text(make_report(n), encoding="utf-8")
    (folder / "r050_empty.txt").write_bytes(b"")
    return folder


def test_the_pool_writes_what_one_process_writes(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, runner.POOL_MIN_INPUTS + 12)
    one, pool = tmp_path / "one.jsonl", tmp_path / "pool.jsonl"
    assert main(["batch", "--summary", "none", "--workers", "1", str(folder), "-o", str(one)]) == 1
    assert main(["batch", "--summary", "none", "--workers", "2", str(folder), "-o", str(pool)]) == 1
    assert pool.read_bytes() == one.read_bytes()  # same lines, same (input) order
    sidecar = Path(str(pool) + ".minhash")
    assert sidecar.read_bytes() == Path(str(one) + ".minhash").read_bytes()


def test_a_worker_that_dies_costs_one_error_line(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fzcheck.pipeline

    folder = make_folder(tmp_path, runner.POOL_MIN_INPUTS + 4)
    real = fzcheck.pipeline.analyse

    def crashing(doc, rubric):  # type: ignore[no-untyped-def]
        if doc.source.endswith("r020.txt"):
            os._exit(70)  # what a segfault in a reading library or the OOM killer does
        return real(doc, rubric)

    monkeypatch.setattr(fzcheck.pipeline, "analyse", crashing)  # forked workers inherit it
    out = tmp_path / "results.jsonl"
    assert main(["batch", "--summary", "none", "--workers", "2", str(folder), "-o", str(out)]) == 1
    got = lines(out)
    paths = [r["path"] for r in got]
    assert paths == sorted(str(p) for p in folder.iterdir())  # every input, in input order
    dead = next(r for r in got if r["path"].endswith("r020.txt"))
    assert dead["error"]["kind"] == "internal"
    assert sum(r["verdict"] == "error" for r in got) == 2  # it and the empty file, no others


def _workers_left(out: Path) -> list[int]:
    """Processes still running whose command line names this results file (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if str(out).encode() in cmdline:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_kill_with_the_pool_then_resume_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, lines: Lines
) -> None:
    folder = make_folder(tmp_path, 300)
    out = tmp_path / "results.jsonl"
    cmd = batch_command(folder, out, "--workers", "2")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    partial = kill_after(cmd, out, 40, env)
    assert 40 <= partial < 301
    deadline = time.monotonic() + 10
    while _workers_left(out) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _workers_left(out), "workers outlived their killed batch"
    resumed = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert resumed.returncode == 1, resumed.stderr  # the empty file's line records a failure
    assert f"此前已完成{partial}份" in resumed.stderr
    paths = [r["path"] for r in lines(out)]
    assert set(Counter(paths).values()) == {1} and len(paths) == 301
    assert paths == sorted(paths)  # still input order across the kill


def _hanging(real: Callable[..., object], name: str, deaf: bool) -> Callable[..., object]:
    """``real`` (the analysis), except that on ``name`` it never returns — stuck as a reading
    library in a loop of its own; ``deaf``: where a timer signal cannot reach it (C code)."""
    import signal

    def stuck(doc, rubric):  # type: ignore[no-untyped-def]
        if doc.source.endswith(name):
            if deaf:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            while True:
                time.sleep(0.05)
        return real(doc, rubric)

    return stuck


@pytest.mark.parametrize("deaf", [False, True])
def test_an_input_that_never_finishes_costs_one_error_line(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch, deaf: bool
) -> None:
    """A file that keeps a reading library busy for ever: its time limit stops it (in the
    worker; or, where the limit's signal cannot reach it, by stopping the worker), it gets a
    timeout line, and every other input is graded and written in order."""
    import fzcheck.pipeline

    folder = make_folder(tmp_path, runner.POOL_MIN_INPUTS + 4)
    monkeypatch.setattr(fzcheck.pipeline, "INPUT_SECONDS", 1.0)
    monkeypatch.setattr(runner, "INPUT_SECONDS", 1.0)
    monkeypatch.setattr(runner, "STUCK_MARGIN", 2.0)
    stuck = _hanging(fzcheck.pipeline.analyse, "r020.txt", deaf)
    monkeypatch.setattr(fzcheck.pipeline, "analyse", stuck)  # forked workers inherit it
    out = tmp_path / "results.jsonl"
    assert main(["batch", "--summary", "none", "--workers", "2", str(folder), "-o", str(out)]) == 1
    got = lines(out)
    assert [r["path"] for r in got] == sorted(str(p) for p in folder.iterdir())
    hung = next(r for r in got if r["path"].endswith("r020.txt"))
    assert hung["error"]["kind"] == "timeout"
    assert sum(r["verdict"] == "error" for r in got) == 2  # it and the empty file, no others


def test_check_gives_up_on_an_input_that_never_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    import fzcheck.pipeline

    folder = make_folder(tmp_path, 3)
    monkeypatch.setattr(fzcheck.pipeline, "INPUT_SECONDS", 1.0)
    monkeypatch.setattr(
        fzcheck.pipeline, "analyse", _hanging(fzcheck.pipeline.analyse, "r001.txt", False)
    )
    main(["check", "-f", "jsonl", *sorted(str(p) for p in folder.iterdir())])
    got = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r.get("error") or {}).get("kind") for r in got] == [None, "timeout", None, "empty"]


def test_a_worker_is_stopped_as_stuck_by_its_inputs_time_not_its_chunks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A chunk of slow inputs may take long; one input past its limit (plus the margin) is
    stuck, however few inputs its chunk has."""
    import threading
    from concurrent.futures import Future

    monkeypatch.setattr(runner, "INPUT_SECONDS", 0.5)
    monkeypatch.setattr(runner, "STUCK_MARGIN", 0.5)
    monkeypatch.setattr(runner, "_POLL_SECONDS", 0.05)
    never: Future[list[tuple[dict, dict]]] = Future()
    with pytest.raises(TimeoutError):  # one worker on one input for 100 s
        runner._chunk_result(never, [0.0, time.monotonic() - 100])
    slow: Future[list[tuple[dict, dict]]] = Future()
    started = [time.monotonic(), 0.0]

    def inputs_one_after_another() -> None:
        for _ in range(12):  # 12 inputs of 0.15 s: the chunk takes 1.8 s, each input under 1
            started[0] = time.monotonic()
            time.sleep(0.15)
        slow.set_result([({"path": "done"}, {})])

    threading.Thread(target=inputs_one_after_another).start()
    assert runner._chunk_result(slow, started) == [({"path": "done"}, {})]


def test_the_time_limit_stands_when_a_library_swallows_its_first_signal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fzcheck.pipeline
    from fzcheck.rubric import Catalog

    report = tmp_path / "r.txt"
    report.write_text("示例县2025年法治政府建设年度报告\n一、主要举措和成效\n", encoding="utf-8")
    swallowed = []

    def catches_everything(doc, rubric):  # type: ignore[no-untyped-def]
        while True:
            try:
                while True:
                    time.sleep(0.05)
            except BaseException as err:  # a careless library's bare except
                if len(swallowed) < 2:  # it goes on after the first and second signal
                    swallowed.append(err)
                    continue
                raise

    monkeypatch.setattr(fzcheck.pipeline, "INPUT_SECONDS", 0.5)
    monkeypatch.setattr(fzcheck.pipeline, "analyse", catches_everything)
    got = fzcheck.pipeline.check_source(str(report), Catalog.load()).result.to_json()
    assert got["error"]["kind"] == "timeout" and len(swallowed) == 2


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_ctrl_c_twice_stops_the_pool_at_once_and_resume_loses_nothing(
    tmp_path: Path, lines: Lines
) -> None:
    """Two Ctrl-C 0.3 s apart: the batch stops within seconds, workers gone (they were left to
    finish their chunks, and the second Ctrl-C hung the exit), and a resume writes every input
    once."""
    import signal

    status = _stopped_then_resumed(tmp_path, lines, [signal.SIGINT, signal.SIGINT])
    assert status is not None, "still running 30 s later"


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_kill_or_a_hang_up_stops_the_batch_as_ctrl_c_does(
    tmp_path: Path, lines: Lines, name: str
) -> None:
    """kill (SIGTERM: systemd, docker stop) or a dropped ssh session (SIGHUP): the batch stops
    as on Ctrl-C — what was graded is written, workers gone, the exit status the signal's —
    where it had died at once, every line graded but not yet written lost (helper-198's: 0 of
    98); a resume writes every input once."""
    import signal

    signum = getattr(signal, name)
    assert _stopped_then_resumed(tmp_path, lines, [signum]) == 128 + signum


def _stopped_then_resumed(tmp_path: Path, lines: Lines, signums: list[int]) -> int | None:
    """A 300-report batch sent ``signums`` once it has written 40 lines: its exit status, once
    its workers are gone (asserted), its lines kept, and a rerun has written every input once
    (asserted)."""
    from tests.batch.reportgen import signals_after

    folder = make_folder(tmp_path, 300)
    out = tmp_path / "results.jsonl"
    cmd = batch_command(folder, out, "--workers", "2")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    status = signals_after(cmd, out, 40, signums, env)
    deadline = time.monotonic() + 10
    while _workers_left(out) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _workers_left(out)
    assert len(lines(out)) >= 40
    resumed = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert resumed.returncode == 1, resumed.stderr
    paths = [r["path"] for r in lines(out)]
    assert sorted(paths) == sorted(str(p) for p in folder.iterdir()) and len(set(paths)) == len(
        paths
    )
    return status


_KILLED_WHILE_SENDING = """
import sys, time, multiprocessing
from concurrent.futures import ProcessPoolExecutor
from fzcheck.batch.runner import _stop

def big(n):
    return b"x" * n

if __name__ == "__main__":
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
    pool.submit(big, 400_000_000)  # still being sent when its worker is killed
    time.sleep(0.8)
    _stop(pool)
    print("stopped")
"""


def test_a_pool_stopped_while_a_worker_sends_its_answer_lets_the_process_exit(
    tmp_path: Path,
) -> None:
    """The pool's reader, left waiting for the rest of an answer its killed worker was sending,
    kept the process from exiting (the exit waits for it): its pipe is closed when stopping."""
    script = tmp_path / "stop.py"
    script.write_text(_KILLED_WHILE_SENDING, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "stopped" in done.stdout


def test_ctrl_c_behind_a_slow_input_keeps_what_the_workers_finished(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first input takes minutes; the workers finish the chunks sent behind it. Ctrl-C:
    those are written before the workers are stopped (lines go in input order, so all of them
    waited behind the slow one and were lost), and the batch says how many it saved."""
    import signal
    import threading

    import fzcheck.pipeline

    folder = make_folder(tmp_path, runner.POOL_MIN_INPUTS + 4)
    # slow, not endless: were Ctrl-C lost, the slow input's time limit still ends the run
    monkeypatch.setattr(fzcheck.pipeline, "INPUT_SECONDS", 30.0)
    monkeypatch.setattr(runner, "INPUT_SECONDS", 30.0)
    slow = _hanging(fzcheck.pipeline.analyse, "r000.txt", False)
    monkeypatch.setattr(fzcheck.pipeline, "analyse", slow)  # forked workers inherit it
    # Ctrl-C as a terminal delivers it, even where the runner was started with it ignored (a
    # background job of a script)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    out = tmp_path / "results.jsonl"
    timer = threading.Timer(8.0, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    try:
        code = main(["batch", "--summary", "none", "--workers", "2", str(folder), "-o", str(out)])
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, before)
    assert code == 130
    got = [r["path"] for r in lines(out)]
    assert got and not any(p.endswith("r000.txt") for p in got)
    assert len(got) == len(set(got))
