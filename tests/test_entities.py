"""Organisations, places, projects and events in sentences written in the register of real reports."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhibiao
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


def test_entities_the_title_tells_what_place_the_document_is_about():
    # the body names the city more often than the district in the title: the title wins, and of the
    # divisions it names, the lowest in rank
    page = ("江门市蓬江区扎实推进重点项目建设\n"
            "今年以来，江门市重点项目加快落地。江门市发展改革部门统计，全区在建项目126个。江门市将继续统筹。")
    assert zhibiao.extract_text(page, date="2025-06-01").meta.place == "蓬江区"
    # no division in the title: the one named most often
    untitled = "项目建设跑出加速度\n江门市重点项目加快落地，江门市在建项目126个，蓬江区新开工18个。"
    assert zhibiao.extract_text(untitled, date="2025-06-01").meta.place == "江门市"


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


# --- names the held-out reports showed: works, zones, venues, bodies and events of every kind ---------------

@pytest.mark.parametrize("text, expected", [
    # works that end in 工程 with a road code, a rating or a verb of building inside the name
    ("年内开工G60沪昆高速扩容改造工程。", ("project", "G60沪昆高速扩容改造工程")),
    ("湖北500千伏荆门输变电扩建工程年内投运。", ("project", "湖北500千伏荆门输变电扩建工程")),
    # works that end in 电站, 迁建, 科创城, or a road named by its two ends
    ("赣州上犹抽水蓄能电站完成投资12亿元。", ("project", "赣州上犹抽水蓄能电站")),
    ("推进宜宾机场迁建，年内完成主体工程。", ("project", "宜宾机场迁建")),
    ("加快智能制造科创城、生命健康科创城建设。", ("project", "生命健康科创城")),
    ("推进成都至宜宾高速、遂宁至潼南高速建设。", ("project", "遂宁至潼南高速")),
    ("渝昆高铁川渝段全线铺轨。", ("project", "渝昆高铁川渝段")),
    ("加快建设南岸区数字经济引领区。", ("project", "南岸区数字经济引领区")),
    # a company's project stays one project
    ("华润集团光伏组件项目开工。", ("project", "华润集团光伏组件项目")),
    # a park headed by a town or port that jieba knows as a place
    ("漕河泾光启科技园入驻企业增加。", ("project", "漕河泾光启科技园")),
    # common words before a place are no part of the name after it
    ("四川省重点项目成都东部新区文化中心项目加快建设。", ("project", "成都东部新区文化中心项目")),
    # zones, airports, venues
    ("支撑长株潭国家自主创新示范区建设。", ("place", "长株潭国家自主创新示范区")),
    ("推动海南自由贸易港政策落地见效。", ("place", "海南自由贸易港")),
    ("开通至武汉天河国际机场的货运航线。", ("place", "武汉天河国际机场")),
    ("推动荆门通用机场建成投用。", ("place", "荆门通用机场")),
    ("长白山国际旅游度假区接待游客120万人次。", ("place", "长白山国际旅游度假区")),
    ("北仑港区吞吐量增长6%，常州经开区工业产值增长。", ("place", "北仑港区")),
    ("北仑港区吞吐量增长6%，常州经开区工业产值增长。", ("place", "常州经开区")),
    ("西安市建设丝路科创走廊，西高新区产值增长。", ("place", "西高新区")),
    ("推介会在锦江宾馆举行。", ("place", "锦江宾馆")),
    ("游客可前往青龙山、白云寨两处景点徒步。", ("place", "白云寨")),
    ("白云寨、青龙山等景区游客增多。", ("place", "青龙山")),
    # bodies named by their short forms, ministries alone, a survey team with its bureau
    ("市发改委、区卫健委联合发文。", ("org", "市发改委")),
    ("市发改委、区卫健委联合发文。", ("org", "区卫健委")),
    ("据商务部发布的数据，外贸稳中有升。", ("org", "商务部")),
    ("国家统计局南岸调查队发布数据。", ("org", "国家统计局南岸调查队")),
    # schools, companies without a suffix, a name listed after organisations
    ("成都七中实验学校新增学位。", ("org", "成都七中实验学校")),
    ("华友铜业与园区企业签订合作协议。", ("org", "华友铜业")),
    ("锦城职业技术学校、蓝湾美居等入驻园区。", ("org", "蓝湾美居")),
    ("南山剑桥国际幼儿园开园。", ("org", "南山剑桥国际幼儿园")),  # 南山剑桥 only looks like a bridge
    ("锦江饭店业务量增长。", ("place", "锦江饭店")),
    # events named in full, the date before them left out
    ("2024年第二季度武侯区重大项目集中签约仪式在锦江宾馆举行。", ("event", "武侯区重大项目集中签约仪式")),
    ("成都高新区重点项目推介会在京举行。", ("event", "成都高新区重点项目推介会")),
])
def test_entities_works_zones_venues_and_bodies_found_in_full(text, expected):
    assert expected in names(entities_of(text))


@pytest.mark.parametrize("text, unexpected", [
    ("全年新建分布式光伏电站12座。", "分布式光伏电站"),
    ("建成蔬菜生产基地5个。", "蔬菜生产基地"),
    ("全市经济保持高速增长。", "全市经济保持高速"),
    ("全市高速公路路段养护完成。", "全市高速公路路段"),
    ("推动中新合作项目落地。", "中新合作项目"),
    ("推动企业迁建，完成老旧厂房改造。", "推动企业迁建"),
    ("计划改扩建通用机场2个。", "改扩建通用机场"),
    ("全区新建项目32个，渝北区新建项目12个。", "渝北区新建项目"),
    ("加快建设科技城。", "建设科技城"),
    ("全市星级酒店入住率达到65%。", "星级酒店"),
    ("全区新建中小学校3所。", "中小学校"),
    ("渝北区学校教育质量提升。", "渝北区学校"),
    ("渝北区中小学生近视率下降。", "渝北区中小学"),
    ("防城港区域合作不断深化。", "防城港区"),
    ("成都酒店业加快复苏。", "成都酒店"),
    ("商务部门加强监测，财政部门足额拨付资金。", "商务部"),
    ("公司电子商务部负责线上销售。", "商务部"),
    ("推动有色矿业、现代牧业发展。", "现代牧业"),
    ("现场隆重举行签约仪式。", "隆重举行签约仪式"),
    ("四川省重点项目成都东部新区文化中心项目加快建设。", "四川省重点项目成都东部新区文化中心项目"),
    ("引进华为技术有限公司、当地政府、区内企业等参与建设。", "区内企业"),
    # a list of actions, and a rank of zones, are no names
    ("采取腾退低效用地、提高容积率等举措扶持企业。", "提高容积率"),
    ("该区在国家级开发区年度评价中排名第十二位。", "国家级开发区"),
    ("参加全省省级经济技术开发区年度考评。", "全省省级经济技术开发区"),
])
def test_entities_kinds_and_actions_are_not_names(text, unexpected):
    assert unexpected not in {e.text for e in entities_of(text).entities}


def test_entities_places_inside_a_road_are_not_listed_unless_they_stand_alone():
    doc = entities_of("四川省：成都至宜宾高速、乐山至西昌高速开工。西昌市经济增长。")
    found = names(doc)
    assert {("project", "成都至宜宾高速"), ("project", "乐山至西昌高速"), ("place", "西昌市")} <= found
    assert not {("place", "成都"), ("place", "乐山"), ("place", "西昌"), ("place", "宜宾")} & found


def test_entities_an_event_is_not_cut_at_the_project_inside_it():
    doc = entities_of("5月8日，武侯区文旅项目集中签约仪式举行。")
    assert names(doc) == {("event", "武侯区文旅项目集中签约仪式")}


def test_entities_a_zone_named_by_one_character_needs_its_city_on_the_page():
    assert ("place", "长经开区") in names(entities_of("长春市绿园区（长经开区）签约项目50个。"))
    assert "长经开区" not in {e.text for e in entities_of("绿园区（长经开区）签约项目50个。").entities}


def test_entities_an_airport_inside_a_work_is_not_listed_alone():
    doc = entities_of("推进宜宾机场迁建。")
    assert names(doc) == {("project", "宜宾机场迁建")}


@pytest.mark.parametrize("text, expected", [
    # a laboratory, named in full with the place that heads it
    ("成都市加快推进天府永兴实验室建设，温江农业实验室挂牌。", ("org", "温江农业实验室")),
    ("成都市加快推进天府永兴实验室建设。", ("org", "天府永兴实验室")),
    # a body after a verb: the verb is no part of it
    ("受市人民政府委托，现将计划执行情况报告如下。", ("org", "市人民政府")),
    # a programme's name runs on to the city it makes one of
    ("芜湖市入选全国文化消费试点城市。", ("project", "全国文化消费试点城市")),
    # works without a place: numbered by a brand, invested in, a metro line's extension, a brand's phase
    ("瑞丰第二工业园建成投产。", ("project", "瑞丰第二工业园")),
    ("总投资35亿元的华晟高纯硅项目投产。", ("project", "华晟高纯硅项目")),
    ("地铁6号线南延线开通运营。", ("project", "地铁6号线南延线")),
    ("轨道交通3号线二期开工。", ("project", "轨道交通3号线二期")),
    ("引进宁远科技、恒拓三期等项目。", ("project", "恒拓三期")),
    # a campaign named by its slogan, a jurisdiction's work meeting
    ("开展“春风送岗”专项活动。", ("event", "“春风送岗”专项活动")),
    ("在全省项目建设工作会议上作交流发言。", ("event", "全省项目建设工作会议")),
    # a landmark that names a park stands alone too
    ("青湖公园建成开放，青湖周边新增绿道5公里。", ("place", "青湖")),
    ("洛阳市老城区文旅消费持续升温。", ("place", "老城区")),
    ("滨州市惠民、阳信两县粮食增产。", ("place", "惠民")),
])
def test_entities_names_without_a_place_before_them(text, expected):
    assert expected in names(entities_of(text))


@pytest.mark.parametrize("text, unexpected", [
    ("全市新建省重点实验室3个，国家重点实验室1个。", "省重点实验室"),
    ("全市新建省重点实验室3个，国家重点实验室1个。", "国家重点实验室"),
    ("受市人民政府委托，现将计划执行情况报告如下。", "受市人民政府"),
    ("全市第二工业园开工。", "全市第二工业园"),
    ("总投资8亿元的污水处理项目开工。", "污水处理项目"),
    ("市民乘坐地铁2号线出行。", "地铁2号线"),
    ("一期、二期工程进展顺利，比上年同期增长。", "一期"),
    ("第十一期、第十二期培训班结业。", "第十一期"),
    ("举办“双十一”等活动。", "“双十一”等活动"),
    ("各地召开工作会议。", "工作会议"),
    ("人民公园游客增多，人民群众满意。", "人民"),
    # a county's short form cut out of a phrase (惠民|生), a common phrase that is a district elsewhere
    ("滨州市今年坚持稳增长、惠民生、防风险。", "惠民"),
    ("昆明市老城区更新改造加快推进。", "老城区"),
])
def test_entities_levels_phrases_and_plain_works_stay_unnamed(text, unexpected):
    assert unexpected not in {e.text for e in entities_of(text).entities}


@pytest.mark.parametrize("text, expected, unexpected", [
    # a county's short name (从江) that a full name runs through: the leftmost match is not the name
    ("记者从江苏省获悉，全省外贸进出口总额增长5%。", ("place", "江苏省"), "从江"),
    ("我们从江西省引进了一批项目。", ("place", "江西省"), "从江"),
    ("从江县位于贵州省东南部。", ("place", "从江县"), "江县"),
])
def test_entities_full_name_inside_a_short_one(text, expected, unexpected):
    found = entities_of(text).entities
    assert expected in names(entities_of(text)) and unexpected not in {e.text for e in found}
