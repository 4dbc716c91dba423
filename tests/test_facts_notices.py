"""Policy notices as a genre: what a notice gives is a target, what says who qualifies is no fact.

Each document is our own, in the register of real notices (title, addressee, numbered articles,
signature and date); the figures are invented.
"""
from decimal import Decimal

from zhibiao.pipeline import extract_text

Fact = tuple[str, Decimal, str, str, str | None]


def notice_facts(text: str, date: str = "2025-04-01") -> list[Fact]:
    """(indicator, value, unit, kind, qualifier) of every fact of a notice, which must be read as one."""
    doc = extract_text(text, date=date)
    assert doc.meta.genre == "policy_notice"
    return [(f.indicator, f.value, f.unit, f.kind, f.qualifier) for f in doc.facts]


def test_facts_notices_condition_after_an_item_number_is_no_fact():
    found = notice_facts(
        "白沙市关于促进商务楼宇提质增效的若干措施\n\n"
        "一、对年度税收首次突破3000万元、8000万元的商务楼宇，分别给予楼宇业主20万元、40万元奖励。\n"
        "二、对楼宇实施节能改造的，按改造费用的15%予以补助，最高补助80万元。\n"
        "白沙市人民政府\n2024年8月8日")
    assert found == [
        ("奖励", Decimal(200000), "元", "target", None),
        ("奖励", Decimal(400000), "元", "target", None),
        ("补助", Decimal(15), "%", "target", None),
        ("最高补助", Decimal(800000), "元", "target", "under"),
    ]
    # the thresholds of the condition are not read, whatever numbers the item
    assert not [f for f in found if f[1] in (Decimal(30000000), Decimal(80000000))]


def test_facts_notices_recipient_between_verb_and_amounts_is_no_indicator():
    found = notice_facts(
        "湖田县支持物流企业发展的若干措施\n\n"
        "第一条 对新评定的国家5A级、4A级物流企业，分别给予运营主体50万元、30万元奖励。\n"
        "第二条 对新评定的国家3A级物流企业，分别给予一次性奖励10万元、5万元。\n"
        "湖田县人民政府\n2024年6月3日")
    assert [(i, v) for i, v, *_ in found] == [
        ("奖励", Decimal(500000)), ("奖励", Decimal(300000)),
        ("一次性奖励", Decimal(100000)), ("一次性奖励", Decimal(50000))]
    assert {k for *_, k, _ in found} == {"target"}


def test_facts_notices_past_year_in_who_qualifies_leaves_the_award_a_target():
    found = notice_facts(
        "长岭市支持企业加大研发投入的若干政策\n\n"
        "（一）对上年度研发费用达到300万元以上的企业，按研发费用增量部分的10%给予奖励，每家企业每年最高80万元。\n"
        "（二）2024年全市已兑现研发奖补资金9000万元。\n"
        "长岭市人民政府办公室\n2025年1月10日", date="2025-01-10")
    assert found[:2] == [
        ("奖励", Decimal(10), "%", "target", None),
        ("奖励", Decimal(800000), "元", "target", "under"),
    ]
    # a figure the notice reports as paid out is a level, and the condition's 300万元 is no fact
    assert found[2][1:4] == (Decimal(90000000), "元", "level")
    assert len(found) == 3
    # who qualifies, named without 对: the clause closes on the noun it defines
    found = notice_facts("某市支持企业研发的若干政策\n\n"
                         "一、上年度主营业务收入超过5000万元的企业，给予研发费用8%的补助。\n某市人民政府\n2025年1月10日",
                         date="2025-01-10")
    assert found == [("补助", Decimal(8), "%", "target", None)]


def test_facts_notices_amount_before_de_names_what_is_given_after():
    found = notice_facts(
        "清溪区支持分布式光伏建设的实施办法\n\n"
        "第一条 对建成并网的工商业屋顶光伏项目，按装机容量给予每千瓦150元的一次性建设补贴，单个项目补贴最高80万元。\n"
        "第二条 对充电设施运营企业，按年度充电量给予每千瓦时0.05元的运营补贴。\n"
        "第三条 个人创业者可申请最高20万元的创业担保贷款。\n"
        "清溪区发展和改革局\n2024年11月5日")
    assert found[0] == ("一次性建设补贴", Decimal(150), "元/千瓦", "target", None)
    assert found[2] == ("运营补贴", Decimal("0.05"), "元/千瓦时", "target", None)
    assert found[3] == ("创业担保贷款", Decimal(200000), "元", "target", "under")
    # the words before the rate say how it is counted, not what is given
    assert not [f for f in found if f[0].startswith("按")]


def test_facts_notices_application_conditions_section_holds_no_facts():
    found = notice_facts(
        "关于组织申报2025年度中小企业技术改造专项资金项目的通知\n\n"
        "各有关企业：\n现就专项资金项目申报工作通知如下。\n"
        "一、支持标准\n（一）按项目设备投资额的20%给予补助，单个项目补助金额不超过150万元。\n"
        "二、申报条件\n（一）申报企业上年度营业收入在3000万元以上，且资产负债率不高于65%。\n"
        "（二）项目总投资不低于800万元。\n"
        "三、其他事项\n今年专项资金计划支持项目40个左右。\n"
        "某市工业和信息化局\n2025年4月10日", date="2025-04-10")
    values = [v for _, v, *_ in found]
    assert Decimal(30000000) not in values and Decimal(65) not in values and Decimal(8000000) not in values
    assert found[0] == ("补助", Decimal(20), "%", "target", None)
    assert found[-1] == ("专项资金计划支持项目", Decimal(40), "个", "target", "approx")
    # outside such a section the same words are read: a figure the notice sets
    found = notice_facts(
        "某市技术改造奖补办法\n\n一、奖补标准\n（一）单个项目补助金额不超过150万元。\n某市人民政府\n2025年4月10日")
    assert found == [("单个项目补助金额", Decimal(1500000), "元", "target", "under")]


def test_facts_notices_not_higher_than_is_a_cap_not_a_comparison():
    found = notice_facts(
        "某县小额贷款贴息办法\n\n第一条 贴息贷款利率不高于4%，贴息期限不超过2年。\n某县财政局\n2024年3月1日")
    assert found[0][1:] == (Decimal(4), "%", "target", "under")
    # a comparison without 不 is still a change (in a bulletin, which sets nothing)
    doc = extract_text("某县2023年国民经济和社会发展统计公报\n\n全县贷款利率高于全省平均1个百分点。", date="2024-03-01")
    assert [(f.value, f.unit, f.kind) for f in doc.facts] == [(Decimal(1), "个百分点", "change")]


def test_facts_notices_rates_per_one_and_standards_name_the_award():
    found = notice_facts(
        "南河县促进技能培训的若干措施\n\n"
        "第一条 对开展电商培训的机构，按每培训1人150元的标准给予补贴。\n"
        "第二条 按初级工800元、中级工1200元、高级工1800元的标准给予技能提升补贴。\n"
        "南河县人力资源和社会保障局\n2024年2月26日")
    assert found[0] == ("补贴", Decimal(150), "元/人", "target", None)
    assert [(v, k) for _, v, _, k, _ in found[1:]] == [
        (Decimal(800), "target"), (Decimal(1200), "target"), (Decimal(1800), "target")]
    assert all("补贴" in i for i, *_ in found)
    # the one person a rate is paid for is no fact
    assert Decimal(1) not in [v for _, v, *_ in found]


def test_facts_notices_units_of_rates_and_caps_per_recipient():
    found = notice_facts(
        "西坪县促进乡村旅游的若干措施\n\n"
        "第一条 对组织游客来县旅游的旅行社，按每人次15元给予奖励。\n"
        "第二条 对新开业的民宿，按每间客房5000元给予补助。\n"
        "第三条 对返乡创业贷款，每户每年贴息最高不超过5万元。\n"
        "西坪县人民政府\n2023年5月6日")
    assert [(v, u) for _, v, u, *_ in found] == [
        (Decimal(15), "元/人次"), (Decimal(5000), "元/间"), (Decimal(50000), "元")]
    assert found[2][3:] == ("target", "under")  # a cap on what each household gets in a year, not a rate


def test_facts_notices_year_almost_over_is_reported_not_set():
    text = ("丰乐镇关于下达2024年度产业奖补资金的通知\n\n各村民委员会：\n"
            "经审核，2024年度共有36个经营主体符合奖补条件。\n"
            "一、对新植果园，按每亩600元给予奖补。\n丰乐镇人民政府\n2024年11月20日")
    found = notice_facts(text, date="2024-11-20")
    assert found[0][:4] == ("经营主体符合奖补条件", Decimal(36), "个", "level")
    assert found[1][1:4] == (Decimal(600), "元/亩", "target")
    # the same year named early in it is still ahead: what the notice states for it is set
    found = notice_facts(text.replace("2024年11月20日", "2024年2月20日"), date="2024-02-20")
    assert found[0][3] == "target"


ARTICLES = ("\n\n一、对新认定的省级专精特新企业，给予一次性奖励20万元。\n"
            "二、对企业技术改造项目，按设备投资额的8%给予补助，最高200万元。\n某市人民政府\n2025年3月1日")


def test_facts_notices_read_as_a_policy_by_title_or_by_what_it_gives():
    for title in ("某市支持先进制造业发展十条", "某市加快数字经济发展的若干举措", "某市数字经济扶持资金申报指南",
                  "某区促进楼宇经济发展十二条政策", ""):
        found = notice_facts(title + ARTICLES, date="2025-03-01")
        # the count of the title's articles is no fact; what the articles give is set by them
        assert [(i, k) for i, _, _, k, _ in found] == [("一次性奖励", "target"), ("补助", "target"), ("补助", "target")]


def test_facts_notices_untitled_text_that_gives_nothing_stays_unread_as_a_policy():
    doc = extract_text("全县去年完成造林面积1.2万亩，比上年增长8%。\n今年一季度新增市场主体1200户。", date="2025-05-01")
    assert doc.meta.genre != "policy_notice"
    assert {f.kind for f in doc.facts} <= {"level", "change"}


def test_facts_notices_cap_before_a_list_caps_every_amount():
    found = notice_facts(
        "某区科技企业孵化器扶持办法\n\n"
        "第一条 对新认定的国家级、省级孵化器，分别给予最高200万元、80万元奖励。\n"
        "第二条 对新认定的市级孵化器，分别给予20万元、10万元奖励。\n某区科学技术局\n2024年7月1日")
    assert [(v, q) for _, v, _, _, q in found] == [
        (Decimal(2000000), "under"), (Decimal(800000), "under"), (Decimal(200000), None), (Decimal(100000), None)]


def test_facts_notices_per_head_rate_and_cap_per_household():
    found = notice_facts(
        "某县生猪产业发展扶持办法\n\n二、扶持标准\n（一）对新增存栏能繁母猪的养殖户，每头补助800元，每户最多补助30头。\n"
        "某县人民政府\n2023年6月1日")
    assert found == [("补助", Decimal(800), "元/头", "target", None), ("补助", Decimal(30), "头", "target", "under")]


def test_facts_notices_cap_said_of_a_modified_award():
    head, tail = "某市新型研发机构扶持办法\n\n第四条 对新引进的研发机构", "\n某市人民政府\n2024年9月1日"
    for article in ("给予建设经费支持，最高500万元。", "，给予建设经费支持，以500万元为限。", "，最高给予500万元建设经费支持。"):
        assert notice_facts(head + article + tail) == [("建设经费支持", Decimal(5000000), "元", "target", "under")]
    # money spent on a purpose still names the spender's words, not the purpose
    found = notice_facts(head + "，市财政投入2亿元建设公共实验平台。" + tail)
    assert [(v, k) for _, v, _, k, _ in found] == [(Decimal(200000000), "target")]
    assert "平台" not in found[0][0]
