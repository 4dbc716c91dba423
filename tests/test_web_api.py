"""The web app through an in-process client: pages, JSON API, escaping, CSP, bad parameters,
uploads; and its two pure parts, the highlighter and the SVG charts, on their own."""
from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from web_documents import all_documents, fill_store
from zhibiao.model import Block, Document, Entity, Fact, Meta
from zhibiao.web import chart
from zhibiao.web.app import CONTENT_SECURITY_POLICY
from zhibiao.web.highlight import Mark, mark_up, render_article
from zhibiao.web.upload import MAX_UPLOAD_BYTES

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
PAGE = "临江区统计公报\n\n全年实现地区生产总值1602.7亿元，比上年增长5.9%。\n新设外商投资企业58家。\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> tuple[str, dict[str, int]]:
    path = str(tmp_path_factory.mktemp("web") / "store.db")
    return path, fill_store(path)


@pytest.fixture(scope="module")
def client(db):
    from fastapi.testclient import TestClient
    from zhibiao.web import create_app
    with TestClient(create_app(db[0]), follow_redirects=False) as client:
        yield client


@pytest.fixture
def fresh_client(tmp_path):
    """A client over a store of its own, for tests that write."""
    from fastapi.testclient import TestClient
    from zhibiao.web import create_app
    path = str(tmp_path / "store.db")
    fill_store(path)
    with TestClient(create_app(path), follow_redirects=False) as client:
        yield client, path


class _Pieces(HTMLParser):
    """The text inside each mark (by data-fact or position), and whether the tags balance."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.stack, self.inside = [], [], {}

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs).get("data-fact")))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for _, name in self.stack:
            if name is not None:
                self.inside[name] = self.inside.get(name, "") + data


def _pieces(markup: str) -> _Pieces:
    parser = _Pieces()
    parser.feed(str(markup))  # Markup slices would re-escape what they are joined with
    parser.close()
    assert not parser.stack
    return parser


def _text_of(page: str) -> str:
    """What a reader sees of a page: its text without tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


# The highlighter

def test_highlight_escapes_every_piece_of_text():
    text = '页面含有<script>alert("x")</script>&amp;增长5.9%'
    start = text.index("增长")
    out = mark_up(text, [Mark(start, len(text), "mark", (("data-fact", "0"), ("data-indicator", '"><img>')))])
    assert "<script>" not in out and "<img>" not in out
    assert "&lt;script&gt;" in out and "&amp;amp;" in out
    assert _pieces(out).inside["0"] == "增长5.9%"
    assert "".join(_pieces(out).text) == text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="地区生产总值增长亿元<>&\"'%5.9 ", min_size=1, max_size=40), st.data())
def test_highlight_overlapping_and_nested_marks_keep_offsets(text, data):
    bounds = st.integers(0, len(text))
    marks = []
    for number in range(data.draw(st.integers(0, 6))):
        a, b = sorted((data.draw(bounds), data.draw(bounds)))
        marks.append(Mark(a, b, data.draw(st.sampled_from(["mark", "span"])), (("data-fact", str(number)),),
                          anchor=(("id", f"fact-{number}"),)))
    out = _pieces(mark_up(text, marks))
    assert "".join(out.text) == text
    for number, mark in enumerate(marks):
        assert out.inside.get(str(number), "") == text[mark.start:mark.end]


def test_highlight_split_mark_keeps_one_anchor():
    text = "全年实现地区生产总值1602.7亿元，比上年增长5.9%。"
    first = Mark(0, text.index("，"), "mark", (("data-fact", "a"),), anchor=(("id", "fact-a"),))
    second = Mark(text.index("地区"), len(text) - 1, "mark", (("data-fact", "b"),), anchor=(("id", "fact-b"),))
    out = mark_up(text, [first, second])
    assert out.count('id="fact-a"') == 1 and out.count('id="fact-b"') == 1
    assert out.count('data-fact="b"') == 2  # closed at the end of "a" and reopened
    assert _pieces(out).inside["b"] == text[second.start:second.end]


def test_highlight_article_tooltip_data_and_blocks():
    doc = all_documents()["bulletin"]
    out = render_article(doc, [str(100 + i) for i in range(len(doc.facts))], line_links=True)
    assert '<h1 class="blk title" data-lines="1 2"><a class="line-link" href="#line-1"' in out
    assert '<h2 class="blk heading" data-lines="6"><a class="line-link" href="#line-6" title="raw lines 6">L6</a> 一、综合</h2>' in out
    first = re.search(r'<mark [^>]*id="fact-100"[^>]*>', out).group(0)
    assert 'data-indicator="地区生产总值"' in first and 'data-value="1,602.7 亿元"' in first
    assert 'data-period="2024年"' in first and 'tabindex="0"' in first and "k-level" in first
    approx = re.search(r'<mark [^>]*id="fact-108"[^>]*>', out).group(0)
    assert 'data-qualifier="约 approx"' in approx and 'data-value="12 %"' in approx
    assert 'class="ent e-org"' in out


def test_highlight_table_cells_are_marked_in_place():
    text = "指标 数值\n地区生产总值 1602.7亿元"
    rows = [["指标", "数值"], ["地区生产总值", "1602.7亿元"]]
    value_at = text.index("1602.7")
    doc = Document(text=text, blocks=[Block("table", 0, len(text), [1, 2], rows=rows)],
                   facts=[Fact("地区生产总值", Decimal("1602.7"), "亿元", "level", value_at, len(text))])
    out = render_article(doc)
    assert "<th>指标</th>" in out
    assert re.search(r'<td><mark [^>]*id="fact-0"[^>]*>1602.7亿元</mark></td>', out)


def test_highlight_refuses_spans_outside_the_text():
    doc = Document(text="增长5.9%", facts=[Fact("增长", Decimal("5.9"), "%", "change", 3, 99)],
                   entities=[Entity("org", "x", -1, 2)])
    out = render_article(doc)
    assert "<mark" not in out and 'class="ent' not in out and "增长5.9%" in out


# The charts

def _points(conflict_value=None):
    points = [chart.Point("临江区", 2023, 1513.6, "/documents/1#fact-6", "临江区 2023"),
              chart.Point("临江区", 2024, 1602.7, "/documents/1#fact-1", "临江区 2024"),
              chart.Point("<滨湖区>", 2024, 986.4, "/documents/3#fact-12", "滨湖区 & 2024")]
    if conflict_value is not None:
        points[1] = chart.Point("临江区", 2024, 1602.7, "/documents/1#fact-1", "临江区 2024", conflict=True)
        points.append(chart.Point("临江区", 2024, conflict_value, "/documents/2#fact-11", "临江区 2024",
                                  conflict=True))
    return points


def test_chart_line_every_point_links_to_its_source():
    svg = chart.line_chart(_points(), "亿元")
    root = ET.fromstring(svg)  # well-formed XML, labels escaped
    links = [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert links == ["/documents/1#fact-6", "/documents/1#fact-1", "/documents/3#fact-12"]
    assert "&lt;滨湖区&gt;" in svg and "2023" in svg and "2024" in svg


def test_chart_conflicting_values_drawn_distinctly():
    plain = chart.line_chart(_points(), "亿元")
    disputed = chart.line_chart(_points(conflict_value=1598.2), "亿元")
    ET.fromstring(disputed)
    assert "<polygon" not in plain
    assert disputed.count("<polygon") == 2 and disputed.count('class="point conflict"') == 2
    assert chart.CONFLICT_COLOUR in disputed


def test_chart_bars_across_places_largest_first():
    svg = chart.bar_chart([p for p in _points() if p.year == 2024], "亿元")
    root = ET.fromstring(svg)
    links = [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert links == ["/documents/1#fact-1", "/documents/3#fact-12"]


@pytest.mark.parametrize("low, high", [(0, 1602.7), (-3.2, 8), (5, 5), (0, 0), (0, 32_000_000)])
def test_chart_ticks_cover_the_values(low, high):
    ticks = chart.nice_ticks(low, high)
    assert ticks[0] <= low and ticks[-1] >= high and 3 <= len(ticks) <= 8


# Pages

PAGES = ["/documents", "/documents?q=地区生产总值", "/documents?q=游客", "/facts", "/facts?kind=change&order=-value",
         "/indicators", "/indicators/地区生产总值", "/upload", "/api"]


@pytest.mark.parametrize("path", PAGES)
def test_web_pages_send_csp_and_no_inline_script_or_style(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    page = response.text
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/app.js" defer>']
    assert " style=" not in page and "<style" not in page
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)  # nothing from another host


def test_web_document_page_marks_facts_with_store_ids(client, db):
    doc_id = db[1]["bulletin"]
    facts = client.get("/api/facts", params={"doc": doc_id, "limit": 100}).json()["facts"]
    page = client.get(f"/documents/{doc_id}").text
    for fact in facts:
        assert f'id="fact-{fact["id"]}"' in page
    assert page.count('<mark class="fact k-rank"') == 1
    assert "临江区统计局" in page and "一、综合" in page


def test_web_document_page_shows_markup_as_text(client, db):
    page = client.get(f"/documents/{db[1]['markup']}").text
    assert "<script>alert" not in page and '&lt;script&gt;alert("x")&lt;/script&gt;' in page
    assert "<b>粗体</b>" not in page and "&lt;b&gt;粗体&lt;/b&gt;" in page
    assert "scraped&lt;page&gt;.html" in page


def test_web_document_compare_view_links_blocks_to_raw_lines(client, db):
    doc = all_documents()["bulletin"]
    page = client.get(f"/documents/{db[1]['bulletin']}?view=compare").text
    raw_lines = doc.raw.split("\n")
    for number, line in enumerate(raw_lines, start=1):
        assert f'id="line-{number}" data-n="{number}">{html.escape(line, quote=False)}</span>' in page
    for block in doc.blocks:
        assert f'data-lines="{" ".join(map(str, block.lines))}"' in page


def test_web_indicator_page_lists_conflict_with_both_sources(client, db):
    page = client.get("/indicators/地区生产总值").text
    conflict = page[page.index('class="conflicts"'):page.index("</section>", page.index('class="conflicts"'))]
    assert "1,602.7 亿元" in conflict and "1,598.2 亿元" in conflict
    assert f"/documents/{db[1]['bulletin']}#fact-" in conflict and f"/documents/{db[1]['brief']}#fact-" in conflict
    yearly = page[page.index('class="series"'):page.index("</section>", page.index('class="series"'))]
    assert yearly.count("<svg") == 4  # over time and across places, each at two widths
    assert "812.3" not in yearly  # a half-year value is charted apart from whole years


def test_web_pages_paginate(fresh_client):
    from zhibiao.store import open_store
    from zhibiao.web.pages import DOCUMENTS_PER_PAGE
    client, path = fresh_client
    with open_store(path) as store:
        for number in range(DOCUMENTS_PER_PAGE):
            store.add_document(Document(text=f"第{number}号简报", blocks=[Block("paragraph", 0, 4 + len(str(number)))]))
    first = client.get("/documents").text
    assert 'rel="next" href="/documents?page=2"' in first and 'rel="prev"' not in first
    second = client.get("/documents?page=2").text
    assert second.count('class="doc-title"') == 4 and 'rel="prev" href="/documents?page=1"' in second
    assert f"{DOCUMENTS_PER_PAGE + 4} documents" in second


def test_web_unknown_pages_and_ids_are_404(client):
    assert client.get("/documents/999").status_code == 404
    assert client.get("/indicators/没有这个指标").status_code == 404
    response = client.get("/api/documents/999")
    assert response.status_code == 404 and "999" in response.json()["message"]


# JSON API

def test_web_api_documents_search_in_chinese(client, db):
    everything = client.get("/api/documents").json()
    assert everything["total"] == 4
    found = client.get("/api/documents", params={"search": "游客"}).json()
    assert [d["id"] for d in found["documents"]] == [db[1]["markup"]]
    paged = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert [d["id"] for d in paged["documents"]] == [d["id"] for d in everything["documents"][2:4]]


def test_web_api_document_has_text_and_facts(client, db):
    body = client.get(f"/api/documents/{db[1]['plan']}").json()
    assert body["info"]["n_facts"] == 3
    document = body["document"]
    assert document["goals"][0]["deadline"] == "2027年"
    for fact in document["facts"]:
        assert fact["start"] < fact["end"] <= len(document["text"])


def test_web_api_facts_filter_and_order(client):
    changes = client.get("/api/facts", params={"kind": "change", "order": "-value"}).json()
    values = [f["value"] for f in changes["facts"]]
    assert changes["total"] == len(values) == 3 and values == sorted(values, reverse=True)
    assert {f["kind"] for f in changes["facts"]} == {"change"}
    gdp = client.get("/api/facts", params={"indicator": "地区生产总值", "period": "2024", "kind": "level"}).json()
    assert sorted(f["value"] for f in gdp["facts"]) == [986.4, 1598.2, 1602.7]


@pytest.mark.parametrize("query, named", [
    ("limit=-5", "limit"), ("limit=0", "limit"), ("limit=100000", "limit"), ("offset=abc", "offset"),
    ("offset=-1", "offset"), ("kind=bogus", "kind"), ("order=colour", "order"), ("doc=abc", "doc"),
])
def test_web_api_bad_parameters_get_400_with_message(client, query, named):
    response = client.get(f"/api/facts?{query}")
    assert response.status_code == 400
    body = response.json()
    assert named in body["message"] and body["error"] == "QueryError"


def test_web_page_bad_parameter_gets_400_page(client):
    response = client.get("/facts?kind=bogus")
    assert response.status_code == 400 and "bogus" in response.text and "<html" in response.text
    assert client.get("/documents?page=0").status_code == 400


def test_web_api_facts_download_is_exactly_the_filtered_rows(client):
    query = {"indicator": "地区生产总值", "order": "value"}
    expected = client.get("/api/facts", params={**query, "limit": 1000}).json()["facts"]
    response = client.get("/api/facts.csv", params=query)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [int(r["id"]) for r in rows] == [f["id"] for f in expected]
    assert [r["evidence"] for r in rows] == [f["evidence"] for f in expected]
    as_json = json.loads(client.get("/api/facts.json", params=query).content)
    assert as_json == expected


def test_web_api_series_flags_the_conflict(client):
    series = client.get("/api/indicators/地区生产总值/series").json()
    disputed = sorted(p["value"] for p in series["points"] if p["conflict"])
    assert disputed == [1598.2, 1602.7] and len(series["conflicts"]) == 1
    only = client.get("/api/indicators/地区生产总值/series", params={"place": "滨湖"}).json()
    assert [p["value"] for p in only["points"]] == [986.4]


def test_web_openapi_describes_the_api_and_docs_need_no_cdn(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/facts", "/api/indicators/{name}/series",
                 "/api/upload"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 404  # FastAPI's page would load Swagger UI from a CDN
    assert "/api/facts" in client.get("/api").text


def test_web_browsing_never_writes_the_store(client, db):
    before = hashlib.sha256(Path(db[0]).read_bytes()).hexdigest()
    for path in PAGES + ["/api/facts.csv", f"/documents/{db[1]['brief']}?view=compare"]:
        client.get(path)
    assert hashlib.sha256(Path(db[0]).read_bytes()).hexdigest() == before


# Upload

def test_web_upload_preview_then_save_writes_exactly_one_document(fresh_client):
    client, _ = fresh_client
    before = client.get("/api/documents").json()["total"]
    facts_before = client.get("/api/facts").json()["total"]
    preview = client.post("/upload", files={"file": ("公报.txt", PAGE.encode("utf-8"), "text/plain")},
                          data={"date": "2025-03-10", "place": "临江区"})
    assert preview.status_code == 200
    assert "全年实现地区生产总值1602.7亿元" in _text_of(preview.text) and "公报.txt" in preview.text
    assert client.get("/api/documents").json()["total"] == before  # nothing saved by a preview
    token = re.search(r'name="token" value="([^"]+)"', preview.text).group(1)
    saved = client.post("/upload/save", data={"token": token})
    assert saved.status_code == 303
    new_id = int(saved.headers["location"].rsplit("/", 1)[1])
    after = client.get("/api/documents").json()
    assert after["total"] == before + 1
    info = client.get(f"/api/documents/{new_id}").json()["info"]
    assert info["date"] == "2025-03-10"
    assert client.get("/api/facts").json()["total"] == facts_before + info["n_facts"]  # counted at once
    assert client.post("/upload/save", data={"token": token}).status_code == 404  # a token saves once


def test_web_api_upload_extracts_and_saves_only_when_asked(fresh_client):
    client, _ = fresh_client
    before = client.get("/api/documents").json()["total"]
    body = client.post("/api/upload", files={"file": ("page.txt", PAGE.encode("gb18030"))}).json()
    assert "新设外商投资企业58家" in body["documents"][0]["text"] and body["saved"] == []
    assert client.get("/api/documents").json()["total"] == before
    body = client.post("/api/upload", files={"file": ("page.txt", PAGE.encode())}, data={"save": "true"}).json()
    assert body["saved"][0]["created"] is True
    assert client.get("/api/documents").json()["total"] == before + 1


def test_web_api_two_uploads_with_one_name_are_two_documents(fresh_client):
    client, _ = fresh_client
    before = client.get("/api/documents").json()["total"]
    ids = []
    for district in ("临江区", "望山区"):
        page = PAGE.replace("全年实现", f"{district}全年实现")
        body = client.post("/api/upload", files={"file": ("report.txt", page.encode())}, data={"save": "true"}).json()
        ids.append(body["saved"][0]["id"])
    assert client.get("/api/documents").json()["total"] == before + 2  # neither hides the other
    for doc_id in ids:
        info = client.get(f"/api/documents/{doc_id}").json()["info"]
        assert info["latest"] and info["version"] == 1 and "report.txt" in info["source"]


@pytest.mark.parametrize("path", ["/upload", "/api/upload"])
def test_web_upload_unreadable_file_gets_422_with_reason(client, path):
    response = client.post(path, files={"file": ("chart.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")})
    assert response.status_code == 422
    assert "chart.png" in response.text and "PNG image" in response.text


@pytest.mark.parametrize("path", ["/upload", "/api/upload"])
def test_web_upload_over_the_limit_gets_413(client, path):
    response = client.post(path, files={"file": ("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1))})
    assert response.status_code == 413
    assert "20 MB" in response.text


def test_web_upload_without_a_file_gets_400(client):
    response = client.post("/api/upload", data={"date": "2025-01-01"})
    assert response.status_code == 400 and "file" in response.json()["message"]


def test_web_upload_from_another_site_is_refused(fresh_client):
    client, _ = fresh_client
    response = client.post("/api/upload", files={"file": ("page.txt", PAGE.encode())}, data={"save": "true"},
                           headers={"Origin": "http://elsewhere.example"})
    assert response.status_code == 403
    assert client.get("/api/documents").json()["total"] == 4


def test_web_serve_refuses_a_store_it_cannot_open(tmp_path):
    from click.testing import CliRunner
    from zhibiao.cli import cli
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing" / "store.db")])
    assert result.exit_code == 2
    assert "zhibiao: error:" in result.output and "store.db" in result.output and "Traceback" not in result.output


def test_web_indicator_page_charts_the_most_reported_places_and_links_the_rest(tmp_path):
    from fastapi.testclient import TestClient
    from zhibiao.store import open_store
    from zhibiao.web import create_app
    from zhibiao.web.pages import CHART_PLACES
    path = str(tmp_path / "store.db")
    places = [f"第{n + 1}区" for n in range(CHART_PLACES + 2)]
    with open_store(path) as store:
        for number, place in enumerate(places):
            for report in range(2 if number < CHART_PLACES else 1):  # the last two places report once
                text = f"{place}第{report}期简报：2024年接待游客{120 + number}万人次。"
                start = text.index("接待游客")
                store.add_document(Document(
                    text=text, blocks=[Block("paragraph", 0, len(text), [1])], raw=text,
                    facts=[Fact("接待游客", Decimal(120 + number), "万人次", "level", start, len(text) - 1,
                                period="2024年", place=place)],
                    meta=Meta(source=f"/briefs/{number}-{report}.txt", place=place, date="2025-01-10")))
    with TestClient(create_app(path)) as client:
        page = client.get("/indicators/接待游客").text
        listed = re.search(r'<p class="muted other-places">(.*?)</p>', page, re.S).group(1)
        assert [html.unescape(p) for p in re.findall(r">([^<>]+区)</a>", listed)] == places[CHART_PLACES:]
        assert page.count("and 1 more report") == CHART_PLACES  # two reports, one value: one row each
        series = client.get("/api/indicators/接待游客/series", params={"max_places": 1, "per_group": 2}).json()
        first = min(places[:CHART_PLACES])  # most facts, then by name
        assert {p["place"] for p in series["points"]} == {first} and series["points"][0]["sources"] == 2
        assert len(series["places"]) == len(places)
        assert client.get("/api/indicators/接待游客/series", params={"per_group": 1}).status_code == 400
