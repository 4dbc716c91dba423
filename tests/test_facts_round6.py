"""What a sixth blind held-out set showed the facts stage: the conditions of a policy are not facts and
what it gives is (分别给予a、b奖励, 分别按a倍、b倍, 按每间夜…元), places moved in a ranking (上升3个位次), a rate
or a rank said of a carried indicator (增速排名第二, 以a%的增速, a place alone), ratios to a base year (是1978年的
N倍), marks passed one after another (总量…：a年跨过…，b年突破…), and a count of what a set holds (N个X中有M个)."""
from decimal import Decimal

from test_facts_round5 import NEWS, body_facts, readings
from test_facts_targets import BULLETIN_TITLE, PLAN_TITLE, POLICY_TITLE

POLICY = f"{POLICY_TITLE}\n各镇人民政府，区直各部门："


# --- 1. a policy: who qualifies is no fact, what is given is
def test_facts_round6_bounded_figures_naming_who_qualifies_are_no_facts():
    found = readings(POLICY, "第三条 年培训人数500人次及以上、培训时长不少于40学时的职业技能培训机构，按培训费用的30%给予补贴。")
    assert found == [("补贴", Decimal(30), "%", "target")]
    # a count a plan sets stays, though a bound and 的 follow it
    found = readings(PLAN_TITLE, "到2027年，建成10个以上的示范基地，提供就业岗位2000个。", "2025-03-01")
    assert found[0] == ("示范基地", Decimal(10), "个", "target")


def test_facts_round6_a_condition_after_an_article_number_opens_with_dui():
    found = readings(POLICY, "第二条 对建筑面积在5000平方米及以上的新建冷链仓库给予一次性奖励50万元。")
    assert found == [("一次性奖励", Decimal(500000), "元", "target")]


def test_facts_round6_a_bound_figure_that_is_given_stays():
    _, found = body_facts(POLICY, "第四条 新招用高校毕业生的企业，每家给予不低于10万元的资金支持。")
    assert [(f.value, f.unit, f.kind, f.qualifier) for f in found] == [(Decimal(100000), "元", "target", "over")]
    # a report's figure with 及以上 is a bounded level, not a condition
    found = readings(NEWS, "全市60岁及以上常住人口达到21.4万人。")
    assert [(i, v, u) for i, v, u, _ in found] == [("60岁及以上常住人口", Decimal(214000), "人")]


def test_facts_round6_respective_awards_named_after_the_list():
    found = readings(POLICY, "第五条 获评国家级、省级示范园区的，每家分别给予100万元、50万元奖励。")
    assert found == [("奖励", Decimal(1000000), "元", "target"), ("奖励", Decimal(500000), "元", "target")]


def test_facts_round6_respective_multiples_are_of_the_standard_before_an():
    found = readings(POLICY, "第六条 第二年和第三年，补贴标准分别按0.8倍、0.5倍执行。")
    assert found == [("补贴标准", Decimal("0.8"), "倍", "target"), ("补贴标准", Decimal("0.5"), "倍", "target")]


def test_facts_round6_a_rate_per_room_night():
    found = readings(POLICY, "第七条 酒店住宿补贴按每间夜80元计算，单个项目最高20万元。")
    assert found[0] == ("酒店住宿补贴", Decimal(80), "元/间夜", "target")


def test_facts_round6_an_award_capped_with_fengding_is_under():
    _, found = body_facts(POLICY, "第八条 每个项目奖补资金封顶50万元。")
    assert [(f.indicator, f.value, f.qualifier) for f in found] == [("每个项目奖补资金", Decimal(500000), "under")]


# --- 2. ranks
def test_facts_round6_places_moved_in_a_ranking_are_a_change_of_the_ranking():
    found = readings(NEWS, "全市综合实力排名全省第8位，较上年上升3个位次。")
    assert found[-1] == ("综合实力排名", Decimal(3), "名", "change")
    found = readings(NEWS, "该县营商环境评价位居全省第5位，比上年前移2个位次。")
    assert found[-1][1:] == (Decimal(2), "名", "change")


def test_facts_round6_a_rank_of_a_rate_is_of_the_indicator_growing():
    found = readings(NEWS, "上半年全市地区生产总值同比增长6.1%，增速排在全省第三位。")
    assert found[-1] == ("地区生产总值增速", Decimal(3), "名", "rank")
    # a rate ranked with nothing carried keeps its own name
    found = readings(NEWS, "增速排在全省第三位。")
    assert found == [("增速", Decimal(3), "名", "rank")]


# --- 3. 以a%的增速; a place alone said of a carried indicator
def test_facts_round6_a_growth_rate_written_with_yi_is_a_change():
    found = readings(NEWS, "装备制造业以18.6%的增速领跑全市工业。")
    assert found == [("装备制造业", Decimal("18.6"), "%", "change")]


def test_facts_round6_places_alone_take_the_indicator_of_the_sentence():
    found = readings(NEWS, "上半年，全市三个县区合计完成地区生产总值860亿元，河东区以7.9%的增速位居第一，临河区增长6.4%。")
    subject = "三个县区合计完成地区生产总值"
    assert [(i, v, k) for i, v, _, k in found] == [
        (subject, Decimal(86000000000), "level"), (subject + "增速", Decimal("7.9"), "change"),
        (subject + "增速", Decimal(1), "rank"), (subject, Decimal("6.4"), "change")]
    # with nothing to carry, the place names what grows, as before
    assert readings(NEWS, "临河区增长6.4%。") == [("临河区", Decimal("6.4"), "%", "change")]


# --- 4. ratios to a base year
def test_facts_round6_a_multiple_of_a_base_year_is_a_change():
    found = readings(NEWS, "2024年全县财政收入已是1990年的86.5倍，为2000年的12.3倍。")
    assert found == [("财政收入", Decimal("86.5"), "倍", "change"), ("财政收入", Decimal("12.3"), "倍", "change")]
    assert [f.period for f in body_facts(NEWS, "2024年全县财政收入已是1990年的86.5倍，为2000年的12.3倍。")[1]] == ["2024年"] * 2
    found = readings(NEWS, "全县粮食产量是去年的1.2倍。")  # not a base year: as before
    assert found[0][1:3] == (Decimal("1.2"), "倍")


# --- 5. marks passed one after another
def test_facts_round6_marks_passed_after_a_colon_are_levels_of_the_total():
    found = [(f.indicator, f.value, f.qualifier) for f in body_facts(
        NEWS, "1990年，全县工业总产值不足5000万元。此后，总量快速增长：2003年跨过10亿元，2012年突破50亿元。")[1]]
    assert found[1:] == [("工业总产值", Decimal(1000000000), "over"), ("工业总产值", Decimal(5000000000), "over")]


# --- 6. N个X中有M个
def test_facts_round6_a_count_of_a_set_and_of_its_part():
    found = readings(BULLETIN_TITLE + "\n一、工业", "全县28个工业行业大类中有17个实现增长。", "2025-03-01")
    assert found == [("工业行业大类", Decimal(28), "个", "level"), ("工业行业大类", Decimal(17), "个", "level")]
