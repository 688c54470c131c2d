"""Iframes that survive sanitising, loaded by Chromium itself: every frame the page asks for
goes to an allowlisted host (issue 17, item 1: urlsplit and a browser disagreed on
"https://evil.example\\@www.youtube.com/")."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bad.kit import make_site
from conftest import CHROMIUM, CHROMIUM_ARGS, need
from generator.build import build
from test_safety import ALLOWED_IFRAME_HOSTS, IFRAME_VECTORS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("iframes")
    body = "\n\n".join(f'<iframe src="{src}" title="Phim {i}"></iframe>' for i, (src, _) in enumerate(IFRAME_VECTORS))
    make_site(root, {"video.md": f"---\ntitle: Video\ndate: 2021-02-01\n---\n\nĐầu.\n\n{body}\n"})
    build(root)
    return root / "output"


@pytest.fixture(scope="module")
def browser():
    """Chromium for this module only: a Playwright left running holds an asyncio loop that the
    tests after it (Tornado's, another Playwright) cannot run beside."""
    need(CHROMIUM.exists(), "/usr/bin/chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright (pip install -e '.[test]')")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_every_iframe_chromium_loads_is_on_the_allowlist(site: Path, browser, host):
    served = host(site)
    page = browser.new_page()
    frames: list[str] = []

    def route(route, request):  # no network here: outside requests are recorded and answered empty
        if urlsplit(request.url).hostname == "127.0.0.1":
            return route.continue_()
        if request.resource_type == "document":
            frames.append(request.url)
        return route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>x</title>")

    page.route("**/*", route)
    page.goto(served.url + "bai-viet/video/", wait_until="load")
    for frame in page.query_selector_all("main iframe"):  # loading="lazy": each is loaded when seen
        frame.scroll_into_view_if_needed()
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    resolved = page.evaluate("""() => [...document.querySelectorAll('main iframe')].map(f => {
        const src = f.getAttribute('src');
        if (src === null) return null;
        const url = new URL(src, document.baseURI);
        return {protocol: url.protocol, hostname: url.hostname, username: url.username, href: url.href};
    })""")
    page.close()
    kept = [r for r in resolved if r is not None]
    assert len(kept) == len(resolved)  # a refused one is gone, not an empty frame
    assert len(kept) == sum(1 for _, want in IFRAME_VECTORS if want)  # the good ones still play
    for url in kept:
        assert url["protocol"] == "https:" and url["hostname"] in ALLOWED_IFRAME_HOSTS and not url["username"], url
    assert len(frames) == len(kept), frames
    for url in frames:
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.hostname in ALLOWED_IFRAME_HOSTS, url
