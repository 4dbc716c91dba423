"""Page-dump damage made from clean text, with the truth restoration should give back.

    rng = random.Random(7)
    blocks = clean_page(rng)                 # [(kind, text), ...] in reading order
    dump, truth = damage(blocks, rng)        # the text a PDF tool would leave, and the blocks to expect

``damage`` does to clean blocks what a PDF-to-text tool does to a newspaper page: hard wraps at
each section's column width (paragraph indents mostly dropped, sometimes a leading space), column
breaks as blank lines anywhere — even inside a word, text narrowing around a picture, spaces around
digits and now and then between characters, vertical captions and sidebar labels one character per
line, fake-bold captions printed twice, captions gathered at the end, the headline group among them,
and a section heading stranded at the top of the page. ``clean_report`` and ``damage_report`` give the
other genres as their text dumps look: one paragraph per line, numbered headings, a header block.

The text is generated from our own phrases in the register of a district paper; places and names
are illustrative. Everything is driven by the ``random.Random`` passed in, so a seed reproduces a page.
"""
from __future__ import annotations

import random
import re

Blocks = list[tuple[str, str]]

PLACES = ("江北区", "南岸区", "沙坪坝区", "九龙坡区", "北碚区", "大渡口区", "两江新区", "高新区", "观音桥街道",
          "弹子石片区", "磁器口古镇", "滨江新城", "科学城", "西永综保区", "龙门浩老街", "嘉陵江畔")
INDICATORS = ("地区生产总值", "社会消费品零售总额", "固定资产投资", "规模以上工业增加值", "一般公共预算收入",
              "进出口总额", "服务业增加值", "数字经济核心产业增加值", "研发经费投入", "实际使用外资")
OBJECTS = ("老旧小区", "城市书房", "口袋公园", "社区食堂", "充电桩", "智慧停车场", "农贸市场", "背街小巷",
           "社区养老服务站", "体育健身步道")
INDUSTRIES = ("软件信息", "生物医药", "智能网联汽车", "跨境电商", "工业设计", "人工智能", "新能源", "检验检测")
MEETINGS = ("全区经济工作会议", "招商引资推介会", "优化营商环境大会", "科技创新大会", "城市更新现场推进会")
BRANDS = ("国际消费目的地", "西部金融中心核心区", "产城融合示范区", "夜间经济集聚区", "创新创业高地",
          "内陆开放新窗口", "宜居宜业宜游城区")
NAMES = ("张晓", "李明远", "王一凡", "陈思", "刘洋", "赵婷婷", "周建国", "吴佳", "孙可", "黄磊")
SHORT_PHRASES = ("强产业", "优环境", "惠民生", "促消费", "稳就业", "扩开放", "兴科技", "美城市", "聚人才",
                 "育动能", "提品质", "筑高地")
HEADING_HEADS = ("稳中求进", "产业升级", "城市更新", "开放合作", "民生为本", "科技赋能", "改革破题", "文旅融合")
HEADING_TAILS = ("经济运行回升向好", "跑出发展加速度", "留住老城烟火气", "拓展国际朋友圈", "办好群众身边事",
                 "激活创新一池春水", "释放市场新活力", "点亮城市新名片")
LABELS = ("记者手记", "数读", "短评", "链接", "观察", "延伸阅读")


def _number(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(2, 999)}", f"{rng.randint(10, 999)}.{rng.randint(1, 9)}",
                       f"{rng.randint(1, 9)},{rng.randint(100, 999)}"])


def _clause(rng: random.Random) -> str:
    """One clause of running text, without punctuation at either end."""
    p, p2 = rng.sample(PLACES, 2)
    pct = f"{rng.randint(1, 12)}.{rng.randint(0, 9)}"
    templates = (
        lambda: f"{rng.randint(2019, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{p}召开{rng.choice(MEETINGS)}",
        lambda: f"全年实现{rng.choice(INDICATORS)}{_number(rng)}亿元",
        lambda: f"同比增长{pct}%",
        lambda: f"增速高于全市{rng.randint(1, 3)}.{rng.randint(0, 9)}个百分点",
        lambda: f"{p}新增市场主体{rng.randint(200, 9000)}户",
        lambda: f"累计建成{rng.choice(OBJECTS)}{rng.randint(3, 90)}个",
        lambda: f"{p}持续深化“放管服”改革",
        lambda: f"着力打造{rng.choice(BRANDS)}",
        lambda: f"推动{rng.choice(INDUSTRIES)}与{rng.choice(INDUSTRIES)}深度融合",
        lambda: f"引进{rng.choice(INDUSTRIES)}企业{rng.randint(5, 300)}家",
        lambda: f"全年接待游客{rng.randint(100, 9000)}万人次",
        lambda: f"完成{rng.choice(OBJECTS)}改造{_number(rng)}万平方米",
        lambda: f"一批{rng.choice(INDUSTRIES)}项目加快落地",
        lambda: f"为建设{rng.choice(BRANDS)}提供有力支撑",
        lambda: "群众的获得感、幸福感、安全感不断增强",
        lambda: f"“{rng.choice(SHORT_PHRASES)}”正成为{p}的一张新名片",
        lambda: f"到{rng.randint(2026, 2030)}年，{rng.choice(INDICATORS)}力争突破{rng.randint(100, 3000)}亿元",
        lambda: f"企业负责人常常说，{p}的服务“一步一步走在前面”",
        lambda: f"居民们连声说谢谢",
        lambda: f"街道干部天天到现场研究研究解决办法",
        lambda: f"{p}与{p2}签署战略合作协议",
        lambda: f"5G基站覆盖率达到{rng.randint(80, 99)}%",
        lambda: f"建成AI应用场景{rng.randint(3, 60)}个",
        lambda: f"{p}把{rng.choice(OBJECTS)}建设作为民生实事来抓",
        lambda: f"新开工项目{rng.randint(10, 120)}个、总投资{rng.randint(20, 900)}亿元",
        lambda: f"惟改革者进，惟创新者强",
        lambda: f"老城肌理与现代功能在{p}交融共生",
    )
    return rng.choice(templates)()


def _sentence(rng: random.Random) -> str:
    clauses = [_clause(rng) for _ in range(rng.randint(1, 4))]
    end = rng.choices(["。", "！", "……"], weights=[20, 1, 1])[0]
    return "，".join(clauses) + end


def _paragraph(rng: random.Random, sentences: tuple[int, int] = (2, 5)) -> str:
    return "".join(_sentence(rng) for _ in range(rng.randint(*sentences)))


def _heading(rng: random.Random) -> str:
    return f"{rng.choice(HEADING_HEADS)} {rng.choice(HEADING_TAILS)}"


def _caption(rng: random.Random) -> str:
    p = rng.choice(PLACES)
    return rng.choice((f"{p}的{rng.choice(OBJECTS)}。", f"改造后的{p}{rng.choice(OBJECTS)}。",
                       f"游客在{p}参观。", f"位于{p}的{rng.choice(INDUSTRIES)}产业园。", f"夜色中的{p}。",
                       f"{p}{rng.choice(INDUSTRIES)}企业的生产车间。"))


def clean_page(rng: random.Random) -> Blocks:
    """A newspaper page in reading order: headline group, sidebar, sections, captions."""
    blocks: Blocks = []
    if rng.random() < 0.7:
        blocks.append(("kicker", " ".join(rng.sample(SHORT_PHRASES, 3))))
    p = rng.choice(PLACES)
    blocks.append(("title", f"{p}奋力建设{rng.choice(BRANDS)} {rng.choice(HEADING_TAILS)}"))
    if rng.random() < 0.3:
        blocks.append(("subtitle", f"——{p}推进{rng.choice(OBJECTS)}建设观察"))
    if rng.random() < 0.4:
        blocks.append(("byline", f"本报记者 {rng.choice(NAMES)} 通讯员 {rng.choice(NAMES)}"))
    if rng.random() < 0.5:
        blocks.append(("sidebar_label", rng.choice(LABELS)))
        blocks += [("paragraph", _paragraph(rng)) for _ in range(rng.randint(1, 2))]
    for section in range(rng.randint(1, 3)):
        if section or rng.random() < 0.8:
            blocks.append(("heading", _heading(rng)))
        blocks += [("paragraph", _paragraph(rng)) for _ in range(rng.randint(2, 5))]
    blocks += [("caption", _caption(rng)) for _ in range(rng.randint(0, 5))]
    return blocks


# --- damage ---------------------------------------------------------------------------------------

_CLOSING = set("，。、；：！？”’）》…")
_OPENING = set("“‘（《")


def _em(ch: str) -> float:
    return 0.5 if ch.isascii() else 1.0


def _wrap(text: str, rng: random.Random, width: int, narrowing: bool, indent: bool = True,
          by_characters: bool = False) -> list[str]:
    """Cut a paragraph at a column edge as a typesetter would: first line indented two characters,
    no line opening with closing punctuation, numbers kept whole, widths a little uneven. With
    ``by_characters`` figures take a full cell, as in a monospaced page or a text wrapped by count."""
    lines: list[str] = []
    i = 0
    while i < len(text):
        limit = width - (2 if indent and not lines else 0) - (min(5, len(lines) // 2) if narrowing else 0)
        limit += rng.choice((0, 0, 0, 0.5, 1))  # justification squeezes punctuation
        used, j = 0.0, i
        while j < len(text) and used + (1.0 if by_characters else _em(text[j])) <= limit:
            used += 1.0 if by_characters else _em(text[j])
            j += 1
        while 0 < j < len(text) and text[j].isascii() and text[j - 1].isascii() and j - 1 > i:
            j -= 1  # keep a number or word whole
        while j < len(text) and text[j] in _CLOSING:
            j += 1  # closing punctuation stays on the line it closes
        while j - 1 > i and text[j - 1] in _OPENING:
            j -= 1
        lines.append(text[i:j])
        i = j
    return lines


def _space_digits(line: str) -> str:
    return re.sub(r"(?<=[^\x00-\x7f])(\d[\d.,]*)(?=[^\x00-\x7f])", r" \1 ", line).strip()


def _doubled(text: str, rng: random.Random, width: int | None = None) -> list[str]:
    """Fake bold as a dump shows it: each line printed twice, end punctuation doubled."""
    lines = _wrap(text, rng, width, narrowing=False, indent=False) if width else [text]
    out = []
    for line in lines:
        core = line.rstrip("。")
        out.append(core * 2 + "。" * 2 * (len(line) - len(core)))
    return out


def damage(clean: Blocks, rng: random.Random, by_characters: bool = False) -> tuple[str, Blocks]:
    """The dump a PDF tool leaves of a page holding ``clean`` (blocks in reading order), and the
    blocks restoration should give back (the same blocks, in the same order); ``by_characters``
    wraps the body counting figures as wide as characters."""
    head = [b for b in clean if b[0] in ("kicker", "title", "subtitle", "byline")]
    captions = [b for b in clean if b[0] == "caption"]
    body = [b for b in clean if b not in head and b not in captions]
    blank_between = rng.random() < 0.85  # in the body; a sidebar's paragraphs mostly run on
    space_digits = rng.random() < 0.5
    column_height = rng.randint(22, 45)
    sections = _sections(body)
    widths = _section_widths(sections, rng)
    headline_last = rng.random() < 0.6
    orphan = _orphan_section(sections, widths) if headline_last and rng.random() < 0.6 else None

    out: list[str] = []
    if orphan is not None:
        out += [" " + sections[orphan][0][1], ""]
    if not headline_last:
        out += _headline_lines(head, rng) + [""]
    for k, section in enumerate(sections):
        lines: list[str] = []
        for kind, text in section:
            if kind == "heading":
                if k != orphan:
                    out.append((" " if rng.random() < 0.7 else "") + text)
            elif kind == "sidebar_label":
                out += list(text) + [""]  # one character a line
            else:
                wrapped = _wrap(text, rng, widths[k], narrowing=rng.random() < 0.15, by_characters=by_characters)
                if space_digits and rng.random() < 0.5:
                    wrapped = [_space_digits(line) for line in wrapped]
                if rng.random() < 0.1:
                    spot = rng.randrange(len(wrapped))
                    wrapped[spot] = _space_between(wrapped[spot], rng)
                if rng.random() < 0.25:
                    wrapped[0] = " " + wrapped[0]
                sidebar = section[0][0] == "sidebar_label"
                lines += wrapped + ([""] if (rng.random() < 0.3 if sidebar else blank_between) else [])
        out += _column_breaks(lines, column_height, rng)
    tail = [_caption_lines(text, rng) for _, text in captions]
    if headline_last:
        tail.insert(rng.randint(0, len(tail)), _headline_lines(head, rng))
    for lines in tail:
        out += [""] + lines
    return "\n".join(out) + "\n", list(clean)


def _sections(body: Blocks) -> list[Blocks]:
    """Body blocks cut where a heading or sidebar label starts a new run of text."""
    sections: list[Blocks] = []
    for block in body:
        if not sections or block[0] in ("heading", "sidebar_label"):
            sections.append([])
        sections[-1].append(block)
    return sections


def _section_widths(sections: list[Blocks], rng: random.Random) -> list[int]:
    widths = []
    for section in sections:
        if section[0][0] == "sidebar_label":
            widths.append(rng.randint(28, 38))
        else:
            widths.append(rng.choice((rng.randint(14, 20), rng.randint(24, 32))))
    return widths


def _orphan_section(sections: list[Blocks], widths: list[int]) -> int | None:
    """The section whose heading a dump strands at the top of the page: the first one after the
    page's first, headed, section whose column width clearly differs from the one before it,
    when the page opens with a sidebar label (not a heading of its own)."""
    if len(sections) < 3 or sections[0][0][0] != "sidebar_label":
        return None
    for k in range(2, len(sections)):
        ratio = max(widths[k], widths[k - 1]) / min(widths[k], widths[k - 1])
        if ratio >= 1.4 and sections[k][0][0] == "heading":
            return k
        if ratio >= 1.2:
            return None  # an earlier width change would take the heading
    return None


def _headline_lines(head: Blocks, rng: random.Random) -> list[str]:
    lines = []
    for kind, text in head:
        if kind == "title" and rng.random() < 0.1:
            lines += _doubled(text, rng)
        else:
            lines.append(text)
    return lines


def _caption_lines(text: str, rng: random.Random) -> list[str]:
    roll = rng.random()
    if roll < 0.35 and len(text) <= 14:
        return list(text)
    width = rng.randint(8, 18)
    if roll < 0.6:
        return _doubled(text, rng, width)
    return _wrap(text, rng, width, narrowing=False, indent=False)


def _space_between(line: str, rng: random.Random) -> str:
    """A dump's stray space between two CJK characters of a line."""
    spots = [k for k in range(1, len(line)) if "\u4e00" <= line[k - 1] <= "\u9fff" and "\u4e00" <= line[k] <= "\u9fff"]
    if not spots:
        return line
    k = rng.choice(spots)
    return line[:k] + " " + line[k:]


def _column_breaks(lines: list[str], height: int, rng: random.Random) -> list[str]:
    """Blank lines where a column ends: every ``height`` lines of text, wherever that falls."""
    out, count = [], rng.randint(0, height - 1)
    for line in lines:
        out.append(line)
        if line:
            count += 1
            if count >= height:
                count = 0
                out.append("")
    return out


# --- other genres ---------------------------------------------------------------------------------

def clean_report(rng: random.Random) -> Blocks:
    """A statistical bulletin or work report: title, publisher and date, numbered sections."""
    p = rng.choice(PLACES)
    blocks: Blocks = [("title", f"{p}{rng.randint(2019, 2024)}年国民经济和社会发展统计公报"),
                      ("byline", f"{p}统计局"), ("byline", f"{rng.randint(2020, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")]
    blocks.append(("paragraph", _paragraph(rng)))
    for k, name in enumerate(("一、综合", "二、工业和建筑业", "三、服务业", "四、固定资产投资", "五、人民生活")[:rng.randint(2, 5)]):
        blocks.append(("heading", name))
        if rng.random() < 0.4:
            blocks.append(("heading", f"（{'一二三'[k % 3]}）{rng.choice(INDICATORS)}"))
        blocks += [("paragraph", _paragraph(rng, (1, 4))) for _ in range(rng.randint(1, 3))]
    return blocks


def damage_report(clean: Blocks, rng: random.Random) -> tuple[str, Blocks]:
    """A report's text as it is published: one paragraph per line, optional indents and blank lines."""
    indent = rng.choice(("", "　　", " "))
    blank = rng.random() < 0.5
    lines = []
    for kind, text in clean:
        lines.append((indent if kind in ("paragraph", "heading") else "") + text)
        if blank:
            lines.append("")
    return "\n".join(lines) + "\n", list(clean)
