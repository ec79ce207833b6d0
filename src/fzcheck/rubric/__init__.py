"""Rubrics are data: YAML files validated by :mod:`fzcheck.rubric.model` (unknown keys are
errors). A rubric is a report type; the code serves any valid file.

Errors name the file, the key path and the line, e.g.
``rubrics/x.yaml: parts[1].weight (line 40): Input should be a valid number``.

Rubrics are passed to whatever needs them; a :class:`Catalog` holds the ones a run may use
(the bundled ones, or the one ``--rubric`` forces) and finds a result's rubric by id and
version. There is no process-wide registry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from fzcheck.errors import RubricError
from fzcheck.render.i18n import t
from fzcheck.rubric.model import Part, Rubric

__all__ = [
    "Catalog",
    "Part",
    "Rubric",
    "bundled_dir",
    "bundled_ids",
    "load_rubric",
    "parse_rubric",
    "resolve",
]


def bundled_dir() -> Path:
    """rubrics/ in a checkout; fzcheck/_data/rubrics inside an installed wheel."""
    packaged = resources.files("fzcheck") / "_data" / "rubrics"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "rubrics"


def bundled_ids() -> list[str]:
    return sorted(p.stem for p in bundled_dir().glob("*.yaml"))


def resolve(spec: str) -> Path:
    """A rubric id (bundled) or a path to a YAML file."""
    path = Path(spec)
    if path.suffix in {".yaml", ".yml"} or path.exists():
        if not path.is_file():
            raise RubricError(t("rubric.no_file", spec=spec))
        return path
    candidate = bundled_dir() / f"{spec}.yaml"
    if not candidate.is_file():
        known = ", ".join(bundled_ids()) or t("rubric.none")
        raise RubricError(t("rubric.unknown", spec=spec, known=known))
    return candidate


_CACHE: dict[tuple[str, float], Rubric] = {}


def load_rubric(spec: str) -> Rubric:
    """One rubric by bundled id or path (parsed once per file version)."""
    path = resolve(spec)
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _CACHE:
        rubric = parse_rubric(rubric_text(path), str(path))
        rubric._bundled = path.resolve().parent == bundled_dir().resolve()
        _CACHE[key] = rubric
    return _CACHE[key]


def rubric_text(path: Path) -> str:
    """A rubric file's text: UTF-8, and no larger than a rubric is."""
    with path.open("rb") as f:
        data = f.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        raise RubricError(t("rubric.too_big", name=path, limit="2 MB"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # saved in GBK, or no text at all
        raise RubricError(t("rubric.not_utf8", name=path)) from None


_MAX_BYTES = 2 * 1024 * 1024  # a rubric is tens of kilobytes
_MAX_NODES = 200_000  # a rubric's YAML nodes, its aliases expanded: the bundled ones ~3,000


class Catalog(Mapping[str, Rubric]):
    """The rubrics a run may use, by id. ``forced`` is set when ``--rubric`` chose one."""

    def __init__(self, rubrics: Iterable[Rubric], forced: bool = False) -> None:
        self._by_id: dict[str, Rubric] = {}
        for r in rubrics:
            if r.id in self._by_id:
                raise RubricError(t("rubric.same_id", id=r.id))
            self._by_id[r.id] = r
        if not self._by_id:
            raise RubricError(t("rubric.none_found", folder=bundled_dir()))
        self.forced = forced
        self._said_other_content: set[str] = set()

    @classmethod
    def load(cls, spec: str | None = None) -> Catalog:
        """``--rubric ID|PATH`` forces one rubric; without it, every bundled rubric competes."""
        if spec:
            return cls([load_rubric(spec)], forced=True)
        return cls(load_rubric(rid) for rid in bundled_ids())

    def __getitem__(self, rubric_id: str) -> Rubric:
        return self._by_id[rubric_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def for_result(self, result: Mapping[str, Any]) -> Rubric | None:
        """The rubric a result (JSON) was graded with, if it is in this catalog at that version
        and with that content (a result written before the content was recorded: at that
        version). One graded with other content under the same id and version — a copy of a
        bundled rubric, edited — is not at hand: said once, and None, never the other one."""
        rubric = self._at_version(result)
        if rubric is None:
            return None
        if self.other_content(result):
            self._say_other_content(rubric)
            return None
        return rubric

    def other_content(self, result: Mapping[str, Any]) -> bool:
        """Whether ``result`` names a rubric of this catalog at its version but was graded with
        other content (its digest another: an edited copy kept the id and version)."""
        rubric = self._at_version(result)
        digest = (result.get("rubric") or {}).get("digest")
        return rubric is not None and digest not in (None, rubric.digest)

    def _at_version(self, result: Mapping[str, Any]) -> Rubric | None:
        ref = result.get("rubric") or {}
        rubric = self._by_id.get(str(ref.get("id")))
        if rubric is None or ref.get("version") not in (None, rubric.version):
            return None
        return rubric

    def _say_other_content(self, rubric: Rubric) -> None:
        """Say once a run that results graded with other content under ``rubric``'s id and
        version are shown without it, and how to give the one that graded them."""
        if rubric.id in self._said_other_content:
            return
        self._said_other_content.add(rubric.id)
        from fzcheck.output import warn

        warn(t("rubric.other_content", id=rubric.id, version=rubric.version))

    @property
    def digest(self) -> str:
        """What a batch's skip key must cover: every rubric that could be chosen."""
        return "+".join(f"{r.id}@{r.version}:{r.digest}" for r in self._by_id.values())


def parse_rubric(text: str, name: str) -> Rubric:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = t("rubric.line", line=mark.line + 1) if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise RubricError(t("rubric.not_yaml", name=name, where=where, problem=problem)) from None
    except RecursionError:  # [[[[… hundreds deep: the parser's recursion, no rubric's shape
        raise RubricError(
            t("rubric.not_yaml", name=name, where="", problem=t("rubric.too_deep"))
        ) from None
    if node is None:
        raise RubricError(t("rubric.empty", name=name))
    lines: dict[tuple[Any, ...], int] = {}
    if _expanded_size(node, _MAX_NODES) > _MAX_NODES:  # a "billion laughs" of aliases
        raise RubricError(t("rubric.too_big", name=name, limit=f"{_MAX_NODES:,}个节点"))
    data = _to_python(node, (), lines)
    try:
        return Rubric.model_validate(data)
    except ValidationError as err:
        first, *rest = err.errors()
        loc = _without_tags(tuple(first["loc"]))
        line = _nearest_line(loc, lines)
        # the others by their fields, a few at least: an author fixes them in one pass
        others = "、".join(dict.fromkeys(_loc_text(_without_tags(tuple(e["loc"]))) for e in rest))
        shown = others if len(rest) <= _SHOWN else "、".join(others.split("、")[:_SHOWN]) + "…"
        more = t("rubric.more", n=len(rest), fields=shown) if rest else ""
        msg = _said(first)
        raise RubricError(
            t("rubric.invalid", name=name, field=_loc_text(loc), line=line, message=msg, more=more)
        ) from None


def _expanded_size(node: yaml.Node, limit: int) -> int:
    """How many nodes ``node`` holds once its aliases are expanded, counted up to ``limit``
    (each alias of one node counts it again: a few lines of aliases stand for billions)."""
    sizes: dict[int, int] = {}

    def size(n: yaml.Node) -> int:
        if id(n) in sizes:
            return sizes[id(n)]
        sizes[id(n)] = limit + 1  # while it is counted: an alias of itself inside expands forever
        total = 1
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                total += size(k) + size(v)
                if total > limit:
                    break
        elif isinstance(n, yaml.SequenceNode):
            for item in n.value:
                total += size(item)
                if total > limit:
                    break
        sizes[id(n)] = min(total, limit + 1)
        return sizes[id(n)]

    return size(node)


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


def _without_tags(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """A check's loc without the union tag pydantic inserts (checks[0].figures.min → checks[0].min):
    the file has no such key."""
    from fzcheck.analysis.checks import DOCUMENT_KINDS, PART_KINDS

    tags = PART_KINDS.keys() | DOCUMENT_KINDS.keys()
    return tuple(
        x for i, x in enumerate(loc) if not (i and isinstance(loc[i - 1], int) and x in tags)
    )


_SHOWN = 5  # other errors named by field


def _said(error: Any) -> str:
    """pydantic's message in the CLI's language for the kinds a rubric's author meets (a key
    missing, a value of the wrong kind, an unknown key); a validator's own message as it is."""
    kind = str(error.get("type", ""))
    key = f"rubric.error.{kind}"
    said = t(
        key,
        **{k: v for k, v in (error.get("ctx") or {}).items() if isinstance(v, (str, int, float))},
    )
    return said if said != key else str(error["msg"]).removeprefix("Value error, ")


def _loc_text(loc: tuple[Any, ...]) -> str:
    out = ""
    for item in loc:
        out += f"[{item}]" if isinstance(item, int) else (f".{item}" if out else str(item))
    return out or t("rubric.top_level")
