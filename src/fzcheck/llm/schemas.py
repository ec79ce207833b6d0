"""What the model fills in. The schema is the prompt: every docstring and field description here
is sent to the model, in Chinese, so keep them short, concrete and true.

Every finding and flag carries a verbatim ``quote``. With a validation context holding the
report's :class:`~fzcheck.llm.verify.QuoteIndex` (key ``"quotes"``), a quote that is not in the
report, or too short to mean anything, raises, so instructor re-asks the model; without one (batch
import, or after the re-ask budget) quotes pass and :mod:`fzcheck.llm.verify` marks them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from fzcheck.llm.verify import quote_problem

PartId = Literal["achievements", "problems", "leader_duties", "next_year_plan", "other"]
PartStatus = Literal["present", "embedded", "missing"]
SUMMARY_MAX = 200
ITEMS_MAX = 5
QUOTE_MAX = 100
T = TypeVar("T")


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


class Achievement(_Quoted):
    """一项主要举措及其成效。"""

    measure: str = Field(description="举措，一句话概括")
    result: str | None = Field(default=None, description="取得的成效；报告没写成效则为 null")
    figures: list[str] = Field(default_factory=list,
                               description="成效中的具体数字，如“办理复议案件120件”；没有则为空列表")


class Problem(_Quoted):
    """一项不足或问题，以及报告给出的原因。"""

    problem: str = Field(description="不足或问题，一句话概括")
    cause: str | None = Field(default=None, description="报告写明的原因；报告没写原因则为 null，不要自己推测")


class LeaderAction(_Quoted):
    """党政主要负责人履行推进法治建设第一责任人职责的一项行动。"""

    action: str = Field(description="做了什么，一句话概括")
    by_principal_leader: bool = Field(
        description="true：明确是主要负责人（书记、市长、局长等“一把手”）本人亲自做的；"
                    "false：只是说单位、党组或班子做的")


class PlanItem(_Quoted):
    """下一年度的一项安排。"""

    measure: str = Field(description="安排的措施，一句话概括")
    concrete: bool = Field(description="true：有具体对象、数量、时限或责任单位；false：只是“进一步加强”之类的口号")


class Flag(_Quoted):
    """审阅人会用红笔圈出的问题。"""

    part: PartId = Field(description="问题所在的部分")
    kind: Literal["generic", "no_cause", "no_figures", "vague_plan", "leader_is_bureau",
                  "hidden_part", "other"] = Field(
        description="generic：问题写成空泛套话；no_cause：只列问题不讲原因；no_figures：成效没有数据；"
                    "vague_plan：安排没有具体措施；leader_is_bureau：主要负责人履职只写单位不写本人；"
                    "hidden_part：某部分藏在主题式标题下；other：其他")
    reason: str = Field(description="为什么圈出，一句话")


class PartMap(BaseModel):
    """一个法定部分在报告中的位置。"""

    model_config = ConfigDict(extra="ignore")

    status: PartStatus = Field(
        description="present：有专门的一级标题；embedded：没有专门标题，但正文里写了；missing：报告里没有")
    sections: Annotated[list[str], _first(3), Field(max_length=3)] = Field(default_factory=list,
                                description="该部分所在的标题原文（取自章节目录）；没有则为空列表")


class ReportReview(BaseModel):
    """对一份法治政府建设年度报告的审阅结果。只依据报告原文，找不到就如实写 missing 或留空。"""

    model_config = ConfigDict(extra="ignore")

    achievements: PartMap = Field(description="（一）上一年度推进法治政府建设的主要举措和成效")
    achievement_items: Items[Achievement] = Field(description="报告写的主要举措和成效，逐项列出（最多5项）；没有则为空列表")
    problems: PartMap = Field(description="（二）存在的不足和原因")
    problem_items: Items[Problem] = Field(description="报告写的不足和原因，逐项列出（最多5项）；没有则为空列表")
    leader_duties: PartMap = Field(description="（三）党政主要负责人履行推进法治建设第一责任人职责的情况")
    leader_items: Items[LeaderAction] = Field(description="报告写的主要负责人履职行动，逐项列出（最多5项）；没有则为空列表")
    next_year_plan: PartMap = Field(description="（四）下一年度推进法治政府建设的主要安排")
    plan_items: Items[PlanItem] = Field(description="报告写的下一年度安排，逐项列出（最多5项）；没有则为空列表")
    other: PartMap = Field(description="（五）其他需要报告的情况")
    flags: Items[Flag] = Field(description="审阅人应当注意的问题；没有则为空列表")
    summary: Annotated[str, Field(json_schema_extra={"maxLength": SUMMARY_MAX * 2})] = Field(
        description=f"给审阅人的中文摘要，不超过{SUMMARY_MAX}字")

    @field_validator("summary")
    @classmethod
    def _summary_is_short(cls, value: str) -> str:
        # Over-long summaries are trimmed rather than re-asked: length is not worth a second call.
        return value.strip()[:SUMMARY_MAX]


# part id -> the field holding its findings, and the finding model
FINDINGS: dict[str, str] = {"achievements": "achievement_items", "problems": "problem_items",
                            "leader_duties": "leader_items", "next_year_plan": "plan_items"}


def schema_hash(model: type[BaseModel] = ReportReview) -> str:
    """Hash of the JSON schema the model sees, so a result names the exact contract it answered."""
    schema = json.dumps(model.model_json_schema(), ensure_ascii=False, sort_keys=True)
    return "sha256:" + hashlib.sha256(schema.encode()).hexdigest()[:16]
