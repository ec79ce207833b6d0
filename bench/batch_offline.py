"""Offline batch grading: reports/second on one core and on all cores, and peak memory.

    uv run python bench/batch_offline.py [--reports 10000] [--small 1000] [--workers N]

Generates synthetic reports (tests/batch/reportgen.py, our own text) into a temporary folder,
runs ``fzcheck batch`` on them in a child process and reads the peak RSS from wait4 (the
largest single process: the batch or one of its workers). The larger batch is graded twice,
with ``--workers 1`` and with every core (``--workers``, default all), so the two rates can
be compared. Targets: memory flat in batch size and < 300 MB at 10,000 reports (issue 4);
grading on all cores (issue 9).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.batch.reportgen import batch_command, make_report


def generate(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"r{n:05d}.txt").write_text(make_report(n), encoding="utf-8")


def run_batch(folder: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds of it and its workers) of one batch."""
    cmd = batch_command(folder, out, "--workers", str(workers))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"batch failed with exit code {proc.returncode}")
    cpu = usage.ru_utime + usage.ru_stime  # the workers' too: the batch waits for them
    return wall, usage.ru_maxrss / 1024, cpu  # Linux reports KiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--small", type=int, default=1_000, help="the smaller batch, for flatness")
    ap.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes for the all-cores run (default: every core)",
    )
    args = ap.parse_args()
    from fzcheck.batch.runner import default_workers

    cores = args.workers or default_workers()
    with tempfile.TemporaryDirectory(prefix="fzcheck-bench-") as tmp:
        figures = []
        for count, workers in ((args.small, cores), (args.reports, 1), (args.reports, cores)):
            folder = Path(tmp) / f"in{count}"
            if not folder.exists():
                generate(folder, count)
            out = Path(tmp) / f"results{count}-{workers}.jsonl"
            wall, peak, cpu = run_batch(folder, out, workers)
            rerun, _, _ = run_batch(folder, out, workers)
            lines = out.read_bytes().count(b"\n")
            assert lines == count, f"{lines} lines for {count} reports"
            figures.append((count, workers, wall, peak, rerun, cpu))
        print(
            f"{'reports':>8} {'workers':>8} {'seconds':>8} {'reports/s':>10} {'peak MB':>8} "
            f"{'rerun s':>8} {'CPU s':>8}"
        )
        for count, workers, wall, peak, rerun, cpu in figures:
            print(
                f"{count:>8} {workers:>8} {wall:>8.1f} {count / wall:>10.1f} {peak:>8.1f} "
                f"{rerun:>8.1f} {cpu:>8.1f}"
            )
        (
            (small, _, _, p_small, _, _),
            (big, _, w_one, _, _, c_one),
            (_, _, w_all, p_big, _, c_all),
        ) = figures
        print(
            f"1 worker {big / w_one:.0f} reports/s, {cores} workers {big / w_all:.0f} "
            f"reports/s (x{w_one / w_all:.2f}); CPU {c_one:.1f} s vs {c_all:.1f} s, so the "
            f"pool costs x{c_all / c_one:.2f} in CPU (on a busy machine the wall-clock gain is "
            "only what other work leaves free)"
        )
        print(
            f"peak memory {p_small:.0f} MB at {small:,} reports, {p_big:.0f} MB at {big:,} "
            f"(x{p_big / p_small:.2f} for x{big / small:.0f} reports; target < 300 MB)"
        )


if __name__ == "__main__":
    main()
