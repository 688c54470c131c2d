"""Search in a real browser: Playwright driving Debian's chromium on the repository's own site.

The bundled site (site.toml and content/ of the repository) is built and served by
a stdlib HTTP server with the CSP of netlify.toml, so the page must work with
`script-src 'self'; style-src 'self'`. The search fixture site
(tests/fixtures/search_site: the bundled articles plus one about "tiền bạc") is
used only for what the bundled articles can't show: "Bác" against "bạc".
Skipped only when chromium (or Playwright) is missing and not in CI; in CI
(CI=true) they must run.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from generator.build import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "search_site"
IGNORE = shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock", ".output.*")
CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI") == "true"

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # reported by the skip below, or as a failure in CI
    sync_playwright = None

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif((not CHROMIUM.exists() or sync_playwright is None) and not IN_CI,
                       reason="needs /usr/bin/chromium and playwright (apt-get install chromium; "
                              "pip install -e '.[test]'); they always run in CI"),
]

CSP = ("default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'")

LAO_CAI = "Đảng bộ Khối các cơ quan tỉnh Lào Cai sau 4 năm thực hiện Cuộc vận động"
PHAT_HUY = "Đảng bộ Khối các cơ quan tỉnh: Phát huy cách làm hiệu quả trong học tập, làm theo Bác"
CHI_THI_05 = "Hiệu quả qua 2 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"
NHAN_RONG = "Nhân rộng các mô hình điển hình làm theo lời Bác"
LAI_CHAU = "Phát huy vai trò nêu gương của cán bộ, đảng viên tại Lai Châu"
TIEN_BAC = "Trả lại tiền bạc cho người đánh rơi"


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args):  # quiet test output
        return


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The repository's own site: its site.toml and content/, built into a temporary folder."""
    tmp = tmp_path_factory.mktemp("browser")
    root = tmp / "site"
    root.mkdir()
    shutil.copy(ROOT / "site.toml", root / "site.toml")
    shutil.copytree(ROOT / "content", root / "content", ignore=IGNORE)
    out = tmp / "out"
    build(root, output=str(out), base_url="http://127.0.0.1/")
    server = serve(out)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    """The search fixture site, for the article the bundled site lacks."""
    tmp = tmp_path_factory.mktemp("browser-fixture")
    root = tmp / "site"
    shutil.copytree(FIXTURE, root, ignore=IGNORE)
    out = tmp / "out"
    build(root, output=str(out))
    server = serve(out)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--headless"])
        yield b
        b.close()


def open_search(browser, url: str):
    context = browser.new_context()
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto(url + "tim-kiem/")
    return context, pg


@pytest.fixture
def page(browser, site_url):
    context, pg = open_search(browser, site_url)
    yield pg
    context.close()


def results(pg) -> list[str]:
    return [t.strip() for t in pg.locator("#search-results li h2").all_text_contents()]


def type_and_wait(pg, query: str) -> float:
    """Type query (last key timed), wait for the rendered answer; milliseconds after the last key."""
    pg.fill("#q", "")
    pg.wait_for_function("() => !new URL(location.href).searchParams.get('q')")
    pg.locator("#q").press_sequentially(query[:-1])
    pg.wait_for_timeout(150)
    # Timed inside the page: from the last keydown to the last change of the results list.
    pg.evaluate("""() => {
        const t = window.__timing = {};
        document.querySelector('#q').addEventListener('keydown', () => { t.key = performance.now(); }, {once: true});
        new MutationObserver(() => { t.done = performance.now(); })
            .observe(document.querySelector('#search-results'), {childList: true});
        new MutationObserver(() => { t.done = performance.now(); })
            .observe(document.querySelector('#search-status'), {childList: true, characterData: true, subtree: true});
    }""")
    pg.locator("#q").press(query[-1])
    pg.wait_for_function(
        """q => new URL(location.href).searchParams.get('q') === q.trim() &&
               document.querySelector('#search-status').textContent !== '' &&
               (document.querySelectorAll('#search-results li').length > 0 ||
                /Không tìm thấy/.test(document.querySelector('#search-status').textContent))""", arg=query)
    pg.wait_for_timeout(100)  # let the last records render
    return pg.evaluate("() => window.__timing.done - window.__timing.key")


def test_unaccented_query_finds_the_article_first_quickly(page):
    ms = type_and_wait(page, "lam theo bac")
    assert results(page)[0] == PHAT_HUY
    assert re.fullmatch(r"Tìm thấy \d+ kết quả", page.text_content("#search-status"))
    assert ms < 300, f"results {ms:.0f} ms after the last keystroke"
    assert page.locator("#search-results li mark").count() > 0
    assert not page.errors, page.errors


def test_exact_diacritics_rank_first(browser, fixture_url):
    context, pg = open_search(browser, fixture_url)
    type_and_wait(pg, "bạc")
    dotted = results(pg)
    type_and_wait(pg, "Bác")
    acute = results(pg)
    context.close()
    assert dotted[0] == TIEN_BAC and acute[0] != TIEN_BAC
    assert sorted(dotted) == sorted(acute)  # both spellings still match
    assert not pg.errors, pg.errors


def test_province_name(page):
    type_and_wait(page, "Lào Cai")
    assert results(page)[0].startswith(LAO_CAI)
    assert "Lào Cai" in page.locator("#search-results li .meta").first.text_content()
    assert re.search(r"Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật", page.locator("#search-results time").first.text_content())


def test_directive_symbol(page):
    type_and_wait(page, "05-CT/TW")
    assert results(page)[0] == CHI_THI_05


def test_quoted_phrase(page):
    type_and_wait(page, "\"làm theo lời Bác\"")
    assert results(page)[0] == NHAN_RONG


def test_province_filter_and_no_results_message(page):
    type_and_wait(page, "làm theo Bác")
    before = len(results(page))
    page.select_option("#tinh", "lai-chau")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 1")
    assert results(page) == [LAI_CHAU]
    assert page.text_content("#search-status") == "Tìm thấy 1 kết quả"
    assert before > 1
    assert "tinh=lai-chau" in page.url
    type_and_wait(page, "Lào Cai")
    assert results(page) == []
    assert "bỏ bớt bộ lọc" in page.text_content("#search-status")


def test_labels_live_region_and_keyboard(page):
    field = page.get_by_label("Từ khóa")
    assert field.get_attribute("id") == "q"
    assert page.get_attribute("#search-status", "aria-live") == "polite"
    assert page.get_by_label("Tỉnh, thành phố").evaluate("e => e.tagName") == "SELECT"
    field.focus()
    page.keyboard.type("dak nong")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#search-results li a').length === 1")
    page.keyboard.press("Tab")  # the next control is reachable by keyboard
    assert page.evaluate("() => document.activeElement.tagName") in ("BUTTON", "SELECT", "A")


def test_header_form_leads_to_results(browser, site_url):
    context = browser.new_context()
    pg = context.new_page()
    pg.goto(site_url)
    # only the search page carries the search script (every page has the masthead's deferred date)
    assert [src.rsplit("/", 1)[1].split(".")[0] for src in
            pg.locator("script[src]").evaluate_all("els => els.map(e => e.src)")] == ["masthead"]
    pg.fill("#header-q", "Lào Cai")
    pg.press("#header-q", "Enter")
    pg.wait_for_url(re.compile(r"/tim-kiem/\?q=L"))
    pg.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0")
    assert pg.input_value("#q") == "Lào Cai"
    assert results(pg)[0].startswith(LAO_CAI)
    context.close()


def test_without_javascript_the_form_still_leads_to_the_search_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(site_url)
    pg.fill("#header-q", "lam theo bac")
    pg.press("#header-q", "Enter")
    pg.wait_for_url(re.compile(r"/tim-kiem/\?q=lam\+theo\+bac"))
    message = pg.locator(".search-nojs")
    assert message.is_visible()
    assert "Tìm kiếm cần JavaScript" in message.text_content()
    links = message.locator("a").all_text_contents()
    assert "Tỉnh, thành phố" in links and "Văn bản chỉ đạo" in links and "Chủ đề" in links
    context.close()
