"""The page head's pictures as Chromium reads them, under a base path (/hoc-tap/): the web app
manifest parses without errors and names the portal in Vietnamese, and the manifest's icons, the
apple-touch-icon and the share image (og:image, taken under the served host) load
as PNGs of their stated sizes."""
from __future__ import annotations

import json

import pytest

from conftest import Site

pytestmark = pytest.mark.browser


def test_chromium_reads_the_manifest_and_every_head_picture_loads(chromium, bundled_site_sub_path: Site, host):
    url = host(bundled_site_sub_path.output, "/hoc-tap/").url
    context = chromium.new_context()
    page = context.new_page()
    page.goto(url)
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == url + "site.webmanifest" and manifest["errors"] == [], manifest
    assert json.loads(manifest["data"])["name"] == "Học tập và làm theo Bác", manifest
    found = page.evaluate("""async () => {
        const head = (selector, attribute) => document.querySelector(selector)?.getAttribute(attribute);
        const manifest = await (await fetch(head('link[rel=manifest]', 'href'))).json();
        // og:image is the published site's address (base_url, https://example.org/hoc-tap/): its path here
        const share = new URL(new URL(head('meta[property="og:image"]', 'content')).pathname, location.origin);
        const wanted = [
          ['share', share.href, head('meta[property="og:image:width"]', 'content') + 'x'
                                + head('meta[property="og:image:height"]', 'content')],
          ['apple-touch-icon', head('link[rel=apple-touch-icon]', 'href'), '180x180'],
          ...manifest.icons.map(icon => ['manifest', new URL(icon.src, location.href).href, icon.sizes]),
        ];
        const out = [];
        for (const [what, src, sizes] of wanted) {
          const response = await fetch(src);
          const image = new Image();
          image.src = src;
          await image.decode();
          out.push([what, response.headers.get('content-type'), sizes, image.naturalWidth + 'x' + image.naturalHeight]);
        }
        return out;
    }""")
    context.close()
    assert [row[0] for row in found] == ["share", "apple-touch-icon", "manifest", "manifest"]
    for what, kind, stated, actual in found:
        assert (kind, actual) == ("image/png", stated), (what, found)
