"""Restoration of a sidebar box whose figures stand on lines of their own, some of them round figures in
words, and of the issuer that signs a notice above its date."""
import pytest

from test_restore_round5 import _blocks

BODY = ("本报记者 李文\n\n 家底 城北的山水与街巷\n\n"
        "城北区地处主城北部，南临运河，北依青山，\n是全市重要的生态屏障和宜居片区。全区辖\n6个街道和2个镇，面积72平方公里。\n\n"
        "近年来，城北把老厂房改造和新产业培育放\n在一起抓，一批文创和科技项目相继落地，\n城区面貌焕然一新。\n\n")
# Each figure on a line of its own, what it counts on the lines under it, one of them wrapped after a
# comma; a round figure in words (突破万家, 近千个) opens an item as a written one does.
BOX = ("城\n北\n账\n本\n\n1.2万户\n2015年全区登记的市场主体\n\n突破万家\n“十三五”末的全区规上企业储备\n\n"
       "近千个\n2024年全区新设的科技型中小企业，比\n2015年多出四倍\n\n")
CAPTIONS = "运\n河\n边\n的\n老\n厂\n房\n。\n\n改造后的城北文创园。\n\n"
HEADLINE = "城区观察\n\n城北 老厂房里长出新产业\n"
ITEMS = [("paragraph", "1.2万户 2015年全区登记的市场主体"), ("paragraph", "突破万家 “十三五”末的全区规上企业储备"),
         ("paragraph", "近千个 2024年全区新设的科技型中小企业，比2015年多出四倍")]


def test_restore_round6_joins_a_figure_in_words_to_what_it_counts():
    blocks = _blocks(BODY + BOX + CAPTIONS + HEADLINE)
    assert blocks[:3] == [("kicker", "城区观察"), ("title", "城北 老厂房里长出新产业"), ("byline", "本报记者 李文")]
    label = blocks.index(("sidebar_label", "城北账本"))
    assert blocks[label + 1:label + 5] == ITEMS + [("caption", "运河边的老厂房。")]


def test_restore_round6_takes_a_box_under_its_label_and_a_heading():
    box = BOX.replace("本\n\n", "本\n\n十年变迁\n\n", 1)
    blocks = _blocks(BODY + box + CAPTIONS + HEADLINE)
    label = blocks.index(("sidebar_label", "城北账本"))
    assert blocks[label + 1:label + 5] == [("heading", "十年变迁")] + ITEMS


@pytest.mark.parametrize("third", [
    "近年来新设的科技型中小企业\n逐年增多\n",  # 近 before a word: no figure
    "近千个\n科技型中小企业在城北落户。\n",  # a sentence that opens with a figure
])
def test_restore_round6_keeps_lines_that_are_no_item_out_of_the_box(third):
    box = BOX[:BOX.index("近千个")] + third + "\n"
    blocks = _blocks(BODY + box + CAPTIONS + HEADLINE)
    assert ITEMS[0] in blocks and ITEMS[1] in blocks
    first = third.partition("\n")[0]
    assert not any(text.startswith(first + " ") for _, text in blocks)


NOTICE = ("城北区科学技术局关于印发城北区科技型企业培育若干措施的通知\n"
          "各街道办事处，区直各部门：\n"
          "《城北区科技型企业培育若干措施》已经区政府同意，现印发给你们，请结合本部门实际认真贯彻落实。"
          "执行中遇到的问题，请及时向区科学技术局反映。\n"
          "{issuer}\n"
          "2024年9月12日\n"
          "{after}"
          "城北区科技型企业培育若干措施\n"
          "一、支持研发投入\n"
          "（一）对年度研发费用超过500万元的企业，按新增研发费用的10%给予奖励，每家最高50万元；"
          "对首次认定的高新技术企业，一次性给予20万元奖励。\n"
          "（二）对新建的市级以上研发机构，按其建设投入的20%给予补助，每家最高100万元，"
          "补助资金分两年拨付，第二年须通过区科学技术局组织的绩效评价。\n")


@pytest.mark.parametrize("issuer, after", [
    ("城北区科学技术局", "（此件主动公开）\n"),  # an issuer whose ending a byline never has
    ("城北区发展和改革局", ""),  # the date alone, the measures right under it
    ("中共城北区委 城北区人民政府", "（此件公开发布）\n"),  # two issuers on one line
])
def test_restore_round6_reads_the_issuer_above_a_signing_date_as_a_paragraph(issuer, after):
    blocks = _blocks(NOTICE.format(issuer=issuer, after=after))
    # as a paragraph's, the dump's space between two issuers goes
    assert blocks[3:5] == [("paragraph", issuer.replace(" ", "")), ("paragraph", "2024年9月12日")]
    assert ("heading", "一、支持研发投入") in blocks


def test_restore_round6_keeps_a_heading_above_a_date_with_its_own_text():
    # a dated entry under a heading is no signature: its text follows the date
    page = ("城北区今年新增科技型中小企业一百二十家，研发投入持续增长。\n"
            "大事回眸\n"
            "2024年9月12日\n"
            "城北科创园二期开园，首批二十家企业入驻。\n")
    assert _blocks(page)[1] == ("heading", "大事回眸")
