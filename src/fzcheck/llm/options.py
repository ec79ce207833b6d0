"""Command-line options of the LLM layer. Imports only argparse, so any command can add them."""

from __future__ import annotations

import argparse
from typing import Any


def add_llm_options(p: argparse.ArgumentParser, *, with_switch: bool = True) -> None:
    g = p.add_argument_group("LLM (optional; needs the llm extra)")
    if with_switch:
        g.add_argument(
            "--llm",
            action="store_true",
            help="also ask an LLM for findings, flags and a summary (one call per report)",
        )
    g.add_argument(
        "--model",
        default=None,
        help="model name (env FZCHECK_MODEL, config [llm] model; default gpt-4o-mini)",
    )
    g.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help="OpenAI-compatible endpoint (env OPENAI_BASE_URL; default OpenAI)",
    )
    g.add_argument(
        "--mode",
        choices=("tools", "json", "json_schema"),
        default=None,
        help="how structured output is requested (default tools); see docs/llm.md",
    )
    g.add_argument(
        "--max-tokens",
        type=int,
        default=None,
        metavar="N",
        help="cap on the answer's tokens (default 3000)",
    )


def settings_from_args(args: argparse.Namespace) -> Any:
    """LLMSettings with these flags on top of env and config file (read now, not at import)."""
    from fzcheck.llm.config import resolve_settings

    return resolve_settings(
        model=args.model,
        base_url=args.base_url,
        mode=args.mode,
        max_tokens=getattr(args, "max_tokens", None),
    )
