"""Restoration of a sidebar box of value-first bullets, which a page dump wraps mid-word."""
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from test_restore import assert_text_kept
from zhibiao.read import decode
from zhibiao.restore import restore

# A district paper's box of figures: a vertical label, a heading right above the bullets and items cut
# anywhere by the box's narrow column, with no punctuation at the break.
BOX = ("●318.6亿元 2024年全区\n地区生产总值\n"
       "●6.9% 近五年规上工业增\n加值年均增速\n"
       "●42家 新认定的国家级专精\n特新“小巨人”企业\n"
       "●约1.2万套 累计筹集保障\n性租赁住房\n")
PAGE = ("本报记者 李文\n\n 园区提质 老厂房里长出新产业\n\n"
        "走进城北的老工业片区，昔日的纺织厂房\n已改造成研发楼宇，入驻企业一百三十余家，\n去年实现营业收入四十二亿元。\n\n"
        "数\n说\n城\n北\n\n城北这五年\n" + BOX + "\n"
        "改\n造\n后\n的\n厂\n房\n。\n\n城区巡礼\n\n城北 老工业片区焕发新活力\n")
ITEMS = ["●318.6亿元 2024年全区地区生产总值", "●6.9% 近五年规上工业增加值年均增速",
         "●42家 新认定的国家级专精特新“小巨人”企业", "●约1.2万套 累计筹集保障性租赁住房"]


def _restore(text: str):
    return restore(decode(text.encode("utf-8"), "page.txt"))


def _blocks(text: str) -> list[tuple[str, str]]:
    doc = _restore(text)
    assert_text_kept(doc)
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def test_restore_round3_joins_each_bullet_of_a_box_with_its_wrapped_lines():
    blocks = _blocks(PAGE)
    assert [block for block in blocks if block[1].startswith("●")] == [("paragraph", item) for item in ITEMS]
    start = blocks.index(("paragraph", ITEMS[0]))
    assert blocks[start - 2:start] == [("sidebar_label", "数说城北"), ("heading", "城北这五年")]
    assert blocks[start + 4] == ("caption", "改造后的厂房。")
    assert blocks[:2] == [("kicker", "城区巡礼"), ("title", "城北 老工业片区焕发新活力")]


def test_restore_round3_joins_the_lines_under_a_bullet_that_holds_its_figure_alone():
    box = "●318.6亿元\n全区地区生产总值，比上年\n增长5.2%\n●42家\n新认定的国家级专精特新\n“小巨人”企业\n"
    blocks = _blocks(PAGE.replace(BOX, box))
    assert [(kind, text.replace(" ", "")) for kind, text in blocks if text.startswith("●")] == [
        ("paragraph", "●318.6亿元全区地区生产总值，比上年增长5.2%"),
        ("paragraph", "●42家新认定的国家级专精特新“小巨人”企业")]


def test_restore_round3_keeps_the_space_after_a_bullets_figure_only_where_the_input_has_it():
    blocks = _blocks(PAGE.replace("●42家 新认定", "●42家新认定").replace("●6.9% 近五年", "● 6.9% 近五年"))
    texts = [text for _, text in blocks]
    assert "●42家新认定的国家级专精特新“小巨人”企业" in texts
    assert "●6.9% 近五年规上工业增加值年均增速" in texts  # the dump's space after the bullet goes
    # a space inside the label is the dump's, as in running text
    texts = [text for _, text in _blocks(PAGE.replace("累计筹集保障", "累计筹集 保障"))]
    assert ITEMS[3] in texts


def test_restore_round3_keeps_the_text_after_a_box_out_of_its_last_item():
    after = "全区正以更大力度推进老工业片区的更新改造，让更多\n老厂房变成产业新空间。\n"
    blocks = _blocks("城北这五年\n" + BOX + after)
    assert [text for _, text in blocks[1:5]] == ITEMS
    assert blocks[5] == ("paragraph", after.replace("\n", ""))
    # an item that ends a sentence ends there, however narrow the line under it
    box = BOX.replace("性租赁住房\n", "性租赁住房。\n")
    blocks = _blocks("城北这五年\n" + box + "城北还在变。\n")
    assert [text for _, text in blocks[-2:]] == [ITEMS[3] + "。", "城北还在变。"]


def test_restore_round3_takes_no_box_from_bullets_set_apart_or_alone():
    clean = ("2024年，全区经济运行稳中有进，主要指标好于预期，高质量发展迈出坚实步伐，全年地区生产总值增长6.1%。\n"
             "●推进城市更新行动\n●办好十件民生实事\n"
             "全区上下要坚定信心、真抓实干，奋力完成全年目标任务，以优异成绩迎接新的发展阶段。\n")
    doc = _restore(clean)
    assert doc.text == clean.rstrip("\n")  # a clean text keeps one block a line
    lone = "城北这五年\n\n●318.6亿元 2024年全区\n地区生产总值\n\n夜色中的城北老街。\n"
    assert not any(text.startswith("●318.6亿元 ") for _, text in _blocks(lone))


def test_restore_round3_leaves_bullets_without_figures_to_head_their_sections():
    page = ("本报记者 李文\n\n今年以来，全区上下聚焦高质量发展，\n各项工作取得新进展。\n\n"
            "■稳中求进\n全区经济运行稳中有进，主要经济指标\n好于全市平均水平，工业投资增长百分之\n九。\n"
            "■民生为本\n全区新建口袋公园二十六个，改造背街\n小巷三十一条，群众出门见绿更加方便。\n")
    blocks = _blocks(page)
    assert blocks[-4:] == [
        ("heading", "■稳中求进"), ("paragraph", "全区经济运行稳中有进，主要经济指标好于全市平均水平，工业投资增长百分之九。"),
        ("heading", "■民生为本"), ("paragraph", "全区新建口袋公园二十六个，改造背街小巷三十一条，群众出门见绿更加方便。")]


FIGURES = ("26.4亿元", "7.2%", "15个", "超3000家", "约4.6万人次", "1.85万亩", "98.3%", "126公里")
LABELS = ("全区一般公共预算收入", "全年规上工业增加值增速", "新建口袋公园和城市书房", "新增市场主体",
          "接待过夜游客", "完成高标准农田建设", "城市生活垃圾分类覆盖率", "新改建农村公路")


def _wrap(text: str, width: float) -> list[str]:
    """The text cut into lines no wider than ``width`` em, anywhere, as a narrow column cuts it."""
    lines, line, used = [], "", 0.0
    for char in text:
        w = 0.5 if char.isascii() else 1.0
        if line and used + w > width:
            lines.append(line)
            line, used = "", 0.0
        line, used = line + char, used + w
    return lines + [line]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), count=st.integers(2, 5), width=st.integers(8, 14))
def test_restore_round3_gives_back_every_item_of_a_generated_box(seed, count, width):
    rng = random.Random(seed)
    items = [f"●{figure} {label}" for figure, label in zip(rng.sample(FIGURES, count), rng.sample(LABELS, count))]
    box = "".join(line + "\n" for item in items for line in _wrap(item, width))
    page = ("全区今年新建口袋公园二十六个，改造\n绿道四十公里，群众出门见绿更加方便。\n\n"
            "数\n读\n\n年度账本\n" + box + "\n绿\n道\n一\n角\n。\n")
    assert [block for block in _blocks(page) if block[1].startswith("●")] == [("paragraph", i) for i in items]
