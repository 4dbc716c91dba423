"""Round 3 of entities: place names with their suffix, names inside longer words, unquoted events and
programmes, plans named inside a phrase, and works listed as projects. Sentences of our own, in the
register of real reports."""
from __future__ import annotations

import pytest

from zhibiao.dates import find_dates
from zhibiao.entities import find_entities
from zhibiao.model import Document, Meta


def entities_of(text: str) -> Document:
    return find_entities(find_dates(Document(text=text, meta=Meta(date="2025-09-15"))))


def names(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.text) for e in entities_of(text).entities}


@pytest.mark.parametrize("text, expected", [
    # an autonomous county or prefecture written with its level: the suffix stays in the name
    ("对口帮扶城步县等地区发展茶叶产业。", ("place", "城步县")),
    ("延边州全年接待游客增长12%。", ("place", "延边州")),
    # a town named after its county is one place
    ("文旅项目落地凤凰县山江镇。", ("place", "凤凰县山江镇")),
    ("渝北区统景镇、大盛镇农业产值稳步增长。", ("place", "渝北区统景镇")),
    ("平江县三市镇新建冷链仓储中心。", ("place", "平江县三市镇")),  # 市镇 is a word, 三市 a name
    # a region of cities, in a coordination too
    ("主动融入南京都市圈和长三角城市群，深化区域合作。", ("place", "南京都市圈")),
    ("主动融入南京都市圈和长三角城市群，深化区域合作。", ("place", "长三角城市群")),
    ("加强与中原城市群联动。", ("place", "中原城市群")),
])
def test_entities_places_keep_their_suffix(text, expected):
    assert expected in names(text)


def test_entities_autonomous_county_with_level_means_the_county():
    doc = entities_of("对口帮扶城步县等地区发展茶叶产业。")
    county = next(e for e in doc.entities if e.text == "城步县")
    assert county.canonical == "城步苗族自治县" and county.subtype == "county"


@pytest.mark.parametrize("text, unwanted", [
    ("对口帮扶城步县等地区发展茶叶产业。", ("place", "城步")),
    ("文旅项目落地凤凰县山江镇。", ("place", "凤凰县")),
    # 城镇, 重点镇, 乡镇 are kinds of towns, not a town's name
    ("凤凰县新型城镇化稳步推进。", ("place", "凤凰县新型城镇")),
    ("凤凰县重点镇建设加快。", ("place", "凤凰县重点镇")),
    ("凤凰县各乡镇完成任务。", ("place", "凤凰县各乡镇")),
    ("凤凰县小城镇建设提速。", ("place", "凤凰县小城镇")),
    ("凤凰县中小城镇人口回流。", ("place", "凤凰县中小城镇")),
    ("凤凰县特色小镇建设提速。", ("place", "凤凰县特色小镇")),
    # a strategy of building a region, the reach of a commute and a rank are not regions
    ("全力推动成渝地区双城经济圈建设。", ("place", "成渝地区双城经济圈")),
    ("构建一小时经济圈。", ("place", "一小时经济圈")),
    ("打造世界级城市群。", ("place", "世界级城市群")),
    ("建设现代化都市圈。", ("place", "现代化都市圈")),
])
def test_entities_places_not_overreached(text, unwanted):
    assert unwanted not in names(text)


@pytest.mark.parametrize("text, unwanted", [
    # a level adjective after the place: no place cut out of 上海市级
    ("该项目入选上海市级重点工程。", ("place", "上海")),
    ("该项目入选上海市级重点工程。", ("place", "上海市")),
    # a central city is no body of the state
    ("争创国家中心城市，提升城市能级。", ("org", "国家中心")),
    # a mall listed among projects names no place
    ("去年先后引进杭州银泰MALL、华润万象城等重大项目。", ("place", "杭州")),
])
def test_entities_no_place_or_body_from_inside_a_longer_word(text, unwanted):
    assert unwanted not in names(text)


def test_entities_place_before_a_common_word_still_found():
    assert ("place", "重庆") in names("重庆市场主体总数突破370万户。")
    assert ("place", "上海市") in names("上海市级机关开展节能行动，上海市全年节能10万吨。")


@pytest.mark.parametrize("text, expected", [
    # a month's or a week's drive, named without quotes
    ("开展安全生产月活动以来，排查隐患1200处。", ("event", "安全生产月活动")),
    ("举办科技周活动30余场。", ("event", "科技周活动")),
    # a festival named before its kind
    ("第三届中国（重庆）国际美食节吸引游客20万人次。", ("event", "第三届中国（重庆）国际美食节")),
    ("哈尔滨国际冰雪节开幕。", ("event", "哈尔滨国际冰雪节")),
    # a programme counted by its parts, or named by a quoted slogan right before 行动
    ("全区实施工业振兴五大行动，新增规上企业40家。", ("project", "工业振兴五大行动")),
    ("推进城市更新十大工程建设。", ("project", "城市更新十大工程")),
    ("依托“三送”行动，帮助企业解决难题300余个。", ("project", "“三送”行动")),
    # a plan named inside a longer phrase
    ("对入选浙江省科技领军人才培育计划的企业给予奖励。", ("project", "浙江省科技领军人才培育计划")),
    ("支持湖北省青年拔尖人才计划人选开展研究。", ("project", "湖北省青年拔尖人才计划")),
])
def test_entities_events_and_programmes_without_quotes(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text", [
    "春节期间，国庆节、中秋节假期客流增长。",  # holidays
    "推进工业节能，降低各环节能耗。",  # 节 inside words
    "本月活动安排已公布。",
    "打好三大攻坚战。",  # not a programme's name
    "全面实施三大工程。",  # a count with no name before it
    "开展“散乱污”整治行动。",  # the quote marks what is dealt with
    "全市计划投资100亿元。",  # 计划 a verb
    "重庆市今年计划完成投资。",
    "深圳等计划单列市。",
])
def test_entities_no_event_or_programme_from_common_words(text):
    found = names(text)
    assert not {n for n in found if n[0] in ("event", "project")}, found


def test_entities_body_that_plans_is_not_a_plan():
    found = names("北京市发展和改革委员会计划新建一批项目。")
    assert ("org", "北京市发展和改革委员会") in found
    assert not any(t == "project" and n.endswith("计划") for t, n in found)


def test_entities_works_listed_as_projects():
    found = names("去年先后引进杭州银泰MALL、华润万象城、星河万达广场等重大项目。")
    for name in ("杭州银泰MALL", "华润万象城", "星河万达广场"):
        assert ("project", name) in found
    assert ("place", "星河万达广场") not in found


def test_entities_listed_work_without_the_verb_of_building():
    found = names("今年建设人民路、解放路等项目。")
    assert ("project", "解放路") in found and ("project", "建设人民路") not in found
    assert not names("新建学校、医院、道路等项目。")  # kinds of works name none


def test_entities_square_alone_stays_a_place():
    assert ("place", "星河万达广场") in names("市民来到星河万达广场观看演出。")
