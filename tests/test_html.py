"""The HTML reader on pages written here in the structure of Chinese government sites: header and
navigation, breadcrumbs, the 信息公开 table (索引号, 发布机构, 发文字号, 发布日期), the article with a
发布时间/来源 line, its text and a table, a 打印 纠错 分享到 bar, and a footer with 主办单位 and 备案号."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from zhibiao import pipeline
from zhibiao.errors import InputError
from zhibiao.readers.html import read_html

TITLE = "云溪区2024年国民经济和社会发展统计公报"
PARAGRAPHS = [
    "初步核算，2024年全区实现地区生产总值1286.5亿元，按不变价格计算，比上年增长6.1%。",
    "年末全区常住人口131.2万人，城镇化率为72.6%，比上年末提高0.9个百分点。",
    "全年规模以上工业增加值比上年增长8.3%，规模以上工业企业实现营业收入2368.9亿元。",
]
GOVERNMENT_PAGE = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{TITLE}_统计数据_云溪区人民政府</title>
<meta name="SiteName" content="云溪区人民政府">
<meta name="ColumnName" content="统计数据">
<link rel="stylesheet" href="/css/main.css">
<script>var siteId = 5001;</script>
</head>
<body>
<div class="top-bar"><span>今天是：2025年3月21日</span> <a href="/">无障碍浏览</a> <a href="/">长者模式</a></div>
<div class="header"><img src="/logo.png" alt="云溪区人民政府"></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjyx/">走进云溪</a></li></ul></div>
<div class="crumbs">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tjsj/">统计数据</a></div>
<div class="xxgk-info">
<table>
<tr><td>索引号：</td><td>11500199MB1234567X/2025-00018</td><td>主题分类：</td><td>统计</td></tr>
<tr><td>发布机构：</td><td>云溪区统计局</td><td>成文日期：</td><td>2025-03-18</td></tr>
<tr><td>标　　题：</td><td colspan="3">{TITLE}</td></tr>
<tr><td>发文字号：</td><td>云统发〔2025〕3号</td><td>发布日期：</td><td>2025-03-20</td></tr>
</table>
</div>
<div class="article">
<h1 class="article-title">{TITLE}</h1>
<div class="article-info">发布时间：2025-03-20 09:30 来源：云溪区统计局 字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="TRS_Editor" id="zoom">
<p style="text-align: center;">云溪区统计局</p>
<p>　　{PARAGRAPHS[0]}</p>
<p><strong>一、人口</strong></p>
<p>　　{PARAGRAPHS[1]}</p>
<p><strong>二、工业</strong></p>
<p>　　{PARAGRAPHS[2]}</p>
<p style="text-align: center;">表1　2024年主要经济指标</p>
<table border="1">
<tr><td>指标</td><td>2023年</td><td>2024年</td><td>比上年增长(%)</td></tr>
<tr><td>地区生产总值(亿元)</td><td>1208.9</td><td>1286.5</td><td>6.1</td></tr>
<tr><td>常住人口(万人)</td><td>130.4</td><td>131.2</td><td>0.6</td></tr>
<tr><td>城镇化率(%)</td><td>71.7</td><td>72.6</td><td>—</td></tr>
</table>
</div>
<div class="share">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】
<a href="/jc/">纠错</a> 分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">云溪区2023年国民经济和社会发展统计公报</a></li>
<li><a href="/b.html">2024年1—12月全区主要经济指标</a></li></ul></div>
<div class="footer">
<p>主办单位：云溪区人民政府办公室　承办单位：云溪区大数据发展中心</p>
<p>网站标识码：5001990001　<a href="https://beian.miit.gov.cn/">渝ICP备00000000号-1</a>　渝公网安备 50019902000001号</p>
</div>
</body>
</html>
"""

# An older page: GB2312, laid out with nested tables, the metadata in one line above the text.
OLD_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于印发云溪区促进制造业高质量发展若干措施的通知-云溪区人民政府</title></head>
<body><table width="100%"><tr><td><a href="/">首页</a> | <a href="/xxgk/">信息公开</a> | <a href="/bsfw/">办事服务</a></td></tr>
<tr><td><table width="980"><tr><td class="title">关于印发云溪区促进制造业高质量发展若干措施的通知</td></tr>
<tr><td class="info">发布日期：2024年6月5日　　信息来源：云溪区经济和信息化委员会　　浏览次数：1024</td></tr>
<tr><td class="content"><div>云溪经信发〔2024〕21号</div>
<div>各街道办事处、镇人民政府，区政府各部门，有关单位：</div>
<div>　　《云溪区促进制造业高质量发展若干措施》已经区政府同意，现印发给你们，请认真贯彻执行。</div>
<div>　　对当年新建成投产且设备投资超过5000万元的工业项目，按设备投资额的5%给予补助，最高不超过500万元。</div>
<div>　　本措施自印发之日起施行，有效期至2026年12月31日。</div>
</td></tr></table></td></tr>
<tr><td>版权所有：云溪区人民政府　技术支持：云溪区大数据发展中心</td></tr></table></body></html>
"""


def test_html_reads_government_page_metadata():
    doc = read_html(GOVERNMENT_PAGE.encode("utf-8"), "page.html")[0]
    assert doc.meta.title == TITLE
    assert doc.meta.date == "2025-03-20"  # 发布日期, not 成文日期
    assert doc.meta.publisher == "云溪区统计局"
    assert doc.meta.doc_number == "云统发〔2025〕3号"
    assert doc.meta.format == "html" and len(doc.meta.sha256) == 64


def test_html_keeps_the_article_and_drops_boilerplate():
    doc = read_html(GOVERNMENT_PAGE.encode("utf-8"), "page.html")[0]
    kinds_texts = [(b.kind, doc.block_text(b)) for b in doc.blocks]
    assert kinds_texts[0] == ("title", TITLE)
    assert ("heading", "一、人口") in kinds_texts and ("heading", "二、工业") in kinds_texts
    for paragraph in PARAGRAPHS:
        assert ("paragraph", paragraph) in kinds_texts
    for noise in ("政务公开", "索引号", "打印", "分享到", "主办单位", "ICP备", "相关链接", "发布时间", "无障碍"):
        assert noise not in doc.text, noise
    # the raw text is the whole page, so the side-by-side view shows what was dropped
    assert "主办单位" in doc.raw and "索引号" in doc.raw
    raw_lines = doc.raw.split("\n")
    for block in doc.blocks:
        assert block.lines and all(1 <= n <= len(raw_lines) for n in block.lines)


def test_html_keeps_tables_as_table_blocks():
    doc = read_html(GOVERNMENT_PAGE.encode("utf-8"), "page.html")[0]
    table = [b for b in doc.blocks if b.kind == "table"]
    assert len(table) == 1
    rows = table[0].rows
    assert rows[0] == ["指标", "2023年", "2024年", "比上年增长(%)"]
    assert rows[1] == ["地区生产总值(亿元)", "1208.9", "1286.5", "6.1"]
    assert doc.block_text(table[0]) == "\n".join("\t".join(r) for r in rows)


def test_html_table_cells_become_facts_through_the_pipeline():
    doc = pipeline.extract(GOVERNMENT_PAGE.encode("utf-8"), "page.html")[0]
    from_table = [f for f in doc.facts if f.start >= doc.blocks[-1].start]
    found = {(f.indicator, f.period, f.kind, f.unit, f.value) for f in from_table}
    assert ("地区生产总值", "2024年", "level", "元", Decimal("128650000000")) in found
    assert ("地区生产总值", "2023年", "level", "元", Decimal("120890000000")) in found
    assert ("地区生产总值", None, "change", "%", Decimal("6.1")) in found
    assert ("城镇化率", "2024年", "level", "%", Decimal("72.6")) in found
    assert not any(f.number_text == "—" for f in from_table)
    for fact in from_table:
        assert doc.text[fact.start:fact.end] == fact.number_text


def test_html_old_gb2312_table_layout_page():
    doc = read_html(OLD_PAGE.encode("gb18030"), "notice.htm")[0]
    assert doc.meta.date == "2024-06-05"
    assert doc.meta.publisher == "云溪区经济和信息化委员会"
    assert doc.meta.doc_number == "云溪经信发〔2024〕21号"
    assert doc.meta.title == "关于印发云溪区促进制造业高质量发展若干措施的通知"
    assert doc.blocks[0].kind == "title"
    assert "按设备投资额的5%给予补助" in doc.text
    assert "版权所有" not in doc.text and "浏览次数" not in doc.text and "办事服务" not in doc.text


def test_html_chosen_by_content_not_by_name():
    doc = pipeline.extract(GOVERNMENT_PAGE.encode("utf-8"), "download")[0]
    assert doc.meta.format == "html" and doc.meta.date == "2025-03-20"


@pytest.mark.parametrize("page", [
    "<html><head><title></title><script>location.href='/x'</script></head><body> </body></html>",
    "<!DOCTYPE html><html><body><div><img src='scan.png'></div><style>p{}</style></body></html>",
])
def test_html_page_with_no_text_is_an_input_error(page):
    with pytest.raises(InputError, match="no text"):
        pipeline.extract(page.encode("utf-8"), "empty.html")


def test_html_page_with_no_text_exits_2_through_the_cli(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html><html><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", "from zhibiao.cli import main; main()", "extract", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "no text" in run.stderr
    assert run.stderr.strip().count("\n") == 0
