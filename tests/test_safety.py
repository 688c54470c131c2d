"""Safety of the output: nothing written outside output/, no script from content, CSP-clean theme."""
from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import ada_url
import pytest
from PIL import Image

from bad.kit import PROJECT, add, errors_of, make_site, snapshot
from generator.build import build
from generator.config import Security
from generator.errors import OutputError
from generator.hostheaders import header_rules, headers_for
from generator.markdown import ENGINES, TAGS, Credentials, Renderer
from generator.write import MARKER, Staging, safe_relative

PAYLOADS = [line for line in (Path(__file__).parent / "bad" / "xss.txt").read_text("utf-8").splitlines() if line]
ALLOWED_IFRAME_HOSTS = {"www.youtube.com", "www.youtube-nocookie.com"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "data", "poster", "srcset", "xlink:href"}
FORBIDDEN_TAGS = {"style", "object", "embed", "base", "svg", "math", "frame", "frameset", "applet", "template",
                  "xmp", "plaintext", "video", "audio", "source"}
LD_JSON = '<script type="application/ld+json">'
LD_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
SCRIPT_FILE = r'<script src="/assets/[\w.-]+\.js"( defer)?>'
TAG = re.compile(r"<[a-zA-Z][^>]*>")  # text and attribute values have < and > escaped
# Inline SVG the theme makes at build time (generator/maps.py, generator/charts.py): allowed by its class;
# content never yields SVG (the sanitiser drops it), and its attributes are audited like any other.
THEME_SVG_CLASSES = {"vn-map", "year-chart", "swatch"}


class Audit(HTMLParser):
    """Every tag and attribute of a page, checked against what the CSP and the allowlist permit."""

    def __init__(self, iframe_hosts=ALLOWED_IFRAME_HOSTS):
        super().__init__(convert_charrefs=True)
        self.iframe_hosts = iframe_hosts
        self.problems: list[str] = []
        self.iframes: list[str | None] = []
        self.in_script = False
        self.in_picture = False

    @staticmethod
    def external(values: dict) -> bool:
        """A theme script file: allowed by script-src 'self' (no inline code)."""
        return set(values) <= {"src", "defer", "type"} and values.get("src", "").startswith("/assets/")

    def theme_photo_source(self, values: dict) -> bool:
        """The theme's <picture><source type="image/webp" srcset="/…"> of a resized photo."""
        sources = [part.strip().split(" ")[0] for part in values.get("srcset", "").split(",")]
        return (self.in_picture and set(values) <= {"type", "srcset", "sizes"} and values.get("type") == "image/webp"
                and all(src.startswith("/") and not src.startswith("//") for src in sources))

    def handle_endtag(self, tag):
        if tag == "picture":
            self.in_picture = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.problems.append("inline code in <script src>")

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style" or name == "srcdoc":
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value:
                # as a browser reads a URL: C0 and space trimmed, tab and newlines removed anywhere
                squeezed = re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(33))))).lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and values.get("type") != "application/ld+json" and not self.external(values):
            self.problems.append(f"<script {values}>")
        self.in_script = tag == "script" and "src" in values
        if tag == "picture":
            self.in_picture = True
        if tag in FORBIDDEN_TAGS and not (tag == "svg" and values.get("class") in THEME_SVG_CLASSES) \
                and not (tag == "source" and self.theme_photo_source(values)):
            self.problems.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in values:
            self.problems.append("<meta http-equiv>")
        if tag == "link" and values.get("rel") == "stylesheet" and not values.get("href", "").startswith("/assets/"):
            self.problems.append(f"<link {values}>")
        if tag == "iframe":
            src = values.get("src")
            self.iframes.append(src)
            if src is not None and not browser_host_allowed(src, self.iframe_hosts):
                self.problems.append(f"<iframe src={src!r}>")


def browser_host_allowed(src: str, hosts) -> bool:
    """Whether a browser would load src (an absolute https address) from one of hosts: read by
    the WHATWG rules browsers follow, not urlsplit's (which reads "https://evil.example\\@host/"
    as host)."""
    try:
        url = ada_url.URL(src)
    except ValueError:
        return False
    return url.protocol == "https:" and url.hostname in hosts and not url.username and not url.password


def audit_html(text: str, iframe_hosts=ALLOWED_IFRAME_HOSTS) -> Audit:
    audit = Audit(iframe_hosts)
    audit.feed(text)
    audit.close()
    # The same, on the raw text of every tag (text may mention "javascript:" as words: harmless)
    for tag in TAG.findall(text):
        if re.search(r"\son\w+\s*=|\sstyle\s*=|javascript:|vbscript:", tag, re.I):
            audit.problems.append("raw: " + tag)
        if tag.lower().startswith("<script") and tag != LD_JSON and not re.fullmatch(SCRIPT_FILE, tag):
            audit.problems.append("raw: " + tag)
    if re.search(r"<style", text, re.I):
        audit.problems.append("raw: <style")
    for block in LD_BLOCK.findall(text):
        json.loads(block)
        if "<" in block:
            audit.problems.append("JSON-LD contains <")
    return audit


@pytest.mark.parametrize("snippet", [
    "<script>alert(1)</script>", '<img src="x" onerror="alert(1)">', '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
    '<p style="color:red">x</p>', "<style>p{}</style>", '<iframe src="https://evil.example/"></iframe>',
    '<script src="https://evil.example/x.js"></script>', '<script src="/assets/a.js">alert(1)</script>',
    '<meta http-equiv="refresh" content="0">', '<script type="application/ld+json">{"a": "</x>"}</script>',
    '<svg><circle r="1"/></svg>', '<svg class="vn-map" onload="alert(1)"></svg>',
    '<svg class="year-chart"><a href="javascript:alert(1)"><text>x</text></a></svg>',
])
def test_the_audit_itself_catches_unsafe_html(snippet):
    assert audit_html(snippet).problems


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


# nothing outside output/ -------------------------------------------------------------------

def outside(tmp_path: Path, root: Path) -> dict[str, bytes]:
    """Everything in tmp_path except what the build may write: output/ and the lock file."""
    snap = snapshot(tmp_path)
    rel = root.relative_to(tmp_path).as_posix()
    prefix = "" if rel == "." else rel + "/"
    mine = (prefix + "output/", prefix + ".lamtheobac.lock", prefix + ".cache/")  # its cache is its own
    return {k: v for k, v in snap.items() if not k.startswith(mine)}


@pytest.mark.parametrize("path", ["../x.html", "a/../../x.html", "/etc/x.html", "a\\..\\b", "",
                                  "..", "a\x00b", "a/\n/b"])
def test_safe_relative_refuses_escapes(path):
    with pytest.raises(OutputError):
        safe_relative(path)


def test_staging_keeps_every_write_inside(tmp_path):
    target = tmp_path / "site" / "output"
    staging = Staging(target).open()
    try:
        with pytest.raises(OutputError) as caught:
            staging.write("../../evil.html", "x", origin="content/articles/evil.md")
        assert str(caught.value) == ("content/articles/evil.md: đường dẫn đầu ra '../../evil.html' không hợp lệ: "
                                     "phải là đường dẫn tương đối, không chứa “..”, “\\” hay ký tự điều khiển")
        with pytest.raises(OutputError):
            staging.write("/tmp/evil.html", "x")
        staging.write("%2e%2e/%2e%2e/x.html", "ok")  # an odd name, but a name: stays inside
        written = [p for p in staging.dir.rglob("*") if p.is_file() and p.name != MARKER]
        assert [p.relative_to(staging.dir).as_posix() for p in written] == ["%2e%2e/%2e%2e/x.html"]
        staging.write("a.html", "1", origin="one.md")
        with pytest.raises(OutputError) as caught:
            staging.write("a.html", "2", origin="two.md")
        assert str(caught.value) == "two.md: hai nguồn cùng ghi ra “a.html”: one.md và two.md"
    finally:
        staging.discard()
    assert list(tmp_path.rglob("evil.html")) == []


def test_content_cannot_write_outside_output(tmp_path):
    root = make_site(tmp_path / "site", {
        "slug-thoat.md": "---\ntitle: a\ndate: 2021-01-01\nslug: ../../../thoat\n---\n",
        "slug-tuyet-doi.md": "---\ntitle: a\ndate: 2021-01-01\nslug: /etc/thoat\n---\n",
        "slug-ma-hoa.md": "---\ntitle: a\ndate: 2021-01-01\nslug: \"%2e%2e%2f%2e%2e%2fthoat\"\n---\n",
        "anh-tuyet-doi.md": "---\ntitle: a\ndate: 2021-01-01\nimage: \"file:///etc/passwd\"\n---\n",
        "anh-ma-hoa.md": "---\ntitle: a\ndate: 2021-01-01\nimage: \"/images/%252e%252e/%252e%252e/thoat\"\n---\n",
    })
    (root / "content" / "pages" / "trang-thoat.md").write_text("---\ntitle: a\nslug: ../thoat\n---\n", "utf-8")
    before = outside(tmp_path, root)
    errors = errors_of(root)
    assert [e.split(":")[0] for e in errors] == [
        "content/articles/anh-ma-hoa.md", "content/articles/anh-tuyet-doi.md", "content/articles/slug-ma-hoa.md",
        "content/articles/slug-thoat.md", "content/articles/slug-tuyet-doi.md", "content/pages/trang-thoat.md"]
    assert outside(tmp_path, root) == before
    assert not list(tmp_path.rglob("thoat*"))


def test_names_from_data_files_and_images_stay_inside(tmp_path):
    root = make_site(tmp_path / "site", {"the.md": "---\ntitle: a\ndate: 2021-01-01\n"
                                                   "tags: [\"../../../thoat\", \"/etc/x\", \"%2e%2e\"]\n---\n"})
    (root / "content" / "data").mkdir()
    (root / "content" / "data" / "tags.csv").write_text("name,description\n../../thoát,x\n", "utf-8")
    odd = root / "content" / "images" / "x..%2f..%2f" / "ảnh ..jpg"
    odd.parent.mkdir(parents=True)
    photo = io.BytesIO()  # a real photo: since 070e831 a damaged one is refused, whatever shows it
    Image.new("RGB", (12, 8), (200, 30, 30)).save(photo, "JPEG")
    odd.write_bytes(photo.getvalue())
    before = outside(tmp_path, root)
    build(root)
    assert outside(tmp_path, root) == before
    out = root / "output"
    assert (out / "chu-de" / "thoat" / "index.html").is_file()
    assert (out / "chu-de" / "etc-x" / "index.html").is_file()
    assert (out / "chu-de" / "2e-2e" / "index.html").is_file()
    assert (out / "images" / "x..%2f..%2f" / "ảnh ..jpg").read_bytes() == photo.getvalue()
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())


@pytest.mark.parametrize("where", ["articles", "pages", "images", "folder", "data"])
def test_symlinks_leading_outside_the_project_are_refused(tmp_path, where):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "mat-khau.md").write_text("---\ntitle: Bí mật\ndate: 2021-01-01\n---\n\nMật khẩu.\n", "utf-8")
    root = make_site(tmp_path / "site")
    build(root)
    before = snapshot(root / "output")
    if where == "folder":
        link = root / "content" / "articles" / "ngoai"
        link.symlink_to(secret, target_is_directory=True)
    elif where == "data":  # was: read, and a CSV's names published as tags, provinces …
        (root / "content" / "data").mkdir()
        link = root / "content" / "data" / "tags.csv"
        (secret / "tags.csv").write_text("name,description\nMật khẩu,x\n", "utf-8")
        link.symlink_to(secret / "tags.csv")
    else:
        link = root / "content" / where / ("ngoai.jpg" if where == "images" else "ngoai.md")
        link.symlink_to(secret / "mat-khau.md")
    shown = link.relative_to(root).as_posix()
    target = link.resolve()
    assert errors_of(root) == [f"{shown}:1: liên kết tượng trưng trỏ ra ngoài dự án (tới {target}), "
                               "không được dùng; hãy chép tệp vào dự án"]
    assert snapshot(root / "output") == before
    assert b"M\xe1\xba\xadt kh\xe1\xba\xa9u" not in b"".join(snapshot(root / "output").values())


@pytest.mark.parametrize("link, target", [
    ("templates/_footer.html", "mat-khau.txt"),                # included in every page
    ("themes/default/static/mat-khau.txt", "mat-khau.txt"),     # published as an asset
    ("templates", "."),                                         # the folder itself
    ("themes/xanh", "."),                                       # a theme folder of themes/
])
def test_symlinks_in_templates_and_themes_leading_outside_are_refused(tmp_path, link, target):
    # Was: followed; a link to /etc/passwd in templates/ or a theme's static/ put it on the site.
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "mat-khau.txt").write_text("Mật khẩu bí mật", "utf-8")
    (secret / "_footer.html").write_text("<p>Mật khẩu bí mật</p>", "utf-8")
    root = make_site(tmp_path / "site")
    build(root)
    before = snapshot(root / "output")
    path = root / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(secret / target, target_is_directory=target == ".")
    if link == "themes/xanh":
        (root / "site.toml").write_text((root / "site.toml").read_text("utf-8") + 'theme = "xanh"\n', "utf-8")
    assert errors_of(root) == [f"{link}:1: liên kết tượng trưng trỏ ra ngoài dự án (tới {secret / target if target != '.' else secret}), "
                               "không được dùng; hãy chép tệp vào dự án"]
    assert snapshot(root / "output") == before


def test_symlinks_in_templates_and_themes_inside_the_project_are_followed(tmp_path):
    root = make_site(tmp_path)
    (root / "chung").mkdir()
    (root / "chung" / "_footer.html").write_text("<footer>Chân trang chung</footer>", "utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "_footer.html").symlink_to(root / "chung" / "_footer.html")
    build(root)
    assert "Chân trang chung" in (root / "output" / "index.html").read_text("utf-8")


def test_symlinks_inside_the_project_are_followed(tmp_path):
    root = make_site(tmp_path)
    shared = root / "chung"
    shared.mkdir()
    (shared / "bai-chung.md").write_text("---\ntitle: Bài chung\ndate: 2021-01-01\n---\n\nChung.\n", "utf-8")
    (root / "content" / "articles" / "chung").symlink_to(shared, target_is_directory=True)
    build(root)
    assert (root / "output" / "bai-viet" / "bai-chung" / "index.html").is_file()


@pytest.mark.parametrize("pattern", ["../{slug}/", "/bai-viet/{slug}/", "bai-viet/../../{slug}/"])
def test_url_patterns_cannot_leave_the_output(tmp_path, pattern):
    toml = f'base_url = "https://example.org/"\n[urls]\narticle = "{pattern}"\n'
    root = make_site(tmp_path, toml=toml)
    assert errors_of(root) == [
        "site.toml:3: [urls] “article” phải là đường dẫn tương đối kết thúc bằng “/”, ví dụ “bai-viet/{slug}/”"]


# safe HTML ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def xss_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("xss")
    make_site(root, {f"xss-{i:02d}.md": f"---\ntitle: Thử {i}\ndate: 2021-01-{i % 28 + 1:02d}\n---\n\n"
                                         f"Trước.\n\n{payload}\n\nSau.\n"
                     for i, payload in enumerate(PAYLOADS)})
    add(root, "video.md", "---\ntitle: Video\ndate: 2021-02-01\n---\n\n"
                          '<iframe src="https://www.youtube.com/embed/abc" title="Bác Hồ" allowfullscreen></iframe>\n')
    build(root)
    return root


def test_xss_payloads_are_defused_everywhere(xss_site):
    assert len(PAYLOADS) > 50
    pages = html_files(xss_site / "output")
    assert len(pages) > len(PAYLOADS)
    for page in pages:
        audit = audit_html(page.read_text("utf-8"))
        assert audit.problems == [], page


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)


@pytest.mark.parametrize("engine", ENGINES)
def test_renderer_keeps_only_allowed_tags(engine):
    renderer = Renderer("/", tuple(ALLOWED_IFRAME_HOSTS), engine=engine)
    for payload in PAYLOADS:
        body = renderer.render(f"Trước.\n\n{payload}\n\nSau.\n")
        tags = Tags()
        tags.feed(body)
        assert tags.seen <= TAGS, (payload, body)
        assert audit_html(body).problems == [], (payload, body)


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_each_payload_article_still_renders_its_text(xss_site, index):
    html = (xss_site / "output" / "bai-viet" / f"xss-{index:02d}" / "index.html").read_text("utf-8")
    assert "Trước." in html
    assert audit_html(html).problems == []


def test_feeds_with_payloads_are_well_formed_and_safe(xss_site):
    for feed in sorted((xss_site / "output").rglob("*.xml")):
        tree = ElementTree.parse(feed)
        for content in tree.iter("{http://www.w3.org/2005/Atom}content"):
            assert audit_html(content.text or "").problems == [], feed


def test_allowed_iframes_kept_others_lose_their_source(xss_site):
    html = (xss_site / "output" / "bai-viet" / "video" / "index.html").read_text("utf-8")
    audit = audit_html(html)
    assert audit.iframes == ["https://www.youtube.com/embed/abc"]
    assert 'title="Bác Hồ"' in html and "allowfullscreen" in html
    for index, payload in enumerate(PAYLOADS):
        if "<iframe" in payload:
            page = (xss_site / "output" / "bai-viet" / f"xss-{index:02d}" / "index.html").read_text("utf-8")
            assert audit_html(page).iframes in ([], [None]), payload


def test_iframe_allowlist_comes_from_site_toml(tmp_path):
    toml = 'base_url = "https://example.org/"\n[security]\niframe_hosts = ["player.vimeo.com"]\n'
    root = make_site(tmp_path, {"video.md": "---\ntitle: Video\ndate: 2021-02-01\n---\n\n"
                                            '<iframe src="https://player.vimeo.com/video/1"></iframe>\n\n'
                                            '<iframe src="https://www.youtube.com/embed/abc"></iframe>\n'}, toml=toml)
    build(root)
    html = (root / "output" / "bai-viet" / "video" / "index.html").read_text("utf-8")
    audit = audit_html(html, iframe_hosts={"player.vimeo.com"})
    assert audit.problems == []
    assert audit.iframes == ["https://player.vimeo.com/video/1"]  # the refused one is gone, not an empty frame


# front-matter values in every context ------------------------------------------------------

EVIL = "</script><script>alert(1)</script> \"' & <b>đậm</b> ]]> {{ 7*7 }}"
EVIL_URL = "https://bao.vn/tin?a=1&b='2'&c=%3C/script%3E#x"
EVIL_ALT = "Ảnh: " + EVIL


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("evil")
    quoted = json.dumps(EVIL, ensure_ascii=False)  # a YAML double-quoted string
    alt = json.dumps(EVIL_ALT, ensure_ascii=False)  # not the caption: alt text that repeats it is left empty
    make_site(root, {"doc-hai.md": (
        f"---\ntitle: {quoted}\ndate: 2021-03-01\nsummary: {quoted}\nauthor: {quoted}\n"
        f"province: Hà Nội\ntags: [{quoted}]\n"
        f"source: {{name: {quoted}, url: {json.dumps(EVIL_URL)}}}\n"
        f"image: {{src: /images/anh.jpg, alt: {alt}, caption: {quoted}}}\n---\n\nNội dung.\n")})
    (root / "content" / "pages" / "doc-hai.md").write_text(
        f"---\ntitle: {quoted}\nmenu: 2\nsummary: {quoted}\n---\n\nTrang.\n", "utf-8")
    build(root)
    return root


class Texts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack:
            self.text.setdefault(self.stack[-1], []).append(data)


def test_front_matter_is_escaped_in_html_text_and_attributes(evil_site):
    html = (evil_site / "output" / "bai-viet" / "doc-hai" / "index.html").read_text("utf-8")
    assert audit_html(html).problems == []
    parsed = Texts()
    parsed.feed(html)
    assert parsed.text["title"] == [f"{EVIL} – Học tập và làm theo Bác"]
    assert EVIL in parsed.text["h1"]
    assert EVIL in parsed.text["figcaption"]
    assert ("p", "class", "byline") in parsed.attrs and EVIL in parsed.text["p"]
    assert ("meta", "content", EVIL) in parsed.attrs          # og:title, og:description
    assert ("img", "alt", EVIL_ALT) in parsed.attrs
    assert ("a", "href", EVIL_URL) in parsed.attrs
    assert "<b>đậm</b>" not in html and "49" not in html.split("<body>")[1].split("Nội dung.")[0]


def test_front_matter_cannot_close_the_json_ld_block(evil_site):
    html = (evil_site / "output" / "bai-viet" / "doc-hai" / "index.html").read_text("utf-8")
    tags = re.findall(r"<script\b[^>]*>", html)
    assert tags.count(LD_JSON) == 1 and all(t == LD_JSON or re.fullmatch(SCRIPT_FILE, t) for t in tags), tags
    assert html.count("<script") == len(tags) and html.count("</script>") == len(tags)
    (block,) = LD_BLOCK.findall(html)
    data = json.loads(block)
    assert data["headline"] == EVIL and data["author"]["name"] == EVIL and data["description"] == EVIL
    assert "<" not in block and ">" not in block and "&" not in block


def test_feeds_and_sitemap_are_well_formed(evil_site):
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = sorted((evil_site / "output").rglob("feed.xml"))
    assert len(feeds) >= 3
    for feed in feeds:
        root = ElementTree.parse(feed).getroot()
        assert root.tag == atom + "feed"
        titles = [e.findtext(atom + "title") for e in root.iter(atom + "entry")]
        authors = [e.findtext(f"{atom}author/{atom}name") for e in root.iter(atom + "entry")]
        if EVIL in titles:
            assert EVIL in authors
    site_feed = ElementTree.parse(evil_site / "output" / "feed.xml").getroot()
    assert EVIL in [e.findtext(atom + "summary") for e in site_feed.iter(atom + "entry")]
    sitemap = ElementTree.parse(evil_site / "output" / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/bai-viet/doc-hai/" in locs
    assert all(loc.startswith("https://example.org/") for loc in locs)


def test_every_page_passes_the_audit(evil_site):
    for page in html_files(evil_site / "output"):
        assert audit_html(page.read_text("utf-8")).problems == [], page


# the theme and the Content-Security-Policy -------------------------------------------------

def test_published_csp_forbids_inline_code():
    csp = headers_for("/bai-viet/a/", header_rules("/", Security().iframe_hosts))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in csp
    assert set(directives["frame-src"].split()) == {"https://" + h for h in ALLOWED_IFRAME_HOSTS}


def test_built_theme_has_no_inline_script_or_style(tmp_path):
    root = make_site(tmp_path)
    build(root)
    pages = html_files(root / "output")
    assert len(pages) > 10
    for page in pages:
        html = page.read_text("utf-8")
        assert audit_html(html).problems == [], page
        assert not re.search(r"<style|\sstyle=", html, re.I), page
        for tag in re.findall(r"<script\b[^>]*>", html, re.I):
            assert tag == LD_JSON or re.fullmatch(SCRIPT_FILE, tag), page


def test_theme_templates_have_no_inline_handlers():
    for template in sorted((PROJECT / "themes").rglob("*.html")):
        text = template.read_text("utf-8")
        assert not re.search(r"\son\w+\s*=|\sstyle\s*=|<style", text, re.I), template
        for tag in re.findall(r"<script\b[^>]*>", text, re.I):
            assert tag == LD_JSON or re.fullmatch(r'<script src="[^"]*"( defer)?( type="module")?>', tag), template


def test_search_index_if_any_is_valid_json_and_not_html(evil_site):
    """The search index (when the build writes one) carries titles as data, never as markup."""
    index = evil_site / "output" / "tim-kiem" / "du-lieu"
    if not index.is_dir():
        pytest.skip("this build writes no search index")
    files = sorted(index.rglob("*.json"))
    # Record groups are gzip-compressed JSON (binary posting shards are not JSON: skipped).
    texts = [f.read_text("utf-8") for f in files] + [
        gzip.decompress(f.read_bytes()).decode("utf-8") for f in sorted((index / "r").glob("*.bin"))]

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    found = [text for raw in texts for text in strings(json.loads(raw)) if text == EVIL]
    assert found
    for script in sorted((PROJECT / "themes").rglob("*.js")):
        code = script.read_text("utf-8")
        assert not re.search(r"\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write|\beval\(|new Function",
                             code), script


# iframe addresses, read as a browser reads them ----------------------------------------------

# (src as written in the article's HTML, what the page gets: the address kept, or None)
IFRAME_VECTORS = [
    ("https://evil.example\\@www.youtube.com/embed/x", None),        # "\" is "/" to a browser
    ("https://evil.example\\www.youtube.com/embed/x", None),
    ("https://www.youtube.com\\@evil.example/", None),
    ("https:\\\\evil.example/embed/x", None),
    ("https://@www.youtube.com/embed/x", None),
    ("https://www.youtube.com%40evil.example/", None),
    ("https://evil.example%2fwww.youtube.com/", None),
    ("https://www.youtube.com%2eevil.example/", None),
    ("https://evil.example#@www.youtube.com/", None),
    ("https://evil.example?@www.youtube.com/", None),
    ("htt&#x09;ps://evil.example/", None),                            # tab: dropped by a browser
    ("https://www.youtube.com&#x0a;.evil.example/", None),            # newline in the host
    ("https://www.yout&#x0d;ube.com/embed/x", None),
    ("https://www.youtube.com.evil.example/embed/x", None),
    ("https://www.y\u043eutube.com/embed/x", None),                     # Cyrillic о
    ("https://www.youtube.com\u3002evil.example/", None),               # ideographic full stop
    ("https://www.youtube.com./embed/x", None),
    ("https://www.youtube.com:8443/embed/x", None),
    ("//www.youtube.com/embed/x", None),                               # protocol-relative
    ("http://www.youtube.com/embed/x", None),
    ("javascript:alert(1)//https://www.youtube.com/", None),
    (" javascript:alert(1)", None),
    ("data:text/html,%3Cscript%3Ealert(1)%3C/script%3E", None),
    ("https://[::1]/embed/x", None),
    ("https://0x7f.1/embed/x", None),
    ("https://www.youtube.com/embed/x", "https://www.youtube.com/embed/x"),
    ("HTTPS://WWW.YOUTUBE.COM/embed/x", "https://www.youtube.com/embed/x"),
    ("https://www%2eyoutube%2ecom/embed/x", "https://www.youtube.com/embed/x"),
    ("https://www.youtube.com:443/embed/x", "https://www.youtube.com/embed/x"),
    ("  https://www.youtube-nocookie.com/embed/x?a=1&amp;b=2  ", "https://www.youtube-nocookie.com/embed/x?a=1&b=2"),
    ("https:www.youtube.com/embed/x", "https://www.youtube.com/embed/x"),
]


# user info: refused at its line (Credentials, tests/test_content.py), never published
IFRAME_CREDENTIALS = ["https://www.youtube.com@evil.example/embed/x", "https://user:pass@www.youtube.com/embed/x",
                      "https://www.youtube.com:@evil.example/embed/x", "https:www.youtube.com@evil.example/"]


@pytest.mark.parametrize("engine", ENGINES)
def test_iframe_sources_with_user_info_are_refused_not_published(engine):
    renderer = Renderer("/", tuple(ALLOWED_IFRAME_HOSTS), engine=engine)
    for src in IFRAME_CREDENTIALS:
        with pytest.raises(Credentials) as refused:
            renderer.render(f'Video:\n\n<iframe src="{src}" title="Phim"></iframe>\n')
        assert refused.value.tag == "iframe"
        assert refused.value.shown.startswith("https://…@"), src  # the host a browser would load is shown
        assert ("evil.example" in refused.value.shown) == ("@evil" in src), src


@pytest.mark.parametrize("engine", ENGINES)
def test_iframe_sources_are_judged_as_a_browser_parses_them(engine):
    renderer = Renderer("/", tuple(ALLOWED_IFRAME_HOSTS), engine=engine)
    assert len(IFRAME_VECTORS) >= 28
    for src, kept in IFRAME_VECTORS:
        body = renderer.render(f'Video:\n\n<iframe src="{src}" title="Phim"></iframe>\n')
        audit = audit_html(body)
        assert audit.iframes == ([kept] if kept else []), (src, body)  # refused: no empty frame left
        assert audit.problems == [], (src, body)


@pytest.mark.parametrize("where, target", [
    ("images/cau-hinh.txt", ".git/config"), ("images/bien.txt", ".env"), ("images/site.txt", "site.toml"),
    ("images/git", ".git"), ("images/kho/cache", ".cache"), ("files/cau-hinh.pdf", ".git/config"),
    ("images", ".git"), ("files", ".git"),
])
def test_links_in_the_folders_published_as_they_are_stay_in_content(tmp_path, where, target):
    # Was: a link inside the project was followed, and content/images/cau-hinh.txt -> ../../.git/config
    # published the repository's settings (with a token in its remote's address) at /images/cau-hinh.txt.
    root = make_site(tmp_path / "site")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text('[remote "origin"]\nurl = https://u:ghp_bimat@github.com/x\n', "utf-8")
    (root / ".env").write_text("MAT_KHAU=bimat\n", "utf-8")
    (root / ".cache").mkdir()
    (root / "content" / "files").mkdir()
    build(root)
    before = snapshot(root / "output")
    link = root / "content" / where
    if link.exists():
        shutil.rmtree(link)
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(os.path.relpath(root / target, link.parent), target_is_directory=(root / target).is_dir())
    shown = link.relative_to(root).as_posix()
    published = shown if "/" not in where else link.parent.relative_to(root).as_posix()  # the folder or the link's
    refused = (f"{shown}:1: liên kết tượng trưng trỏ ra ngoài thư mục content (tới {target}), không được dùng: tệp "
               f"trong {published}/ được xuất bản nguyên dạng cho mọi người tải về, và liên kết này sẽ đăng cả tệp "
               f"riêng của dự án (cấu hình, mật khẩu …); hãy chép tệp cần đăng vào {published}/")
    # the images folder refused: the article showing its photo is refused too
    gone = ["content/articles/ha-noi-neu-guong.md:9: không tìm thấy ảnh “/images/anh.jpg” (khóa “image”): không có "
            "tệp content/images/anh.jpg"] if where == "images" else []
    assert errors_of(root) == gone + [refused]
    assert snapshot(root / "output") == before
    assert b"bimat" not in b"".join(snapshot(root / "output").values())


def test_links_within_content_in_the_images_folder_are_followed(tmp_path):
    root = make_site(tmp_path)
    (root / "content" / "chung").mkdir()
    (root / "content" / "chung" / "logo.jpg").write_bytes((root / "content" / "images" / "anh.jpg").read_bytes())
    (root / "content" / "images" / "logo.jpg").symlink_to("../chung/logo.jpg")
    build(root)
    assert (root / "output" / "images" / "logo.jpg").read_bytes() == (root / "content" / "images" / "anh.jpg").read_bytes()


@pytest.mark.parametrize("folder, name, shown, what", [
    ("images", "anh\x07.jpg", "anh\\x07.jpg", "ký tự điều khiển U+0007, không hiện được trong thông báo hay địa chỉ "
                                              "trang"),
    ("images", "anh\nmoi.jpg", "anh\\nmoi.jpg", "ký tự điều khiển U+000A (xuống dòng), không hiện được trong thông "
                                                "báo hay địa chỉ trang"),
    ("images", "a\\b.jpg", "a\\b.jpg", "dấu “\\”, mà Windows coi là dấu phân cách thư mục"),
    ("files", "van\tban.pdf", "van\\tban.pdf", "ký tự điều khiển U+0009 (tab), không hiện được trong thông báo hay "
                                               "địa chỉ trang"),
])
def test_a_published_file_named_with_a_control_character_or_a_backslash_is_refused(tmp_path, folder, name, shown,
                                                                                   what):
    # Was: a photo named with a newline stopped the build with "đường dẫn đầu ra 'images/anh\nmoi.jpg'
    # không hợp lệ" (no line, Python's quotes); a file of these folders is published under its name.
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    path = root / "content" / folder / name
    path.parent.mkdir(exist_ok=True)
    if folder == "images":
        path.write_bytes((root / "content" / "images" / "anh.jpg").read_bytes())
    else:
        path.write_bytes(b"%PDF-1.4\n")
    errors = errors_of(root)
    assert errors == [f"content/{folder}/{shown}: tên tệp có {what}; tệp này không chép được sang Windows: hãy "
                      "đổi tên tệp"]
    assert all("\n" not in error for error in errors)
    assert snapshot(root / "output") == before


@pytest.mark.parametrize("target", [".git/config", ".env", "site.toml"])
def test_links_in_a_themes_static_folder_stay_in_the_themes(tmp_path, target):
    # Was: followed when inside the project: themes/default/static/x.txt -> .git/config was published
    # as an asset (assets/x.<hash>.txt), the repository's token with it.
    root = make_site(tmp_path / "site")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text('[remote "origin"]\nurl = https://u:ghp_bimat@github.com/x\n', "utf-8")
    (root / ".env").write_text("MAT_KHAU=bimat\n", "utf-8")
    build(root)
    before = snapshot(root / "output")
    static = root / "themes" / "default" / "static"
    static.mkdir(parents=True)
    (static / "x.txt").symlink_to(os.path.relpath(root / target, static))
    assert errors_of(root) == [
        f"themes/default/static/x.txt:1: liên kết tượng trưng trong thư mục static trỏ ra ngoài các thư mục giao diện "
        f"(tới {target}), không được dùng: tệp trong static/ được xuất bản cho mọi người tải về, và liên kết này sẽ "
        "đăng cả tệp riêng của dự án (cấu hình, mật khẩu …); hãy chép tệp cần đăng vào thư mục static"]
    assert snapshot(root / "output") == before


def test_links_in_a_themes_static_folder_to_another_theme_are_followed(tmp_path):
    root = make_site(tmp_path / "site")
    (root / "themes" / "chung").mkdir(parents=True)
    (root / "themes" / "chung" / "ghi-chu.txt").write_text("Chung", "utf-8")
    static = root / "themes" / "default" / "static"
    static.mkdir(parents=True)
    (static / "ghi-chu.txt").symlink_to("../../chung/ghi-chu.txt")
    build(root)
    assert [p.read_text("utf-8") for p in (root / "output" / "assets").glob("ghi-chu.*.txt")] == ["Chung"]
