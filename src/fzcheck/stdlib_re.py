"""The stdlib regex engine's own modules, imported once: its parser, its constants, its compiler
and the C engine. fast_patterns, narrowed and the rubric's pattern checks read a pattern as the
engine reads it. They are private to the stdlib (re._parser, …), so they are typed Any here and
every use of them falls back to plain ``re`` when they change."""

from __future__ import annotations

import importlib
from typing import Any

parser: Any = importlib.import_module("re._parser")
constants: Any = importlib.import_module("re._constants")
compiler: Any = importlib.import_module("re._compiler")
engine: Any = importlib.import_module("_sre")
