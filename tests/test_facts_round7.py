"""What a seventh blind held-out set showed the facts stage: tense decides kind (a plan's 发展基础 states
levels, a news item's 预计…将 after a semicolon sets targets), 将/可 open no indicator, 超千人 is 1000 over,
and a policy names what it gives after the amounts (按a、b给予奖励, 按每项产品a元, 按…的50%给予配套)."""
from decimal import Decimal

from zhibiao.pipeline import extract_text
from test_facts_round5 import NEWS, body_facts, readings
from test_facts_targets import POLICY_TITLE

POLICY = f"{POLICY_TITLE}\n各镇人民政府，区直各部门："
PLAN_HEAD = "某市港口物流业发展三年行动方案（2025—2027年）"


def plan_facts(body: str) -> list[tuple[str, Decimal, str, str, str | None]]:
    """A plan restored from its lines (headings found by the restore stage), read in March 2025."""
    doc = extract_text(f"{PLAN_HEAD}\n{body}", date="2025-03-01")
    return [(f.indicator, f.value, f.unit, f.kind, f.qualifier) for f in doc.facts]


# --- 1. tense decides kind
def test_facts_round7_a_plans_base_section_states_levels_and_ranks():
    found = plan_facts("一、发展基础\n全市港口岸线约120公里，货物吞吐量和集装箱吞吐量在全省各港口中均排在首位。\n"
                       "二、发展目标\n到2027年，港口货物吞吐量达到3亿吨，新增集装箱航线20条。")
    assert found == [
        ("港口岸线", Decimal(120), "公里", "level", "approx"),
        ("货物吞吐量", Decimal(1), "名", "rank", None),
        ("集装箱吞吐量", Decimal(1), "名", "rank", None),
        ("港口货物吞吐量", Decimal(300000000), "吨", "target", None),
        ("新增集装箱航线", Decimal(20), "条", "target", None),
    ]


def test_facts_round7_a_future_marker_in_the_base_section_still_sets_a_target():
    found = plan_facts("一、发展现状\n全市物流园区6个，力争年内再建成冷链基地2个。")
    assert [(i, k) for i, _, _, k, _ in found] == [("物流园区", "level"), ("冷链基地", "target")]
    # outside such a section a figure the plan states is what it sets
    found = plan_facts("一、主要任务\n建设区域物流枢纽，建成冷链基地2个。")
    assert [(i, k) for i, _, _, k, _ in found] == [("冷链基地", "target")]


def test_facts_round7_an_expectation_after_a_semicolon_is_a_target():
    found = readings(NEWS, "截至5月20日，全市320个重点项目中已有215个开工；预计7月底前还将新开工项目40个，累计可完成投资120亿元。",
                     "2024-06-01")
    assert found[-2:] == [("新开工项目", Decimal(40), "个", "target"),
                          ("投资", Decimal(12000000000), "元", "target")]
    # what is done before the semicolon stays a level
    assert found[1] == ("开工", Decimal(215), "个", "level")


def test_facts_round7_an_expectation_of_a_period_already_over_stays_a_level():
    found = readings(NEWS, "截至5月20日，重点项目已开工215个；预计4月底前完成投资120亿元。", "2024-06-01")
    assert [k for _, _, _, k in found] == ["level", "level"]


def test_facts_round7_round_numbers_after_a_bound_word():
    found = plan_facts("二、发展目标\n到2027年，集聚港航专业人才超千人，培育物流企业近百家。")
    assert found == [("港航专业人才", Decimal(1000), "人", "target", "over"),
                     ("物流企业", Decimal(100), "家", "target", "approx")]
    # 数千人, 上百家: no figure is said
    assert readings(NEWS, "活动吸引数千人参加，上百家企业参展。") == []


# --- 2. a policy names what it gives after the amounts
def test_facts_round7_amounts_listed_before_the_verb_of_giving():
    found = readings(POLICY, "（三）平台奖励。被认定为国家级、省级工程研究中心的，同样按200万元、80万元给予一次性奖励。")
    assert found == [("一次性奖励", Decimal(2000000), "元", "target"), ("一次性奖励", Decimal(800000), "元", "target")]
    found = readings(POLICY, "对新认定的企业按30万元给予奖励。")
    assert found == [("奖励", Decimal(300000), "元", "target")]


def test_facts_round7_a_rate_per_item_after_an():
    found = readings(POLICY, "（四）产品奖励。产品列入首版次软件目录的，按每项产品3万元给予一次性奖励。")
    assert found == [("一次性奖励", Decimal(30000), "元/项", "target")]
    found = readings(POLICY, "对新建项目按每个项目20万元给予补助。")
    assert found == [("补助", Decimal(200000), "元/个", "target")]
    # a cap for each one is no rate
    _, capped = body_facts(POLICY, "每家给予不低于10万元的资金支持。")
    assert [(f.value, f.unit) for f in capped] == [(Decimal(100000), "元")]


def test_facts_round7_a_share_given_as_matching_funds():
    found = readings(POLICY, "（五）配套奖励。已获上级资金支持的，按上级资助金额的30%给予配套。")
    assert found == [("配套", Decimal(30), "%", "target")]
    found = readings(POLICY, "按省、市奖补资金的40%给予配套奖励。")
    assert found == [("配套奖励", Decimal(40), "%", "target")]


# --- 3. joined subjects, counts of a modified noun
def test_facts_round7_one_rate_word_closing_joined_subjects_keeps_them_whole():
    found = readings(NEWS, "全国的GDP和工业增幅均有所回落，而本市的GDP和规上工业增幅分别比去年同期提高1.2个和0.7个百分点。")
    assert found == [("GDP和规上工业增幅", Decimal("1.2"), "个百分点", "change"),
                     ("GDP和规上工业增幅", Decimal("0.7"), "个百分点", "change")]
    # subjects that each name their own measure stay apart
    found = readings(NEWS, "全市生产总值和固定资产投资分别增长6.1%和8.3%。")
    assert [i for i, _, _, _ in found] == ["生产总值", "固定资产投资"]


def test_facts_round7_a_count_of_a_noun_after_a_bounded_modifier():
    found = readings(NEWS, "截至5月20日，全市300个投资额千万元以上的新建、续建重点项目中，已有210个开工。", "2024-06-01")
    assert found[0] == ("新建、续建重点项目", Decimal(300), "个", "level")
    assert all(unit != "元" for _, _, unit, _ in found)  # 千万元以上 only says which projects
    found = readings(NEWS, "全县共有12个年产值5亿元以上的工业企业。")
    assert found == [("工业企业", Decimal(12), "个", "level")]


# --- 4. round numbers in Chinese, possessors, hours, what is sent to whom
def test_facts_round7_a_possessor_before_a_figure_is_no_indicator():
    found = readings(NEWS, "在城南，某某生态农业有限公司的一千二百亩葡萄迎来采摘。")
    assert found == [("葡萄", Decimal(1200), "亩", "level")]
    # 百万千瓦级: a class of size, not an amount
    assert readings(NEWS, "某公司自主研发的百万千瓦级汽轮发电机完成试验。") == []


def test_facts_round7_hours_are_a_unit_and_a_daily_duration_is_no_rate():
    found = readings(NEWS, "当地全年平均日照时数达3000.5小时，每天光照时间长达9小时。")
    assert found == [("当地全年平均日照时数", Decimal("3000.5"), "小时", "level"),
                     ("光照时间", Decimal(9), "小时", "level")]
    found = readings(NEWS, "电站配置了8小时储能系统。他小时候在这里长大。")
    assert found == [("储能系统", Decimal(8), "小时", "level")]


def test_facts_round7_what_is_sent_to_a_recipient_names_the_figure():
    found = readings(NEWS, "去年全市向香港供应鲜活农产品12万吨。")
    assert found == [("鲜活农产品", Decimal(120000), "吨", "level")]
    found = readings(NEWS, "基地建成后每年将经特高压通道向华东输送清洁电能90亿千瓦时。")
    assert found == [("清洁电能", Decimal(9000000000), "千瓦时", "target")]


# --- 5. a rank after a clause on a rate ranks the rate
def test_facts_round7_a_rank_after_a_rate_clause_is_of_the_rate():
    found = readings(NEWS, "前三季度，全市农业总产值35亿元，增长6.5%，增速比上半年提高1.9个百分点，居全省第二位。")
    assert found[-1] == ("农业总产值增速", Decimal(2), "名", "rank")
    # after a clause on the quantity itself, the rank is the quantity's
    found = readings(NEWS, "全市社会消费品零售总额120亿元，居全省第二位。")
    assert found[-1] == ("社会消费品零售总额", Decimal(2), "名", "rank")
