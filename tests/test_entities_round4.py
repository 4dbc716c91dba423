"""Round 4 of entities: natural places and village groups, festivals named by jieba, Party bodies and
groups named by their trade, works listed or being built, and what is not a name (levels of bodies, a
bank's 分行 before 业, a list of fields). Sentences of our own, in the register of real reports."""
from __future__ import annotations

import pytest

from zhibiao.dates import find_dates
from zhibiao.entities import find_entities
from zhibiao.model import Document, Meta


def names(text: str) -> set[tuple[str, str]]:
    doc = find_entities(find_dates(Document(text=text, meta=Meta(date="2025-09-15"))))
    return {(e.type, e.text) for e in doc.entities}


@pytest.mark.parametrize("text, expected", [
    # gullies listed together name each other
    ("近年来，龙脊沟、黄水沟等沟域旅游多点开花，带动农家乐发展。", ("place", "龙脊沟")),
    ("近年来，龙脊沟、黄水沟等沟域旅游多点开花，带动农家乐发展。", ("place", "黄水沟")),
    # a mountain the next sentence points back at
    ("南岭山的变化最能说明问题。这座山过去植被稀少，如今林木葱郁。", ("place", "南岭山")),
    # a valley by its name, along it too
    ("从城区向东，沿拉鲁河谷前行，花田连片。", ("place", "拉鲁河谷")),
    # a community's or a village's numbered group is one place with it
    ("青林社区三组拿出集体资金500万元植树造林。", ("place", "青林社区三组")),
    ("该镇石桥村五组村民种下果树2万棵。", ("place", "石桥村五组")),
])
def test_entities_natural_places_and_village_groups(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, not_expected", [
    ("从城区向东，沿拉鲁河谷前行，花田连片。", ("place", "沿拉鲁河谷")),
    ("民宿、餐饮等业态沿河谷展开。", ("place", "业态沿河谷")),
    ("河谷地带气候温和，适宜种植青稞。", ("place", "河谷地带")),
    ("存在代沟和鸿沟。", ("place", "代沟")),
    ("青林社区组织开展植树活动。", ("place", "青林社区组")),
    ("该镇石桥村五组村民种下果树2万棵。", ("place", "镇石桥村五组")),
])
def test_entities_natural_place_words_are_not_names(text, not_expected):
    assert not_expected not in names(text)


def test_entities_festival_jieba_knows_by_name_is_an_event():
    found = names("2024年冰雪节期间，全市接待游客12万人次。")
    assert ("event", "冰雪节") in found
    assert not {name for kind, name in found if kind == "event" and name.startswith("2024")}


@pytest.mark.parametrize("text", [
    "春节期间，全市接待游客12万人次。",
    "国庆节期间，全市接待游客12万人次。",
    "中秋佳节期间，全市接待游客12万人次。",
    "冰雪节是当地的传统节日。",  # named, but not held here
    "推进节能降耗，优化审批环节和关键节点。",
])
def test_entities_holidays_and_words_with_jie_are_not_events(text):
    assert not {name for kind, name in names(text) if kind == "event"}


@pytest.mark.parametrize("text, expected", [
    # the Party's name before one of its bodies
    ("中共渭城区委办公室 渭城区人民政府办公室关于印发若干措施的通知", ("org", "中共渭城区委办公室")),
    ("中共咸阳市委、咸阳市人民政府联合印发通知。", ("org", "中共咸阳市委")),
    # a city's group named by its trade alone
    ("受用水淡季影响，供水集团6月份完成产值1.2亿元。", ("org", "供水集团")),
    ("公交集团新开通线路5条。", ("org", "公交集团")),
    # a place, a coined name and a trade, the company as a subject
    ("多个重点项目建成投用，四川顺丰物流设立县级分拣中心2个。", ("org", "四川顺丰物流")),
])
def test_entities_party_bodies_and_groups(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, not_expected", [
    ("中共渭城区委办公室印发通知。", ("org", "渭城区委办公室")),
    ("多个重点项目建成投用，四川顺丰物流设立县级分拣中心2个。", ("place", "四川")),
    ("多个重点项目建成投用，四川顺丰物流设立县级分拣中心2个。", ("org", "县级分拣中心")),
    ("参加县级以上政府组织的展销会，给予补贴。", ("org", "县级以上政府")),
    ("表2　2023年全县工业分行业产值", ("org", "年全县工业分行")),
    ("组建企业集团3家。", ("org", "企业集团")),
])
def test_entities_levels_and_industries_are_not_organisations(text, not_expected):
    assert not_expected not in names(text)


def test_entities_bank_branch_before_business_is_still_a_bank():
    assert ("org", "中国农业银行绵阳分行") in names("中国农业银行绵阳分行业务量稳步增长。")


@pytest.mark.parametrize("text, expected", [
    # the unit of the sum before the list is no part of the first work
    ("投入12亿元建设岷江水库、白马灌区工程等水利项目。", ("project", "岷江水库")),
    ("该社区又承包了3000亩兰州南北两山绿化工程。", ("project", "兰州南北两山绿化工程")),
    # a bridge being built or opened
    ("年内建成并投用鹭江大桥和19条市政道路。", ("project", "鹭江大桥")),
    ("城东大桥通车后，两岸通行时间缩短一半。", ("project", "城东大桥")),
    # a brand's park needs no place before it
    ("格桑花语生态旅游文化产业园占地6平方千米。", ("project", "格桑花语生态旅游文化产业园")),
])
def test_entities_works_are_projects(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, not_expected", [
    ("投入12亿元建设岷江水库、白马灌区工程等水利项目。", ("project", "亿元建设岷江水库")),
    ("持续推进城市轨道交通、东环线等项目建设。", ("project", "城市轨道交通")),
    ("围绕现代物流、金融服务、商贸消费等领域精准招引项目。", ("project", "金融服务")),
    ("启动循环经济产业园建设。", ("project", "循环经济产业园")),
    ("位于新城的跨境电商产业园已投入运营。", ("project", "跨境电商产业园")),
    ("站在鹭江大桥上眺望江景。", ("project", "鹭江大桥")),  # a bridge that stands is a landmark
    ("全市水库蓄水正常。", ("project", "全市水库")),
])
def test_entities_sectors_and_standing_works_are_not_projects(text, not_expected):
    assert not_expected not in names(text)
