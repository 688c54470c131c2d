"""The page model and reading: source files become Articles and Pages.

The models are declared here; their front matter fields are read and checked by fields.py,
every problem in a file reported together with its line.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, fields
from datetime import datetime, tzinfo
from functools import cache, cached_property
from operator import attrgetter
from pathlib import Path
from zoneinfo import ZoneInfo

from . import __version__
from .filelinks import FILES, linked_files
from .errors import ContentError, os_reason
from .fields import (ARTICLE_FIELDS, PAGE_FIELDS, Alias, Checker, Image, SourceRef, image_of, resolved, source_of,
                     unique, unique_text)
from .frontmatter import BIDI, BIDI_UTF8, Source, bidi_said, decode, split
from .markdown import MAX_NESTING, Credentials, NestingTooDeep, Renderer, Unclosed
from .rescan import Rescanned
from .summaries import first_paragraph, shorten
from .taxonomy import Directive, Province, Registries

_INTEGER = re.compile(r"[+-]?[0-9]+")
_TIME_OF_DAY = re.compile(r"[0-9][T ][0-9]")  # "2016-09-19T16:27": the date has a time
# A body is searched for a bidi control as text only when its file's bytes hold one.
_BIDI_BYTES = re.compile(BIDI_UTF8)


@dataclass(frozen=True, slots=True)
class Article:
    path: str                      # as shown in messages: relative to the project root
    slug: str
    title: str
    date: datetime                 # aware, in the site's time zone
    updated: datetime | None
    summary: str                   # for lists, feeds and meta tags: explicit or derived
    sapo: str                      # the explicit lead paragraph shown above the body, or ""
    body: str                      # sanitised HTML; "" outside the pages that show it (see cache.py)
    provinces: tuple[Province, ...]
    directives: tuple[Directive, ...]
    tags: tuple[str, ...]          # as written; collect() resolves them to Tag terms
    author: str
    source: SourceRef | None
    image: Image | None
    draft: bool
    line: int = 1                  # where the slug is decided, for collision messages
    timed: bool = True             # the date has a time of day ("date: 2016-09-19" has none)
    date_estimated: bool = False   # the date is a guess (the importer found none on the page)
    aliases: tuple[Alias, ...] = ()  # old addresses, each published as a redirect to the article (aliases.py)
    attachments: tuple[str, ...] = ()  # the attachments its body links to, "files/ke-hoach.pdf" (attachments.py)

    def with_body(self, body: str) -> Article:
        """The article with this body: what dataclasses.replace(self, body=body) gives, at half its
        cost (it builds a dict of every field by name; render workers call it for every article page)."""
        values = _ARTICLE_VALUES(self)
        return Article(*values[:_BODY_AT], body, *values[_BODY_AT + 1:])


_ARTICLE_VALUES = attrgetter(*(f.name for f in fields(Article)))
_BODY_AT = [f.name for f in fields(Article)].index("body")


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    slug: str
    title: str
    summary: str
    body: str
    menu: int | None               # position in the site menu; None keeps it out
    draft: bool
    updated: datetime | None = None


@dataclass(frozen=True)
class ReadSettings:
    """Everything reading a source file depends on besides its own bytes.

    The one object read_article receives, and the one the build's cache hashes
    (fingerprint: every field, whatever fields there are) into each article's key:
    a setting added here is noticed by the cache without being listed anywhere else.
    """
    registries: Registries
    base_path: str
    iframe_hosts: tuple[str, ...]
    markdown_engine: str
    timezone: str
    summary_length: int
    # The site has an attachments folder: each body's links to it are noted (Article.attachments), for
    # the build to publish only linked documents. A site without one does not search its bodies.
    attachments: bool = True

    @classmethod
    def of(cls, config, registries: Registries) -> "ReadSettings":
        return cls(registries, config.base_path, config.security.iframe_hosts, config.markdown_engine,
                   config.timezone, config.summary_length, (config.path(config.content_dir) / FILES).is_dir())

    @cached_property
    def zone(self) -> tzinfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.base_path, self.iframe_hosts, self.markdown_engine)

    @cached_property
    def fingerprint(self) -> str:
        h = hashlib.blake2b(__version__.encode() + _reading_code(), digest_size=16)
        for f in fields(self):
            value = getattr(self, f.name)
            h.update(f"\0{f.name}=".encode())
            h.update((value.fingerprint if isinstance(value, Registries) else repr(value)).encode())
        return h.hexdigest()


# The modules whose code decides what reading a file gives: a change to them (without a new version
# number, as in development) must not leave articles read by the old rules in the cache.
_READING_MODULES = ("addresses.py", "cmarkengine.py", "content.py", "datafiles.py", "fields.py", "filelinks.py",
                    "frontmatter.py", "markdown.py", "mdproblems.py", "nesting.py", "plainhtml.py", "registrychecks.py",
                    "rescan.py", "spellings.py", "summaries.py", "tables.py", "taxonomy.py", "vietnamese.py")


@cache
def _reading_code() -> bytes:
    here = Path(__file__).parent
    return hashlib.blake2b(b"".join((here / name).read_bytes() for name in _READING_MODULES
                                    if (here / name).is_file()), digest_size=16).digest()


def read_article(path: Path, display: str, settings: ReadSettings, raw: bytes | None = None) -> Article:
    """One article, or ContentErrors (raised as a list in .errors) naming every problem."""
    registries = settings.registries
    raw = _read(path, display) if raw is None else raw
    src = split(decode(raw, display), display)
    check = Checker(src, settings.zone, raw)
    check.unknown_keys(ARTICLE_FIELDS)
    get = _present(src.meta).get
    title = check.text("title", get("title"), required=True)
    moment = check.moment("date", get("date"), required=True)
    updated = check.moment("updated", get("updated"))
    slug = check.slug(get("slug"), path.stem)
    provinces = resolved(check, registries.provinces, "province",
                          check.texts("province", get("province"), allow_single=True))
    directives = resolved(check, registries.directives, "directives", check.texts("directives", get("directives")))
    tags = check.tags(registries, get("tags"))
    author = check.text("author", get("author"))
    source = source_of(check, get("source"))
    image = image_of(check, get("image"))
    draft = check.flag("draft", get("draft"))
    estimated = check.flag("date_estimated", get("date_estimated"))
    summary = check.text("summary", get("summary"))
    aliases = check.aliases(get("aliases"))
    if _BIDI_BYTES.search(raw):
        check.errors += _body_bidi(src)
    if check.errors:
        raise _Many(check.errors)
    body = _body(settings.renderer, src)
    sapo = summary
    if not summary:
        summary = shorten(first_paragraph(body), settings.summary_length)
    return Article(display, slug, title, moment, updated, summary, sapo, body, unique(provinces),
                   unique(directives), unique_text(tags), author, source, image, draft,
                   src.line_of("slug") if "slug" in src.meta else 1,
                   timed=bool(_TIME_OF_DAY.search(str(get("date")))), date_estimated=estimated,
                   aliases=aliases,
                   attachments=linked_files(body, settings.base_path) if settings.attachments else ())


def read_page(path: Path, display: str, settings: ReadSettings, raw: bytes | None = None) -> Page:
    raw = _read(path, display) if raw is None else raw
    src = split(decode(raw, display), display)
    check = Checker(src, settings.zone, raw)
    check.unknown_keys(PAGE_FIELDS)
    get = _present(src.meta).get
    title = check.text("title", get("title"), required=True)
    slug = check.slug(get("slug"), path.stem)
    summary = check.text("summary", get("summary"))
    menu = get("menu")
    if menu is not None:
        if isinstance(menu, str) and _INTEGER.fullmatch(menu.strip()):
            menu = int(menu)
        else:
            check.error("menu", "“menu” phải là một số nguyên (thứ tự trên thanh điều hướng)")
            menu = None
    draft = check.flag("draft", get("draft"))
    updated = check.moment("updated", get("updated"))
    if _BIDI_BYTES.search(raw):
        check.errors += _body_bidi(src)
    if check.errors:
        raise _Many(check.errors)
    body = _body(settings.renderer, src)
    return Page(display, slug, title, summary or shorten(first_paragraph(body), settings.summary_length),
                body, menu, draft, updated)


def _present(meta: dict) -> dict:
    """meta without empty values ("title:" and 'title: ""' are both absent)."""
    return {key: value for key, value in meta.items() if value != ""}


def _read(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ContentError(f"không đọc được tệp: {os_reason(exc)}", display, 1) from None


def tag_line(path: Path, display: str, tag: str) -> int:
    """The line of a source file where tag is listed (1 if it cannot be told): for messages."""
    try:
        return split(decode(path.read_bytes(), display), display).line_of_item("tags", tag)
    except (OSError, ContentError):
        return 1


def _body_bidi(src: Source) -> list[ContentError]:
    """A bidi control in the body (a text that shows in another order than it is written: "‮" turns
    the rest of its line around), at its line; the front matter's are Checker's."""
    found = BIDI.search(src.body)
    if found is None:
        return []
    return [ContentError(f"nội dung {bidi_said(found.group())}",
                         src.path, src.body_line + src.body.count("\n", 0, found.start()))]


def _body(renderer: Renderer, src: Source) -> str:
    try:
        return renderer.render(src.body)
    except NestingTooDeep as exc:
        raise ContentError(f"nội dung lồng nhau quá sâu: quá {MAX_NESTING} tầng (trích dẫn “>” trong trích dẫn, "
                           f"danh sách trong danh sách hay thẻ HTML trong thẻ HTML); hãy bớt lồng",
                           src.path, src.body_line + exc.line - 1) from None
    except Rescanned as exc:
        raise ContentError(f"nội dung có quá nhiều dấu “{exc.char}” không có dấu “{exc.closer}” đóng ngay sau: bộ đọc "
                           f"Markdown “python-markdown” (markdown_engine trong site.toml) đọc lại phần chữ sau mỗi dấu "
                           f"đó, và với bài này sẽ mất hàng phút; hãy đóng các dấu bằng “{exc.closer}”, viết "
                           f"“\\{exc.char}” cho một dấu “{exc.char}” đứng riêng, hoặc dùng bộ đọc mặc định “cmark-gfm”",
                           src.path, src.body_line + exc.line - 1) from None
    except Credentials as exc:
        what = {"img": "địa chỉ ảnh", "iframe": "địa chỉ khung nhúng (iframe)"}.get(exc.tag, "liên kết")
        raise ContentError(f"{what} “{exc.shown}” không được có tên đăng nhập hay mật khẩu (phần “…@” trước tên "
                           f"máy): chúng sẽ hiện công khai trên trang; hãy bỏ phần đó",
                           src.path, src.body_line + exc.line - 1) from None
    except Unclosed as exc:
        what = "chú thích “<!--”" if exc.opener == "<!--" else f"thẻ “{exc.opener}”"
        raise ContentError(f"{what} không được đóng bằng “{exc.closer}”: mọi chữ sau nó tới hết bài sẽ không hiện "
                           f"ra đúng trên trang; hãy thêm “{exc.closer}” ở chỗ cần đóng, hoặc xóa “{exc.opener}”",
                           src.path, src.body_line + exc.line - 1) from None


class _Many(ContentError):
    """Several problems in one file, raised together."""

    def __init__(self, errors: list[ContentError]):
        super().__init__(errors[0].message, errors[0].path, errors[0].line)
        self.errors = errors


def errors_of(exc: ContentError) -> list[ContentError]:
    return list(getattr(exc, "errors", [exc]))
