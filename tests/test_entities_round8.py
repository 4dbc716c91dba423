"""Round 8 of entities, studied on the kinds of name that county and township pages use: villages and towns
named by common words, cooperatives and family farms, township health centres and maternal hospitals, named
markets, stations, service areas and estates, rural complexes and small towns built as projects, companies
named by a plain brand and their trade, and two events that 和 joins; and what is none of these (kinds of
village, town, community, estate and market, counts, times and verbs before 村, descriptors before a trade).
Sentences of our own, in the register of real reports."""
from __future__ import annotations

import pytest

from zhibiao.dates import find_dates
from zhibiao.entities import find_entities
from zhibiao.model import Document, Meta


def names(text: str) -> set[tuple[str, str]]:
    doc = find_entities(find_dates(Document(text=text, meta=Meta(date="2025-09-15"))))
    return {(e.type, e.text) for e in doc.entities}


def texts(text: str) -> set[str]:
    return {name for _, name in names(text)}


@pytest.mark.parametrize("text, expected", [
    ("全镇已建成果园两千亩，岩口村、松林村入选省级乡村振兴示范村。", {"岩口村", "松林村"}),
    ("红星村集体经济收入去年突破80万元。", {"红星村"}),
    ("枫树村、胜利村、团结村等一批村的做法在全县推广。", {"枫树村", "胜利村", "团结村"}),
    ("副县长先后来到龙门乡、石桥镇，查看了石桥镇新华村的育苗基地。", {"龙门乡", "石桥镇", "石桥镇新华村"}),
    ("今年以来，石门镇依托柑橘产业带动农户增收。", {"石门镇"}),
    ("记者来到湖北省秭归县杨林村，脐橙挂满枝头。", {"秭归县杨林村"}),
])
def test_entities_villages_and_towns_named_by_common_words(text, expected):
    found = {name for type_, name in names(text) if type_ == "place"}
    assert expected <= found


@pytest.mark.parametrize("text", [
    "全县共有行政村186个，所有村集体经济收入超过10万元。",
    "新创建美丽乡村示范村15个，村村通客车，每个村都有服务站。",
    "要培育壮大村集体经济，消除集体经济薄弱村。",
    "全市已有国家级文明村12个、省级文明镇5个，中心镇建设加快。",
    "去年村集体经济收入达到58万元，村民人均增收两千元。",
    "私拉乱接的电线既影响村容村貌，又有安全隐患。",
    "城中村改造完成3处，度假村接待游客增长两成。",
])
def test_entities_kinds_counts_and_verbs_before_village_name_none(text):
    assert not {name for name in texts(text) if name.endswith(("村", "镇"))}


@pytest.mark.parametrize("text, expected", [
    ("青溪镇绿源茶叶种植专业合作社带动农户300户。", ("org", "青溪镇绿源茶叶种植专业合作社")),
    ("县供销合作社新建农村电商服务站260个。", ("org", "县供销合作社")),
    ("金穗粮食种植专业合作社被评为国家级示范社。", ("org", "金穗粮食种植专业合作社")),
    ("禾丰家庭农场流转土地600亩种植优质稻。", ("org", "禾丰家庭农场")),
])
def test_entities_cooperatives_and_family_farms(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text", [
    "年末全县共有农民合作社1260家，家庭农场980个。",
    "县属国有资本联合社会资本设立产业基金。",
])
def test_entities_kinds_of_cooperative_none(text):
    assert not {name for name in texts(text) if name.endswith(("合作社", "联合社", "农场"))}


@pytest.mark.parametrize("text, expected", [
    ("县妇幼保健院迁建工程完成投资1.2亿元。", "县妇幼保健院"),
    ("清水镇中心卫生院门诊楼投入使用。", "清水镇中心卫生院"),
])
def test_entities_health_centres(text, expected):
    assert ("org", expected) in names(text)


def test_entities_township_health_centres_as_a_kind_none():
    assert not {name for name in texts("乡镇卫生院床位数1120张，村卫生室286个。") if name.endswith("院")}


@pytest.mark.parametrize("text, expected", [
    ("金山茶叶交易市场全年交易额9.8亿元。", "金山茶叶交易市场"),
    ("沪昆高速青田服务区改造完工，车位增加一倍。", "沪昆高速青田服务区"),
    ("阳光小区、和平小区等8个小区完成改造。", "阳光小区"),
    ("阳光小区、和平小区等8个小区完成改造。", "和平小区"),
])
def test_entities_named_markets_service_areas_and_estates(text, expected):
    assert ("place", expected) in names(text)


@pytest.mark.parametrize("text", [
    "新建农产品批发市场1个，县汽车站完成改造。",
    "完成城镇老旧小区改造46个，沿河低洼小区排涝设施全部更新。",
    "新建安置房小区3个，商品房小区入住率提高。",
    "全区加快推进智慧社区、完整社区试点，每个社区配备网格员2名。",
])
def test_entities_kinds_of_market_estate_and_community_none(text):
    assert not {name for name in texts(text) if name.endswith(("市场", "小区", "社区", "站"))}


def test_entities_communities_named_by_common_words_in_a_list():
    assert {("place", "朝阳社区"), ("place", "光明社区")} <= names("朝阳社区、光明社区被评为全省示范社区。")


@pytest.mark.parametrize("text, expected", [
    ("紫云谷田园综合体一期建成开园。", "紫云谷田园综合体"),
    ("茶香小镇入驻商户120家。", "茶香小镇"),
    ("推进北山物流园建设，年内投用。", "北山物流园"),
])
def test_entities_rural_complexes_small_towns_and_logistics_parks(text, expected):
    assert ("project", expected) in names(text)


@pytest.mark.parametrize("text", [
    "全县特色小镇建设稳步推进，田园综合体试点申报启动。",
    "规划建设智慧物流园，完善冷链设施。",
])
def test_entities_kinds_of_complex_and_small_town_none(text):
    assert not {name for name in texts(text) if name.endswith(("小镇", "综合体", "物流园"))}


@pytest.mark.parametrize("text, expected", [
    ("远航物流集团投资8亿元建设分拨中心。", "远航物流集团"),
    ("重点企业中，江淮钢铁股份有限公司产值增长14.6%。", "江淮钢铁股份有限公司"),
])
def test_entities_companies_named_by_a_plain_brand_and_their_trade(text, expected):
    assert ("org", expected) in names(text)


@pytest.mark.parametrize("text", [
    "县里鼓励组建物流集团，支持国有钢铁集团转型。",
    "本地物流公司和快递物流公司纷纷入驻园区。",
])
def test_entities_descriptors_and_verbs_before_a_trade_none(text):
    assert not {name for type_, name in names(text) if type_ == "org"}


@pytest.mark.parametrize("text, first", [
    ("成功举办第三届中国茶乡文化旅游节和首届县域电商发展大会。", "第三届中国茶乡文化旅游节"),
    ("远航物流集团和江淮钢铁股份有限公司签订合作协议。", "远航物流集团"),
])
def test_entities_two_names_joined_by_and_are_not_one(text, first):
    found = texts(text)
    assert first in found
    assert not {name for name in found if "和" in name}


def test_entities_and_inside_a_body_name_kept():
    assert ("org", "市发展和改革委员会") in names("市发展和改革委员会发布通知。")
