"""What the model fills in, generated from the rubric: the schema is the prompt. Each part's
``legal_text`` becomes its field's description and its ``llm.findings`` kind picks the model of
its items, so the legal wording lives only in the rubric and ``schema_hash`` covers it.

Every finding and flag carries a verbatim ``quote`` (non-empty by schema). Quotes are not
checked while parsing: :mod:`fzcheck.llm.call` checks them afterwards and re-asks only the ones
that failed, with :class:`QuoteRepair`. The schema is kept lean because it is sent with every
call: no ``title`` keys, and what a quote must be is said once, in the system prompt.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    create_model,
    field_validator,
)

from fzcheck.rubric.model import FindingKind, Part, Rubric

PartStatus = Literal["present", "embedded", "missing"]
SUMMARY_MAX = 200
ITEMS_MAX = 5
QUOTE_MAX = 100
MODEL_NAME = "ReportReview"  # the tool's name in tools mode
T = TypeVar("T")
_CN_ORDINALS = "一二三四五六七八九十"


def _first(n: int) -> BeforeValidator:
    return BeforeValidator(lambda v: v[:n] if isinstance(v, list) else v)


def _quoted_first(n: int) -> BeforeValidator:
    """Items with an empty quote are placeholders, not findings: dropped, then the first n."""

    def keep(v: Any) -> Any:
        if not isinstance(v, list):
            return v
        kept = [i for i in v if not (isinstance(i, dict) and not str(i.get("quote") or "").strip())]
        return kept[:n]

    return BeforeValidator(keep)


def _no_titles(schema: dict[str, Any], cls: type) -> None:
    # English titles pydantic adds to every model and field cost ~200 tokens a call, say nothing;
    # only the tool models keep theirs (it names the tool).
    if cls.__name__ not in _TOOLS:
        schema.pop("title", None)
    for prop in schema.get("properties", {}).values():
        prop.pop("title", None)


_TOOLS = {MODEL_NAME, "QuoteRepair"}
LEAN = ConfigDict(extra="ignore", json_schema_extra=_no_titles)


# Bounds in the schema let grammar-constrained servers (llama.cpp, vLLM) stop a small model that
# loops over the same items until max_tokens; an answer beyond them is trimmed, not re-asked.
Items = Annotated[list[T], _quoted_first(ITEMS_MAX), Field(max_length=ITEMS_MAX)]
Bounded = Annotated[str, Field(json_schema_extra={"minLength": 2, "maxLength": QUOTE_MAX})]


class _Quoted(BaseModel):
    model_config = LEAN

    quote: Bounded = Field(description="原文逐字摘录")


# The findings kinds: generic shapes of what a part reports; the rubric says which part uses
# which, and in what words (its ``llm.item`` becomes the item's description).
class Measure(_Quoted):
    measure: str = Field(description="举措")
    result: str | None = Field(default=None, description="成效；没写则 null")
    figures: list[str] = Field(default_factory=list, description="原文中的数字，如“办理案件120件”")


class Problem(_Quoted):
    problem: str = Field(description="问题")
    cause: str | None = Field(default=None, description="报告写明的原因；没写则 null")


class Remedy(_Quoted):
    problem: str = Field(description="存在的问题，一句话概括")
    improvement: str | None = Field(
        default=None, description="报告针对这个问题写的改进措施；没写改进措施则为 null，不要自己补"
    )


class Action(_Quoted):
    action: str = Field(description="做了什么")
    by_principal_leader: bool = Field(description="true：本人亲自做的；false：单位、党组或班子做的")


class Plan(_Quoted):
    measure: str = Field(description="措施")
    concrete: bool = Field(description="true：有具体对象、数量、时限或责任单位；false：口号")


KIND_MODELS: dict[str, type[_Quoted]] = {
    "measures": Measure,
    "shortcomings": Problem,
    "remedies": Remedy,
    "actions": Action,
    "plans": Plan,
}
FLAG_KINDS = {
    "generic": "写成空泛套话",
    "no_cause": "只列问题不讲原因",
    "no_figures": "成效没有数据",
    "vague_plan": "安排没有具体措施",
    "leader_is_bureau": "应写本人履职却只写单位",
    "hidden_part": "某部分藏在主题式标题下",
    "other": "其他",
}


class PartMap(BaseModel):
    model_config = LEAN

    status: PartStatus = Field(
        description="present：有专门的一级标题；embedded：无专门标题但正文写了；missing：没有"
    )
    sections: Annotated[list[str], _first(3), Field(max_length=3)] = Field(
        default_factory=list, description="所在标题原文（取自章节目录）"
    )


def items_field(part_id: str) -> str:
    return f"{part_id}_items"


def findings_kind(part: Part) -> FindingKind:
    return part.llm.findings


def _item_model(part: Part) -> type[BaseModel]:
    base = KIND_MODELS[part.llm.findings]
    fields: dict[str, Any] = {}
    if part.llm.findings == "actions" and part.llm.actor:
        fields["by_principal_leader"] = (
            bool,
            Field(description=f"true：{part.llm.actor}本人亲自做的；false：单位、党组或班子做的"),
        )
    model: type[BaseModel] = create_model(
        f"{base.__name__}_{part.id}", __base__=base, __doc__=part.llm.item or None, **fields
    )
    return model


class _Review(BaseModel):
    model_config = LEAN

    @field_validator("summary", check_fields=False)
    @classmethod
    def _summary_is_short(cls, value: str) -> str:
        # Over-long summaries are trimmed rather than re-asked: length is not worth a second call.
        return value.strip()[:SUMMARY_MAX]


_MODELS: dict[str, type[BaseModel]] = {}


def review_model(rubric: Rubric) -> type[BaseModel]:
    """The response model for one rubric (built once per rubric content)."""
    key = f"{rubric.id}:{rubric.digest}"
    if key not in _MODELS:
        _MODELS[key] = _build(rubric)
    return _MODELS[key]


def _build(rubric: Rubric) -> type[BaseModel]:
    # Types built at run time from the rubric's data: Any to the checker, real to pydantic.
    part_ids: Any = Literal[tuple(p.id for p in rubric.parts)]
    flag_kinds: Any = Literal[tuple(FLAG_KINDS)]
    items_of: Any = Items
    fields: dict[str, Any] = {}
    for n, part in enumerate(rubric.parts):
        ordinal = _CN_ORDINALS[n] if n < len(_CN_ORDINALS) else str(n + 1)
        fields[part.id] = (PartMap, Field(description=f"（{ordinal}）{part.legal_text}"))
        if part.llm.findings != "none":
            fields[items_field(part.id)] = (
                items_of[_item_model(part)],
                Field(description=f"“{part.label}”要点，最多{ITEMS_MAX}项"),
            )
    kinds = "；".join(f"{k}：{v}" for k, v in FLAG_KINDS.items())
    flag: type[BaseModel] = create_model(
        "Flag",
        __base__=_Quoted,
        __doc__="审阅人会用红笔圈出的问题",
        part=(part_ids, Field()),
        kind=(flag_kinds, Field(description=kinds)),
        reason=(str, Field(description="为什么圈出")),
    )
    fields["flags"] = (items_of[flag], Field())
    fields["summary"] = (
        Annotated[str, Field(json_schema_extra={"maxLength": SUMMARY_MAX})],
        Field(description=f"中文摘要，不超过{SUMMARY_MAX}字，不得与程序核对结果矛盾"),
    )
    model: type[BaseModel] = create_model(
        MODEL_NAME,
        __base__=_Review,
        __doc__=f"对一份{rubric.title}的审阅结果。只依据报告原文，找不到就如实写 missing 或留空。",
        **fields,
    )
    return model


_HASHES: dict[str, str] = {}


def schema_hash(rubric: Rubric) -> str:
    """Hash of the JSON schema the model sees (which holds the rubric's legal texts), so a
    result names the exact contract it answered."""
    key = f"{rubric.id}:{rubric.digest}"
    if key not in _HASHES:
        _HASHES[key] = _hash(review_model(rubric))
    return _HASHES[key]


def _hash(model: type[BaseModel]) -> str:
    schema = json.dumps(model.model_json_schema(), ensure_ascii=False, sort_keys=True)
    return "sha256:" + hashlib.sha256(schema.encode()).hexdigest()[:16]


class Fix(BaseModel):
    model_config = LEAN

    no: int = Field(description="待修正引文的编号")
    quote: Bounded = Field(description="原文逐字摘录")


class QuoteRepair(BaseModel):
    """只修正未通过核对的引文：每个编号给一句报告原文；找不到就不列该编号。"""

    model_config = LEAN

    fixes: Annotated[list[Fix], _first(20), Field(max_length=20)] = Field(default_factory=list)
