"""Round 7 of entities: places by their geographic kind (numbered national roads, roads named by the places they
join, basins, plateaus, deserts, archipelagos, farms, townships, ports and terminals, experimental zones), the
world's continents and regions, works named with their owner's short name or by the places a line joins, a
bureau after a reporter's bracket, ministries after a verb, the Party's congresses, companies named by their
place and a brand word; and what is none of these (a city's side, a kind of zone's office, a new government,
industries and kinds of network). Sentences of our own, in the register of real reports."""
from __future__ import annotations

import pytest

from zhibiao.dates import find_dates
from zhibiao.entities import find_entities
from zhibiao.model import Document, Meta


def names(text: str) -> set[tuple[str, str]]:
    doc = find_entities(find_dates(Document(text=text, meta=Meta(date="2025-09-15"))))
    return {(e.type, e.text) for e in doc.entities}


def of_type(text: str, kind: str) -> set[str]:
    return {name for type_, name in names(text) if type_ == kind}


@pytest.mark.parametrize("text, expected", [
    ("车队沿着318国道一路向西，傍晚抵达县城。", "318国道"),
    ("项目位于G312国道北侧，占地120亩。", "G312国道"),
    ("这座小城因川藏公路而兴，如今游客络绎不绝。", "川藏公路"),
    ("四川盆地冬季多雾，日照偏少。", "四川盆地"),
    ("全年在塔克拉玛干沙漠边缘完成治沙造林5万亩。", "塔克拉玛干沙漠"),
    ("舟山群岛海岸线漫长，渔业资源丰富。", "舟山群岛"),
    ("在城北的红星农场，两千亩苹果迎来丰收。", "红星农场"),
    ("在巴音布鲁克乡的草场上，牧民转场放牧。", "巴音布鲁克乡"),
    ("宁波舟山港货物吞吐量连续多年居全球首位。", "宁波舟山港"),
    ("以天津LNG接收站为依托，发展清洁能源产业。", "天津LNG接收站"),
    ("平潭综合实验区和舟山海洋开发试验区错位发展。", "舟山海洋开发试验区"),
])
def test_entities_places_by_their_geographic_kind(text, expected):
    assert expected in of_type(text, "place")


@pytest.mark.parametrize("text", [
    "全县新建农村公路120公里，改造干线公路30公里。",
    "建成通村公路45公里，新修进组公路12公里。",
    "推进城乡融合发展，全乡共有农户3200户，美丽乡村建设加快。",
    "空港经济区建设加快，出港集装箱增长12%。",
    "新建家庭农场56个，推进海上牧场和城市农场建设。",
    "发展高原特色农业，沙漠化治理面积扩大。",
])
def test_entities_kinds_of_road_farm_and_port_are_no_places(text):
    assert not of_type(text, "place")


def test_entities_a_basins_name_alone_is_a_place_too():
    found = of_type("塔克拉玛干沙漠腹地风沙大。塔克拉玛干的油气资源丰富。", "place")
    assert {"塔克拉玛干沙漠", "塔克拉玛干"} <= found


def test_entities_a_citys_side_is_no_district():
    # 城东 is the short form of a district, and the east of any city
    assert of_type("西宁市城东区投资增长。在城东的新厂区，一期工程完工。", "place") == {"西宁市", "城东区"}


@pytest.mark.parametrize("text, expected", [
    ("产品远销东南亚、中东和非洲，对欧盟出口增长9%。", {"东南亚", "中东", "非洲", "欧盟"}),
    ("中欧班列开往中亚和欧洲，拉美市场持续拓展。", {"中亚", "欧洲", "拉美"}),
])
def test_entities_world_regions_are_places(text, expected):
    assert expected <= of_type(text, "place")


@pytest.mark.parametrize("text, region", [
    ("企业在马来西亚设立工厂。", "西亚"),
    ("中东部地区用电需求旺盛。", "中东"),
])
def test_entities_a_region_cut_out_of_a_word_is_none(text, region):
    assert region not in of_type(text, "place")


@pytest.mark.parametrize("text, expected", [
    ("在戈壁深处，黄河能源德令哈二期50兆瓦光热工程已并网发电。", "黄河能源德令哈二期50兆瓦光热工程"),
    ("建成后每年将经陕湖直流特高压工程外送电量。", "陕湖直流特高压工程"),
])
def test_entities_works_kept_whole(text, expected):
    assert expected in of_type(text, "project")


def test_entities_a_kind_of_work_is_no_project():
    assert not of_type("推进民生实事工程和村村通水工程。", "project")


def test_entities_a_bureau_after_a_reporters_bracket():
    found = names("本报讯（记者 王小明）鞍山市统计局日前发布数据显示，全市经济稳中有升。")
    assert ("org", "鞍山市统计局") in found and ("place", "鞍山市") not in found


@pytest.mark.parametrize("text, expected", [
    ("该项目纳入工信部试点示范。", "工信部"),
    ("项目获得商务部批准。", "商务部"),
])
def test_entities_a_ministry_after_a_verb(text, expected):
    assert expected in of_type(text, "org")


@pytest.mark.parametrize("text", [
    "公司电子商务部负责线上销售。",  # a ministry's name cut out of a word
    "经商务部门批准后实施。",
    "今年是新一届政府全面履职之年。",  # bodies without a name
    "各开发区、高新区管委会要抓好落实。",
    "船舶装备、海洋电子和海洋生物医药等新兴产业加快发展。",  # industries and kinds of network
    "全市通信网络和物流网络进一步完善。",
])
def test_entities_what_names_no_organisation(text):
    assert not of_type(text, "org")


@pytest.mark.parametrize("text, expected", [
    ("全面贯彻落实党的十九大精神。", "党的十九大"),
    ("党的十八大以来，全县经济总量翻了一番。", "党的十八大"),
    ("深入学习贯彻二十大精神。", "二十大"),
    ("落实省第十二次党代会部署。", "省第十二次党代会"),
])
def test_entities_party_congresses_are_events(text, expected):
    assert expected in of_type(text, "event")


@pytest.mark.parametrize("text", [
    "三大攻坚战取得决定性成就。",
    "实施十大工程，打好三大精神品牌。",
])
def test_entities_counted_things_are_no_congress(text):
    assert not of_type(text, "event")


def test_entities_a_company_named_by_its_place_and_a_brand_word():
    found = names("湖北亿纬一期建成投产、二期开工建设，常州时代一期即将完工。")
    assert {("org", "湖北亿纬"), ("org", "常州时代")} <= found and ("place", "湖北") not in found


def test_entities_a_places_part_in_phases_is_no_company():
    assert not of_type("成都园区二期开工，郑州东站二期建成。", "org")
