"""End to end in a real headless Chromium: the server runs on a free loopback port over a store of
hand-made documents; each test drives one page as a reader would and writes screenshots of it at
desktop and phone widths to screenshots/ (named in the README)."""
from __future__ import annotations

import csv
import io
import socket
import threading
import time
from pathlib import Path

import pytest

from web_documents import fill_store

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "screenshots"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE = "临江区统计公报\n\n全年实现地区生产总值1602.7亿元，比上年增长5.9%。\n新设外商投资企业58家。\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real app under uvicorn in a thread; yields its base URL and the stored ids."""
    import uvicorn

    from zhibiao.web import create_app
    path = str(tmp_path_factory.mktemp("browser") / "store.db")
    ids = fill_store(path)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(path), log_level="warning", lifespan="on")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", ids
    running.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that fails the test on any console error (a CSP violation is one) or dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and not message.text.startswith(
        "Failed to load resource: the server responded") and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield page
    context.close()
    assert not problems, problems


def shoot(page, name: str) -> None:
    """Full-page screenshots at desktop and phone widths; the page is left at desktop width."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for size, (width, height) in reversed(SIZES.items()):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(100)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"), full_page=True)


def test_web_browser_hover_and_focus_show_the_fact(server, page):
    base, ids = server
    page.goto(f"{base}/documents/{ids['bulletin']}")
    tip = page.locator("#tip")
    first = page.locator("mark.fact[id]").first
    first.hover()
    assert tip.is_visible()
    assert "地区生产总值" in tip.inner_text() and "1,602.7 亿元" in tip.inner_text()
    page.mouse.move(1, 1)
    assert not tip.is_visible()
    approx = page.locator("mark.fact[data-qualifier]").first
    approx.focus()  # the keyboard path: a focused fact shows the same tooltip
    assert tip.is_visible() and "实际使用外资" in tip.inner_text() and "约 approx" in tip.inner_text()
    assert approx.get_attribute("aria-describedby") == "tip"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    first.hover()
    shoot(page, "document")


def test_web_browser_side_by_side_links_blocks_to_raw_lines(server, page):
    base, ids = server
    page.goto(f"{base}/documents/{ids['bulletin']}?view=compare")
    heading = page.locator(".article .blk.heading").first
    heading.hover()
    lines = heading.get_attribute("data-lines").split()
    for number in lines:
        assert "linked" in page.locator(f"#line-{number}").get_attribute("class")
    assert page.locator(".raw .ln.linked").count() == len(lines)
    shoot(page, "document-compare")


def test_web_browser_goals_link_to_their_target_facts(server, page):
    base, ids = server
    page.goto(f"{base}/documents/{ids['plan']}")
    goal = page.locator(".goal-list li").first
    assert "2027年" in goal.inner_text() and "城市更新" in goal.inner_text()
    goal.locator("a.goal-fact").first.click()
    target = page.locator(".article mark.fact:target")
    assert target.get_attribute("data-indicator") == "老旧小区改造"
    shoot(page, "document-goals")


def test_web_browser_markup_in_a_document_stays_text(server, page):
    base, ids = server
    page.goto(f"{base}/documents/{ids['markup']}")
    text = page.locator(".article").inner_text()
    assert '<script>alert("x")</script>' in text and "<b>粗体</b>" in text
    assert page.locator(".article b, .article script").count() == 0


def test_web_browser_filter_facts_and_download_the_csv(server, page):
    base, _ = server
    page.goto(f"{base}/documents")
    page.fill("input[name=q]", "生产总值")
    page.click("button:has-text('Search')")
    assert page.locator(".doc-list li").count() == 3
    assert page.locator(".snippet mark").first.inner_text() == "生产总值"
    shoot(page, "documents")
    page.goto(f"{base}/facts")
    page.fill("input[name=indicator]", "地区生产总值")
    with page.expect_navigation():
        page.select_option("select[name=kind]", "level")  # applies itself
    assert "kind=level" in page.url and "indicator=" in page.url
    shown = [int(row.get_attribute("data-fact")) for row in page.locator("#facts tbody tr").all()]
    assert len(shown) == 5
    with page.expect_download() as download:
        page.click("text=CSV ↓")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert [int(r["id"]) for r in rows] == shown
    assert {r["kind"] for r in rows} == {"level"} and all("地区生产总值" in r["indicator"] for r in rows)
    shoot(page, "facts")


def test_web_browser_indicator_chart_point_opens_its_source(server, page):
    base, _ = server
    page.goto(f"{base}/indicators")
    page.click("text=地区生产总值")
    assert page.locator(".conflicts").is_visible()
    shoot(page, "indicator")
    point = page.locator(".chart-wide svg a.point.conflict").first
    href = point.get_attribute("href")
    point.click()
    page.wait_for_url(f"**{href}")
    target = page.locator(f"#{href.split('#')[1]}")
    assert target.is_visible() and target.evaluate("el => el.matches(':target')")
    assert target.get_attribute("data-indicator") == "地区生产总值"


def test_web_browser_upload_preview_save_and_refusal(server, page, tmp_path):
    base, _ = server
    good = tmp_path / "临江公报.txt"
    good.write_text(PAGE, encoding="gb18030")
    page.goto(f"{base}/upload")
    shoot(page, "upload")
    page.set_input_files("input[type=file]", str(good))
    page.click("button[type=submit]")
    assert "全年实现地区生产总值1602.7亿元" in page.locator(".article").inner_text()
    assert "Not saved yet" in page.inner_text(".save")
    shoot(page, "upload-preview")
    page.click("text=保存 Save to store")
    page.wait_for_url("**/documents/*")
    assert "新设外商投资企业58家" in page.locator(".article").inner_text()

    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    page.goto(f"{base}/upload")
    page.set_input_files("input[type=file]", str(bad))
    page.click("button[type=submit]")
    message = page.locator(".error .message").inner_text()
    assert "scan.png" in message and "PNG image" in message
    shoot(page, "upload-error")


def test_web_browser_api_reference_works_offline(server, page):
    base, _ = server
    page.goto(f"{base}/api")
    assert page.locator(".endpoint").count() >= 5
    shoot(page, "api")
