"""Word (.docx) files to Documents: paragraphs, headings and tables in body order.

Kinds come from the paragraph styles (Title, Subtitle, Heading N, 标题 N) and, for files typed
without styles as offices write them, from the look: a first short paragraph centred or larger
is the title, a short paragraph all in bold is a heading. The raw text is one line per paragraph
and one per table row (cells joined by tabs).
"""
from __future__ import annotations

import hashlib
import io
import re

from zhibiao.errors import InputError
from zhibiao.model import Document, Meta
from zhibiao.readers import Piece, assemble, tidy

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)", re.I)
_DOC_NUMBER = re.compile(r"^\S{1,15}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$")


def read_docx(data: bytes, source: str | None) -> list[Document]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, XMLSyntaxError, BadZipFile...
        raise InputError(source, f"is not a readable Word file ({type(error).__name__})") from None
    raw: list[str] = []
    pieces: list[Piece] = []
    normal_size = _normal_size(word)
    for child in word.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, word)
            text = paragraph.text.strip()
            if not text:
                continue
            raw.append(paragraph.text)
            pieces.append(Piece(_kind(paragraph, text, not pieces, normal_size), text, [len(raw)]))
        elif tag == "tbl":
            rows = _rows(Table(child, word))
            if not rows:
                continue
            first = len(raw) + 1
            raw += ["\t".join(row) for row in rows]
            pieces.append(Piece("table", "", list(range(first, len(raw) + 1)), rows=rows))
    _subtitles(pieces)
    text, blocks = assemble(pieces)
    if not blocks:
        raise InputError(source, "is a Word file with no text")
    title = next((text[b.start:b.end] for b in blocks if b.kind == "title"), None)
    numbers = (tidy(p.text, "heading") for p in pieces[:6] if p.rows is None)
    meta = Meta(source=source, sha256=hashlib.sha256(data).hexdigest(), format="docx",
                title=title or (word.core_properties.title or None),
                doc_number=next((n for n in numbers if _DOC_NUMBER.match(n)), None))
    return [Document(text=text, blocks=blocks, raw="\n".join(raw), meta=meta)]


def _normal_size(word) -> float | None:
    try:
        size = word.styles["Normal"].font.size
    except KeyError:
        return None
    return size.pt if size else None


def _kind(paragraph, text: str, first: bool, normal_size: float | None) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.lower() in ("title", "标题"):
        return "title"
    if style.lower() in ("subtitle", "副标题"):
        return "subtitle"
    if _HEADING_STYLE.match(style):
        return "heading"
    runs = [r for r in paragraph.runs if r.text.strip()]
    bold = bool(runs) and all(r.bold or (r.style is not None and r.style.font.bold) for r in runs)
    sizes = [r.font.size.pt for r in runs if r.font.size]
    larger = bool(sizes) and normal_size is not None and min(sizes) > normal_size * 1.15
    centred = paragraph.alignment is not None and int(paragraph.alignment) == 1
    if first and len(text) <= 60 and (centred or larger or bold):
        return "title"
    if len(text) <= 40 and (bold or larger) and not text.endswith("。"):
        return "heading"
    return "paragraph"


def _subtitles(pieces: list[Piece]) -> None:
    """Short centred-looking lines right under the title that are not headings: 副标题, 发文机关."""
    if not pieces or pieces[0].kind != "title":
        return
    for piece in pieces[1:3]:
        if piece.kind == "paragraph" and len(piece.text) <= 30 and not re.search(r"[。，；：]", piece.text) \
                and not _DOC_NUMBER.match(tidy(piece.text, "heading")):
            piece.kind = "subtitle"
        else:
            break


def _rows(table) -> list[list[str]]:
    """Each row's cells; a merged cell, which python-docx repeats, counts once."""
    rows = []
    for row in table.rows:
        cells, seen = [], []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            rows.append(cells)
    return rows
