"""What the sanitiser removed from a text, said to its editor.

markdown.Renderer keeps an allowlist of raw HTML: a pasted Google Maps <iframe>, a <script>,
a <form> or an onclick simply disappear from the page. This module finds them again in the
engine's output (where code is escaped, so what is shown as code is not counted) and points
at the first line of the text where each was written, with why and what to do. Notes, never
errors: the page is right to leave them out.

Only a text with raw HTML or a script address is looked at twice: the others cost one search.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .markdown import TAGS, URL_SCHEMES, Renderer
from .mdproblems import blank_code

# Raw HTML, or an address whose scheme the sanitiser refuses (javascript:, vbscript:, data:).
# A case-insensitive alternation stepped through every character took 187 µs for a 9 KB article
# with neither (+1 s on a 10,000-article build); lowering the whole text to search it for the two
# words, 16 µs. A scheme ends at a colon, and a text has few: the word before each is looked at.
_TAG = re.compile(r"<[A-Za-z]")
_TAG_BYTES = re.compile(rb"<[A-Za-z]")


def _suspect(text: str | bytes) -> bool:
    """Whether text has raw HTML or a script or data address that the sanitiser may remove:
    "<" and a letter, or "script" or "data" in any case, then spaces or none, then ":"."""
    binary = isinstance(text, bytes)
    if (b"<" if binary else "<") in text and (_TAG_BYTES if binary else _TAG).search(text):
        return True
    colon = b":" if binary else ":"
    if colon not in text:
        return False
    words = (b"script", b"data") if binary else ("script", "data")
    # lowering never shortens a character: the last six of a piece hold the end of its lowered form
    return any(piece.rstrip()[-6:].lower().endswith(words) for piece in text.split(colon)[:-1])


_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_WITH_CONTENT = {"script": "cùng mã bên trong: bài viết không được chạy JavaScript",
                 "style": "cùng nội dung bên trong: kiểu trình bày của trang do giao diện quyết định"}
_FORM = {"form", "input", "button", "select", "option", "textarea", "label", "fieldset", "legend"}
_EMBED = {"object", "embed", "applet", "video", "audio", "source", "track", "frame", "frameset"}


NOTE = "Lưu ý: "  # the build's notes; `check` says "cảnh báo: "


@dataclass(frozen=True)
class Removal:
    line: int       # 1-based line of the text where the first such thing is written
    message: str    # in Vietnamese: what was removed, why, and how to keep it when it can be
    count: int = 1  # how many of the same were removed in the text


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def removals(renderer: Renderer, text: str) -> list[Removal]:
    """What renderer.render(text) leaves out of text's raw HTML, one Removal per kind, in line order."""
    if not _suspect(text):
        return []
    parser = _Tags()
    parser.feed(renderer.to_html(text))
    parser.close()
    found: dict[tuple, list] = {}  # kind -> [message, needle, count]

    def note(kind: tuple, message: str, needle: str) -> None:
        if kind in found:
            found[kind][2] += 1
        else:
            found[kind] = [message, needle, 1]

    for tag, attributes in parser.tags:
        if tag not in TAGS and tag != "h1":  # a body's h1 becomes an h2, not removed
            note(("tag", tag), _tag_message(tag), r"<" + re.escape(tag) + r"(?=[\s/>])")
            continue
        values = dict(attributes)
        for name, value in attributes:
            if name.startswith("on"):
                note(("event", name), f"đã bỏ thuộc tính “{name}” của thẻ <{tag}>: bài viết không được chạy "
                                      f"JavaScript", r"(?<=[\s\"'/])" + re.escape(name) + r"(?=[\s=>/])")
            elif name in ("href", "src") and tag != "iframe" and value and _refused_scheme(value):
                scheme = _SCHEME.match(value).group(1).lower()
                note(("scheme", scheme), f"đã bỏ địa chỉ “{_clip(value)}” của thẻ <{tag}>: chỉ nhận địa chỉ "
                                         f"{', '.join(URL_SCHEMES)} và địa chỉ trong trang",
                     re.escape(scheme) + r"\s*:")
        if tag == "iframe":
            _iframe(renderer, values.get("src"), note)
    source = blank_code(text)
    out = []
    for message, needle, count in found.values():
        match = re.search(needle, source, re.IGNORECASE)
        if match is None:  # made by the Markdown syntax, not written (a task list's checkbox <input>)
            continue
        out.append(Removal(source.count("\n", 0, match.start()) + 1, message, count))
    return sorted(out, key=lambda r: r.line)


def _tag_message(tag: str) -> str:
    if tag in _WITH_CONTENT:
        return f"đã bỏ thẻ <{tag}> {_WITH_CONTENT[tag]}"
    if tag in _FORM:
        return f"đã bỏ thẻ <{tag}>: bài viết không được có biểu mẫu; chữ bên trong (nếu có) vẫn giữ"
    if tag in _EMBED:
        return (f"đã bỏ thẻ <{tag}>: bài viết chỉ nhúng được khung <iframe> của máy chủ trong iframe_hosts "
                f"([security] trong site.toml); chữ bên trong (nếu có) vẫn giữ")
    return f"đã bỏ thẻ <{tag}>: thẻ này không được phép trong bài viết; chữ bên trong (nếu có) vẫn giữ"


def _refused_scheme(value: str) -> bool:
    scheme = _SCHEME.match(value)
    return scheme is not None and scheme.group(1).lower() not in URL_SCHEMES


def _iframe(renderer: Renderer, src: str | None, note) -> None:
    if not src:
        note(("iframe", ""), "đã bỏ khung nhúng <iframe> không có địa chỉ (src)", r"<iframe(?=[\s/>])")
        return
    allowed, host = renderer.iframe_check(src)
    if allowed is not None:
        return
    hosts = ", ".join(f"“{h}”" for h in sorted(renderer.iframe_hosts)) or "(chưa có máy chủ nào)"
    if host:
        note(("iframe", host), f"đã bỏ khung nhúng <iframe> của “{host}”: máy chủ này không có trong "
                               f"iframe_hosts ([security] trong site.toml, hiện có: {hosts}); muốn hiện khung "
                               f"này, thêm “{host}” vào iframe_hosts",
             r"<iframe\b[^>]*" + re.escape(host))
        return
    note(("iframe", src), f"đã bỏ khung nhúng <iframe> có địa chỉ “{_clip(src)}”: chỉ nhận địa chỉ https:// "
                          f"(không kèm cổng hay tên đăng nhập) của máy chủ trong iframe_hosts ([security] "
                          f"trong site.toml, hiện có: {hosts})",
         r"<iframe\b[^>]*" + re.escape(src.split("&")[0][:60]))


def _clip(value: str, size: int = 60) -> str:
    value = html.unescape(value)
    return value if len(value) <= size else value[:size - 1] + "…"


def describe(removal: Removal) -> str:
    """The message with how many there were, when more than one."""
    if removal.count == 1:
        return removal.message
    return f"{removal.message} ({removal.count} chỗ trong bài; chỗ đầu tiên ở dòng này)"


def notes(renderer: Renderer, raw: bytes, shown: str, prefix: str) -> list:
    """What the build removes from a source file (its bytes), as SiteErrors at the file's lines, each
    message after prefix ("Lưu ý: " in the build, "cảnh báo: " in check). [] for an unreadable file:
    its errors are reported by the reading itself."""
    from .errors import ContentError, SiteError
    from .frontmatter import decode, split

    if not _suspect(raw):
        return []
    try:
        src = split(decode(raw, shown), shown)
    except ContentError:
        return []
    return [SiteError(prefix + describe(r), shown, src.body_line + r.line - 1) for r in removals(renderer, src.body)]
