"""LLM batch throughput: ``fzcheck batch --llm --jobs 16`` against the fixed-latency fake server.

    uv run python bench/batch_llm.py [--jobs 16] [--latency 1 2 5] [--waves 20]

The fake server (tests/batch/fakeserver.py, 127.0.0.1 only) answers every request after exactly
``latency`` seconds, so the ideal throughput is jobs / latency reports per second. Each run grades
jobs x waves reports; throughput is measured from the first request the server receives to the
last answer it sends (start-up and the final copy detection excluded), with the cache off.
Target (issue 4): >= 90% of ideal at --jobs 16. The client's own CPU per report (offline
grading, building and parsing the request) is what separates the two at short latencies.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.batch.fakeserver import FakeServer
from tests.batch.reportgen import batch_command, make_report


class TimedServer(FakeServer):
    """The fake server, noting when the first request came and the last answer left."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.first: float | None = None
        self.last = 0.0
        self._clock = threading.Lock()

    def _respond(self, request: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        with self._clock:
            if self.first is None:
                self.first = time.perf_counter()
        answer = super()._respond(request)
        with self._clock:
            self.last = max(self.last, time.perf_counter())
        return answer


def measure(jobs: int, latency: float, reports: int, tmp: Path) -> tuple[float, float, int]:
    """(window seconds, reports/s, calls) for one batch run against a fresh server."""
    folder = tmp / f"in-{latency:g}"
    folder.mkdir()
    for n in range(reports):
        (folder / f"r{n:04d}.txt").write_text(make_report(n), encoding="utf-8")
    config = tmp / "config.toml"
    config.write_text("[llm]\ntimeout = 60.0\nmax_retries = 0\n", encoding="utf-8")
    env = {**os.environ, "FZCHECK_CONFIG": str(config), "FZCHECK_CACHE_DIR": str(tmp / "cache")}
    server = TimedServer(latency=latency, lifetime=1200).start()
    try:
        cmd = batch_command(
            folder,
            tmp / f"r-{latency:g}.jsonl",
            "--llm",
            "--base-url",
            server.base_url,
            "--model",
            "fake",
            "--jobs",
            str(jobs),
            "--no-cache",
        )
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    finally:
        server.stop()
    if proc.returncode != 0 or server.first is None:
        raise SystemExit(f"batch failed ({proc.returncode}): {proc.stderr[-500:]}")
    window = server.last - server.first
    return window, reports / window, server.calls


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=16)
    ap.add_argument("--latency", type=float, nargs="+", default=[1.0, 2.0, 5.0])
    ap.add_argument("--waves", type=int, default=20, help="reports = jobs x waves")
    args = ap.parse_args()
    reports = args.jobs * args.waves
    print(f"--jobs {args.jobs}, {reports} reports per run")
    print(
        f"{'latency s':>9} {'calls':>6} {'window s':>9} {'reports/s':>10} {'ideal/s':>8} "
        f"{'fraction':>9}"
    )
    with tempfile.TemporaryDirectory(prefix="fzcheck-bench-") as tmp:
        for latency in args.latency:
            window, rate, calls = measure(args.jobs, latency, reports, Path(tmp))
            ideal = args.jobs / latency
            print(
                f"{latency:>9g} {calls:>6} {window:>9.2f} {rate:>10.2f} {ideal:>8.2f} "
                f"{rate / ideal:>9.1%}"
            )
    print("target: fraction >= 90%")


if __name__ == "__main__":
    main()
