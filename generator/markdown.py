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
"""
from __future__ import annotations

import functools
import html
import re
import urllib.parse

import ada_url
import nh3

from . import rescan
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
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
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
_TAG = re.compile(r"<[^>]+>")
# Tags inside a line of text: taken away without a space, or a summary read "trang này ." and "Bác ," where
# a link or bold words met the punctuation after them. Others (<br>, blocks) part words: a space.
_NOTE_REF = re.compile(r'<sup\b[^>]*>\s*<a href="#fn[-:][^"]*"[^>]*>[^<]*</a>\s*</sup>')  # a note's number: not text
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|cite|code|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|var)\b[^>]*>")
_SPACE = re.compile(r"\s+")

# Deeper nesting than this (quotes in quotes, lists in lists, <div> in <div>) is refused: the
# sanitiser's time grows with elements x depth, and no article needs it.
MAX_NESTING = 100
_SOURCEPOS = re.compile(r'\bdata-sourcepos="(\d+):')
# In an iframe address: backslashes (a browser reads them as "/"), control characters, tabs
# and line breaks (a browser drops them, even inside "java\tscript:" or a host name).
_IFRAME_REFUSED = re.compile(r"[\\\x00-\x1f\x7f]")
_AUTHORITY = re.compile(r"^[ ]*[A-Za-z][A-Za-z0-9+.-]*:/*([^/?#]*)")


# Raw HTML that, left open, hides all that follows: a comment and script/style/template (the
# sanitiser drops them with their content), an iframe (a browser never shows its content: a pasted
# `<iframe … />` hid the rest of the article). The engine passes raw HTML through as written.
# (<textarea>, <xmp>, <plaintext> … left open show the rest as raw text: ugly, but not lost.)
_SWALLOWERS = ("script", "style", "template", "iframe")
_OPENER = re.compile(r"<!--|<(%s)(?=[\s/>])[^>]*>?" % "|".join(_SWALLOWERS), re.IGNORECASE)


class Unclosed(ValueError):
    """Raw HTML left open hides the rest of the text; opener: "<!--" or "<style>"; line: 1-based."""

    def __init__(self, opener: str, line: int):
        super().__init__(opener, line)
        self.opener, self.line = opener, line

    @property
    def closer(self) -> str:
        return "-->" if self.opener == "<!--" else f"</{self.opener[1:-1]}>"


def _unclosed(raw: str) -> tuple[str, int] | None:
    """(opener, its offset) of the first comment or swallowing element of raw that is never closed."""
    at = 0
    while True:
        match = _OPENER.search(raw, at)
        if match is None:
            return None
        name = match.group(1)
        if name is None and raw.startswith((">", "->"), match.end()):  # "<!-->", "<!--->": closed at once
            at = match.end()
            continue
        # (not raw.lower().find: lower() makes "İ" two characters, and the offsets would drift)
        closer = re.compile("-->" if name is None else f"</{name}", re.IGNORECASE).search(raw, match.end())
        if closer is None:
            return ("<!--" if name is None else f"<{name.lower()}>"), match.start()
        at = closer.end()


class NestingTooDeep(ValueError):
    """A Markdown text nests deeper than MAX_NESTING; line: its 1-based line where."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


class Credentials(ValueError):
    """A link or image address of the text holds a user name or password, which the page would
    publish; shown: the address with them left out; line: 1-based."""

    def __init__(self, tag: str, shown: str, line: int):
        super().__init__(tag, shown, line)
        self.tag, self.shown, self.line = tag, shown, line


_PAGE = "https://base.invalid/"  # an address on a page: "https:a@b/" is relative to the page's


def parsed_url(url: str, base: str | None = _PAGE):
    """The URL as a browser reads it (ada), or None when it is no address at all. base None: as
    iframe_src reads it (absolute, "https:a@b/" is https://a@b/)."""
    try:
        return ada_url.URL(url, base) if base else ada_url.URL(url)
    except ValueError:
        return None


def _userinfo(url: str, base: str | None = _PAGE):
    """The URL as a browser reads it, if it carries a user name or password; else None (also
    when it is no address: nh3 drops it)."""
    parsed = parsed_url(url, base)
    return parsed if parsed is not None and (parsed.username or parsed.password) else None


def without_userinfo(url: str, base: str | None = _PAGE) -> str:
    """url as a message may show it: a user name and password left out ("https://…@host/a"), so
    that a build log does not pass them on; other addresses unchanged."""
    parsed = _userinfo(url, base) if "@" in url else None
    if parsed is None:
        return url
    shown = f"{parsed.protocol}//…@{parsed.host}{parsed.pathname}{parsed.search}"
    return shown if len(shown) <= 80 else shown[:80] + "…"


def _credentials_line(text: str, url: str) -> int:
    """The line of text where url was written (the engine may have percent-encoded or unescaped it:
    the part before its "@" is tried too); 1 if it cannot be told."""
    searched = _blank_code(text)
    for needle in (url, url.rpartition("@")[0] + "@", url.partition("@")[0] + "@"):
        at = searched.find(needle)
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return 1


def site_link(url: str, base_path: str) -> str:
    """A site-root link ("/images/a.jpg") placed under the base path ("/hoc-tap/images/a.jpg")."""
    if url.startswith("/") and not url.startswith("//"):
        return base_path + url[1:]
    return url


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
    return f'<figure><img src="{src}" alt="{alt}"><figcaption>{title}</figcaption></figure>'


class _Cmark:
    """cmark-gfm through cmarkgfm's C bindings, freeing what each call allocates.

    cmarkgfm's markdown_to_html_with_extensions never frees the document tree nor the HTML
    buffer: ~34 KB lost per bench article, 170 MB in each read worker of a 10,000-article
    build (measured: 20,000 calls grew the process by 683 MB; this class, by 0). The same
    calls are made here, then cmark_node_free and cmark's allocator free what they made;
    both are exported by the module's library but not declared by cmarkgfm, so they are
    reached with ctypes (cffi's cdef would import and run a C parser: ~0.15 s per process).
    Where they can't be found, cmarkgfm's own function is used.
    """

    def __init__(self, options: int, extensions: tuple[str, ...]):
        import cmarkgfm.cmark
        from cmarkgfm import _cmark

        self.options = options
        self.names = list(extensions)
        self.lib, self.ffi = _cmark.lib, _cmark.ffi
        self.lib.cmark_gfm_core_extensions_ensure_registered()
        self.extensions = [self.lib.cmark_find_syntax_extension(name.encode()) for name in extensions]
        self.fallback = cmarkgfm.cmark.markdown_to_html_with_extensions
        self.frees = _cmark_frees(_cmark.__file__)

    def __call__(self, text: str) -> str:
        if self.frees is None:
            return self.fallback(text, options=self.options, extensions=self.names)
        node_free, mem_free = self.frees
        lib, ffi, data = self.lib, self.ffi, text.encode("utf-8")
        parser = lib.cmark_parser_new(self.options)
        try:
            for extension in self.extensions:
                lib.cmark_parser_attach_syntax_extension(parser, extension)
            lib.cmark_parser_feed(parser, data, len(data))
            root = lib.cmark_parser_finish(parser)
            try:
                html = lib.cmark_render_html(root, self.options, lib.cmark_parser_get_syntax_extensions(parser))
                try:
                    return ffi.string(html).decode("utf-8")
                finally:
                    mem_free(int(ffi.cast("uintptr_t", html)))
            finally:
                node_free(int(ffi.cast("uintptr_t", root)))
        finally:
            lib.cmark_parser_free(parser)


@functools.lru_cache(maxsize=None)
def _cmark_frees(library: str):
    """cmark_node_free and the default allocator's free of cmarkgfm's library, or None."""
    import ctypes

    class Memory(ctypes.Structure):
        _fields_ = [("calloc", ctypes.c_void_p), ("realloc", ctypes.c_void_p),
                    ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p))]

    try:
        cmark = ctypes.CDLL(library)
        allocator, node_free = cmark.cmark_get_default_mem_allocator, cmark.cmark_node_free
    except (OSError, AttributeError):  # another build of cmarkgfm: it leaks, but it works
        return None
    allocator.restype, allocator.argtypes = ctypes.POINTER(Memory), []
    node_free.restype, node_free.argtypes = None, [ctypes.c_void_p]
    return node_free, allocator().contents.free


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
            self._cmark = _Cmark(Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_GITHUB_PRE_LANG | Options.CMARK_OPT_FOOTNOTES,
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
            base = None if tag == "iframe" else _PAGE  # read as iframe_src and the browser read it
            if "@" in value and _userinfo(value, base) is not None:  # reported by render(), never published
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
        if "<" in raw and _OPENER.search(raw):
            unclosed = _unclosed(raw)
            if unclosed is not None:
                raise Unclosed(unclosed[0], _source_line(text, raw, *unclosed))
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
        return Credentials(tag, without_userinfo(url, None if tag == "iframe" else _PAGE), _credentials_line(text, url))

    def _deep_line(self, text: str) -> int:
        """The line of text where nesting passes the limit (only when it does: a second pass).

        cmark-gfm marks each block with its source lines when asked (data-sourcepos); a raw
        HTML tag, copied as written, is found by its rank among the same tags in the text."""
        if self._md is None:
            from cmarkgfm.cmark import Options

            html = _Cmark(self._cmark.options | Options.CMARK_OPT_SOURCEPOS, tuple(self._cmark.names))(text)
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


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n(?:.*?\n)?(?: {0,3}\1[`~]*[ \t]*(?:\n|$)|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)


def _blank_code(text: str) -> str:
    """text with fenced code blocks and code spans blanked (same length, newlines kept): what
    is written there is shown as code, not read as HTML."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group())  # noqa: E731
    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def _source_line(text: str, raw: str, opener: str, offset: int) -> int:
    """The line of text where the raw HTML at offset of the engine's output was written, found by
    its rank among the same openers (the engine writes those of code as &lt;, and so are they
    left out of text)."""
    pattern = re.compile("<!--" if opener == "<!--" else re.escape(opener[:-1]) + r"(?=[\s/>])", re.IGNORECASE)
    rank = len(pattern.findall(raw, 0, offset))
    found = [m.start() for m in pattern.finditer(_blank_code(text))]
    return text.count("\n", 0, found[rank]) + 1 if rank < len(found) else 1


def plain_text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", _NOTE_REF.sub("", fragment))))).strip()


def first_paragraph(body_html: str) -> str:
    """The text of the first paragraph that has any (figures have no <p>). A paragraph with a photo
    is the photo and its caption line ("![…](…)" then "*Ảnh: …*"), not the article's opening."""
    for match in _PARAGRAPH.finditer(body_html):
        if "<img" in match.group(1):
            continue
        text = plain_text(match.group(1))
        if text:
            return text
    return ""


def shorten(text: str, limit: int) -> str:
    """At most limit characters, cut at a word boundary, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"
