"""Facts of news briefs (本报讯, 记者从…获悉): how city and county figures are written in the news."""
import zhibiao


def _facts(text: str) -> list[tuple[str, float, str, str, str | None]]:
    docs = zhibiao.extract(text.encode(), "news.txt", date="2025-10-20")
    return [(f.indicator, float(f.value), f.unit, f.kind, f.qualifier) for doc in docs for f in doc.facts]


def _genre(text: str) -> str:
    return zhibiao.extract(text.encode(), "news.txt", date="2025-10-20")[0].meta.genre


BRIEF_SHARE = """一季度全市经济增速居全省第3位
本报讯（记者 王晓）4月25日，记者从市统计局获悉，一季度，全市地区生产总值达到612.4亿元，按可比价格计算，同比增长6.3%，高于全省1.1个百分点，增速居全省第3位。
工业生产加快回升。一季度，全市规上工业增加值同比增长8.1%，比1—2月加快1.6个百分点。其中，高技术制造业增加值增长15.2%，占规上工业增加值的比重为18.7%，同比提高2.1个百分点。
外贸方面，民营企业进出口318.6亿元，增长21.7%，占全市外贸总值的74.9%，比去年同期提高2.2个百分点。
"""


def test_facts_news_brief_is_read_as_news() -> None:
    assert _genre(BRIEF_SHARE) == "news"


def test_facts_news_points_after_a_share_change_the_share() -> None:
    facts = _facts(BRIEF_SHARE)
    assert ("高技术制造业增加值占规上工业增加值的比重", 2.1, "个百分点", "change", None) in facts
    assert ("民营企业进出口占全市外贸总值", 2.2, "个百分点", "change", None) in facts
    assert ("民营企业进出口占全市外贸总值", 74.9, "%", "level", None) in facts
    # the growth rates beside the share stay with what grows, and points after a rate stay with it
    assert ("高技术制造业增加值", 15.2, "%", "change", None) in facts
    assert ("规上工业增加值", 1.6, "个百分点", "change", None) in facts
    assert ("地区生产总值", 1.1, "个百分点", "change", None) in facts


def test_facts_news_share_change_needs_a_share_before_it() -> None:
    facts = _facts("上半年，全县工业投资增长12.4%，达到35.6亿元，比一季度提高2.3个百分点。")
    assert ("工业投资", 2.3, "个百分点", "change", None) in facts
    facts = _facts("全区高技术产业增加值增长9%，比重较上年提高1.1个百分点。")
    assert ("比重", 1.1, "个百分点", "change", None) in facts  # no share was named: 比重 stays itself


def test_facts_news_a_share_word_alone_is_the_share_just_named() -> None:
    facts = _facts("上半年，全区实现税收收入18.6亿元，占一般公共预算收入的比重达82.3%，比重较上年同期提高3.4个百分点。")
    assert ("税收收入占一般公共预算收入的比重", 3.4, "个百分点", "change", None) in facts


def test_facts_news_how_it_is_counted_is_no_part_of_the_indicator() -> None:
    facts = _facts("一季度，全县地区生产总值按可比价格计算增长7.4%。前三季度，全市规上工业增加值同比增长6.8%，"
                   "高于全省0.9个百分点，其中9月份当月增长8.2%。")
    assert ("地区生产总值", 7.4, "%", "change", None) in facts
    assert ("规上工业增加值", 8.2, "%", "change", None) in facts
    assert not any(f[0].startswith("当月") or "可比价格" in f[0] for f in facts)


BRIEF_RUN = """前10个月我县规上工业增加值增速连续5个月位居全市第一
本报讯（通讯员 李红梅 记者 赵亮）1—10月，全县规上工业增加值同比增长12.6%，增速高于全市4.3个百分点，连续6个月位居全市第一。
上半年，全县农村居民人均可支配收入9865元，同比增长7.2%，快于城镇居民2.5个百分点，增速连续8个季度快于城镇居民。
"""


def test_facts_news_a_run_of_months_or_quarters_is_a_duration() -> None:
    facts = _facts(BRIEF_RUN)
    assert ("规上工业增加值增速", 1, "名", "rank", None) in facts  # the headline's rank, without 连续5个月
    assert any(f[1:4] == (5, "个月", "level") for f in facts)
    assert any(f[1:4] == (6, "个月", "level") for f in facts)
    assert any(f[1:4] == (8, "个季度", "level") for f in facts)
    assert not any(f[2] == "个" for f in facts)  # 连续8个季度 is not 8个
    ranks = [f for f in facts if f[3] == "rank"]
    assert len(ranks) == 2 and all("个月" not in f[0] for f in ranks)
    assert ranks[1][0].startswith("规上工业增加值")  # after 连续6个月 the rank is of what the clause before named


def test_facts_news_quarters_without_a_run_are_no_facts() -> None:
    facts = _facts("今年前三个季度，全市新增城镇就业3.2万人。")
    assert [f[1:3] for f in facts] == [(32000, "人")]


def test_facts_news_respective_comparisons_go_to_the_subjects_in_order() -> None:
    facts = _facts("1—10月，全县工业投资增长23.4%，技改投资增长21.8%，增速分别比上半年加快3.2和5.6个百分点。")
    assert ("工业投资增速", 3.2, "个百分点", "change", None) in facts
    assert ("技改投资增速", 5.6, "个百分点", "change", None) in facts
    facts = _facts("全区税收收入12.5亿元，非税收入3.4亿元，分别比上年增长6.1%和11.3%。")
    assert ("税收收入", 6.1, "%", "change", None) in facts
    assert ("非税收入", 11.3, "%", "change", None) in facts


def test_facts_news_respective_list_of_one_subject_stays_whole() -> None:
    facts = _facts("城镇和农村居民人均可支配收入分别增长4.9%、6.8%。")
    assert [f[1] for f in facts] == [4.9, 6.8]
    assert all(f[0] == "城镇和农村居民人均可支配收入" for f in facts)


def test_facts_news_a_threshold_in_the_next_item_lends_no_qualifier() -> None:
    facts = _facts("全市新引进亿元以上项目156个，其中50亿元以上项目3个、10亿元以上项目28个。")
    assert ("50亿元以上项目", 3, "个", "level", None) in facts
    assert ("10亿元以上项目", 28, "个", "level", None) in facts
    # a closing qualifier of a list of one unit still covers every item
    facts = _facts("细颗粒物和可吸入颗粒物年均浓度分别控制在30、55微克/立方米以内。")
    assert [f[4] for f in facts] == ["under", "under"]


def test_facts_news_phone_numbers_and_ordinals_are_no_facts() -> None:
    facts = _facts("第五届农民丰收节将于9月23日举行。咨询电话：0771-5681234。全县生猪出栏12.3万头，增长3.4%。")
    assert [f[1:4] for f in facts] == [(123000, "头", "level"), (3.4, "%", "change")]


def test_facts_news_places_compared_with_are_no_subjects() -> None:
    facts = _facts("一季度，全市地区生产总值增长6.1%，比全国、全省分别高0.8和0.5个百分点。")
    assert ("地区生产总值", 0.8, "个百分点", "change", None) in facts
    assert ("地区生产总值", 0.5, "个百分点", "change", None) in facts
    # subjects listed before 分别比… still take a value each
    facts = _facts("全市工业投资和技改投资分别比全省高3.2和5.6个百分点。")
    assert ("工业投资", 3.2, "个百分点", "change", None) in facts
    assert ("技改投资", 5.6, "个百分点", "change", None) in facts


def test_facts_news_progress_against_the_years_plan_is_of_what_was_named() -> None:
    facts = _facts("今年以来，全区累计完成固定资产投资86.3亿元，同比增长13.2%，完成年度计划的68.5%，"
                   "增速在全市7个县区中排名第二。")
    assert ("固定资产投资完成年度计划", 68.5, "%", "level", None) in facts
    assert ("固定资产投资增速", 2, "名", "rank", None) in facts
    # a level in money after 完成 is no progress
    assert ("固定资产投资", 8630000000, "元", "level", None) in facts


def test_facts_news_a_forecasts_verbs_are_no_part_of_the_indicator() -> None:
    facts = _facts("市统计局有关负责人表示，预计全年全市经济将保持6%左右的增长，接待游客有望突破5000万人次。")
    assert ("经济", 6, "%", "target", "approx") in facts
    assert ("接待游客", 50000000, "人次", "target", "over") in facts
    # a level held at a figure keeps its name
    assert ("空气质量优良率", 90, "%", "level", "over") in _facts("全市空气质量优良率保持在90%以上。")


def test_facts_news_new_ones_since_a_base_are_a_change() -> None:
    facts = _facts("规上工业企业达到136家，较年初新增12家。")
    assert ("规上工业企业", 12, "家", "change", None) in facts
    assert ("规上工业企业", 136, "家", "level", None) in facts
    # without a base, what is new is counted: a level
    assert ("新增城镇就业", 12000, "人", "level", None) in _facts("全年新增城镇就业1.2万人。")
    assert ("新增规上工业企业", 12, "家", "level", None) in _facts("今年新增规上工业企业12家。")


def test_facts_news_respective_ranks_go_to_the_subjects_in_order() -> None:
    facts = _facts("前三季度，全市规上工业增加值和固定资产投资分别增长8.2%和11.6%，增速分别居全省第3位和第1位。")
    ranks = [f for f in facts if f[3] == "rank"]
    assert [(f[0][:6], f[1]) for f in ranks] == [("规上工业增加", 3), ("固定资产投资", 1)]
    assert not any("增速增速" in f[0] for f in facts)
    # one subject ranked twice keeps its name
    facts = _facts("上半年，全县地区生产总值总量和增速分别居全市第3位和第1位。")
    assert [f[1] for f in facts if f[3] == "rank"] == [3, 1]
