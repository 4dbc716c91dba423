"""Round 6 of entities: industries are no companies, a limited company's registered name and a leading group's
office are kept whole, prefectures whose short form is a common word, rivers, mountains and their sections,
regions of several provinces, towns named alone, industrial parks as places, quoted demonstration belts and named
national parks as projects; and what is not a place (a described 新城区, the adverb 一路, a star rating, a clause
before a rank of zones). Sentences of our own, in the register of real reports."""
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


@pytest.mark.parametrize("text", [
    "全市工业中，智能网联汽车、储能电池、工业母机等领域的产值增长12.1%。",
    "其中光伏组件、生物医药、新一代人工智能产业分别增长21.5%、9.8%和16.2%。",
    "新能源汽车、智能家电等升级类商品零售额增长较快。",
])
def test_entities_industries_in_a_list_are_not_companies(text):
    assert not of_type(text, "org")


@pytest.mark.parametrize("text, expected", [
    ("引进宁德时代、比亚迪汽车等行业龙头企业。", "比亚迪汽车"),
    ("比亚迪汽车、小鹏汽车等企业落户园区。", "比亚迪汽车"),
])
def test_entities_companies_before_a_list_of_companies_stay(text, expected):
    assert expected in of_type(text, "org")


def test_entities_registered_name_of_a_subsidiary_is_kept_whole():
    found = of_type("上月，东方能源集团新兴动力设备有限公司自主研制的变压器通过鉴定。", "org")
    assert found == {"东方能源集团新兴动力设备有限公司"}


def test_entities_short_generic_name_before_limited_company_is_no_registered_name():
    assert "销售有限公司" not in of_type("支持新办销售有限公司。", "org")


def test_entities_leading_group_office_keeps_its_task_and_province():
    found = names("据悉，江苏省推进长江经济带发展领导小组办公室近日印发通知。")
    assert ("org", "江苏省推进长江经济带发展领导小组办公室") in found
    assert ("place", "江苏省") not in found


def test_entities_other_offices_do_not_reach_back_over_a_verb():
    assert "推进市政府办公室" not in of_type("全力推进市政府办公室安排的工作。", "org")


@pytest.mark.parametrize("text, expected", [
    ("合肥是安徽省的省会。", "合肥"),
    ("山东省烟台港吞吐量增长，烟台的果业也很兴旺。", "烟台"),
])
def test_entities_prefecture_short_forms_that_are_words_count_in_their_province(text, expected):
    assert expected in of_type(text, "place")


def test_entities_prefecture_short_forms_that_are_words_do_not_count_elsewhere():
    assert "日照" not in of_type("四川省今年日照偏少，降水偏多。", "place")


@pytest.mark.parametrize("text, expected", [
    ("华山北麓，黄河流经城北。", {"华山", "黄河"}),
    ("长江南京段水质稳定在Ⅱ类。", {"长江南京段"}),
    ("汾河穿城而过，两岸绿道贯通。", {"汾河"}),
])
def test_entities_rivers_mountains_and_sections_are_places(text, expected):
    assert expected <= of_type(text, "place")


def test_entities_common_words_before_a_river_course_are_not_places():
    assert not of_type("资金流经多个环节，最终投向实体经济。", "place")


@pytest.mark.parametrize("text, expected", [
    ("两地共同融入京津冀，承接产业转移。", "京津冀"),
    ("珠三角地区经济总量占全省八成。", "珠三角地区"),
])
def test_entities_regions_of_several_provinces_are_places(text, expected):
    assert expected in of_type(text, "place")


def test_entities_region_in_a_strategy_is_not_named():
    assert not of_type("深度融入京津冀一体化发展。", "place")


@pytest.mark.parametrize("text, expected", [
    ("以安溪镇茶叶核心区为重点，推进标准化生产。", "安溪镇"),
    ("全县10个乡镇中，石桥铺镇获评全国千强镇。", "石桥铺镇"),
])
def test_entities_towns_named_alone_are_places(text, expected):
    assert expected in of_type(text, "place")


@pytest.mark.parametrize("text", [
    "该区是全省的工业重镇。",
    "特色小镇建设加快，新型城镇化率提高。",
])
def test_entities_kinds_of_town_are_not_places(text):
    assert not of_type(text, "place")


def test_entities_industrial_park_named_after_its_district_is_a_place():
    found = names("江宁区工业园区与周边园区一道晋级国家级经济技术开发区。")
    assert ("place", "江宁区工业园区") in found
    assert not {name for _, name in found if "晋级" in name}


def test_entities_new_district_after_a_describing_word_is_not_a_place():
    assert "新城区" not in of_type("陕西省某市把城北建成最具品质的繁华新城区。", "place")


@pytest.mark.parametrize("text", [
    "上半年，销量一路走高。",
    "入住五星级、四星级酒店的，标准分别折算。",
])
def test_entities_descriptions_ratings_and_adverbs_are_not_places(text):
    assert not of_type(text, "place")


def test_entities_new_district_after_its_city_or_alone_is_a_place():
    assert "新城区" in of_type("西安市新城区经济稳步增长。", "place")
    assert "新城区" in of_type("去年，新城区经济稳步增长；陕西省。", "place")


def test_entities_numbered_street_before_a_verb_is_still_a_street():
    assert "中山一路" in of_type("中山一路改造完成。", "place")


def test_entities_quoted_demonstration_belt_is_a_project():
    found = of_type("推动“山水田园·十里画廊”乡村振兴示范带建设。", "project")
    assert found == {"“山水田园·十里画廊”乡村振兴示范带"}


def test_entities_unquoted_demonstration_belts_are_not_projects():
    assert not of_type("今年建设乡村振兴示范带5条。", "project")


def test_entities_named_national_park_after_building_is_a_project():
    found = of_type("加快建设安溪铁观音国家现代农业产业园。", "project")
    assert found == {"安溪铁观音国家现代农业产业园"}


def test_entities_documents_place_inside_org_names_and_titles_only_is_not_listed():
    text = ("安溪县人民政府办公室关于印发安溪县茶产业提升行动方案的通知\n"
            "现将《安溪县茶产业提升行动方案》印发给你们。\n"
            "安溪县人民政府办公室\n")
    assert "安溪县" not in of_type(text, "place")


def test_entities_waters_after_where_a_place_lies_and_where_they_meet_are_places():
    assert {"长江", "嘉陵江"} <= of_type("该市地处长江与嘉陵江交汇处，水运便利。", "place")


@pytest.mark.parametrize("text", [
    "新城地处两江交汇处，水网密布。",
    "古镇位于江河交汇处。",
])
def test_entities_counts_and_kinds_of_water_are_not_places(text):
    assert not of_type(text, "place")


@pytest.mark.parametrize("text, expected", [
    ("推动东北全面振兴取得新突破。", "东北"),
    ("华东地区用电量增长6.2%。", "华东地区"),
])
def test_entities_regions_named_by_the_compass_are_places(text, expected):
    assert expected in of_type(text, "place")


@pytest.mark.parametrize("text", [
    "项目位于城区东北部，冬季多刮西北风。",
    "面向东北亚开放合作。",
])
def test_entities_directions_are_not_regions(text):
    assert not of_type(text, "place")
