"""What the model fills in, generated from the rubric: the schema is the prompt. Each part's
``legal_text`` becomes its field's description and its ``llm.findings`` kind picks the model of
its items, so the legal wording lives only in the rubric and ``schema_hash`` covers it.

Every finding and flag carries a verbatim ``quote``. With a validation context holding the
report's :class:`~fzcheck.llm.verify.QuoteIndex` (key ``"quotes"``), a quote that is not in the
report, or too short to mean anything, raises, so instructor re-asks the model; without one
(batch import, or after the re-ask budget) quotes pass and :mod:`fzcheck.llm.verify` marks them.
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
    ValidationInfo,
    create_model,
    field_validator,
)

from fzcheck.llm.verify import quote_problem
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


# Bounds in the schema let grammar-constrained servers (llama.cpp, vLLM) stop a small model that
# loops over the same items until max_tokens; an answer beyond them is trimmed, not re-asked.
Items = Annotated[list[T], _first(ITEMS_MAX), Field(max_length=ITEMS_MAX)]
Bounded = Annotated[str, Field(json_schema_extra={"maxLength": QUOTE_MAX})]


class _Quoted(BaseModel):
    model_config = ConfigDict(extra="ignore")

    quote: Bounded = Field(description="从报告原文逐字复制的一句话（10到60个字），不得改写、概括或编造")

    @field_validator("quote")
    @classmethod
    def _quote_is_in_report(cls, value: str, info: ValidationInfo) -> str:
        index = (info.context or {}).get("quotes")
        if index is not None:
            problem = quote_problem(index, value)
            if problem:
                raise ValueError(problem)
        return value


# The findings kinds: generic shapes of what a part reports; the rubric says which part uses
# which, and in what words (its ``llm.item`` becomes the item's description).
class Measure(_Quoted):
    measure: str = Field(description="举措，一句话概括")
    result: str | None = Field(default=None, description="取得的成效；报告没写成效则为 null")
    figures: list[str] = Field(default_factory=list,
                               description="成效中的具体数字，如“办理案件120件”；没有则为空列表")


class Problem(_Quoted):
    problem: str = Field(description="不足或问题，一句话概括")
    cause: str | None = Field(default=None, description="报告写明的原因；报告没写原因则为 null，不要自己推测")


class Remedy(_Quoted):
    problem: str = Field(description="存在的问题，一句话概括")
    improvement: str | None = Field(
        default=None, description="报告针对这个问题写的改进措施；没写改进措施则为 null，不要自己补")


class Action(_Quoted):
    action: str = Field(description="做了什么，一句话概括")
    by_principal_leader: bool = Field(description="true：明确是本人亲自做的；false：只是说单位、党组或班子做的")


class Plan(_Quoted):
    measure: str = Field(description="安排的措施，一句话概括")
    concrete: bool = Field(description="true：有具体对象、数量、时限或责任单位；false：只是“进一步加强”之类的口号")


KIND_MODELS: dict[str, type[_Quoted]] = {"measures": Measure, "shortcomings": Problem,
                                         "remedies": Remedy, "actions": Action, "plans": Plan}
FLAG_KINDS = {
    "generic": "写成空泛套话", "no_cause": "只列问题不讲原因", "no_figures": "成效没有数据",
    "vague_plan": "安排没有具体措施", "leader_is_bureau": "应写本人履职却只写单位",
    "hidden_part": "某部分藏在主题式标题下", "other": "其他",
}


class PartMap(BaseModel):
    """一个法定部分在报告中的位置。"""

    model_config = ConfigDict(extra="ignore")

    status: PartStatus = Field(
        description="present：有专门的一级标题；embedded：没有专门标题，但正文里写了；missing：报告里没有")
    sections: Annotated[list[str], _first(3), Field(max_length=3)] = Field(
        default_factory=list, description="该部分所在的标题原文（取自章节目录）；没有则为空列表")


def items_field(part_id: str) -> str:
    return f"{part_id}_items"


def findings_kind(part: Part) -> FindingKind:
    return part.llm.findings


def _item_model(part: Part) -> type[BaseModel]:
    base = KIND_MODELS[part.llm.findings]
    fields: dict[str, Any] = {}
    if part.llm.findings == "actions" and part.llm.actor:
        fields["by_principal_leader"] = (bool, Field(
            description=f"true：明确是{part.llm.actor}本人亲自做的；false：只是说单位、党组或班子做的"))
    model: type[BaseModel] = create_model(
        f"{base.__name__}_{part.id}", __base__=base, __doc__=part.llm.item or None, **fields)
    return model


class _Review(BaseModel):
    model_config = ConfigDict(extra="ignore")

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
            fields[items_field(part.id)] = (items_of[_item_model(part)], Field(
                description=f"报告写的“{part.name}”，逐项列出（最多{ITEMS_MAX}项）；没有则为空列表"))
    kinds = "；".join(f"{k}：{v}" for k, v in FLAG_KINDS.items())
    flag: type[BaseModel] = create_model(
        "Flag", __base__=_Quoted, __doc__="审阅人会用红笔圈出的问题。",
        part=(part_ids, Field(description="问题所在的部分")),
        kind=(flag_kinds, Field(description=kinds)),
        reason=(str, Field(description="为什么圈出，一句话")))
    fields["flags"] = (items_of[flag], Field(description="审阅人应当注意的问题；没有则为空列表"))
    fields["summary"] = (Annotated[str, Field(json_schema_extra={"maxLength": SUMMARY_MAX * 2})],
                         Field(description=f"给审阅人的中文摘要，不超过{SUMMARY_MAX}字"))
    model: type[BaseModel] = create_model(
        MODEL_NAME, __base__=_Review,
        __doc__=f"对一份{rubric.title}的审阅结果。只依据报告原文，找不到就如实写 missing 或留空。",
        **fields)
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
