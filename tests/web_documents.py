"""Hand-made documents for the web app's tests, in the register of real reports: a district's
statistics bulletin, a news brief that restates one of its figures differently (a conflict), an
action plan of a second district, and a scraped page whose text carries markup."""
from __future__ import annotations

from decimal import Decimal

from zhibiao.model import Block, Document, Entity, Fact, Goal, Meta

RAW_WIDTH = 17  # characters per raw line, as a narrow newspaper column dumps

BULLETIN = [
    ("title", "2024年临江区国民经济和社会发展统计公报"),
    ("byline", "临江区统计局 2025年3月10日"),
    ("heading", "一、综合"),
    ("paragraph", "初步核算，全年实现地区生产总值1602.7亿元，比上年增长5.9%。其中，第一产业增加值12.4亿元，"
                  "增长3.1%；第二产业增加值388.5亿元，增长6.8%；第三产业增加值1201.8亿元，增长5.6%。"),
    ("paragraph", "2023年全区地区生产总值为1513.6亿元。年末全区金融机构总数达到462家，13项金融指标位居全市第一。"),
    ("heading", "二、对外经济"),
    ("paragraph", "全年实际使用外资3.2亿美元，增长约12%；新设外商投资企业58家。"),
    ("caption", "图1 2020—2024年地区生产总值及其增长速度"),
]
BRIEF = [
    ("kicker", "经济观察"),
    ("title", "临江区上半年经济运行稳中有进"),
    ("paragraph", "记者从临江区统计局获悉，上半年，全区实现地区生产总值812.3亿元，同比增长6.1%。"
                  "回顾去年，2024年全区地区生产总值1598.2亿元，总量继续保持全市前列。"),
    ("sidebar_label", "记者手记"),
    ("paragraph", "临江区金融街片区新落户临江数字经济产业园等项目，招商引资热度不减。"),
]
PLAN = [
    ("title", "滨湖区城市更新三年行动方案（2025—2027年）"),
    ("heading", "一、主要目标"),
    ("paragraph", "到2027年，完成老旧小区改造120个，新增城市绿地面积不少于35公顷。"
                  "2024年全区地区生产总值达到986.4亿元。"),
]
MARKUP = [
    ("title", "网页抓取残留的<script>标签"),
    ("paragraph", "页面源码含有<script>alert(\"x\")</script>与<b>粗体</b>，应当原样显示为文字。"
                  "全年接待游客3200万人次。"),
]


def document(blocks: list[tuple[str, str]], meta: Meta) -> Document:
    """Blocks joined by line breaks into Document.text; the raw dump wraps each block's text at
    RAW_WIDTH characters with a blank line between blocks, and every block records its raw lines."""
    texts = [text for _, text in blocks]
    made, raw_lines, position = [], [], 0
    for kind, text in blocks:
        first = len(raw_lines) + 1
        raw_lines += [text[i:i + RAW_WIDTH] for i in range(0, len(text), RAW_WIDTH)]
        made.append(Block(kind, position, position + len(text), list(range(first, len(raw_lines) + 1))))
        raw_lines.append("")
        position += len(text) + 1
    return Document(text="\n".join(texts), blocks=made, raw="\n".join(raw_lines), meta=meta)


def fact(doc: Document, evidence: str, indicator: str, value: str, unit: str, kind: str, **extra) -> Fact:
    """A fact whose evidence span is the first occurrence of ``evidence`` in the text."""
    start = doc.text.index(evidence)
    found = doc.text.find(indicator, start, start + len(evidence))
    return Fact(indicator=indicator, value=Decimal(value), unit=unit, kind=kind, start=start,
                end=start + len(evidence), indicator_start=found if found >= 0 else None,
                indicator_end=found + len(indicator) if found >= 0 else None, number_text=None, **extra)


def entity(doc: Document, type_: str, text: str, **extra) -> Entity:
    start = doc.text.index(text)
    return Entity(type=type_, text=text, start=start, end=start + len(text), **extra)


def bulletin() -> Document:
    doc = document(BULLETIN, Meta(source="linjiang-bulletin-2024.txt", sha256="a" * 64, date="2025-03-10",
                                  place="临江区", title=BULLETIN[0][1], genre="bulletin",
                                  publisher="临江区统计局", format="text"))
    doc.facts = [
        fact(doc, "全年实现地区生产总值1602.7亿元", "地区生产总值", "1602.7", "亿元", "level", period="2024年"),
        fact(doc, "地区生产总值1602.7亿元，比上年增长5.9%", "地区生产总值", "5.9", "%", "change", period="2024年",
             basis="比上年"),
        fact(doc, "第一产业增加值12.4亿元", "第一产业增加值", "12.4", "亿元", "level", period="2024年"),
        fact(doc, "第二产业增加值388.5亿元", "第二产业增加值", "388.5", "亿元", "level", period="2024年"),
        fact(doc, "第三产业增加值1201.8亿元", "第三产业增加值", "1201.8", "亿元", "level", period="2024年"),
        fact(doc, "2023年全区地区生产总值为1513.6亿元", "地区生产总值", "1513.6", "亿元", "level", period="2023年"),
        fact(doc, "金融机构总数达到462家", "金融机构总数", "462", "家", "level", period="2024年"),
        fact(doc, "13项金融指标位居全市第一", "金融指标", "1", "位", "rank", basis="全市", period="2024年"),
        fact(doc, "实际使用外资3.2亿美元，增长约12%", "实际使用外资", "12", "%", "change", qualifier="approx",
             period="2024年"),
    ]
    doc.entities = [entity(doc, "org", "临江区统计局", subtype="government"),
                    entity(doc, "place", "临江区", canonical="临江区", subtype="district")]
    return doc


def brief() -> Document:
    doc = document(BRIEF, Meta(source="linjiang-brief.txt", sha256="b" * 64, date="2025-07-20", place="临江区",
                               title=BRIEF[1][1], genre="news", format="text"))
    doc.facts = [
        fact(doc, "地区生产总值812.3亿元", "地区生产总值", "812.3", "亿元", "level", period="上半年"),
        fact(doc, "地区生产总值812.3亿元，同比增长6.1%", "地区生产总值", "6.1", "%", "change", period="上半年",
             basis="同比"),
        fact(doc, "2024年全区地区生产总值1598.2亿元", "地区生产总值", "1598.2", "亿元", "level", period="2024年"),
    ]
    doc.entities = [entity(doc, "org", "临江区统计局"),
                    entity(doc, "project", "临江数字经济产业园"),
                    entity(doc, "place", "临江区金融街片区")]
    return doc


def plan() -> Document:
    doc = document(PLAN, Meta(source="binhu-plan.txt", sha256="c" * 64, date="2025-01-20", place="滨湖区",
                              title=PLAN[0][1], genre="action_plan", format="text"))
    doc.facts = [
        fact(doc, "完成老旧小区改造120个", "老旧小区改造", "120", "个", "target", period="2027年"),
        fact(doc, "新增城市绿地面积不少于35公顷", "新增城市绿地面积", "35", "公顷", "target", period="2027年",
             qualifier="over"),
        fact(doc, "2024年全区地区生产总值达到986.4亿元", "地区生产总值", "986.4", "亿元", "level", period="2024年"),
    ]
    goal_start = doc.text.index("到2027年")
    goal_end = doc.text.index("35公顷。") + len("35公顷。")
    doc.goals = [Goal(text=doc.text[goal_start:goal_end], start=goal_start, end=goal_end, deadline="2027年",
                      deadline_date="2027-12-31", subject="滨湖区", dimensions=["城市更新"], facts=[0, 1])]
    return doc


def markup() -> Document:
    doc = document(MARKUP, Meta(source="scraped<page>.html", sha256="d" * 64, date="2025-05-01", place="临江区",
                                title=MARKUP[0][1], genre="news", format="text"))
    doc.facts = [fact(doc, "接待游客3200万人次", "接待游客", "32000000", "人次", "level", period="全年")]
    return doc


def all_documents() -> dict[str, Document]:
    return {"bulletin": bulletin(), "brief": brief(), "plan": plan(), "markup": markup()}


def fill_store(path: str) -> dict[str, int]:
    """A store at ``path`` holding every document here; their ids by name."""
    from zhibiao.store import open_store
    with open_store(path) as store:
        return {name: store.add_document(doc)[0] for name, doc in all_documents().items()}
