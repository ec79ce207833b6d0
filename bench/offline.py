"""Offline checker speed: reports/second in one process, and `fzcheck --help` start-up time.

    uv run python bench/offline.py [--seconds 5]

Targets: >= 1,400 seed-sized reports/s in one process (issue 9; was 500 in issue 2), on a
2-core machine; --help <= 0.3 s. Also prints the same reports as a unit's PC saves them
(GB18030, CRLF, full-width punctuation: the corpus's copies are cleaned up, and each costs the
reading layer something of its own), and the reading layer alone (read + decode + OpenCC +
width folding), the part of the floor this module owns. Figures from one run on a machine
others are loading are noisy: compare runs made back to back, or count instructions with
bench/instructions.py, which the machine's load does not change.
Uses ../shared/corpus/seeds (or the folder FZCHECK_SEEDS names) when present, else the bundled
sample and fixtures, and says which.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seeds_dir() -> Path:
    """The seed reports: ``FZCHECK_SEEDS``, else ../shared/corpus/seeds beside the checkout (a
    worktree elsewhere has none there: set the variable)."""
    return Path(os.environ.get("FZCHECK_SEEDS") or ROOT.parent / "shared" / "corpus" / "seeds")


def inputs() -> list[Path]:
    seeds = seeds_dir()
    if seeds.is_dir():
        return sorted(seeds.glob("*.txt"))
    return [
        ROOT / "examples" / "sample-report.txt",
        *sorted((ROOT / "tests" / "fixtures").glob("*.txt")),
    ]


def inputs_said() -> str:
    """Which inputs the figures are of: seed-sized reports, or the small bundled ones (their
    figures are not comparable with the target's)."""
    seeds = seeds_dir()
    if seeds.is_dir():
        return f"inputs: {len(inputs())} seed reports in {seeds}"
    return (
        f"inputs: the bundled sample and fixtures ({seeds} not found; set FZCHECK_SEEDS): "
        "not seed-sized, not comparable with the target"
    )


_FULL_WIDTH = str.maketrans(
    {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
)


def mean_chars(paths: list[Path]) -> float:
    """The inputs' mean length in characters (read as UTF-8: the seeds are)."""
    return sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in paths) / len(paths)


def as_submitted(paths: list[Path], folder: Path) -> list[Path]:
    """Copies of ``paths`` as a unit's Windows PC saves them (the corpus's copies are cleaned
    up): GB18030 (UTF-8 where it cannot be), CRLF, full-width punctuation, paragraphs indented
    with two ideographic spaces. Each way costs the reading layer something of its own."""
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8", errors="replace").translate(_FULL_WIDTH)
        lines = [
            f"\u3000\u3000{s}" if len(s := line.strip()) > 40 else line for line in text.split("\n")
        ]
        text = "\r\n".join(lines)
        try:
            data = text.encode("gb18030")
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        out.append(folder / p.name)
        out[-1].write_bytes(data)
    return out


def throughput(seconds: float, paths: list[Path]) -> tuple[float, float, float, int, float]:
    """Reports/s over the whole run (the figure the target is judged on), the best one-second
    window's (how fast it runs when nothing else takes the machine), by the process's own CPU
    time (what the code costs, whatever else runs), reports done, and their mean size in
    characters."""
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    rubric = Catalog.load()
    files = [str(p) for p in paths]
    for f in files:  # warm-up: imports, opencc dictionaries, regex caches
        check_path(f, rubric)
    done, best, start, cpu = 0, 0.0, time.perf_counter(), time.process_time()
    window, in_window = start, 0
    while (now := time.perf_counter()) - start < seconds:
        if now - window >= 1.0:
            best, window, in_window = max(best, in_window / (now - window)), now, 0
        for f in files:
            check_path(f, rubric).to_json()
        done += len(files)
        in_window += len(files)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    chars = mean_chars(paths)
    return done / elapsed, best, done / cpu, done, chars


def rate(seconds: float, work: Callable[[str], object]) -> float:
    """Inputs/s ``work`` does over the seed inputs for ``seconds``, after one warm-up pass."""
    files = [str(p) for p in inputs()]
    for f in files:
        work(f)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for f in files:
            work(f)
        done += len(files)
    return done / (time.perf_counter() - start)


def reading(seconds: float) -> float:
    from fzcheck.reading import load

    return rate(seconds, load)


def floor(seconds: float) -> float:
    """Reports/s of the floor issue 9 sets the target against: read the file, decode it, run
    OpenCC's t2s over all of it, try the heading pattern on each line, hash it and write a JSON
    line. Any checker of these files does at least this; what the check does beyond it is the
    analysis. Measured here, in the same run, so the ratio holds on any machine."""
    import hashlib
    import json

    from fzcheck.analysis.outline import match_heading
    from fzcheck.reading.normalize import _t2s

    convert = _t2s().convert

    def one(path: str) -> str:
        with open(path, "rb") as f:
            data = f.read()
        text = convert(data.decode("utf-8"))
        heads = [h[1] for line in text.split("\n") if (h := match_heading(line))]
        line = {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "headings": heads}
        return json.dumps(line, ensure_ascii=False)

    return rate(seconds, one)


def startup(runs: int = 7) -> float:
    exe = Path(sys.executable).with_name("fzcheck")
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "fzcheck", "--help"]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _libpython() -> str:
    """Whether this interpreter calls into a shared libpython (slower: every call goes through
    the PLT) or has it linked in; sysconfig cannot tell (Debian's says shared for a static
    binary), the process's own memory map can."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            shared = next((line.split()[-1] for line in maps if "libpython" in line), None)
    except OSError:
        return "libpython: unknown"
    return f"shared libpython {shared}" if shared else "libpython linked in"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    print(inputs_said())
    rate, best, by_cpu, done, chars = throughput(args.seconds, inputs())
    print(
        f"offline check: {rate:,.0f} reports/s ({done} reports of ~{chars:,.0f} chars, "
        "one process)"
        f"  target >= 1,400/s: {'ok' if rate >= 1400 else 'MISSED'}"
    )
    # A machine shared with others slows some seconds down: the best second says what the code
    # does, the whole run what the machine gave it. The target is judged on the whole run.
    print(f"  best one-second window: {best:,.0f} reports/s")
    print(f"  by the process's CPU time: {by_cpu:,.0f} reports/s")
    with tempfile.TemporaryDirectory() as tmp:
        submitted = throughput(args.seconds / 2, as_submitted(inputs(), Path(tmp)))[0]
    print(
        f"  the same reports as a PC saves them (GB18030, CRLF, full-width punctuation): "
        f"{submitted:,.0f} reports/s"
    )
    print(f"reading only (fzcheck.reading.load): {reading(args.seconds / 2):,.0f} reports/s")
    # Issue 9 states its target as a quarter of this floor (1,400/s was a quarter of the 5,700/s
    # the floor ran at on the machine it was measured on): machines here differ by 1.7x, the
    # ratio much less, since both figures move with the machine.
    base = floor(args.seconds / 2)
    print(
        f"floor (read + decode + OpenCC t2s + heading pattern + sha256 + JSON line): "
        f"{base:,.0f} reports/s; the check runs at {rate / base:.0%} of it"
        f"  target >= 25%: {'ok' if rate >= base / 4 else 'MISSED'}"
    )
    # The interpreter's build matters: on this 2-core machine Debian's python3.11 (optimised,
    # libpython linked in) ran the check 13% faster than pyenv's build (shared libpython, no PGO)
    # by CPU time, the mean of 8 alternating pairs (0.93-1.29 each) on 1 December 2026.
    print(f"python: {sys.version.split()[0]} ({sys.executable}; {_libpython()})")
    t = startup()
    print(
        f"fzcheck --help start-up: {t * 1000:.0f} ms (median of 7)"
        f"  target <= 300 ms: {'ok' if t <= 0.3 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
