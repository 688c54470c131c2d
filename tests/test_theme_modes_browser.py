"""The theme in the modes a reader's device sets, in Chromium: a dark screen, large text on a small
phone, forced colours, print. Computed style, geometry and axe are measured, not pixels.
"""
from __future__ import annotations

import json
import re

import pytest

from conftest import Site, need
from test_site_browser import AXE, WIDTHS, scroll_through
from test_theme_look_browser import pages_of

pytestmark = pytest.mark.browser

# WCAG's contrast of two computed colours ("rgb(…)" / "rgba(…)"), in the page.
CONTRAST = """
const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                   return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
"""

DARK_KINDS = ["home", "article", "page", "province-index", "province", "directive-index", "tag", "years",
              "units", "search", "404"]


@pytest.fixture(scope="module")
def bundled(bundled_site: Site, host):
    return bundled_site, host(bundled_site.output).url


def open_page(chromium, url: str, width: str, **options):
    context = chromium.new_context(**WIDTHS[width], **options)
    page = context.new_page()
    page.goto(url, wait_until="load")
    if "tim-kiem" in url:
        page.wait_for_selector("#search-results li")
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", DARK_KINDS)
def test_a_dark_screen_gets_a_dark_page_whose_every_colour_reads(chromium, bundled, kind: str, width: str):
    need(AXE.is_file(), f"{AXE} (npm ci --prefix tests/node)")
    site, url = bundled
    context, page = open_page(chromium, url + pages_of(site)[kind], width, color_scheme="dark", bypass_csp=True)
    scroll_through(page)
    seen = page.evaluate(CONTRAST + """(() => {
      const body = getComputedStyle(document.body), main = document.querySelector('main');
      const shown = s => [...main.querySelectorAll(s)].find(a => a.getClientRects().length);  // (the search hint's, hidden once a search runs)
      const link = shown('a[href]:not(.card-title a)') || shown('a[href]');
      link.focus();
      const ring = getComputedStyle(link);
      const up = e => { const out = []; for (; e; e = e.parentElement) out.push(getComputedStyle(e).filter); return out; };
      return {meta: (document.querySelector('meta[name=color-scheme]') || {}).content || '',
              paper: lum(body.backgroundColor), text: contrast(body.color, body.backgroundColor),
              ring: ring.outlineStyle, ringContrast: contrast(ring.outlineColor, body.backgroundColor),
              masthead: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
              filters: [...document.images].flatMap(i => up(i)).filter(f => f !== 'none')};
    })()""")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("axe.run(document, {runOnly: ['color-contrast', 'link-in-text-block']})"
                          ".then(r => r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 4).map(n => [n.target, n.failureSummary])})))")
    context.close()
    assert "dark" in seen["meta"].split(), seen          # the browser's own canvas and fields follow
    assert seen["paper"] < 0.05 and seen["text"] >= 7, seen  # dark paper, light text (not a white glare)
    assert seen["ring"] != "none" and seen["ringContrast"] >= 3, seen  # the keyboard's focus shows on it
    assert seen["masthead"] == "rgb(163, 18, 13)", seen   # the portal's red, recognisable
    assert not seen["filters"], seen                     # photos as taken, never inverted or dimmed away
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["article", "home"])
def test_a_printed_page_is_black_on_white(chromium, bundled, kind: str, scheme: str):
    """Printed (or saved as PDF), from a screen set light or dark: paper is white and every text reads
    on it, the masthead's and footer's included (the copyright line stayed cream: 1.1:1 on paper)."""
    site, url = bundled
    context, page = open_page(chromium, url + pages_of(site)[kind], "desktop", color_scheme=scheme)
    page.emulate_media(media="print")
    colours = page.evaluate(CONTRAST + """[...document.querySelectorAll('body *')]
        .filter(e => e.getClientRects().length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(e => ({what: e.tagName + '.' + e.className, contrast: contrast(getComputedStyle(e).color, 'rgb(255, 255, 255)')}))
        .filter(t => t.contrast < 4.5)""")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    assert not colours, colours[:6]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("feed", ["feed.xml", "province"])
def test_a_feed_opened_in_a_browser_is_a_readable_page(chromium, bundled, feed: str, width: str):
    """The footer's "RSS" showed raw XML. Now: what a feed is and how to subscribe, in Vietnamese, the address
    to copy and the latest articles as links, fitting a phone (served with netlify.toml's CSP)."""
    site, url = bundled
    path = feed if feed == "feed.xml" else sorted(site.output.glob("tinh/*/feed.xml"))[0].relative_to(site.output).as_posix()
    xml = (site.output / path).read_text(encoding="utf-8")
    articles = re.findall(r'<link rel="alternate" type="text/html" href="([^"]+/bai-viet/[^"]+)"/>', xml)
    self_url = re.search(r'<link rel="self" [^>]*href="([^"]+)"', xml)[1]
    context = chromium.new_context(**WIDTHS[width])
    page = context.new_page()
    problems = []
    # (a page with no icon of its own: the browser asks for /favicon.ico, which is no site file)
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning")
            and not m.text.startswith("Failed to load resource") else None)
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    page.goto(url + path, wait_until="networkidle")  # the icon asked for too: no request cut by closing
    seen = page.evaluate("""(() => {
      const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).display !== 'none';
      const links = [...document.querySelectorAll('a')].filter(a => a instanceof HTMLAnchorElement && visible(a));
      const text = document.documentElement.getClientRects().length ? document.body ? document.body.innerText
                   : document.documentElement.textContent : '';
      const shown = [...document.querySelectorAll('*')].filter(visible);
      return {links: links.map(a => a.href), width: document.scrollingElement.scrollWidth, inner: innerWidth,
              smallest: Math.min(...shown.filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                                 .map(e => parseFloat(getComputedStyle(e).fontSize))),
              ids: [...document.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'id')].filter(visible).length,
              about: [...document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'div')].filter(visible)
                       .map(d => d.textContent.replace(/\\s+/g, ' ')).join(' ')};
    })()""")
    context.close()
    asked = WIDTHS[width]["viewport"]["width"]
    assert articles and seen["links"][-len(articles):] == articles, seen      # every article a link, in order
    assert "nguồn tin RSS" in seen["about"] and "Cách đăng ký" in seen["about"] and self_url in seen["about"], seen
    assert seen["ids"] == 0, seen                                              # no XML plumbing shown
    assert seen["inner"] == asked and seen["width"] <= asked, seen           # a phone's width, not 980 px zoomed out
    assert seen["smallest"] >= 14, seen
    assert not problems, problems                                             # no CSP refusal, no XSLT warning


LARGE_TEXT_KINDS = ["home", "article", "province", "tag-index", "search", "404"]


@pytest.mark.parametrize("kind", LARGE_TEXT_KINDS)
def test_large_text_on_a_small_phone_keeps_the_menu_and_the_page_usable(chromium, bundled, kind: str):
    """A 320 px phone with the browser's text size at 200 % (its default font size 32 px, as the reader's
    setting makes it): the page does not scroll sideways, the menu leaves the first screen to the page
    (wrapped, masthead and menu were 790 px of 640: now one row that scrolls sideways), each menu link
    the keyboard reaches shows at least a finger's width of it, and each can be scrolled into view whole."""
    site, url = bundled
    context = chromium.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto(url + pages_of(site)[kind], wait_until="load")
    if kind == "search":
        page.wait_for_selector("#search-results li")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 32  # the setting applies
    seen = page.evaluate("""({scroll: document.scrollingElement.scrollWidth, inner: innerWidth,
        main: document.querySelector('main').getBoundingClientRect().top,
        wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 320.5
               && !e.closest('.site-nav ul')).slice(0, 5).map(e => e.tagName + '.' + e.className)})""")
    assert seen["inner"] == 320 and seen["scroll"] <= 320 and not seen["wide"], seen
    assert seen["main"] <= 320, seen  # masthead and menu take at most half the first screen
    if kind == "404":  # the big "404" on one line ("40" over "4" at 4rem)
        assert page.evaluate("(e => e.getClientRects().length === 1 && e.getBoundingClientRect().height"
                             " < 1.5 * parseFloat(getComputedStyle(e).fontSize))(document.querySelector('.notfound-code'))")
    page.locator(".skip").focus()
    count = page.locator(".site-nav a").count()
    for i in range(count):
        page.keyboard.press("Tab")
        while not page.evaluate("!!document.activeElement.closest('.site-nav')"):
            page.keyboard.press("Tab")  # the masthead's own links come first
        shown = page.evaluate("""(() => { const r = document.activeElement.getBoundingClientRect();
            return {text: document.activeElement.textContent, visible: Math.min(r.right, 320) - Math.max(r.left, 0),
                    height: r.height}; })()""")
        assert shown["visible"] >= 44 and shown["height"] >= 43.5, (i, shown)
    whole = page.evaluate("""[...document.querySelectorAll('.site-nav a')].map(a => { a.scrollIntoView({inline: 'nearest'});
        const r = a.getBoundingClientRect(); return r.left >= -0.5 && r.right <= 320.5; })""")
    assert all(whole) and len(whole) == count, whole
    context.close()


# What a reader can see of an element once forced colours paint every background Canvas and drop shadows.
SEEN_STYLE = """e => { const s = getComputedStyle(e);
  return [s.color, s.borderBottomStyle, s.borderBottomWidth, s.outlineStyle, s.boxShadow, s.textDecorationLine,
          s.fontWeight].join(' | '); }"""


def test_forced_colours_still_mark_the_current_section(chromium, bundled):
    """Windows contrast themes: the menu's current section was marked only by a background and a shadow,
    which forced colours remove: it looked like every other entry."""
    site, url = bundled
    context = chromium.new_context(**WIDTHS["desktop"], forced_colors="active")
    page = context.new_page()
    page.goto(url + "tinh/", wait_until="load")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    current = page.eval_on_selector(".site-nav a[aria-current]", SEEN_STYLE)
    others = page.eval_on_selector_all(".site-nav a:not([aria-current])", f"all => all.map({SEEN_STYLE})")
    context.close()
    assert others and current not in others, (current, others)


# The tallest marks stacked on a capital and the deepest dots under one, in an element's own font.
MARKS = """e => { const s = getComputedStyle(e), ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
  const up = ctx.measureText('ỄỖỰẪẶẴẲẤỂỞ').actualBoundingBoxAscent, down = ctx.measureText('ẬỘỤỊẸỴỰ').actualBoundingBoxDescent;
  return {ink: up + down, line: parseFloat(s.lineHeight), lines: Math.round(e.getBoundingClientRect().height / parseFloat(s.lineHeight))}; }"""


@pytest.fixture(scope="module")
def long_name(tmp_path_factory, host):
    from conftest import build_site, copy_project
    tmp = tmp_path_factory.mktemp("long-name")
    root = copy_project(tmp / "site")
    toml = (root / "site.toml").read_text(encoding="utf-8")
    (root / "site.toml").write_text(re.sub(r'(?m)^title = .*$', 'title = "Tiếp tục đẩy mạnh học tập và làm theo '
                                           'tư tưởng, đạo đức Hồ Chí Minh ở Thừa Thiên Huế"', toml, count=1),
                                    encoding="utf-8")
    return host(build_site(root, tmp / "out").output).url


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_the_portal_name_in_capitals_keeps_its_marks_apart(chromium, long_name, width: int):
    """The masthead writes the name in capitals: on two lines and more, Ễ's or Ậ's stacked marks met the
    dots under the line above (line-height 1.2: 29 px of ink in 22 px lines on a phone)."""
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(long_name, wait_until="load")
    page.wait_for_function("document.fonts.status === 'loaded'")
    seen = page.eval_on_selector(".brand-name", MARKS)
    context.close()
    assert seen["lines"] >= 2, seen  # the case that matters: a name over several lines
    assert seen["ink"] <= seen["line"] + 0.5, seen
