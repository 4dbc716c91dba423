"""Which figures are targets (what a plan or a policy sets, what is expected), the words that cap or
floor them, and the amounts that only say who qualifies."""
from decimal import Decimal

import pytest

from zhibiao import dates, entities, facts, genre
from zhibiao.model import Block, Document, Meta

PLAN_TITLE = "某市新能源汽车产业发展三年行动计划（2025—2027年）"
POLICY_TITLE = "某区人民政府关于印发支持制造业高质量发展若干措施的通知"
BULLETIN_TITLE = "某县2024年国民经济和社会发展统计公报"
NEWS_TITLE = "某市新能源汽车产业加速成势"
NEWS_LEAD = "本报讯（记者 王林）记者从市发展改革委获悉，全市新能源汽车产业保持较快增长。"
REPORT_HEAD = "政府工作报告\n各位代表：\n一、过去一年工作回顾"


def analysed(text: str, date: str = "2025-06-01") -> Document:
    """A clean input as restoration hands it on (the first line the title), through stages 2b-5."""
    blocks, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        blocks.append(Block("title" if i == 0 else "paragraph", pos, pos + len(line), [i + 1]))
        pos += len(line) + 1
    doc = Document(text=text, blocks=blocks, meta=Meta(date=date, title=text.split("\n")[0]))
    for stage in (genre.find_genre, dates.find_dates, entities.find_entities, facts.find_facts):
        doc = stage(doc)
    return doc


def found(text: str, date: str = "2025-06-01") -> list[tuple[Decimal, str, str, str | None]]:
    return [(f.value, f.unit, f.kind, f.qualifier) for f in analysed(text, date).facts]


def kinds(text: str, date: str = "2025-06-01") -> dict[Decimal, str]:
    return {f.value: f.kind for f in analysed(text, date).facts}


# --- 2. what a plan or a policy sets is a target, even without a deadline in its sentence
def test_facts_targets_planned_counts_in_a_plan():
    text = f"{PLAN_TITLE}\n今年新建公共充电桩300个，开通定制公交线路8条。"
    assert kinds(text) == {Decimal(300): "target", Decimal(8): "target"}


def test_facts_targets_awards_and_subsidies_in_a_policy():
    text = (f"{POLICY_TITLE}\n第三条 对新认定的国家级企业技术中心，给予一次性奖励60万元。"
            "按设备投资额的12%给予补助，单个项目最高800万元。")
    assert found(text) == [(Decimal(600000), "元", "target", None), (Decimal(12), "%", "target", None),
                           (Decimal(8000000), "元", "target", "under")]


def test_facts_targets_the_plan_s_account_of_the_past_stays_level():
    text = (f"{PLAN_TITLE}\n2024年，全市新能源汽车产量达到12万辆。目前全市已建成充电站150座。"
            "全市共有整车企业6家。围绕整车、动力电池和驱动电机3个重点领域，推动产业链协同。")
    assert kinds(text) == {Decimal(120000): "level", Decimal(150): "level", Decimal(6): "level", Decimal(3): "level"}


def test_facts_targets_the_same_counts_in_news_stay_levels():
    text = f"{NEWS_TITLE}\n{NEWS_LEAD}全市新建公共充电桩300个，开通定制公交线路8条。"
    assert kinds(text) == {Decimal(300): "level", Decimal(8): "level"}


# --- 3. expectations
def test_facts_targets_what_a_project_is_expected_to_bring():
    text = f"{NEWS_TITLE}\n{NEWS_LEAD}项目全部投产后，预计每年可实现产值12亿元，带动就业800人。"
    assert kinds(text) == {Decimal(1200000000): "target", Decimal(800): "target"}


@pytest.mark.parametrize("text, date", [
    (f"{NEWS_TITLE}\n{NEWS_LEAD}去年，全县地区生产总值预计达到215亿元。", "2025-03-01"),  # a year already over
    (f"{BULLETIN_TITLE}\n全年全县地区生产总值预计增长5.8%。", "2025-04-01"),  # a bulletin's estimate
    (f"{REPORT_HEAD}\n预计全年地区生产总值增长6%左右。", "2025-01-10"),  # a work report's review
])
def test_facts_targets_an_estimate_of_a_finished_period_is_no_target(text, date):
    assert [kind for kind in kinds(text, date).values()] == ["level" if "215" in text else "change"]


def test_facts_targets_this_year_s_expectation_in_a_work_report():
    text = f"{REPORT_HEAD}\n今年，全市预计新增城镇就业4.5万人。"
    assert kinds(text, "2025-01-10") == {Decimal(45000): "target"}


# --- 4. words that cap or floor a figure
@pytest.mark.parametrize("clause, value, unit, qualifier", [
    ("给予最高200万元补助", Decimal(2000000), "元", "under"),
    ("每家企业补助上限为50万元", Decimal(500000), "元", "under"),
    ("每家企业每年最高奖励300万元", Decimal(3000000), "元", "under"),
    ("单个项目补助不超过100万元", Decimal(1000000), "元", "under"),
    ("每年支持项目最多5个", Decimal(5), "个", "under"),
    ("每年预留工业用地不少于500亩", Decimal(500), "亩", "over"),
    ("研发投入占比不低于3%", Decimal(3), "%", "over"),
    ("每个园区培育链主企业至少2家", Decimal(2), "家", "over"),
])
def test_facts_targets_qualifier_words(clause, value, unit, qualifier):
    assert found(f"{POLICY_TITLE}\n第五条 {clause}。") == [(value, unit, "target", qualifier)]


# --- 5. amounts that only say who qualifies, and the bases of rates
@pytest.mark.parametrize("text, values", [
    ("对年营业收入首次突破5亿元、10亿元的企业，分别给予奖励。", []),
    ("对年营业收入增长20%以上的工业企业，按其新增设备投资额的10%给予补助。", [Decimal(10)]),
    ("企业研发投入每增加100万元，奖励5万元。", [Decimal(50000)]),
    ("每培育1家国家级专精特新企业，给予所在园区10万元奖励。", [Decimal(100000)]),
    ("年营业收入达到20亿元以上的，给予一次性奖励50万元。", [Decimal(500000)]),
    ("凡年纳税额500万元的企业，均可申请。", []),
])
def test_facts_targets_thresholds_and_bases_are_not_facts(text, values):
    assert [value for value, *_ in found(f"{POLICY_TITLE}\n{text}")] == values


@pytest.mark.parametrize("text, value", [
    ("工业对全市经济增长的贡献率达到45%。", Decimal(45)),  # 对…的 before the number: no condition
    ("对新建项目给予30万元的一次性奖励。", Decimal(300000)),  # what is given, not who qualifies
    ("每年安排产业发展资金不少于2亿元。", Decimal(200000000)),  # 每年 is no base of a rate
])
def test_facts_targets_figures_that_look_like_conditions_stay(text, value):
    assert [v for v, *_ in found(f"{POLICY_TITLE}\n{text}")] == [value]
