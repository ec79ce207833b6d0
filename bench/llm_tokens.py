"""Prompt tokens per report token, and calls per report, for the LLM layer.

    uv run python bench/llm_tokens.py                      # from the recorded cassettes
    uv run python bench/llm_tokens.py --live ../shared/corpus/seeds/*.txt \\
        --base-url http://127.0.0.1:8765/v1 --model qwen2.5-coder-1.5b-instruct --mode tools

Report tokens are counted by the serving model's own tokenizer (llama.cpp's /extras/tokenize or
/tokenize) when the endpoint offers one, and remembered in bench/report_tokens.json by the report
text's hash, so the cassette mode can print them offline later. ``overhead`` = prompt tokens −
report tokens: the system prompt, the schema and the section map, which should stay roughly
constant while the report grows (issue 3: prompt ≤ 1.3 × report + a fixed overhead).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
COUNTS = Path(__file__).with_name("report_tokens.json")
BEGIN, END = "<<<报告原文开始>>>", "<<<报告原文结束>>>"


def load_counts() -> dict[str, int]:
    return json.loads(COUNTS.read_text(encoding="utf-8")) if COUNTS.exists() else {}


def tokenize(base_url: str | None, text: str, counts: dict[str, int]) -> int | None:
    key = hashlib.sha256(text.encode()).hexdigest()[:16]
    if key in counts:
        return counts[key]
    if not base_url:
        return None
    root = base_url.rstrip("/").removesuffix("/v1")
    for path, payload in (
        ("/extras/tokenize/count", {"input": text}),
        ("/tokenize", {"content": text}),
    ):
        try:
            req = urllib.request.Request(
                root + path, json.dumps(payload).encode(), {"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(req, timeout=600) as resp:
                data = json.load(resp)
        except OSError:
            continue
        n = data.get("count") if "count" in data else len(data.get("tokens", []))
        if n:
            counts[key] = int(n)
            COUNTS.write_text(json.dumps(counts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            return int(n)
    return None


def report_of(request: dict[str, Any]) -> str:
    user = request["messages"][1]["content"]
    return user[user.index(BEGIN) + len(BEGIN) : user.index(END)].strip()


def from_cassettes(base_url: str | None) -> list[dict[str, Any]]:
    import yaml

    counts = load_counts()
    rows = []
    for path in sorted((ROOT / "cassettes").glob("*.yaml")):
        interactions = yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]
        first = json.loads(interactions[0]["request"]["body"])
        usage = [json.loads(i["response"]["body"]["string"]).get("usage", {}) for i in interactions]
        report = report_of(first)
        rows.append(
            {
                "report": path.stem,
                "chars": len(report),
                "report_tokens": tokenize(base_url, report, counts),
                "first_prompt": usage[0].get("prompt_tokens", 0),
                "prompt": sum(u.get("prompt_tokens", 0) for u in usage),
                "completion": sum(u.get("completion_tokens", 0) for u in usage),
                "calls": len(interactions),
                "reasks": len(interactions) - 1,
                "unverified": None,
                "seconds": None,
            }
        )
    return rows


class CountingClient:
    """Wraps the SDK client to keep each call's usage (LLMInfo only has the sum)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.calls = inner, []
        self.chat = self
        self.completions = self

    def create(self, **kwargs: Any) -> Any:
        completion = self.inner.chat.completions.create(**kwargs)
        u = completion.usage
        self.calls.append(
            {
                "prompt": u.prompt_tokens if u else 0,
                "completion": u.completion_tokens if u else 0,
                "finish": completion.choices[0].finish_reason,
            }
        )
        return completion


def live(paths: list[str], args: argparse.Namespace) -> list[dict[str, Any]]:
    from fzcheck.llm.api import review
    from fzcheck.llm.client import make_client
    from fzcheck.llm.config import resolve_settings
    from fzcheck.llm.prompts import report_text
    from fzcheck.pipeline import check_source
    from fzcheck.rubric import Catalog

    settings = resolve_settings(
        base_url=args.base_url,
        model=args.model,
        mode=args.mode,
        max_tokens=args.max_tokens,
        timeout=args.timeout,
        max_retries=0,
        deadline=args.timeout * 3,
    )
    counts = load_counts()
    rows = []
    for path in paths:
        graded = check_source(path, Catalog.load())
        assert graded.analysis is not None, graded.result.error
        doc = graded.analysis.doc
        report = report_text(doc)
        tokens = tokenize(settings.base_url, report, counts)
        started = time.monotonic()
        client = CountingClient(make_client(settings))
        llm = review(graded.analysis, settings, client=client).info
        assert llm is not None
        u = llm.usage
        rows.append(
            {
                "report": Path(path).name,
                "chars": len(report),
                "report_tokens": tokens,
                "first_prompt": client.calls[0]["prompt"] if client.calls else 0,
                "per_call": client.calls,
                "prompt": u.prompt_tokens,
                "completion": u.completion_tokens,
                "calls": u.calls,
                "reasks": u.reasks,
                "unverified": llm.unverified,
                "seconds": round(time.monotonic() - started),
                "error": llm.error,
                "disagreements": [
                    f"{d['part']}:{d['offline']}→{d['llm']}:{d['outcome']}"
                    for d in llm.disagreements
                ],
            }
        )
        print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    return rows


def show(rows: list[dict[str, Any]]) -> None:
    head = (
        f"{'report':<28} {'chars':>6} {'rep.tok':>7} {'prompt':>7} {'ratio':>6} "
        f"{'overhead':>8} {'compl':>6} {'calls':>5} {'reasks':>6} {'unverif':>7}"
    )
    print(head)
    for r in rows:
        tok = r["report_tokens"]
        ratio = f"{r['first_prompt'] / tok:.2f}" if tok else "n/a"
        overhead = str(r["first_prompt"] - tok) if tok else "n/a"
        unverified = "" if r["unverified"] is None else str(r["unverified"])
        print(
            f"{r['report'][:28]:<28} {r['chars']:>6} {tok or 'n/a':>7} {r['first_prompt']:>7} "
            f"{ratio:>6} {overhead:>8} {r['completion']:>6} {r['calls']:>5} {r['reasks']:>6} "
            f"{unverified:>7}" + (f"  error: {r['error']}" if r.get("error") else "")
        )
    n = len(rows)
    if n:
        print(
            f"\n{n} reports · calls per report {sum(r['calls'] for r in rows) / n:.2f} · "
            f"re-asks {sum(r['reasks'] for r in rows)} · prompt tokens {sum(r['prompt'] for r in rows):,}"
            f" · completion tokens {sum(r['completion'] for r in rows):,}"
        )
        sized = [r for r in rows if r["report_tokens"]]
        if sized:
            marginal = ""
            if len(sized) >= 2:
                a, b = (
                    min(sized, key=lambda r: r["report_tokens"]),
                    max(sized, key=lambda r: r["report_tokens"]),
                )
                if b["report_tokens"] != a["report_tokens"]:
                    slope = (b["first_prompt"] - a["first_prompt"]) / (
                        b["report_tokens"] - a["report_tokens"]
                    )
                    marginal = f" · marginal prompt tokens per report token {slope:.2f}"
            print(
                f"fixed overhead {min(r['first_prompt'] - r['report_tokens'] for r in sized):,}–"
                f"{max(r['first_prompt'] - r['report_tokens'] for r in sized):,} tokens{marginal}"
            )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("reports", nargs="*", help="with --live: report files")
    p.add_argument(
        "--live", action="store_true", help="call the endpoint instead of reading cassettes"
    )
    p.add_argument("--base-url", default=None)
    p.add_argument("--model", default=None)
    p.add_argument("--mode", default=None)
    p.add_argument("--max-tokens", type=int, default=None)
    p.add_argument("--timeout", type=float, default=900)
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = p.parse_args()
    rows = live(args.reports, args) if args.live else from_cassettes(args.base_url)
    print(json.dumps(rows, ensure_ascii=False, indent=1)) if args.json else show(rows)


if __name__ == "__main__":
    main()
