"""Markdown to safe HTML.

The engine is cmark-gfm (GitHub's C implementation of CommonMark with tables,
strikethrough and autolinks): about 0.1 ms for a typical article where
Python-Markdown takes 2 ms, which decides whether a 10,000-article portal
builds in seconds or in a minute. Python-Markdown stays available
(``markdown_engine = "python-markdown"`` in site.toml) for sites that rely on its
dialect. Whatever the engine, the same steps follow: an image alone in a
paragraph with a title becomes a <figure> with that caption, site-root links are
placed under the base path, and nh3 (a maintained sanitiser) keeps only an
allowlist of tags and attributes, so raw HTML pasted from a scraped page
cannot inject script.

Beside this module: cmarkengine.py (the engine's C calls), addresses.py (addresses as
a browser reads them), mdproblems.py (what stops a text, at its line), summaries.py
(a body's words as plain text).
"""
from __future__ import annotations

import html
import re
import urllib.parse

import nh3

from . import rescan
from .addresses import PAGE_URL, parsed_url, site_link, userinfo, without_userinfo
from .cmarkengine import Cmark
from .mdproblems import OPENER, Credentials, NestingTooDeep, Unclosed, credentials_line, first_unclosed, source_line
from .nesting import TooDeep, balanced_limit, check_depth
from .plainhtml import Plain
from .tables import mark_figures

ENGINES = ("cmark-gfm", "python-markdown")
URL_SCHEMES = ("http", "https", "mailto", "tel")  # what a link or an image may be besides a site address

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "sub", "sup",
    "small", "mark", "abbr", "cite", "q", "blockquote", "code", "pre", "span", "div",
    "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "iframe", "section",
    # what editors paste from Word and other sites (GitHub keeps them too): dropped, a <summary>'s words
    # were left loose between two paragraphs and a key's name ran into the sentence
    "details", "summary", "kbd", "samp", "var", "ins",
}
ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "li": {"id"},
    "sup": {"id"},
    "section": {"class"},
    "div": {"class"},
    "img": {"src", "alt", "width", "height"},
    "iframe": {"src", "title", "width", "height", "allowfullscreen"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "abbr": {"title"},
}
# Added after sanitising, in this order: nh3's set_tag_attribute_values writes them in a random
# (hash) order that changes from call to call, and the output must be the same bytes every build.
# A code block and a table scroll sideways in their own box when wider than the column (the theme):
# a keyboard must reach them to scroll them.
SET_ATTRIBUTES = {"img": ' loading="lazy" decoding="async"', "iframe": ' loading="lazy"',
                  "pre": ' tabindex="0"', "table": ' tabindex="0"'}
_LAZY = re.compile(r"<(img|iframe|pre|table)\b([^>]*)>")  # nh3 escapes < and > inside attribute values
# An iframe whose address is refused (another host, not https) keeps no src: an empty frame the page
# would show as a blank 16:9 box and a screen reader announce as a frame. It goes, with what it held.
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)

# An image alone in its paragraph, with a title: cmark and Python-Markdown both write
# attributes in this order (src, alt, title) and escape their values.
_FIGURE = re.compile(r'<p><img src="([^"]*)" alt="([^"]*)" title="([^"]*)"\s*/?></p>')
# "# Heading" in a body: the page's <h1> is the title, and the sanitiser would strip the tag and leave
# its words loose in the text, so a body's h1 becomes a section heading (h2).
_H1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)
# Footnotes ("câu[^1]" … "[^1]: chú thích"): the only ids and classes kept are the ones the engines give
# them (cmark-gfm: fn-1, fnref-1, <section class="footnotes">; Python-Markdown: fn:1, <div class="footnote">),
# so pasted markup cannot take the id or the look of the page's own elements.
_FOOTNOTE_ID = re.compile(r"fn(?:ref\d*)?[-:][^\s\"'<>]{1,80}")
_FOOTNOTE_CLASSES = {("section", "footnotes"), ("div", "footnote")}
# The link back from a note to where it is cited shows "↩": it gets a name a screen reader can say.
_BACKREF = re.compile(r'(<a href="#fnref[-:][^"]*")>')
# A link whose words are its own address (an autolink, <https://…>, [https://…](https://…)) gets the
# class "url": printed, the theme writes a link's address after its words, and such a link's twice.
_WORDS_LINK = re.compile(r'<a href="(https?:[^"]*)"([^>]*)>([^<]+)</a>')
_SCHEME_WWW = re.compile(r"^(?:https?://)?(?:www\.)?")
# A task list ("- [ ] việc", "- [x] việc"): cmark-gfm writes a disabled checkbox <input>, which the sanitiser
# removes with every form field (the item lost its state: done and not done read the same), and
# Python-Markdown leaves "[ ]" as text. Both become a ballot box that is text (☐ / ☑: feeds, search and
# screen readers keep it) in an item of class "task", which the theme shows without a bullet. cmark's box
# passes the sanitiser as a private-use character, so that "\[x]" written to be shown stays as written.
_TASK_INPUT = re.compile(r'<li>\s*<input type="checkbox"( checked="")? disabled="" />\s*(<p>)?')
_TASK_MARK = {"cmark-gfm": re.compile("<li>(\\s*<p>)?([\ue000\ue001])"),
              "python-markdown": re.compile(r"<li>(\s*<p>)?\[([ xX])\]\s")}

# Deeper nesting than this (quotes in quotes, lists in lists, <div> in <div>) is refused: the
# sanitiser's time grows with elements x depth, and no article needs it.
MAX_NESTING = 100
_SOURCEPOS = re.compile(r'\bdata-sourcepos="(\d+):')
# In an iframe address: backslashes (a browser reads them as "/"), control characters, tabs
# and line breaks (a browser drops them, even inside "java\tscript:" or a host name).
_IFRAME_REFUSED = re.compile(r"[\\\x00-\x1f\x7f]")
_AUTHORITY = re.compile(r"^[ ]*[A-Za-z][A-Za-z0-9+.-]*:/*([^/?#]*)")


def _address_form(text: str) -> str:
    """An address as a reader compares it: no scheme, "www." or final "/", escapes decoded, lower case."""
    text = urllib.parse.unquote(html.unescape(text).strip()).lower()
    return _SCHEME_WWW.sub("", text).rstrip("/")


def _mark_address_link(match: re.Match) -> str:
    if _address_form(match[3]) != _address_form(match[1]):
        return match[0]
    return f'<a href="{match[1]}" class="url"{match[2]}>{match[3]}</a>'


def _figure(match: re.Match) -> str:
    src, alt, title = match.groups()
    if alt.strip() == title.strip():  # the caption names the figure: a screen reader read it twice
        alt = ""
    return f'<figure><img src="{src}" alt="{alt}"><figcaption>{title}</figcaption></figure>'


class Renderer:
    """Markdown text -> sanitised HTML fragment, for one site's base path and iframe allowlist."""

    def __init__(self, base_path: str = "/", iframe_hosts: tuple[str, ...] = (), engine: str = "cmark-gfm"):
        if engine not in ENGINES:
            raise ValueError(f"unknown Markdown engine {engine!r}")
        self.base_path = base_path
        self.iframe_hosts = frozenset(iframe_hosts)
        self.engine = engine
        self._md = None
        self._credentials: list[tuple[str, str]] = []  # (tag, address) _filter refused, for render()
        if engine == "python-markdown":
            import markdown as python_markdown

            self._md = python_markdown.Markdown(
                extensions=["tables", "sane_lists", "footnotes"], output_format="html",
                extension_configs={"footnotes": {"BACKLINK_TITLE": "Về chỗ dẫn chú thích %d"}})
        else:
            from cmarkgfm.cmark import Options

            # UNSAFE keeps raw HTML so that nh3, not the engine, decides what stays (figures, tables).
            # GitHub's set without "tagfilter", which would print allowed iframes as text.
            self._cmark = Cmark(Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_GITHUB_PRE_LANG | Options.CMARK_OPT_FOOTNOTES,
                                 ("table", "autolink", "strikethrough", "tasklist"))
        self._plain = Plain(TAGS, {"h1": "h2"}, balanced_limit(MAX_NESTING))  # deeper: check_depth decides
        # Built once: nh3.clean(**options) converts the allowlists to Rust sets on every call
        # (about half its time; docs/benchmarks.md).
        self._cleaner = nh3.Cleaner(
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes=set(URL_SCHEMES),
            attribute_filter=self._filter,
            link_rel=None,
            strip_comments=True,
        )

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src"):
            base = None if tag == "iframe" else PAGE_URL  # read as iframe_src and the browser read it
            if "@" in value and userinfo(value, base) is not None:  # reported by render(), never published
                self._credentials.append((tag, value))  # an iframe's too: was dropped, the editor never knew why
                return None
            if tag == "iframe":
                return self.iframe_src(value)
            return site_link(value, self.base_path)
        if attribute == "id":
            return value if _FOOTNOTE_ID.fullmatch(value) else None
        if attribute == "class":
            return value if (tag, value) in _FOOTNOTE_CLASSES else None
        return value

    def iframe_src(self, value: str) -> str | None:
        """The address an iframe may load, as a browser reads it, or None (iframe_check)."""
        return self.iframe_check(value)[0]

    def iframe_check(self, value: str) -> tuple[str | None, str]:
        """(the address an iframe may load, as a browser reads it, "") or (None, the host when
        the host alone is refused: an https address of a host not in iframe_hosts, else "").

        Parsed by the WHATWG URL rules a browser follows (ada, the parser Node.js uses),
        not by urllib: "https://evil.example\\@www.youtube.com/" is www.youtube.com to
        urlsplit but evil.example to a browser. Refused besides: user info ("a@host"),
        backslashes, control characters, ports other than https's own. What is kept is the
        parser's own serialisation, so the page holds exactly the address that was checked.
        """
        if _IFRAME_REFUSED.search(value):
            return None, ""
        authority = _AUTHORITY.match(value)
        if authority is not None and "@" in authority.group(1):
            return None, ""
        url = parsed_url(value, None)
        if url is None:  # not an absolute URL by the browser's rules
            return None, ""
        if url.protocol != "https:" or url.username or url.password or url.port or not url.hostname:
            return None, ""
        if url.hostname not in self.iframe_hosts:
            return None, url.hostname
        return url.href, ""

    def to_html(self, text: str) -> str:
        """The engine's own output, before figures and sanitising."""
        if self._md is not None:
            self._md.reset()
            return self._md.convert(text)
        return self._cmark(text)

    def render(self, text: str) -> str:
        """Sanitised HTML; NestingTooDeep when the text nests past MAX_NESTING, Unclosed when raw HTML
        left open (a comment, <style>, <iframe … />) would hide the rest of the text, rescan.Rescanned
        when Python-Markdown would read the text over again for minutes."""
        if self._md is not None:
            rescan.check(text)  # Rescanned: Python-Markdown would take minutes
        raw = self.to_html(text)
        clean = self._plain(raw)  # no figure, iframe, link, comment …: nothing below applies but task marks
        if clean is not None:
            return self._task_marks(clean)
        raw = _H1.sub(r"<\1h2", _FIGURE.sub(_figure, raw))
        if "<li>" in raw:
            raw = _TASK_INPUT.sub(lambda m: "<li>" + (m[2] or "") + ("\ue001" if m[1] else "\ue000"), raw)
        try:
            check_depth(raw, MAX_NESTING)
        except TooDeep:
            raise NestingTooDeep(self._deep_line(text)) from None
        if "<" in raw and OPENER.search(raw):
            unclosed = first_unclosed(raw)
            if unclosed is not None:
                raise Unclosed(unclosed[0], source_line(text, raw, *unclosed))
        self._credentials = []
        clean = self._cleaner.clean(raw)
        if self._credentials:
            raise self._credentials_error(text)
        if "<iframe" in clean:
            clean = _EMPTY_IFRAME.sub("", clean)
        clean = _LAZY.sub(lambda m: f"<{m[1]}{m[2]}{SET_ATTRIBUTES[m[1]]}>", clean)
        clean = self._task_marks(mark_figures(clean))  # columns of figures right-aligned by the theme
        if "<a href=\"http" in clean:
            clean = _WORDS_LINK.sub(_mark_address_link, clean)
        return _BACKREF.sub(r'\1 aria-label="Về chỗ dẫn chú thích">', clean) if "#fnref" in clean else clean

    def _task_marks(self, clean: str) -> str:
        if "<li>" not in clean:
            return clean
        return _TASK_MARK[self.engine].sub(
            lambda m: '<li class="task">' + (m[1] or "") + ("☐" if m[2] in " \ue000" else "☑") + " ", clean)

    def _credentials_error(self, text: str) -> Credentials:
        tag, url = self._credentials[0]
        return Credentials(tag, without_userinfo(url, None if tag == "iframe" else PAGE_URL), credentials_line(text, url))

    def _deep_line(self, text: str) -> int:
        """The line of text where nesting passes the limit (only when it does: a second pass).

        cmark-gfm marks each block with its source lines when asked (data-sourcepos); a raw
        HTML tag, copied as written, is found by its rank among the same tags in the text."""
        if self._md is None:
            from cmarkgfm.cmark import Options

            html = Cmark(self._cmark.options | Options.CMARK_OPT_SOURCEPOS, tuple(self._cmark.names))(text)
        else:
            html = self.to_html(text)
        try:
            check_depth(html, MAX_NESTING)
        except TooDeep as exc:
            name, attributes = exc.stack[-1]
            marked = _SOURCEPOS.search(attributes)
            if marked:
                return int(marked.group(1))
            if html.startswith("<", exc.offset):
                tag = html[exc.offset:html.index(">", exc.offset) + 1]
                rank, at = html.count(tag, 0, exc.offset) + 1, -1
                for _ in range(rank):
                    at = text.find(tag, at + 1)
                    if at < 0:
                        break
                else:
                    return text.count("\n", 0, at) + 1
            for _, attributes in reversed(exc.stack):
                marked = _SOURCEPOS.search(attributes)
                if marked:
                    return int(marked.group(1))
        return 1

