"""Organisations, places, projects and events in sentences written in the register of real reports."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.dates import find_dates
from zhibiao.entities import find_entities, short_form
from zhibiao.model import Document, Meta


def entities_of(text: str, date: str | None = "2025-09-15", place: str | None = None) -> Document:
    return find_entities(find_dates(Document(text=text, meta=Meta(date=date, place=place))))


def names(doc: Document) -> set[tuple[str, str]]:
    return {(e.type, e.text) for e in doc.entities}


@pytest.mark.parametrize("text, expected", [
    # organisations: the longest correct span, starting after the verb or preposition before it
    ("今年5月，成都锦华和信律师事务所与新加坡一家律所签署合作协议。", ("org", "成都锦华和信律师事务所")),
    ("积极对接华蓉云数信息技术股份有限公司，推动项目落地。", ("org", "华蓉云数信息技术股份有限公司")),
    ("合肥市发展和改革委员会印发通知。", ("org", "合肥市发展和改革委员会")),
    ("我代表区人民政府向大会报告工作。", ("org", "区人民政府")),
    ("区委、区政府高度重视民生工作。", ("org", "区政府")),
    ("本市统计数据由市统计局发布。", ("org", "市统计局")),
    ("中国银行四川省分行新增贷款120亿元。", ("org", "中国银行四川省分行")),
    ("引进星澜科技、蓝鲸动力等龙头企业12家。", ("org", "星澜科技")),
    ("引进星澜科技、蓝鲸动力等龙头企业12家。", ("org", "蓝鲸动力")),
    # places of the gazetteer, in full and short
    ("绵阳市涪城区全年实现地区生产总值", ("place", "绵阳市")),
    ("涪城坚持以项目为抓手", ("place", "涪城")),
    ("香港与内地合作不断深化", ("place", "香港")),
    ("广西壮族自治区2024年粮食产量", ("place", "广西壮族自治区")),
    ("章丘区分别增长6.1%", ("place", "章丘区")),
    # local places
    ("其中，解放东路老旧小区完成改造。", ("place", "解放东路")),
    ("从朝天门至洪崖洞段的滨江路已贯通。", ("place", "朝天门")),
    ("漫步南湖湾公园，湖面波光粼粼。", ("place", "南湖湾公园")),
    ("鸿恩寺片区城市更新加快推进。", ("place", "鸿恩寺片区")),
    ("铁西区永丰社区入选首批完整社区。", ("place", "铁西区永丰社区")),
    # projects, programmes, policies
    ("成都天府国际机场二期工程加快建设。", ("project", "成都天府国际机场二期工程")),
    ("其中，人民路棚户区改造提升项目三期完工。", ("project", "人民路棚户区改造提升项目三期")),
    ("发挥四川自贸试验区制度创新优势。", ("project", "四川自贸试验区")),
    ("入选国家数字乡村试点。", ("project", "国家数字乡村试点")),
    ("区政府印发《关于推动经济高质量发展的若干政策》。", ("project", "关于推动经济高质量发展的若干政策")),
    ("制定《奉贤区新材料产业发展行动方案（2025—2027年）》。", ("project", "奉贤区新材料产业发展行动方案")),
    # events
    ("市委十五届八次全会召开。", ("event", "市委十五届八次全会")),
    ("第二十届中国西部国际博览会在成都开幕。", ("event", "第二十届中国西部国际博览会")),
    ("中央经济工作会议指出", ("event", "中央经济工作会议")),
])
def test_entities_found_with_their_full_span(text, expected):
    assert expected in names(entities_of(text))


@pytest.mark.parametrize("text, unexpected", [
    ("有实力的律师事务所众多，成功组建合伙型联营律师事务所。", "律师事务所"),
    ("积极支持重点律师事务所开展合作。", "重点律师事务所"),
    ("通过新开工老旧小区项目、续建老旧小区项目，提升居住品质。", "老旧小区项目"),
    ("统筹推进市级更新项目及区级项目。", "市级更新项目"),
    ("发挥自贸试验区、服务业扩大开放综合试点等政策叠加优势。", "服务业扩大开放综合试点"),
    ("建成国家级服务业扩大开放综合试点。", "国家级服务业扩大开放综合试点"),
    ("成为热门打卡地，政府部门主动服务。", "热门"),
    ("让数据多跑路、群众少跑腿。", "多跑路"),
    ("走出一条发展新路，数字经济开新局。", "数字经济开新局"),
    ("社区（居民委员会）和村民委员会", "社区（居民委员会"),
    ("新建改建街道社区养老服务中心12个。", "新建改建街道"),
    ("建成7座主题博物馆。", "座主题博物馆"),
    ("推动城市中心城区品质提升", "城市中心"),
    ("城区常住人口增长，和平发展", "城区"),
    ("以新质生产力推动东方明珠塔改造", "东方"),
])
def test_entities_descriptions_are_not_names(text, unexpected):
    assert unexpected not in {e.text for e in entities_of(text).entities}


def test_entities_plain_words_never_become_places():
    doc = entities_of("这座城市的活力藏在每一处细微却温暖的变化里，成为热门打卡地。")
    assert [e for e in doc.entities if e.type == "place"] == []


def test_entities_short_name_links_to_the_full_company_name():
    doc = entities_of("引进星澜科技、蓝鲸动力等“链主”企业。\n蓝鲸动力信息技术股份有限公司展示新品。")
    short = next(e for e in doc.entities if e.text == "蓝鲸动力")
    full = next(e for e in doc.entities if e.text == "蓝鲸动力信息技术股份有限公司")
    assert short.canonical == full.canonical == "蓝鲸动力信息技术股份有限公司"


def test_entities_places_carry_codes_and_official_names():
    doc = entities_of("重庆市渝中区今年3月举办活动，渝中与香港合作。")
    by_text = {e.text: e for e in doc.entities if e.type == "place"}
    assert by_text["渝中"].canonical == "渝中区" and by_text["渝中"].code == "500103"
    assert by_text["香港"].code == "810000"


def test_entities_a_county_short_form_counts_only_in_its_province():
    # 滨江 is a district of 杭州; on a page about 重庆 it is the riverside
    doc = entities_of("重庆渝中区：东水门至黄沙溪段的滨江步道全线贯通。渝中区持续推进城市更新。")
    assert "滨江" not in {e.text for e in doc.entities}
    assert ("place", "黄沙溪") in names(doc) and ("place", "东水门") in names(doc)
    hangzhou = entities_of("杭州市滨江区：滨江全年实现生产总值")
    assert ("place", "滨江") in names(hangzhou)


def test_entities_county_short_forms_do_not_outvote_full_names():
    # 滨江 (a district of 杭州) named three times does not make a 重庆 page one about 浙江
    doc = entities_of("滨江新城建设提速，滨江步道贯通，滨江公园开园。沙坪坝区、江北区新增市场主体1771户。")
    divisions = {(e.text, e.code) for e in doc.entities if e.code}
    assert divisions == {("沙坪坝区", "500106"), ("江北区", "500105")}
    assert doc.meta.place == "沙坪坝区"
    # alone, a county's short form that is a common word (古城 of 丽江) does not tell the province either
    doc = entities_of("全市加快推进古城保护更新，平原地区粮食稳产。")
    assert doc.meta.place is None and not any(e.code for e in doc.entities)
    # the place the caller gives tells the province too
    assert ("place", "滨江") not in names(entities_of("滨江步道贯通。", place="渝中区"))


def test_entities_regression_main_place_not_read_from_a_verb_phrase():
    # 新建 is also 新建区 of 南昌; in 新建改扩建 it is a verb, whatever the province
    report = entities_of("过去一年，全市新建改扩建中小学校28所，新增学位1.2万个。新建改扩建农村公路360公里。",
                         date="2025-01-20")
    assert report.meta.place is None and report.entities == []
    jiangxi = entities_of("南昌市新建改扩建学校12所。")
    assert jiangxi.meta.place == "南昌市" and "新建" not in {e.text for e in jiangxi.entities}
    assert ("place", "新建区") in names(entities_of("新建区全年实现地区生产总值"))


def test_entities_the_main_place_becomes_the_document_place():
    doc = entities_of("渝中立足优势。渝中是服务业集聚区。重庆建设内陆开放高地。全区已集聚企业1870家。")
    assert doc.meta.place == "渝中区"
    assert "全区" not in {e.text for e in doc.entities}
    assert entities_of("全区已集聚企业。渝中立足优势。", place="某区").meta.place == "某区"


def test_entities_an_event_takes_the_date_of_its_sentence():
    doc = entities_of("9月2日，区委十三届七次全会举行。今年8月召开的重庆市科技创新大会揭晓奖项。")
    dates = {e.text: e.date for e in doc.entities if e.type == "event"}
    assert dates == {"区委十三届七次全会": "2025-09-02", "重庆市科技创新大会": "2025-08"}


def test_entities_a_street_that_heads_a_project_is_a_place_too():
    doc = entities_of("其中，人民路棚户区改造提升项目二期完工。")
    assert {("place", "人民路"), ("project", "人民路棚户区改造提升项目二期")} <= names(doc)


@pytest.mark.parametrize("name, short", [
    ("渝中区", "渝中"), ("重庆市", "重庆"), ("广西壮族自治区", "广西"), ("新疆维吾尔自治区", "新疆"),
    ("延边朝鲜族自治州", "延边"), ("石柱土家族自治县", "石柱"), ("香港特别行政区", "香港"), ("阿里地区", "阿里"),
    ("城区", None), ("沙市区", "沙市"),
])
def test_entities_short_forms_of_division_names(name, short):
    assert short_form(name) == short


def test_entities_offsets_point_into_the_text():
    text = "今年3月，重庆志和智律师事务所与香港周卓立陈启球陈一理律师事务所组建联营律师事务所并落户渝中。"
    doc = entities_of(text)
    assert all(text[e.start:e.end] == e.text for e in doc.entities)
    assert ("org", "香港周卓立陈启球陈一理律师事务所") in names(doc)


def test_entities_seed_page_scores_above_the_floor(seed_paths, tmp_path):
    import subprocess
    import sys

    from conftest import SCORER
    from zhibiao.pipeline import extract_path

    text_path, gold_path = seed_paths
    doc = extract_path(text_path, date="2025-09-15")[0]
    prediction = tmp_path / "seed.json"
    prediction.write_text(doc.to_json(), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), str(gold_path), str(prediction)],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out.splitlines()[0])["entities_f1"] >= 0.75


_ALPHABET = "重庆市渝中区解放碑路巷门和与的在项目工程公司律师事务所大会（）“”《》、，。0123456789年月日季度今去近十四五期间全区"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_entities_any_text_gives_spans_that_point_into_it(text):
    doc = entities_of(text)
    assert all(text[e.start:e.end] == e.text and e.text for e in doc.entities)
    assert all(text[d.start:d.end] == d.text for d in doc.dates)
