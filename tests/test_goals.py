"""Goals: statements of intent with a deadline, their dimensions and their target facts."""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao.dates import find_dates
from zhibiao.entities import find_entities
from zhibiao.goals import find_goals
from zhibiao.model import Document, Fact, Meta


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


@pytest.mark.parametrize("sentence, deadline", [
    ("2027年前，全区高新技术企业数量达到300家。", "2027年"),
    ("2026年底前，全区完成老旧小区改造120个。", "2026年底"),
    ("全区计划2027年之前新增公共停车位5000个。", "2027年"),
    ("全区2028年以前建成区域消费中心。", "2028年"),
])
def test_goals_a_deadline_said_after_its_date(sentence, deadline):
    [goal] = goals_of(sentence)
    assert goal.deadline == deadline
    assert goal.text.startswith(deadline) and goal.text == sentence[goal.start:goal.end]


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
    assert goal.dimensions == []


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
