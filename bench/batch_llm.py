"""LLM batch throughput: ``fzcheck batch --llm --jobs 16`` against the fixed-latency fake server.

    uv run python bench/batch_llm.py [--jobs 16] [--latency 2] [--reports 320]

The fake server (tests/batch/fakeserver.py, 127.0.0.1 only) answers every request after exactly
``latency`` seconds, so the ideal throughput is jobs / latency reports per second. Measured from
the first request the server receives to the last answer it sends (start-up and the final copy
detection excluded), with the cache off. Target (issue 4): >= 90% of ideal at --jobs 16.
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
from tests.batch.reportgen import make_report


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=16)
    ap.add_argument("--latency", type=float, default=2.0)
    ap.add_argument("--reports", type=int, default=320)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fzcheck-bench-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n in range(args.reports):
            (folder / f"r{n:04d}.txt").write_text(make_report(n), encoding="utf-8")
        config = Path(tmp) / "config.toml"
        config.write_text("[llm]\ntimeout = 30.0\nmax_retries = 0\n", encoding="utf-8")
        env = {**os.environ, "FZCHECK_CONFIG": str(config),
               "FZCHECK_CACHE_DIR": str(Path(tmp) / "cache")}
        server = TimedServer(latency=args.latency, lifetime=600).start()
        try:
            cmd = [sys.executable, "-m", "fzcheck", "batch", str(folder), "-o",
                   str(Path(tmp) / "r.jsonl"), "--llm", "--base-url", server.base_url,
                   "--model", "fake", "--jobs", str(args.jobs), "--no-cache", "--summary", "none"]
            proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                                  check=False)
        finally:
            server.stop()
        if proc.returncode != 0 or server.first is None:
            raise SystemExit(f"batch failed ({proc.returncode}): {proc.stderr[-500:]}")
        window = server.last - server.first
        rate = args.reports / window
        ideal = args.jobs / args.latency
        print(f"{args.reports} reports, --jobs {args.jobs}, latency {args.latency:g}s: "
              f"{server.calls} calls in {window:.2f}s = {rate:.1f} reports/s; ideal "
              f"{ideal:.1f}/s; fraction {rate / ideal:.1%} (target >= 90%)")


if __name__ == "__main__":
    main()
