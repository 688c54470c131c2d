"""Splitting a source file into YAML front matter and Markdown, with line numbers.

Reading knows nothing of templates: this module turns bytes into a mapping and
a body, or into ContentErrors that point at the file and line to fix.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yamlreasons
from .errors import ContentError, printable
from .vietnamese import normalize, slugify

try:  # the C loader is ~10x faster; fall back quietly where libyaml is missing
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader


class _Refused(yaml.MarkedYAMLError):
    """Front matter PyYAML reads but we refuse: `reason` is the whole message."""

    def __init__(self, reason: str, mark):
        super().__init__(problem=reason, problem_mark=mark)
        self.reason = reason


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that reads every scalar as the text written.

    YAML 1.1 typing would rewrite what an editor typed: `title: 1:30` became 90, `010`
    became 8, `yes:` a key True. Here plain scalars stay text and content.py parses the
    few fields that are dates, numbers or true/false with its own messages. Explicit tags
    (`!!binary`, `!!python/…`, `!x`) are refused, and so is a key written twice in any
    mapping, nested or flow ones included.
    """

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key, line = key_node.value, key_node.start_mark.line + 2
                if key in seen:
                    raise _Refused(f"khóa “{printable(key)}” được viết hai lần (lần đầu ở dòng {seen[key]})",
                                   key_node.start_mark)
                seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_undefined(self, node):
        tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
        raise _Refused(f"không dùng được thẻ YAML “{printable(tag)}”: phần thông tin đầu bài chỉ gồm chữ, "
                       f"danh sách và bảng; nếu đó là chữ, hãy đặt cả giá trị trong dấu ngoặc kép", node.start_mark)


_Loader.yaml_implicit_resolvers = {}  # no implicit typing: every plain scalar is a string
_Loader.yaml_constructors = {tag: _BaseLoader.yaml_constructors[tag] for tag in (
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")}
_Loader.yaml_constructors[None] = _Loader.construct_undefined

_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)  # searched from the 2nd line on
_TOP_KEY = re.compile(r"^([^\s#:\-][^:]*?)\s*:(?:\s|$)")


def _key_of(text: str) -> str | None:
    """The top-level key a front matter line writes, if any."""
    match = _TOP_KEY.match(text)
    return match.group(1).strip().strip("'\"") if match else None


def file_lines(path: Path) -> list[str]:
    """A source file's lines, read again after the build read it (for locating what it reports);
    [] when it is gone or no longer UTF-8 since. Lines end at a newline only, as decode() reads them
    (splitlines() also ends one at U+2028, U+0085, a form feed …: the lines after pointed one too far)."""
    try:
        return path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def key_line(lines: Sequence[str], key: str) -> int | None:
    """The line of a top-level key in a file's front matter (lines: file_lines), as
    Source.line_of finds it; None when the front matter does not write it."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for number in range(2, len(lines) + 1):
        text = lines[number - 1]
        if _CLOSING.match(text):
            return None
        if _key_of(text) == key:
            return number
    return None


@dataclass(frozen=True, slots=True)
class Source:
    """A source file split in two; lines are 1-based lines of the whole file."""
    path: str
    meta: dict
    body: str
    body_line: int             # the line of the file the body's first line is
    fm_lines: tuple[str, ...]  # the front-matter lines, for locating keys
    key_lines: dict = field(default_factory=dict, compare=False, repr=False)  # filled on first use

    def line_of(self, key: str) -> int:
        """The line a top-level key is written on (the opening --- if absent)."""
        lines = self.key_lines
        if not lines:  # one pass for all keys: 20,000 unknown keys are reported in linear time
            for index, text in enumerate(self.fm_lines):
                name = _key_of(text)
                if name is not None:
                    lines.setdefault(name, index + 2)
            lines.setdefault(None, 1)  # marks the index as built
        return lines.get(key, 1)

    def line_of_item(self, key: str, item: str) -> int:
        """The line a list item (or the key itself) is written on."""
        start = self.line_of(key)
        for index in range(start - 2, len(self.fm_lines)):
            if item and item in normalize(self.fm_lines[index]):
                return index + 2
            if index > start - 2 and _TOP_KEY.match(self.fm_lines[index]):
                break
        return start


# Control characters other than tab and newline, and the two noncharacters XML forbids: invisible
# leftovers of copy and paste that YAML refuses and that make the Atom feeds ill-formed.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


_C0 = bytes([*range(0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])  # _INVISIBLE's one-byte characters


# Bidirectional embeddings, overrides and isolates: they make text show in another order than
# it is stored (a title that reads one way and links or sorts another).
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIDI_UTF8 = b"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])"  # the same, as a pattern over UTF-8 bytes


def bidi_said(control: str) -> str:
    """What a bidi control does, for the message naming where it is: front matter, body, site.toml,
    data files."""
    return (f"có ký tự điều khiển hướng chữ U+{ord(control):04X}, làm chữ hiện ra khác với chữ thật; "
            f"hãy xóa ký tự đó (gõ lại đoạn chữ này)")


def bidi_control(text: str) -> str | None:
    """The first bidi control of text, if any."""
    found = BIDI.search(text)
    return found.group() if found else None


def visible(text: str) -> str:
    """text with invisible control characters replaced by spaces."""
    return _INVISIBLE.sub(" ", text)


# Line breaks a one-line field may hold: YAML's "\n", "\L", "\P", "\N" escapes, a block scalar
# ("title: |"), or pasted text. In a title they reached <title>, feeds, JSON-LD and the search index
# as breaks (U+2028 and U+2029 break a line in the middle of a card's title on phones).
_LINE_BREAKS = re.compile("\\s*[\n\r\x0b\x0c\x85\u2028\u2029]\\s*")


def one_line(text: str) -> str:
    """text with each line break (and the spaces around it) folded to one space, as a browser shows it:
    for fields that are one line (title, summary, author, caption, list items). VT and FF are spaces
    already (visible); the five searches cost ~0.1 us on a title, isprintable() ~0.5 us, the regex ~0.7."""
    if "\n" in text or "\u2028" in text or "\u2029" in text or "\x85" in text or "\r" in text:
        return _LINE_BREAKS.sub(" ", text)
    return text


def _may_hide(raw: bytes) -> bool:
    """Whether UTF-8 bytes may hold a character _INVISIBLE matches: a C0 control or DEL, or a
    lead byte of C1 controls (\xc2) or of U+FFFE/U+FFFF (\xef\xbf). Byte scans take ~6 us
    where the regex takes ~35 us on an article (a two-byte search ~8 us of them: one byte first,
    which memchr finds at once)."""
    return (len(raw.translate(None, _C0)) != len(raw) or b"\xc2" in raw
            or (b"\xef" in raw and b"\xef\xbf" in raw))


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text (a BOM and CRLF are fine), NFC; anything else is an error."""
    if not raw.strip():
        raise ContentError("tệp rỗng: bài viết cần phần thông tin đầu bài (---) và nội dung", path, 1)
    if raw[:1] in (b"\xff", b"\xfe", b"\x00"):  # perhaps Notepad's and Word's "Unicode"
        from .importer.decode import bom_encoding  # only then: the importer's tables

        wide = bom_encoding(raw)
        if wide in ("UTF-16", "UTF-32"):
            raise ContentError(f"tệp được lưu ở mã hóa {wide} (mục “Unicode” của Notepad hay Word), không phải "
                               "UTF-8; hãy lưu lại tệp với mã hóa UTF-8", path, 1)
    nul = raw.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise ContentError(f"tệp nhị phân (có byte 0x00 ở vị trí {nul}), không phải văn bản Markdown; "
                           f"bài viết phải là tệp văn bản UTF-8", path, 1)
    text = utf8(raw, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = normalize(text)  # NFC makes no control characters
    return visible(text) if _may_hide(raw) else text


def decode_utf8(raw: bytes) -> str:
    """raw as UTF-8 text, one leading BOM dropped. Not the "utf-8-sig" codec: it is Python code,
    ~25 % slower, and its UnicodeDecodeError counts places from after the BOM (the wrong line and
    byte named)."""
    text = raw.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def utf8(raw: bytes, path: str) -> str:
    """raw as UTF-8 text (a BOM is fine); a ContentError at the line of the first bad byte."""
    try:
        return decode_utf8(raw)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        from .importer.decode import legacy_encoding  # only on this error: the importer's tables

        legacy = legacy_encoding(raw)
        hint = (f" (tệp có vẻ lưu ở bảng mã cũ {legacy}: hãy chuyển sang Unicode, ví dụ bằng công cụ chuyển mã "
                f"của Unikey)") if legacy else ""
        raise ContentError(f"tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí {exc.start} "
                           f"(0x{raw[exc.start]:02x}); hãy lưu lại tệp với mã hóa UTF-8{hint}", path, line) from None


def invisible(text: str) -> str | None:
    """The first invisible control character of text (tab and newline aside), or None."""
    match = _INVISIBLE.search(text)
    return match.group() if match else None


# Characters of a front matter: a few hundred in an article, under 20,000 with a summary pasted
# whole; 10 MB (a summary of a whole book) took 39 s to build, most of it indexing and rendering it.
MAX_FRONT_MATTER = 1_000_000


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _closing(text: str) -> re.Match | None:
    """The line closing the front matter that opens text, or None."""
    return _CLOSING.search(text, 4) if text.startswith("---\n") else None


def body_of(text: str) -> str | None:
    """An article's Markdown body as split() gives it, without reading its front matter (which may not
    read); None when no line closes the front matter."""
    end = _closing(text)
    return None if end is None else text[end.end():].lstrip("\n")


def split(text: str, path: str) -> Source:
    """Front matter between the first two `---` lines, then the Markdown body."""
    if not text.startswith("---") or text[:4].rstrip("-\n").strip():
        raise ContentError("thiếu dòng “---” mở đầu phần thông tin đầu bài (dòng đầu tiên phải là ---)", path, 1)
    end = _closing(text)
    if end is None:
        raise ContentError("phần thông tin đầu bài mở bằng “---” nhưng không có dòng “---” đóng lại", path, 1)
    fm_text = text[4:end.start()]
    if len(fm_text) > MAX_FRONT_MATTER:
        raise ContentError(f"phần thông tin đầu bài dài {_number(len(fm_text))} ký tự, quá {_number(MAX_FRONT_MATTER)}"
                           ": phần này chỉ gồm tiêu đề, ngày, tóm tắt, chủ đề … (có phải đã dán cả bài vào một khóa "
                           "như summary?); đọc nó làm việc dựng trang chậm hàng phút: hãy đưa nội dung xuống dưới dòng "
                           "“---” đóng", path, fm_text.count("\n", 0, MAX_FRONT_MATTER) + 2)
    rest = text[end.end():]
    body = rest.lstrip("\n")
    fm_lines = tuple(fm_text.split("\n"))
    body_line = fm_text.count("\n") + 2 + max(1, len(rest) - len(body))  # the body's first line
    meta = _flat_yaml(fm_text)  # None when PyYAML must read it; never with a key written twice
    if meta is None:
        meta = _load_yaml(fm_text, path)
    return Source(path, meta, body, body_line, fm_lines)


# The front matter of almost every article is flat: `key: "text"`, `key: ["a", "b"]` or
# `key: plain-text`. Such lines are read here in ~15 us instead of PyYAML's ~140 us (its C
# scanner, then Python objects for every node); any other line sends the whole front matter to
# PyYAML, so the result is always what PyYAML gives (tests compare the two on many inputs).
# Double quoted, without escapes, control characters or the line breaks YAML folds (U+2028/9).
_QUOTED = r'"[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]*"'
_ENTRY = re.compile(
    r"([A-Za-z_][A-Za-z0-9_]{0,63}): (?:"
    rf"({_QUOTED})"
    rf"|(\[ *(?:{_QUOTED} *(?:, *{_QUOTED} *)*)?\])"
    # plain: words, digits and . - + / :, from a letter or digit, no ": " inside, no ":" at the end
    r"|([^\W_](?:[\w.+/\- ]|:(?! ))*[\w.+/\-]|[^\W_]))")
_ITEM = re.compile(_QUOTED)


def _flat_yaml(fm_text: str) -> dict | None:
    """The mapping of a flat front matter, or None when PyYAML must read it."""
    meta: dict = {}
    for line in fm_text.split("\n"):
        match = _ENTRY.fullmatch(line)
        if match is None:
            if line.strip(" "):
                return None
            continue
        key, quoted, items, plain = match.groups()
        if key in meta:
            return None
        if quoted is not None:
            meta[key] = quoted[1:-1]
        elif items is not None:
            meta[key] = [item[1:-1] for item in _ITEM.findall(items)]
        else:  # plain scalars are text, as _Loader reads them
            meta[key] = plain
    return meta or None


# Nesting deeper than this is refused before PyYAML composes it: its composer recurses in C and
# crashes the process (a segmentation fault) some tens of thousands of levels down.
MAX_DEPTH = 50
_LINE_START = re.compile(r"^( *)((?:[-?:](?: +|$))*)", re.MULTILINE)


def _depth_bound(fm_text: str) -> int:
    """An upper bound of the nesting depth, cheap to compute: flow brackets, plus two levels per
    column of indentation (a block sequence may sit at its mapping's indentation), plus the
    compact "- ", "? ", ": " indicators that open a collection on the same line."""
    indent = compact = 0
    for spaces, indicators in _LINE_START.findall(fm_text):
        indent = max(indent, len(spaces))
        compact += len(indicators.replace(" ", ""))
    return 1 + fm_text.count("[") + fm_text.count("{") + 2 * (indent + 1) + compact


def _too_deep(fm_text: str) -> int | None:
    """The 0-based line where nesting passes MAX_DEPTH, or None. Parser events come from
    libyaml's non-recursive parser and stop at that line."""
    if _depth_bound(fm_text) <= MAX_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(fm_text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # invalid: loading reports it
    return None


# YAML counts NEL, LS and PS as line breaks where the file's lines (and an editor) do not: a title
# pasted with one ("title: Một\u2028hai") was refused as "hai" lacking its "key:", at the line of
# the next key. Every field is one line (one_line), so they are spaces before YAML reads them.
# Only here: _flat_yaml sends any front matter holding one to PyYAML.
_RAW_BREAK = re.compile("[ \t]*[\x85\u2028\u2029][ \t]*")


def _load_yaml(fm_text: str, path: str) -> dict:
    fm_text = _RAW_BREAK.sub(" ", fm_text)
    deep = _too_deep(fm_text)
    if deep is not None:
        raise ContentError(f"phần thông tin đầu bài lồng nhau quá sâu (quá {MAX_DEPTH} tầng danh sách [..] "
                           f"hoặc bảng {{..}}); hãy viết các giá trị phẳng hơn", path, deep + 2)
    try:
        meta = yaml.load(fm_text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except _Refused as exc:
        raise ContentError(exc.reason, path, exc.problem_mark.line + 2) from None
    except RecursionError:  # the pure-Python loader, where libyaml is missing
        raise ContentError(f"phần thông tin đầu bài lồng nhau quá sâu (quá {MAX_DEPTH} tầng danh sách "
                           f"hoặc bảng); hãy viết các giá trị phẳng hơn", path, 1) from None
    except yaml.MarkedYAMLError as exc:
        at = yamlreasons.line(exc, fm_text)
        line, reason = at + 2, yamlreasons.reason(exc)
        if exc.problem_mark and _tab_at(fm_text, exc.problem_mark.line, exc.problem_mark.column):
            reason = "có ký tự tab; hãy thụt lề bằng dấu cách"
        if "invalid Unicode character escape" in (exc.problem or "") and exc.problem_mark:
            reason = _escape_reason(fm_text.split("\n")[exc.problem_mark.line]) or reason
        bom = _bom_line(fm_text, at)
        if bom is not None:  # PyYAML's reason ("thụt lề không đúng") points at nothing one can see
            line, reason = bom + 2, ("có ký tự vô hình U+FEFF (dấu BOM, thường do ghép hai tệp hay dán chữ); "
                                     "hãy xóa ký tự đó: nó không hiện ra, nên dễ nhất là gõ lại dòng này")
        raise ContentError(f"phần thông tin đầu bài không phải YAML hợp lệ: {reason}", path, line) from None
    except yaml.YAMLError as exc:  # without a position (a ReaderError): said in Vietnamese all the same
        raise ContentError(f"phần thông tin đầu bài không phải YAML hợp lệ: {yamlreasons.reason(exc)}",
                           path, 1) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise ContentError("phần thông tin đầu bài phải là các dòng “khóa: giá trị”", path, 2)
    return meta


_PAIR = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")
_HALF = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_BEYOND = re.compile(r"\\U(?!0010|000)[0-9a-fA-F]{8}")


def _escape_reason(line: str) -> str | None:
    """A \\u escape YAML refuses, said plainly: a character written as two UTF-16 halves, as JSON
    and JavaScript write it ("\\ud83d\\ude00", pasted from a web page's source), or half of one."""
    pair = _PAIR.search(line)
    if pair:
        code = 0x10000 + ((int(pair[1], 16) - 0xD800) << 10) + int(pair[2], 16) - 0xDC00
        return (f"“{pair[0]}” viết một ký tự bằng hai nửa UTF-16 (kiểu JSON, JavaScript) mà YAML không đọc; "
                f"hãy dán thẳng ký tự “{chr(code)}”, hoặc viết “\\U{code:08X}”")
    half = _HALF.search(line) or _BEYOND.search(line)
    if half:
        return (f"“{half[0]}” không phải mã của một ký tự Unicode (nửa cặp UTF-16 hoặc quá U+10FFFF); "
                f"hãy xóa nó, hoặc dán thẳng ký tự cần viết")
    return None


def _bom_line(text: str, line: int) -> int | None:
    """The 0-based line, at or before line (where PyYAML stopped), that holds a U+FEFF, or None."""
    if "\ufeff" not in text:
        return None
    lines = text.split("\n")
    return next((n for n in range(min(line, len(lines) - 1), -1, -1) if "\ufeff" in lines[n]), None)


def _tab_at(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    return 0 <= line < len(lines) and lines[line][column:column + 1] == "\t"


def readable_metas(files: Iterable[Any]) -> Iterator[tuple[Any, dict]]:
    """(file, front matter) of each SourceFile that reads as the build reads it; a file that does
    not is skipped: the build reports it."""
    for file in files:
        try:
            meta = split(decode(file.path.read_bytes(), file.shown), file.shown).meta
        except (OSError, ContentError):
            continue
        yield file, meta


def written_slug(meta: dict, stem: str) -> str:
    """The address part the build gives an article: its "slug" as written, else its file name's."""
    explicit = meta.get("slug")
    return str(explicit).strip() if explicit is not None else slugify(stem)

