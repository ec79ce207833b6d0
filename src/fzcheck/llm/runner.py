"""The --llm step of a command: one client for the run, usage per report and in total."""

from __future__ import annotations

from typing import Any

from fzcheck.llm.config import LLMSettings
from fzcheck.pipeline import Graded
from fzcheck.render.i18n import t
from fzcheck.result import LLMUsage


class Enricher:
    """Ask the model about each report, reusing one client, grade again with what code
    accepted, and say on stderr what each call cost."""

    def __init__(self, settings: LLMSettings, client: Any = None, cache: Any = None) -> None:
        from fzcheck.llm.client import require_extra

        require_extra()
        self.settings = settings
        self.client = client
        self.cache = cache
        self.total = LLMUsage()
        self.reports = 0

    def __call__(self, graded: Graded) -> None:
        from fzcheck.llm.api import review
        from fzcheck.llm.client import make_client
        from fzcheck.output import stderr

        if graded.analysis is None:
            return
        doc = graded.analysis.doc
        if self.client is None:
            self.client = make_client(self.settings)
        from rich.markup import escape

        from fzcheck.redact import visible

        shown = visible(doc.source)  # a file name is the submitter's: shown, never executed
        asking = t("llm.asking", model=escape(self.settings.model), source=escape(shown))
        with stderr().status(asking):
            answer = review(graded.analysis, self.settings, client=self.client, cache=self.cache)
        graded.apply_llm(answer.info, answer.upgrades)
        info = answer.info
        self.reports += 1
        u = info.usage
        for name in ("prompt_tokens", "completion_tokens", "total_tokens", "calls", "reasks"):
            setattr(self.total, name, getattr(self.total, name) + getattr(u, name))
        line = t(
            "llm.progress",
            source=shown,
            prompt=u.prompt_tokens,
            completion=u.completion_tokens,
            calls=u.calls,
            reasks=u.reasks,
        )
        if u.per_call:
            line += t("llm.per_call", tokens="+".join(map(str, u.per_call)))
        if u.cached:
            line += t("llm.from_cache")
        if self.reports > 1:
            total = self.total
            line += t(
                "llm.running_total",
                prompt=total.prompt_tokens,
                completion=total.completion_tokens,
                reports=self.reports,
            )
        if info.error:
            line += t("llm.failed", why=info.error)
        stderr().print(line, style="dim", highlight=False, markup=False)


def make_enricher(settings: LLMSettings, client: Any = None, cached: bool = False) -> Enricher:
    """With ``cached``, answers come from and go to the response cache batch grading uses, so
    ``summarize`` after a ``batch --llm`` (or a second ``summarize``) makes no call."""
    cache = None
    if cached:
        from fzcheck.llm.cache import ResponseCache, resolve_cache_dir

        cache = ResponseCache(resolve_cache_dir(), namespace=settings.base_url)
    return Enricher(settings, client, cache)
