"""Stage 5: the quantitative claims of a Document, each grounded in the words that state it.

One regular expression reads the quantities of a block (a numeral, its scale word, its unit, a
range, a qualifier word on either side), another finds ranks (位列全国第一, 稳居全市首位).
Each is then read in its clause: what is measured (the noun phrase before it, or the counted noun
after it: 建成3个X), whether it is a level, a change (增长5.9%, 高于全市0.4个百分点) or a rank, and —
from the sentence — whether it is a target (力争, 到2027年 …), for which period and which place.
A change without a subject of its own belongs to the subject of the clause before it.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
import string
from decimal import Decimal
from typing import Final

from zhibiao.dates import caption_period
from zhibiao.genre import AWARDS, PLANNING_GENRES
from zhibiao.model import Block, DateMention, Document, Fact
from zhibiao.numerals import ARABIC, CHINESE, SCALE, parse_number, parse_percent, tidy
from zhibiao.tables import TEXT_ROW_MAX, text_row

# --- units: as written -> as stored (scale words are folded into the value, never kept here)
_UNITS: Final = {
    "个百分点": "个百分点", "百分点": "个百分点", "%": "%", "％": "%", "‰": "‰", "倍": "倍", "成": "%",
    "人次": "人次", "人": "人", "户": "户", "家": "家", "个": "个", "個": "个", "项": "项", "項": "项",
    "所": "所", "座": "座", "栋": "栋", "幢": "幢", "套": "套", "间": "间", "张": "张", "台": "台",
    "辆": "辆", "艘": "艘", "架": "架", "条": "条", "处": "处", "件": "件", "场": "场", "次": "次", "度": "次",
    "名": "名", "位": "位", "批": "批", "种": "种", "类": "类", "只": "只", "头": "头", "株": "株", "棵": "棵",
    "篇": "篇", "块": "块", "部": "部", "支": "支", "宗": "宗", "笔": "笔", "例": "例", "份": "份", "册": "册",
    "元": "元", "美元": "美元", "港元": "港元", "欧元": "欧元", "日元": "日元", "人民币": "元",
    "平方米": "平方米", "平米": "平方米", "㎡": "平方米", "m²": "平方米", "平方公里": "平方公里",
    "平方千米": "平方千米", "km²": "平方公里", "公顷": "公顷", "亩": "亩", "畝": "亩", "米": "米",
    "公里": "公里", "千米": "千米", "吨": "吨", "噸": "吨", "千克": "千克", "公斤": "公斤", "斤": "斤",
    "立方米": "立方米", "千瓦时": "千瓦时", "千瓦": "千瓦", "兆瓦": "兆瓦", "千伏安": "千伏安",
    "标准箱": "标准箱", "标箱": "标准箱", "TEU": "标准箱", "吨标准煤": "吨标准煤", "微克/立方米": "微克/立方米",
    "天": "天", "个工作日": "个工作日", "工作日": "个工作日", "亩次": "亩次", "轮": "轮", "个月": "个月", "个季度": "个季度", "年": "年",
    "小时": "小时", "岁": "岁", "兆": "兆", "℃": "℃", "摄氏度": "℃", "间夜": "间夜",
    "个位次": "名", "位次": "名",  # 上升9个位次: places in a ranking
}
# What may follow a unit character when it is really the start of a word: 项目, 个人, 三次产业, 成为.
_UNIT_GUARDS: Final = {
    "人": "才员口民工均力群流气文事", "户": "籍口型外", "家": "庭具电园乡属长", "个": "人体性税别案",
    "项": "目", "所": "属有在得以谓长", "座": "谈", "条": "件例款", "处": "理置于级室长", "场": "所景馆地",
    "次": "产要序生级日", "名": "单称录片城镇牌优师校企人额", "位": "于列居置数", "部": "门署分长",
    "种": "植子业养", "类": "似型", "批": "准发复示", "支": "持出撑付柱援部", "例": "如", "头": "部条",
    "只": "有是要能", "天": "然气地下津府", "成": "为效立果本交功绩员长片型熟就品年", "台": "阶湾账",
    "米": "粉", "轮": "胎船椅廓换岗训车", "年": "度", "间": "接", "元": "素旦宵", "块": "状钱", "度": "假过",
    "小时": "候",  # 小时候: a child's years
}
_PER: Final = r"(?:/(?:平方米|亩|吨|人|户|年|月|天|日|小时|分钟|公里|千米|辆|台|立方米|千瓦时|件|公斤|斤|平方公里))?"
_UNIT: Final = "(?:" + "|".join(
    re.escape(w) + (f"(?![{_UNIT_GUARDS[w]}])" if w in _UNIT_GUARDS else "")
    for w in sorted(_UNITS, key=len, reverse=True)) + "|[A-Za-z]{2,7}(?![A-Za-z0-9])" + ")" + _PER  # 20MW, 10Gbps
_CLASSIFIERS: Final = frozenset("个家项所座栋幢套间张台辆艘架条处件场名位批种类只头株棵篇块部支宗笔例份册户")
_SINGLE_CHINESE_UNITS: Final = frozenset({"次", "度", "年", "成", "倍", "个百分点", "家", "所", "座"})
_TIME_UNITS: Final = frozenset({"年", "个月", "个季度"})  # durations count only after 连续: 连续四年, not 五年规划
_DURATION_BOUND: Final = re.compile(r"(?:不超过|不少于|不低于|至少|最长|最短|期限为?|期为)$")  # or a bound: 不超过三年
_DURATION_BOUND_ENDINGS: Final = frozenset("过于少长短限为")
_MEETING: Final = re.compile(r"(?:全体)?(?:全会|会议|常委会|代表大会|党代会|人代会|大会|集体学习)")

_NUMBER: Final = rf"(?:{ARABIC}|{CHINESE}|[百千][万亿]|万亿)"  # 突破万亿元: a scale word alone
_SP: Final = r"[ \u3000]?"
_ARABIC_DIGITS: Final = frozenset("0123456789０１２３４５６７８９")
_SCALE_PART: Final = rf"{_SP}{SCALE}(?:[0-9]{{1,4}}(?![0-9.]))?"  # 24万4000: digits after a scale word fill it in
_PRE_WORDS: Final = sorted(("大约", "约为", "约", "将近", "接近", "近", "超过", "超出", "超", "逾", "突破", "跨过", "跨越",
                     "不足", "不到", "不少于", "不低于", "不高于", "不超过", "至少", "最多", "最高", "上限为", "上限", "迈过", "迈上"),
                     key=len, reverse=True)
_QUANTITY_PATTERN: Final = (
    rf"(?:(?P<pre>{'|'.join(_PRE_WORDS)})了?)?"  # 超过了: with the aspect particle
    r"(?P<neg>(?<![0-9])[-−－](?=[0-9]))?"
    rf"(?:(?P<pct>百分之|千分之)(?P<pnum>{_NUMBER}|百)"
    rf"|(?P<num>{_NUMBER}|[百千](?=年一遇)|(?<=[超逾近破过])[百千])(?P<more>[多余])?(?P<scale>{_SCALE_PART})?(?P<more2>[多余])?"
    rf"(?:{_SP}(?P<unit1>{_UNIT}))?"
    rf"(?:{_SP}(?P<sep>至|到|——|—|–|-|~|～|－){_SP}(?P<num2>{_NUMBER})[多余]?(?P<scale2>{_SP}{SCALE})?(?P<end2>)"
    rf"[多余]?{_SP}(?P<unit2>{_UNIT})){{0,{{ranges}}}})"
    r"(?P<post>左右|上下|及以上|及以下|以上|以下|以内|之内|开外|多|余)?"
    # a bare numeral only when a list gives it a unit later: 1.2、1.3和5.6个百分点
    r"(?(pct)|(?(unit1)|(?(unit2)|(?(scale)|(?=[、和及与或][ ]?[-−－]?[0-9零〇一二三四五六七八九两十])))))"
)
_QUANTITY: Final = re.compile(_QUANTITY_PATTERN.replace("{ranges}", "1"))
_SINGLE_QUANTITY: Final = re.compile(_QUANTITY_PATTERN.replace("{ranges}", "0"))  # 提高1.2个百分点至56.8%: two
_PRE_WORDS_BY_ENDING: Final = {c: [w for w in _PRE_WORDS if w[-1] == c] for c in {w[-1] for w in _PRE_WORDS}}
# the characters before a qualifier word that make it the end of another word: 签约50个项目 is not about 50;
# not those that also end a word before 约 (一条约240米, 聚集约200家, 办公约300平方米)
_WORD_BEFORE: Final = {"约": frozenset("签节履缔违预践毁婚盟")}
_NEGATIVE_SIGNS: Final = frozenset("-−－")
_QUANTITY_LEADS: Final = frozenset(_NEGATIVE_SIGNS | {"了"} | set(_PRE_WORDS_BY_ENDING))  # what may stand before one
# what may follow the first run of numeral characters in a quantity: a unit, a scale word, 多/余, a
# decimal point or separator, a range or list separator, a space
_ARABIC_CHECKED_UNITS: Final = frozenset({"度", "次", "年", "个月", "个季度"})  # the units _unit_fits may refuse after 0-9
_CONTINUES: Final = "".join(sorted(set("".join(_UNITS) + "万萬亿億多余点.．,分之至到—–-~～－、和及与或 \u3000"
                                      + string.ascii_letters)))  # 20MW
# a whole run of numeral characters that one of those follows (or that ends the block); written to
# start with a character class, which lets the engine skip ahead to where a run can begin
_NUMERALS: Final = "[0-9０-９零〇○一二三四五六七八九两十拾百千]"
_NUMERAL_RUN: Final = re.compile(rf"{_NUMERALS}{_NUMERALS}*+(?:(?=[{re.escape(_CONTINUES)}])|\Z)")
_NOT_COUNTED: Final = re.compile(r"[0-9一两二三四五六七八九]|方面|层面|环节|维度|原则|坚持|毫不")  # after 三个: no count
_NUMERAL_CHARS: Final = frozenset(_NUMERALS[1:-1].replace("0-9", "0123456789").replace("０-９", "０１２３４５６７８９"))
_QUANTITY_STARTS: Final = _NUMERAL_CHARS | _QUANTITY_LEADS
_CLOSING_QUALIFIERS: Final = ("左右", "上下", "以上", "以下", "以内", "之内")
_QUALIFIERS: Final = {
    "约": "approx", "大约": "approx", "约为": "approx", "近": "approx", "将近": "approx", "接近": "approx",
    "左右": "approx", "上下": "approx",
    "超": "over", "超过": "over", "超出": "over", "逾": "over", "多": "over", "余": "over", "以上": "over",
    "及以上": "over", "及以下": "under",
    "不少于": "over", "不低于": "over", "至少": "over", "开外": "over", "突破": "over", "跨过": "over",
    "跨越": "over", "迈过": "over", "迈上": "over",
    "不足": "under", "不到": "under", "不高于": "under", "以下": "under", "以内": "under", "之内": "under", "不超过": "under",
    "最多": "under", "最高": "under", "上限为": "under", "上限": "under",  # 最高100万元: a cap on what is given
}

# --- ranks: an ordinal after a ranking verb or a scope word. Patterns searched over whole blocks start
# every alternative with a plain character, so that the engine skips to where one can begin.
_RANK_ANCHOR: Final = re.compile(
    r"(?:第(?P<n>[0-9]+|[一二三四五六七八九十]+)"
    r"(?P<more>(?:(?:位|名)?[、和及与]第?(?:[0-9]+|[一二三四五六七八九十]+))*)(?:位|名)?"  # 第一、第二和第三位
    r"|首位|榜首|冠军|居首"  # 全省居首: first (领跑全市 says only "among the leaders")
    r"|前(?P<top>[0-9]+|[一二三四五六七八九十]+)(?:位|名|强)?)"
    r"(?=$|[，。；、！？…）)”,;!?\s的和并且]|名次)")
_AMONG: Final = re.compile(r"在(?P<among>[^，。；、]{1,16}?)(?:中|内|之中|当中)(?:[位名]?[列居])$")
_AMONG_BEFORE: Final = re.compile(r"在(?P<among>[^，。；、在]{1,16}?)(?:中|内|之中|当中)$")
_SCOPE_PHRASE: Final = re.compile(r"在[^，。；、在]{1,20}?(?P<among>中|内|之中|当中|范围内)?$")  # 在全省各市中
_PROGRESS: Final = re.compile(r"(?P<words>完成(?:全年|年度|年初)?(?:目标任务|目标|计划|任务))的?$")  # 完成年度计划的68.5%
_SHARE_ALONE: Final = frozenset({"比重", "占比"})  # …，比重较上年提高3.4个百分点: the share just named
_SHARE_WORD: Final = re.compile(r"占|比重|份额")  # 占全市的比重, 占比: a share of what was named
_DURATION_TAIL: Final = re.compile(r"(?:连续第?)?[0-9一二三四五六七八九十]{1,7}(?:" + "|".join(_TIME_UNITS) + ")$")  # …，连续5个月位居第一
_RANKED_LIST: Final = re.compile(r"在(?P<list>[^，。；]{2,40}?(?:榜单|排行榜|榜|名单|排名|评价|评选|评比))[中上][，,]$")
_LIST_TAIL: Final = re.compile(r"[0-9一二三四五六七八九十百千]+强|[（(]|榜单|排行榜|名单|排名|评价|评选|评比")
_RANKED_BEFORE: Final = re.compile(r"排名[^，。；]{0,12}[，,]$")  # a clause before that ranks
_PLACES_MOVED: Final = re.compile(r"(?:上升|下降|提升|前移|后移|前进|后退)了?$")  # 上升一位 moves one place
_EACH: Final = re.compile(r"(?<![平人年户亩日])均(?![值价衡匀])")  # 均为, 均居; not 平均, 人均
_COUNTED_ITEMS: Final = re.compile(r"(?:这|上述|以上)?(?P<count>[两二三四五六七八九2-9])(?:项|个)(?:主要)?(?:指标|数据)")
_COUNT_TAIL: Final = re.compile(r"(?<=[^、和及与])(?P<count>[两二三四五六七八九十2-9])(?:大|个|项|类)")  # 三大产业
_COUNTED_ITEM: Final = re.compile(r"[^、]+")  # 动力及储能电池 is one item of a list its count closes
_RANK_ITEM: Final = re.compile(r"(?:位|名)?[、和及与]第?([0-9]+|[一二三四五六七八九十]+)")
_RANK_VERB: Final = re.compile(
    r"(?P<verb>位列|位居|位于|名列|排名|排位|排在|排|居于|高居|稳居|跃居|跃升至|跃升到|升至|上升至|进入|跻身|入围|挺进"
    r"|保持|居|列)(?P<scope>[^，。；、！？\s]{0,12})$")
_RANK_SCOPE: Final = re.compile(
    r"(?P<scope>全国|全省|全市|全区|全县|全球|世界|全世界|亚洲|西部|中西部|东部|中部|东北|同类城市|省内|市内|国内"
    r"|主城都市区|主城区)$")

# --- what a number's clause says about it
_CHANGE_VERBS: Final = ("增长", "增加", "提高", "提升", "上升", "上涨", "多增", "少增", "多减", "少减", "净增", "新增", "(?<![新净])增", "涨",
                 "扩大", "下降", "减少", "降低", "回落", "下跌", "下滑", "减", "降", "缩小", "收窄", "缩减", "加快", "放缓",
                 "减缓", "回升", "提速", "前移", "后移", "前进", "后退", "增長", "減少", "上漲", "擴大", "縮小", "減", "漲")  # and traditional forms
_CHANGE_TAIL: Final = re.compile(
    r"(?P<basis>同比|环比|同口径|(?:近?[两二三四五六七八九十]年)?(?:年均|平均)|(?<!占)(?:比(?![重例率值价])|较(?![快大高低好多少为]))[^，。；、%比较]{1,10}?)?"
    rf"(?:分别|依次|均)?(?P<verb>{'|'.join(_CHANGE_VERBS)})?了?$")  # 同比分别增长: the basis is 同比
_CHANGE_ENDINGS: Final = frozenset("了比径均" + "".join(v[-1] for v in _CHANGE_VERBS))  # what such a tail can end with
_COMPARE_CUE: Final = re.compile(r"于|出|领先|落后")
_COMPARE_TAIL: Final = re.compile(
    r"(?P<verb>(?<!不)高于|(?<!不)低于|快于|慢于|高出|超出|领先|落后|优于)(?P<scope>[^，。；\d]{0,12}?)(?:平均水平|平均)?$")
_COMPARE_BY: Final = re.compile(
    r"(?P<basis>(?:比|较)(?P<scope>[^，。；、\d比较]{1,12}?(?:、[^，。；、\d比较]{1,8}?)*)(?:平均水平|平均)?)(?:分别|均)?"
    r"(?P<verb>高出|高|低|快|慢|多|少)$")  # 比全国、全省分别高0.8和0.5个百分点
_SHARE: Final = re.compile(r"占(?!地(?!区)|用|有|据|领)")  # 占GDP的, 占比: a share of the indicator before; not 占地
_PULL: Final = re.compile(r"拉动[^，。；\d]{0,12}?增长$")  # 拉动经济增长1.2个百分点: a contribution
_BOUND_WORDS: Final = frozenset({"超过", "超出", "超", "逾", "突破", "不足", "不到", "不少于", "不低于", "不高于", "不超过", "至少",
                          "最多", "以上", "以下", "以内", "之内", "及以上", "及以下"})
_RATIO_UNITS: Final = frozenset({"%", "个百分点", "倍", "‰", "名"})
_RAISE_VERBS: Final = frozenset({"提升", "提高", "扩大", "上升"})  # with a count, often part of a name
_MONEY: Final = frozenset({"元", "美元", "港元", "欧元", "日元"})
_PEOPLE: Final = re.compile(r"(?:人口|人数|人民|群众|居民|市民|村民|农民|职工|员工|学生|人才|就业)$")
_BARE_BASES: Final = ("同比", "环比", "同口径", "年均")  # a basis that marks a change without a verb: 同比11.4%
_RATE_WORDS: Final = ("增速", "增幅", "涨幅", "降幅", "增长速度")
_RATE: Final = "(?:" + "|".join(_RATE_WORDS) + ")"
_RATE_AFTER: Final = re.compile(rf"的(?P<rate>{_RATE})")  # 以25.1%的增速
_RATE_ENDING: Final = re.compile(_RATE + "$")
_BY_RATE: Final = re.compile(r"以[^，。；以]{1,12}?" + _RATE_AFTER.pattern + "$")
# a rate with no name of its own (年均增幅分别为a和b): said of what was named before
_RATE_ALONE: Final = re.compile(r"(?:同比|环比|(?:近?[两二三四五六七八九十]年)?(?:年均|平均))?" + _RATE)
_BASE_YEAR: Final = re.compile(r"(?:是|为|相当于)(?P<basis>(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:末|底)?)的$")
_MULTIPLE_AFTER: Final = re.compile(r"的[0-9.]+倍")  # after the base year of a ratio
_NEGATIVE: Final = ("下降", "减少", "降低", "回落", "下跌", "下滑", "减", "降", "缩小", "收窄", "缩减", "低于", "慢于",
             "落后", "低", "慢", "少", "降幅", "少增", "多减", "放缓", "减缓", "后移", "后退", "減少", "縮小", "減")
_LEFT_JUNK: Final = (
    r"[（(][一二三四五六七八九十0-9]{1,3}[)）]"  # （一）: an item number, tried before its bracket alone
    r"|[\s、，,：:；;。“”‘’\"'《》（）()【】\[\]·…—\-●■◆▲★]+|按[^，。；、\d]{1,10}?计算|按[^，。；、]{1,12}?汇率"
    r"|(?:折合|折算成?|约合)(?:人民币|美元)?|其中|包括|以及|及|和|与|并且"
    r"|并|且|同时|此外|另外|全年|当年|年内|今年以来|今年|去年|上年|截至目前|截至|截止|目前|上半年|下半年"
    r"|前三季度|[一二三四两](?:(?:[、和][一二三四])*季度|者(?![之的间]))"  # 二、三季度, 两者分别
    r"|全区|全市|全省|全国|全县|全镇|我区|我市|我省|我县|我们|本市|本区|全域|已经|已|共计"
    r"|共有|共(?!同|享|建|识|性)|累计|总计|合计|拥有|现有|每年|每月|实现|完成|达到|建成|集聚|聚集|培育|引进|新引进|新培育|成功|先后|持续|不断"
    r"|分别|均|还|再|又|也|都|给予|予以|力争|确保|争取|预计|有望|可望|计划|预期目标|预期|目标|连续|首次|一举|又一次|推动|依次|下一步|早在"
    r"|每天|每日|将(?![近来军乐])"  # 还将新开工项目; not 将近, 将来
    r"|(?:可以|可|能够)(?=完成|实现|达到|新增|带动|提供|增加|吸纳|节约|减少|形成|接待|创造|容纳)"  # 可完成投资
    r"|第[0-9一二三四五六七八九十百]+[条章款节]"  # 第七条: an article number
    r"|而且|而|的"  # 而大庆的GDP: a conjunction, and the 的 left after a place
    r"|该(?:公司|企业|项目|区|市|县|镇|乡|村|校|院|园区|集团|中心|基地)"
    r"|了(?!解)")  # the aspect particle after a verb above: 完成了固定资产投资
# what makes the date before it a deadline: 2027年前, 2027年底之前; not 2027年前后, 2026年前三季度
DEADLINE_AFTER_DATE: Final = r"[底末]?(?:以前|之前|前(?![后0-9一二三四五六七八九十两]))"
_TIME_PREFIX: Final = (  # 2027年底前, 在2027年以前: a deadline too
    r"(?:截至|截止|到|至|在|于)?(?:[0-9]{4}年(?:度|末|底|初)?(?:[0-9]{1,2}(?:[—\-–~至][0-9]{1,2})?月(?:份|末|底|初)?)?"
    r"|[0-9]{1,2}(?:[—\-–~至、和][0-9]{1,2})*月(?:份|末|底|初)?|年末|年底|年初"  # 7、8月
    r"|近?[0-9一二三四五六七八九十]{1,2}年(?:内|来|间|以来))"
    rf"(?:{DEADLINE_AFTER_DATE})?")
_LEFT_TRIM: Final = re.compile(f"(?:{_LEFT_JUNK}|{_TIME_PREFIX})+")  # the whole run of them in one match


def _reversed_words(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` spelt backwards, longest first: matched at a position of the reversed
    text, it finds the longest of them that ends there in one step, where a search for ``(?:…)$``
    would try every start."""
    return "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))


# Words trimmed off the end of an indicator; read on the reversed text, with the aspect particle 了 after
# any verb (突破了, 新增了: the indicator is as it would be without it) and 过 after these words
# (达到过; elsewhere 过 is too often part of a word: 超过, 通过). Closing brackets are left to _trim, which
# drops a whole bracketed note: 地区生产总值（GDP）.
_RIGHT_WORDS: Final = (
    "连续第", "力争", "确保", "争取", "预计", "计划", "的", "刚刚", "由", "从", "可", "可以", "能够", "将", "就", "同样",
    "达到", "达", "为", "是", "约为", "共有", "共计", "共", "计", "累计", "总计", "合计", "拥有", "至", "到", "现有", "有",
    "实现", "完成", "保持在", "稳定在", "控制在", "维持在", "已经", "已", "均", "分别", "依次", "则", "也", "全年", "同比", "首次", "连续",
    "增加到", "增长到", "提高到", "提升到", "上升到", "扩大到", "下降到", "减少到", "降低到", "回落到", "增至", "升至",
    "降至", "提高至", "提升至", "上升至", "扩大至", "下降至", "减少至", "降低至", "回落至", "突破", "跃升至", "跃升到",
    "攀升至", "刷新至", "压缩到", "压缩至", "缩短到", "缩短至", "压减到", "压减至", "调整为", "调整到", "调整至", "调为",
    "变为", "高达", "长达", "多达", "仅", "以", "在", "于", "按",  # 补贴标准按0.8倍: by, not part of the name
    "按可比价格计算", "按可比价计算", "按不变价格计算", "按可比口径计算", "当月",  # how or when it is counted
    "保持", "有望", "可望")  # 经济将保持6%左右的增长, 接待游客有望突破…: a forecast's verbs
_RIGHT_TRIM: Final = re.compile(
    r"(?:\]\d{1,8}\["  # [12]: a note marker
    r"|(?:年|次|届)[0-9一二三四五六七八九十]{1,6}第续连|(?:年|次|届|月个|度季个)[0-9一二三四五六七八九十]{1,7}续连"  # 连续第十二年, 连续5个月
    rf"|{_reversed_words(_RIGHT_WORDS)}|了|过(?={_reversed_words(_RIGHT_WORDS)})|能(?![产动效节储耗体性智赋电热风光核功技职潜势机])"  # not 产能, 电能
    r"|同(?![合共协相认陪连如不会])|要(?![主需重只必紧摘纪提首])|却(?!冷)"  # 支持比例同为, 产量要达到, 增速却; not 合同, 重要, 冷却
    r"|[\s、，,：:“”‘’\"'（(])+")
_INNER_SPACE: Final = re.compile(r"(?<=[^\sA-Za-z0-9])[ \u3000]+(?=[^\sA-Za-z0-9])")  # 9.8% 总量: a headline's
_CLOSING_BRACKETS: Final = "）)"
_TRANSITIVE_VERBS: Final = (
    "建成", "新建", "改造", "提升改造", "引进", "培育", "打造", "建设", "新增", "完成", "实施", "开工", "举办", "开展", "获得",
    "获评", "签约", "招引", "吸引", "设立", "组建", "创建", "认定", "落地", "形成", "集聚", "聚集", "汇聚", "开通", "新开",
    "推出", "发布", "服务", "培训", "接待", "建立", "成立", "发放", "筹集", "投入", "安排", "竣工", "拥有", "有", "入驻",
    "签订", "办理", "受理", "惠及", "覆盖", "帮助", "解决", "提供", "创造", "增设", "新设", "配备", "修建", "修复", "整治",
    "治理", "栽植", "改扩建", "新改建", "盘活", "腾退", "收储", "招聘", "带动", "吸纳", "培养", "孵化", "上线", "推广",
    "评选", "表彰", "命名", "授牌", "挂牌", "涌现", "诞生", "出台", "制定", "修订", "建", "引育", "新认定", "新开工",
    "新落地", "累计建成", "捧回", "摘得", "斩获", "夺得")
_TRANSITIVE_VERB_SET: Final = frozenset(_TRANSITIVE_VERBS)  # 新增了城镇就业: the verb and 了 before the noun
# a verb that takes the counted noun after the number (建成3个X), or 一个/每家 just before it; read reversed
_TRANSITIVE_TAIL: Final = re.compile(  # 覆盖全市六成乡镇: a scope word may stand between verb and number
    rf"(?:{_reversed_words(('全市', '全区', '全省', '全县', '全国', '全镇'))})?[了过]?(?:{_reversed_words(_TRANSITIVE_VERBS)})"
    r"|[个条座家项所处张台批种类名位][一两几数每首]")
_STOPS: Final = frozenset("、，,。；;：:！？!?…（(）)")  # with white space, what ends a counted noun
_STOP_CHARS: Final = "".join(_STOPS)  # strings, tested a character at a time without hashing it
_NOT_BEFORE_COUNT: Final = _STOP_CHARS + "".join(_CLASSIFIERS) + "".join(_NUMERAL_CHARS)
_COUNTING_VERB: Final = re.compile("|".join(v for v in _TRANSITIVE_VERBS if len(v) > 1))  # not 有, 建: parts of words
_AFTER_STOP: Final = re.compile(r"[\s、，,。；;：:！？!?…（(）)●■◆▲★]|等(?=[，。；、]|$)")
_AFTER_NOT_NOUN: Final = re.compile(
    r"(?:同比|环比|比|较|增长|增加|增速|增幅|提高|上升|下降|减少|回落|降低|[增升降]至|占|为|是|达|居(?![委民住])|位|排|列|稳|跃|分别"
    r"|(?:提升|扩大|缩小|压减|压缩|缩短|攀升)[到至]"  # 由107家增至500家: no noun is counted
    r"|以上|左右|以下|以内|和|及|与|或|至|到|了|之|中|内|外|后|前|间|以|来|起|止|时|年|月|日|多|余|次于|相当"
    r"|执行|折算|计算|核定)")  # 按0.5倍折算: how a rate is applied
_AFTER_PREDICATE: Final = re.compile(
    r"全部|均|都|已|正在|也|还|分别|全面|基本|顺利|成功|获得|荣获|获|完成|实现|达到|入选|上榜|纳入|被|通过|落户"
    r"|入驻|建成|开工|投用|投产|开业|参与|参加|受益|增收|同比|形成|取得|成为|具备|保持|进入|突破|提升|提高|增长"
    r"|改造为|改建为|打造为|打造成|变为|变成|用于|迎来")
_BOUNDED_MODIFIER: Final = re.compile(r"[^，。；：、\s]{1,16}?(?:及以上|以上|及以下|以下|以内)的(?P<noun>[^，。；：\s的]{2,24})")
_TO_RECIPIENT: Final = re.compile(
    r"向[^，。；\d]{1,16}?(?:输送|提供|供应|出口|销售|捐赠|交付|发送|运送|转移|输出|捐献|推送)了?")
_AMONG_PART: Final = re.compile(r"中(?:已经?|共|还|仍|均)?有")  # 34个行业大类中有19个…: the set, then its part
_YUAN: Final = r"[0-9.]+[万亿]?元"  # an amount of money as policies write it: 50万元
_GIVEN: Final = re.compile(rf"(?:一次性)?(?:配套)?(?:{AWARDS}|扶持|支持)(?:资金|金)?|配套")  # after an amount
_GIVEN_BEFORE: Final = re.compile(
    r"(?P<lead>给予|予以|发放|每[家户个人年次项]|" + _YUAN + r")?(?P<word>(?P<once>一次性)?(?:" + AWARDS + r")(?:资金|金)?)$")
_ADVERBS: Final = re.compile(r"(?:已经|已|均已|均|都已|都|全部|正在|也已|也)+")
_GIVEN_WORD: Final = rf"(?P<word>(?:一次性)?(?:配套)?(?:{AWARDS}|资金支持|资金扶持|支持|扶持)|配套)"  # 给予配套
_GIVEN_LATER: Final = re.compile(rf"(?:给予|予以)[^，。；]{{0,12}}?{_GIVEN_WORD}")  # 按…的15%给予研制方补助
# 给予奖励，最高200万元; 给予建设经费支持，最高500万元
_GIVEN_BEFORE_CLAUSE: Final = re.compile(rf"(?:给予|予以)(?P<given>[^，。；、\d]{{0,8}}?{_GIVEN_WORD})[，,]$")
# 分别给予100万元、50万元奖励; 按100万元、50万元给予奖励
_GIVING_TO: Final = re.compile(r"(?:给予|予以)[^，。；、\d]{1,8}$")  # 给予运营方: the verb and to whom
_GIVEN_LIST: Final = re.compile(rf"(?:[、和及或]{_YUAN})+(?:给予|予以)?{_GIVEN_WORD}")
_PURPOSE: Final = re.compile(r"(?:用于|建设|新建|改建|扩建|改造|实施|推进|开展|修建)")  # after an amount spent
_GIVEN_ENDING: Final = re.compile(rf"(?:{AWARDS}|支持|扶持)$")  # 给予最高100万元平台资金支持
_SHARE_BEFORE: Final = re.compile(r"占[^，。；的\d]{0,6}$")  # 占全区8%的国土面积: the noun after names it
_PER_EACH: Final = re.compile(
    r"(?:(?:单个|每个|每|单)(?:家|户|个|所)?(?:企业|项目|单位|主体|机构|家|户|人|年|项)?)*(?:最高|最多|不超过)?")
_PER_EACH_STARTS: Final = frozenset("单每最不")  # tested first: most words cannot be one
_GIVEN_ENDINGS: Final = frozenset("励助贴补偿息金")  # the last characters of _GIVEN_BEFORE's words
_MILESTONE: Final = re.compile(r"大关|关口|台阶|门槛|规模|水平")  # 跨过2000亿元关口: no noun is counted
_AFTER_EDGE: Final = re.compile(r"^(?:不等的|的|[“”‘’\"'《》])+|[“”‘’\"'《》]+$")
_DURATIONS: Final = frozenset({"小时", "天", "个工作日"})  # 每天光照10小时: a duration, with 每天 its period
_FREQUENCY_UNITS: Final = frozenset({"次", "年", "个月", "个季度"})
_RESPECTIVELY: Final = re.compile(r"分别|依次")
_RESPECTIVE_VERB: Final = re.compile(r"(?:(?:比|较)[^，。；、]{1,12}?)?(?:增长|增加|下降|减少|提高|上升|加快|回落|提升|为|是|达到?)了?")  # 分别比上半年加快
# 游客人次首次突破千万大关，达到1012万人次: a clause that is only a verb of reaching before its number
# is said of the subject of the clause before, which cuts that subject off where its predicate begins
_TOTAL: Final = "总量"
_SENTENCE_OPENING: Final = re.compile(r"\s*(?:(?:此后|之后|随后|其后|自此|从此)[，,]?)?\s*")  # before a subject
_REACH_HEAD: Final = re.compile(
    r"(?:已经?|首次|再次|一举|累计|预计|有望|将)?(?:达到|达|突破|超过|超|逾|跨过|跨越|迈过|迈上|站上|实现|完成|增至|升至|降至"
    r"|(?:增加|增长|提高|提升|上升|扩大|下降|减少|回落|跃升|攀升)[到至])了?")
_TOPIC_PREDICATE: Final = re.compile(
    r"首次|再次|再创|创下|创历史|创新高|突破|翻番|翻一番|翻了一番|迈上|迈入|跨上|跨入|站上|登上|跃上|跃居|跃升"
    r"|位居|稳居|保持|稳步|持续|大幅|快速|较快|平稳|逆势|显著|明显|不断|进一步|继续|连续|有望|将|实现|达到|超过|一路"
    r"|增长(?!率|速度)|增加(?!值)|提升|提高|上升|攀升|扩大|最多|最大|最高|最快")
_RANK_HEAD: Final = re.compile(r"(?:综合)?(?:排名|排位|位列|位居|名列|居|列|排在)(?:全国|全省|全市|全区|全县)?")
_RANK_TOPIC_PREDICATE: Final = re.compile(r"在[^，。；]{1,12}?(?:中|内)|仅次于|" + _TOPIC_PREDICATE.pattern)
_SUPERLATIVE: Final = re.compile(r"最(?:多|大|高|快)")  # 现代服务业项目最多: a set counted by the clause after
_MEASURE_HEAD: Final = re.compile(  # how the name of a measured quantity ends: 地区生产总值, 游客人次, 税收收入
    r"(?:值|额|量|率|数|收入|支出|人次|人口|投资|规模|面积|利润|税收|价格|里程|产能|客流|比重)$")
# A subject that grows is a quantity whatever its name: 新增市场主体持续增长，达到1.2万户
_GROWTH_PREDICATE: Final = re.compile(
    r"(?:持续|稳步|快速|较快|大幅|明显|显著|不断|进一步|继续|逆势)?(?:增长|增加|提升|提高|上升|攀升|扩大)")
_ARABIC_RUN: Final = re.compile(r"[0-9０-９]+")
_SCOPE_NOTE: Final = re.compile(r"[（(][^（）()，。；]{0,30}?(?:口径|以上|以下|标准)[）)]")  # （500万元口径）: no value
_LIST_ITEM: Final = re.compile(r"[^、和及与]+")
_PERIOD_NUMBER: Final = r"(?:[一二三四]|1?[0-9])"  # a quarter or a month
_PERIOD_ITEMS: Final = re.compile(rf"(?:{_PERIOD_NUMBER}[、和])+")  # 二、三季度; 7、8月
_PERIOD_ITEM_STARTS: Final = "一二三四0123456789"  # a string: a test of one character, no hashing
_PERIOD_WORD: Final = re.compile(rf"{_PERIOD_NUMBER}(?P<word>季度|月份?)")

# --- statements of intent: numbers after these in the same sentence are targets
_INTENT: Final = re.compile(
    # every alternative starts with a plain character: the engine then skips to where one can begin
    r"力争|确保|争取(?!到)|预期(?<![于及超合达]预期)|目标(?=是|为|：|:)|计划(?<!年度计划)(?!完成率|执行率)|拟"
    r"|到(?P<by>[0-9]{4})年(?:底|末)?|至(?P<until>[0-9]{4})年(?:底|末)?"  # 到2027年: a deadline
    rf"|年(?<=(?P<before>[0-9]{{4}})年){DEADLINE_AFTER_DATE}"  # 2027年前: a deadline, its year before the match
    r"|将(?=[^，。；]{0,3}(?:新增|建成|达到|实现|完成|突破|超过|累计|新建|打造|培育|引进|提升|提高|增加|增长|降低"
    r"|下降|减少|控制|形成|建设|改造|推动|保持))"
    r"|今年(?:还|也|都|仍)?将|明年(?:还|也|都|仍)?将|年内(?:还|也|都|仍)?将|下一步(?:还|也|都|仍)?将"
    r"|未来(?:还|也|都|仍)?将"  # 将 right after a time word is the future tense
    # an expectation (see _EXPECTATIONS): 预计每年可接待…, 建成后可实现…; whether it looks ahead is read from its dates
    r"|预计|有望|可望|建成后|投产后|达产后|投用后|运营后|完工后|竣工后|落成后|落地后|开业后|满产后|达效后")
_EXPECTATIONS: Final = frozenset(("预计", "有望", "可望"))  # and the words ending in 后
# a clause after a statement of intent that opens by reporting what is done (1—10月已完成…, 截至目前)
_DONE_CLAUSE: Final = re.compile(r"[，；,;][^，。；,;]{0,10}?(?:已经?(?:累计)?(?:完成|建成|实现|达到|开工|投产|签约|落地)|截[至止]目前)")
# what says a figure of a plan is already there: 目前, 已建成, 全市共有; not 比上年 (a basis)
_PAST_MARKER: Final = re.compile(
    r"已(?:经)?(?:累计)?(?:建成|建设|完成|达到|达|实现|形成|拥有|有|开通|培育|引进|突破|超过|落地|投产|集聚|入驻)"
    r"|目前|现有|共有|拥有|截至|截止|(?<![比较])(?:去年|上年)|过去|以来|近年")
# 由目前的3.5万元、1.8万元增至…: the start of a change (not 由于, 由此, 从而, 从严)
_BASELINE_BEFORE: Final = re.compile(
    r"[由从](?![于此而事严中来头])(?P<when>[^，。；、由从]{1,10}?的)?(?:[^，。；由从]*?[、和及与])?$")
_BASELINE_AFTER: Final = re.compile(
    r"(?:[、和及与][^，。；、]{1,12}?)*(?:增长|增加|提高|提升|上升|扩大|下降|减少|降低|压减|压缩|缩短|缩小|回落|跃升|攀升"
    r"|调整|增|升|降)(?:到|至|为)")
# 对年销售额5亿元以上的企业, 凡…的: a clause naming who qualifies; 按…的比例给予 names what is given
_CONDITION_OPENING: Final = re.compile(  # after an article or item number: 第二条 对…, 一、对…, （一）对…, 1.对…
    r"[\s　]*(?:(?:第[0-9一二三四五六七八九十百]+条|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]"
    r"|[0-9]+[.．、])[\s　]*)?(?:对于?(?![标接比照外])|凡是?|针对)")
_GIVING: Final = re.compile(rf"按|给予|予以|{AWARDS}|发放|安排|提供")
_CONDITION_CLOSE: Final = re.compile(r"的[，,]")  # 年销售额首次突破10亿元的，: the end of a condition
_CONDITION_BREAK: Final = re.compile(r"[。！？!?\n…；;]")  # a condition does not reach across these
_CONDITION_WIDTH: Final = 80  # the most characters between a number and the close of its condition
# 最高可达2000万元, 最高不超过5亿元; 租期最长3年 (最长 is no qualifier word of the quantity pattern: 长 ends
# 增长, before most numbers). Written to start with plain characters, for the engine to skip to.
_CAP_BEFORE: Final = re.compile(rf"(?:最高|最多|上限|最长|封顶)可?(?:{AWARDS}|给予|获得|支持|享受|达到|达)?了?$")
_CAPPED_LIST: Final = re.compile(rf"(?:最高|最多|不超过)(?:分别)?(?:不超过)?(?:{_YUAN}、)+$")  # 最高100万元、50万元
# 支持比例不超过投资额的20%, 按不超过研发费用50%的比例: the bound says of the number, the words between are its basis
_BOUND_BASIS: Final = re.compile(r"(?P<bound>不超过|不高于|不低于|不少于)(?:(?![达为是在到至增降提占])[^，。；、：:\d]){1,12}$")
_CAP_OR_RATE_CUE: Final = re.compile("[不最限每顶]")  # a character that a cap, a bound or a rate needs
_GIVING_VERBS: Final = ("给予", "予以", "提供", "发放")
_GIVING_VERB: Final = re.compile("(?:" + "|".join(_GIVING_VERBS) + ")$")
_AMONG_HAVING: Final = re.compile(r"(?:之中|当中|中)(?:已经?|共|还|仍|均)?(?:拥有|有)$")
_BATCH: Final = re.compile(  # or the noun closing a list: 建设甲水库、乙灌区等水利项目，共计30个
    r"(?:一批|一大批|一系列|若干|多个|多项|一些|(?<![高平同均对初中上下次特超优])等)(?P<noun>[^，,。；;：:、\s]{2,12})$")
_CAPTION_TARGET: Final = re.compile(r"(?:预期)?目标$")
_FROM_ON: Final = re.compile(r"度?(?:起|开始)")  # 自…下一年度起: where a policy starts to apply
_FROM_ON_STARTS: Final = frozenset("度起开")
_PER_WORDS: Final = "平方米|平米|立方米|千瓦时|千瓦|平方公里|公里|公斤|吨|亩|人次|人|户|头|只|株|年|月|天|日|小时|分钟|辆|台|件|斤|间夜"
_PER_BASE: Final = re.compile(rf"(?:每(?:{_PER_WORDS})){{1,2}}")  # 每吨1元, 每人每月补贴500元: a rate
_PER_BASE_BEFORE: Final = re.compile(_PER_BASE.pattern + "(?P<given>补贴|补助|奖励|奖补|资助)?$")
_PER_WORD: Final = re.compile(rf"每({_PER_WORDS})")
_RECIPIENTS: Final = frozenset({"户", "人", "年", "月"})  # 每户每年 before a cap: who gets it and how often
# 给予, 可申请最高, 给予每千瓦: what stands between a verb of giving and its amount when the thing given follows
_GIVING_LEAD: Final = re.compile(
    "(?:" + "|".join(_GIVING_VERBS) + rf"|申请|享受)(?:{_PER_BASE.pattern})?(?:最高|最多|不超过)?$")
_PER_ITEM_BEFORE: Final = re.compile(r"按每(?P<item>[项个家台套件座所批间])[^\d，。；、]{0,6}$")  # 按每项产品5万元: 元/项
_PER_ONE_BEFORE: Final = re.compile(r"每[^\d，。；、]{1,4}?[1一](?P<item>人次|人|名|户|家|个|吨|亩|辆|台|项)$")  # 每培训1人: 元/人
_PER_UNIT: Final = re.compile(  # 每增加1亿元奖励10万元, 每培育1家: the base of a rate, not a quantity
    r"每(?:新增|增加|增长|提高|提升|培育|引进|认定|新建|建成|完成|实现|达到|超过|多|减少|降低|下降)?$")
_SENTENCE_REACH: Final = re.compile(r"[^。！？!?\n…]*")  # matched forwards, or on the reversed text backwards
_PART_REACH: Final = re.compile(r"[^。！？!?\n…；;]*")
_CLAUSE_REACH: Final = re.compile(r"[^。！？!?\n…；;，：,:●■◆▲★]*")
_INTENT_HEADING: Final = re.compile(r"目标|预期|力争")  # 二、主要目标: what follows is targets
_SENTENCE_END: Final = re.compile(r"[。！？!?\n…]")
_SENTENCE_END_CHARS: Final = frozenset("。！？!?\n…")  # each also ends a clause
_CLAUSE_END: Final = re.compile(r"[。！？!?\n…；;，：,:●■◆▲★](?<![,:](?=[0-9]))")  # not the , of 1,100; a bullet starts an item
_TAIL_WIDTH: Final = 24  # the longest word group read backwards from a number (比上年同期 + 增长, 高于全国平均水平)
_STILL_AHEAD: Final = dt.timedelta(days=30)
_WHOLE_YEAR: Final = dt.timedelta(days=300)  # shorter periods get resolved to the wrong year too easily
_THIS_YEAR: Final = frozenset({"今年", "本年", "今年度", "本年度"})
_MOST_OF_YEAR_AHEAD: Final = dt.timedelta(days=180)  # 今年 sets targets in a document of the year's first half
_NEARLY_OVER: Final = dt.timedelta(days=90)  # 2024年度 in a notice of November 2024 is a year reported on
# what after 今年 names a part of the year: 今年“五一”假期, 今年春节期间, 今年国庆黄金周
_YEAR_PART_AFTER: Final = re.compile(
    r"[“\"‘「《]|[^，。；]{0,6}?(?:假期|期间|节日|节假日|春节|元旦|国庆|中秋|端午|清明|黄金周|旺季|淡季|汛期|暑期|寒假|暑假"
    r"|[春夏秋冬]季|季度|[0-9一二三四五六七八九十]月)")
_DONE_SO_FAR: Final = re.compile(_PAST_MARKER.pattern + r"|已|累计")  # 今年已累计服务…: the year so far
_SPAN_WORD: Final = re.compile(  # 全年, 五年来, 近三年间, 过去十年间; each alternative checks the character
    r"[全近过一二三四五六七八九十两](?:(?<=全)年"  # class it starts with, which lets the engine skip ahead
    r"|(?:(?<=过)去|(?<=近))[一二三四五六七八九十两]十?年(?:来|间|以来)|(?<=[一二三四五六七八九十两])十?年(?:来|间|以来))")
# Rarer span words, found with str.find (a character class in the pattern above would slow every text):
# 每年 (not 每年均), 这一年 and 那几年 (the year a paragraph tells of), 同期 opening a clause (not 比上年同期,
# a basis) and 年内 (not 五年内, a duration, nor 2025年内, a date)
_SPAN_LITERALS: Final = ("每年", "年内", "同期", "这", "那")  # 这 and 那 only before 一年, 几年, 两年
_SOME_YEARS: Final = frozenset({"一年", "几年", "两年"})
_NOT_BEFORE_WITHIN: Final = "0123456789〇零一二三四五六七八九十两今本当同去明前后全"
_HOLIDAY: Final = re.compile(  # 春节假期, 国庆中秋假期, “五一”小长假
    r"(?:[“\"]?(?:春节|元旦|清明节?|五一|端午节?|中秋节?|国庆节?|十一)[”\"]?)+(?:小长假|长假|假期|黄金周)")
_CLAUSE_STARTS: Final = " \n\u3000，。；：,;:"  # what stands before a span word that opens a clause
_SCOPE_WORD: Final = re.compile(r"[全我本][省市县区镇乡州盟旗]")  # 全县全年: the scope of a time, not words between
_BEYOND_FIGURE: Final = re.compile(r"[，,；;。至到为]")  # 由2017年末的14.7%提升至…: past the figure the date is of
_SEMICOLON: Final = re.compile(r"[；;。]")
_PLANNED: Final = "目标"  # 高出年初目标: the time of a goal compared with, not of the figure
# the marks of _find_time_marks: no period at all, 由…的 (the start of a change), …目标, 其中…
_NO_PERIOD: Final = 1
_CHANGE_START: Final = 2
_GOAL: Final = 3
_PART: Final = 4
_FROM_THEN: Final = re.compile(r"(?:起|开始)[，,]")  # 2023年3月起，…: a starting point, not a period
_SUBHEADING: Final = re.compile(r"\s*(?:[（(][一二三四五六七八九十]+[)）]|[0-9]+[.．、]|[①-⑳])")
_BASE_HEADING: Final = re.compile(  # 一、发展基础, 二、现状与面临形势, 工作基础和存在问题
    r"\s*(?:[一二三四五六七八九十]+[、.．]\s*)?(?:发展|工作|产业|现实|总体|基本|已有)?(?:基础|现状|成效|概况|情况)"
    r"(?:[与和及、](?:面临的?|存在的?)?(?:形势|挑战|机遇|问题|不足))*\s*")
_QUALIFIED_END: Final = re.compile(r"的[^，。；、的\d\s]{1,6}$")  # …的企业, closing a clause: who qualifies
_CONDITION_HEADING: Final = re.compile(  # 二、申报条件, 支持对象和条件, 三、申请条件及要求
    r"\s*(?:[一二三四五六七八九十]+[、.．]\s*)?(?:[^，。；：\s]{1,6}?[和及与、])?(?:申报|申请|支持|认定|准入|基本|资格|享受)"
    r"条件(?:[和及与](?:要求|标准|程序|材料))?\s*")
_NAMED_YEAR: Final = re.compile(r"[0-9]{4}|[〇零一二三四五六七八九]{4}")
_START: Final = operator.attrgetter("start")
_HEADING_KINDS: Final = frozenset({"heading", "sidebar_label"})
_TITLE_KINDS: Final = frozenset({"title", "subtitle", "kicker", "byline", "caption"})


class _Mention:
    """A quantity or a rank found in a block, before its clause is read. (A plain class, not a
    dataclass: a compiled dataclass keeps its generated __init__ interpreted, six times slower.)"""

    def __init__(self, start: int, end: int, number_start: int, number_end: int, value: Decimal, unit: str,
                 value_max: Decimal | None = None, qualifier: str | None = None, rank_basis: str | None = None,
                 is_rank: bool = False, bare: bool = False, multiplier: Decimal = Decimal(1),
                 bound: bool = False):
        self.start = start  # the whole phrase, qualifier words included (for ranks, the ranking verb or scope)
        self.end = end
        self.number_start = number_start
        self.number_end = number_end  # end of the numeral and its scale word: the number_text
        self.value = value
        self.unit = unit
        self.value_max = value_max
        self.qualifier = qualifier
        self.rank_basis = rank_basis  # for ranks: the scope (全国, 全市 ...)
        self.is_rank = is_rank
        self.bare = bare  # a numeral waiting for a unit from the list it stands in
        self.multiplier = multiplier  # of its scale word, lent to bare numerals with the unit
        self.bound = bound  # said with 超过/以上/不足…: before a noun it names a class (超十亿元的行业)


class _Reading:
    """What the clause says about one mention (a plain class for the reason _Mention is)."""

    def __init__(self, indicator: str, indicator_span: tuple[int, int] | None, kind: str, negative: bool,
                 basis: str | None, evidence_start: int, evidence_end: int, own: bool, continued: bool = False,
                 suffix: str = "", base: str = "", place: str | None = None, topic: bool = False,
                 period: str | None = None, alone: bool = False):
        self.indicator = indicator
        self.indicator_span = indicator_span
        self.kind = kind
        self.negative = negative
        self.basis = basis
        self.evidence_start = evidence_start
        self.evidence_end = evidence_end
        self.own = own  # the indicator comes from this mention's own words, not from the clause before
        self.continued = continued  # the next item of a list: 0.2、1.3和2.4个百分点
        self.suffix = suffix  # 增速, 占GDP的: words said of the indicator of the clause before
        self.base = base  # the indicator without its suffix
        self.place = place  # 甲区、乙区分别为…: each value's own place
        self.topic = topic  # said of the subject of a clause before that has no number (…翻番，达到2000亿元)
        self.period = period  # 二、三季度分别增长…: each value's own period
        self.alone = alone  # own words (a place, 增速) that stand for a subject carried from before, if any

    def said_of(self, name: str, span: tuple[int, int] | None) -> _Reading:
        """The same reading, of another indicator: one item of a list the value is said of."""
        return _Reading(name, span, self.kind, self.negative, self.basis, self.evidence_start, self.evidence_end,
                        self.own, self.continued, self.suffix, name, self.place, self.topic, self.period)


def find_facts(doc: Document) -> Document:
    """Fill ``doc.facts`` from every block that is not a table."""
    reader = _Reader(doc)
    facts: list[Fact] = []
    intent_carried = False
    for block in doc.blocks:
        if block.kind == "table" or block.rows is not None:
            continue
        facts.extend(reader.block_facts(block, intent_carried))
        intent_carried = reader.carries_intent(block, intent_carried)
    doc.facts = facts
    return doc


class _Reader:
    """Reads one Document's blocks; holds what every block needs (dates, places, the document's year)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.reverse = doc.text[::-1]  # where words ending at a position are matched in one step
        self.size = len(doc.text)
        self.dates = sorted(doc.dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]
        self.date_ends = [d.end for d in self.dates]  # read per fact: a DateMention's attributes cost a lookup
        self.date_at = {d.start: d.end for d in self.dates}
        self.date_end = {d.end: d.start for d in self.dates}
        places = [e for e in doc.entities if e.type == "place"]
        self.places = sorted(places, key=lambda e: e.start)
        self.place_starts = [e.start for e in self.places]
        self.place_ends = [e.end for e in self.places]
        self.doc_place = doc.meta.place
        self.place_at = {e.start: e.end for e in self.places}
        try:
            self.today = dt.date.fromisoformat(doc.meta.date) if doc.meta.date else None
        except ValueError:
            self.today = None
        self.year = self.today.year if self.today else None
        self.has_multiples = "倍" in self.text  # 是1978年的N倍: a base year; rare, so tested once here
        # Worked out once here: a compiled class keeps no cache of its own (functools.cached_property
        # would compute them again for every fact).
        self.span_words = self._find_span_words()
        self.eligibility_starts = frozenset(d.start for d in self.dates if self._starts_eligibility(d.start, d.end))
        self.section_dates = self._find_section_dates()
        self.planning = planning = doc.meta.genre in PLANNING_GENRES
        # a plan's 一、发展基础 states where things stand: only a statement of intent makes a target there;
        # a notice's 二、申报条件 says who may apply: its figures are no quantities at all
        self.base_blocks = self._blocks_under(_BASE_HEADING) if planning else frozenset()
        self.condition_blocks = self._blocks_under(_CONDITION_HEADING) if planning else frozenset()
        self.table_dates = self._find_table_dates()
        self.time_marks = self._find_time_marks()
        self.section_ahead = [date is not None and doc.meta.genre != "bulletin" and self._is_ahead(date)
                              for date in self.section_dates[1]]
        self.any_section_ahead = any(self.section_ahead)
        self.condition_closes = [m.start() for m in _CONDITION_CLOSE.finditer(self.text)] if planning else []

    # --- blocks
    def carries_intent(self, block: Block, carried: bool) -> bool:
        """A heading or a lead-in ending in a colon that states intent makes the next blocks targets."""
        if block.kind in _TITLE_KINDS:
            return False
        text = self.text[block.start:block.end].strip()
        lead_in = block.kind in _HEADING_KINDS or text.endswith(("：", ":")) or (
            len(text) <= 30 and not _SENTENCE_END.search(text))
        if not lead_in:
            return carried
        return bool(_INTENT_HEADING.search(text)) or any(self._is_intent(m) for m in _INTENT.finditer(text))

    def block_facts(self, block: Block, intent_carried: bool) -> list[Fact]:
        start, end = block.start, block.end
        if start in self.condition_blocks:
            return []
        mentions = self._mentions(start, end)
        if self.planning and block.kind == "title":  # 人才新政30条, 十二条政策: the articles of the title's policy
            mentions = [m for m in mentions if m.unit != "条"]
        if not mentions:
            return []
        clause_ends = [m.start() for m in _CLAUSE_END.finditer(self.text, start, end)]
        sentence_ends = [at for at in clause_ends if self.text[at] in _SENTENCE_END_CHARS]  # no second scan
        intents = [] if intent_carried else self._intent_starts(start, end)
        facts: list[Fact] = []
        totals = self.text.find(_TOTAL, start, end) >= 0  # 此后，总量…: may refer back
        by_clause: dict[tuple[int, int], list[_Mention]] = {}
        for mention in mentions:
            by_clause.setdefault(_around(clause_ends, mention.number_start, start, end), []).append(mention)
        group: list[tuple[str, tuple[int, int] | None]] = []  # the indicators of the last clause with its own
        said: list[tuple[str, tuple[int, int] | None]] = []  # every indicator of the sentence so far, in order
        sentence = (-1, -1)
        previous_facts: list[Fact] = []  # the facts of the clause before in the sentence
        for clause, clause_mentions in sorted(by_clause.items()):
            clause_sentence = _around(sentence_ends, clause[0], start, end)
            if clause_sentence != sentence:
                sentence, group, said, previous_facts = clause_sentence, [], [], []
            readings = self._read_clause(clause, clause_mentions, group, said)
            # A subject taken from a clause without a number is said on by the clauses after: …，达到a，增长b
            own = [(r.base or r.indicator, None if r.suffix else r.indicator_span)
                   for r in readings if r and (r.own or r.topic)]
            if own:
                group = own
                for o in own:
                    if not said or said[-1][0] != o[0]:
                        said.append(o)
            clause_facts = []
            for mention, reading in zip(clause_mentions, readings):
                if reading is not None:
                    intent = intent_carried or bool(intents) and _intent_before(intents, sentence[0], mention.start,
                                                                                    self.text)
                    clause_facts.append(self._fact(mention, reading, intent, sentence, start))
            if previous_facts and len(clause_facts) == 1 and clause_mentions[0].is_rank and readings[0] \
                    and not readings[0].own:
                _rank_of_rate(clause_facts[0], previous_facts[-1])
            if previous_facts and len(clause_facts) == 1 and readings[0] and \
                    (not readings[0].own or clause_facts[0].indicator in _SHARE_ALONE):
                _change_of_share(clause_facts[0], previous_facts[-1])
            if previous_facts and len(clause_facts) == 1 and self._reaches_only(clause[0], clause_mentions[0]):
                passed = {id(f) for f in previous_facts if _passed_on_the_way(f, clause_facts[0])}
                facts = [f for f in facts if id(f) not in passed]
            for fact in clause_facts if totals else ():
                if fact.indicator == _TOTAL:
                    self._refer_back(fact, facts, sentence[0])
            facts += clause_facts
            previous_facts = clause_facts
        return facts

    def _refer_back(self, fact: Fact, facts: list[Fact], sentence_start: int) -> None:
        """…生产总值刚过1亿元。此后，总量一路攀升：…: 总量 opening a sentence is the total named in the
        sentence before (in 经济总量, or 总量 after its quantity in one sentence, it names itself)."""
        if fact.indicator_start is None or \
                not _SENTENCE_OPENING.fullmatch(self.text, sentence_start, fact.indicator_start):
            return
        for before in reversed(facts):
            if before.start < sentence_start and before.unit == fact.unit and before.kind == "level" \
                    and before.indicator_start is not None:
                fact.indicator = before.indicator
                fact.indicator_start, fact.indicator_end = before.indicator_start, before.indicator_end
                return

    def _intent_starts(self, start: int, end: int) -> list[int]:
        """Where the statements of intent between ``start`` and ``end`` begin; deadlines now past are not."""
        return sorted(m.start() - 4 if m.group("before") else m.start()
                      for m in _INTENT.finditer(self.text, start, end) if self._is_intent(m, (start, end)))

    def _is_intent(self, match: re.Match, block: tuple[int, int] | None = None) -> bool:
        """``block``: the bounds of the block ``match`` is in; without them an expectation is not read."""
        word = match.group()
        if word in _EXPECTATIONS or word.endswith("后"):
            return block is not None and self._looks_ahead(match, block)
        by, until, before = match.group("by", "until", "before")
        year = by or until or before
        return not (year and self.year and int(year) < self.year)

    def _looks_ahead(self, match: re.Match, block: tuple[int, int]) -> bool:
        """建成后预计每年可接待…: an expectation is a target, unless it estimates a period already over:
        去年…预计达到361亿元, a bulletin's 预计, a work report's review of its year (预计全年增长6%)."""
        genre = self.doc.meta.genre
        if genre == "bulletin":
            return False
        at = match.start()
        # the sentence up to a semicolon: 截至5月26日…；预计6月底前还将… parts what is done from what is expected
        sentence = (self._reach(at, block[0], backwards=True, part=True), self._reach(at, block[1], part=True))
        i = bisect.bisect_left(self.date_starts, sentence[0])
        dates = []
        while i < len(self.dates) and self.dates[i].start < sentence[1]:
            if not self._is_basis(self.dates[i]):
                dates.append(self.dates[i])
            i += 1
        # its own dates say when; 建成后 looks ahead whatever date the sentences before name
        governing = None if dates or match.group().endswith("后") else self._governing_date(at, sentence, block[0])
        if governing:
            dates.append(governing)
        if any(self._has_passed(date) for date in dates):
            return False
        return bool(dates) or genre != "work_report" or match.group().endswith("后")

    def _has_passed(self, date: DateMention) -> bool:
        """Whether ``date`` was over when the document was written: 去年, 上半年 in July, 近年来."""
        return self.today is not None and date.finish is not None and \
            dt.date.fromisoformat(date.finish) <= self.today

    def _reach(self, at: int, bound: int, *, backwards: bool = False, clause: bool = False, part: bool = False) -> int:
        """Where the sentence (or clause, or ``part`` up to a semicolon) holding ``at`` starts (``backwards``)
        or ends, within ``bound``."""
        # each always matches, if only the empty string
        pattern = _CLAUSE_REACH if clause else _PART_REACH if part else _SENTENCE_REACH
        if backwards:
            reverse_at = self.size - at  # the reversed text read from the character before ``at``
            reach = pattern.match(self.reverse, reverse_at, self.size - bound)
            return at - (reach.end() - reverse_at) if reach else at
        reach = pattern.match(self.text, at, bound)
        return reach.end() if reach else at

    # --- finding numbers
    def _mentions(self, start: int, end: int) -> list[_Mention]:
        text = self.text
        quantities = self._quantities(start, end)
        _lend_units(quantities, text)
        # a bare numeral that no list gave a unit stays only with a scale word: 常住人口23.98万; not in a
        # quoted name (“三个五百亿”)
        mentions = [q for q in quantities if not q.bare or q.multiplier != 1 and not text.startswith("”", q.end)]
        if text.find("（", start, end) >= 0 or text.find("(", start, end) >= 0:
            notes = [note.span() for note in _SCOPE_NOTE.finditer(text, start, end)]
            mentions = [q for q in mentions if not any(s < q.start and q.end < e for s, e in notes)]
        ranks = [r for m in _RANK_ANCHOR.finditer(text, start, end) for r in self._ranks(m, start)]
        if ranks:
            taken = [(r.start, r.end) for r in ranks]
            mentions = ranks + [q for q in mentions if not any(s < q.end and q.start < e for s, e in taken)]
        return sorted(mentions, key=_START)

    def _quantities(self, start: int, end: int) -> list[_Mention]:
        """What the quantity pattern reads, tried only where a numeral is followed by something that can
        continue it, which spares the full pattern nine characters in ten."""
        text = self.text
        quantities: list[_Mention] = []
        resume = start
        for run in _NUMERAL_RUN.finditer(text, start, end):
            at, after = run.span()
            if at < resume or text.startswith("年", after) and not self._counts_years(at, after + 1):
                continue  # 2024年: a date, the commonest numeral of all
            if text[at - 1:at] in _QUANTITY_LEADS:
                at = self._words_before(at, start)
            match = _QUANTITY.match(text, at, end)
            if match:
                resume = match.end()
                quantities += self._quantity(match)
        scale_at = text.find("万亿", start, end)  # 突破万亿元: a scale word alone starts no run of numerals
        while scale_at >= 0:
            match = None if text[scale_at - 1:scale_at] in _NUMERAL_CHARS or \
                any(q.start <= scale_at < q.end for q in quantities) else \
                _QUANTITY.match(text, self._words_before(scale_at, start), end)
            if match:
                quantities = sorted(quantities + self._quantity(match), key=_START)
            scale_at = text.find("万亿", scale_at + 2, end)
        return quantities

    def _words_before(self, at: int, start: int) -> int:
        """Where a quantity whose numeral starts at ``at`` starts: with its sign and a qualifier word before."""
        text = self.text
        before = text[at - 1:at]
        if before in _NEGATIVE_SIGNS:
            at -= 1
            before = text[at - 1:at]
        particle = int(before == "了")  # 突破了1000亿元: a word before its number with the aspect particle
        words = _PRE_WORDS_BY_ENDING.get(text[at - 1 - particle:at - particle])
        if words:
            for word in words:  # a loop, not a generator: 为, 于 and 到 stand before many numbers
                word_start = at - particle - len(word)
                if text.endswith(word, start, at - particle) and not _inside_word(text, word_start, word):
                    return word_start
        return at

    def _quantity(self, m: re.Match) -> list[_Mention]:
        """The quantity a match states: none, one, or two when what looked like a range is not one."""
        text = self.text
        start, end = m.span()
        pre, neg, pct, num, more, scale, more2, unit1, num2, unit2, post = m.group(
            "pre", "neg", "pct", "num", "more", "scale", "more2", "unit1", "num2", "unit2", "post")
        unit_text = unit2 or unit1
        before = text[start - 1] if start else ""
        if before.isascii() and (before.isalnum() or before == "."):
            return []  # 5G, PM2.5, G20
        if not unit_text and end < len(text) and text[end].isascii() and text[end].isalpha():
            return []  # 4A级; but 32家A级景区 counts
        if unit_text and text.startswith("级", end) and unit_text not in _CLASSIFIERS:
            return []  # 百万千瓦级机组, 10万吨级泊位: a class of size, not an amount
        if pct:
            return self._percent_words(m)
        number_start = m.start("num") if pre or neg else start
        chinese = num[0] not in _ARABIC_DIGITS
        preceding = text[number_start - 1:number_start]
        if preceding in ("第", "届") and not text.endswith("连续第", max(0, number_start - 3), number_start) \
                or chinese and preceding in "周星" or num == "万亿" and not pre and preceding in "数几上成":
            return []  # 第三条, 第3名, 十三届七次全会 (but 连续第七年 counts years); 数万亿元 says no amount
        if unit_text and (chinese or unit_text in _ARABIC_CHECKED_UNITS) \
                and not self._unit_fits(m, num, unit_text, chinese, number_start):
            return []
        scale = scale.strip() if scale else ""
        number_end = m.end("scale") if scale else m.end("more") if more else number_start + len(num)
        try:
            if num2:
                scale2 = (m.group("scale2") or "").strip()
                value_max = parse_number(num2 + scale2)
                value = parse_number(num + (scale or scale2))  # 3至5万人: both ends in 万
                number_end = m.end("end2")
                if value >= value_max or unit1 and _UNITS.get(unit1, unit1) != _UNITS.get(unit2, unit2):
                    return self._two_quantities(m)  # 提高1.2个百分点至56.8%, 下降23.4%至1.1亿元
            else:
                value, value_max = parse_number(num + scale if num != "万亿" else "一万亿" + scale), None
        except ValueError:
            return []
        word = pre or post or ""  # 6800多万, 100余家: over
        qualifier = None if value_max is not None else _QUALIFIERS.get(word) or ("over" if more or more2 else None)
        mention = _Mention(start, end, m.start("neg") if neg else number_start, number_end, -value if neg else value,
                           _unit_name(unit_text) if unit_text else "", value_max, qualifier,
                           bound=word in _BOUND_WORDS)
        if scale:
            mention.multiplier, filler = _scale_word(scale)
            if filler and filler >= mention.multiplier:
                return []  # 3万4000 fills the 万; 3万20000 is two numbers run together
        if not unit_text:
            mention.bare = True
            mention.start = number_start
            return [mention]
        if mention.unit in _TIME_UNITS or unit_text == "成":
            return self._counted_unit(mention, m, unit_text)
        return [mention]

    def _two_quantities(self, m: re.Match) -> list[_Mention]:
        first = _SINGLE_QUANTITY.match(self.text, m.start())
        second = _QUANTITY.match(self.text, m.start("num2"))
        return [q for match in (first, second) if match for q in self._quantity(match)]

    def _unit_fits(self, m: re.Match, numeral: str, unit_text: str, chinese: bool, number_start: int) -> bool:
        """Whether a numeral and the unit after it make a quantity, before any arithmetic is done."""
        text = self.text
        if chinese and len(numeral) == 1 and (numeral == "一" or unit_text not in _SINGLE_CHINESE_UNITS) \
                and not (unit_text == "位" and _PLACES_MOVED.search(text, max(0, number_start - 3), number_start)) \
                and not (numeral != "一" and unit_text in _CLASSIFIERS and self._counted_by_verb(number_start)) \
                and not (unit_text in _CLASSIFIERS and self._counted_after_noun(number_start, m.end())) \
                and not (unit_text == "成" and (m.group("pre") or m.group("post"))) \
                and numeral not in "百千":  # 超一成, 一成以上; 超千人, 近百家 (only after such a word)
            return False  # 一个, 两厂, 三个方面: too common as words to be quantities; but 建成三座, 等七项
        if unit_text == "度" and not chinese:
            return False  # 3度: degrees, not times
        if unit_text == "次" and _MEETING.match(text, m.end()):
            return False  # 七次全会
        if unit_text in _TIME_UNITS:
            return self._counts_years(number_start, m.end())
        return True

    def _counted_by_verb(self, number_start: int) -> bool:
        """完成三条示范街区, 捧回四块招牌, 等七项指标: a verb or a list's 等 before a Chinese numeral makes it a count;
        not before a slogan or an aspect (实施三个一批, 有三个方面)."""
        if _NOT_COUNTED.match(self.text, number_start + 2):
            return False
        if self.text[number_start - 1:number_start] == "等":
            return True
        verb = _TRANSITIVE_TAIL.match(self.reverse, self.size - number_start, self.size - max(0, number_start - 8))
        return verb is not None and self.text[number_start - 1] not in "一两几数每首"

    def _counted_after_noun(self, number_start: int, end: int) -> bool:
        """新增示范村一个、景区两个: a count closing its list item after the noun, in a clause a verb opens."""
        text = self.text
        if end < self.size and text[end] not in _STOP_CHARS or not number_start \
                or text[number_start - 1] in _NOT_BEFORE_COUNT:
            return False  # 三个一批: a slogan
        clause_start = self._reach(number_start, max(0, number_start - 24), backwards=True, clause=True)
        return _COUNTING_VERB.search(text, clause_start, number_start) is not None

    def _counts_years(self, start: int, end: int) -> bool:
        """连续四年, 百年一遇 and 期限不超过五年 count years; 2025年 and 五年规划 do not (``end``: after the 年)."""
        return self.text.startswith("一遇", end) or "连续" in self.text[max(0, start - 4):start] \
            or self.text[start - 1:start] in _DURATION_BOUND_ENDINGS \
            and _DURATION_BOUND.search(self.text, max(0, start - 4), start) is not None

    def _counted_unit(self, mention: _Mention, m: re.Match, unit_text: str) -> list[_Mention]:
        """连续四年 (not 连续2024年), 百年一遇; 两成 is 20 %."""
        if mention.unit in _TIME_UNITS:
            if mention.value_max is None and _looks_like_year(m.group("num"), mention.value):
                return []  # 连续2024年: a date after all
            if self.text.startswith("一遇", m.end()):
                mention.end = m.end() + 2
        if unit_text == "成":
            mention.value = tidy(mention.value * 10)
            if mention.value_max is not None:
                mention.value_max = tidy(mention.value_max * 10)
        return [mention]

    def _percent_words(self, m: re.Match) -> list[_Mention]:
        try:
            value = parse_percent(m.group("pct") + m.group("pnum"))
        except ValueError:
            return []
        qualifier = _QUALIFIERS.get(m.group("pre") or m.group("post") or "")
        return [_Mention(m.start(), m.end(), m.start("pct"), m.end("pnum"), value, "%", None, qualifier)]

    def _rank_subject(self, item_start: int, lead: int) -> tuple[int, int]:
        """What a rank is of: the words before it without a scope phrase (在吉林省排名第二: the clause
        before names it); a place alone ranks in the list named just before (在…榜单中，X县位列第86位)."""
        text = self.text
        s, e = self._own_words(*self._trim(item_start, lead))
        duration = _DURATION_TAIL.search(text, s, e)
        if duration:  # a duration is no subject: what ranks is named before it, or in the clause before
            s, e = self._trim(s, duration.start()) if duration.start() > s else (s, s)
        scope = _SCOPE_PHRASE.search(text, s, e)
        if scope and (scope.group("among") or self.place_at.get(scope.start() + 1) == e
                      or _RANK_SCOPE.fullmatch(text, scope.start() + 1, e)):
            s, e = self._trim(s, scope.start()) if scope.start() > s else (s, s)
        listed = _RANKED_LIST.search(text, max(0, item_start - 60), item_start) \
            if text.endswith(("中，", "上，", "中,", "上,"), 0, item_start) else None
        if e > s and self.place_at.get(s) != e and not (listed and e - s <= 3):  # 五华: a place
            return s, e
        if not listed:
            return s, e
        list_start, list_end = self._trim(listed.start("list"), listed.end("list"))
        tail = _LIST_TAIL.search(text, list_start, list_end)
        list_start, list_end = self._trim(list_start, tail.start()) if tail else (list_start, list_end)
        return (list_start, list_end) if list_end - list_start >= 2 else (s, e)

    def _ranks(self, m: re.Match, block_start: int) -> list[_Mention]:
        """One rank, or several for 依次位列第二、三、四位: the later ones are read like list items."""
        first = self._rank(m, block_start)
        if not first or not m.group("more"):
            return [first] if first else []
        ranks = [first]
        first.number_end = m.end("n")
        for item in _RANK_ITEM.finditer(self.text, m.start("more"), m.end("more")):
            value = parse_number(item.group(1))
            ranks[-1].end = item.start() + (self.text[item.start()] in "位名")  # 第四位和第二位: up to 和
            start = item.start(1) - (self.text[item.start(1) - 1] == "第")
            ranks.append(_Mention(start, item.end(1), item.start(1), item.end(1), value, "名",
                                  rank_basis=first.rank_basis, is_rank=True))
        return ranks

    def _rank(self, m: re.Match, block_start: int) -> _Mention | None:
        window_start = max(block_start, m.start() - 16)
        window = self.text[window_start:m.start()]
        verb = _RANK_VERB.search(window)
        scope_match = _RANK_SCOPE.search(window)
        among = _AMONG.match(verb.group("scope")) if verb and verb.group("verb") in ("排名", "排位") else None
        if verb and among:  # 综合排名在90家参评单位中列第十六位: 排名 names the measure, 列 ranks it
            lead = window_start + verb.end("verb")
            scope = among.group("among")
        elif verb:
            lead = window_start + verb.start()
            scope = verb.group("scope").strip("在的") or None
            among_before = _AMONG_BEFORE.search(self.text, max(block_start, lead - 20), lead)
            if among_before:  # 指数在120个参评城区中列第九位: the phrase is the rank's scope
                lead, scope = among_before.start(), among_before.group("among")
        elif scope_match:
            lead = window_start + scope_match.start()
            scope = scope_match.group("scope")
        elif m.group(0) == "居首":
            lead, scope = m.start(), None
        else:
            return None
        ordinal = m.group("n") or m.group("top")
        try:
            value = parse_number(ordinal) if ordinal else Decimal(1)
        except ValueError:
            return None
        qualifier = "under" if m.group("top") else None
        return _Mention(lead, m.end(), m.start(), m.end(), value, "名", qualifier=qualifier,
                        rank_basis=scope, is_rank=True)

    # --- reading a clause
    def _read_clause(self, clause: tuple[int, int], mentions: list[_Mention],
                     group: list[tuple[str, tuple[int, int] | None]],
                     said: list[tuple[str, tuple[int, int] | None]]) -> list[_Reading | None]:
        clause_start, clause_end = clause
        readings: list[_Reading | None] = []
        consumed = rank_consumed = clause_start  # where the next quantity's (rank's) own words may begin
        shared = self._shared_list(clause_start, mentions)
        # 分别增长a、b和c after X、Y和Z分别为…: the values take the clause before's indicators in order;
        # after 接待游客…，实现旅游收入…，分别增长a和b they take the sentence's last ones
        mapped = False
        if len(mentions) > 1:
            ranks_only = all(m.is_rank for m in mentions)  # 增速分别居全省第3位和第1位: a rank for each
            count = len(mentions) if ranks_only else sum(1 for m in mentions if not m.is_rank)
            if 1 < count != len(group) and count <= len(said) and \
                    self._respectively_alone(clause_start, mentions[0].start, ranks_only):
                group = said[-count:]
            mapped = 1 < len(group) == count
        carried = 0
        for i, mention in enumerate(mentions):
            previous = readings[-1] if readings else None
            if previous is not None and mention.is_rank and mentions[i - 1].unit in _FREQUENCY_UNITS:
                previous = readings[-2] if len(readings) > 1 else None  # 连续5年位居第一: not a rank of the years
            item_start = rank_consumed if mention.is_rank else consumed
            item_end = mentions[i + 1].start if i + 1 < len(mentions) else clause_end
            if mention.unit in _FREQUENCY_UNITS:
                item_end = clause_end
            reading = self._read(mention, item_start, max(item_end, mention.end), previous)
            if i == 0 and reading and reading.own and reading.indicator:
                mapped = False  # …，三次产业的比重依次为a、b和c: the list names its own subject
            if reading and shared:
                name, span, reading.place = shared[min(i, len(shared) - 1)]
                if name:
                    reading.base, reading.indicator = name, name + reading.suffix
                    reading.indicator_span, reading.own = (None if reading.suffix else span), True
            if reading and not reading.indicator:
                taken = self._take_subject(reading, previous, group[min(carried, len(group) - 1)] if mapped
                                           else None, group, clause_start, mention)
                if taken is not None and taken.alone:
                    reading = _carried_for_alone(taken, mention.unit)
                else:
                    reading = taken or (_standing_alone(reading, self.text) if reading.alone else None)
                carried += mapped
            readings.append(reading)
            if mention.is_rank:
                rank_consumed = mention.end
            if reading:  # a number that states nothing (超十亿元的行业) leaves its words to the next one
                counted_after = mention.unit not in _FREQUENCY_UNITS  # 连续五年稳定在10亿斤: 10亿斤 is its own
                consumed = max(consumed, mention.end, reading.evidence_end if counted_after else 0)
        if len(shared) > len(mentions) == 1 and readings[0] and readings[0].own:  # X和Y分别达到5个以上
            mentions[:] = mentions * len(shared)
            return [readings[0].said_of(name or "", span) for name, span, _ in shared]
        first = readings[0] if readings else None  # 二、三季度均增长…: a carried indicator, listed periods
        if first is not None and not first.own and self.text[clause_start:clause_start + 1] in _PERIOD_ITEM_STARTS:
            periods = self._listed_periods(clause_start)
            if periods:
                return self._each_period(periods, mentions, readings)
        if self.text.find("均", clause_start, clause_end) >= 0:
            return self._each_item(mentions, readings, said)
        return readings

    def _listed_periods(self, clause_start: int) -> list[str]:
        """二、三季度 (or 7、8月) opening a clause: the periods it lists, each with its own word."""
        items = _PERIOD_ITEMS.match(self.text, clause_start)
        date_end = self.date_at.get(items.end(), -1) if items else -1
        last = _PERIOD_WORD.fullmatch(self.text, items.end(), date_end) if items and date_end > 0 else None
        if not items or not last:
            return []
        return [item + last.group("word") for item in _LIST_ITEM.findall(items.group())] + [last.group()]

    def _each_period(self, periods: list[str], mentions: list[_Mention],
                     readings: list[_Reading | None]) -> list[_Reading | None]:
        """二、三季度均增长0.8%: a value said of each listed period is one fact per period; 分别增长a和b,
        one value per period in order."""
        values = [r for m, r in zip(mentions, readings) if r and not m.is_rank]
        each_from = values[0].evidence_start - 2 if values else 0  # 均 may stand just before the evidence
        if len(values) == 1 and len(mentions) == 1 and _EACH.search(self.text, each_from, mentions[0].number_start):
            mentions[:] = mentions * len(periods)
            readings = [values[0].said_of(values[0].indicator, values[0].indicator_span) for _ in periods]
        elif len(values) != len(periods):
            return readings
        for reading, period in zip((r for r in readings if r), periods):
            reading.period = period
        return readings

    def _each_item(self, mentions: list[_Mention], readings: list[_Reading | None],
                   said: list[tuple[str, tuple[int, int] | None]]) -> list[_Reading | None]:
        """X和Y均为50%, 两项指标均列全市第一: a value said of every item of a list is one fact per item;
        ``mentions`` is given the mention once more for each further item, in step with the readings."""
        each_mention: list[_Mention] = []
        each_reading: list[_Reading | None] = []
        for mention, reading in zip(mentions, readings):
            items = self._items_of(reading, mention, said) if reading else []
            if reading is None or not items:
                each_mention.append(mention)
                each_reading.append(reading)
                continue
            for name, span in items:
                each_mention.append(mention)
                each_reading.append(reading.said_of(name, span))
        mentions[:] = each_mention
        return each_reading

    def _items_of(self, reading: _Reading, mention: _Mention,
                  said: list[tuple[str, tuple[int, int] | None]]) -> list[tuple[str, tuple[int, int] | None]]:
        """The items a value is said of with 均: those listed in its subject (项目个数和建筑面积在全市的占比:
        a scope after the last item is every item's), or the last ones named for 两项指标."""
        text, span = self.text, reading.indicator_span
        if not span or reading.suffix or not reading.own or not _EACH.search(text, span[1], mention.number_start):
            return []
        counted = _COUNTED_ITEMS.fullmatch(text, span[0], span[1])
        if counted:
            count = int(parse_number(counted.group("count")))
            return said[-count:] if 1 < count <= len(said) else []
        items = [(m.start(), m.end()) for m in _LIST_ITEM.finditer(text, span[0], span[1])]
        if len(items) < 2 or min(e - s for s, e in items) < 2:
            return []
        last_start, last_end = items[-1]
        scope_at = text.find("在", last_start + 2, last_end)
        if scope_at < 0:
            return [(text[s:e], (s, e)) for s, e in items]
        scope = text[scope_at:last_end]
        items[-1] = (last_start, scope_at)
        return [(text[s:e] + scope, None) for s, e in items]

    def _take_subject(self, reading: _Reading, previous: _Reading | None,
                      by_position: tuple[str, tuple[int, int] | None] | None,
                      group: list[tuple[str, tuple[int, int] | None]], clause_start: int,
                      mention: _Mention) -> _Reading | None:
        """A number without words of its own is said of what was named before it: the subject in the same
        position of a list, the item before it in its clause (由14.7%提升至26.9%), the clause before,
        a title closing the clause before, or the subject of a clause before without a number of its own
        (…首次突破千万大关，达到1012万人次). None when nothing was named."""
        suffix = reading.suffix
        source: tuple[str, tuple[int, int] | None] | None
        if by_position:
            source = by_position
        elif previous and previous.indicator:
            source = previous.base, (None if previous.suffix else previous.indicator_span)
            suffix = suffix or previous.suffix
        else:  # …，现代服务业项目最多，达到16个: a subject just named outranks the sentence's earlier ones
            source = self._topic_before(clause_start, mention.number_start, mention.is_rank)
            reading.topic = source is not None
            if source is None and mention.unit in _CLASSIFIERS:
                source = self._batch_before(clause_start)
            if source is None:
                source = group[-1] if group else self._named_before(clause_start)
        if source is None:
            return None
        suffix = suffix or (previous.suffix if previous and reading.continued else "")
        reading.base, reading.suffix, reading.indicator = source[0], suffix, source[0] + suffix
        reading.indicator_span = None if suffix else source[1]
        return reading

    def _reaches_only(self, clause_start: int, mention: _Mention) -> bool:
        """A clause that is only a verb of reaching and its number: …，达到108.6亿元."""
        return bool(_REACH_HEAD.fullmatch(self.text[clause_start:mention.number_start].strip(" \u3000")))

    def _respectively_alone(self, start: int, end: int, ranks: bool = False) -> bool:
        """A clause that is only 分别增长 (or 分别为, or 分别 before ranks): its values belong to subjects named
        before it."""
        respectively = _RESPECTIVELY.search(self.text, start, end)
        if not respectively or not (ranks and respectively.end() == end
                                    or _RESPECTIVE_VERB.fullmatch(self.text, respectively.end(), end)):
            return False
        words_start, words_end = self._trim(start, respectively.start())
        return words_start >= words_end or self._basis_end(words_start, words_end) == words_start \
            or _RATE_ALONE.fullmatch(self.text, words_start, words_end) is not None

    def _basis_end(self, start: int, end: int) -> int:
        """Where a closing basis (同比, 年均, 比上年) of the words between ``start`` and ``end`` begins."""
        tail = _CHANGE_TAIL.search(self.text, start, end)
        return tail.start() if tail and tail.group("basis") and not tail.group("verb") else end

    def _batch_before(self, clause_start: int) -> tuple[str, tuple[int, int]] | None:
        """启动一批城建重点工程，年内实施八十项: a count whose noun the clause before names as a batch
        (or as what a list is of: …等水利项目，共计30个)."""
        if clause_start < 2 or self.text[clause_start - 1] not in "，," or self.text.startswith("其中", clause_start):
            return None  # 其中5家为…: a part of the batch, named after
        batch = _BATCH.search(self.text, max(0, clause_start - 20), clause_start - 1)
        return (batch.group("noun"), batch.span("noun")) if batch else None

    def _named_before(self, clause_start: int) -> tuple[str, tuple[int, int]] | None:
        """《…政策意见》，共29条: a title or quoted name closing the clause before names the count."""
        close = clause_start - 2
        if close < 0 or self.text[close] not in "》”":
            return None
        open_at = self.text.rfind("《" if self.text[close] == "》" else "“", max(0, close - 40), close)
        if open_at < 0 or not 2 <= close - open_at - 1 <= 30:
            return None
        return self.text[open_at + 1:close], (open_at + 1, close)

    def _topic_before(self, clause_start: int, number_start: int,
                      rank: bool = False) -> tuple[str, tuple[int, int]] | None:
        """…翻番，达到2000亿元: when a clause is only a verb of reaching (or of ranking: …仅次于甲区，排名第二)
        and its number, the subject of the clause before in the same sentence, if that clause names a
        measured quantity (by its name or by saying it grows) and states no number."""
        text = self.text
        head_start = self.date_at.get(clause_start, clause_start)  # …稳步扩大，“十三五”末为3120亿元
        head = text[head_start:number_start].strip()
        if not ((_RANK_HEAD if rank else _REACH_HEAD).fullmatch(head) or head_start > clause_start and head == "为"):
            return None
        comma = clause_start - 1
        if comma < 1 or text[comma] not in "，,：:":  # 总量一路攀升：2005年跨过50亿元
            return None
        opening = max(text.rfind(c, max(0, comma - 40), comma) for c in "。！？!?\n…；;，：,:")
        if opening < 0 and comma > 40:
            return None  # too long to be one subject and its predicate
        words_start, words_end = self._trim(opening + 1, comma)
        if any(not self._in_date(m.start()) for m in _ARABIC_RUN.finditer(text, words_start, words_end)):
            return None  # a clause with a number of its own keeps its subject for it
        predicate = (_RANK_TOPIC_PREDICATE if rank else _TOPIC_PREDICATE).search(text, words_start + 2, words_end)
        if not predicate:
            return None
        subject_start, subject_end = self._trim(words_start, predicate.start())
        if subject_end - subject_start < 2 or not (_MEASURE_HEAD.search(text, subject_start, subject_end) or
                                                   _GROWTH_PREDICATE.fullmatch(text, predicate.start(), words_end)
                                                   or _SUPERLATIVE.fullmatch(text, predicate.start(), words_end)):
            return None
        return text[subject_start:subject_end], (subject_start, subject_end)

    def _in_date(self, at: int) -> bool:
        """Whether ``at`` falls inside a date expression: 于2027年前 states no quantity."""
        i = bisect.bisect_right(self.date_starts, at) - 1
        return i >= 0 and self.dates[i].end > at

    def _shared_list(self, clause_start: int, mentions: list[_Mention]
                     ) -> list[tuple[str | None, tuple[int, int] | None, str | None]]:
        """X、Y和Z分别为a、b、c: one (indicator, span, place) per value, in order; places named in the
        list (甲区、乙区分别为…) are the values' places, and the indicator comes from the clause before."""
        first = mentions[0]
        found = max(self.text.rfind("分别", clause_start, first.start), self.text.rfind("依次", clause_start, first.start))
        if found < 0:
            return []
        compared = _COMPARE_BY.search(self.text, clause_start, first.start)
        if compared and compared.start() < found:
            return []  # 比全国、全省分别高…: the list is of places compared with, the subject is named before
        base_start, base_end = self._trim(found + 2, first.start)
        base = self.text[base_start:base_end]
        if base and self.text.startswith(_GIVING_VERBS, found + 2) and not _GIVEN_ENDING.search(base):
            return []  # 分别给予运营方30万元、60万元奖励: to whom, not what; the award is named after the list
        # 产值年均分别增长: the basis 年均 is no part of a name
        names_start, names_end = self._trim(clause_start, self._basis_end(clause_start, found), places=False)
        names = [(mt.start(), mt.end()) for mt in _LIST_ITEM.finditer(self.text, names_start, names_end)]
        if len(names) > 1 and all(self.place_at.get(s) == e for s, e in names):
            place_of = {e.start: e.canonical or e.text for e in self.places}
            name, span = (base, (base_start, base_end)) if base else (None, None)
            return [(name, span, place_of[s]) for s, _ in names]
        if base and not (base.endswith(_RATE_WORDS) or _has_change_tail(base) or _COMPARE_TAIL.search(base)):
            return [(base, (base_start, base_end), None)]
        count = sum(1 for m in mentions if not m.is_rank)
        counted = self._counted_items(names_start, names_end, count or len(mentions))
        if counted:
            return counted
        if len(names) < 2:
            return []  # 增速分别高于…: one subject, read as usual
        if self.text.endswith(_RATE_WORDS, names_start, names_end) and \
                not any(self.text.endswith(_RATE_WORDS, s, e) for s, e in names[:-1]):
            return [(self.text[names_start:names_end], (names_start, names_end), None)]  # GDP和工业增幅: one rate word
        lengths = [e - s for s, e in names]
        if (len(names) == count or count == 1) and min(lengths) >= 2 and (min(lengths) * 2 >= max(lengths) or all(
                _MEASURE_HEAD.search(self.text, s, e) for s, e in names)):  # 落地率、开工率分别达到…
            return [(self.text[s:e], (s, e), None) for s, e in names]
        return [(self.text[names_start:names_end], (names_start, names_end), None)]

    def _counted_items(self, start: int, end: int, count: int
                       ) -> list[tuple[str | None, tuple[int, int] | None, str | None]]:
        """A、B、C三大产业的规模分别…: the items of a list that its own count closes, if there are ``count``."""
        tail = _COUNT_TAIL.search(self.text, start, end)
        if not tail or count < 2 or parse_number(tail.group("count")) != count:
            return []
        items = [(m.start(), m.end()) for m in _COUNTED_ITEM.finditer(self.text, start, tail.start())]
        if len(items) != count:
            return []
        return [(self.text[s:e], (s, e), None) for s, e in items]

    def _read(self, mention: _Mention, item_start: int, item_end: int, previous: _Reading | None) -> _Reading | None:
        text = self.text
        if mention.is_rank:
            s, e = self._rank_subject(item_start, mention.start)
            by_rate = _BY_RATE.search(text, s, e) if text.find("以", s, e) >= 0 else None
            if by_rate:  # 以7.6%的增速位居第一: what grows, if named, else the rate of what was named before
                words = self._trim(s, by_rate.start())
                s, e = words if words[1] > words[0] else by_rate.span("rate")
            if e > s and _RATE_ALONE.fullmatch(text, s, e):  # 增速排在全省第二位: the rate of what was named
                return _Reading("", (s, e), "rank", False, mention.rank_basis, s, mention.end, False,
                                suffix=text[s:e], alone=True)
            return _Reading(text[s:e], (s, e) if e > s else None, "rank", False, mention.rank_basis,
                            s if e > s else mention.start, mention.end, e > s, base=text[s:e])
        kind, negative, basis = "level", False, None
        before_end = tail_start = mention.start
        head_start = max(item_start, before_end - _TAIL_WIDTH)  # the tails below are never longer
        head = text[head_start:before_end].rstrip(" \u3000")  # 增长 5.9%: a space the dump left
        pull = change = compare = None
        if head:
            pull = _PULL.search(head) if "拉动" in head else None
            if pull:
                before_end = tail_start = head_start + pull.start()
                head = head[:pull.start()]
                kind = "change"
            change = _CHANGE_TAIL.search(head) if head[-1:] in _CHANGE_ENDINGS else None
            if not (change and change.group("verb")):
                if _COMPARE_CUE.search(head):
                    compare = _COMPARE_TAIL.search(head)
                if not compare and ("比" in head or "较" in head):
                    compare = _COMPARE_BY.search(head)
            if compare:
                kind = "change"
                basis = compare.group("scope") if compare.re is _COMPARE_TAIL else compare.group("basis")
                negative = compare.group("verb") in _NEGATIVE
                before_end = tail_start = head_start + compare.start()
            elif change and (change.group("verb") or (change.group("basis") or "").endswith(_BARE_BASES)) \
                    and (change.group("verb") not in ("净增", "新增") or change.group("basis")):  # 比上年末净增, 较年初新增;
                # 净增就业岗位 and 新增市场主体 count
                kind, basis = "change", change.group("basis")
                negative = (change.group("verb") or "") in _NEGATIVE
                before_end = tail_start = head_start + change.start()
        base_year = _BASE_YEAR.search(head) if mention.unit == "倍" and kind == "level" else None
        if base_year:  # 已是1978年的214.3倍: a comparison with a base year, like 比1978年增长
            kind, basis = "change", base_year.group("basis")
            before_end = tail_start = head_start + base_year.start()
        rate_after = _RATE_AFTER.match(text, mention.end) \
            if kind == "level" and mention.start > 0 and text.startswith("以", mention.start - 1) else None
        if rate_after:  # 以25.1%的增速领跑: a change of what is named before
            kind, negative = "change", rate_after.group("rate") == "降幅"
        continued = previous is not None and not text[item_start:before_end].strip("、和及与或 ")
        if previous and continued and not compare and previous.kind == "change" and kind == "level":
            kind, negative, basis = "change", previous.negative, previous.basis
        s, e = self._own_words(*self._trim(item_start, before_end)) if item_start < before_end else (item_start, before_end)
        given = _GIVEN_BEFORE.search(text, max(s, e - 12), e) if e > s and text[e - 1] in _GIVEN_ENDINGS else None
        if given and (given.group("lead") or given.group("once")):
            s = given.start("word")  # 对新建项目一次性奖励100万元: what is given, not to whom
        elif e > s and text[s] in _PER_EACH_STARTS and _PER_EACH.fullmatch(text, s, e):
            s = e  # 单个企业最高300万元: a cap for each one names nothing; it is said of the award before
        if e > s and text.find("向", s, e) >= 0 and (recipient := _TO_RECIPIENT.search(text, s, e)) \
                and recipient.end() < e:
            s = recipient.end()  # …向广西输送[清洁电能]365亿千瓦时: what is sent, not where or how
        if e > s and _CAP_OR_RATE_CUE.search(text, max(s, e - 16), mention.number_start):
            s, e = self._without_cap_and_rate(mention, s, e)
        if mention.unit == "位" and (kind == "change" or text.find("排", s, e) >= 0):
            mention.unit = "名"  # 排名上升4位, 比上年前移一位: places in a ranking
        said_of_before = False  # 增速, 占GDP的: words said of the indicator of the clause before
        progress = _PROGRESS.search(text, max(item_start, mention.start - 12), mention.start) \
            if mention.unit == "%" and text.find("完成", max(item_start, mention.start - 12), mention.start) >= 0 else None
        if progress:  # 完成全年目标任务的72.6%: the progress of what was named before
            s, e = progress.span("words")
        if e > s:
            rate = text.endswith(_RATE_WORDS, max(s, e - 4), e)
            if rate and kind == "level" and mention.unit not in _FREQUENCY_UNITS:  # 增速连续三年居前: years
                kind = "change"
                negative = negative or text.endswith("降幅", s, e)
            said_of_before = bool(rate and _RATE_ALONE.fullmatch(text, s, e)
                                  or text.startswith("占", s) and _SHARE.match(text, s, e) or progress is not None)
        if mention.unit == "个百分点" and kind == "level" and previous and previous.kind == "change":
            kind, basis = "change", previous.basis
        if basis:
            basis = basis.strip("的在")
        if negative and kind == "change":
            mention.value = -abs(mention.value)
            if mention.value_max is not None:
                mention.value, mention.value_max = -abs(mention.value_max), -abs(mention.value)
        after_s = after_e = mention.end
        purpose = False  # 投入18亿元建设水利项目: the words after say what the money is for; the verb names it
        modified = self._modified_noun(mention) if mention.unit in _CLASSIFIERS else None
        if modified:
            after_s, after_e = modified
        elif after_s < item_end and text[after_s] not in _STOPS and not rate_after:  # 1602.7亿元，: nothing counted after
            after_s, after_e = self._after(after_s, item_end, mention.unit in _FREQUENCY_UNITS)
            # not 亿元以上的新建项目 (a class), nor 给予500万元建设经费支持 (what is given)
            purpose = mention.unit in _MONEY and text[mention.end] != "的" \
                and bool(_PURPOSE.match(text, after_s, after_e)) and not _GIVEN_ENDING.search(text, after_s, after_e)
            after_e = after_s if purpose else after_e
        if not mention.unit:
            of = text.find("的", after_s, after_e)
            after_e = of if of > after_s else after_e  # 740多万[玉林人民]的“高铁梦”
            mention.unit = _unit_of_people(text[s:e] if e > s else text[after_s:after_e])
            if not mention.unit:
                return None  # a scale word alone (23.98万) says nothing of the unit
        if kind == "change" and not basis and mention.unit not in _RATIO_UNITS and not compare and \
                change and change.group("verb") in _RAISE_VERBS:
            kind = "level"  # 实施玉米单产提升602万亩: an area, not a rise
        transitive = self._transitive_start(s, e) if e > s else -1
        has_after = after_e > after_s
        caption = None if has_after or e > s or not text.startswith((" ", "\u3000"), mention.end) \
            else self._caption(item_start, mention, item_end)
        if caption:
            after_s, after_e, has_after = caption[0], caption[1], True
            kind = "target" if caption[2] else "change" if text.endswith(_RATE_WORDS, after_s, after_e) else kind
        # 给予最高100万元奖励, ●19.5亿元 一般公共预算收入: the words after name what the amount is
        if has_after and text.startswith(_GIVING_VERBS, after_s) and _GIVEN.fullmatch(text, after_s + 2, after_e):
            after_s += 2  # 按100万元、50万元给予一次性奖励: the last amount, and the verb that gives it
        named_after = has_after and (caption is not None or _GIVEN.fullmatch(text, after_s, after_e) is not None)
        if not has_after and text.startswith(("、", "和", "及", "或"), mention.end) and \
                (text.endswith(_GIVING_VERBS + ("按",), 0, mention.start)
                 or _GIVING_TO.search(text, max(0, mention.start - 12), mention.start)) and \
                (listed := _GIVEN_LIST.match(text, mention.end)):
            after_s, after_e = listed.span("word")  # the first of several amounts, the award named after the last
            s = e  # 分别给予运营方30万元、60万元奖励: whom it is given to names no amount
            has_after = named_after = True
        if has_after and not named_after and text.startswith("的", mention.end) and \
                _GIVING_LEAD.search(text, max(0, mention.start - 14), mention.start):
            named_after = True  # 给予最高80%的场地租金支持, 给予每千瓦200元的建设补贴: what is given, its amount before 的
            if text.endswith(("支持", "扶持"), after_s + 2, after_e):
                after_e -= 2
        elif has_after and not named_after and (
                _GIVEN_ENDING.search(text, after_s, after_e) and
                _GIVING_VERB.search(text, max(0, mention.start - 2), mention.start)
                or e > s and text.startswith("的", mention.end) and _SHARE_BEFORE.search(text, s, e)):
            named_after = True  # 给予最高100万元平台资金支持; 占全区8%的国土面积
        if has_after and not named_after and mention.unit in _MONEY and text.startswith("的标准", mention.end) and \
                (standard := _GIVEN_LATER.match(text, mention.end + 3)):
            after_s, after_e = standard.span("word")  # 按中级工1500元的标准给予培训补贴
            named_after = True
        if has_after and e <= s and not named_after and mention.unit not in _CLASSIFIERS:
            name_s, name_e = self._after(mention.end, item_end, True)  # 人均纯收入: 均 is no verb here
            if _MEASURE_HEAD.search(text, name_s, name_e):
                after_s, after_e, named_after = name_s, name_e, True
        if has_after and not named_after and self._is_threshold(mention, (s, e), (after_s, after_e), transitive):
            return None
        if self._is_condition(mention):
            return None
        # which words name what is measured: those before, the counted noun after, both (None, True), or none
        if has_after and mention.unit in _FREQUENCY_UNITS:
            indicator_span, own = (None if e > s else (after_s, after_e)), True
        elif said_of_before:
            indicator_span, own = None, False
        elif kind == "level" and (given_span := self._given_for(s, e, item_start, mention.end)):
            indicator_span, own = given_span, True
        elif e > s and text[mention.start - 1] == "有" and (the_set := self._set_counted(s, mention, previous)):
            indicator_span, own = the_set, True
        elif has_after and (named_after or e <= s or transitive >= 0 or mention.unit in _CLASSIFIERS
                            or text[mention.start - 1] == "了"  # 承包了2000亩[…绿化工程]: the verb's object
                            or text[mention.start - 1] == "的" and mention.unit not in _RATIO_UNITS  # 公司的1500亩[枸杞]
                            or kind == "level" and self._after_verb_done(s, e)):  # 完成了某基地2万亩[土地]
            indicator_span, own = (after_s, after_e), True
        elif transitive > s or e > s and (transitive < 0 or purpose):
            indicator_span, own = (s, e), True
        else:
            indicator_span, own = None, False
        evidence_start = min(tail_start, mention.start)
        evidence_end = mention.end
        suffix = ""
        if indicator_span:
            indicator = text[indicator_span[0]:indicator_span[1]]
            evidence_start = min(evidence_start, indicator_span[0])
            evidence_end = max(evidence_end, indicator_span[1])
        elif own:  # a frequency: 城市更新工作 + 连续四年 + 获得市级激励
            indicator = text[s:e] + text[after_s:after_e]
            evidence_start, evidence_end = min(s if e > s else evidence_start, evidence_start), max(after_e, evidence_end)
        else:
            indicator = ""
            if said_of_before:
                suffix = text[s:e]
                evidence_start = min(evidence_start, s)
            elif previous and continued:
                suffix = previous.suffix  # 1.2个、0.5个百分点: the same words as the item before
            elif rate_after:
                suffix = rate_after.group("rate")
            elif kind == "change" and mention.unit == "名" and \
                    _RANKED_BEFORE.search(text, max(0, item_start - 16), item_start):
                suffix = "排名"  # 排名全省第8位，较上年上升3个位次: places moved in that ranking
        base = indicator
        if pull:
            suffix = text[head_start + pull.start():head_start + pull.end()]
            if indicator:
                indicator, indicator_span = indicator + suffix, None
        if indicator_span is None and own and e > s:
            base = text[s:e]  # what the next number of the clause is said of: 粮食总产量, not its frequency
        if rate_after:
            evidence_end = max(evidence_end, rate_after.end())
        if own and self.place_at.get(s) == e and indicator_span == (s, e) and not suffix:  # 乙县增长6.4%
            return _Reading("", indicator_span, kind, negative, basis, evidence_start, evidence_end, False,
                            continued, alone=True)
        return _Reading(indicator, indicator_span, kind, negative, basis, evidence_start, evidence_end, own,
                        continued, suffix, base)

    def _modified_noun(self, mention: _Mention) -> tuple[int, int] | None:
        """600个投资额千万元以上的新建、续建重点项目: a count of the noun after a modifier that sets a bound
        (the figure inside it is no quantity); None if no such modifier follows."""
        text = self.text
        if text[mention.end:mention.end + 1] in _STOPS:
            return None
        modifier = _BOUNDED_MODIFIER.match(text, mention.end, self._reach(mention.end, self.size, clause=True))
        if modifier is None:
            return None
        start, end = modifier.span("noun")
        among = _AMONG_PART.search(text, start, end)
        if among is None and text.endswith("中", start, end) and text[end:end + 1] in _STOPS:
            return start, end - 1  # …重点项目中，已有458个开工: the set its part is counted in
        return (start, among.start()) if among else (start, end)

    def _set_counted(self, start: int, mention: _Mention, previous: _Reading | None) -> tuple[int, int] | None:
        """五百强企业中已有33家: the set a part is counted in, named before 中有; or named by the count before
        it (34个行业大类中有19个)."""
        among = _AMONG_HAVING.search(self.text, max(start, mention.start - 7), mention.start)
        if among is None:
            return None
        if among.start() - start >= 2:
            return self._trim(start, among.start())
        span = previous.indicator_span if previous else None
        return span if span and span[1] == among.start() else None

    def _after_verb_done(self, start: int, end: int) -> bool:
        """Whether the words before a number follow a verb with the aspect particle (完成了某基地…): the
        object is what the number counts, the words a modifier of it."""
        text = self.text
        particle = text.rfind("了", max(0, start - 1), end)
        return particle >= 0 and (particle == start - 1 or text[particle - 2:particle] in _TRANSITIVE_VERB_SET)

    def _caption(self, line_start: int, mention: _Mention, end: int) -> tuple[int, int, bool] | None:
        """A figure that opens its line, and the words after the space after it that say what it is (a
        sidebar: 397.86平方千米 全区总面积, 1000亿元 …定下的地区生产总值目标); the last: whether a target."""
        text = self.text
        if not (line_start == 0 or text[line_start - 1] in "\n●■◆▲★") or \
                text[line_start:mention.start].strip(" \u3000●■◆▲★·"):
            return None
        of = text.rfind("的", mention.end, end)
        start, end = self._trim(of + 1 if of >= 0 else mention.end, end)
        target = _CAPTION_TARGET.search(text, start + 2, end)
        start, end = self._trim(start, target.start()) if target else (start, end)
        return (start, end, target is not None) if end - start >= 2 else None

    def _without_cap_and_rate(self, mention: _Mention, start: int, end: int) -> tuple[int, int]:
        """The words before a number without a cap said before it (支持比例不超过投资额的20%: under, and
        投资额 is the basis; 奖补金额最高可达2000万元) or the base of a rate (每吨1元: 元/吨, 每人每月补贴500元)."""
        text = self.text
        bound = _BOUND_BASIS.search(text, max(start, end - 16), end)
        if bound:
            if mention.qualifier is None and mention.value_max is None:
                mention.qualifier = _QUALIFIERS[bound.group("bound")]
            if bound.start() > start and not text.startswith("按", start):  # 按…: read by _given_for
                end = self._trim(start, bound.start())[1]
        cap = _CAP_BEFORE.search(text, max(start, mention.start - 6), mention.start)
        if cap and cap.start() > start:
            end = min(end, self._trim(start, cap.start())[1])
        window = max(start, mention.number_start - 12)
        if not mention.unit or "/" in mention.unit or mention.unit in _RATIO_UNITS or mention.unit in _DURATIONS \
                or text.find("每", window, mention.number_start) < 0 and not text.startswith("每", start):
            return start, end
        per = _PER_BASE_BEFORE.search(text, window, mention.number_start) \
            or _PER_BASE.match(text, start, end)
        if per is None and (item := _PER_ITEM_BEFORE.search(text, max(0, window - 1), mention.number_start)
                            or _PER_ONE_BEFORE.search(text, window, mention.number_start)):
            mention.unit += "/" + _UNITS.get(item.group("item"), item.group("item"))
            return end, end  # the words say what each amount is paid for; what is given is named after
        bases = _PER_WORD.findall(per.group()) if per else []
        if per and per.re is _PER_BASE and (mention.qualifier == "under" or cap) and _RECIPIENTS.issuperset(bases):
            bases = []  # 每户每年贴息最高10万元: a cap on what each one gets in a year, not a rate
        if per:
            mention.unit += "".join("/" + _UNITS.get(word, word) for word in bases)
            if per.re is _PER_BASE_BEFORE and per.group("given"):
                start, end = per.span("given")
            elif per.start() == start:
                start = self._trim(per.end(), end)[0]
            elif per.start() > start:
                end = min(end, self._trim(start, per.start())[1])
        return start, end

    def _given_for(self, start: int, end: int, item_start: int, mention_end: int) -> tuple[int, int] | None:
        """What a rate or a cap of a policy is of: 按投资额的5%给予[奖励] (the basis of calculation is no
        indicator), 给予[奖励]，单个企业最高300万元 (a cap for each one says of the award before)."""
        text = self.text
        if text.find("按", item_start, end + 1) >= 0:  # 按投资额的, 对出品方按每分钟, 按每人 (按 trimmed off)
            clause_end = _CLAUSE_END.search(text, mention_end)
            given = _GIVEN_LATER.search(text, mention_end, clause_end.start() if clause_end else len(text))
            return given.span("word") if given else None
        if end > start:
            return None
        given = _GIVEN_BEFORE_CLAUSE.search(text, max(0, item_start - 16), item_start)
        return given.span("given") if given else None

    def _is_threshold(self, mention: _Mention, before: tuple[int, int], after: tuple[int, int],
                      transitive: int) -> bool:
        """超十亿元的行业, 300亿元园区: an amount that qualifies a noun names a class, not a quantity;
        but 不超过1%给予奖励 is the rate of what is given."""
        if after[1] <= after[0] or mention.unit in _CLASSIFIERS or mention.unit in _FREQUENCY_UNITS \
                or _GIVING.match(self.text, after[0], after[1]):
            return False
        if mention.bound:
            return True
        weak_before = before[1] <= before[0] or transitive >= 0
        return after[0] == mention.end and mention.unit in _MONEY and weak_before

    def _is_condition(self, mention: _Mention) -> bool:
        """每增加1亿元 (the base of a rate), 对年销售额5亿元以上的企业, 营业收入首次达到10亿元的，: an
        amount that says who qualifies for what a policy gives is not a quantity of anything."""
        text, at = self.text, mention.start
        if text.find("每", max(0, at - 3), at) >= 0 and _PER_UNIT.search(text, max(0, at - 3), at):
            return True
        if text[mention.end:mention.end + 1].isdigit() and text.find("每", max(0, at - 5), at) >= 0 and mention.value == 1:
            return True  # 每培训1人200元: the one the amount after it is paid for
        clause_end = self._reach(mention.end, self.size, clause=True)
        of = text.find("的", mention.end, clause_end)
        if of < 0:
            return bool(self.condition_closes) and self._opens_condition(at, clause_end)
        if _GIVING.search(text, mention.end, of):
            return False
        clause_start = self._reach(at, 0, backwards=True, clause=True)
        if _GIVING.search(text, clause_start, at):
            return False
        return bool(_CONDITION_OPENING.match(text, clause_start, at)) or not text[of + 1:clause_end].strip() \
            or mention.bound and self._gives_after(at, of, clause_end)

    def _gives_after(self, at: int, of: int, clause_end: int) -> bool:
        """会期1天及以上、…的境内会议，按…给予奖补: in a policy, a bound figure before 的 and the noun it defines
        says who qualifies when what is given follows, in its clause or the next; not a count a verb
        sets (建成10个以上的示范基地，…)."""
        if not self.planning or self._transitive_start(max(0, at - _TAIL_WIDTH), at) >= 0:
            return False
        reach = self._reach(clause_end + 1, self.size, clause=True) \
            if self.text[clause_end:clause_end + 1] in "，," else clause_end
        return _GIVING.search(self.text, of + 1, reach) is not None

    def _opens_condition(self, at: int, clause_end: int) -> bool:
        """游览3处以上景区并观看至少1场演出，单次人数在400人以上的，每列奖励1万元: in a policy, the clauses
        before the one that closes a condition with 的 belong to it, if nothing is given on the way."""
        closes = self.condition_closes  # none outside a policy or a plan
        i = bisect.bisect_left(closes, clause_end)
        if i == len(closes) or closes[i] - clause_end > _CONDITION_WIDTH:
            return False
        text, close = self.text, closes[i]
        if _CONDITION_BREAK.search(text, clause_end, close) or \
                _GIVING.search(text, self._reach(at, 0, backwards=True, clause=True), close):
            return False
        return bool(_GIVING.search(text, close + 2, self._reach(close + 2, self.size, clause=True)))

    def _after(self, start: int, end: int, predicate: bool) -> tuple[int, int]:
        """The counted noun right after a quantity: 建成3个[国家级…集聚区]; with ``predicate``, the verb
        phrase that a frequency counts: 三度[入选…清单]."""
        text = self.text
        stop = _AFTER_STOP.search(text, start, end)
        end = min(stop.start() if stop else end, start + 30)
        i = bisect.bisect_right(self.date_starts, start)
        if i < len(self.dates) and self.dates[i].start < end:
            end = self.dates[i].start - (text[self.dates[i].start - 1] in "在于")  # 七项主要指标上半年均实现…
        adverb = None if predicate else _ADVERBS.match(text, start, end)
        if adverb and adverb.end() < end:
            return adverb.end(), end  # 其中26个已投产投用: what the counted ones did is what is counted
        if not predicate:
            verb = _AFTER_PREDICATE.search(text, start + 1, end)
            end = verb.start() if verb else end
            among = text.find("中", start + 1, end)  # found first: a search for the pattern would try every start
            if among > 0 and _AMONG_PART.match(text, among, end):
                end = among - (text[among - 1] in "之当")
        edge = _AFTER_EDGE.match(text[start:end])
        if edge:
            start += edge.end()
        if text.endswith("之一", start, end):
            end -= 2  # 14个示范区之一: one of the counted, which are the noun
        closing = text.find("”", start, end) if text[start - 1] == "“" else -1
        if closing > 0 and end - closing > 2:
            start = closing + 1  # 249个“三个五百亿”重大项目: a quoted name before the counted noun
        if text[end - 1:end] in "和及与或" and text[end:end + 1] in _QUANTITY_STARTS:
            end -= 1  # 2万亩土地和5400亩…: the word joining the next quantity
        while end > start and text[end - 1] in "“”‘’\"'《》的":
            end -= 1
        if start >= end or not predicate and (_AFTER_NOT_NOUN.match(text, start, end)
                                              or _MILESTONE.fullmatch(text, start, end)):
            return start, start
        return start, end

    def _own_words(self, start: int, end: int) -> tuple[int, int]:
        """The words after the last date or headline space inside the span: 四大产业1至9月完成工业总产值 →
        工业总产值 (the date is the period), 增加值增长9.8% 总量 → 总量."""
        cut = start
        i = bisect.bisect_left(self.date_starts, start)
        while i < len(self.dates) and self.dates[i].start < end:
            if self.dates[i].end < end and self.dates[i].start not in self.eligibility_starts:
                cut = max(cut, self.dates[i].end)
            i += 1
        if self.text.find(" ", cut, end) >= 0 or self.text.find("\u3000", cut, end) >= 0:
            for space in _INNER_SPACE.finditer(self.text, cut, end):
                cut = space.end()
        return self._trim(cut, end) if cut > start else (start, end)

    def _trim(self, start: int, end: int, places: bool = True) -> tuple[int, int]:
        """The span without connectives, dates, places and verbs at its edges."""
        text, date_at, place_at = self.text, self.date_at, self.place_at
        junk_ended = False  # the pattern takes a whole run: tried again where it ended, it fails
        while start < end:
            if date_at.get(start, end + 1) <= end:  # before the junk: a date may open with a quote (“十四五”末)
                start, junk_ended = date_at[start], False
                continue
            junk = None if junk_ended else _LEFT_TRIM.match(text, start, end)
            junk_ended = junk is not None
            if junk:
                start = junk.end()
                if date_at.get(start - 1, end + 1) <= end:  # the date opened with the quote: 2024年 “十四五”以来
                    start, junk_ended = date_at[start - 1], False
            elif places and place_at.get(start, end + 1) < end:
                start = place_at[start]
            elif 0 < (particle := text.find("了", start + 1, min(end, start + 5))) and \
                    text[start:particle] in _TRANSITIVE_VERB_SET:
                start = particle + 1  # a verb with the aspect particle ends the predicate: 新增了城镇就业
            else:
                break
        size = self.size
        junk_ended = False
        while end > start:
            if text[end - 1] in _CLOSING_BRACKETS:  # a bracketed note: 地区生产总值（GDP）
                opening = max(text.rfind("（", start, end), text.rfind("(", start, end))
                end = opening if opening >= start else end - 1
                junk_ended = False
                continue
            junk = None if junk_ended else _RIGHT_TRIM.match(self.reverse, size - end, size - start)
            junk_ended = junk is not None
            if junk:
                end = size - junk.end()
            elif self.date_end.get(end, -1) >= start:
                end = self.date_end[end]  # 份额由2017年末的14.7%
            else:
                break
        return start, end

    def _transitive_start(self, start: int, end: int) -> int:
        """Where the verb that governs a number after ``end`` starts (建成, 引进了, 一个, 把); -1 if none."""
        start = max(start, end - _TAIL_WIDTH)
        size = self.size
        verb = _TRANSITIVE_TAIL.match(self.reverse, size - end, size - start)
        object_marker = self.text.find("把", start, end)
        if verb:
            return min(size - verb.end(), object_marker) if object_marker >= 0 else size - verb.end()
        return object_marker

    # --- the fact
    def _fact(self, mention: _Mention, reading: _Reading, intent: bool, sentence: tuple[int, int],
              block_start: int) -> Fact:
        at = min(reading.evidence_start, mention.start)
        baseline = self._baseline(mention) if intent else None
        if intent and baseline is None:
            kind = "target"
            period = self._target_period(mention, reading, sentence, block_start)
        else:
            starts = at < mention.start and (self.text.find("由", at, mention.start) >= 0
                                             or self.text.find("从", at, mention.start) >= 0)
            date = self._start_date(at, mention.start) if starts else None  # 由2020年的612亿元
            date = date or self._governing_date(at, sentence, block_start)
            ahead = self._is_ahead(date) if date else self.any_section_ahead and self._section_ahead(block_start)
            if ahead and not (date and _NAMED_YEAR.search(date.text)):
                ahead = not _DONE_SO_FAR.search(self.text, sentence[0], at)  # 今年已建成: done, not set
            kind = "target" if ahead or block_start not in self.base_blocks and \
                self._set_by_plan(mention, reading, date, sentence) else reading.kind
            if kind == "target" and baseline is None:
                baseline = self._baseline(mention)
            if baseline is not None:  # 由目前的107家增至500家: where a rise starts is no target
                kind, period = reading.kind, baseline or None
            else:
                period = self._period(mention, reading, sentence, block_start)
        period = reading.period or period
        if kind == "target" and not period and not self._has_span_word(sentence[0], at):
            period = self._deadline(at, (block_start, at))  # 到2026年，…。建成…: the paragraph's deadline
        span = reading.indicator_span or (None, None)
        qualifier = mention.qualifier
        if qualifier is None and mention.value_max is None and (
                _CAP_BEFORE.search(self.text, max(0, mention.start - 6), mention.start)
                or self.text.startswith(("为上限", "为限"), mention.end) and self.text[mention.start - 1] == "以"):
            qualifier = "under"  # 每家企业最高奖励300万元: the cap stands before the verb of giving; 以N为上限
        elif qualifier is None and mention.value_max is None and self.text[mention.start - 1] == "、" and \
                _CAPPED_LIST.search(self.text, max(0, mention.start - 40), mention.start):
            qualifier = "under"  # 分别给予最高100万元、50万元奖励: the cap before the list caps each amount
        return Fact(
            indicator=reading.indicator, value=mention.value, unit=mention.unit, kind=kind,
            start=min(reading.evidence_start, mention.number_start), end=max(reading.evidence_end, mention.number_end),
            indicator_start=span[0], indicator_end=span[1], value_max=mention.value_max, qualifier=qualifier,
            period=period, place=reading.place or self._place(mention.start, sentence), basis=reading.basis,
            number_text=self.text[mention.number_start:mention.number_end])

    def _baseline(self, mention: _Mention) -> str | None:
        """由目前的107家增至500家, 分别从2020年的a、b提高到c、d: a figure a change starts from, with the time
        it is of (目前, 2020年; "" if none is said); None for any other figure."""
        text, at = self.text, mention.start
        window = max(0, at - 30)
        if text.find("由", window, at) < 0 and text.find("从", window, at) < 0:
            return None  # the common case, tested without the pattern
        before = _BASELINE_BEFORE.search(text, window, at)
        if before is None or not _BASELINE_AFTER.match(text, mention.end):
            return None
        return (before.group("when") or "").rstrip("的")

    def _set_by_plan(self, mention: _Mention, reading: _Reading, date: DateMention | None,
                     sentence: tuple[int, int]) -> bool:
        """In a plan or a policy a figure the document sets is a target (布设起降点20个, 给予最高100万元奖励,
        不少于600亩); not what it says of the past (2024年全市…, 目前已建成…), nor a count that sums up
        the list before it (围绕A、B和C3个重点赛道)."""
        if not self.planning or date is not None and self._has_passed(date):
            return False
        text, at = self.text, mention.start
        past = _PAST_MARKER.search(text, sentence[0], at)
        while past and self._names_who_qualifies(past.start(), past.end(), at):
            past = _PAST_MARKER.search(text, past.end(), at)
        if past:
            return False
        span = reading.indicator_span
        if span and span[0] >= mention.end:  # a counted noun after the number: is it a list's sum?
            if text.startswith("之一", span[1]):
                return False  # 全国14个示范区之一: what exists, one of which is the subject
            if _GIVEN.fullmatch(text, span[0], span[1]):
                return True  # 100万元、50万元奖励: what is given, not a sum of the list
            clause_start = self._reach(at, sentence[0], backwards=True, clause=True)
            return "、" not in text[clause_start:at] or self._transitive_start(clause_start, at) >= 0
        return True

    def _deadline(self, at: int, sentence: tuple[int, int]) -> str | None:
        """A target's deadline in its sentence: 到2027年, 2027年底前 → 2027年."""
        found = self._deadline_match(at, sentence)
        return _deadline_words(found) if found else None

    def _deadline_match(self, at: int, sentence: tuple[int, int]) -> re.Match | None:
        """The last statement of intent before ``at`` in the sentence that names a deadline's year."""
        last = None
        for match in _INTENT.finditer(self.text, sentence[0], at):
            if match.lastindex is not None:  # only the deadlines (by, until, before) have groups
                last = match
        return last

    def _target_period(self, mention: _Mention, reading: _Reading, sentence: tuple[int, int],
                       block_start: int) -> str | None:
        """A target's period: its deadline (到2027年), unless a span word said after it in the same item names
        another (到2027年的2.8%，每年提高0.1个百分点); without one, the time said before it (到“十四五”末, 年内)."""
        deadline = self._deadline_match(min(reading.evidence_start, mention.start), sentence)
        own = self._time_before(mention, reading, sentence, block_start)
        if deadline is None or own is not None and own[0] >= deadline.end() and own[2] \
                and not _SEMICOLON.search(self.text, own[0], mention.start):  # an item after ； keeps the deadline
            return own[1].lstrip("到至") if own else None
        return _deadline_words(deadline)

    def _start_date(self, start: int, end: int) -> DateMention | None:
        """由2020年的612亿元增至…: the date after 由 or 从 between an indicator and its number."""
        i = bisect.bisect_left(self.date_starts, start)
        while i < len(self.dates) and self.dates[i].end <= end:
            if self.text[self.dates[i].start - 1] in "由从":
                return self.dates[i]
            i += 1
        return None

    def _governing_date(self, at: int, sentence: tuple[int, int], block_start: int) -> DateMention | None:
        """The date expression governing a fact whose evidence starts at ``at``: the last one before it in
        its sentence, else one opening a clause of an earlier sentence in the block."""
        starts, ends = self.date_starts, self.date_ends
        i = bisect.bisect_left(starts, at) - 1
        while i >= 0 and starts[i] >= block_start:
            start, end = starts[i], ends[i]
            # a basis (比上年) or the start of a policy's term, marked once by _find_time_marks, is no period
            if end <= at and self.time_marks.get(start) != _NO_PERIOD \
                    and (start >= sentence[0] or self._opens_clause(start, block_start)) \
                    and not (self.planning and self._names_who_qualifies(start, end, at)):
                return self.dates[i]
            i -= 1
        return None

    def _is_basis(self, date: DateMention) -> bool:
        """比上年, 较去年, 是1978年的N倍: the date a change is measured against, not the period of a figure."""
        before = self.text[date.start - 1:date.start]
        return before in ("比", "较") or self.has_multiples and before in ("是", "为", "于") \
            and _MULTIPLE_AFTER.match(self.text, date.end) is not None

    def _starts_eligibility(self, start: int, end: int) -> bool:
        """自投产之日或下一年度起给予…: the date from which a policy applies is no period of its figures."""
        text = self.text
        if text[end:end + 1] not in _FROM_ON_STARTS or not _FROM_ON.match(text, end):
            return False
        clause_start = self._reach(start, 0, backwards=True, clause=True)
        return text.find("自", clause_start, start) >= 0 or text.find("从", clause_start, start) >= 0

    def _period(self, mention: _Mention, reading: _Reading, sentence: tuple[int, int], block_start: int) -> str | None:
        """The period of a fact, in the text's words: the time said before it that governs it (a date, or a span
        word such as 全年, 每年, 五年来), else the period of its table's caption or its section's heading."""
        own = self._time_before(mention, reading, sentence, block_start)
        if own is not None:
            return own[1]
        table_date = self.table_dates.get(block_start)
        if table_date:
            return table_date
        heading_date = self._section_date(block_start)
        return heading_date.text if heading_date else None

    def _time_before(self, mention: _Mention, reading: _Reading, sentence: tuple[int, int],
                     block_start: int) -> tuple[int, str, bool] | None:
        """The last time expression before a figure that governs it: where it starts, its words and whether it
        is a span word. One in its sentence, or one opening a clause of an earlier sentence of the block (全县全年
        counts: only a scope word before it); not a basis (比上年), nor the date of another figure (由2017年末的
        14.7%提升至…), nor a part named after 其中 or a condition's time (全年累计…的，) for figures after them.
        A figure written before its label (7.5% “十四五”以来规上工业增加值年均增速) takes the label's time."""
        label = reading.indicator_span
        if label is not None and label[0] >= mention.end:
            found = self._last_time(label[0], mention.end, (mention.end, label[0]), label[0])
            if found is not None:
                return found
        return self._last_time(mention.start, block_start, sentence, min(reading.evidence_start, mention.start))

    def _last_time(self, end: int, block_start: int, sentence: tuple[int, int], evidence_start: int
                   ) -> tuple[int, str, bool] | None:
        """The last date or span word between ``block_start`` and ``end`` that governs a figure at ``end`` (see
        _time_before), the dates and the span words walked back together. A date inside the evidence (比上年增长)
        is not taken unless a change starts at it (由2020年的612亿元); a span word is (公司全年设备投入230万元)."""
        text, dates, date_starts, date_ends = self.text, self.dates, self.date_starts, self.date_ends
        starts, ends = self.span_words
        marks, closes = self.time_marks, self.condition_closes
        i = bisect.bisect_left(date_starts, end) - 1
        k = bisect.bisect_left(starts, end) - 1
        while i >= 0 or k >= 0:
            date = None
            if k >= 0 and (i < 0 or starts[k] >= date_starts[i]):
                start, stop = starts[k], ends[k]
                k -= 1
            else:
                date = dates[i]
                start, stop = date_starts[i], date_ends[i]
                i -= 1
            if start < block_start:
                return None
            mark = marks.get(start, 0)
            if stop > end or date is not None and (mark == _NO_PERIOD or stop > evidence_start and mark != _CHANGE_START):
                continue
            if start < sentence[0] and not (self._opens_clause(start, block_start) and not _FROM_THEN.match(text, stop)
                                            or self._heads_clause(start, block_start)):
                continue
            if not (mark and self._said_of_other(start, stop, end, mark) or closes and self._in_condition(stop, end)):
                return start, date.text if date is not None else text[start:stop], date is None
        return None

    def _heads_clause(self, start: int, block_start: int) -> bool:
        """Whether only a scope word stands before ``start`` in its clause: 全县全年实现…, 我市一季度…"""
        clause_start = self._reach(start, block_start, backwards=True, clause=True)
        return bool(_SCOPE_WORD.fullmatch(self.text, clause_start, start)) or self.place_at.get(clause_start) == start

    def _said_of_other(self, start: int, end: int, number_at: int, mark: int) -> bool:
        """Whether the time at ``start``–``end``, marked by _find_time_marks, belongs to other words than a
        figure at ``number_at``: the start of a change (由2017年末的14.7%提升至26.9%), a goal compared with
        (高出年初目标), the part after 其中 up to a semicolon."""
        if mark == _CHANGE_START:
            return end + 1 < number_at and bool(_BEYOND_FIGURE.search(self.text, end + 1, number_at))
        if mark == _PART:
            return bool(_SEMICOLON.search(self.text, end, number_at))
        return mark == _GOAL

    def _in_condition(self, end: int, number_at: int) -> bool:
        """Whether a time ending at ``end`` is said in a condition that closes before ``number_at``
        (全年累计达2000人次的，给予…)."""
        closes = self.condition_closes
        i = bisect.bisect_left(closes, end)
        return i < len(closes) and closes[i] < number_at and not _CLAUSE_END.search(self.text, end, closes[i])

    def _names_who_qualifies(self, start: int, end: int, number_at: int) -> bool:
        """对上年度研发费用达到…的企业，按…给予奖励: words of the past in a condition, or in the clause
        before a figure that names who qualifies, say when the condition was met, not that the figure is past."""
        if self._in_condition(end, number_at):
            return True
        clause_end = self._reach(end, number_at, clause=True)
        if clause_end >= number_at:
            return False
        clause_start = self._reach(start, 0, backwards=True, clause=True)
        return _CONDITION_OPENING.match(self.text, clause_start, start) is not None \
            or _QUALIFIED_END.search(self.text, end, clause_end) is not None  # 上年度…的企业，给予…

    def _find_time_marks(self) -> dict[int, int]:
        """What stands around each date and span word (by its start) that limits what it is the period of:
        a basis (比上年) or the start of a policy's term is none; see _said_of_other for the rest."""
        text = self.text
        marks: dict[int, int] = {}
        times = [(d.start, d.end) for d in self.dates] + list(zip(*self.span_words))
        for start, end in times:
            before, after = text[start - 1:start], text[end:end + 1]
            if after == "的" and before and before in "由从":
                marks[start] = _CHANGE_START
            elif text.startswith(_PLANNED, end):
                marks[start] = _GOAL
            elif text[start - 2:start] == "其中":
                marks[start] = _PART
        for date in self.dates:
            if self._is_basis(date) or date.start in self.eligibility_starts:
                marks[date.start] = _NO_PERIOD
        return marks

    def _section_date(self, block_start: int) -> DateMention | None:
        """The date of the heading of the section the block at ``block_start`` is in."""
        heading_starts, heading_dates = self.section_dates
        return heading_dates[bisect.bisect_right(heading_starts, block_start) - 1]

    def _has_span_word(self, start: int, end: int) -> bool:
        """Whether a span word (全年, 五年来) stands between ``start`` and ``end``."""
        i = bisect.bisect_left(self.span_words[0], start)
        return i < len(self.span_words[0]) and self.span_words[1][i] <= end

    def _find_span_words(self) -> tuple[list[int], list[int]]:
        """Where the span words of the text (全年, 五年来, 每年, 年内, 同期, 春节假期) start and end."""
        text = self.text
        found = []
        # each span word holds one 年, at most 4 characters in and 2 before its end: searching only around
        # each 年 finds what a scan of the whole text finds, without testing every character
        searched = 0
        year = text.find("年")
        while year >= 0:
            match = _SPAN_WORD.search(text, max(searched, year - 4), year + 3)
            if match:
                found.append(match.span())
                searched = match.end()
            year = text.find("年", max(year + 1, searched))
        for word in _SPAN_LITERALS:
            at = text.find(word)
            while at >= 0:
                if _literal_span_fits(text, at, word):
                    found.append((at, at + (3 if len(word) == 1 else len(word))))  # 这一年: three characters
                at = text.find(word, at + 1)
        if "假" in text or "黄金周" in text:
            found += [m.span() for m in _HOLIDAY.finditer(text)]
        found.sort()
        return [s for s, _ in found], [e for _, e in found]

    def _find_table_dates(self) -> dict[int, str]:
        """For each line of a table written as text after a caption, the period the caption names."""
        found: dict[int, str] = {}
        period = None
        for block in self.doc.blocks:
            if block.kind == "caption":
                period = caption_period(self.doc, block)
            elif period and block.end - block.start <= TEXT_ROW_MAX and text_row(self.text[block.start:block.end]):
                found[block.start] = period
            else:
                period = None
        return found

    def _find_section_dates(self) -> tuple[list[int], list[DateMention | None]]:
        """For each block (by its start), the date of the heading of its section: a top-level heading
        (一、…, or one not numbered) starts a section, a subheading (（一）…) keeps its section's date."""
        starts: list[int] = []
        dates: list[DateMention | None] = []
        current: DateMention | None = None
        for block in self.doc.blocks:
            if block.kind in _TITLE_KINDS:
                current = None
            elif block.kind in _HEADING_KINDS:
                i = bisect.bisect_left(self.date_starts, block.start)
                own = self.dates[i] if i < len(self.dates) and self.dates[i].start < block.end else None
                if own or not _SUBHEADING.match(self.text, block.start, block.end):
                    current = own
            starts.append(block.start)
            dates.append(current)
        return starts or [0], dates or [None]

    def _blocks_under(self, heading: re.Pattern[str]) -> frozenset[int]:
        """The blocks (by their starts) of the sections whose heading is ``heading`` (subheadings aside)."""
        found = []
        inside = False
        for block in self.doc.blocks:
            if block.kind in _TITLE_KINDS:
                inside = False
            elif block.kind in _HEADING_KINDS:
                if not _SUBHEADING.match(self.text, block.start, block.end):
                    inside = heading.fullmatch(self.text, block.start, block.end) is not None
            elif inside:
                found.append(block.start)
        return frozenset(found)

    def _is_ahead(self, date: DateMention | None) -> bool:
        """A figure for a period of this year or later that is still well ahead when the document was
        written cannot have been measured: it is a target (a plan for 2023 issued in April 2023)."""
        if not (date and self.today and date.begin and date.finish) or date.vague:
            return False
        named = bool(_NAMED_YEAR.search(date.text))
        if not named and date.text not in _THIS_YEAR:
            return False  # “十四五”末: a period named otherwise, which the document may well be reporting
        begin, finish = dt.date.fromisoformat(date.begin), dt.date.fromisoformat(date.finish)
        if not (begin.year >= self.today.year and finish > self.today + _STILL_AHEAD and finish - begin >= _WHOLE_YEAR):
            return False
        if named:  # a year that began well before the document and ends within weeks is mostly over
            return begin > self.today or finish - self.today > _NEARLY_OVER
        # 今年安排投资28亿元 in a report of the year's first months; not 今年“五一”假期 (a part of the year the
        # dates stage does not know), nor a bulletin's or a late news item's account of the year so far
        return (finish - self.today > _MOST_OF_YEAR_AHEAD and self.doc.meta.genre != "bulletin"
                and not _YEAR_PART_AFTER.match(self.text, date.end))

    def _section_ahead(self, block_start: int) -> bool:
        """三、2018年重点工作 in a report of early 2018: the date of the section's heading is ahead."""
        return self.section_ahead[bisect.bisect_right(self.section_dates[0], block_start) - 1]

    def _opens_clause(self, at: int, block_start: int) -> bool:
        """Whether ``at`` starts its block or follows a clause's end (white space aside)."""
        text = self.text
        while at > block_start and text[at - 1].isspace():
            at -= 1
        return at == block_start or bool(_CLAUSE_END.fullmatch(text, at - 1, at))

    def _place(self, at: int, sentence: tuple[int, int]) -> str | None:
        i = bisect.bisect_left(self.place_starts, at) - 1
        if i >= 0 and self.place_starts[i] >= sentence[0] and self.place_ends[i] <= at:
            place = self.places[i]
            return place.canonical or place.text
        return self.doc_place


def _standing_alone(reading: _Reading, text: str) -> _Reading:
    """A place or a rate (增速) that nothing before it stands behind names what is measured itself."""
    span = reading.indicator_span or (0, 0)
    reading.indicator = reading.base = text[span[0]:span[1]]
    reading.suffix, reading.own = "", True
    return reading


def _carried_for_alone(reading: _Reading, unit: str) -> _Reading:
    """A place or a rate given the subject carried from before: the clauses after are said of the whole
    (地区生产总值增速), and a name that is already a rate takes the new rate word in place of its own; a
    place's growth in % is of the quantity, not of a rate carried (甲县增速第一，乙县增长6.4%)."""
    rate = _RATE_ENDING.search(reading.base) if reading.suffix or reading.kind == "change" and unit == "%" else None
    if rate:
        reading.indicator, reading.indicator_span = reading.base[:rate.start()] + reading.suffix, None
    reading.base, reading.topic = reading.indicator, True
    return reading


def _literal_span_fits(text: str, at: int, word: str) -> bool:
    """Whether one of _SPAN_LITERALS at ``at`` starts a span word: 每年 but not 每年均, 年内 but not 五年内, 同期
    only opening a clause, 这 and 那 before 一年, 几年 or 两年."""
    before = text[at - 1:at] if at else "。"
    if word == "每年":
        return not text.startswith("均", at + 2)
    if word == "年内":
        return before not in _NOT_BEFORE_WITHIN
    if word == "同期":
        return before in _CLAUSE_STARTS
    return text[at + 1:at + 3] in _SOME_YEARS


def _deadline_words(match: re.Match) -> str:
    """到2027年, 2027年底前 → 2027年: the year a deadline names."""
    return (match.group("by") or match.group("until") or match.group("before")) + "年"


def _around(ends: list[int], at: int, start: int, end: int) -> tuple[int, int]:
    """The span between the delimiters on either side of ``at``."""
    i = bisect.bisect_left(ends, at)
    return (ends[i - 1] + 1 if i else start), (ends[i] if i < len(ends) else end)


def _passed_on_the_way(earlier: Fact, reached: Fact) -> bool:
    """首次突破百亿元，达到108.6亿元: the round mark passed is said again, exactly, by the clause after."""
    return (earlier.qualifier == "over" and reached.qualifier is None
            and (earlier.indicator, earlier.unit, earlier.kind) == (reached.indicator, reached.unit, reached.kind)
            and earlier.value <= reached.value)


def _rank_of_rate(rank: Fact, before: Fact) -> None:
    """…增速比上半年提高1.9个百分点，居全省第二位: a rank without words of its own after a clause on the rate
    of what it was said of ranks that rate (as 增速排在全省第三位 does)."""
    if before.kind == "change" and before.indicator.endswith(_RATE_WORDS) and \
            (before.indicator.startswith(rank.indicator) or before.indicator in _RATE_WORDS):
        rank.indicator, rank.indicator_start, rank.indicator_end = \
            before.indicator, before.indicator_start, before.indicator_end


def _change_of_share(change: Fact, before: Fact) -> None:
    """…增长15.2%，占全市的比重为18.7%，同比提高2.1个百分点: points without words of their own (or with 比重
    alone) after a share are a change of the share, not of what it is a share of."""
    if change.kind == "change" and change.unit == "个百分点" and before.kind == "level" and before.unit == "%" \
            and len(before.indicator) > len(change.indicator) and _SHARE_WORD.search(before.indicator) \
            and (change.indicator in _SHARE_ALONE or before.indicator.startswith(change.indicator)
                 and _SHARE_WORD.search(before.indicator, len(change.indicator))):
        change.indicator, change.indicator_start, change.indicator_end = \
            before.indicator, before.indicator_start, before.indicator_end


def _intent_before(intents: list[int], sentence_start: int, at: int, text: str) -> bool:
    """Whether intent is stated in the sentence before ``at`` and no clause since reports what is done:
    计划完成投资67亿元，1—10月已完成投资51亿元 (the second figure is reported)."""
    i = bisect.bisect_left(intents, at) - 1
    return i >= 0 and intents[i] >= sentence_start and not _DONE_CLAUSE.search(text, intents[i], at)


def _lend_units(quantities: list[_Mention], text: str) -> None:
    """1.2、1.3和5.6个百分点: bare numerals and a stray 个 take the unit of the list's last item, and
    every item the closing qualifier word of the last (30、55微克/立方米以内)."""
    for i in range(len(quantities) - 2, -1, -1):
        current, following = quantities[i], quantities[i + 1]
        lends_qualifier = current.qualifier is None and following.qualifier is not None and current.value_max is None \
            and (current.bare or current.unit == following.unit)  # 项目3个、10亿元以上项目: a new item's threshold
        lends_unit = (current.bare or current.unit == "个") and following.unit
        if not (lends_qualifier or lends_unit) \
                or text[current.end:following.start].strip() not in ("、", "和", "及", "与", "或"):
            continue
        if lends_qualifier and text.endswith(_CLOSING_QUALIFIERS, following.start, following.end):
            current.qualifier = following.qualifier  # 分别控制在30、55微克/立方米以内: the 以内 closes the list
        if not lends_unit:
            continue
        if current.bare and following.unit not in _TIME_UNITS:
            current.unit, current.bare = following.unit, False
            if current.multiplier == 1:
                current.value = tidy(current.value * following.multiplier)
                current.multiplier = following.multiplier
        elif current.unit == "个" and following.unit == "个百分点":
            current.unit = following.unit


@functools.lru_cache(maxsize=None)  # a few hundred spellings at most
def _unit_name(written: str) -> str:
    """The unit as stored: 平米 → 平方米, 元/平方米 kept with its denominator."""
    unit, _, per = written.partition("/")
    return _UNITS.get(written) or _UNITS.get(unit, unit) + (f"/{per}" if per else "")


@functools.lru_cache(maxsize=None)  # the scale words and their fillers are few
def _scale_word(scale: str) -> tuple[Decimal, int]:
    """万 → (10000, 0); 万4000 → (10000, 4000): the multiplier and the digits written after it."""
    word = scale.rstrip("0123456789")
    filler = scale[len(word):]
    return parse_number("1" + word), int(filler) if filler else 0


def _inside_word(text: str, at: int, word: str) -> bool:
    """Whether the qualifier ``word`` at ``at`` ends a longer word instead: 签约, 节约, 合约."""
    return at > 0 and text[at - 1] in _WORD_BEFORE.get(word, ())


def _has_change_tail(words: str) -> bool:
    tail = _CHANGE_TAIL.search(words)  # the pattern can match nothing at the end
    return bool(tail and tail.group(0))


def _unit_of_people(words: str) -> str:
    """常住人口23.98万, 740多万玉林人民: a scaled count of people without its unit."""
    return "人" if _PEOPLE.search(words) else ""


def _looks_like_year(numeral: str, value: Decimal) -> bool:
    return value == value.to_integral_value() and 1000 <= value <= 2999 and (
        numeral.isdigit() or not any(c in numeral for c in "十百千万亿"))
