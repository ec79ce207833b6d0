"""Offline checker cost in CPU instructions per report, counted by valgrind's callgrind.

    uv run python bench/instructions.py [--loops 40] [--as-submitted]

Reports/s (bench/offline.py) swings by a third from one minute to the next on a shared virtual
machine; an instruction count does not: the same code and inputs give the same count whatever
else the machine is doing. Use it to tell whether a change made the check cheaper. It runs the
seed loop of bench/offline.py twice under callgrind, warm-up only and warm-up plus the loop, and
prints the difference per report. Differences under ~0.5% are where the heap and the hash tables
happen to fall, not the code. Needs valgrind (Debian/Ubuntu: apt install valgrind); takes about
a minute. The reports/s target is still judged by bench/offline.py.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from offline import as_submitted, inputs, inputs_said, mean_chars

_TOTALS = re.compile(r"^(?:totals|summary):\s*(\d+)", re.MULTILINE)


def child(loops: int, submitted: bool) -> None:
    """The measured process: warm up on every input, then check each ``loops`` times."""
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    rubric = Catalog.load()
    with tempfile.TemporaryDirectory() as tmp:
        files = [str(p) for p in (as_submitted(inputs(), Path(tmp)) if submitted else inputs())]
        for _ in range(3):  # imports, OpenCC's dictionaries, regex and rubric caches
            for f in files:
                check_path(f, rubric).to_json()
        for _ in range(loops):
            for f in files:
                check_path(f, rubric).to_json()


def count(valgrind: str, loops: int, out: Path, submitted: bool) -> int:
    """Instructions the child process ran with ``loops`` loops."""
    cmd = [
        valgrind,
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        sys.executable,
        __file__,
        "--child",
        str(loops),
        *(["--as-submitted"] if submitted else []),
    ]
    # a fixed hash seed: string hashes, and so dict and set layouts, are the same every run
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    m = _TOTALS.search(out.read_text(encoding="utf-8", errors="replace"))
    if m is None:
        raise SystemExit(f"no instruction total in {out}: is this valgrind's callgrind?")
    return int(m.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loops", type=int, default=40, help="times each input is checked")
    parser.add_argument(
        "--as-submitted",
        action="store_true",
        help="the reports as a PC saves them (GB18030, CRLF, full-width punctuation)",
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.as_submitted)
        return
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit(
            "valgrind not found: install it (apt install valgrind) to count instructions; "
            "bench/offline.py measures reports/s without it"
        )
    files = inputs()
    print(inputs_said())
    with tempfile.TemporaryDirectory() as tmp:
        base = count(valgrind, 0, Path(tmp) / "warm-up.out", args.as_submitted)
        total = count(valgrind, args.loops, Path(tmp) / "loop.out", args.as_submitted)
    reports = args.loops * len(files)
    per = (total - base) / reports
    chars = mean_chars(files)
    kind = "as a PC saves them, " if args.as_submitted else ""
    print(
        f"offline check: {per:,.0f} instructions per report "
        f"({reports} reports of ~{chars:,.0f} chars, {kind}callgrind, PYTHONHASHSEED=0)"
    )
    print(f"python: {sys.version.split()[0]} ({sys.executable})")


if __name__ == "__main__":
    main()
