"""Round 5 of entities: the central bodies, waters named by their shores and lakes jieba knows, places a
list of 等地 names, zones named by their position, a base on measured land, buildings listed among
projects, a quoted platform, a policy's title where it recurs; and what is not a name (a rank of parks, a
quoted label before a park, the seat of a government). Sentences of our own, in the register of real reports."""
from __future__ import annotations

import pytest

from zhibiao.dates import find_dates
from zhibiao.entities import find_entities
from zhibiao.model import Document, Meta


def names(text: str) -> set[tuple[str, str]]:
    doc = find_entities(find_dates(Document(text=text, meta=Meta(date="2025-09-15"))))
    return {(e.type, e.text) for e in doc.entities}


@pytest.mark.parametrize("text, expected", [
    ("2016年，经国务院批准，撤销该县设立区。", ("org", "国务院")),
    ("党中央、国务院高度重视民营经济发展。", ("org", "党中央")),
    ("国家发展改革委、财政部联合下达中央预算内投资。", ("org", "国家发展改革委")),
    ("国家发展改革委、财政部联合下达中央预算内投资。", ("org", "财政部")),
    ("该方案由市发展改革委牵头实施。", ("org", "市发展改革委")),
    ("经湖南省政府同意，开发区扩区调整。", ("org", "湖南省政府")),
])
def test_entities_central_bodies_are_organisations(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, not_expected", [
    ("国务院办公厅印发指导意见。", ("org", "国务院")),  # the longer body is the name
    ("他当选为全国人大代表。", ("org", "全国人大")),  # a person's title
])
def test_entities_central_body_inside_a_title_is_not_named_alone(text, not_expected):
    assert not_expected not in names(text)


@pytest.mark.parametrize("text, expected", [
    ("该市位于长江下游南岸、巢湖之滨。", ("place", "巢湖")),
    ("新区地处珠江口西岸，与香港隔海相望。", ("place", "珠江口")),
    ("古城坐落在鄱阳湖北畔。", ("place", "鄱阳湖")),
    ("全区北临长江，东濒黄海。", ("place", "长江")),
    ("全区北临长江，东濒黄海。", ("place", "黄海")),
    ("黄浦江两岸贯通45公里滨江岸线。", ("place", "黄浦江")),
    # a lake jieba knows by name, right after a word
    ("全年洞庭湖接待游客300万人次。", ("place", "洞庭湖")),
])
def test_entities_waters_named_by_their_shores_are_places(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text", [
    "南岸区新增市场主体1.2万户。",  # a district, its own name
    "面临长江经济带发展的重大机遇。",  # 面临 faces, it borders nothing
    "城市南岸的滨水空间持续改善。",  # no water named
])
def test_entities_shore_words_without_a_water_name_no_landmark(text):
    assert not {name for kind, name in names(text) if kind == "place" and name[-1] in "江河湖海湾口"}


@pytest.mark.parametrize("text, expected", [
    ("五年间，塘厦、凤岗等地的工业园相继建成。", {("place", "塘厦"), ("place", "凤岗")}),
    # a city's name that is a word too, and the word that leads to the first place
    ("市领导带队赴洛阳、开封等地考察文旅项目。", {("place", "洛阳"), ("place", "开封")}),
])
def test_entities_items_of_a_list_closed_by_dengdi_are_places(text, expected):
    found = names(text)
    assert expected <= found
    assert not {name for kind, name in found if kind == "place" and "赴" in name}


@pytest.mark.parametrize("text", [
    "在车间、仓库等地开展安全检查。",
    "在学校、医院、商场等地设置便民服务点。",
    "在东部、西部等地区布局产业。",
])
def test_entities_common_words_before_dengdi_are_not_places(text):
    assert not {name for kind, name in names(text) if kind == "place"}


@pytest.mark.parametrize("text, expected", [
    ("北部工业区和城南片区相继建成，入驻企业80家。", ("place", "北部工业区")),
    ("中心工业区今年计划完成投资20亿元。", ("place", "中心工业区")),
    ("城市中心区涵盖两个街道，区域面积30平方公里。", ("place", "城市中心区")),
    ("漕河泾工业区的企业数量稳步增加。", ("place", "漕河泾工业区")),
    # a base whose land is measured, or that something lies in
    ("完成了金沙基地1.5万亩土地的征收。", ("place", "金沙基地")),
    ("新引进的项目落户在青山基地。", ("place", "青山基地")),
])
def test_entities_zones_named_by_position_and_bases_on_land_are_places(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text", [
    "推进老工业区改造提升。",
    "加快建设光伏发电基地。",
    "全市建成示范基地12个。",
])
def test_entities_kinds_of_zone_and_base_are_not_places(text):
    assert not {name for kind, name in names(text) if kind == "place"}


def test_entities_seat_of_a_government_is_the_street_alone():
    found = names("全区共有8个街道，区人民政府驻城关街道。")
    assert ("place", "城关街道") in found
    assert not {name for kind, name in found if "驻" in name}


def test_entities_buildings_listed_among_projects_are_projects():
    found = names("上半年，大型停车场、城市公园以及研发大楼、金融服务大厦、数据处理中心等八个项目集中开工。")
    assert {("project", "研发大楼"), ("project", "金融服务大厦"), ("project", "数据处理中心")} <= found
    assert ("project", "大型停车场") not in found


def test_entities_buildings_outside_a_list_of_projects_are_not_projects():
    assert not {name for kind, name in names("研发大楼和数据处理中心均已投用。") if kind == "project"}


def test_entities_quoted_platform_is_a_project():
    found = names("对新列入省级“千亿万亩”产业平台培育名单的，给予奖励。")
    assert ("project", "“千亿万亩”产业平台") in found


@pytest.mark.parametrize("text", [
    "对新认定的宁波市级特色产业园，给予一次性奖励。",
    "对新认定的市级大数据产业园，给予一次性奖励。",
    "鼓励企业创建“专精特新”产业园，入选试点的给予奖励。",
])
def test_entities_ranks_and_labels_of_parks_are_not_projects(text):
    assert not {name for kind, name in names(text) if kind == "project"}


def test_entities_named_park_with_a_quoted_part_is_still_a_project():
    assert ("project", "北流“两湾”产业园") in names("北流“两湾”产业园加快建设，新签约项目12个。")


def test_entities_policy_title_recurring_without_marks_covers_its_place():
    text = ("某县人民政府关于印发泰和县“两城”建设三年行动方案的通知\n"
            "现将《泰和县“两城”建设三年行动方案》印发给你们。\n"
            "泰和县“两城”建设三年行动方案\n"
            "为推动泰和高质量发展，制定本方案。")
    doc = find_entities(find_dates(Document(text=text, meta=Meta(date="2025-09-15"))))
    policies = [e for e in doc.entities if e.text == "泰和县“两城”建设三年行动方案"]
    assert len(policies) == 3
    assert ("place", "泰和县") not in {(e.type, e.text) for e in doc.entities}
    assert ("place", "泰和") in {(e.type, e.text) for e in doc.entities}
