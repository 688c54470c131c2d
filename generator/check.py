"""`lamtheobac check`: everything a build checks, plus links, without touching output/.

The site is built into a temporary folder (that validates content, data and
templates and reports every problem), then every internal link and asset
reference of the result is checked. Missing province, directives, summary and
image descriptions are warnings: reported, but they do not fail the check.
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .activeimages import image_notes
from .attachments import unlinked_notes
from .errors import WARNING, BuildFailed, SiteError
from .frontmatter import file_lines, key_line
from .linkcheck import BrokenLink, check_links
from .markdown import Renderer
from .removed import notes

EARLIEST_LIKELY_YEAR = 1890  # Bác's birth year: an older publication date is most likely a typo
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


@dataclass
class CheckResult:
    errors: list[SiteError] = field(default_factory=list)
    warnings: list[SiteError] = field(default_factory=list)
    articles: int = 0
    files: int = 0


def _bytes(root: Path, shown: str) -> bytes:
    try:
        return (root / shown).read_bytes()
    except OSError:
        return b""  # as file_lines: read a moment ago; gone now, nothing is left to warn about


def _key_line(lines: list[str], key: str) -> int:
    return key_line(lines, key) or 1


def _link_line(lines: list[str], url: str) -> int | None:
    """The first line where url is written whole, as a link's or an image's address: "/etc/passwd" is
    not found inside "../../etc/passwd" on an earlier line."""
    if not url:
        return None
    whole = re.compile(r"""(?:^|[(<"'=\s])""" + re.escape(url) + r"""(?:$|[)>"'\s])""")
    return next((number for number, text in enumerate(lines, 1) if whole.search(text)), None)


def _text_line(lines: list[str], needle: str) -> int | None:
    for number, text in enumerate(lines, 1):
        if needle and needle in text:
            return number
    return None


def _first(match: re.Match | None) -> str | None:
    return None if match is None else next((g for g in match.groups() if g is not None), "")


def images_without_alt(lines: list[str]) -> list[tuple[int, str]]:
    """(line, src) of Markdown images and <img> tags in a source file with no alt text.

    The source is scanned rather than the HTML so the line is the one to edit.
    """
    found = []
    for number, text in enumerate(lines, 1):
        found += [(number, m.group(2)) for m in _MD_IMAGE.finditer(text) if not m.group(1).strip()]
        for tag in _IMG.findall(text):
            if not (_first(_ALT.search(tag)) or "").strip():
                found.append((number, _first(_SRC.search(tag)) or ""))
    return found


def content_warnings(site, root: Path) -> list[SiteError]:
    """Articles without province, directives or summary, or dated before 1890; images without alt text;
    raw HTML the build removes (removed.notes)."""
    warnings: list[SiteError] = []

    def warn(message: str, path: str, line: int | None) -> None:
        warnings.append(SiteError(WARNING + message, path, line))

    for article in site.articles:
        lines = file_lines(root / article.path)
        if not article.provinces:
            warn("bài viết chưa có tỉnh, thành phố (province)", article.path, _key_line(lines, "province"))
        if not article.directives:
            warn("bài viết chưa gắn văn bản chỉ đạo (directives)", article.path, _key_line(lines, "directives"))
        if not article.sapo:
            warn("bài viết chưa có tóm tắt (summary)", article.path, _key_line(lines, "summary"))
        if article.date.year < EARLIEST_LIKELY_YEAR:  # allowed (old documents), but mostly a typo: 0202 for 2020
            warn(f"ngày đăng năm {article.date.year}, trước năm {EARLIEST_LIKELY_YEAR}: có phải gõ nhầm năm? "
                 f"(các trang lưu trữ và biểu đồ theo năm sẽ tính từ năm này)", article.path, _key_line(lines, "date"))
        if article.image and not article.image.alt:
            warn("ảnh đại diện chưa có lời mô tả (image.alt)", article.path, _key_line(lines, "image"))
    config = site.config
    renderer = Renderer(config.base_path, config.security.iframe_hosts, config.markdown_engine)
    for item in (*site.articles, *site.pages):
        lines = file_lines(root / item.path)
        warnings += notes(renderer, _bytes(root, item.path), item.path, WARNING)
        for line, src in images_without_alt(lines):
            warn(f"ảnh “{src}” chưa có lời mô tả (alt)", item.path, line)
        for line, name, read in legacy_lines(lines):
            warn(f"dòng này là chữ gõ bằng bảng mã cũ {name}, chưa chuyển sang Unicode nên trang hiện chữ lỗi; "
                 f"đọc đúng là “{_clip(read)}”: hãy sửa lại dòng này", item.path, line)
    return warnings


def legacy_lines(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line, encoding, the line read back) of lines typed in TCVN3, VNI or VISCII and pasted as they
    looked: the build publishes them as they are, check points at them."""
    from .importer import legacy  # the importer's tables and evidence, only for check

    fixed = legacy.repair("\n".join(lines))
    new = fixed.text.split("\n")
    return sorted((n, name, new[n - 1].strip()) for name, numbers in fixed.lines.items() for n in numbers)


def _clip(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


def _sources(site) -> dict[str, str]:
    """Output page -> the source file it was made from, for articles and pages."""
    from .pages import Links, to_file
    links = Links(site.config)
    return {to_file(links(item)): item.path for item in (*site.articles, *site.pages)}


def _with_source(errors: list[BrokenLink], site, root: Path) -> list[SiteError]:
    """Point a broken link of an article page back at the article's file and line."""
    sources = _sources(site)
    base = site.config.base_path
    out: list[SiteError] = []
    for error in errors:
        source = sources.get(error.path or "")
        if source is None:
            out.append(error)
            continue
        url = error.url
        lines = file_lines(root / source)
        plain = "/" + url[len(base):] if url.startswith(base) and base != "/" else url
        line = _link_line(lines, plain) or _link_line(lines, url) or _text_line(lines, plain) or _text_line(lines, url)
        where = f"{source}:{line}" if line else source
        out.append(SiteError(f"{error.message} (bài nguồn: {where})", error.path, error.line))
    return out


def run_check(root: Path, *, base_url: str | None = None, drafts: bool | None = None,
              future: bool | None = None, now: datetime | None = None) -> CheckResult:
    from .build import build
    from .config import load_config

    result = CheckResult()
    try:  # addresses are compared with the site `build` last published (moved.py)
        published = load_config(root, base_url=base_url).output_dir
    # BuildFailed is no SiteError: a misspelt site.toml key escaped as "Không dựng được trang …".
    except (SiteError, BuildFailed):
        published = None  # the build below reports it
    with tempfile.TemporaryDirectory(prefix="lamtheobac-check-") as tmp:
        try:
            built = build(root, output=str(Path(tmp) / "site"), base_url=base_url, drafts=drafts,
                          future=future, now=now, published=published)
        except BuildFailed as exc:
            result.errors = list(exc.errors)
            return result
        except SiteError as exc:
            result.errors = [exc]
            return result
        site = built.site
        root = site.config.root
        result.articles, result.files = len(site.articles), built.files
        links = check_links(built.output, site.config.base_path, site.config.base_url)
        result.errors = _with_source(links, site, root)
    # The build prints its notes on files of the images folder that are no picture (a PDF, a HEIC photo,
    # Thumbs.db); check printed none of them, though it is what editors run before publishing.
    result.warnings = sorted(content_warnings(site, root) + built.moves + image_notes(built.images, root, WARNING)
                             + unlinked_notes(built.unlinked, root, WARNING),
                             key=SiteError.sort_key)
    return result

