"""The PDF reader on newspaper-like pages built here with reportlab, whose truth we know."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

import newspaper
from conftest import _missing
from scoring import document_blocks, restoration_scores
from zhibiao import pipeline, read, restore
from zhibiao.errors import InputError
from zhibiao.readers.pdf import read_pdf

BUILDERS = {
    "feature": newspaper.feature_page,
    "two_articles": newspaper.two_article_page,
    "dense": newspaper.dense_page,
    "side_by_side": newspaper.side_by_side_page,
    "bulletin": newspaper.bulletin_pdf,
    "bulletin_ruled_across": lambda: newspaper.bulletin_pdf(grid=False),
}


@pytest.fixture(scope="module")
def pages():
    """Each test page's bytes and truth, built once."""
    if newspaper.cjk_font_file() is None:
        _missing("a CJK TrueType font (PyMuPDF's built-in one or fonts-wqy-zenhei)")
    return {name: build() for name, build in BUILDERS.items()}


@pytest.fixture(scope="module")
def pdftotext() -> str:
    path = shutil.which("pdftotext")
    if not path:
        _missing("pdftotext (poppler-utils)")
    return path


def _truth_blocks(truth):
    return [block for document in truth for block in document]


@pytest.mark.parametrize("name", BUILDERS)
def test_pdf_restores_blocks_kinds_and_reading_order(pages, name):
    data, truth = pages[name]
    docs = read_pdf(data, f"{name}.pdf")
    scores = restoration_scores(_truth_blocks(truth), document_blocks(docs))
    assert scores["blocks_f1"] >= 0.95, scores
    assert scores["cer"] <= 0.005, scores
    assert scores["block_kind_acc"] >= 0.95, scores


@pytest.mark.parametrize("name", BUILDERS)
def test_pdf_beats_restoring_the_pdftotext_dump(pages, pdftotext, name):
    data, truth = pages[name]
    dump = subprocess.run([pdftotext, "-", "-"], input=data, capture_output=True, check=True).stdout
    from_dump = restore.restore(read.decode(dump, "dump.txt"))
    ours = restoration_scores(_truth_blocks(truth), document_blocks(read_pdf(data, f"{name}.pdf")))
    theirs = restoration_scores(_truth_blocks(truth), document_blocks([from_dump]))
    assert ours["blocks_f1"] > theirs["blocks_f1"], (ours, theirs)
    assert ours["cer"] <= theirs["cer"], (ours, theirs)


def test_pdf_page_with_two_headlines_becomes_two_documents(pages):
    data, truth = pages["two_articles"]
    docs = read_pdf(data, "page.pdf")
    assert [d.meta.title for d in docs] == [newspaper.CARS_TITLE, newspaper.TRADE_TITLE]
    assert [d.blocks[0].kind for d in docs] == ["title", "title"]
    # the caption stays with its own article, after the body
    assert docs[0].text.endswith(newspaper.CARS_CAPTION)
    assert newspaper.CARS_CAPTION not in docs[1].text


def test_pdf_articles_side_by_side_split_by_their_headlines(pages):
    data, truth = pages["side_by_side"]
    docs = read_pdf(data, "page.pdf")
    assert [d.meta.title for d in docs] == [newspaper.CARS_TITLE, newspaper.TRADE_TITLE]
    assert [len(d.blocks) for d in docs] == [len(t) for t in truth]


def test_pdf_multi_page_report_is_one_document_with_page_numbers(pages):
    data, truth = pages["bulletin"]
    docs = read_pdf(data, "bulletin.pdf")
    assert len(docs) == 1
    doc = docs[0]
    assert {b.page for b in doc.blocks} == {1, 2}
    assert doc.blocks[0].page == 1 and doc.blocks[-1].page == 2
    assert "— 1 —" not in doc.text and "— 2 —" not in doc.text  # footers dropped
    assert doc.meta.format == "pdf" and doc.meta.title == newspaper.BULLETIN_TITLE


def test_pdf_paragraph_over_a_page_break_is_one_block(pages):
    data, _ = pages["bulletin"]
    doc = read_pdf(data, "bulletin.pdf")[0]
    raw_lines = doc.raw.split("\n")
    spanning = [b for b in doc.blocks if b.kind == "paragraph" and "企业增长9.6%" in doc.block_text(b)]
    assert len(spanning) == 1 and doc.block_text(spanning[0]).startswith("全年规模以上工业增加值")
    assert any(raw_lines[n - 1].startswith("企业增长") for n in spanning[0].lines)


def test_pdf_ruled_table_is_a_table_block_with_facts(pages):
    data, _ = pages["bulletin"]
    doc = pipeline.extract(data, "bulletin.pdf")[0]
    table = [b for b in doc.blocks if b.kind == "table"]
    assert len(table) == 1 and table[0].rows == newspaper.BULLETIN_TABLE
    facts = {(f.indicator, f.kind, f.unit, str(f.value)) for f in doc.facts if f.start >= table[0].start}
    assert ("锂离子电池产量", "level", "只", "86500000") in facts
    assert ("汽车产量", "change", "%", "-2.7") in facts


def test_pdf_table_ruled_only_across_is_a_table_block_with_facts(pages):
    data, _ = pages["bulletin_ruled_across"]
    doc = pipeline.extract(data, "bulletin.pdf")[0]
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows == newspaper.BULLETIN_TABLE
    facts = {(f.indicator, f.kind, f.unit, str(f.value)) for f in doc.facts if f.start >= table.start}
    assert ("集成电路产量", "level", "块", "32600000") in facts


def test_pdf_prose_in_columns_between_rules_is_not_a_table():
    """Two columns of a story boxed by rules across, as a page sets a feature off: figures in the
    text, runs side by side on every baseline, and still no table."""
    c, out = newspaper._canvas(595.0, 420.0)
    page = newspaper.Page(c, 595.0, 420.0)
    page.rule(60, 60, 535, 60)
    flow = newspaper.Flow(page, newspaper._columns(60, 535, 72, 340, 2, 18), size=10.5)
    for _, text in newspaper.FEATURE_BODY[:4]:
        flow.paragraph(text)
    page.rule(60, 352, 535, 352)
    c.showPage()
    c.save()
    [doc] = read_pdf(out.getvalue(), "boxed.pdf")
    assert not [b for b in doc.blocks if b.kind == "table"]
    scores = restoration_scores(flow.blocks, document_blocks([doc]))
    assert scores["blocks_f1"] == 1.0, scores


def test_pdf_fake_bold_caption_and_vertical_caption_read_once_in_order(pages):
    data, _ = pages["feature"]
    doc = read_pdf(data, "feature.pdf")[0]
    captions = [doc.block_text(b) for b in doc.blocks if b.kind == "caption"]
    assert captions == newspaper.FEATURE_CAPTIONS  # drawn twice, kept once; vertical, top to bottom
    labels = [doc.block_text(b) for b in doc.blocks if b.kind == "sidebar_label"]
    assert labels == [newspaper.FEATURE_SIDEBAR_LABEL]
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:3] == ["kicker", "title", "byline"]
    assert "责任编辑" not in doc.text and "责任编辑" in doc.raw  # the folio line is dropped
    # the label comes right before the sidebar's paragraphs
    i = kinds.index("sidebar_label")
    assert doc.block_text(doc.blocks[i + 1]) == newspaper.FEATURE_SIDEBAR[0]


def test_pdf_blocks_point_into_the_raw_page_text(pages):
    data, _ = pages["feature"]
    doc = read_pdf(data, "feature.pdf")[0]
    raw_lines = doc.raw.split("\n")
    for block in doc.blocks:
        assert block.lines, block
        assert all(1 <= n <= len(raw_lines) for n in block.lines)
        first = raw_lines[block.lines[0] - 1].replace(" ", "")
        assert first and first[:2] in doc.block_text(block).replace(" ", ""), (first, doc.block_text(block))


def test_pdf_chosen_by_content_not_by_name(pages):
    data, _ = pages["bulletin"]
    docs = pipeline.extract(data, "download")
    assert docs[0].meta.format == "pdf"
    assert docs[0].meta.sha256 and len(docs[0].meta.sha256) == 64


def _encrypted_pdf() -> bytes:
    import io

    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(72, 720, "Quarterly report")
    c.save()
    return out.getvalue()


def _image_only_pdf() -> bytes:
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawImage(ImageReader(Image.new("L", (40, 60), 200)), 72, 72, 400, 600)
    c.save()
    return out.getvalue()


def _bad_inputs(pages) -> dict[str, tuple[bytes, str]]:
    data, _ = pages["bulletin"]
    return {
        "corrupt": (b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n", "not a readable PDF"),
        "truncated": (data[: len(data) // 2], "truncated"),
        "encrypted": (_encrypted_pdf(), "encrypted"),
        "image_only": (_image_only_pdf(), "no text layer"),
    }


@pytest.mark.parametrize("case", ["corrupt", "truncated", "encrypted", "image_only"])
def test_pdf_bad_input_is_a_one_line_input_error(pages, case):
    data, expected = _bad_inputs(pages)[case]
    with pytest.raises(InputError) as error:
        pipeline.extract(data, f"{case}.pdf")
    message = str(error.value)
    assert expected in message and message.startswith(f"{case}.pdf: ") and "\n" not in message


@pytest.mark.parametrize("case", ["corrupt", "truncated", "encrypted", "image_only"])
def test_pdf_bad_input_exits_2_through_the_cli(pages, tmp_path, case):
    data, expected = _bad_inputs(pages)[case]
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(data)
    run = subprocess.run([sys.executable, "-c", "from zhibiao.cli import main; main()", "extract", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().count("\n") == 0 and expected in run.stderr


def test_pdf_glyphs_drawn_twice_are_kept_once_and_made_bold():
    from zhibiao.readers.pdf import Char, _dedupe

    def span(text, x, baseline, step, offset=0.0, seq=0):
        return [Char(c, x + i * step + offset, x + i * step + offset + step * 0.95, baseline + offset, 10.0,
                     False, "Song", seq) for i, c in enumerate(text)]

    doubled_per_glyph = [c for pair in zip(span("视联", 0, 20, 10), span("视联", 0, 20, 10, 0.3)) for c in pair]
    line_twice = [span("谢谢400", 0, 40, 10), span("谢谢400", 0, 40, 10, 0.35, seq=1)]
    plain = [span("常常", 0, 60, 10), span("400", 30, 60, 5.5)]
    kept = _dedupe([doubled_per_glyph] + line_twice + plain)
    by_line = {}
    for ch in kept:
        by_line.setdefault(ch.baseline, []).append(ch)
    assert "".join(c.text for c in by_line[20]) == "视联" and all(c.bold for c in by_line[20])
    assert "".join(c.text for c in by_line[40]) == "谢谢400" and all(c.bold for c in by_line[40])
    assert "".join(c.text for c in sorted(by_line[60], key=lambda c: c.x0)) == "常常400"
    assert not any(c.bold for c in by_line[60])
