"""The built wheel carries the bundled rubrics and prompts, so an installed fzcheck works anywhere."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT


def test_wheel_bundles_rubrics_and_prompts(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    subprocess.run(
        [uv, "build", "--wheel", "-q", "-o", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("fzcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    rubrics = {p.name for p in (ROOT / "rubrics").glob("*.yaml")}
    prompts = {p.name for p in (ROOT / "prompts").glob("*.j2")}
    assert rubrics and {f"fzcheck/_data/rubrics/{n}" for n in rubrics} <= names
    assert {f"fzcheck/_data/prompts/{n}" for n in prompts} <= names
    assert "fzcheck/cli.py" in names
