"""Is it a 法治政府建设年度报告? Decided from weighted signs, on our own look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzcheck.analysis.analyse import analyse
from fzcheck.analysis.genre import GenreDecision, genre_score
from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.reading.normalize import _per_char
from fzcheck.rubric import Catalog, load_rubric
from tests.helpers import FIXTURES, SAMPLE, checked, sample_text
from tests.test_parts import check, failed, statuses


def _genre(result: dict[str, object]) -> dict[str, object]:
    checks = result["checks"]
    assert isinstance(checks, list)
    return next(c for c in checks if c["id"] == "is_report")


@pytest.mark.parametrize(
    "name,sign",
    [
        ("gov_work_report.txt", "向人民代表大会所作的讲话"),
        ("news_story.txt", "新闻报道的电头或记者署名"),
        ("jiedu.txt", "文件解读的问答"),
        ("notice_cites.txt", "标题表明这是通知"),
    ],
)
def test_look_alikes_are_not_reports_and_say_why(name: str, sign: str) -> None:
    r = check(name)
    assert r["verdict"] == "not_a_report" and r["score"] == 0
    message = _genre(r)["message"]
    assert message.startswith("不是法治政府建设报告：") and sign in message


@pytest.mark.parametrize(
    "name,sign",
    [
        # each has a problems part, a plan and 现将…报告如下; the first the law's leader heading
        ("leader_own_account.txt", "标题是个人述法或述职报告"),
        # its title names no 述法, but it speaks as 本人 and is put forward 请予评议
        ("leader_account_untitled.txt", "个人述法或述职的自述"),
        ("self_assessment.txt", "标题是自评、自查或整改报告"),
        ("unit_year_summary.txt", "另一主题的工作报告"),
        ("circular.txt", "标题表明这是通报"),
    ],
)
def test_documents_a_unit_sends_beside_its_report_are_not_reports(name: str, sign: str) -> None:
    r = check_path(str(FIXTURES / "lookalikes" / name), Catalog.load()).to_json()
    assert r["rubric"]["id"] == "fazhi-annual"
    assert r["verdict"] == "not_a_report" and r["score"] == 0
    message = _genre(r)["message"]
    assert message.startswith("不是法治政府建设报告：") and sign in message


@pytest.mark.parametrize(
    "title",
    [
        "示例县司法局关于2025年度法治政府建设情况暨督察反馈问题整改情况的报告",
        "示例县司法局2025年度法治政府建设暨示范创建工作情况的报告",
        "示例县司法局关于2025年度法治政府建设和法治督察自查情况的报告",
        "示例县2025年度法治政府建设情况暨党政主要负责人述法报告",
        "示例县2025年度法治政府建设情况和党政主要负责人履行推进法治建设第一责任人职责情况的报告",
        "示例县司法局关于2025年度法治建设工作情况及党政主要负责人履行推进法治建设第一责任人职责情况的报告",
        "示例县司法局2025年度法治政府建设工作情况以及2026年工作计划",
        "示例县2025年度法治政府建设情况暨党政主要负责人履职情况报告",
    ],
)
def test_the_years_report_joined_with_another_is_still_the_report(
    tmp_path: Path, title: str
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "joined.txt"
    path.write_text("\n".join([title, *lines[1:]]), encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["is_report"] and r["verdict"] == "complete", _genre(r)["message"]


def test_speech_to_a_congress_is_not_a_report_even_with_its_parts() -> None:
    r = check("gov_work_report.txt")
    # a year review, 困难和问题 and next year's plan, several 法治 sentences: still a speech
    assert statuses(r)["problems"] == "present"
    assert r["document"]["is_report"] is False


def test_citing_the_regulation_is_not_doing_the_duty() -> None:
    r = check("notice_cites.txt")
    # 《党政主要负责人履行推进法治建设第一责任人职责规定》 is only cited
    assert statuses(r)["leader_duties"] == "missing"


def test_citation_alone_does_not_embed_a_part(tmp_path: Path) -> None:
    text = (FIXTURES / "no_title_body_year.txt").read_text(encoding="utf-8")
    assert "第一责任人" not in text
    cited = text.replace(
        "（二）加强执法监督。",
        "（二）加强执法监督。认真学习《党政主要负责人履行推进法治建设第一责任人职责规定》。",
    )
    path = tmp_path / "cited.txt"
    path.write_text(cited, encoding="utf-8")
    assert statuses(check_path(str(path), Catalog.load()).to_json())["leader_duties"] == "missing"
    path.write_text(
        cited.replace("认真学习《", "局主要负责人认真履行第一责任人职责，学习《"), encoding="utf-8"
    )
    assert statuses(check_path(str(path), Catalog.load()).to_json())["leader_duties"] == "embedded"


def test_report_without_title_or_report_phrase_but_with_the_laws_headings(tmp_path: Path) -> None:
    text = (FIXTURES / "header_date.txt").read_text(encoding="utf-8").splitlines()
    body = [line for line in text[7:] if "报告如下" not in line]
    path = tmp_path / "untitled.txt"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["title"] is None
    assert r["document"]["is_report"] is True and r["verdict"] == "complete"
    assert "法定表述" in _genre(r)["message"]
    title_check = next(c for c in r["checks"] if c["id"] == "title_names_subject_and_year")
    assert title_check["passed"] is False


def test_genre_score_is_a_decision_with_its_signs() -> None:
    rubric = load_rubric("fazhi-annual")
    doc = load(str(FIXTURES / "debris_titles.txt"))
    analysis = analyse(doc, rubric)
    outline = analysis.outline
    decision = genre_score(
        doc,
        "示例县人民政府关于2025年度法治政府建设情况的报告",
        analysis.parts,
        rubric,
        [h.text for h in outline.headings],
    )
    assert isinstance(decision, GenreDecision)
    assert decision.passed and decision.score >= rubric.report_genre.pass_score
    assert decision.score == analysis.info.genre_score
    assert any("标题" in s.text and s.weight > 0 for s in decision.signs)
    check = decision.check(rubric)
    assert check.id == "is_report" and check.message == decision.message
    assert check.name == analysis.checks[0].name  # named as the analysis names it
    # with no title and no parts found the same text weighs less
    news = genre_score(doc, None, [], rubric)
    assert news.score < decision.score


def test_other_genre_signs_come_from_the_rubric(tmp_path: Path) -> None:
    rubric = load_rubric("fazhi-annual")
    g = rubric.report_genre
    quiet = g.model_copy(update={"other_genres": []})
    speech = load(str(FIXTURES / "gov_work_report.txt"))
    parts = analyse(speech, rubric).parts
    with_signs = genre_score(speech, "政府工作报告", parts, rubric)
    without = genre_score(
        speech, "政府工作报告", parts, rubric.model_copy(update={"report_genre": quiet})
    )
    assert without.score > with_signs.score


def test_traditional_twin_gets_the_same_verdict_and_score() -> None:
    simple = check("twin_simplified.txt")
    trad = check("twin_traditional.txt")
    assert trad["document"]["script"] == "traditional"
    assert simple["document"]["script"] == "simplified"
    for key in ("verdict", "score"):
        assert trad[key] == simple[key]
    assert statuses(trad) == statuses(simple)
    assert [c["passed"] for p in trad["parts"] for c in p["checks"]] == [
        c["passed"] for p in simple["parts"] for c in p["checks"]
    ]
    # 由於/於/為/爲 and the rest read exactly as the Simplified twin
    assert (
        load(str(FIXTURES / "twin_traditional.txt")).analysis
        == load(str(FIXTURES / "twin_simplified.txt")).analysis
    )


def test_length_changing_lines_convert_clause_by_clause() -> None:
    # a single-character fallback would leave 瞭 (了解 is a phrase conversion)
    assert _per_char("瞭解情況，由於人員不足，為此") == "了解情况，由于人员不足，为此"


def test_opening_with_the_laws_heading_under_a_date_is_a_report(tmp_path: Path) -> None:
    # an excerpt with no title: a header date, then the law's own first heading
    path = tmp_path / "opening.txt"
    path.write_text(
        "2026年2月6日\n一、2025年推进法治政府建设的主要举措和成效\n"
        "（一）深化“放管服”改革。全年新设市场主体2136户，办理登记业务5400余件。\n",
        encoding="utf-8",
    )
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["is_report"] is True
    assert r["document"]["signed_on"] is None and r["document"]["report_year"] == 2025
    assert statuses(r)["achievements"] == "present"


def test_another_subjects_annual_report_is_not_this_genre(tmp_path: Path) -> None:
    # review, problems and plan like a report, a mention of 依法行政, but about 政务公开
    path = tmp_path / "other.txt"
    path.write_text(
        "示例县司法局2025年政务公开工作年度报告\n"
        "一、工作开展情况\n全年主动公开政府信息320条，办理依申请公开18件，坚持依法行政。\n"
        "二、存在的问题\n公开内容不够全面。\n"
        "三、下一步工作打算\n2026年，将进一步完善公开目录。\n",
        encoding="utf-8",
    )
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert r["verdict"] == "not_a_report"
    assert "另一主题的工作报告" in _genre(r)["message"]
    # left to choose, fzcheck grades it as the report type it is about
    assert check_path(str(path), Catalog.load()).to_json()["rubric"]["id"] == "gip-annual"


def test_a_byline_at_a_line_start_is_a_sign_of_news(tmp_path: Path) -> None:
    rubric = load_rubric("fazhi-annual")

    def news_signs(text: str) -> list[str]:
        story = tmp_path / "story.txt"
        story.write_text(text, encoding="utf-8")
        signs = genre_score(load(str(story)), None, [], rubric).signs
        return [s.text for s in signs if s.text.startswith("新闻报道的电头或记者署名")]

    body = "示例市近日公布法治政府建设年度报告，依法行政水平提升。\n该市将继续推进法治建设。\n"
    # after spaces, after non-breaking spaces (kept by page text), after blank lines
    for opening in ("  记者 王某某\n", "\xa0\xa0记者：王某某\n", "\n\n记者 王某某\n"):
        found = news_signs("示例市法治政府建设获好评\n" + opening + body)
        assert len(found) == 1 and found[0].startswith("新闻报道的电头或记者署名（“记者")
        assert "王某某" in found[0]
    # the same words inside a sentence are not a byline, but a later line's byline still is
    assert news_signs("示例市法治政府建设情况\n本市接受记者王某某采访。\n" + body) == []
    assert len(news_signs("示例\n本市接受记者王某某采访。\n记者 李某某\n" + body)) == 1


def test_signs_sharing_a_name_count_once(tmp_path: Path) -> None:
    rubric = load_rubric("fazhi-annual")
    story = tmp_path / "story.txt"
    story.write_text(
        "示例县法治政府建设年度报告\n本网讯（记者 张三）示例县公布报告。\n记者 李四\n"
        "依法行政工作持续推进，法治建设成效明显。\n",
        encoding="utf-8",
    )
    signs = [s for s in genre_score(load(str(story)), None, [], rubric).signs if s.weight == -8]
    assert [s.text for s in signs] == ["新闻报道的电头或记者署名（“本网讯”）"]


def test_a_disclosure_self_inspection_is_not_the_disclosure_report(tmp_path: Path) -> None:
    path = tmp_path / "self-inspection.txt"
    path.write_text(
        "示例县人民政府办公室关于2025年度政务公开工作自查情况的报告\n"
        "现将2025年度政府信息公开工作自查情况报告如下。\n"
        "一、主动公开政府信息情况\n全年主动公开政府信息320条，政务公开专栏更新及时。\n"
        "二、收到和处理政府信息公开申请情况\n办理依申请公开18件，均按期答复。\n"
        "三、存在的主要问题及改进情况\n部分公开内容不够全面，下一步将完善公开目录。\n",
        encoding="utf-8",
    )
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["rubric"]["id"] == "gip-annual"
    assert r["verdict"] == "not_a_report"
    assert "标题是自评、自查、评估或整改报告" in _genre(r)["message"]


def test_blank_lines_before_a_sign_are_passed_in_one_scan(tmp_path: Path) -> None:
    """Thousands of blank lines (a converter's output) took each newline to the run's end:
    20,000 took 8 s. The sign after them is still found."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "blank.txt"
    path.write_text("\n".join([*lines[:4], "\n" * 200_000, "  记者：张三", *lines[4:]]))
    r = check_path(str(path), Catalog.load()).to_json()
    clean = check_path(str(SAMPLE), Catalog.load()).to_json()
    assert r["document"]["genre_score"] == clean["document"]["genre_score"] - 8  # the byline


@pytest.mark.parametrize(
    "title",
    [
        "示例县2025年普法依法治理工作总结",  # 法治 inside 依法治理 is not the subject
        "示例县司法局2025年法治宣传教育工作总结",  # the 普法 summary: a subject of its own
        "示例县2025年法治乡村建设工作报告",
        "示例县司法局2025年度工作情况报告",  # 情况报告 with no 的
        "示例县司法局2025年工作总结",  # read as a title: 总结 ends it
    ],
)
def test_a_title_on_another_subject_is_read_and_counts_against(tmp_path: Path, title: str) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "doc.txt"
    path.write_text("\n".join([title, *lines[1:]]), encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert r["document"]["title"] == title
    # the sample's body has every part under the law's headings: the title alone does not
    # outweigh them, but it is weighed and named
    assert "另一主题的工作报告" in _genre(r)["message"]


@pytest.mark.parametrize(
    "title,sign",
    [
        # documents whose kind ends their title: read as the title, so its kind is seen
        ("示例县2025年度法治政府建设考核评分细则", "标题表明这是细则"),
        ("示例县2026年法治政府建设工作要点", "标题表明这是工作要点"),
        ("××县（单位）关于20××年度法治政府建设情况的报告（参考提纲）", "空白模板或写作提纲"),
        ("关于2025年度法治政府建设考核情况的通报", "标题表明这是通报"),
        ("关于落实法治政府建设督察反馈意见整改工作的报告", "标题是自评、自查或整改报告"),
        ("关于2025年度县长履行推进法治建设第一责任人职责情况的报告", "标题是个人述法或述职报告"),
        (
            "示例县县长2025年度履行推进法治建设第一责任人职责工作情况报告",
            "标题是个人述法或述职报告",
        ),
        ("示例县水利局党组书记、局长2025年度法治建设履职报告", "标题是个人述法或述职报告"),
        ("示例县创建全国法治政府建设示范县工作情况的报告", "标题是示范创建或申报材料"),
        ("关于县委巡察组反馈法治建设方面问题整改进展情况的报告", "标题是自评、自查或整改报告"),
    ],
)
def test_a_title_that_says_what_else_it_is_outweighs_the_reports_parts(
    tmp_path: Path, title: str, sign: str
) -> None:
    """Each with the sample's whole body (every part, the law's headings): the title decides."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "doc.txt"
    path.write_text("\n".join([title, *lines[1:]]), encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert r["document"]["title"] == title
    assert r["verdict"] == "not_a_report", _genre(r)["message"]
    assert sign in _genre(r)["message"]


def test_a_close_call_names_the_strongest_sign_against_it(tmp_path: Path) -> None:
    from fzcheck.analysis.genre import Sign, _message

    g = load_rubric("fazhi-annual").report_genre
    signs = [Sign("标题表明这是工作要点", -12), Sign("标题层级用了法定表述", 6), Sign("有部分", 7)]
    assert _message(g, True, 1 + g.pass_score, signs).endswith("；但标题表明这是工作要点（得分4）")
    far = [Sign("标题表明这是工作要点", -12), Sign("有部分", 30)]
    assert "但" not in _message(g, True, 18, far)


@pytest.mark.parametrize("nav", ["办事指南", "政府信息公开指南", "工作总结"])
def test_a_sites_nav_line_naming_only_a_kind_is_not_the_title(tmp_path: Path, nav: str) -> None:
    """办事指南 above the report (a crawled page's nav): a look-alike's kind with no unit or year
    is not its title, and the report stays a report."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "nav.txt"
    path.write_text("\n".join(["首页 > 政务公开 > 年度报告", nav, *lines]), encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert r["document"]["title"] == lines[0]
    assert r["verdict"] == "complete"


def test_a_report_titled_as_an_outline_for_a_briefing_is_still_the_report(tmp_path: Path) -> None:
    # 汇报提纲 is what is said at a briefing, not a blank template (参考提纲, ××)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "outline.txt"
    title = "示例县司法局2025年度法治政府建设工作汇报提纲"
    path.write_text("\n".join([title, *lines[1:]]), encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert r["document"]["is_report"], _genre(r)["message"]


def test_a_news_item_on_a_meeting_is_not_a_report(tmp_path: Path) -> None:
    """会议指出…会议强调…: a meeting retold, its figures and its call to publish the reports
    are no report of a unit's own."""
    r = checked(
        tmp_path,
        "示例县召开2025年度法治政府建设工作推进会\n"
        "2月18日，示例县召开法治政府建设工作推进会。会议指出，2025年全县制定规范性文件5件，"
        "办理行政复议案件41件，开展执法培训12次，但仍存在一些短板和不足。"
        "会议强调，各单位要按时公开法治政府建设年度报告，主要负责人要切实履行第一责任人职责，"
        "2026年要持续推进法治政府建设。\n",
        "fazhi-annual",
    )
    assert r["verdict"] == "not_a_report" and "会议新闻的转述" in _genre(r)["message"]


def test_a_notice_on_making_the_report_is_not_the_report(tmp_path: Path) -> None:
    """年度报告编制和发布工作的通知: the 和 joins 编制 and 发布, not a report to another title."""
    r = checked(
        tmp_path,
        "关于做好2024年政府信息公开工作年度报告编制和发布工作的通知\n各乡镇、县直各部门：\n"
        "为做好2024年政府信息公开工作年度报告编制和发布工作，现就有关事项通知如下。"
        "各单位要按照年度报告格式编制年度报告，于1月31日前公开。\n",
    )
    assert r["verdict"] == "not_a_report" and "标题表明这是通知" in _genre(r)["message"]


def test_a_unit_telling_of_its_own_meeting_is_weighed_nothing_for_it(tmp_path: Path) -> None:
    """会议强调，… once in the leader's paragraph: the unit's own meeting, not a news item."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "亲自审定年度法治政府建设工作要点，",
        "亲自审定年度法治政府建设工作要点，会议强调，要把法治建设摆在突出位置，",
    )
    r = checked(tmp_path, text)
    assert r["verdict"] == "complete" and "会议新闻" not in _genre(r)["message"]
    assert (
        r["document"]["genre_score"]
        == checked(tmp_path, SAMPLE.read_text(encoding="utf-8"))["document"]["genre_score"]
    )


@pytest.mark.parametrize(
    "title",
    ["示例区司法局2025年工作总结及2026年工作思路", "示例区司法局2025年工作总结暨2026年工作打算"],
)
def test_a_units_whole_year_with_next_years_thoughts_is_not_this_report(
    tmp_path: Path, title: str
) -> None:
    """A 司法局's own year (…工作总结及2026年工作思路) is full of 法治政府建设 and has a summary, a
    problems section and a plan: its title, ending in 工作思路 / 工作打算, is read as a title
    and says it is another subject's report."""
    r = checked(
        tmp_path,
        f"{title}\n\n一、2025年工作总结\n"
        "（一）统筹推进法治政府建设。组织法治督察2次，审核规范性文件9件，审查合同186份。\n"
        "（二）社区矫正。在册社区矫正对象312人，全年未发生脱管漏管。\n"
        "二、存在的问题\n司法所人员力量不足。原因是编制紧张。\n"
        "三、2026年工作思路\n一是统筹推进法治政府建设；二是加强基层司法所建设。\n",
    )
    assert r["document"]["title"] == title
    assert not r["document"]["is_report"] and "另一主题的工作报告" in _genre(r)["message"]


def test_a_news_item_without_a_dateline_is_told_by_its_sourcing(tmp_path: Path) -> None:
    """A county media account's item on the year's 法治 assessment (no 本报讯, no 记者 line)
    speaks of reports, the leaders' duty and shortcomings; 相关负责人表示 is how news
    gives its sources, never how a unit reports on itself."""
    r = checked(
        tmp_path,
        "我县公布2025年度法治政府建设考评结果\n\n"
        "近日，县委依法治县办公布了2025年度全县法治政府建设考评结果。考评围绕党政主要负责人"
        "履行推进法治建设第一责任人职责等方面进行。考评发现，各单位法治政府建设年度报告普遍按时"
        "公开，但部分单位报告存在不足和原因分析不深等问题。据了解，今年共有36家单位参加考评。\n"
        "县司法局相关负责人表示，下一步将把考评结果纳入绩效考核。\n",
    )
    assert not r["document"]["is_report"]
    assert "新闻报道" in _genre(r)["message"]


def test_a_briefing_to_an_inspection_team_is_not_the_report(tmp_path: Path) -> None:
    """尊敬的督察组各位领导：… 以上汇报，不妥之处，请批评指正: a briefing given in the room, with
    the report's parts in it, is not the unit's published annual report."""
    body = (
        "一、主要工作开展情况\n2025年，全县审查规范性文件17件，办理行政复议案件96件，"
        "开展执法案卷评查2次。县委书记、县长认真履行第一责任人职责，亲自研究部署法治建设。\n"
        "二、存在的问题\n基层执法力量薄弱。原因是县级财力有限。\n"
        "三、下一步打算\n下一步，我县将推动法治政府建设再上新台阶。\n"
    )
    title = "关于示例县法治政府建设工作情况的汇报\n\n"
    r = checked(
        tmp_path,
        f"{title}尊敬的督察组各位领导：\n下面，我就我县法治政府建设工作情况作简要汇报。\n"
        f"{body}以上汇报，不妥之处，请各位领导批评指正。\n",
    )
    assert not r["document"]["is_report"] and "口头汇报" in _genre(r)["message"]


def test_one_leaders_account_titled_as_情况_is_not_the_report(tmp_path: Path) -> None:
    """…同志2025年度履行推进法治建设第一责任人职责情况, told as 本人…, signed 述职人：…: one
    leader's own account (a 述法 paper), though its title ends in 情况, not 报告."""
    r = checked(
        tmp_path,
        "李明同志2025年度履行推进法治建设第一责任人职责情况\n\n"
        "2025年，本人作为县交通运输局局长，认真履行推进法治建设第一责任人职责，现将有关情况报告如下：\n"
        "一、履职主要举措和成效\n本人亲自主持召开局党组会议研究法治建设工作6次，全年办理行政处罚案件146件。\n"
        "二、存在的不足和原因\n本人学法的系统性不够，原因是事务性工作多。\n"
        "三、2026年工作打算\n2026年，本人将带头学法。\n\n述职人：李明\n2026年1月15日\n",
    )
    assert not r["document"]["is_report"] and "述法或述职" in _genre(r)["message"]


def test_an_assessment_of_others_reports_is_not_a_report(tmp_path: Path) -> None:
    """A third party's assessment of how the year's reports were published speaks of their
    parts and 年度报告 throughout; its title says what it is."""
    r = checked(
        tmp_path,
        "示例省2025年度法治政府建设年度报告发布情况评估报告\n\n"
        "受省委依法治省办委托，我会对全省各地2025年度法治政府建设年度报告的发布情况进行了第三方评估。"
        "现将评估情况报告如下：\n一、评估总体情况\n全省按时公开率为91.3%，较上年提高4.2个百分点。\n"
        "二、报告内容评估\n多数报告包含主要举措和成效、存在的不足和原因等内容。\n"
        "三、存在的主要问题\n部分报告对不足和原因的分析流于形式。\n\n示例省法学会\n2026年4月20日\n",
    )
    assert not r["document"]["is_report"]


def test_a_bulletins_item_on_a_meeting_is_not_a_report(tmp_path: Path) -> None:
    """法治建设工作简报 第12期, then 我县召开2025年度法治政府建设工作总结会 and 会议通报了…会议
    要求…: a bulletin's news item; 总结会 is a meeting, no 总结 of the unit's own."""
    r = checked(
        tmp_path,
        "法治建设工作简报\n第12期\n示例县委全面依法治县委员会办公室          2026年1月20日\n\n"
        "我县召开2025年度法治政府建设工作总结会\n\n"
        "1月18日，我县召开2025年度法治政府建设工作总结会。会议通报了2025年度全县法治政府建设情况："
        "全年出台规范性文件8件，办理行政复议案件65件。会议要求，2026年各单位主要负责人要履行法治建设"
        "第一责任人职责。\n\n报：市委依法治市办\n发：各乡镇、县直各部门\n",
    )
    assert not r["document"]["is_report"]
    # the headline is the look-alike's title, read as no report's (no 标题有“法治政府”和“总结”)
    assert r["document"]["title"] == "我县召开2025年度法治政府建设工作总结会"
    genre = next(c for c in r["checks"] if c["id"] == "is_report")
    assert "标题有" not in genre["message"]


@pytest.mark.parametrize(
    "old,new",
    [
        # a unit telling of its own meeting, as the leaders' duty is told
        (
            "局党组书记、局长认真履行推进法治建设第一责任人职责，",
            "局长主持召开局党组会议听取法治建设工作汇报，会议要求，各股室落实责任。"
            "局党组书记、局长认真履行推进法治建设第一责任人职责，",
        ),
        # a themed heading ending in 会议, among the first lines
        ("（一）健全依法决策机制。", "（一）定期召开法治建设工作会议\n（一）健全依法决策机制。"),
        ("全年对12项重大行政决策", "据了解，全年对12项重大行政决策"),
    ],
)
def test_a_reports_own_meeting_and_wording_are_no_sign_of_news(
    tmp_path: Path, old: str, new: str
) -> None:
    """The signs of a news item or a bulletin must not fire on what a unit's report says of
    itself: its meeting that 听取…会议要求, a heading ending in 会议, 据了解."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    plain = checked(tmp_path, text)
    r = checked(tmp_path, text.replace(old, new, 1))
    assert r["document"]["is_report"]
    assert r["document"]["genre_score"] >= plain["document"]["genre_score"]


@pytest.mark.parametrize("kind", ["调研报告", "视察报告", "专题调研报告"])
def test_a_study_of_the_subject_is_not_the_annual_report(tmp_path: Path, kind: str) -> None:
    """关于全县法治政府建设情况的调研报告: a study (by a 人大, a 政协, a department) tells the
    year's work and its problems, then recommends — its title says what it is."""
    r = checked(
        tmp_path,
        f"关于全县法治政府建设情况的{kind}\n\n根据年度工作安排，调研组对全县法治政府建设情况进行了调研，"
        "现将调研情况报告如下。\n一、基本情况\n全县共审查规范性文件46件，办理行政复议案件213件。\n"
        "二、存在的问题\n基层执法力量薄弱，原因是编制不足。\n"
        "三、几点建议\n建议县政府落实党政主要负责人推进法治建设第一责任人职责。\n",
    )
    assert not r["document"]["is_report"]


@pytest.mark.parametrize(
    "issuer,report",
    [
        ("示例市城市建设投资集团有限公司", False),
        ("示例县交通投资有限责任公司", False),
        ("示例能源股份有限公司", False),
        ("示例县国有资产监督管理委员会", True),  # a department, not a company
    ],
)
def test_a_companys_report_on_its_law_work_is_not_the_report(
    tmp_path: Path, issuer: str, report: bool
) -> None:
    """A state-owned company reports its 法治建设 to its 国资委 in the same parts; a
    法治政府建设 report is a government's or a department's."""
    text = SAMPLE.read_text(encoding="utf-8").replace("示例县司法局", issuer)
    r = checked(tmp_path, text.replace("法治政府建设", "法治建设"))
    assert r["document"]["is_report"] is report, _genre(r)["message"]
    assert ("标题是企业的报告" in _genre(r)["message"]) is not report


def test_a_notice_on_writing_the_report_without_its_title_is_not_the_report(
    tmp_path: Path,
) -> None:
    """A notice whose title line was lost, its body listing the law's parts as headings with
    what each must say (亲自主持…, 剖析原因…): 通知如下 / 特此通知 say it is a notice, whatever
    its headings and sub-checks look like."""
    r = checked(
        tmp_path,
        "各乡镇人民政府，县政府各部门：\n"
        "现就做好2025年度法治政府建设情况报告工作通知如下。各单位报告按以下框架撰写：\n"
        "一、2025年推进法治政府建设的主要举措和成效\n"
        "写明依法决策、规范执法等方面的做法，列出办理案件数、培训人次等具体数据。\n"
        "二、2025年推进法治政府建设存在的不足和原因\n要实事求是查摆问题，深入剖析原因。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "写明主要负责人亲自主持专题会议、带头学法等情况。\n"
        "四、2026年推进法治政府建设的主要安排\n写明2026年的重点任务。\n"
        "请于2026年2月10日前报送县司法局。特此通知。\n\n示例县人民政府办公室\n2026年1月5日\n",
        "fazhi-annual",
    )
    assert r["verdict"] == "not_a_report" and "通知的正文" in _genre(r)["message"]


@pytest.mark.parametrize(
    ("opening", "sign"),
    [
        ("关于2025年度全县法治政府建设督察情况的报告\n", "督察或考核"),
        ("关于2025年度法治政府建设考核情况的报告\n", "督察或考核"),
        ("以清单制度为抓手推进法治政府建设\n——示例县法治政府建设经验交流材料\n", "经验交流"),
    ],
)
def test_a_report_on_inspecting_others_or_publicity_material_is_not_the_report(
    tmp_path: Path, opening: str, sign: str
) -> None:
    """The 依法治县办's report on its inspection of the county's units, and a county's
    经验交流材料, tell measures, problems and plans under headings like the report's: their
    titles say what they are."""
    text = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    r = checked(tmp_path, opening + text, "fazhi-annual")
    assert r["verdict"] == "not_a_report" and sign in _genre(r)["message"]


def test_a_report_quoting_a_notice_in_its_plan_is_still_the_report(tmp_path: Path) -> None:
    """A report's plan quoting its superior's notice (上级…现就有关事项通知如下：…) is the report:
    a notice opens so, a report may quote one further on."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "（三）推进精准普法。",
        "（三）落实上级部署。市政府办公室来文称“现就做好2026年法治政府建设有关事项通知如下”，"
        "我局将逐项落实。（四）推进精准普法。",
    )
    r = checked(tmp_path, text, "fazhi-annual")
    assert r["verdict"] == "complete"


@pytest.mark.parametrize(
    "title", ["关于2025年度法治政府建设工作的通报", "示例县法治政府建设工作会议纪要"]
)
def test_a_titles_kind_is_said_and_weighed_once(tmp_path: Path, title: str) -> None:
    """…的通报 is among the kinds a title names (标题表明这是通报) and the rubric's 通报、纪要、
    决定或批复 too: named once, both weights in it (a letter said it twice)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "doc.txt"
    path.write_text("\n".join([title, *lines[1:]]), encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    message = _genre(r)["message"]
    word = title[-2:]
    assert f"标题表明这是{word}" in message and f"（“{word}”）" not in message, message


_TASKS = (
    "2026年是全面推进法治政府建设的关键之年。全县法治政府建设的总体要求是：坚持依法行政。\n"
    "一、深入学习贯彻习近平法治思想\n"
    "1.把习近平法治思想列入县政府常务会议会前学法内容。（牵头单位：县司法局；责任单位："
    "各乡镇人民政府）\n"
    "2.严格落实党政主要负责人履行推进法治建设第一责任人职责规定，主要负责人将履职情况列入"
    "年终述职。（牵头单位：县委依法治县办）\n"
    "二、健全依法行政制度体系\n"
    "3.开展行政规范性文件集中清理1次。（牵头单位：县司法局）\n"
    "4.乡镇重大行政决策合法性审查率达到100%。（牵头单位：县司法局）\n"
    "三、推进严格规范公正文明执法\n"
    "5.组织行政执法人员全员轮训。（牵头单位：县司法局；责任单位：县直各执法部门）\n"
)


def test_a_work_plans_tasks_with_their_lead_units_are_no_report(tmp_path: Path) -> None:
    """A 工作要点 whose title line was lost: next year's tasks, each tagged with the units that
    lead it (（牵头单位：…）), and one naming the leaders' regulation (…第一责任人职责规定, its
    《》 left out) — neither the law's heading for the part nor a report."""
    r = checked(tmp_path, _TASKS, "fazhi-annual")
    message = _genre(r)["message"]
    assert r["verdict"] == "not_a_report" and "工作要点的任务分工" in message
    assert "法定表述" not in message


def test_a_report_tagging_a_task_or_two_of_its_plan_is_still_the_report(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "推动合法性审查全覆盖。", "推动合法性审查全覆盖。（牵头单位：县司法局）", 1
    )
    text = text.replace("（二）", "（二）（责任单位：各乡镇人民政府）", 1)
    assert text.count("单位：") == 2
    r = checked(tmp_path, text, "fazhi-annual")
    assert r["verdict"] == "complete" and "任务分工" not in _genre(r)["message"]


def test_a_notice_of_a_quarters_meeting_is_no_quarterly_report(tmp_path: Path) -> None:
    """关于召开2026年第一季度…会议的通知: a notice, whose title names a quarter; not 标题是半年
    或季度的报告 (a reason a unit would read in its letter)."""
    r = checked(
        tmp_path,
        "示例县交通运输局关于召开2026年第一季度安全生产工作会议的通知\n各股室：\n"
        "定于2026年3月5日召开会议。现将有关事项通知如下：\n一、参会人员\n局班子成员。\n",
        "fazhi-annual",
    )
    message = _genre(r)["message"]
    assert r["verdict"] == "not_a_report" and "季度的报告" not in message, message


def test_a_half_years_report_is_still_told_as_one(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    r = checked(tmp_path, "示例县2025年上半年法治政府建设工作情况报告\n" + text, "fazhi-annual")
    assert "标题是半年或季度的报告" in _genre(r)["message"]


def test_the_titles_messages_quote_what_the_title_has(tmp_path: Path) -> None:
    """依法治县工作报告 has 依法治, not 法治政府建设; 法治建设工作报告 has 法治建设: neither
    message says the title names 法治政府建设 (the genre sign did, beside a title check
    saying it did not)."""
    body = sample_text().split("\n", 1)[1]
    county = checked(tmp_path, "示例县2025年依法治县工作报告\n" + body)
    message = str(_genre(county)["message"])
    assert "标题有“依法治”和“报告”" in message and "标题是法治政府建设" not in message
    plain = checked(tmp_path, "示例县人民医院2025年度法治建设工作报告\n" + body)
    title = next(c for c in plain["checks"] if c["id"] == "title_names_subject_and_year")
    assert title["passed"] and title["message"] == "标题写明“法治建设”和年度"


def _summary_body() -> str:
    """The sample's body as a year's summary tells it: its own headings (主要工作开展情况,
    存在的主要问题, 下一步工作打算), not the law's, and no section on the leaders."""
    text = sample_text().split("\n", 1)[1]
    leader = "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    text = text.replace(leader + text.split(leader)[1].split("\n\n")[0] + "\n\n", "")
    for law, own in (
        ("一、2025年推进法治政府建设的主要举措和成效", "一、主要工作开展情况"),
        ("二、2025年推进法治政府建设存在的不足和原因", "二、存在的主要问题"),
        ("四、2026年推进法治政府建设的主要安排", "三、下一步工作打算"),
    ):
        text = text.replace(law, own)
    return text


@pytest.mark.parametrize(
    "title",
    [
        "示例县第一中学2025年依法治校工作报告",  # a school's, not a government's
        "示例县2025年度大气污染防治工作分析报告",  # a sector's analysis
        "示例县2025年度行政复议案件统计分析报告",
        "示例县2025年度行政复议白皮书",
        "示例县住房和城乡建设局关于2025年工作情况和2026年工作打算的报告",  # the whole year's
        "示例县住房和城乡建设局关于2025年工作情况的汇报",
        "示例县司法局2025年普法依法治理工作总结",
        "示例县市场监督管理局关于2025年度重大行政执法决定法制审核工作情况的报告",  # not a slip
        "示例县市场监督管理局2025年度法制工作总结",
    ],
)
def test_another_subjects_report_is_no_report(tmp_path: Path, title: str) -> None:
    """A title saying the document is another subject's report, over a year's summary that
    tells of 法治 throughout: no report (each had passed, complete 73-98)."""
    r = checked(tmp_path, f"{title}\n" + _summary_body())
    assert r["verdict"] == "not_a_report", _genre(r)["message"]
    assert "另一主题的工作报告" in str(_genre(r)["message"])


def test_a_title_naming_no_subject_over_the_laws_outline_is_a_report_titled_badly(
    tmp_path: Path,
) -> None:
    """关于2025年度工作情况的报告 over the law's headings and every part: the report, its title
    failing the title check; a 普法依法治理工作总结 or a whole year's 工作总结和…工作计划 over the
    same is no report."""
    body = sample_text().split("\n", 1)[1]
    for title in (
        "关于2025年度工作情况的报告",
        "关于2025年度法制政府建设工作情况和2026年工作打算的报告",  # 法制: a slip
        "示例县司法局2025年度法制政府建设工作总结和2026年工作计划",
    ):
        r = checked(tmp_path, f"{title}\n" + body)
        assert r["verdict"] == "complete", title
        assert "document.title_names_subject_and_year" in failed(r)
    for title in (
        "示例县司法局2025年普法依法治理工作总结",
        "示例县司法局2025年工作总结和2026年工作计划",
    ):
        assert checked(tmp_path, f"{title}\n" + body)["verdict"] == "not_a_report", title


_OWN_ACCOUNT = """示例县交通运输局局长2025年度学法用法和推进法治建设情况报告

2025年，在县委、县政府的坚强领导下，现将2025年度本人学法用法和推进法治建设情况报告如下。
一、学法用法情况
本人始终把学习习近平法治思想摆在首位，全年参加县政府常务会议会前学法6次。本人坚持以案释法，带头讲授法治专题党课1次。
二、履行推进法治建设第一责任人职责情况
本人亲自审签局重大行政决策8件，全部经过合法性审查。本人带头出庭应诉行政诉讼案件2件。
三、存在的不足和原因
对照上级要求，本人运用法治思维解决问题的能力还有差距，原因是学法的系统性不够。
四、下一步打算
2026年，本人将继续带头尊法学法守法用法，每季度专题研究法治建设工作1次。

示例县交通运输局局长  张某某
2026年2月10日
"""


def test_a_leader_telling_the_year_in_the_first_person_is_no_report(tmp_path: Path) -> None:
    """One leader's own account (现将2025年度本人…报告如下), under the law's headings, its title
    not saying 述法: a 述法 paper, not the unit's report. A unit's report telling of its
    leader in the first person (pasted from the 述法) stays one, and 本人 in passing is no sign."""
    for opening in ("现将2025年度本人", "现将一年来本人", "现将本年度本人", "现将任职以来本人"):
        text = _OWN_ACCOUNT.replace("现将2025年度本人", opening)
        r = checked(tmp_path, text, "fazhi-annual")
        assert r["verdict"] == "not_a_report", opening
        assert "个人述法或述职的自述" in str(_genre(r)["message"])
    own = (
        "本人坚持把学法摆在首位。本人亲自审签重大行政决策8件。本人带头出庭应诉2次。本人将继续履职。"
    )
    text = sample_text().replace("现将有关情况报告如下：", f"现将有关情况报告如下：{own}")
    assert checked(tmp_path, text)["verdict"] == "complete"
    for joint in (  # the unit's, with its head's duty
        "现将2025年度法治建设和本人履职情况报告如下：",
        "现将我局法治建设暨本人履职情况报告如下：",
        "现将我局法治建设情况（含本人履职情况）报告如下：",
        "现将县政府及县长本人履行推进法治建设第一责任人职责情况一并报告如下：",
        "现将我局在本人主持下推进法治政府建设情况报告如下：",
        "现将局长本人履行第一责任人职责情况及全局法治政府建设情况一并报告如下：",
        "现将全年工作特别是本人履职情况报告如下：",
    ):
        text = sample_text().replace("现将有关情况报告如下：", joint)
        assert checked(tmp_path, text)["verdict"] == "complete", joint
    passing = "局主要负责人本人亲自审签重大行政决策8件。"
    text = sample_text().replace("现将有关情况报告如下：", f"现将有关情况报告如下：{passing}")
    r = checked(tmp_path, text)
    assert r["verdict"] == "complete" and "自述" not in str(_genre(r)["message"])


def test_a_reports_own_sections_outweigh_other_genres_words_in_its_body(tmp_path: Path) -> None:
    """Every part under its own heading, the law's wording among them, no 现将…报告如下: the
    meeting it tells as news (会议指出…会议强调…) and its plan's tasks tagged 牵头单位 are words in
    its body, capped (it was 非年度报告 on them). With a part left out, they count in full."""
    text = sample_text().replace("现将有关情况报告如下：", "各项工作取得新成效。")
    text = text.replace(
        "（四）深化普法宣传。",
        "（四）深化普法宣传。县委全面依法治县委员会召开第三次会议。会议指出，要深入学习贯彻"
        "习近平法治思想。会议强调，要压实各方责任。",
    )
    for task in (
        "推动合法性审查全覆盖。",
        "开展执法案卷评查“回头看”。",
        "开展专题普法活动不少于20场。",
    ):
        assert task in text
        text = text.replace(task, task[:-1] + "（牵头单位：县司法局）。")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert r["document"]["is_report"], _genre(r)["message"]
    assert "按上限计" in _genre(r)["message"] and "工作要点的任务分工" in _genre(r)["message"]
    # the problems left out: the signs count in full
    problems = text.split("二、2025年推进法治政府建设存在的不足和原因")[1].split("\n\n")[0]
    path.write_text(
        text.replace("二、2025年推进法治政府建设存在的不足和原因" + problems, ""), "utf-8"
    )
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert "按上限计" not in _genre(r)["message"]


@pytest.mark.parametrize(
    "title",
    [
        "《示例市人民政府2025年度法治政府建设情况报告》解读",
        "关于示例市2025年度法治政府建设报告的政策解读",
    ],
)
def test_an_account_of_a_report_under_its_headings_is_not_the_report(
    tmp_path: Path, title: str
) -> None:
    """A 解读 retells the report under its own headings (报告指出…), its parts all there: its
    title must outweigh them (it was 要素齐全, 95)."""
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    r = checked(tmp_path, f"{title}\n发布机构：示例市司法局\n{body}")
    assert r["verdict"] == "not_a_report", _genre(r)["message"]
    assert "标题是解读" in _genre(r)["message"]


def test_a_news_item_told_by_its_headline_and_contributor_is_not_a_report(tmp_path: Path) -> None:
    """我县召开…推进会 over 会议通报了…会议同时分析了…会议要求… and （县司法局 供稿）: a news item
    that names 年度报告 once (the call to send them in) was graded a report missing its parts."""
    r = checked(
        tmp_path,
        "我县召开2025年度法治政府建设工作推进会\n\n来源：示例县人民政府网  浏览次数：120\n\n"
        "1月21日，县委依法治县办召开推进会。会议通报了2025年度全县法治政府建设主要举措和成效，"
        "全年办理行政复议案件132件。会议同时分析了存在的不足和原因，主要原因是专业人才短缺。\n"
        "会议要求，各单位于2月底前报送本单位法治政府建设年度报告。\n\n（县司法局 供稿）\n",
        "fazhi-annual",
    )
    message = _genre(r)["message"]
    assert r["verdict"] == "not_a_report", message
    assert "新闻标题" in message and "新闻的供稿署名" in message
    # quoted as the file has it, its full-width brackets not folded for the search
    assert "“（县司法局 供稿）”" in message


def test_a_notice_listing_the_disclosure_reports_sections_is_not_the_report(
    tmp_path: Path,
) -> None:
    """A 通知 on writing the GIP report, its six sections listed as what each unit must write
    under 现将有关事项通知如下: its title's kind was outweighed by the sections (要素齐全 74)."""
    sections = [
        "（一）总体情况；",
        "（二）主动公开政府信息情况；",
        "（三）收到和处理政府信息公开申请情况；",
        "（四）政府信息公开行政复议、行政诉讼情况；",
        "（五）存在的主要问题及改进情况；",
        "（六）其他需要报告的事项。",
    ]
    r = checked(
        tmp_path,
        "示例县人民政府办公室\n关于做好2025年政府信息公开工作年度报告编制发布工作的通知\n"
        "各乡镇人民政府，县直各部门：\n为做好2025年政府信息公开工作年度报告编制发布工作，"
        "现将有关事项通知如下：\n一、报告内容\n年度报告应包括以下内容：\n"
        + "\n".join(sections)
        + "\n二、时间要求\n各部门于2026年1月31日前向社会公开年度报告。\n",
    )
    assert r["rubric"]["id"] == "gip-annual"
    assert r["verdict"] == "not_a_report" and "通知的正文" in _genre(r)["message"]


def test_a_units_report_put_to_the_congress_for_review_is_still_a_report(tmp_path: Path) -> None:
    """A unit reporting to the 人大 for its 工作评议 ends 现将有关情况报告如下，请予评议: a unit's
    report all the same — only a leader's own account (本人…请予评议) is another genre."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "现将有关情况报告如下", "现将有关情况报告如下，请予评议", 1
    )
    assert "请予评议" in text
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["verdict"] == "complete" and r["score"] == 100


FEATURE = """法治护航高质量发展——示例县2025年法治政府建设工作综述

2025年，示例县深入推进法治政府建设，依法决策机制更加健全。县政府出台重大行政决策程序规定，全年对12项重大行政决策开展合法性审查。
行政执法更加规范。全县推行行政执法“三项制度”，评查执法案卷210卷，发现并督促整改问题23个。
矛盾纠纷化解有力。全县各级调解组织受理矛盾纠纷1856件，调解成功1798件。
但也要看到，基层执法力量仍然薄弱，普法的针对性还不够强。下一步，示例县将持续深化法治政府建设，为高质量发展提供法治保障。
"""


def test_a_news_feature_on_the_years_work_is_not_a_report(tmp_path: Path) -> None:
    """…法治政府建设工作综述 under a headline: the year's work told as news, no byline or
    source line to give it away. Not a report, and its unit is the one after the dash."""
    r = checked(tmp_path, FEATURE)
    assert r["verdict"] == "not_a_report", _genre(r)["message"]
    assert "标题用新闻稿的体裁名（“综述”）" in _genre(r)["message"]
    assert r["document"]["issuer"] == "示例县"


def test_a_report_titled_as_a_review_is_still_a_report(tmp_path: Path) -> None:
    """The law's part headings outweigh a title ending in 综述: it is the year's report."""
    text = sample_text().replace(
        "示例县司法局关于2025年度法治政府建设情况的报告",
        "示例县司法局2025年度法治政府建设工作综述",
        1,
    )
    r = checked(tmp_path, text)
    assert _genre(r)["passed"], _genre(r)["message"]
