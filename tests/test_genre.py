"""The genre stage: what kind of document a restored text is, from its title and first blocks."""
import json
from pathlib import Path

import pytest

from zhibiao.genre import GENRES, find_genre
from zhibiao.model import Block, Document, Meta
from zhibiao.pipeline import extract_path

GOLD = Path(__file__).resolve().parent / "gold"


def restored(text: str, kinds: dict[int, str] | None = None, genre: str | None = None) -> Document:
    """A clean input as restoration hands it on: the first line the title, the others paragraphs."""
    blocks, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        kind = (kinds or {}).get(i, "title" if i == 0 else "paragraph")
        blocks.append(Block(kind, pos, pos + len(line), [i + 1]))
        pos += len(line) + 1
    return Document(text=text, blocks=blocks, meta=Meta(title=text.split("\n")[0], genre=genre))


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_genre_of_every_gold_document(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = extract_path(gold_path.with_suffix(".txt"), date=gold["doc_date"])[0]
    assert doc.meta.genre == gold["genre"]


CASES = {
    "bulletin": ("某县2024年国民经济和社会发展统计公报\n2024年，全县经济运行总体平稳。\n一、综合\n全年地区生产总值312.5亿元。",
                 "bulletin"),
    "bulletin-half-year": ("某市今年一季度经济运行情况\n一季度，全市规上工业增加值同比增长6.1%。", "bulletin"),
    "five-year-plan-is-a-plan": ("某市国民经济和社会发展第十五个五年规划纲要\n第一章 发展基础\n“十四五”时期，全市综合实力明显增强。",
                                 "action_plan"),
    "work-report": ("政府工作报告\n——2025年1月10日在某县第十八届人民代表大会第四次会议上\n某县人民政府\n各位代表：\n现在，我代表县人民政府向大会报告工作。",
                    "work_report"),
    "work-report-untitled": ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾", "work_report"),
    "plan-issued-by-notice": ("某区人民政府办公室关于印发《某区数字经济提速三年行动计划（2025—2027年）》的通知\n各街道办事处：\n现将行动计划印发给你们。",
                              "action_plan"),
    "policy-issued-by-notice": ("某市人民政府关于印发支持民营经济发展若干措施的通知\n各区人民政府：\n现将若干措施印发给你们，请认真贯彻执行。",
                                "policy_notice"),
    "measures": ("某县促进消费增长若干政策（试行）\n为提振消费，制定本政策。\n一、发放消费券2000万元。", "policy_notice"),
    "articles-without-title-word": ("某区促进科技创新的扶持规则\n第一章 总则\n第一条 为支持企业研发，制定本规则。\n第二条 本规则适用于全区企业。",
                                    "policy_notice"),
    "implementation-plan": ("某市城市更新实施方案\n为推进城市更新，结合本市实际，制定本方案。", "action_plan"),
    "news-lead-beats-title": ("某市发布2024年统计公报\n本报讯（记者 张敏）昨日，市统计局发布2024年统计公报。全年地区生产总值增长5.2%。",
                              "news"),
    "news-from-agency": ("某省外贸进出口稳中有升\n新华社某地3月2日电 记者从海关获悉，前两个月全省外贸进出口增长4%。", "news"),
    "news-dateline-with-reporter": ("某市夏粮丰收在望\n本台某市6月3日电 （记者 王敏）今年全市夏粮播种面积稳定在80万亩。", "news"),
    "news-flash-with-correspondent": ("某县秋粮收购进度过半\n某县融媒体中心讯（通讯员 刘洋）截至10月20日，全县已收购秋粮12万吨。", "news"),
    "lead-words-deep-in-a-paragraph": ("某区召开经济形势分析会\n" + "会议分析了全区经济运行情况。" * 15 + "本报讯（记者 张敏）", None),
    "headline-reporting-a-plan": ("我市出台低空经济发展实施方案\n近日，市政府办公室印发低空经济发展实施方案，提出到2027年建成起降点100个。",
                                  None),
    "feature-by-reporter": ("山城旧街区焕发新活力\n本报记者 李航 王悦\n清晨的老街上，早点铺子飘出阵阵香气。\n老街新貌\n改造后的街区每天吸引游客上万人次。",
                            "feature", {1: "byline", 3: "heading"}),
    "reporter-byline-beats-a-plan-title": ("某区消费提质行动方案实施一年间\n本报记者 陈立\n一年来，全区新增特色街区3条。", "feature",
                                           {1: "byline"}),
    "feature-under-a-kicker": ("一线观察\n老港区转型记\n码头边的仓库变成了创意园区。", "feature", {0: "kicker", 1: "title"}),
    "nothing-to-go-by": ("今天天气晴朗。\n气温在十八到二十五度之间。", None),
}


@pytest.mark.parametrize("name", CASES)
def test_genre_of_own_documents(name):
    text, genre, *kinds = CASES[name]
    doc = restored(text, *kinds)
    if doc.blocks[0].kind != "title":
        doc.meta.title = None  # a kicker first: the title is found among the blocks
    assert find_genre(doc).meta.genre == genre
    assert genre is None or genre in GENRES


def test_genre_given_by_the_caller_wins():
    text = "某县2024年国民经济和社会发展统计公报\n全年地区生产总值312.5亿元。"
    assert find_genre(restored(text)).meta.genre == "bulletin"
    assert find_genre(restored(text, genre="news")).meta.genre == "news"
