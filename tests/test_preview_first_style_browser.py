"""`lamtheobac serve --cms` on a site whose first build fails: the editor's preview is styled.

The preview folder then has no build at all, and the web editor's preview pane links the site's
stylesheet by the fingerprinted name the theme gives it now (assets/style.<digest>.css): it was a 404,
and the article showed in the browser's default look (Times, black) until a build went well, which
for a site broken from the start is never. The preview server now answers a theme file asked for by
its fingerprinted name from the theme itself when no build has published it (previewhttp.theme_asset):
the name is the file's digest, so what is sent is what a good build would publish.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from conftest import copy_project
from generator.config import load_config
from generator.themes import collect_assets
from test_cms import ServedCms
from test_cms_browser import Editor

BROKEN = "nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac"
STYLED = 20  # seconds: the pane's own retries (05-preview.js) go on for a minute; a styled pane is at once


def broken_project(folder: Path) -> Path:
    root = copy_project(folder)
    article = root / "content" / "articles" / f"{BROKEN}.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title:", "title: [chưa đóng", 1), encoding="utf-8")
    return root


@pytest.fixture
def broken_served(tmp_path: Path):
    """serve --cms on a project whose first build fails (an article's front matter is not YAML)."""
    root = broken_project(tmp_path / "site")
    server = ServedCms(root)
    try:
        line = server.built("the first build")
        assert line.startswith("Không dựng được"), server.lines
        assert not (root / ".cache" / "preview").exists()  # nothing was ever published
        yield root, server
    finally:
        server.stop()


def linked_styles(server) -> list[str]:
    status, body, _ = server.request("GET", "/admin/")
    assert status == 200
    terms = re.search(rb'<script type="application/json" id="lamtheobac-terms">(.*?)</script>', body, re.S)
    return json.loads(terms.group(1))["styles"]


def test_the_stylesheet_the_editor_links_is_served_when_no_build_ever_went_well(broken_served):
    root, server = broken_served
    styles = linked_styles(server)
    assert styles and styles[0].startswith("/assets/style.")
    assets = {"/" + a.output: a.data for a in collect_assets(load_config(root)).values()}
    status, body, headers = server.request("GET", styles[0])
    assert (status, headers["Content-Type"]) == (200, "text/css; charset=utf-8")
    assert body == assets[styles[0]]
    # what the stylesheet names (the headline font), by its own fingerprinted name
    for url in re.findall(rb'url\("([^"]+)"\)', body):
        named = "/assets/" + url.decode()
        status, font, _ = server.request("GET", named)
        assert (status, font) == (200, assets[named]), named
    # a name no theme file has is still a 404; a page is still the list of errors
    assert server.request("GET", "/assets/style.0000000000.css")[0] == 404
    status, page, _ = server.request("GET", "/")
    assert status == 500 and "Không dựng được trang: 1 lỗi" in page.decode()


def test_a_theme_changed_while_the_build_fails_is_the_one_served(broken_served):
    """A good build never came, and the theme's stylesheet changes (a new fingerprint): the new one."""
    root, server = broken_served
    start = len(server.lines)
    css = root / "themes" / "default" / "static" / "style.css"
    css.write_text(css.read_text(encoding="utf-8").replace("--ink: #1d1d1f;", "--ink: #1d1d20;"), encoding="utf-8")
    server.built("the rebuild after the theme's change", start)
    styles = linked_styles(server)
    status, body, _ = server.request("GET", styles[0])
    assert status == 200 and b"--ink:#1d1d20" in body


COMPUTED = """() => {
  const doc = document.querySelector('#preview-pane').contentDocument;
  const link = doc && doc.querySelector('link[rel=stylesheet][href*="/assets/style."]');
  if (!link || !link.sheet) return null;
  const view = doc.defaultView, body = view.getComputedStyle(doc.body), h1 = doc.querySelector('h1');
  return {font: body.fontFamily, color: body.color, background: body.backgroundColor,
          head: h1 ? view.getComputedStyle(h1).fontFamily : null};
}"""


@pytest.mark.browser
def test_the_first_preview_of_a_failing_site_has_the_site_look(chromium, broken_served):
    root, server = broken_served
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        editor = Editor(context, server.url + "admin/")
        editor.log_in()
        editor.page.goto(server.url + "admin/#/collections/articles/new")
        editor.page.get_by_label("Tiêu đề").fill("Bài thử giao diện")
        editor.page.frame_locator("#preview-pane").locator("h1").wait_for()
        deadline, style = time.monotonic() + STYLED, None
        while style is None and time.monotonic() < deadline:
            style = editor.page.evaluate(COMPUTED)
            editor.page.wait_for_timeout(200)
        assert style is not None, "the preview pane never got the site's stylesheet"
        # style.css: body { font: 1.0625rem/1.6 var(--text); color: var(--ink) }, headlines in Be Vietnam Pro
        assert style["font"].startswith("system-ui") and style["color"] == "rgb(29, 29, 31)", style
        assert style["head"].startswith('"Be Vietnam Pro"'), style
        # the site's own address shows the list of errors, in its own look (not the browser's default)
        page = context.new_page()
        page.goto(server.url)
        assert "Không dựng được trang" in page.locator("h1").inner_text()
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
        assert editor.errors == []
    finally:
        context.close()
