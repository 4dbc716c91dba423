"""A kicker set apart from its title by a blank line, at the end of a page dump, after a box whose
last item ends on a short line cut mid-sentence; a notice's addressee on a line of its own."""
from test_restore_round5 import _blocks
from test_restore_round6 import BODY, CAPTIONS

# The last item's figure wraps alone onto a line of its own: the end of a run, not a full line.
BOX = ("城\n北\n账\n本\n\n1.2万户\n2015年全区登记的市场主体\n\n"
       "近千个\n2024年全区新设的科技型中小企业，同比增\n长9.8%\n\n")
SUBTITLE = "——城北区老工业区转型见闻\n"


def test_restore_round7_keeps_a_kicker_a_blank_line_above_its_title():
    blocks = _blocks(BODY + BOX + CAPTIONS + "城区观察\n\n城北 老厂房里长出新产业\n" + SUBTITLE)
    assert blocks[:3] == [("kicker", "城区观察"), ("title", "城北 老厂房里长出新产业"),
                          ("subtitle", SUBTITLE.strip())]


def test_restore_round7_still_joins_a_paragraph_across_a_column_break():
    # Lines as wide as the column around a blank line: one paragraph broken by the column's end.
    body = BODY.replace("全区辖\n6个街道", "全区辖\n\n6个街道")
    blocks = _blocks(body + BOX + CAPTIONS + "城区观察\n\n城北 老厂房里长出新产业\n")
    assert ("paragraph", "城北区地处主城北部，南临运河，北依青山，是全市重要的生态屏障和宜居片区。全区辖6个街道和2个镇，"
                         "面积72平方公里。") in blocks


NOTICE = ("东河县人民政府办公室关于印发东河县促进民营经济发展若干措施的通知\n"
          "各乡镇人民政府，县政府各部门：\n"
          "《东河县促进民营经济发展若干措施》已经县政府同意，现印发给你们，请认真贯彻执行。\n"
          "东河县人民政府办公室\n"
          "2024年5月10日\n")


def test_restore_round7_keeps_a_notices_addressee_apart_from_its_title_and_body():
    blocks = _blocks(NOTICE)
    assert blocks[:3] == [("title", "东河县人民政府办公室关于印发东河县促进民营经济发展若干措施的通知"),
                          ("paragraph", "各乡镇人民政府，县政府各部门："),
                          ("paragraph", "《东河县促进民营经济发展若干措施》已经县政府同意，现印发给你们，请认真贯彻执行。")]


def test_restore_round7_joins_a_wrapped_line_that_opens_with_each():
    # 各 opening a wrapped line of body text, which ends on a comma, not on the colon of an addressee
    body = ("东河县今年以来持续优化营商环境，推动民营\n各类市场主体加快发展，全县新登记企业同比\n增长12.5%，"
            "民间投资稳步回升，市场活力\n进一步增强。\n")
    assert _blocks(body) == [("paragraph", "东河县今年以来持续优化营商环境，推动民营各类市场主体加快发展，全县新登记企业同比"
                                           "增长12.5%，民间投资稳步回升，市场活力进一步增强。")]
