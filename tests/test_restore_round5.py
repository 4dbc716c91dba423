"""Restoration of a page's end (a box of rounded figures, the headline group among captions) and of a
text wrapped by counting characters."""
import random

from damage import clean_page, damage
from scoring import restoration_scores
from test_restore import assert_text_kept
from zhibiao.read import decode
from zhibiao.restore import restore

BODY = ("本报记者 李文\n\n 家底 城南的山水与街巷\n\n"
        "城南区地处主城南部，东临运河，西依青山，\n是全市重要的生态屏障和宜居片区。全区辖\n8个街道和3个镇，面积86平方公里。\n\n"
        "近年来，城南把老街区更新和新产业培育放\n在一起抓，一批商贸和文旅项目相继落地，\n城区面貌焕然一新。\n\n")
# A box under a vertical label: each figure on a line of its own, what it counts under it; a
# rounded figure (约, 超, 近) opens an item as a plain one does, with the dump's spaces or without.
BOX = "城\n南\n速\n览\n\n86平方公里\n全区面积\n\n约27万人\n常住人口\n\n超 3000 家\n市场主体\n\n"
CAPTIONS = "运\n河\n边\n的\n老\n街\n。\n\n改造后的城南菜市场。\n\n"
HEADLINE = "城区观察\n\n城南 老街区里长出新产业\n"


def _blocks(text: str) -> list[tuple[str, str]]:
    doc = restore(decode(text.encode("utf-8"), "page.txt"))
    assert_text_kept(doc)
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def test_restore_round5_takes_a_rounded_figure_as_an_item_of_its_box():
    blocks = _blocks(BODY + BOX + CAPTIONS + HEADLINE)
    assert blocks[:3] == [("kicker", "城区观察"), ("title", "城南 老街区里长出新产业"), ("byline", "本报记者 李文")]
    label = blocks.index(("sidebar_label", "城南速览"))
    assert blocks[label + 1:label + 5] == [("paragraph", "86平方公里 全区面积"), ("paragraph", "约27万人 常住人口"),
                                          ("paragraph", "超3000家 市场主体"), ("caption", "运河边的老街。")]


def test_restore_round5_keeps_a_rounded_figure_that_opens_a_sentence_out_of_a_box():
    box = BOX.replace("超 3000 家\n市场主体\n", "超3000家\n企业在城南落户。\n")
    blocks = _blocks(BODY + box + CAPTIONS + HEADLINE)
    assert ("paragraph", "约27万人 常住人口") in blocks
    assert not any(text.startswith("超3000家 ") for _, text in blocks)
    assert blocks[:2] == [("kicker", "城区观察"), ("title", "城南 老街区里长出新产业")]


def test_restore_round5_takes_as_kicker_only_the_line_right_above_the_title():
    # a line set apart from the headline group by a caption is no kicker, whatever it is
    stray = "城南新貌\n\n"
    blocks = _blocks(BODY + stray + CAPTIONS + HEADLINE)
    assert blocks[:3] == [("kicker", "城区观察"), ("title", "城南 老街区里长出新产业"), ("byline", "本报记者 李文")]
    assert ("heading", "城南新貌") in blocks
    # the group itself may hold a byline between kicker and title and a subtitle under the title
    group = "城区观察\n\n城南 老街区里长出新产业\n——城南区城市更新见闻\n\n记者 王敏\n"
    blocks = _blocks(BODY.replace("本报记者 李文\n\n", "") + stray + CAPTIONS + group)
    assert blocks[:4] == [("kicker", "城区观察"), ("title", "城南 老街区里长出新产业"),
                          ("subtitle", "——城南区城市更新见闻"), ("byline", "记者 王敏")]


# Wrapped at 18 characters, figures counted as wide as words: the sentence that ends at the edge of
# the fourth line is half-width figures short of the column in em, and its paragraph goes on.
BY_CHARACTERS = ["城市更新步伐加快，全年新建改建城市道", "路和背街小巷42条，铺设雨污分流管网", "38.5公里，改造小区146个，惠及",
                 "居民2.37万户，投资12.6亿元。", "建成口袋公园和城市书房，群众出门见绿", "的愿望正在一步步成为现实。",
                 "教育医疗资源持续扩容，新建改扩建中小", "学9所，新增学位1.08万个；人民医", "院新院区投入使用，新增床位600张。"]
# The same text wrapped at 18 em, figures half as wide: the short line with figures ends its paragraph.
BY_EM = ["城市更新步伐加快，全年新建改建城市道", "路和背街小巷42条，铺设雨污分流管网", "38.5公里，改造老旧小区146个，惠及居",
         "民2.37万户，投资12.6亿元。", "教育医疗资源持续扩容，新建改扩建中小", "学9所，新增学位1.08万个；区人民医院",
         "新院区投入使用，新增床位600张。"]


def test_restore_round5_measures_a_text_wrapped_by_characters_in_characters():
    blocks = _blocks("\n".join(BY_CHARACTERS))
    assert [text for _, text in blocks] == ["".join(BY_CHARACTERS[:6]), "".join(BY_CHARACTERS[6:])]
    # a paragraph's short last line still ends it
    assert _blocks("\n".join(BY_CHARACTERS[4:]))[0] == ("paragraph", "".join(BY_CHARACTERS[4:6]))


def test_restore_round5_measures_a_text_wrapped_in_em_in_em():
    blocks = _blocks("\n".join(BY_EM))
    assert [text for _, text in blocks] == ["".join(BY_EM[:4]), "".join(BY_EM[4:])]


def test_restore_round5_gives_back_generated_pages_wrapped_by_characters():
    """The floors generated pages meet (test_restore), met by the same pages wrapped counting characters."""
    totals = {"blocks_f1": 0.0, "block_kind_acc": 0.0, "cer": 0.0}
    pages = range(5000, 5200)
    for seed in pages:
        rng = random.Random(seed)
        dump, truth = damage(clean_page(rng), rng, by_characters=True)
        doc = restore(decode(dump.encode("utf-8"), "page.txt"))
        scores = restoration_scores(truth, [(b.kind, doc.block_text(b)) for b in doc.blocks])
        for key in totals:
            totals[key] += scores[key] / len(pages)
    assert totals["blocks_f1"] >= 0.95 and totals["block_kind_acc"] >= 0.90 and totals["cer"] <= 0.01, totals
