"""fzcheck cache info|clear : where the LLM response cache is, how big, and emptying it."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog="examples:\n  fzcheck cache info\n  fzcheck cache clear",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "action",
        choices=("info", "clear"),
        help="info: location and size; clear: delete every cached response",
    )
    p.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="cache directory (default: FZCHECK_CACHE_DIR, config, ~/.cache/fzcheck)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fzcheck.llm.cache import ResponseCache, resolve_cache_dir
    from fzcheck.output import stdout
    from fzcheck.render.i18n import t

    cache = ResponseCache(resolve_cache_dir(args.cache_dir))
    if cache.directory.exists() and not cache.directory.is_dir():
        from fzcheck.errors import UsageError

        # a file where the cache's folder should be: no cache to show or clear (it showed 0)
        raise UsageError(t("cache.not_a_folder", path=cache.directory))
    if args.action == "clear":
        removed = cache.clear()
        stdout().print(
            t("cache.cleared", removed=removed, path=cache.directory),
            markup=False,
            highlight=False,
            soft_wrap=True,  # a path is never broken over lines
        )
        return 0
    info = cache.info()
    stdout().print(
        t("cache.info", path=info.path, entries=info.entries, size=f"{info.bytes / 1024:.1f} KiB"),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    return 0
