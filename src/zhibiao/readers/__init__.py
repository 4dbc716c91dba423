"""Stage 1 for documents with structure: PDF, Word (DOCX) and HTML, recognised by their content
(not their file name) and read straight into Documents with blocks. Anything else is a text dump
for the restoration stage."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from zhibiao.model import Block, Document
from zhibiao.read import normalise

_HTML_MARKUP = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]"
                          rb"|<div[\s>]|<p[\s>]|<table[\s>]|<span[\s>]|<a\s", re.I)


def detect(data: bytes) -> str | None:
    """"pdf", "docx" or "html" when the bytes are one of those, else None (a text dump)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _holds_word_document(data):
        return "docx"
    if _looks_like_html(head):
        return "html"
    return None


def read(data: bytes, source: str | None) -> list[Document] | None:
    """The Documents in a PDF, DOCX or HTML input; None when it is none of those."""
    kind = detect(data)
    if kind == "pdf":
        from zhibiao.readers.pdf import read_pdf

        return read_pdf(data, source)
    if kind == "docx":
        from zhibiao.readers.docx import read_docx

        return read_docx(data, source)
    if kind == "html":
        from zhibiao.readers.html import read_html

        return read_html(data, source)
    return None


def _holds_word_document(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _looks_like_html(head: bytes) -> bool:
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head.decode(codec, errors="ignore").encode("utf-8")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if re.match(rb"<!doctype\s+html|<html[\s>]", text, re.I):
        return True
    return text.startswith(b"<") and len(_HTML_MARKUP.findall(head)) >= 2


@dataclass
class Piece:
    """A block as a reader finds it, before it has offsets: kind, text, raw line numbers, page, cells."""

    kind: str
    text: str
    lines: list[int]
    page: int | None = None
    rows: list[list[str]] | None = None


_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014"
_SPACE_BY_WIDE = re.compile(rf"(?<=[{_WIDE}])\s+|\s+(?=[{_WIDE}])")
_SPACES = re.compile(r"\s+")
_TIGHT_KINDS = {"paragraph", "caption", "sidebar_label"}  # kinds whose spaces beside Chinese are typesetting


def tidy(text: str, kind: str) -> str:
    """A block's text with digits and letters half-width and its spaces cleaned: one space between
    words; none beside Chinese in running text (the phrases of a headline keep theirs)."""
    text = normalise(text).replace("\u3000", " ").replace("\xa0", " ")
    if kind in _TIGHT_KINDS:
        text = _SPACE_BY_WIDE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def table_cell(text: str) -> str:
    return tidy(text, "heading")


def assemble(pieces: list[Piece]) -> tuple[str, list[Block]]:
    """The document text (blocks joined by line breaks; a table's rows by line breaks, its cells by
    tabs) and the blocks with their offsets. Empty pieces are dropped."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for piece in pieces:
        rows = None
        if piece.rows is not None:
            rows = [[table_cell(cell) for cell in row] for row in piece.rows]
            rows = [row for row in rows if any(row)]
            text = "\n".join("\t".join(row) for row in rows)
        else:
            text = tidy(piece.text, piece.kind)
        if not text.strip():
            continue
        blocks.append(Block(piece.kind, pos, pos + len(text), sorted(set(piece.lines)), piece.page, rows))
        parts.append(text)
        pos += len(text) + 1
    return "\n".join(parts), blocks
