"""Shared fixtures for the HTML renderer tests: checked reports, and a headless Chromium.

The browser is Debian's ``chromium`` driven by Playwright (never a downloaded browser); tests
that need it skip with a reason when /usr/bin/chromium is absent. .ci/run installs it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from fzcheck.document import Document

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "seeds"
ARTIFACTS = REPO / "tests" / "_artifacts"
CHROMIUM = Path(os.environ.get("FZCHECK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def check_file(path: Path) -> tuple[dict[str, Any], Document]:
    """The JSON result and the Document for one report, as ``fzcheck check`` makes them."""
    from fzcheck.pipeline import check_source
    from fzcheck.rubric import Catalog

    graded = check_source(str(path), Catalog.load())
    assert graded.doc is not None, graded.result.error
    return graded.result.to_json(), graded.doc


def fixture_reports() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def corpus_reports() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@dataclass
class PageEvents:
    """What a loaded page did that it must not: dialogs (alert) and console errors (e.g. a CSP
    violation, which is how a blocked external load or a foreign script shows up)."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# (the package's, not the session's: playwright's sync API runs an event loop until it stops,
# and a later test's asyncio.run failed under it — tests/llm after tests/render)
@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) "
            "to run the browser tests; .ci/run does this in CI"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, PageEvents]]:
    context = browser.new_context(viewport={"width": 1366, "height": 800}, java_script_enabled=True)
    pg = context.new_page()
    events = PageEvents()

    def on_dialog(dialog: Any) -> None:
        events.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("console", lambda msg: events.errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: events.errors.append(str(exc)))
    # Pages are self-contained: any request that is not the file itself is a bug.
    pg.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (events.errors.append(f"external request {route.request.url}"), route.abort())
        ),
    )
    try:
        yield pg, events
    finally:
        context.close()
