"""Goals: statements of intent with a deadline, their dimensions and their target facts."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from zhibiao.dates import find_dates
from zhibiao.entities import find_entities
from zhibiao.goals import find_goals
from zhibiao.model import Block, Document, Fact, Meta


def goals_of(text: str, date: str | None = "2025-09-15", facts: list[Fact] | None = None):
    doc = find_entities(find_dates(Document(text=text, meta=Meta(date=date))))
    doc.facts = facts or []
    return find_goals(doc).goals


def test_goals_deadline_dimensions_and_evidence():
    text = ("9月2日，区委十三届七次全会举行。会议明确提出：建设融合发展新范例，到2027年，全域高质量发展能级质效"
            "持续走在全市前列，经济密度、投资强度、消费热度、开放程度保持西部领先。")
    [goal] = goals_of(text)
    assert goal.deadline == "2027年" and goal.deadline_date == "2027-12-31"
    assert goal.dimensions == ["经济密度", "投资强度", "消费热度", "开放程度"]
    assert goal.text == text[goal.start:goal.end]
    assert goal.text.startswith("到2027年，") and goal.text.endswith("保持西部领先")


@pytest.mark.parametrize("sentence, deadline, deadline_date", [
    ("力争到2026年，数字经济核心产业增加值占比达到12%。", "2026年", "2026-12-31"),
    ("确保2025年底前完成老旧小区改造120个。", "2025年底", "2025-12-31"),
    ("今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。", "今年", "2025-12-31"),
    ("到“十五五”末，全市常住人口城镇化率达到75%。", "“十五五”末", "2030-12-31"),
    ("争取2027年建成区域消费中心。", "2027年", "2027-12-31"),
    ("至2030年，森林覆盖率稳定在50%以上。", "2030年", "2030-12-31"),
])
def test_goals_intent_with_a_deadline(sentence, deadline, deadline_date):
    [goal] = goals_of(sentence)
    assert (goal.deadline, goal.deadline_date) == (deadline, deadline_date)


@pytest.mark.parametrize("sentence, deadline, opening", [
    ("2027年前，全区高新技术企业数量达到300家。", "2027年", "2027年"),
    ("2026年底前，全区完成老旧小区改造120个。", "2026年底", "2026年底"),
    ("全区计划2027年之前新增公共停车位5000个。", "2027年", "计划2027年"),  # a plan's word before the date leads
    ("全区2028年以前建成区域消费中心。", "2028年", "2028年"),
])
def test_goals_a_deadline_said_after_its_date(sentence, deadline, opening):
    [goal] = goals_of(sentence)
    assert goal.deadline == deadline
    assert goal.text.startswith(opening) and goal.text == sentence[goal.start:goal.end]


@pytest.mark.parametrize("sentence", [
    "2026年前三季度，全区地区生产总值增长6.2%。",  # the first three quarters of a year
    "2026年前10个月，全区完成固定资产投资50亿元。",
    "2027年前后，全区常住人口将稳定在60万人左右。",  # about 2027, not before it
    "2024年前，全区已建成5G基站3000个。",  # a deadline already past
])
def test_goals_words_after_a_date_that_set_no_deadline(sentence):
    assert goals_of(sentence) == []


@pytest.mark.parametrize("sentence", [
    "到2024年底，全区累计建成5G基站3200个。",  # a deadline already past: a result, not a goal
    "2024年，全区地区生产总值增长5.8%。",  # a year without intent
    "力争把好事办好、实事办实。",  # intent without a deadline
    "近年来，全区持续推进城市更新。",
])
def test_goals_not_every_sentence_with_a_date_is_a_goal(sentence):
    assert goals_of(sentence) == []


def test_goals_link_the_target_facts_inside_them():
    text = "今年3月，全区完成投资50亿元。力争到2027年，规上工业产值达到800亿元，研发投入强度达到3%。"
    inside = text.index("800亿元")
    facts = [Fact("投资", Decimal(5e9), "元", "level", 9, 16),
             Fact("规上工业产值", Decimal(8e10), "元", "target", inside - 8, inside + 5),
             Fact("研发投入强度", Decimal(3), "%", "target", text.index("研发"), text.index("3%") + 2)]
    [goal] = goals_of(text, facts=facts)
    assert goal.facts == [1, 2]
    assert goal.dimensions == ["规上工业产值", "研发投入强度"]  # a target list's dimensions are its indicators


def test_goals_subject_is_the_place_of_the_document_unless_named():
    [goal] = goals_of("渝中立足优势。渝中提出，到2027年，经济密度保持西部领先。")
    assert goal.subject == "渝中区"


def test_goals_dimensions_drop_the_verb_before_the_list():
    [goal] = goals_of("到2027年，推动消费热度、开放程度、创新浓度全面提升。")
    assert goal.dimensions == ["消费热度", "开放程度", "创新浓度"]


def test_goals_without_a_document_date_keep_resolved_deadlines():
    [goal] = goals_of("到2027年，建成区域消费中心。", date=None)
    assert goal.deadline_date == "2027-12-31"


def test_goals_seed_page_goal(seed_paths):
    from zhibiao.pipeline import extract_path

    doc = extract_path(seed_paths[0], date="2025-09-15")[0]
    [goal] = doc.goals
    assert (goal.deadline, goal.deadline_date) == ("2027年", "2027-12-31")
    assert goal.dimensions == ["经济密度", "投资强度", "消费热度", "开放程度"]


def _target(text: str, indicator: str, figure: str) -> Fact:
    """A target fact whose indicator and figure are the first mentions of them in ``text``."""
    start = text.index(indicator)
    return Fact(indicator, Decimal(1), "个", "target", start, text.index(figure, start) + len(figure),
                indicator_start=start, indicator_end=start + len(indicator))


def test_goals_a_paragraph_opening_with_its_deadline_runs_on_through_its_targets():
    text = ("到2028年，全县数字基础设施基本完善，力争数字经济核心产业增加值突破80亿元。建成5G基站1200个、"
            "算力中心2个，培育省级工业互联网平台3个，为企业上云提供支撑。")
    facts = [_target(text, "数字经济核心产业增加值", "80亿元"), _target(text, "5G基站", "1200个"),
             _target(text, "算力中心", "2个"), _target(text, "工业互联网平台", "3个")]
    [goal] = goals_of(text, facts=facts)
    assert goal.text.startswith("到2028年，") and goal.text.endswith("培育省级工业互联网平台3个")
    assert goal.facts == [0, 1, 2, 3]
    assert goal.dimensions == ["数字经济核心产业增加值", "5G基站", "算力中心", "工业互联网平台"]


@pytest.mark.parametrize("text", [
    # the deadline is not where the paragraph opens
    "推动无人机参与应急救援，到2028年覆盖全县八成行政村。新建低空物流线路5条，运输量力争达到100万件。",
    # the sentence after has a date of its own
    "到2028年，全县数字经济核心产业增加值突破80亿元。2024年，全县已建成5G基站900个。",
])
def test_goals_a_goal_stops_at_its_sentence_otherwise(text):
    facts = [_target(text, "运输量", "100万件")] if "运输量" in text else []
    goals = goals_of(text, facts=facts)
    assert goals and "。" not in goals[0].text


def test_goals_a_heading_is_no_goal_and_the_evidence_opens_at_the_deadline():
    heading = "二、2026年主要预期目标"
    body = "今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，固定资产投资增长8%。"
    text = heading + "\n" + body
    doc = find_entities(find_dates(Document(text=text, meta=Meta(date="2026-01-20"), blocks=[
        Block("heading", 0, len(heading)), Block("paragraph", len(heading) + 1, len(text))])))
    [goal] = find_goals(doc).goals
    assert goal.deadline == "今年" and goal.text.startswith("今年全县经济社会发展的主要预期目标是：")


def test_goals_the_years_task_list_is_a_goal_without_figures():
    text = ("明年是新一轮发展的起步之年。我们将重点抓好以下工作：一是坚持创新驱动，提升产业创新能力；"
            "二是深化改革开放，持续优化政务服务；三是关心群众冷暖，不断提高公共服务水平。")
    [goal] = goals_of(text, date="2025-11-20")
    assert goal.deadline == "明年" and goal.deadline_date == "2026-12-31"
    assert goal.text == text[:-1]
    assert goal.dimensions == ["产业创新能力", "政务服务", "公共服务水平"]


@pytest.mark.parametrize("text", [
    "明年是新一轮发展的起步之年，做好明年的工作意义重大。",  # a coming year named, no task set
    "2024年是实现“十四五”规划目标任务的关键一年。",  # a plan's name is no deadline
])
def test_goals_a_coming_year_alone_sets_no_goal(text):
    assert goals_of(text, date="2025-01-20") == []


def test_goals_each_clause_with_its_own_date_is_a_goal():
    text = "今年先行建设充电站30座，2027年全县充电站总数达到120座，2028年再新增40座。"
    facts = [_target(text, "充电站", "30座"), _target(text, "充电站总数", "120座"),
             Fact("充电站", Decimal(40), "座", "target", text.index("40座"), text.index("40座") + 3)]
    goals = goals_of(text, facts=facts)
    # the last figure names nothing of its own: 再新增40座 is no goal on its own
    assert [(g.deadline, g.text) for g in goals] == [("今年", "今年先行建设充电站30座"),
                                                      ("2027年", "2027年全县充电站总数达到120座")]
    assert goals[0].dimensions == ["充电站"]


@pytest.mark.parametrize("text, end", [
    ("到2027年全县旅游总收入将突破200亿元，这一目标有望提前实现。", "突破200亿元"),  # a comment after the figure
    ("今年的主要预期目标是：地区生产总值增长6%，完成上级下达的节能减排任务。", "节能减排任务"),  # a colon's list
])
def test_goals_evidence_ends_with_the_clause_of_its_last_figure(text, end):
    figure = re.search(r"\d+(?:亿元|%)", text).group()
    facts = [Fact("指标", Decimal(1), "%", "target", text.index(figure) - 4, text.index(figure) + len(figure))]
    [goal] = goals_of(text, facts=facts, date="2025-03-01")
    assert goal.text.endswith(end)
