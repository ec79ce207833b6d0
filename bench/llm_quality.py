"""How far can the LLM layer be trusted? Runs it against a live endpoint over labelled reports.

    uv run python bench/llm_quality.py --base-url http://127.0.0.1:8765/v1 \\
        --model qwen2.5-coder-1.5b-instruct --mode tools            # corpus + our fixtures
    uv run python bench/llm_quality.py ... --only fixtures --cache-dir /tmp/q   # resumable
    uv run python bench/llm_quality.py ... --cache-dir /tmp/q --prime-from-cassettes

Settings are the ones the cassettes are recorded with (tests/llm/test_cassettes.py), so with
``--prime-from-cassettes`` the reports that have a cassette are first replayed from it (answers
recorded from this same server, no call) into the cache, and only the others are asked live;
those rows say "rec." instead of their seconds.

Reports: ../shared/corpus (seeds/ with seeds.labels.yaml, full/fazhi with full/labels.yaml; skipped
when absent) and our own tests/llm/reports (labels.yaml). For each report it prints the parts
whose merged status (offline + accepted upgrades) agrees with the reviewer's label, against the
offline pass alone; wrong upgrades (an upgrade of a part the label says is missing: must be 0);
unverified findings; whether the model's summary contradicted the verdict (and was replaced);
calls, prompt/completion tokens, prompt tokens per call and seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "llm" / "reports"


def labelled(only: str) -> list[tuple[Path, dict[str, str]]]:
    out: list[tuple[Path, dict[str, str]]] = []
    if only in ("all", "corpus") and CORPUS.is_dir():
        for labels, folder in (
            (CORPUS / "seeds.labels.yaml", CORPUS / "seeds"),
            (CORPUS / "full" / "labels.yaml", CORPUS / "full"),
        ):
            if not labels.exists():
                continue
            for name, meta in yaml.safe_load(labels.read_text(encoding="utf-8")).items():
                if isinstance(meta, dict) and meta.get("parts") and meta.get("is_report", True):
                    out.append((folder / name, dict(meta["parts"])))
    if only in ("all", "fixtures"):
        labels = yaml.safe_load((FIXTURES / "labels.yaml").read_text(encoding="utf-8"))
        out += [(FIXTURES / name, dict(parts)) for name, parts in labels.items()]
    return out


def run_one(
    path: Path, truth: dict[str, str], settings: Any, cache: Any, dump: str | None = None
) -> dict[str, Any]:
    from fzcheck.llm.api import review
    from fzcheck.llm.summary import summary_problem
    from fzcheck.llm.verify import QuoteIndex
    from fzcheck.pipeline import check_source
    from fzcheck.rubric import Catalog

    graded = check_source(str(path), Catalog.load())
    assert graded.analysis is not None, graded.result.error
    offline = {p.id: p.status for p in graded.result.parts}
    started = time.monotonic()
    answer = review(graded.analysis, settings, cache=cache)
    seconds = time.monotonic() - started
    graded.apply_llm(answer.info, answer.upgrades)
    merged = {p.id: p.status for p in graded.result.parts}
    info = answer.info
    if dump:
        Path(dump).mkdir(parents=True, exist_ok=True)
        (Path(dump) / f"{path.stem}.json").write_text(
            info.model_dump_json(indent=1), encoding="utf-8"
        )

    def same(a: str | None, b: str) -> bool:  # present/embedded both mean "covered"
        return a == b or (a != "missing" and b != "missing" and a is not None)

    parts = [k for k in truth if k in merged]
    final = {k: merged[k] for k in merged}
    index = QuoteIndex.from_analysis(graded.analysis)
    contradiction = (info.summary_rejected or "") if info.summary_by == "code" else ""
    return {
        "report": path.name[:28],
        "error": info.error,
        "offline": sum(same(offline[k], truth[k]) for k in parts),
        "merged": sum(same(merged[k], truth[k]) for k in parts),
        "parts": len(parts),
        "upgrades": len(answer.upgrades),
        "wrong": sum(truth.get(u.part) == "missing" for u in answer.upgrades),
        "unverified": info.unverified,
        # the model's summary was there and replaced (a split report's is always code-built)
        "contradiction": bool(contradiction)
        and not info.usage.split
        and contradiction != "模型没有给出摘要",
        "why": contradiction,
        "left": summary_problem(info.summary, final, graded.analysis.rubric, index) is not None
        and info.summary_by == "model",
        "calls": info.usage.calls,
        "reasks": info.usage.reasks,
        "split": info.usage.split,
        "prompt": info.usage.prompt_tokens,
        "completion": info.usage.completion_tokens,
        "per_call": info.usage.per_call,
        "seconds": seconds,
        "cached": info.usage.cached,
    }


CASSETTES = {
    "short.txt": "short-report.yaml",
    "paraphrase.txt": "paraphrase.yaml",
    "long_sentences.txt": "long-sentences.yaml",
    "injection.txt": "injection.yaml",
    "catch.txt": "catch.yaml",
}


def prime(settings: Any, cache: Any) -> set[str]:
    """Put each cassette's recorded answer in the cache, through the layer (re-asks included)."""
    import vcr

    from fzcheck.llm.api import review
    from fzcheck.pipeline import check_source
    from fzcheck.rubric import Catalog
    from tests.llm.conftest import _ReadableYaml

    done = set()
    for name, cassette in CASSETTES.items():
        path = ROOT / "cassettes" / cassette
        if not path.exists():
            continue
        player = vcr.VCR(record_mode="none", match_on=["method", "path", "body"])
        player.register_serializer("yaml", _ReadableYaml)
        graded = check_source(str(FIXTURES / name), Catalog.load())
        assert graded.analysis is not None
        try:
            with player.use_cassette(str(path), serializer="yaml"):
                review(graded.analysis, settings, cache=cache)
        except Exception as err:  # noqa: BLE001 - a cassette that does not match is asked live
            print(f"{name}: not primed ({type(err).__name__})", file=sys.stderr)
            continue
        done.add(name)
    return done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8765/v1")
    parser.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    parser.add_argument("--mode", default="tools")
    parser.add_argument("--only", choices=("all", "corpus", "fixtures"), default="all")
    parser.add_argument("--cache-dir", help="response cache: a rerun resumes where it stopped")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--max-tokens",
        type=int,
        default=1200,
        help="answer cap (1200 as the cassettes; real reports need ~3000)",
    )
    parser.add_argument("--skip", type=int, default=0, help="start after this many reports")
    parser.add_argument("--dump", help="write each report's llm JSON into this directory")
    parser.add_argument(
        "--prime-from-cassettes",
        action="store_true",
        help="replay the recorded answers of reports that have a cassette",
    )
    args = parser.parse_args()

    from fzcheck.llm.config import resolve_settings

    # as tests/llm/test_cassettes.py records them
    settings = resolve_settings(
        base_url=args.base_url,
        model=args.model,
        mode=args.mode,
        timeout=900,
        deadline=1800,
        max_retries=0,
        max_tokens=args.max_tokens,
        reasks=1,
        outer_attempts=1,
    )
    cache = None
    if args.cache_dir:
        from fzcheck.llm.cache import ResponseCache

        cache = ResponseCache(Path(args.cache_dir))
    reports = labelled(args.only)
    primed: set[str] = set()
    if args.prime_from_cassettes and cache is not None:
        primed = prime(settings, cache)
    reports = reports[args.skip :]
    if args.limit:
        reports = reports[: args.limit]
    head = (
        "| report | parts agree offline → merged | upgrades | wrong | unverified | summary "
        "replaced | calls (re-asks, split) | prompt tok per call | completion | s |"
    )
    print(head)
    print("|" + "---|" * 10)
    rows = []
    for path, truth in reports:
        r = run_one(path, truth, settings, cache, args.dump)
        # only validated answers are cached: a recording with unverified quotes is asked live
        r["recorded"] = bool(r["cached"])
        rows.append(r)
        summary = "yes" if r["contradiction"] else "no"
        print(
            f"| {r['report']} | {r['offline']}/{r['parts']} → {r['merged']}/{r['parts']} | "
            f"{r['upgrades']} | {r['wrong']} | {r['unverified']} | {summary} | "
            f"{r['calls']} ({r['reasks']}, {r['split']}) | "
            f"{'+'.join(map(str, r['per_call']))} | {r['completion']} | "
            f"{'rec.' if r['cached'] else format(r['seconds'], '.0f')}"
            f"{' ERROR ' + str(r['error'])[:60] if r['error'] else ''} |",
            flush=True,
        )
    n = len(rows) or 1
    live = [r for r in rows if not r["recorded"]]
    parts = sum(r["parts"] for r in rows) or 1
    print()
    print(
        f"reports {len(rows)}; part statuses agreeing with the labels: offline "
        f"{sum(r['offline'] for r in rows)}/{parts}, merged {sum(r['merged'] for r in rows)}/{parts}; "
        f"wrong upgrades {sum(r['wrong'] for r in rows)}; unverified findings per report "
        f"{sum(r['unverified'] for r in rows) / n:.1f}; summaries that contradicted the verdict "
        f"(replaced) {sum(r['contradiction'] for r in rows)}, left standing "
        f"{sum(r['left'] for r in rows)}; calls per report {sum(r['calls'] for r in rows) / n:.1f}; "
        f"prompt tokens per report {sum(r['prompt'] for r in rows) / n:.0f}; completion "
        f"{sum(r['completion'] for r in rows) / n:.0f}; seconds per live report "
        f"{sum(r['seconds'] for r in live) / (len(live) or 1):.0f} ({len(live)} live, "
        f"{n - len(live)} from recordings of {len(primed)} cassettes); errors {sum(bool(r['error']) for r in rows)}"
    )
    return 1 if any(r["wrong"] for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
