"""Stage 2: a text dump's lines to a Document of classified blocks in reading order.

A PDF tool's dump of a newspaper page keeps the words but loses the layout: lines are cut at the
column width, columns end in the middle of a word, vertical captions come one character per line,
fake-bold text is printed twice and the headline may come last. Restoration works in four steps:

  1. units    raw lines to units: vertical runs joined, fake-bold doubles removed, widths measured
  2. blocks   units re-joined into blocks by column width, end punctuation, indents and blank lines
  3. kinds    each block classified: kicker, title, subtitle, byline, heading, paragraph, caption,
              sidebar_label
  4. order    the headline group first; a heading the dump put on top moves before its section

Nothing is rewritten but removed doubles and the spaces a dump inserts (a space sets a sidebar's
figure apart from the words under it), so every character of a block can be found on the raw lines
its ``Block.lines`` name.
"""
from __future__ import annotations

import re
from typing import Final

from zhibiao.model import Block, Document, Meta, RawText
from zhibiao.tables import text_row, text_tables

LINE: Final = "line"
VERTICAL: Final = "vertical"
DOUBLED: Final = "doubled"
HEADLINE_KINDS: Final = frozenset({"kicker", "title", "subtitle", "heading", "sidebar_label", "byline"})

_INDENT: Final = " \t\u3000\xa0"
_END_CHARS: Final = frozenset("。！？!?…")
_CLOSERS: Final = "”’」』）)》】〉\"'"
_TRAILING_PUNCT: Final = "。！？!?，；：、,;:”’」』）)》"
_BULLETS: Final = "●•◆■▲▶►★☆◇□◎○"
# Looked up with a line's first character as strings: ``char in string`` needs no hash of the char.
_NUMBER_STARTS: Final = "一二三四五六七八九十（(第0123456789" + _BULLETS
_DASHES: Final = frozenset("—－─-")
_CLAUSE_PUNCT: Final = re.compile(r"[，、；：,;]")  # a wrapped body line has these; a headline rarely does
_SENTENCE_CHARS: Final = "，。；！？,;!?"
_SENTENCE_PUNCT: Final = re.compile(f"[{_SENTENCE_CHARS}]")
_NUMBERED: Final = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)]"
    r"|第[一二三四五六七八九十百零\d]{1,4}[章节部分篇条]|[" + _BULLETS + "]")  # a bullet opens a list item too
# Whom a notice is sent to, on a line of its own: 各乡镇人民政府，县政府各部门：
_ADDRESSEE: Final = re.compile(r"各[^。！？；：\n]{1,60}[：:]")
# A reporter's role needs a name after a space or colon, or 本报 or a bracket before it: 记者手记 is a label.
_BYLINE: Final = re.compile(
    r"[（(【](?:本报)?(?:特约|首席|见习)?(?:记者|通讯员)|本报(?:特约|首席|见习)?(?:记者|通讯员)"
    r"|(?:特约|首席|见习)?(?:记者|通讯员|实习生)[ \u3000:：]|本报讯|新华社|来源[:：]|作者[:：]|[文图][/／|｜:：]"
    r"|摄影[/／|｜:：]")
_DATE_LINE: Final = re.compile(r"[（(]?\d{4}年\d{1,2}月(?:\d{1,2}日)?[）)]?")
_OFFICIAL: Final = re.compile(r".{0,24}(?:区长|市长|县长|省长|镇长|主任|局长|书记|部长)[ \u3000]+\S{2,4}")
_PUBLISHER_ENDINGS: Final = ("统计局", "调查队", "人民政府", "委员会", "办公室", "办公厅", "研究院", "研究中心", "报社")
_PUBLISHER: Final = re.compile(r".{2,24}(?:" + "|".join(_PUBLISHER_ENDINGS) + ")")
_CAPTION_OPENINGS: Final = ("图为", "图：", "图:", "图片来源", "（图片来源", "(图片来源")
_TABLE_CAPTION: Final = re.compile(r"(?:续)?表\s*[0-9一二三四五六七八九十]{1,3}(?![0-9])")  # 表1 上半年主要指标
# A line wholly in brackets, unnumbered: a note such as （此件公开发布）, not a heading.
_BRACKETED_NOTE: Final = re.compile(r"[（(](?![一二三四五六七八九十\d]{1,3}[）)])[^（()）]+[）)]")
_CAPTION_ENDINGS: Final = ("摄", "摄）", "摄)")
# Two phrases set apart by a space, as headlines are: 强载体 优布局 树典范.
_PHRASE_GAP: Final = re.compile(r"[\u4e00-\u9fff”’」』）)》][ \u3000]+[\u4e00-\u9fff“‘「『（(《]")
_ANY_PUNCT: Final = re.compile(r"[，、；：。！？…,;:!?]")
_LEADING_ASCII: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%]*")
# Patterns that open with the class of the character they replace, not with a repeat or a
# look-behind, let the regex engine skip straight to where a match can start.
_SPACE: Final = r"[ \t\u3000\xa0]"
_SPACES: Final = re.compile(_SPACE + _SPACE + "*")
# A figure, perhaps rounded (约41万人, 超 500PB, 突破1000亿元), or a round one in words after its
# qualifier (突破万元, 近千家, 超百亿元); a bullet that opens with one (●6.2%), and that figure with the
# space after it.
_FIGURE: Final = rf"(?:\d|(?:突破|超过|[超约近逾]){_SPACE}*[\d一二两三四五六七八九十百千万亿])"
_FIGURE_START: Final = re.compile(_FIGURE)
_FIGURE_BULLET: Final = rf"[{_BULLETS}]{_SPACE}*{_FIGURE}"
_FIGURE_BULLET_START: Final = re.compile(_FIGURE_BULLET)
_BULLET_FIGURE_GAP: Final = re.compile(rf"({_FIGURE_BULLET}\S*){_SPACE}+")  # ●5777.41亿元 2024年全市经济总量
_LATIN_WRAP: Final = re.compile(r"\n(?<=[A-Za-z]\n)(?=[A-Za-z])")  # a Latin word wrapped at a space
# Spaces a dump puts into running text, beside a Chinese character or punctuation mark; a space
# beside a Latin letter is real, and so is one between two numbers (a table's columns).
_DUMP_SPACE: Final = re.compile(rf"{_SPACE}(?:(?<=[^\x00-\x7f]{_SPACE}){_SPACE}*(?![A-Za-z])"
                         rf"|(?<![A-Za-z]{_SPACE}){_SPACE}*(?=[^\x00-\x7f]))")
# In headlines only the spaces between a digit and a Chinese character are the dump's: 9 月 2 日;
# phrase gaps stay.
_DIGIT_SPACE: Final = re.compile(rf"{_SPACE}(?:(?<=\d{_SPACE}){_SPACE}*(?=[^\x00-\x7f])"
                          rf"|(?<=[^\x00-\x7f]{_SPACE}){_SPACE}*(?=\d))")

INDENT_EM: Final = 2.0  # a paragraph indent is two characters wide
WIDEST_COLUMN_EM: Final = 60.0  # a line wider than this was never wrapped at a column edge
UNWRAPPED_SHARE: Final = 0.25
HEADLINE_MAX_EM: Final = 50.0
SECTION_WIDTH_RATIO: Final = 1.3  # a column this much wider or narrower starts another section
SIDEBAR_LABEL_MAX: Final = 8  # characters of a vertical label; a longer vertical run is a caption
ECHO_MIN_PAIRS: Final = 2  # two-character words a section's first sentence shares with its heading


# Plain classes, not dataclasses: mypyc compiles their __init__, where a dataclass keeps an interpreted
# one that boxes every field (a unit is made for every line).
class _Unit:
    """One raw line, or a vertical run of one-character lines, ready to be joined."""

    __slots__ = ("text", "first", "last", "width", "cells", "full_width", "indent", "gap_before", "shape", "ends",
                 "numbered", "byline", "headline", "standalone", "run", "opens")

    def __init__(self, text: str, first: int, last: int, width: float, cells: float, full_width: float, indent: bool,
                 gap_before: bool, shape: str, ends: bool, numbered: bool, byline: bool, headline: bool,
                 standalone: bool, run: int, opens: bool) -> None:
        self.text = text  # without indent, trailing space or fake-bold double
        self.first = first  # the 1-based numbers of its first and last raw line
        self.last = last
        self.width = width  # in em: a CJK character 1, an ASCII character 0.5, an indent 2 (or in cells, below)
        self.cells = cells  # every character 1, an indent 2: the width of a text wrapped by counting characters
        self.full_width = full_width  # counting the indent a paragraph's first line may have lost in the dump
        self.indent = indent
        self.gap_before = gap_before  # a blank line separates it from the previous unit
        self.shape = shape  # LINE, VERTICAL or DOUBLED
        self.ends = ends  # ends a sentence
        self.numbered = numbered  # starts with section numbering: 一、 （二） 3.
        self.byline = byline
        self.headline = headline  # phrases set apart by spaces and no punctuation: a heading's shape
        self.standalone = standalone  # a byline, dashed subtitle, numbered heading or addressee: a block of its own
        self.run = run  # units with the same run stand on consecutive lines, with no blank line between
        self.opens = opens  # follows a sentence's end, so may open a paragraph


class _Block:
    """Consecutive units joined, with what classification decides about them."""

    __slots__ = ("units", "lines", "flat", "ends", "kind", "table_kind", "figure_item")

    def __init__(self, units: list[_Unit], lines: str, flat: str, ends: bool, table_kind: str | None,
                 figure_item: bool) -> None:
        self.units = units
        self.lines = lines  # the units' texts, one a line
        self.flat = flat  # the block's characters without any space: what classification looks at
        self.ends = ends  # ends a sentence
        self.kind = "paragraph"
        self.table_kind = table_kind  # the kind of a line of a text table: its caption or one of its rows
        self.figure_item = figure_item  # a figure and what it counts, an item of a sidebar box

    @property
    def shape(self) -> str:
        return self.units[0].shape

    def column(self) -> float | None:
        """The width of the column the block was wrapped in, if it has more than one line."""
        if len(self.units) < 2 or self.shape != LINE:
            return None
        return max(u.width for u in self.units[:-1])


def restore(raw: RawText) -> Document:
    """Restore a text dump into a Document of classified blocks in reading order."""
    units = _units(raw.text)  # 1
    # a text table sets its cells apart by a full-width space, a tab or two spaces
    blocks = _blocks(units, "\u3000" in raw.text or "\t" in raw.text or "  " in raw.text)  # 2
    _classify(blocks)  # 3
    blocks = _reading_order(blocks)  # 4
    parts, out, pos = [], [], 0
    for block in blocks:
        text = _block_text(block)
        parts.append(text)
        numbers = [n for u in block.units for n in range(u.first, u.last + 1)]
        out.append(Block(block.kind, pos, pos + len(text), numbers))
        pos += len(text) + 1
    title = next((parts[i] for i, b in enumerate(out) if b.kind == "title"), None)
    return Document(text="\n".join(parts), blocks=out, raw=raw.text,
                    meta=Meta(source=raw.source, sha256=raw.sha256, format="text", title=title))


# 1. units ----------------------------------------------------------------------------------------

def undouble(line: str) -> str | None:
    """The line once, if fake bold printed it twice (``AA``, ``AA。。``); None if it is not doubled.

    Genuine repetition survives: unless the end punctuation is doubled too, a doubled half must be
    three characters or more, not all the same (谢谢, 一步一步, 哈哈哈哈哈哈 stay); an ellipsis …… is
    never halved."""
    body = line.rstrip(_TRAILING_PUNCT)
    tail = line[len(body):]
    half = len(body) // 2
    if tail != "。。" and (not half or body[0] != body[half]):
        return None  # the common case, decided cheaply
    half_tail = len(tail) // 2
    tail_doubled = (len(tail) % 2 == 0 and half_tail > 0 and tail[:half_tail] == tail[half_tail:]
                    and tail[0] not in "…—")
    body_doubled = half > 0 and len(body) % 2 == 0 and body[:half] == body[half:]
    if body_doubled and (tail_doubled or (half >= 3 and len(set(body[:half])) > 1)):
        return body[:half] + (tail[:half_tail] if tail_doubled else tail)
    if tail == "。。":
        return body + "。"
    return None


def _dashed(text: str) -> bool:
    """Whether the text opens with a dash, as a subtitle does: ——记一座老城的更新."""
    return text[:1] in _DASHES


def _width(text: str) -> float:
    return _em(text, text.count(" "))


def _em(text: str, spaces: int) -> float:
    """The text's width in em, given its count of spaces, which take none."""
    # UTF-8 spends 1 byte on ASCII and 3 on CJK: (bytes + chars) / 4 is 0.5 em and 1 em for them.
    return (len(text.encode("utf-8")) + len(text)) / 4 - 0.5 * spaces


def _ends_sentence(text: str) -> bool:
    """Whether the text ends with 。！？… (closing quotes and brackets after it allowed)."""
    last = text[-1:]
    return last in _END_CHARS or (last in _CLOSERS and text.rstrip(_CLOSERS)[-1:] in _END_CHARS)


def _unit(text: str, first: int, last: int, indent: bool, gap: bool, shape: str, previous: _Unit | None) -> _Unit:
    """A unit measured; the one before it decides its run and whether it may open a paragraph."""
    indent_width = INDENT_EM if indent else 0.0
    spaces = text.count(" ")
    width = _em(text, spaces) + indent_width
    cells = len(text) - spaces + indent_width
    # Cheap tests first: most lines of body text have punctuation and open with a character.
    number = _NUMBERED.match(text) if text[0] in _NUMBER_STARTS else None
    punct = _ANY_PUNCT.search(text, number.end() if number else 0)
    if punct is None:
        headline = (number is None and width <= HEADLINE_MAX_EM and (" " in text or "\u3000" in text)
                    and _PHRASE_GAP.search(text) is not None)
        byline = _names_byline(text)
        standalone = byline or number is not None or _dashed(text)
    else:
        headline = False
        byline = text[punct.start()] not in _SENTENCE_CHARS and _is_byline(text)  # a sentence is no byline
        standalone = byline or (text[0] == "各" and _ADDRESSEE.fullmatch(text) is not None)
    if previous is None:
        run, opens = 0, shape == LINE
    else:
        # A blank line, a change of shape or a heading may change the column.
        changes = (gap or shape != previous.shape or shape == VERTICAL or headline or standalone
                   or previous.headline or previous.standalone)
        run = previous.run + 1 if changes else previous.run
        # A line after a sentence's end may open a paragraph whose indent the dump dropped.
        opens = shape == LINE and (previous.ends or previous.standalone or previous.headline
                                   or previous.shape != LINE)
    full_width = width + INDENT_EM if opens and not indent else width
    return _Unit(text, first, last, width, cells, full_width, indent, gap, shape, _ends_sentence(text),
                 number is not None, byline, headline, standalone, run, opens)


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    gap = False
    singles: list[int] = []  # line numbers of a pending run of one-character lines, which are consecutive
    lines = text.split("\n")
    previous: _Unit | None = None

    def flush_singles() -> None:
        nonlocal gap, previous
        if len(singles) >= 2:
            chars = "".join(lines[n - 1].strip() for n in singles)
            previous = _unit(chars, singles[0], singles[-1], False, True, VERTICAL, previous)
            gap = True  # a vertical run is a block of its own
        else:
            n = singles[0]
            previous = _unit(lines[n - 1].strip(), n, n, lines[n - 1][:1] in _INDENT, gap, LINE, previous)
            gap = False
        units.append(previous)
        singles.clear()

    for number, line in enumerate(lines, start=1):
        core = line.strip()
        if not core:
            if singles:
                flush_singles()
            gap = True
            continue
        if len(core) == 1:
            singles.append(number)
            continue
        if singles:
            flush_singles()
        # undouble's own first test, without the call: most lines are not doubled
        once = undouble(core) if core[-1] in _TRAILING_PUNCT or core[0] == core[len(core) // 2] else None
        previous = _unit(once if once is not None else core, number, number, line[0] in _INDENT, gap,
                         DOUBLED if once is not None else LINE, previous)
        units.append(previous)
        gap = False
    if singles:
        flush_singles()
    if _wrapped_by_characters(units):  # then its lines are measured in cells throughout
        for unit in units:
            unit.full_width += unit.cells - unit.width
            unit.width = unit.cells
    return units


def _wrapped_by_characters(units: list[_Unit]) -> bool:
    """Whether the text was cut at a column edge counting characters, figures as wide as words (as a
    page set in a monospaced font or a text wrapped by character count is), not half-width figures:
    the lines inside a paragraph then differ less in characters than in em. Only lines with Latin
    letters or digits tell the two apart."""
    em = cells = 0.0
    for k in range(1, len(units) - 1):
        before, unit = units[k - 1], units[k]
        if ((unit.cells == unit.width and before.cells == before.width) or unit.gap_before or units[k + 1].gap_before
                or before.ends or unit.ends or before.run != unit.run or unit.shape != LINE or before.shape != LINE):
            continue  # only two lines cut mid-sentence inside a block are both full
        em += abs(before.width - unit.width)
        cells += abs(before.cells - unit.cells)
    return 3 * cells < 2 * em


# 2. blocks ---------------------------------------------------------------------------------------

def _tolerance(width: float) -> float:
    """How far a full line may fall short of its column: digits kept whole, justification, wraps."""
    return max(2.5, 0.1 * width)


def _column(units: list[_Unit], i: int, before: int, after: int, same_run: bool = True) -> float | None:
    """The width of the column unit i was wrapped in: the (upper) median width of the nearby lines
    (of its run) that were cut mid-sentence, which are full lines; None if there are none. Lines
    of other runs count only where their run goes on after them: the last line of a run is short."""
    lo, hi = max(0, i - before), min(len(units), i + after + 1)
    unit = units[i]
    if same_run:
        widths = [u.width for u in units[lo:hi]
                  if u.run == unit.run and u is not unit and not (u.ends or u.standalone or u.headline)]
    else:
        widths = [u.width for k, u in enumerate(units[lo:hi], lo)
                  if u.shape == unit.shape and u is not unit and not (u.ends or u.standalone or u.headline)
                  and k + 1 < len(units) and units[k + 1].run == u.run]
    if not widths:
        return None
    widths.sort()
    return widths[len(widths) // 2]


def _is_full(width: float, column: float, slack: float = 0.0) -> bool:
    """Whether a line reaches the edge of its column, or would but for ``slack``. The column may be
    measured on first lines that lost their indent, so a line may be that much wider; much wider
    is not wrapped text."""
    return column - _tolerance(column) <= width + slack and width <= column + _tolerance(column) + INDENT_EM


def _is_heading_line(units: list[_Unit], i: int) -> bool:
    """A headline-shaped line after a block's end: a heading, unless it runs on into the next line
    and just fills the column around it without an indent, as body text with a stray space would."""
    u = units[i]
    if not (u.headline and u.opens):
        return False
    if u.indent or i + 1 == len(units) or units[i + 1].gap_before:
        return True
    column = _column(units, i, 3, 3, same_run=False)
    return column is None or not column - 1.0 <= u.width <= column + _tolerance(column)


def _is_lone_label(units: list[_Unit], i: int) -> bool:
    """A line alone between blank lines without clause punctuation: a heading or label."""
    u = units[i]
    alone = u.gap_before and (i + 1 == len(units) or units[i + 1].gap_before)
    return alone and not u.ends and not _CLAUSE_PUNCT.search(u.text)


def _continues(units: list[_Unit], i: int) -> bool:
    """Whether unit i+1 continues the block that unit i is part of."""
    a, b = units[i], units[i + 1]
    if (a.shape == VERTICAL or a.shape != b.shape or a.standalone
            or a.width > WIDEST_COLUMN_EM or b.width > WIDEST_COLUMN_EM  # an unwrapped line: one paragraph a line
            or b.indent or b.numbered or b.standalone or (b.gap_before and _is_lone_label(units, i + 1))  # b opens
            or (a.headline and _is_heading_line(units, i)) or (b.headline and _is_heading_line(units, i + 1))):
        return False
    if b.gap_before:
        return _column_break(units, i)
    last_of_run = i + 2 >= len(units) or units[i + 2].gap_before
    width = a.full_width
    if (last_of_run and not _ANY_PUNCT.search(b.text) and not _CLAUSE_PUNCT.search(a.text)
            and b.width < width - _tolerance(width)):
        return False  # a short line that ends nothing after a full one: kicker and title, title and subtitle
    if a.text[-1] in "，、,":
        return True  # no paragraph or heading ends on a comma
    # Cut mid-sentence after a line of its run cut mid-sentence too, or with clause punctuation: body
    # text, which continues whatever its width (digits and inserted spaces make widths unreliable).
    if not a.ends and ((i and units[i - 1].run == a.run and not units[i - 1].ends) or _CLAUSE_PUNCT.search(a.text)):
        return True
    slack = _number_ahead(b)  # a typesetter does not split a number: the line before may fall short
    if not a.ends:
        # Otherwise cut mid-sentence, it continues unless clearly narrower than its column.
        column = _column(units, i, 3, 3)
        reference = column if column is not None else b.width
        return width + slack >= reference - _tolerance(reference)
    # Ends a sentence: it continues only if it is as wide as the wrapped lines around it (in its
    # run or, for a run of sentences that each fill a line, in the runs beside it) ...
    column = _column(units, i, 3, 3) or _column(units, i, 3, 3, same_run=False)
    if column is None or not _is_full(width, column, slack):
        return False
    # ... and the next line is not a paragraph's first, two characters short: an indent the dump dropped.
    return last_of_run or b.ends or b.width + _number_ahead(units[i + 2]) > column - INDENT_EM


def _column_break(units: list[_Unit], i: int) -> bool:
    """Whether the blank line after unit i is a column break inside a block, not a block's end.

    After a sentence's end it is a paragraph end; after a line cut mid-sentence it is a column
    break when the line is as wide as its column or, alone, reads as body text."""
    a, b = units[i], units[i + 1]
    if a.ends or (a.numbered and a.gap_before):
        return False
    width, slack = a.full_width, _number_ahead(b)
    column = _column(units, i, 3, 0)
    if column is not None:
        return _is_full(width, column, slack) or _sentence_runs_on(units, i, column)
    if _ANY_PUNCT.search(a.text, 0, len(a.text) - 1):
        return True
    # A lone line without punctuation: a column break if it fills the column of the lines around.
    column = _column(units, i, 3, 3, same_run=False)
    return column is not None and _is_full(width, column, slack)


def _sentence_runs_on(units: list[_Unit], i: int, column: float) -> bool:
    """Whether a short line cut mid-sentence after a line of body text cut mid-sentence too goes on
    after the blank line: body text does not stop without its end mark, so when the next line
    fills the same column and wraps, the page broke the sentence (临春 / 88.26亩招拍 / ⏎ / 挂地块的…)."""
    before, b = units[i - 1], units[i + 1]
    return (i > 0 and before.run == units[i].run and not before.ends and _CLAUSE_PUNCT.search(before.text) is not None
            and i + 2 < len(units) and units[i + 2].run == b.run and _is_full(b.width, column))


def _number_ahead(unit: _Unit) -> float:
    """The width of the number or Latin word a line opens with."""
    match = _LEADING_ASCII.match(unit.text)
    return 0.5 * len(match.group()) if match else 0.0


def _unwrapped(units: list[_Unit]) -> bool:
    """Whether the text keeps one paragraph a line: a quarter of its lines are wider than any column."""
    widths = [u.width for u in units if u.shape == LINE]
    return bool(widths) and sum(w > WIDEST_COLUMN_EM for w in widths) >= UNWRAPPED_SHARE * len(widths)


def _blocks(units: list[_Unit], may_hold_table: bool = True) -> list[_Block]:
    table_kinds = _text_table_lines(units) if may_hold_table else {}
    if _unwrapped(units):
        return [_block([unit], table_kinds.get(i)) for i, unit in enumerate(units)]
    items = _figure_items(units) + _bullet_items(units)
    joins: dict[int, bool] = {}  # whether unit i joins the block before it, where a table or a box decides
    for i in table_kinds:
        joins[i] = joins[i + 1] = False
    for item in items:
        joins.update(dict.fromkeys(item, True))
        joins[item.start] = joins[item.stop] = False
    groups: list[tuple[int, list[_Unit]]] = []  # each with the index of its first unit
    for i, unit in enumerate(units):
        joined = joins.get(i) if joins else None
        if i and (_continues(units, i - 1) if joined is None else joined):
            groups[-1][1].append(unit)
        else:
            groups.append((i, [unit]))
    starts = {item.start for item in items}
    return [_block(group, table_kinds.get(first), first in starts) for first, group in groups]


def _figure_items(units: list[_Unit]) -> list[range]:
    """The items of a sidebar box under a vertical label (数说新区, one character a line) and perhaps a
    heading line of its own: two or more, each a line that is a figure alone (1000亿元, 9个街道, 近千家)
    with the lines under it that say what it counts, up to a blank line, ending no sentence."""
    boxes: list[range] = []
    for k, label in enumerate(units):
        if label.shape != VERTICAL or label.ends or len(label.text) > SIDEBAR_LABEL_MAX:
            continue
        items, first = [], k + 2 if k + 1 < len(units) and _is_lone_label(units, k + 1) else k + 1
        while first + 1 < len(units) and _is_figure_line(units[first]) and _runs_on(units[first + 1]):
            end = first + 1
            while end < len(units) and _runs_on(units[end]):
                end += 1
            if units[end - 1].ends:
                break  # a paragraph that opens with a figure
            items.append(range(first, end))
            first = end
        if len(items) >= 2:
            boxes += items
    return boxes


def _bullet_items(units: list[_Unit]) -> list[range]:
    """The items of a box of figures as bullets (●7.5% 全年规上工业增加值增速): two or more on lines
    without a blank line between, each item a bullet's line and the lines under it that the box's
    narrow column wrapped anywhere, even mid-word and without punctuation at the break."""
    starts = [k for k, u in enumerate(units)
              if u.shape == LINE and u.text[0] in _BULLETS and _FIGURE_BULLET_START.match(u.text)]
    items: list[range] = []
    box: list[int] = []
    for n, start in enumerate(starts):
        box.append(start)
        following = starts[n + 1] if n + 1 < len(starts) else start
        if following > start and all(_runs_on(u) for u in units[start + 1:following + 1]):
            continue  # the next bullet is in the same box
        if len(box) >= 2:
            items += _bullet_box(units, box)
        box = []
    return items


def _bullet_box(units: list[_Unit], starts: list[int]) -> list[range]:
    """The items of one box, given its bullets' lines. The lines between two bullets go on with the
    first; under the last, a line goes on with it while it follows no sentence's end and is no wider
    than the box's lines above: else it is the text after the box."""
    column = max(u.width for u in units[starts[0]:starts[-1] + 1])
    widest = column + _tolerance(column)
    items = []
    for n, start in enumerate(starts):
        last = n + 1 == len(starts)
        stop = len(units) if last else starts[n + 1]
        end = start + 1
        while (end < stop and _runs_on(units[end])
               and not (units[end].indent or units[end].numbered or units[end].standalone)
               and (not last or (not units[end - 1].ends and units[end].width <= widest))):
            end += 1
        items.append(range(start, end))
    return items


def _runs_on(unit: _Unit) -> bool:
    """Whether a line goes on from the line above it, with no blank line between."""
    return not unit.gap_before and unit.shape == LINE


def _is_figure_line(unit: _Unit) -> bool:
    """A line that opens a paragraph with a figure and holds no punctuation: 397.5公里, 约12个乡镇."""
    return (unit.gap_before and unit.shape == LINE and _FIGURE_START.match(unit.text) is not None and not unit.numbered
            and _ANY_PUNCT.search(unit.text) is None)


def _block(units: list[_Unit], table_kind: str | None = None, figure_item: bool = False) -> _Block:
    """A block of consecutive units, with the text classification looks at."""
    lines = "\n".join([u.text for u in units]) if len(units) > 1 else units[0].text
    text = lines.replace("\n", "")
    flat = _unspaced(text) if " " in text or "\u3000" in text or "\t" in text else text
    return _Block(units, lines, flat, _ends_sentence(flat), table_kind, figure_item)


def _unspaced(text: str) -> str:
    """The text without spaces, tabs, full-width and no-break spaces (a replace each beats a regex)."""
    return text.replace(" ", "").replace("\u3000", "").replace("\t", "").replace("\xa0", "")


def _text_table_lines(units: list[_Unit]) -> dict[int, str]:
    """The units that are lines of a table written as text, one row a line, each a block of its own:
    the rows paragraphs, a 表1 line above them the caption, a 单位 line above them as it reads."""
    kinds: dict[int, str] = {}
    for run in text_tables([text_row(u.text) if u.shape == LINE else None for u in units]):
        kinds.update(dict.fromkeys(run, "paragraph"))
        above = units[run.start - 1].text if run.start else ""
        if _TABLE_CAPTION.match(above):
            kinds[run.start - 1] = "caption"
        elif "单位" in above and not units[run.start - 1].ends:
            kinds[run.start - 1] = ""  # a block of its own, of the kind it reads as
    return kinds


# 3. kinds ----------------------------------------------------------------------------------------

def _is_byline(text: str) -> bool:
    """A reporter, author, publisher or date line: 记者 王敏, 本报通讯员 李强, 某区统计局, 2025年3月20日."""
    return not _SENTENCE_PUNCT.search(text) and _names_byline(text)


def _names_byline(text: str) -> bool:
    """Whether a line without a sentence's punctuation is a byline."""
    if len(text) > 60:
        return False
    spaced = " " in text or "\u3000" in text  # an official's title and name stand apart
    flat = _unspaced(text) if spaced or "\t" in text or "\xa0" in text else text
    return bool(_BYLINE.match(text.strip()) or _is_signature(flat) or (spaced and _OFFICIAL.fullmatch(text.strip())))


def _is_signature(flat: str) -> bool:
    """A publisher or a date alone on a line: 某区统计局, 某区人民政府办公室, 2025年3月20日."""
    # cheap tests first: the date's 月 and the publisher's ending
    return bool(("月" in flat and _DATE_LINE.fullmatch(flat))
                or (len(flat) <= 16 and flat.endswith(_PUBLISHER_ENDINGS) and _PUBLISHER.fullmatch(flat)))


def _is_headline(block: _Block) -> bool:
    """No sentence in it and short: a title, heading or label (a line ending in a colon leads into text)."""
    flat = block.flat
    return (not block.ends and flat[-1] not in "：:" and not _SENTENCE_PUNCT.search(flat)
            and _width(flat) <= HEADLINE_MAX_EM)


def _is_caption_like(block: _Block) -> bool:
    """Short, one sentence of one clause: what a photo caption looks like."""
    flat = block.flat
    return (len(flat) <= 60 and block.ends and not _CLAUSE_PUNCT.search(flat)
            and not _SENTENCE_PUNCT.search(flat.rstrip(_CLOSERS)[:-1]))


def _classify(blocks: list[_Block]) -> None:
    body_seen = False
    for k, block in enumerate(blocks):
        block.kind = _intrinsic_kind(block)
        # Below the text, a publisher and a date sign it and a bracketed line is a note: paragraphs of a
        # notice (…人民政府办公室 / 2025年7月14日 / （此件公开发布）), not a byline or heading.
        if body_seen and ((block.kind == "byline" and _is_signature(block.flat))
                          or (block.kind == "heading" and _BRACKETED_NOTE.fullmatch(block.flat))):
            block.kind = "paragraph"
            if "日" in block.flat and (k + 1 == len(blocks) or not blocks[k + 1].ends):
                _sign_before(blocks, k)  # a date that signs, with no text of its own under it
        body_seen = body_seen or (block.kind == "paragraph" and block.table_kind is None)
    caption_like = [b.kind == "paragraph" and _is_caption_like(b) for b in blocks]
    last_body = next((k for k in range(len(blocks) - 1, -1, -1)
                      if blocks[k].kind == "paragraph" and not caption_like[k]), -1)
    wrapped = any(len(b.units) > 1 and b.shape == LINE for b in blocks)
    for block in blocks[last_body + 1:]:
        # After the article: vertical runs and, in a page dump, short one-clause sentences are captions.
        if block.kind == "sidebar_label" or (wrapped and block.kind == "paragraph"):
            block.kind = "caption"
    # Short one-clause paragraphs beside captions are captions printed horizontally: a caption
    # spreads forwards through them, then backwards.
    likes = [k for k, like in enumerate(caption_like) if like]
    for k in likes:
        if k > 0 and blocks[k].kind == "paragraph" and blocks[k - 1].kind == "caption":
            blocks[k].kind = "caption"
    for k in reversed(likes):
        if k + 1 < len(blocks) and blocks[k].kind == "paragraph" and blocks[k + 1].kind == "caption":
            blocks[k].kind = "caption"


def _sign_before(blocks: list[_Block], date: int) -> None:
    """The lines right above a notice's signing date name who issued it, whatever their ending (某区商务局,
    某县发展和改革委): paragraphs of its signature, not headings. A section heading has text under it."""
    k = date - 1
    while k >= 0 and blocks[k].kind == "heading" and len(blocks[k].units) == 1 and not blocks[k].units[0].numbered:
        blocks[k].kind = "paragraph"
        k -= 1


def _intrinsic_kind(block: _Block) -> str:
    """The kind a block has on its own, before its neighbours are considered."""
    if block.table_kind:
        return block.table_kind
    if block.figure_item:
        return "paragraph"
    flat = block.flat
    if block.shape == VERTICAL:
        return "caption" if block.ends or len(flat) > SIDEBAR_LABEL_MAX else "sidebar_label"
    if len(block.units) == 1 and block.units[0].byline:
        return "byline"
    if len(flat) <= 80 and (flat.startswith(_CAPTION_OPENINGS) or flat.endswith(_CAPTION_ENDINGS)):
        return "caption"
    if _is_headline(block):
        return "heading"
    if block.shape == DOUBLED and block.ends:
        return "caption"
    return "paragraph"


# 4. order ----------------------------------------------------------------------------------------

def _reading_order(blocks: list[_Block]) -> list[_Block]:
    head = _leading_headlines(blocks)
    # A page dump may put it after the article instead, among the captions: there it is taken when
    # it has more lines or a wider one than the top of the page offers.
    last_body = next((k for k in range(len(blocks) - 1, -1, -1) if blocks[k].kind == "paragraph"), -1)
    tail = _headline_run(blocks[last_body + 1:])
    tail_lines = [b for b in tail if b.kind == "heading"]
    head_lines = [b for b in head if b.kind == "heading"]
    dumped = any(len(b.units) > 1 and b.shape == LINE for b in blocks)
    if dumped and tail_lines and (len(tail_lines) > len(head_lines) or _widest(tail_lines) > _widest(head_lines)):
        taken = set(map(id, tail))
        rest = [b for b in blocks if id(b) not in taken]
        _name_headlines(tail)
        return tail + _place_orphan_heading(rest)
    _name_headlines(head)
    return blocks


def _headline_run(blocks: list[_Block]) -> list[_Block]:
    """The headline group among the blocks after the article: the consecutive headings and bylines
    around the widest heading, the title. A heading set apart from it by a caption is no kicker: a
    kicker stands right above its title."""
    group = [k for k, b in enumerate(blocks) if b.kind in ("heading", "byline")]
    if not group or group[-1] - group[0] < len(group):
        return [blocks[k] for k in group]  # one run, as a page's end mostly has
    headings = [b for b in blocks if b.kind == "heading"]
    if not headings:
        return []
    start = end = blocks.index(max(headings, key=lambda b: _width(b.flat)))
    while start and blocks[start - 1].kind in ("heading", "byline"):
        start -= 1
    while end < len(blocks) and blocks[end].kind in ("heading", "byline"):
        end += 1
    return blocks[start:end]


def _leading_headlines(blocks: list[_Block]) -> list[_Block]:
    """The headline group at the top of the page: its headings and bylines up to the first other
    block. A heading after a byline, or a last heading narrower than the title with the text
    right under it, heads the first section instead."""
    head: list[_Block] = []
    for block in blocks:
        first = block.units[0]
        dashed = _dashed(first.text)
        if block.kind == "heading" and not first.numbered and (dashed or not any(b.kind == "byline" for b in head)):
            head.append(block)
        elif block.kind == "byline":
            head.append(block)
        else:
            break
    lines = [b for b in head if b.kind == "heading"]
    after = blocks[len(head)] if len(head) < len(blocks) else None
    if (len(lines) > 1 and head[-1] is lines[-1] and after is not None and after.kind == "paragraph"
            and not _dashed(lines[-1].units[0].text) and _widest(lines[-1:]) < _widest(lines[:-1])):
        head.pop()
    return head


def _widest(blocks: list[_Block]) -> float:
    return max((_width(b.flat) for b in blocks), default=0.0)


def _name_headlines(group: list[_Block]) -> None:
    """Kicker, title and subtitle of a headline group: the widest line is the title, a line before
    it the kicker, a line after it or one opening with a dash the subtitle."""
    lines = [b for b in group if b.kind == "heading"]
    if not lines:
        return
    candidates = [b for b in lines if not _dashed(b.flat)] or lines
    title = max(candidates, key=lambda b: _width(b.flat))
    seen_title = False
    for block in lines:
        if block is title:
            block.kind, seen_title = "title", True
        elif _dashed(block.flat) or seen_title:
            block.kind = "subtitle"
        else:
            block.kind = "kicker"


def _place_orphan_heading(blocks: list[_Block]) -> list[_Block]:
    """Move a heading stranded at the top of the page (followed by a label or caption, not by its
    own text) to the first section without a heading: where the column width changes."""
    if len(blocks) < 2 or blocks[0].kind != "heading" or blocks[1].kind == "paragraph":
        return blocks
    orphan, rest = blocks[0], blocks[1:]
    previous_column = None
    for k, block in enumerate(rest):
        if block.kind != "paragraph":
            continue
        column = block.column()
        if column is None:
            continue
        if (previous_column and k and rest[k - 1].kind == "paragraph"
                and max(column, previous_column) / min(column, previous_column) >= SECTION_WIDTH_RATIO):
            return rest[:k] + [orphan] + rest[k:]
        previous_column = column
    echo = _echoed_by(orphan, rest)
    return rest[:echo] + [orphan] + rest[echo:] if echo else blocks


def _echoed_by(heading: _Block, blocks: list[_Block]) -> int | None:
    """The index of the paragraph, after another paragraph, whose first sentence shares the most
    two-character words with the heading, as a section's opening echoes its heading (城市更新 腾出
    发展空间 / 城市更新是…); None unless it shares at least two and more than any other."""
    flat = heading.flat
    pairs = {flat[i:i + 2] for i in range(len(flat) - 1)}
    shared = []
    for k, block in enumerate(blocks):
        if k and block.kind == "paragraph" and blocks[k - 1].kind == "paragraph":
            opening = _SENTENCE_PUNCT.split(block.flat, 1)[0]
            shared.append((sum(pair in opening for pair in pairs), k))
    shared.sort(reverse=True)
    if shared and shared[0][0] >= ECHO_MIN_PAIRS and (len(shared) == 1 or shared[1][0] < shared[0][0]):
        return shared[0][1]
    return None


# text --------------------------------------------------------------------------------------------

def _block_text(block: _Block) -> str:
    """The block's restored text: lines joined, the dump's spaces removed, doubles gone."""
    text = block.lines
    if block.table_kind:
        return text  # a text table's spaces set its cells apart
    if block.figure_item:  # the figure stands apart from what it counts: 1000亿元 全年地区生产总值目标
        if text[0] not in _BULLETS:
            figure, _, counted = text.partition("\n")
            return _running_text(figure, block.kind) + " " + _running_text(counted, block.kind)
        # a bullet's figure, by the space the input sets after it: ●7.5% 全年规上工业增加值增速
        gap = _BULLET_FIGURE_GAP.match(text)
        if gap:
            return _running_text(gap.group(1), block.kind) + " " + _running_text(text[gap.end():], block.kind)
    return _running_text(text, block.kind)


def _running_text(text: str, kind: str) -> str:
    """Lines joined, with the dump's spaces removed (in a headline, only those beside digits)."""
    if "\n" in text:
        text = _LATIN_WRAP.sub(" ", text).replace("\n", "")
    if not (" " in text or "\u3000" in text or "\t" in text or "\xa0" in text):
        return text
    if kind in HEADLINE_KINDS:
        return _SPACES.sub(" ", _DIGIT_SPACE.sub("", text)).strip()
    return _DUMP_SPACE.sub("", text)

