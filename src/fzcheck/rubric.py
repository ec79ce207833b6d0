"""Rubrics are data: YAML files validated by these models (unknown keys are errors).

Errors name the file, the key path and the line, e.g.
``rubrics/x.yaml: parts[1].weight (line 40): Input should be a valid number``.
"""

from __future__ import annotations

import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from fzcheck.errors import RubricError

PART_IDS = ("achievements", "problems", "leader_duties", "next_year_plan", "other")
DEFAULT_RUBRIC = "fazhi-annual"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
PLACEHOLDERS = ("report_year", "next_year")


def _check_regex(value: str) -> str:
    unknown = sorted({m.group(1) for m in _PLACEHOLDER.finditer(value)} - set(PLACEHOLDERS))
    if unknown:
        raise ValueError(f"unknown placeholder {{{unknown[0]}}}; only {{report_year}} and "
                         "{next_year} are filled in")
    try:
        re.compile(value.replace("{report_year}", "2000").replace("{next_year}", "2001"))
    except re.error as err:
        raise ValueError(f"not a valid regular expression: {err}") from None
    return value


Regex = Annotated[str, Field(min_length=1), AfterValidator(_check_regex)]


class PublishBy(_Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)


class Source(_Strict):
    name: str
    citation: str
    text: str = ""
    publish_by: PublishBy = PublishBy(month=4, day=1)


class GenreWeights(_Strict):
    """How much each sign of the report genre counts (negative: speaks against it)."""

    title_names_subject: float = 4
    title_other_genre: float = -8
    report_phrase: float = 2
    part_present: float = 1.5
    part_embedded: float = 0.5
    law_heading: float = 6
    few_subject_mentions: float = -6  # at zero mentions; scaled down to min_subject_mentions


class GenreSign(_Strict):
    """A sign of another genre (a news story, a 解读, a speech to a congress…) or of this one.

    ``where``: ``title`` (the title), ``head`` (the first lines), ``line_start`` (any line's
    start), ``text`` (anywhere). ``unless`` cancels the sign when it matches the same text."""

    name: str  # Chinese, quoted in the is_report message
    pattern: Regex
    where: Literal["title", "head", "line_start", "text"] = "text"
    unless: Regex | None = None
    weight: float


class Genre(_Strict):
    """How to tell an annual report from a work plan, rules, a look-alike or unrelated text:
    weighted signs, decided in fzcheck.genre."""

    subject: Regex
    subject_name: str = Field(min_length=1)  # what the messages call the subject (法治政府建设)
    min_subject_mentions: int = Field(default=2, ge=0)
    report_words: Regex
    report_phrases: Regex
    not_report_titles: Regex
    law_headings: Regex | None = None  # the law's own part wording, when a heading uses it
    pass_score: float = 3
    weights: GenreWeights = GenreWeights()
    other_genres: list[GenreSign] = Field(default_factory=list)



class SubCheck(_Strict):
    """A sub-check on one part; ``kind`` names the code that runs it, the rest are its settings."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    kind: Literal["figures", "cue_words", "plan_year", "leader_actions", "title", "publication",
                  "instructions", "signing"]
    penalty: float = Field(ge=0, le=100)
    min: int = Field(default=1, ge=0)
    pattern: Regex | None = None
    actor: Regex | None = None
    action: Regex | None = None
    window: int = Field(default=40, ge=1)



class Part(_Strict):
    id: Literal["achievements", "problems", "leader_duties", "next_year_plan", "other"]
    name: str
    legal_text: str
    citation: str
    required: bool
    weight: float = Field(ge=0, le=100)
    themed_before_anchor: bool = False
    heading_cues: list[Regex] = Field(default_factory=list)
    heading_excludes: list[Regex] = Field(default_factory=list)
    body_cues: list[Regex] = Field(default_factory=list)
    body_excludes: list[Regex] = Field(default_factory=list)
    checks: list[SubCheck] = Field(default_factory=list)



class Rubric(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    version: str
    title: str
    source: Source
    embedded_credit: float = Field(ge=0, le=1)
    report_genre: Genre
    document_checks: list[SubCheck] = Field(default_factory=list)
    parts: list[Part]

    @field_validator("parts")
    @classmethod
    def _unique_parts(cls, parts: list[Part]) -> list[Part]:
        ids = [p.id for p in parts]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"part ids must be unique; repeated: {', '.join(dupes)}")
        if not any(p.required for p in parts):
            raise ValueError("at least one part must be required")
        return parts

    @cached_property
    def digest(self) -> str:
        """A hash of the rubric's content: an edited rubric grades again even if its version
        was not bumped."""
        import hashlib

        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]

    @cached_property
    def total_weight(self) -> float:
        return sum(p.weight for p in self.parts if p.required) or 1.0

    def part(self, part_id: str) -> Part | None:
        return next((p for p in self.parts if p.id == part_id), None)


# --- loading -------------------------------------------------------------------------------


def bundled_dir() -> Path:
    """rubrics/ in a checkout; fzcheck/_data/rubrics inside an installed wheel."""
    packaged = resources.files("fzcheck") / "_data" / "rubrics"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rubrics"


def bundled_ids() -> list[str]:
    return sorted(p.stem for p in bundled_dir().glob("*.yaml"))


def resolve(spec: str | None) -> Path:
    """A rubric id (bundled) or a path to a YAML file."""
    spec = spec or DEFAULT_RUBRIC
    path = Path(spec)
    if path.suffix in {".yaml", ".yml"} or path.exists():
        if not path.is_file():
            raise RubricError(f"{spec}: no such rubric file")
        return path
    candidate = bundled_dir() / f"{spec}.yaml"
    if not candidate.is_file():
        known = ", ".join(bundled_ids()) or "none"
        raise RubricError(f"unknown rubric {spec!r}; bundled: {known} (or pass a path to a .yaml)")
    return candidate


_CACHE: dict[tuple[str, float], Rubric] = {}
# The rubric this process last loaded under each (id, version): a result names its rubric only by
# id and version, and later stages (LLM merge, pages) must grade with the one that was used —
# a file given by path too — not the bundled one of the same id.
_IN_USE: dict[tuple[str, str], Rubric] = {}


def load_rubric(spec: str | None = None) -> Rubric:
    path = resolve(spec)
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _CACHE:
        _CACHE[key] = parse_rubric(path.read_text(encoding="utf-8"), str(path))
    rubric = _CACHE[key]
    _IN_USE[(rubric.id, rubric.version)] = rubric
    return rubric


def rubric_for(rubric_id: str | None, version: str | None) -> Rubric | None:
    """The rubric a result was graded with: the one loaded in this process under that id and
    version, else the bundled one if its version matches, else None."""
    if rubric_id is None:
        return None
    if version is not None and (rubric_id, version) in _IN_USE:
        return _IN_USE[(rubric_id, version)]
    try:
        rubric = load_rubric(rubric_id)
    except RubricError:
        return None
    return rubric if version is None or rubric.version == version else None


def parse_rubric(text: str, name: str) -> Rubric:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise RubricError(f"{name}{where}: not valid YAML: {problem}") from None
    if node is None:
        raise RubricError(f"{name}: the file is empty")
    lines: dict[tuple[Any, ...], int] = {}
    data = _to_python(node, (), lines)
    try:
        return Rubric.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = tuple(first["loc"])
        line = _nearest_line(loc, lines)
        more = f" (+{err.error_count() - 1} more)" if err.error_count() > 1 else ""
        msg = first["msg"].removeprefix("Value error, ")
        raise RubricError(f"{name}: {_loc_text(loc)} (line {line}): {msg}{more}") from None


def _to_python(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            out[key] = _to_python(value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1  # the key's line, not its value's
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*path, i), lines) for i, item in enumerate(node.value)]
    return yaml.SafeLoader.construct_object(_LOADER, node, deep=True)


_LOADER = yaml.SafeLoader("")


def _nearest_line(loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> int:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return 1


def _loc_text(loc: tuple[Any, ...]) -> str:
    out = ""
    for item in loc:
        out += f"[{item}]" if isinstance(item, int) else (f".{item}" if out else str(item))
    return out or "(top level)"
