"""Web pages to Documents: the main content without navigation and boilerplate, tables kept as
tables, and the metadata that Chinese government pages carry (标题, 发布日期, 发布机构, 发文字号) read
from their <meta> tags, their 信息公开 table and their 发布时间/来源 line.

The page's visible text, one line per block-level element (a table's row per line, cells joined
by tabs), is the Document's ``raw``; blocks point at its lines.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from zhibiao.errors import InputError
from zhibiao.model import Document, Meta
from zhibiao.readers import Piece, assemble, tidy

_DROP = {"script", "style", "noscript", "iframe", "form", "select", "button", "input", "textarea", "template",
         "svg", "canvas", "object", "embed", "nav", "header", "footer", "aside", "head", "map", "video", "audio"}
_BLOCK = {"p", "div", "section", "article", "main", "td", "th", "li", "ul", "ol", "dl", "dt", "dd", "tr",
          "table", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
          "center", "body", "html", "figure", "figcaption", "caption", "address", "hr", "form", "fieldset"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_BOILERPLATE = re.compile(r"打印|关闭|纠错|分享到|字号|字体[:：]|【?[大中小]\s*[大中小]\s*[大中小]】?|扫一扫|上一篇|下一篇|"
                          r"浏览次数|阅读次数|点击数|责任编辑|返回顶部|收藏|当前位置|您的位置|首页\s*[>＞»/]|"
                          r"主办单位|承办单位|备案号|ICP备|公网安备|网站标识码|版权所有|联系我们|网站地图")
_META_LABELS = r"索引号|主题分类|发布机构|发文机关|发文单位|成文日期|发布日期|发文日期|公开日期|发布时间|发文字号|文号|" \
               r"来源|信息来源|文章来源|作者|标题|名称|有效性|体裁分类|组配分类|主题词|公开方式|公开范围|" \
               r"浏览次数|阅读次数|点击数|访问量|字号|编辑|责任编辑"
# a label may be spread out with spaces to fill its cell: 标　　题：
_LABEL_LINE = re.compile("(" + "|".join(r"\s*".join(label) for label in _META_LABELS.split("|")) + r")\s*[:：]")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_DATE_LABELS = ("发布日期", "发文日期", "公开日期", "发布时间", "成文日期")
_PUBLISHER_LABELS = ("发布机构", "发文机关", "发文单位", "来源", "信息来源", "文章来源")
_NUMBER_LABELS = ("发文字号", "文号")
_DOC_NUMBER = re.compile(r"^\S{1,15}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$")
_TITLE_SUFFIX = re.compile(r"\s*[_|｜\-—–]+\s*[^_|｜\-—–]{2,40}$")
_META_NAMES = {"articletitle": "title", "pubdate": "date", "contentsource": "publisher", "og:title": "title"}


@dataclass(eq=False)
class Segment:
    """One line of the page's visible text: the block-level element it belongs to, its raw line."""

    text: str
    element: object
    line: int
    row: list[str] | None = None  # a data table's row: its cells


def read_html(data: bytes, source: str | None) -> list[Document]:
    import lxml.html

    text = _decode(data, source)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as error:  # lxml raises ParserError, ValueError for what is not HTML
        raise InputError(source, f"is not readable HTML ({error})") from None
    head_meta = _head_meta(root)
    page_title = _page_title(root)
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    segments = _segments(root)
    if not segments:
        raise InputError(source, "is an HTML page with no text")
    labelled = _labelled(segments)
    title = head_meta.get("title") or labelled.get("标题") or page_title
    pieces = _pieces(_main_content(segments), title, segments)
    if not pieces:
        raise InputError(source, "is an HTML page with no text")
    body, blocks = assemble(pieces)
    meta = Meta(source=source, sha256=hashlib.sha256(data).hexdigest(), format="html",
                title=next((body[b.start:b.end] for b in blocks if b.kind == "title"), title),
                date=_iso_date(head_meta.get("date")) or next(
                    (d for label in _DATE_LABELS if (d := _iso_date(labelled.get(label)))), None),
                publisher=head_meta.get("publisher") or next(
                    (labelled[label] for label in _PUBLISHER_LABELS if labelled.get(label)), None),
                doc_number=next((labelled[label] for label in _NUMBER_LABELS if labelled.get(label)),
                                None) or _doc_number_in(pieces))
    return [Document(text=body, blocks=blocks, raw="\n".join(s.text for s in segments), meta=meta)]


def _decode(data: bytes, source: str | None) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    declared = _CHARSET.search(data[:4096])
    codecs = [declared.group(1).decode("ascii").lower()] if declared else []
    codecs = ["gb18030" if c in ("gb2312", "gbk", "gb18030") else c for c in codecs] + ["utf-8", "gb18030"]
    for codec in codecs:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(source, "is an HTML page that cannot be decoded as UTF-8 or GB18030")


def _head_meta(root) -> dict[str, str]:
    found = {}
    for meta in root.iter("meta"):
        key = _META_NAMES.get((meta.get("name") or meta.get("property") or "").strip().lower())
        content = (meta.get("content") or "").strip()
        if key and content and key not in found:
            found[key] = content
    return found


def _page_title(root) -> str | None:
    for h1 in root.iter("h1"):
        text = h1.text_content().strip()
        if text:
            return text
    title = root.find(".//title")
    if title is None or not (title.text or "").strip():
        return None
    text = title.text.strip()
    for _ in range(3):  # 标题_栏目_网站名: the site's names come after the page's own
        shorter = _TITLE_SUFFIX.sub("", text)
        if shorter == text or len(shorter) < 4:
            break
        text = shorter
    return text


def _segments(root) -> list[Segment]:
    """The visible text as lines: inline text runs together, a block-level element or <br> ends a
    line; each row of a data table is one line."""
    segments: list[Segment] = []
    buffer: list[str] = []
    owner = [root]

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if text:
            segments.append(Segment(text, owner[-1], len(segments) + 1))

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table" and _is_data_table(element):
            flush()
            for tr in element.iter("tr"):
                cells = [re.sub(r"\s+", " ", td.text_content()).strip() for td in tr if td.tag in ("td", "th")]
                if any(cells):
                    segments.append(Segment("\t".join(cells), element, len(segments) + 1, row=cells))
            if element.tail:
                buffer.append(element.tail)
            return
        block = tag in _BLOCK
        if block:
            flush()
            owner.append(element)
        if tag == "br":
            flush()
        elif tag and element.text:
            buffer.append(element.text)
        for child in element:
            walk(child)
        if block:
            flush()
            owner.pop()
        if element.tail:
            buffer.append(element.tail)

    walk(root)
    flush()
    return segments


def _is_data_table(table) -> bool:
    """A table of figures, not one that lays out a page: no nested tables or paragraphs, two rows
    and two columns at least, short cells."""
    if table.find(".//table") is not None or table.find(".//p") is not None and \
            any(len(p.text_content()) > 60 for p in table.iter("p")):
        return False
    rows = [[td for td in tr if td.tag in ("td", "th")] for tr in table.iter("tr")]
    rows = [r for r in rows if r]
    cells = [td.text_content().strip() for r in rows for td in r]
    return len(rows) >= 2 and max(map(len, rows)) >= 2 and sum(map(len, cells)) / max(1, len(cells)) <= 40


def _labelled(segments: list[Segment]) -> dict[str, str]:
    """Values of the page's 「标签：值」 fields, in a line or a table row, or with the value on the next line."""
    found: dict[str, str] = {}

    def take(text: str, following: str | None) -> None:
        marks = list(_LABEL_LINE.finditer(text))
        for k, mark in enumerate(marks):
            label = re.sub(r"\s+", "", mark.group(1))
            value = text[mark.end():marks[k + 1].start() if k + 1 < len(marks) else len(text)].strip(" \t|")
            if not value and following is not None and not _LABEL_LINE.match(following):
                value = following.strip()
            if label not in ("标题", "名称"):  # other fields' values hold no spaces
                value = value.split(" ")[0]
            if value and label not in found:
                found[label] = value

    for i, segment in enumerate(segments):
        following = segments[i + 1].text if i + 1 < len(segments) else None
        if segment.row is not None:
            cells = segment.row
            for k, cell in enumerate(cells):
                take(cell, cells[k + 1] if k + 1 < len(cells) else None)
        elif _LABEL_LINE.search(segment.text) and len(segment.text) <= 200:
            take(segment.text, following)
    return found


def _main_content(segments: list[Segment]) -> list[Segment]:
    """The segments under the element that holds most running text (long lines with Chinese
    punctuation, few links), in the manner of readability."""
    scores: dict[int, float] = {}
    elements = {}
    link_share: dict[int, float] = {}
    for segment in segments:
        weight = _prose_weight(segment, link_share)
        if weight <= 0:
            continue
        element, share = segment.element, 1.0
        for _ in range(4):
            if element is None:
                break
            scores[id(element)] = scores.get(id(element), 0.0) + weight * share
            elements[id(element)] = element
            element, share = element.getparent(), share / 2
    if not scores:
        return [s for s in segments if not _boilerplate(s)]
    best = elements[max(scores, key=scores.get)]
    inside = {id(e) for e in best.iter()}
    return [s for s in segments if id(s.element) in inside and not _boilerplate(s)]


def _prose_weight(segment: Segment, link_share: dict[int, float]) -> float:
    """Long lines with Chinese punctuation weigh most; lines in link lists hardly count."""
    text = segment.text
    if segment.row is not None:
        return len(text) * 0.5
    if len(text) < 10 or _boilerplate(segment):
        return 0.0
    element = segment.element
    if id(element) not in link_share:  # many lines share one element: measure it once
        links = sum(len(a.text_content()) for a in element.iter("a"))
        link_share[id(element)] = links / max(1, len(element.text_content()))
    return len(text) * (1 + text.count("，") + text.count("。")) * (1 - link_share[id(element)])


def _boilerplate(segment: Segment) -> bool:
    text = segment.text
    if segment.row is not None:
        return len(_LABEL_LINE.findall(text)) >= 2  # the 信息公开 table of a government page
    if len(text) <= 80 and _BOILERPLATE.search(text):
        return True
    labels = _LABEL_LINE.findall(text)
    return bool(labels) and len(text) <= 120 and len(_LABEL_LINE.sub("", text)) <= 60 * len(labels)


def _pieces(content: list[Segment], title: str | None, segments: list[Segment]) -> list[Piece]:
    """Blocks of the main content, the title first (found on the page when the content lacks it)."""
    pieces: list[Piece] = []
    table: Piece | None = None
    table_element = None
    for segment in content:
        if segment.row is not None:
            if table is None or table_element is not segment.element:
                table, table_element = Piece("table", "", [], rows=[]), segment.element
                pieces.append(table)
            table.rows.append(segment.row)
            table.lines.append(segment.line)
            continue
        table = None
        tag = getattr(segment.element, "tag", "")
        kind = "paragraph"
        if tag in _HEADINGS or len(segment.text) <= 40 and _all_bold(segment):
            kind = "heading"
        pieces.append(Piece(kind, segment.text, [segment.line]))
    if not title:
        return pieces
    squeezed = _squeeze(title)
    first = next((p for p in pieces if p.rows is None), None)
    if first is not None and _squeeze(first.text) == squeezed:
        first.kind = "title"
    else:
        lines = [s.line for s in segments if s.row is None and _squeeze(s.text) == squeezed][:1]
        pieces.insert(0, Piece("title", title, lines))
    return pieces


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _all_bold(segment: Segment) -> bool:
    """A short line that is its element's whole text, all of it in <strong> or <b>."""
    bold = _squeeze("".join(b.text_content() for b in segment.element.iter("strong", "b")))
    return bold == _squeeze(segment.text) and _squeeze(segment.element.text_content()) == bold


def _iso_date(text: str | None) -> str | None:
    found = _DATE.search(text or "")
    if not found:
        return None
    year, month, day = (int(g) for g in found.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _doc_number_in(pieces: list[Piece]) -> str | None:
    """A 发文字号 standing on its own line near the top: 云府发〔2024〕12号."""
    for piece in pieces[:6]:
        text = tidy(piece.text, "heading")
        if _DOC_NUMBER.match(text):
            return text
    return None
