"""A kicker set apart from its title by a blank line, at the end of a page dump, after a box whose
last item ends on a short line cut mid-sentence."""
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
