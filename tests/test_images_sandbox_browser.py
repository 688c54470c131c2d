"""Files of content/images with script in them, opened in Chromium: no script runs, in the preview
(`serve`, whose origin is also the origin of the editor's backend with --cms) or on a host serving
netlify.toml's headers.

The build refuses such files now (generator/activeimages.py); the sandbox stays for a file
published by an older version or put in the output by other means. Was: an SVG saved from another site with a
<script> ran when opened in the preview, with the preview's origin: a same-origin request, which the
local backend of `serve --cms` answers by writing or deleting articles. On Netlify the site's CSP
(script-src 'self') stopped its inline script, but not a script of the site itself: an SVG loading
"/images/x.js" (a file beside it) ran it, on the origin where /admin/ keeps the editor's login.
"""
from __future__ import annotations

import pytest

from bad.kit import SITE_TOML, make_site
from conftest import need
from generator.build import build
from generator.errors import BuildFailed
from test_server import Served

pytestmark = pytest.mark.browser

MARK = "document.documentElement.setAttribute('data-ran', (document.documentElement.getAttribute('data-ran') || '') + '{}')"
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40">'
       '<rect width="40" height="40" fill="red"/>'
       '<script>' + MARK.format("inline") + '</script>'
       '<script xlink:href="/images/chay.js"></script>'
       '<script href="/images/chay.js"></script></svg>\n')
PAGE = ('<!doctype html><html><head><script src="/images/chay.js"></script></head>'
        '<body><script>' + MARK.format("inline") + '</script></body></html>\n')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("sandbox")
    make_site(root, toml=SITE_TOML + '\n[cms]\nbackend = "git-gateway"\n')
    images = root / "content" / "images"
    put_active_files(images)
    with pytest.raises(BuildFailed):  # refused by the build now (tests/test_activeimages.py)
        build(root)
    for name in ("bieu-tuong.svg", "chay.js", "trang.html"):
        (images / name).unlink()
    build(root)
    # One published by an older version, or put in the output by hand, is still served sandboxed.
    put_active_files(root / "output" / "images")
    return root


def put_active_files(images) -> None:
    (images / "bieu-tuong.svg").write_text(SVG, encoding="utf-8")
    (images / "chay.js").write_text(MARK.format("js") + ";\n", encoding="utf-8")
    (images / "trang.html").write_text(PAGE, encoding="utf-8")


def ran(browser, url: str) -> str | None:
    page = browser.new_page()
    try:
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        page.wait_for_timeout(300)  # a script loaded from a file would have run by now
        return page.evaluate("document.documentElement.getAttribute('data-ran')")
    finally:
        page.close()


@pytest.mark.parametrize("name", ["bieu-tuong.svg", "trang.html"])
def test_no_script_of_content_images_runs_in_the_preview(site, chromium, name):
    server = Served(site, "--cms")
    try:
        server.page_when("/", 200, "</html>")
        put_active_files(site / ".cache" / "preview" / "images")  # what the preview serves
        assert ran(chromium, f"http://127.0.0.1:{server.port}/images/{name}") is None
    finally:
        server.stop()


@pytest.mark.parametrize("name", ["bieu-tuong.svg", "trang.html"])
def test_no_script_of_content_images_runs_on_the_published_site(site, chromium, host, name):
    need((site / "output" / "images" / name).is_file(), "the file published")
    served = host(site / "output")
    assert ran(chromium, f"{served.url}images/{name}") is None


def test_the_sites_own_pages_are_not_sandboxed(site, chromium, host):
    # The sandbox is for content/images only: the theme's pages keep their scripts (the search).
    served = host(site / "output")
    page = chromium.new_page()
    try:
        response = page.goto(f"{served.url}tim-kiem/")
        assert response is not None and response.status == 200
        assert "sandbox" not in response.headers.get("content-security-policy", "")
        assert page.evaluate("document.scripts.length") > 0
    finally:
        page.close()
