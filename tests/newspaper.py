"""Newspaper-like PDFs built with reportlab, with the truth they hold.

Every builder returns ``(pdf_bytes, truth)``; ``truth`` is a list of documents, each a list of
``(kind, text)`` blocks in reading order: kicker, title, byline, the body as it flows through the
columns, a sidebar's label and paragraphs, then the captions. The text is our own, written in the
register of a district paper and a statistical bulletin; the places are made up.
"""
from __future__ import annotations

import functools
import io
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FONT = "ZhibiaoTestCJK"
_SYSTEM_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",)


@functools.cache
def cjk_font_file() -> Path | None:
    """A CJK TrueType font from an installed package: PyMuPDF's Droid Sans Fallback, else WenQuanYi."""
    try:
        import pymupdf

        data = pymupdf.Font("cjk").buffer
    except Exception:  # a PyMuPDF build without its CJK font
        data = None
    if data:
        path = Path(tempfile.gettempdir()) / "zhibiao-test-cjk.ttf"
        if not path.exists() or path.stat().st_size != len(data):
            path.write_bytes(data)
        return path
    return next((Path(p) for p in _SYSTEM_FONTS if Path(p).exists()), None)


@functools.cache
def register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = cjk_font_file()
    if path is None:
        raise RuntimeError("no CJK TrueType font available")
    pdfmetrics.registerFont(TTFont(FONT, str(path)))
    return FONT


@dataclass
class Rect:
    x0: float
    y0: float  # top-down coordinates, as PDF readers report them
    x1: float
    y1: float

    def grown(self, by: float) -> Rect:
        return Rect(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)


_TOKEN = re.compile(r"[A-Za-z0-9.%]+|.")
_CLOSING = set("，。、；：！？）》”’」』")


def _is_ascii(token: str) -> bool:
    return token[0].isascii()


class Page:
    """One reportlab page drawn in top-down coordinates."""

    def __init__(self, canvas, width: float, height: float, latin: str | None = None):
        self.c, self.width, self.height = canvas, width, height
        self.latin = latin  # a separate font for digits and Latin letters, as many papers set them
        self.obstacles: list[Rect] = []

    def font_of(self, token: str) -> str:
        return self.latin if self.latin and _is_ascii(token) else FONT

    def width_of(self, token: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(token, self.font_of(token), size)

    def natural(self, tokens: list[str], size: float) -> tuple[list[float], float]:
        """Each token's offset and the run's width; a quarter em between Chinese and Latin."""
        offsets, x = [], 0.0
        for i, tok in enumerate(tokens):
            if i and _is_ascii(tok) != _is_ascii(tokens[i - 1]):
                x += size * 0.25
            offsets.append(x)
            x += self.width_of(tok, size)
        return offsets, x

    def draw_tokens(self, placed: list[tuple[float, str]], baseline: float, size: float,
                    bold: str | None = None) -> None:
        """Draw tokens at x positions; bold is None, "stroke" (render mode 2) or "double"."""
        passes = [(0.0, 0.0)] if bold != "double" else [(0.0, 0.0), (0.35, -0.3)]
        for dx, dy in passes:
            text = self.c.beginText()
            text.setFont(FONT, size)
            self.c.saveState()  # the render mode outlives BT/ET; only the graphics state restores it
            if bold == "stroke":
                self.c.setLineWidth(size * 0.04)
                text.setTextRenderMode(2)
            for x, tok in placed:
                text.setFont(self.font_of(tok), size)
                text.setTextOrigin(x + dx, self.height - baseline + dy)
                text.textOut(tok)
            self.c.drawText(text)
            self.c.restoreState()

    def line(self, text: str, x: float, baseline: float, size: float, *, width: float | None = None,
             bold: str | None = None) -> None:
        """One line of text starting at x; justified to ``width`` when given. Spaces become 1em gaps."""
        tokens = _TOKEN.findall(text)
        offsets, natural = self.natural([t for t in tokens if t != " "], size)
        placed, k = [], 0
        gaps = max(1, len(offsets) - 1)
        extra = (width - natural) / gaps if width is not None and len(offsets) > 1 else 0.0
        spaces = 0.0
        for tok in tokens:
            if tok == " ":
                spaces += size
                continue
            placed.append((x + offsets[k] + k * extra + spaces, tok))
            k += 1
        self.draw_tokens(placed, baseline, size, bold)

    def span_width(self, text: str, size: float) -> float:
        tokens = _TOKEN.findall(text)
        return self.natural([t for t in tokens if t != " "], size)[1] + size * tokens.count(" ")

    def centered(self, text: str, top: float, size: float, x0: float, x1: float,
                 bold: str | None = None) -> float:
        """A centred line whose em box starts at ``top``; returns the bottom of the line."""
        w = self.span_width(text, size)
        self.line(text, x0 + (x1 - x0 - w) / 2, top + size * 0.88, size, bold=bold)
        return top + size

    def picture(self, rect: Rect, image: bool = False) -> None:
        if image:
            from PIL import Image
            from reportlab.lib.utils import ImageReader

            img = Image.new("RGB", (48, 32))
            img.putdata([(40 + x * 4, 90 + y * 3, 150) for y in range(32) for x in range(48)])
            self.c.drawImage(ImageReader(img), rect.x0, self.height - rect.y1,
                             rect.x1 - rect.x0, rect.y1 - rect.y0)
        else:
            self.c.setFillGray(0.7)
            self.c.rect(rect.x0, self.height - rect.y1, rect.x1 - rect.x0, rect.y1 - rect.y0,
                        stroke=0, fill=1)
            self.c.setFillGray(0)

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.8) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, self.height - y0, x1, self.height - y1)

    def frame(self, rect: Rect) -> None:
        self.c.setLineWidth(0.8)
        self.c.rect(rect.x0, self.height - rect.y1, rect.x1 - rect.x0, rect.y1 - rect.y0, stroke=1, fill=0)

    def table(self, rows: list[list[str]], x0: float, top: float, widths: list[float], size: float,
              grid: bool = True) -> float:
        """A table, each cell's text left-aligned; returns its bottom. Fully ruled, or (``grid``
        False) ruled only across, above and below the header and at the bottom: a 三线表."""
        height = size * 2
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        for r, row in enumerate(rows):
            for cell, x in zip(row, xs):
                self.line(cell, x + 4, top + r * height + size * 1.4, size)
        across = range(len(rows) + 1) if grid else (0, 1, len(rows))
        for r in across:
            self.rule(xs[0], top + r * height, xs[-1], top + r * height, width=0.5)
        for x in xs if grid else ():
            self.rule(x, top, x, top + len(rows) * height, width=0.5)
        return top + len(rows) * height

    def vertical(self, text: str, right: float, top: float, size: float, bottom: float,
                 bold: str | None = None) -> Rect:
        """Characters stacked top to bottom in columns laid right to left; returns the box."""
        step = size * 1.08
        per_column = max(1, int((bottom - top) // step))
        x = right - size
        for start in range(0, len(text), per_column):
            for i, ch in enumerate(text[start:start + per_column]):
                self.draw_tokens([(x, ch)], top + i * step + size * 0.88, size, bold)
            x -= size * 1.4
        return Rect(x + size * 0.4, top, right, top + min(len(text), per_column) * step)


@dataclass
class Flow:
    """Text flowed line by line through columns, around the page's obstacles, InDesign style:
    a line interrupted by a picture continues on the picture's other side."""

    page: Page
    columns: list[Rect]
    size: float = 10.0
    leading: float = 1.5
    wrap_gap: float = 6.0
    blocks: list[tuple[str, str]] = field(default_factory=list)
    col: int = 0
    y: float = 0.0

    def __post_init__(self):
        self.y = self.columns[0].y0

    def _segments(self, top: float, bottom: float) -> list[tuple[float, float]]:
        column = self.columns[self.col]
        free = [(column.x0, column.x1)]
        for ob in self.page.obstacles:
            ob = ob.grown(self.wrap_gap)
            if ob.y1 <= top or ob.y0 >= bottom:
                continue
            free = [piece for a, b in free for piece in ((a, min(b, ob.x0)), (max(a, ob.x1), b))
                    if piece[1] > piece[0]]
        return [(a, b) for a, b in free if b - a >= self.size * 4]

    def _next_line(self) -> tuple[list[tuple[float, float]], float]:
        while True:
            column = self.columns[self.col]
            if self.y + self.size > column.y1:
                self.col += 1
                if self.col >= len(self.columns):
                    raise ValueError("the text does not fit the columns")
                self.y = self.columns[self.col].y0
                continue
            segments = self._segments(self.y, self.y + self.size)
            top = self.y
            self.y += self.size * self.leading
            if segments:
                return segments, top + self.size * 0.88

    def paragraph(self, text: str) -> None:
        tokens = _TOKEN.findall(text)
        i, first = 0, True
        while i < len(tokens):
            segments, baseline = self._next_line()
            for x0, x1 in segments:
                if i >= len(tokens):
                    break
                indent = self.size * 2 if first else 0.0
                first = False
                j = self._fill(tokens, i, x1 - x0 - indent)
                chunk = tokens[i:j]
                offsets, natural = self.page.natural(chunk, self.size)
                last = j >= len(tokens)
                extra = 0.0 if last or len(chunk) < 2 else (x1 - x0 - indent - natural) / (len(chunk) - 1)
                placed = [(x0 + indent + off + k * extra, tok) for k, (off, tok) in enumerate(zip(offsets, chunk))]
                self.page.draw_tokens(placed, baseline, self.size)
                i = j
        self.blocks.append(("paragraph", text))

    def _fill(self, tokens: list[str], i: int, width: float) -> int:
        j = i
        while j < len(tokens):
            _, w = self.page.natural(tokens[i:j + 1], self.size)
            if w > width and not (tokens[j] in _CLOSING and w - width < self.size * 0.6):
                break
            j += 1
        # a closing mark never starts a line; Chinese type squeezes it onto this one instead
        while j < len(tokens) and tokens[j] in _CLOSING:
            j += 1
        return max(j, i + 1)

    def heading(self, text: str, size: float = 12.0) -> None:
        if self.y > self.columns[self.col].y0:
            self.y += self.size * 0.6
        segments, baseline = self._next_line()
        x0, x1 = segments[0]
        self.page.centered(text, baseline - size * 0.88, size, x0, x1, bold="stroke")
        self.y += size - self.size + self.size * 0.3
        self.blocks.append(("heading", text))


def _canvas(width: float, height: float):
    from reportlab.pdfgen import canvas

    register_font()
    out = io.BytesIO()
    return canvas.Canvas(out, pagesize=(width, height), pageCompression=1), out


def _columns(x0: float, x1: float, top: float, bottom: float, n: int, gutter: float) -> list[Rect]:
    width = (x1 - x0 - gutter * (n - 1)) / n
    return [Rect(x0 + k * (width + gutter), top, x0 + k * (width + gutter) + width, bottom) for k in range(n)]


FEATURE_FOLIO = "2025年9月15日 星期一 第3版 责任编辑 王强"
FEATURE_KICKER = "稳增长 促创新 惠民生"
FEATURE_TITLE = "云溪区厚植产业根基 奋力打造高质量发展示范区"
FEATURE_BYLINE = "本报记者 周敏 通讯员 陈立"
FEATURE_BODY = [
    ("paragraph", "初秋时节，走进云溪区滨江智造园，一排排标准化厂房整齐排列，智能生产线上机械臂往来穿梭。今年以来，园区新落地项目17个，协议总投资达86.5亿元，一批“专精特新”企业在这里扎根成长。"),
    ("paragraph", "产业是发展的根基。云溪区坚持把制造业高质量发展作为主攻方向，围绕新能源装备、生物医药、电子信息三大主导产业精准招商，上半年规模以上工业增加值同比增长8.2%，增速居全市第三位。"),
    ("paragraph", "项目建设跑出“加速度”，离不开服务保障的持续优化。区里推行“拿地即开工”审批模式，将企业开办时间压缩至1个工作日，涉企审批事项平均办理时限较去年缩短40%以上。"),
    ("paragraph", "在滨江智造园一家电池材料企业的车间里，负责人介绍，企业从签约到投产只用了9个月，今年预计实现产值12亿元，带动上下游配套企业20余家。"),
    ("heading", "创新驱动 培育发展新优势"),
    ("paragraph", "创新是引领发展的第一动力。近年来，云溪区持续加大研发投入，全社会研发经费投入强度达到2.9%，高新技术企业总数突破360家，较三年前翻了一番。"),
    ("paragraph", "走进区科技创新中心，孵化器、加速器、中试基地依次排开。中心负责人告诉记者，目前已有入驻团队142个，其中博士领衔团队占三成，累计转化科技成果58项。"),
    ("paragraph", "人才是创新的关键。云溪区出台人才安居、子女入学、医疗保障等一揽子政策，建成人才公寓3200套，今年新引进高层次人才460名，青年人才来得了、留得住、干得好。"),
    ("paragraph", "数字经济同样成为新增长点。全区已建成5G基站2100余个，工业互联网标识解析二级节点接入企业超过900家，数字经济核心产业增加值占地区生产总值比重提高到11.4%。"),
    ("heading", "城乡融合 绘就宜居新画卷"),
    ("paragraph", "发展的成色，最终体现在群众的获得感上。云溪区统筹推进老旧小区改造和城市更新，今年计划改造老旧小区54个，惠及居民1.8万户，加装电梯126部。"),
    ("paragraph", "傍晚的滨河步道上，散步的市民络绎不绝。这条全长12公里的步道串联起6个口袋公园和3处历史街区，成为居民家门口的休闲好去处。"),
    ("paragraph", "乡村振兴同样亮点纷呈。全区培育特色农产品品牌23个，建成高标准农田4.6万亩，农村居民人均可支配收入达到2.46万元，同比增长6.7%。"),
    ("paragraph", "在东坪村，一度闲置的老屋被改造成民宿和研学基地，村集体经济收入从过去的不足10万元增长到去年的85万元，不少外出务工的年轻人回到了家乡。"),
    ("paragraph", "生态底色越擦越亮。云溪区深入推进大气、水、土壤污染防治，全年空气质量优良天数达到328天，主要河流断面水质全部达到Ⅲ类以上。"),
]
FEATURE_SIDEBAR_LABEL = "记者观察"
FEATURE_SIDEBAR = [
    "采访中，记者感受最深的是一个“快”字。",
    "项目签约快、审批落地快、建成投产快，背后是干部作风的转变和营商环境的改善。企业愿意来、留得住，靠的不是一时的优惠政策，而是长期稳定的服务和可预期的发展环境。",
]
FEATURE_CAPTIONS = ["滨江智造园内的智能生产线。", "改造后的滨河步道。"]


def feature_page() -> tuple[bytes, list[list[tuple[str, str]]]]:
    """One article over four columns: kicker, headline, byline, two headings, a picture inside a
    column with a fake-bold caption under it, an image across a gutter with a vertical caption
    and text wrapped on both sides, and a framed sidebar with a vertical label."""
    width, height = 700.0, 790.0
    c, out = _canvas(width, height)
    page = Page(c, width, height)
    left, right = 36.0, width - 36.0
    page.line(FEATURE_FOLIO, left, 22, 8)  # the folio line, which is no part of the article
    bottom = page.centered(FEATURE_KICKER, 40, 18, left, right)
    bottom = page.centered(FEATURE_TITLE, bottom + 10, 30, left, right)
    page.centered(FEATURE_BYLINE, bottom + 14, 10, left, right)
    page.rule(left, 150, right, 150)
    columns = _columns(left, right, 166, height - 40, 4, 14)
    # a picture filling the second column, its caption under it in a smaller fake-bold type
    pic1 = Rect(columns[1].x0, 300, columns[1].x1, 400)
    page.picture(pic1)
    caption_top = pic1.y1 + 5
    page.line(FEATURE_CAPTIONS[0], pic1.x0, caption_top + 9 * 0.88, 9, bold="double")
    page.obstacles.append(Rect(pic1.x0, pic1.y0, pic1.x1, caption_top + 9))
    # an image across the gutter between the third and fourth columns, with a vertical caption
    pic2 = Rect(columns[2].x0 + 70, 360, columns[3].x0 + 40, 470)
    page.picture(pic2, image=True)
    label = page.vertical(FEATURE_CAPTIONS[1], pic2.x1 + 14, pic2.y0, 9, pic2.y1)
    page.obstacles.append(Rect(pic2.x0, pic2.y0, label.x1, pic2.y1))
    # a framed sidebar across the last two columns, its vertical label on the right
    box = Rect(columns[2].x0, 600, columns[3].x1, height - 40)
    page.frame(box)
    page.obstacles.append(box)
    page.vertical(FEATURE_SIDEBAR_LABEL, box.x1 - 8, box.y0 + 12, 14, box.y1 - 8, bold="stroke")
    side = Flow(page, [Rect(box.x0 + 10, box.y0 + 12, box.x1 - 36, box.y1 - 8)], size=10)
    page.obstacles = [ob for ob in page.obstacles if ob is not box]
    for text in FEATURE_SIDEBAR:
        side.paragraph(text)
    page.obstacles.append(box)
    body = Flow(page, columns, size=10)
    for kind, text in FEATURE_BODY:
        body.heading(text) if kind == "heading" else body.paragraph(text)
    c.showPage()
    c.save()
    truth = ([("kicker", FEATURE_KICKER), ("title", FEATURE_TITLE), ("byline", FEATURE_BYLINE)]
             + body.blocks + [("sidebar_label", FEATURE_SIDEBAR_LABEL)] + side.blocks
             + [("caption", t) for t in FEATURE_CAPTIONS])
    return out.getvalue(), [truth]


CARS_TITLE = "新能源汽车产业链加速成链成群"
CARS_BYLINE = "本报记者 韩雪"
CARS_BODY = [
    "记者从市经济和信息化委员会获悉，今年1至8月，全市新能源汽车产量达到21.3万辆，同比增长35.6%，占汽车总产量的比重提高到31%。",
    "产业链条不断延伸。围绕整车制造，全市已集聚动力电池、电驱电控、智能座舱等配套企业400余家，本地配套率由两年前的45%提升至62%。",
    "在一家整车企业的总装车间，平均每90秒就有一辆新车下线。企业相关负责人表示，今年新车型订单饱满，生产线实行三班倒，全年产量有望突破15万辆。",
    "充电基础设施建设同步提速。截至8月底，全市累计建成充电桩8.7万个，其中公共充电桩2.4万个，高速公路服务区实现快充全覆盖。",
    "下一步，全市将聚焦关键零部件和核心技术攻关，力争到2027年新能源汽车年产量达到50万辆，打造具有全国影响力的新能源汽车产业集群。",
    "业内人士认为，随着技术迭代和市场需求释放，新能源汽车产业仍处于快速成长期，地方应在稳定政策预期、畅通供应链上持续用力。",
]
CARS_CAPTION = "市内一家整车企业的总装车间。"
TRADE_TITLE = "全市外贸进出口稳中有升"
TRADE_BODY = [
    "海关部门最新数据显示，前8个月全市货物贸易进出口总值达到3862.4亿元，同比增长4.8%。其中，出口2511.7亿元，增长6.3%；进口1350.7亿元，增长2.1%。",
    "从贸易方式看，一般贸易进出口占比提升至58.2%，较去年同期提高2.6个百分点，外贸自主发展能力进一步增强。",
    "民营企业继续发挥主力军作用，进出口值达到2140.5亿元，增长9.7%，占全市外贸总值的55.4%。",
    "机电产品出口保持较快增长，笔记本电脑、汽车零配件、锂电池出口分别增长5.1%、12.8%和27.4%。",
]


def two_article_page() -> tuple[bytes, list[list[tuple[str, str]]]]:
    """Two articles separated by a rule, each under its own headline: the first over three columns,
    a picture inside the middle column (its lines interrupted by it, text on both sides) and a
    captioned picture atop the third; the second over two columns split by a vertical rule."""
    width, height = 640.0, 480.0
    c, out = _canvas(width, height)
    page = Page(c, width, height)
    left, right = 36.0, width - 36.0
    bottom = page.centered(CARS_TITLE, 40, 26, left, right)
    page.centered(CARS_BYLINE, bottom + 10, 10, left, right)
    columns = _columns(left, right, 110, 290, 3, 16)
    middle = columns[1]
    inset = Rect(middle.x0 + 60, 140, middle.x1 - 60, 210)
    page.picture(inset)
    photo = Rect(columns[2].x0, 110, columns[2].x1, 170)
    page.picture(photo, image=True)
    page.line(CARS_CAPTION, photo.x0, photo.y1 + 5 + 9 * 0.88, 9, bold="double")
    page.obstacles += [inset, Rect(photo.x0, photo.y0, photo.x1, photo.y1 + 14)]
    article = Flow(page, columns, size=10)
    for text in CARS_BODY:
        article.paragraph(text)
    page.rule(left, 305, right, 305, width=1.5)
    page.obstacles = []
    page.centered(TRADE_TITLE, 320, 22, left, right)
    columns = _columns(left, right, 365, height - 20, 2, 24)
    page.rule(columns[0].x1 + 12, 365, columns[0].x1 + 12, height - 20, width=0.5)
    trade = Flow(page, columns, size=10)
    for text in TRADE_BODY:
        trade.paragraph(text)
    c.showPage()
    c.save()
    first = [("title", CARS_TITLE), ("byline", CARS_BYLINE)] + article.blocks + [("caption", CARS_CAPTION)]
    second = [("title", TRADE_TITLE)] + trade.blocks
    return out.getvalue(), [first, second]


DENSE_KICKER = "聚焦民生实事"
DENSE_TITLE = ["城区新增公共停车泊位三千余个", "“停车难”有了新解法"]
DENSE_BODY = [
    ("paragraph", "本报讯（记者李华）今年以来，市城市管理局把缓解停车难作为民生实事项目，利用边角地、闲置地和地下空间新建公共停车场36处，新增公共停车泊位3280个，超额完成年度目标。"),
    ("paragraph", "在老城区，停车资源紧张的问题尤为突出。为此，有关部门摸排了全市147个老旧小区周边的停车需求，推动机关企事业单位内部停车场在夜间和节假日向周边居民错时开放，目前已开放泊位1560个。"),
    ("paragraph", "智慧停车平台同步上线。市民通过手机即可查询全市1.2万个公共泊位的实时空余情况，并在线预约、缴费。平台上线三个月来，累计服务车辆超过85万车次，泊位周转率提高了23%。"),
    ("heading", "建管并重 提升停车秩序"),
    ("paragraph", "新增泊位的同时，城管、交警等部门加强联合执法，对主次干道违停行为开展专项整治，共劝导、处罚违停车辆4.6万余辆次，重点路段通行效率明显提升。"),
    ("paragraph", "下一步，全市将继续推进立体停车库建设，计划到2026年底再新增公共停车泊位5000个，并将充电设施建设纳入停车场规划，新建停车场按不低于20%的比例配建充电车位。"),
    ("paragraph", "不少市民表示，过去下班回家要绕着小区找车位，现在家门口就能停，方便多了。"),
]
DENSE_CAPTION = "新建的立体车库。"


def dense_page() -> tuple[bytes, list[list[tuple[str, str]]]]:
    """Tighter type: five narrow columns of 9-point text at 1.3 leading, digits in a Latin font, a
    two-line headline under a kicker barely larger than the body, and a picture at the left of a
    column with the text wrapped down its right side and a small caption beneath."""
    width, height = 700.0, 400.0
    c, out = _canvas(width, height)
    page = Page(c, width, height, latin="Helvetica")
    left, right = 30.0, width - 30.0
    bottom = page.centered(DENSE_KICKER, 30, 12, left, right)
    bottom = page.centered(DENSE_TITLE[0], bottom + 6, 26, left, right)
    bottom = page.centered(DENSE_TITLE[1], bottom + 4, 26, left, right)
    columns = _columns(left, right, bottom + 20, height - 30, 5, 12)
    pic = Rect(columns[1].x0, columns[1].y0 + 40, columns[1].x0 + 70, columns[1].y0 + 110)
    page.picture(pic, image=True)
    page.line(DENSE_CAPTION, pic.x0, pic.y1 + 4 + 8 * 0.88, 8)
    page.obstacles.append(Rect(pic.x0, pic.y0, pic.x1, pic.y1 + 12))
    flow = Flow(page, columns, size=9, leading=1.3, wrap_gap=5)
    for kind, text in DENSE_BODY:
        flow.heading(text, size=10.5) if kind == "heading" else flow.paragraph(text)
    c.showPage()
    c.save()
    truth = [("kicker", DENSE_KICKER), ("title", "".join(DENSE_TITLE))] + flow.blocks + [("caption", DENSE_CAPTION)]
    return out.getvalue(), [truth]


def side_by_side_page() -> tuple[bytes, list[list[tuple[str, str]]]]:
    """Two articles side by side with no rule between them, each under a headline over its own
    two columns."""
    width, height = 820.0, 420.0
    c, out = _canvas(width, height)
    page = Page(c, width, height)
    halves = [(30.0, 400.0), (420.0, 790.0)]
    truth = []
    for (left, right), title, texts in zip(halves, (CARS_TITLE, TRADE_TITLE), (CARS_BODY[:4], TRADE_BODY)):
        bottom = page.centered(title, 30, 20, left, right)
        flow = Flow(page, _columns(left, right, bottom + 20, height - 30, 2, 14), size=10)
        for text in texts:
            flow.paragraph(text)
        truth.append([("title", title)] + flow.blocks)
    c.showPage()
    c.save()
    return out.getvalue(), truth


BULLETIN_TITLE = "云溪区2024年国民经济和社会发展统计公报"
BULLETIN_SUBTITLE = "云溪区统计局"
BULLETIN_BODY = [
    ("heading", "一、综合"),
    ("paragraph", "初步核算，2024年全区实现地区生产总值1286.5亿元，按不变价格计算，比上年增长6.1%。其中，第一产业增加值48.3亿元，增长3.2%；第二产业增加值512.6亿元，增长7.4%；第三产业增加值725.6亿元，增长5.5%。"),
    ("paragraph", "三次产业结构为3.8∶39.8∶56.4。全年人均地区生产总值达到10.2万元，比上年增长5.8%。"),
    ("paragraph", "年末全区户籍人口126.4万人，常住人口131.2万人，城镇化率为72.6%，比上年末提高0.9个百分点。"),
    ("heading", "二、农业"),
    ("paragraph", "全年粮食播种面积32.5万亩，粮食总产量13.1万吨，比上年增长1.5%。蔬菜产量46.8万吨，增长3.4%。"),
    ("paragraph", "全年生猪出栏42.7万头，下降2.3%；禽蛋产量1.9万吨，增长4.1%。"),
    ("heading", "三、工业和建筑业"),
    ("paragraph", "全年规模以上工业增加值比上年增长8.3%。分经济类型看，国有控股企业增长5.2%，民营企业增长9.6%。"),
    ("paragraph", "规模以上工业企业实现营业收入2368.9亿元，比上年增长7.9%；利润总额152.4亿元，增长11.3%。"),
    ("paragraph", "全年建筑业总产值486.2亿元，比上年增长4.6%。"),
    ("heading", "四、固定资产投资"),
    ("paragraph", "全年固定资产投资比上年增长5.3%。其中，工业投资增长12.1%，基础设施投资增长3.7%，房地产开发投资下降8.4%。"),
]
BULLETIN_TABLE_TITLE = "表1 2024年主要工业产品产量"
BULLETIN_TABLE = [["产品名称", "单位", "产量", "比上年增长(%)"], ["锂离子电池", "万只", "8650", "21.4"],
                  ["集成电路", "万块", "3260", "15.2"], ["汽车", "万辆", "18.6", "-2.7"]]


def bulletin_pdf(pages_of_filler: int = 0, grid: bool = True) -> tuple[bytes, list[list[tuple[str, str]]]]:
    """A statistical bulletin on A4 pages, one column, a page number in every footer; the text runs
    over a page break in the middle of a paragraph, and a table ends it (fully ruled, or a 三线表
    when ``grid`` is False). ``pages_of_filler`` repeats the body to make a longer report (for the
    benchmark)."""
    width, height = 595.0, 842.0
    c, out = _canvas(width, height)
    page = Page(c, width, height)
    left, right = 72.0, width - 72.0
    bottom = page.centered(BULLETIN_TITLE, 72, 20, left, right)
    page.centered(BULLETIN_SUBTITLE, bottom + 12, 13, left, right)
    body = BULLETIN_BODY * (1 + pages_of_filler)
    number = 1

    class PagedFlow(Flow):
        def _next_line(self):
            nonlocal number
            if self.y + self.size > self.columns[0].y1:
                page.centered(f"— {number} —", height - 50, 9, left, right)
                c.showPage()
                number += 1
                self.columns[0] = Rect(left, 72, right, height - 72)
                self.y = 72.0
            return super()._next_line()

    # the first page ends early, so that a paragraph runs over the page break
    flow = PagedFlow(page, [Rect(left, 140, right, 392)], size=10.5)
    for kind, text in body:
        flow.heading(text) if kind == "heading" else flow.paragraph(text)
    flow.heading(BULLETIN_TABLE_TITLE)
    if flow.y + 10.5 * 2 * len(BULLETIN_TABLE) > flow.columns[0].y1:
        flow.y = flow.columns[0].y1  # no room: the table goes over the page
        flow._next_line()
        flow.y -= 10.5 * flow.leading
    flow.y = page.table(BULLETIN_TABLE, left + 40, flow.y + 6, [120, 70, 90, 120], 10.5, grid)
    page.centered(f"— {number} —", height - 50, 9, left, right)
    c.showPage()
    c.save()
    table = ("table", "\n".join("\t".join(row) for row in BULLETIN_TABLE))
    truth = [("title", BULLETIN_TITLE), ("subtitle", BULLETIN_SUBTITLE)] + flow.blocks + [table]
    return out.getvalue(), [truth]
