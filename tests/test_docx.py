"""The DOCX reader on Word files built here with python-docx: styled and unstyled headings,
paragraphs, a table with a merged cell."""
from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal

import pytest

from zhibiao import pipeline
from zhibiao.errors import InputError
from zhibiao.readers.docx import read_docx

TITLE = "云溪区2025年政府工作报告"
PARAGRAPHS = [
    "过去一年，全区地区生产总值增长6.1%，一般公共预算收入增长4.2%，城乡居民人均可支配收入分别增长4.6%和6.7%。",
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业1.2万人以上。",
]


def _styled() -> bytes:
    import docx

    word = docx.Document()
    word.add_heading(TITLE, level=0)  # the Title style
    word.add_paragraph("——2025年1月8日在云溪区第十八届人民代表大会第五次会议上", style="Subtitle")
    word.add_heading("一、2024年工作回顾", level=1)
    word.add_paragraph(PARAGRAPHS[0])
    word.add_heading("二、2025年主要目标", level=1)
    word.add_paragraph(PARAGRAPHS[1])
    table = word.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标", "2024年", "增长(%)"], ["地区生产总值(亿元)", "1286.5", "6.1"],
                             ["一般公共预算收入(亿元)", "68.2", "4.2"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _unstyled() -> bytes:
    """A notice typed the way offices do: direct formatting, no styles; a merged header cell."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word = docx.Document()
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("关于做好2025年度安全生产工作的通知").font.size = Pt(22)
    word.add_paragraph("云安委〔2025〕2号").alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.add_paragraph("各街道办事处、镇人民政府，区级有关部门：")
    heading = word.add_paragraph()
    heading.add_run("一、压实安全生产责任").bold = True
    word.add_paragraph("各单位要落实主体责任，全年生产安全事故死亡人数控制在5人以内。")
    table = word.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "检查内容"
    table.cell(0, 2).text = "完成时限"
    table.cell(1, 0).text = "隐患排查"
    table.cell(1, 1).text = "重点企业"
    table.cell(1, 2).text = "6月底"
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_docx_styled_headings_paragraphs_and_table():
    doc = read_docx(_styled(), "report.docx")[0]
    blocks = [(b.kind, doc.block_text(b)) for b in doc.blocks]
    assert blocks[:3] == [("title", TITLE), ("subtitle", "——2025年1月8日在云溪区第十八届人民代表大会第五次会议上"),
                          ("heading", "一、2024年工作回顾")]
    assert ("paragraph", PARAGRAPHS[0]) in blocks and ("paragraph", PARAGRAPHS[1]) in blocks
    assert ("heading", "二、2025年主要目标") in blocks
    table = doc.blocks[-1]
    assert table.kind == "table" and table.rows[1] == ["地区生产总值(亿元)", "1286.5", "6.1"]
    assert doc.meta.title == TITLE and doc.meta.format == "docx"
    raw_lines = doc.raw.split("\n")
    assert raw_lines[table.lines[0] - 1] == "指标\t2024年\t增长(%)"


def test_docx_unstyled_title_doc_number_bold_heading_and_merged_cell():
    doc = read_docx(_unstyled(), "notice.docx")[0]
    kinds = {doc.block_text(b): b.kind for b in doc.blocks}
    assert kinds["关于做好2025年度安全生产工作的通知"] == "title"
    assert kinds["一、压实安全生产责任"] == "heading"
    assert kinds["各街道办事处、镇人民政府，区级有关部门："] == "paragraph"
    assert doc.meta.doc_number == "云安委〔2025〕2号"
    table = [b for b in doc.blocks if b.kind == "table"][0]
    assert table.rows[0] == ["检查内容", "完成时限"]  # the merged cell once


def test_docx_through_the_pipeline_by_content_with_table_facts():
    doc = pipeline.extract(_styled(), "upload.bin")[0]
    assert doc.meta.format == "docx"
    table = doc.blocks[-1]
    facts = {(f.indicator, f.period, f.kind, f.value) for f in doc.facts if f.start >= table.start}
    assert ("一般公共预算收入", "2024年", "level", Decimal("6820000000")) in facts
    assert ("地区生产总值", None, "change", Decimal("6.1")) in facts


def test_docx_corrupt_is_a_one_line_error_exit_2(tmp_path):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    data = buffer.getvalue()
    with pytest.raises(InputError, match="not a readable Word file"):
        pipeline.extract(data, "broken.docx")
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    run = subprocess.run([sys.executable, "-c", "from zhibiao.cli import main; main()", "extract", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "Word" in run.stderr


def test_docx_without_text_is_an_input_error():
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(InputError, match="no text"):
        read_docx(out.getvalue(), "blank.docx")
