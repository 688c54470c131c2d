"""Files of the images folder a browser would run, and programs: refused, at the file and line
to fix; other files that are no picture a page can show: noted (image_notes).

Everything in content/images is published at the site's own address. An SVG opened there
(not shown through <img>) runs its <script>, its event handlers (onload=…), the HTML of a
<foreignObject> and its javascript: links with the site's cookies and storage; an .html, .xml
or .js file there does the same. Only the preview and netlify.toml serve images sandboxed;
GitHub Pages, nginx, a plain host do not. So the build refuses such files on every host.

SVGs are read by expat, a real XML parser, never by patterns: what a browser would see after
entities and character references are expanded is what is checked. Expat (2.4 and later)
limits entity amplification itself (billion laughs); external and parameter entities, which
a browser would not load either, are refused.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path
from xml.parsers import expat

from .attachments import KINDS as DOCUMENTS, is_attachment
from .errors import ContentError, SiteError, os_reason
from .sources import ImageFile, display_path

# Suffixes a browser renders as a document or runs as a script when opened from the site.
ACTIVE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".xml", ".xsl", ".xslt",
                             ".rss", ".atom", ".js", ".mjs", ".cjs", ".svgz", ".swf", ".hta"})
# Elements whose content runs (script, SVG Tiny's handler) or embeds HTML or another document.
ACTIVE_ELEMENTS = frozenset({"script", "handler", "listener", "foreignobject", "iframe", "frame", "frameset", "embed",
                             "object", "applet", "base", "meta"})
# Attributes naming what a document loads (an <a href> is a link the reader follows: allowed).
LOADING = frozenset({"href", "src"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)|@import\s+(['\"])([^'\"]*)\3", re.I)
# Embedded data a browser would open as a document or run (embedded photos and fonts are fine).
_ACTIVE_DATA = re.compile(r"^data:\s*(text/html|application/xhtml\+xml|text/xml|application/xml|image/svg\+xml|"
                          r"text/(java|ecma)script|application/(x-)?(java|ecma)script|[^;,]*\+xml)\s*[;,]", re.I)
_URL_NOISE = re.compile(r"[\t\n\r]|^[\x00-\x20]+")  # what a browser strips from an address before its scheme

# Programs: a portal's address handing them out is how malware spreads (refused like the above).
PROGRAM_SUFFIXES = frozenset({".exe", ".msi", ".bat", ".cmd", ".com", ".scr", ".pif", ".ps1", ".vbs", ".vbe", ".wsf",
                              ".jar", ".apk", ".dll", ".sh", ".lnk", ".reg", ".dmg", ".pkg", ".deb", ".rpm"})
# What browsers show in <img> (photos.py makes the sizes of some).
DISPLAYED = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif", ".ico", ".bmp"})
# Pictures no browser shows, or only some do: a phone's HEIC, a scanner's TIFF, a designer's file.
UNSHOWN = frozenset({".heic", ".heif", ".tif", ".tiff", ".psd", ".ai", ".eps", ".cdr", ".raw", ".cr2", ".nef",
                     ".dng", ".xcf", ".jxl", ".jp2"})
# Left by an editor's programs, never meant to be published.
_LEFTOVER = re.compile(r"^(~\$.*|thumbs\.db|desktop\.ini|.*\.(tmp|part|crdownload|partial|bak|swp))$", re.I)

ADVICE = ("hãy mở ảnh bằng phần mềm vẽ (Inkscape, Illustrator, Figma…) rồi xuất lại thành SVG thường "
          "(Plain SVG / SVG tối giản) hoặc thành PNG")


def check_images(images: Sequence[ImageFile], root: Path) -> list[SiteError]:
    """An error for each file of the images folder that a browser would run when opened from the site."""
    errors: list[SiteError] = []
    for image in images:
        if is_attachment(image):
            continue  # attachments.py: documents only
        shown = display_path(image.path, root)
        suffix = image.path.suffix.lower()
        if suffix in PROGRAM_SUFFIXES:
            errors.append(ContentError(
                f"tệp {suffix} là một chương trình, không phải ảnh; xuất bản nó, cổng sẽ phát chương trình cho bạn đọc "
                "tải về từ địa chỉ của mình: hãy xóa tệp này hoặc chuyển nó ra khỏi thư mục ảnh", shown, 1))
        elif suffix in ACTIVE_SUFFIXES:
            errors.append(ContentError(
                f"tệp {suffix} không phải ảnh, và trình duyệt sẽ chạy mã trong nó khi mở từ địa chỉ của cổng; thư mục "
                "ảnh chỉ được chứa ảnh (JPEG, PNG, WebP, GIF, SVG): hãy xóa tệp này hoặc chuyển nó ra khỏi thư mục ảnh",
                shown, 1))
        elif suffix == ".svg":
            try:
                data = image.path.read_bytes()
            except OSError as exc:
                errors.append(ContentError(f"không đọc được tệp ảnh: {os_reason(exc)}", shown, 1))
                continue
            problem = svg_problem(data)
            if problem is not None:
                errors.append(ContentError(f"ảnh SVG {problem[1]}; {ADVICE}", shown, problem[0]))
    return errors


def image_notes(images: Sequence[ImageFile], root: Path, prefix: str) -> list[SiteError]:
    """What the editor should know of files of the images folder that are published but are no
    picture a page can show: a document, a phone's HEIC photo, a file left by Word (~$…). Notes,
    not errors: a PDF linked from an article is a legitimate download."""
    notes: list[SiteError] = []
    for image in images:
        name = image.path.name
        suffix = image.path.suffix.lower()
        if is_attachment(image) or suffix in DISPLAYED or suffix in ACTIVE_SUFFIXES or suffix in PROGRAM_SUFFIXES:
            continue  # shown, or refused by check_images
        address = "/" + image.output
        if _LEFTOVER.match(name):
            text = (f"tệp “{name}” là tệp tạm hay tệp hệ thống do một phần mềm để lại, không phải ảnh, mà vẫn được "
                    f"xuất bản ở {address}; hãy xóa nó khỏi thư mục ảnh")
        elif suffix in UNSHOWN:
            text = (f"ảnh dạng {suffix} mà trình duyệt không hiện được (hay chỉ một vài trình duyệt hiện); bài nào "
                    f"dùng ảnh này sẽ hiện ô trống: hãy xuất lại thành JPEG hay PNG")
        elif suffix in DOCUMENTS:
            moved = "/files/" + image.output.removeprefix("images/")
            text = (f"tệp {suffix} không phải ảnh mà vẫn được xuất bản ở {address}, ai có địa chỉ đều tải về được; nếu "
                    f"là văn bản đính kèm, hãy chuyển nó sang thư mục văn bản content/files (địa chỉ sẽ là {moved}, và "
                    "cổng kiểm tra tệp đúng là văn bản) rồi sửa liên kết trong bài, nếu không, hãy xóa nó khỏi thư mục ảnh")
        else:
            kind = f"tệp {suffix}" if suffix else "tệp không có đuôi"
            text = (f"{kind} không phải ảnh mà vẫn được xuất bản ở {address}, ai có địa chỉ đều tải về được; nếu là "
                    f"văn bản đính kèm, hãy liên kết tới nó trong bài (ví dụ [Tải văn bản]({address})), nếu không, "
                    "hãy xóa nó khỏi thư mục ảnh")
        notes.append(SiteError(prefix + text, display_path(image.path, root), None))
    return notes


class _Active(Exception):
    """The first thing of an SVG a browser would run or load: (line, what)."""

    def __init__(self, line: int, what: str):
        super().__init__(what)
        self.line, self.what = line, what


def _local(name: str) -> str:
    """An expanded name ("http://www.w3.org/2000/svg script") or a prefixed one ("xlink:href"), bare."""
    return name.rpartition(" ")[2].rpartition(":")[2].lower()


def _scheme(value: str) -> str | None:
    match = _SCHEME.match(_URL_NOISE.sub("", value))
    return match.group(1).lower() if match else None


def _url_problem(url: str) -> str | None:
    """Why an address in an SVG is refused: it runs script, or it loads a file from elsewhere."""
    url = _URL_NOISE.sub("", url)
    scheme = _scheme(url)
    if scheme in ("javascript", "vbscript"):
        return f"có liên kết “{scheme}:” chạy mã"
    if scheme == "data" and _ACTIVE_DATA.match(url):
        return "có dữ liệu nhúng “data:” là trang HTML, SVG hay mã chạy được"
    if scheme is not None and scheme != "data" or url.startswith(("//", "\\\\", "/\\", "\\/")):
        return f"tải tệp từ nơi khác (“{url[:80]}”), có thể theo dõi người đọc hay đổi nội dung ảnh"
    return None


# Expat's refusals of entities that swell past its amplification limit, or refer to themselves:
# a hostile file (billion laughs), not a broken one.
_SWELLING = {expat.errors.codes[message] for message in (expat.errors.XML_ERROR_AMPLIFICATION_LIMIT_BREACH,
                                                          expat.errors.XML_ERROR_RECURSIVE_ENTITY_REF)
             if message in expat.errors.codes}

# An XML declaration's encoding, read as ASCII bytes (as expat and browsers read it first).
_DECLARED = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml\s[^>]*?\bencoding\s*=\s*(['\"])([^'\"]*)\1")
_NOT_BROWSERS = frozenset({"idna", "punycode", "unicode_escape", "raw_unicode_escape", "utf-7", "undefined"})


def _as_utf8(data: bytes) -> tuple[bytes, tuple[int, str] | None]:
    """The SVG in UTF-8 with its declaration saying so, read in the encoding it declares (expat knows
    four by itself and no alias: encoding="utf8" made Vietnamese a broken-XML refusal, an unknown or
    multi-byte name a traceback); or (line, what) when it cannot be read."""
    declared = _DECLARED.match(data)
    if declared is None:
        return data, None
    label = declared.group(2).decode("ascii", "replace").strip()
    try:
        codec = codecs.lookup(label)
    except LookupError:
        codec = None
    if codec is None or not getattr(codec, "_is_text_encoding", True) or codec.name in _NOT_BROWSERS:
        return data, (1, f"khai báo bảng mã “{label}” mà trình duyệt không biết, nên sẽ không hiện ảnh; hãy lưu "
                         "lại tệp với bảng mã UTF-8 và sửa khai báo thành encoding=\"UTF-8\"")
    try:
        text = data.decode("utf-8-sig" if codec.name == "utf-8" else codec.name)
    except UnicodeDecodeError as exc:
        return data, (data.count(b"\n", 0, exc.start) + 1,
                      f"có byte 0x{data[exc.start]:02x} ở dòng này không đọc được theo bảng mã “{label}” mà tệp "
                      "khai báo, trình duyệt sẽ không hiện ảnh; hãy lưu lại tệp với bảng mã UTF-8 và sửa khai báo "
                      "thành encoding=\"UTF-8\"")
    again = re.match(r"^\ufeff?\s*<\?xml\s[^>]*?\bencoding\s*=\s*(['\"])([^'\"]*)\1", text)
    if again is None:  # "UTF-16" written in ASCII: the file is not in the encoding it declares
        return data, (1, f"khai báo bảng mã “{label}” nhưng tệp không được lưu bằng bảng mã đó, trình duyệt sẽ "
                         "không hiện ảnh; hãy lưu lại tệp với bảng mã UTF-8 và sửa khai báo thành encoding=\"UTF-8\"")
    return (text[:again.start(2)] + "UTF-8" + text[again.end(2):]).lstrip("\ufeff").encode("utf-8"), None


def svg_problem(data: bytes) -> tuple[int, str] | None:
    """(line, what) of the first thing in an SVG a browser would run or load from elsewhere, or
    of the XML that cannot be read; None for a plain SVG."""
    data, unreadable = _as_utf8(data)
    if unreadable is not None:
        return unreadable
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    styles: list[list[str]] = []  # the text of open <style> elements (CSS), in the pieces expat gives

    def refuse(what: str) -> None:
        raise _Active(parser.CurrentLineNumber, what)

    def entity(name, is_parameter, value, base, system_id, public_id, notation):
        if is_parameter or system_id or public_id or notation:
            refuse(f"khai báo thực thể “{name}” trỏ ra tệp bên ngoài")

    def start(name, attributes):
        tag = _local(name)
        if tag in ACTIVE_ELEMENTS:
            refuse("có thẻ <script> chạy mã" if tag == "script" else f"có thẻ <{name.rpartition(' ')[2]}> "
                   "(nhúng trang HTML hay tài liệu khác, có thể chạy mã)")
        if tag == "style":
            styles.append([])
        for key, value in attributes.items():
            attr = _local(key)
            if attr.startswith("on"):
                refuse(f"có thuộc tính sự kiện “{key.rpartition(' ')[2]}” chạy mã")
            problem = _url_problem(value) if attr in LOADING and tag != "a" else None
            if problem is None and _scheme(value) in ("javascript", "vbscript", "data"):  # <a href>, <animate values>…
                problem = _url_problem(value)
            if problem is None and attr == "style":
                problem = _css_problem(value)
            if problem:
                refuse(problem)

    def end(name):
        if _local(name) == "style" and styles:
            problem = _css_problem("".join(styles.pop()))
            if problem:
                refuse(problem)

    def text(content):
        if styles:
            styles[-1].append(content)

    parser.EntityDeclHandler = entity
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.ExternalEntityRefHandler = lambda *args: refuse("dùng thực thể trỏ ra tệp bên ngoài")
    try:
        parser.Parse(data, True)
    except _Active as active:
        return active.line, active.what
    except expat.ExpatError as exc:
        if exc.code in _SWELLING:
            return exc.lineno, ("không đọc được: các thực thể XML của tệp lồng nhau, nở ra quá lớn (kiểu “billion "
                                "laughs”, một cách làm treo chương trình đọc); ảnh vẽ thật không cần vậy: hãy xuất "
                                "lại ảnh từ chương trình vẽ")
        return exc.lineno, ("không đọc được: XML hỏng ở dòng này (thẻ chưa đóng hay đóng sai thứ tự, dấu “<” hay “&” "
                            "trần, ký tự lạ…), trình duyệt sẽ không hiện ảnh")
    return None


def _css_problem(css: str) -> str | None:
    for match in _CSS_URL.finditer(css):
        problem = _url_problem(match.group(2) if match.group(2) is not None else match.group(4))
        if problem:
            return problem
    if re.search(r"expression\s*\(|-moz-binding|behavior\s*:", css, re.I):
        return "có kiểu CSS chạy mã (expression, behavior, -moz-binding)"
    return None
