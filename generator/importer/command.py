"""`lamtheobac import`: files in, one article file out per input, a report per file."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..errors import ContentError
from ..taxonomy import Registries
from .clean import strip_boilerplate, text_to_blocks
from .decode import DecodeError, decode_bytes
from .entities import find_directives, find_provinces, find_tags
from .extract import Extracted, extract, person_name
from .frontmatter import ArticleMeta, article_slug, article_text, body_markdown
from .htmlsource import PageMeta, html_to_blocks

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


@dataclass
class Converted:
    """One input made into an article, before anything is written."""

    slug: str
    text: str
    meta: ArticleMeta
    encoding: str
    images: list[str] = field(default_factory=list)
    captions: int = 0
    warnings: list[str] = field(default_factory=list)


def convert(data: bytes, suffix: str, registries: Registries, images_prefix: str = "/images/",
            display: str = "") -> Converted:
    """The article file for one input's bytes; raises ContentError if it cannot be read."""
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise ContentError(str(exc), display) from None
    page = PageMeta()
    if suffix.lower() in HTML_SUFFIXES:
        blocks, page = html_to_blocks(text)
    else:
        blocks = text_to_blocks(text)
    blocks, _removed = strip_boilerplate(blocks)
    found: Extracted = extract(blocks)
    warnings = list(found.warnings)
    if found.title is None:
        raise ContentError("không tìm thấy tiêu đề bài ở đầu tệp (dòng ngắn, không có dấu chấm cuối), "
                           "không nhập được", display)

    published = page.published or (found.date.moment if found.date else None)
    if page.published is not None:
        warnings = [w for w in warnings if not w.startswith(("không tìm thấy ngày", "ngày lấy từ dòng"))]
    author = found.author
    if author is None and page.author:
        author = person_name(page.author) or page.author
        warnings = [w for w in warnings if not w.startswith("không tìm thấy tác giả")]

    body_text = "\n".join(n.text for n in found.body)
    parts = {"title": found.title, "summary": found.summary or "", "body": body_text}
    provinces, w = find_provinces(parts, registries)
    warnings += w
    directives, w = find_directives("\n".join(parts.values()), registries, published)
    warnings += w
    tags, w = find_tags(parts, registries)
    warnings += w

    figures = found.figures
    meta = ArticleMeta(
        title=found.title, date=published, summary=found.summary,
        provinces=[p.name for p in provinces], directives=[d.symbol for d in directives],
        tags=[t.name for t in tags], author=author,
        source_name=page.site_name, source_url=page.url,
        image_src=images_prefix + figures[0].src if figures else None,
        image_caption=figures[0].text if figures else None,
    )
    if figures and not figures[0].text:
        warnings.append(f"ảnh “{figures[0].src}” không có chú thích")
    body = body_markdown(found.body, images_prefix)
    return Converted(article_slug(found.title), article_text(meta, body), meta, encoding,
                     [f.src for f in figures], sum(1 for n in found.body if n.kind == "caption"), warnings)


def collect(paths: list[Path]) -> list[tuple[Path, str | None]]:
    """Input files in order (directories walked, sorted), each with an error if unusable."""
    files: list[tuple[Path, str | None]] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                files.append((path, "thư mục không có tệp .txt hoặc .html nào để nhập"))
            files.extend((p, None) for p in found)
        elif not path.exists():
            files.append((path, "không tìm thấy tệp hoặc thư mục này"))
        elif path.suffix.lower() not in SUFFIXES:
            files.append((path, "chỉ nhập được tệp .txt (chữ chép từ trang báo) hoặc .html (trang web đã lưu)"))
        else:
            files.append((path, None))
    return files


def run(paths: list[Path], out: Path, *, dry_run: bool, force: bool, images_prefix: str,
        registries: Registries, stdout: TextIO) -> int:
    failed = 0
    done = 0
    claimed: dict[Path, Path] = {}
    for path, problem in collect(paths):
        display = path.as_posix()
        if problem:
            failed += 1
            print(ContentError(problem, display), file=stdout)
            continue
        try:
            data = path.read_bytes()
            result = convert(data, path.suffix, registries, images_prefix, display)
        except OSError as exc:
            failed += 1
            print(ContentError(f"không mở được tệp ({exc.strerror or exc})", display), file=stdout)
            continue
        except ContentError as exc:
            failed += 1
            print(exc, file=stdout)
            continue
        target = out / f"{result.slug}.md"
        status, ok = _place(target, result.text, claimed, path, dry_run, force)
        failed += not ok
        done += ok
        _report(stdout, display, target, status, result, ok)
    total = done + failed
    verb = "chạy thử" if dry_run else "đã nhập"
    print(f"Xong: {verb} {done}/{total} tệp" + (f", {failed} tệp lỗi." if failed else "."), file=stdout)
    return 1 if failed else 0


def _place(target: Path, text: str, claimed: dict, source: Path, dry_run: bool, force: bool) -> tuple[str, bool]:
    """Write (or, in a dry run, check) one article; (what happened, success)."""
    if target in claimed:
        return (f"trùng tên bài với {claimed[target].as_posix()} (cùng tiêu đề); không ghi", False)
    claimed[target] = source
    data = text.encode("utf-8")
    exists = target.exists()
    if exists and target.read_bytes() == data:
        return ("không đổi (đã có bài giống hệt)", True)
    if exists and not force:
        return ("đã có bài khác nội dung ở đường dẫn này; không ghi đè (dùng --force để ghi đè)", False)
    if dry_run:
        return ("chạy thử, sẽ ghi đè" if exists else "chạy thử, sẽ ghi", True)
    _write_atomic(target, data)
    return ("đã ghi đè" if exists else "đã ghi", True)


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".import-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _report(stdout: TextIO, display: str, target: Path, status: str, r: Converted, ok: bool) -> None:
    m = r.meta
    none = "(không có)"
    prefix = "" if ok else "LỖI "
    print(f"{prefix}{display} → {target.as_posix()}: {status}", file=stdout)
    rows = [
        ("tiêu đề", m.title),
        ("ngày", m.date.isoformat() if m.date else none),
        ("tỉnh", ", ".join(m.provinces) or none),
        ("văn bản", ", ".join(m.directives) or none),
        ("chủ đề", ", ".join(m.tags) or none),
        ("tác giả", m.author or none),
        ("sapo", "có" if m.summary else none),
        ("ảnh", (", ".join(r.images) + " (hãy chép các tệp ảnh này vào thư mục ảnh của trang)")
         if r.images else none),
        ("bảng mã", r.encoding),
    ]
    if r.captions:
        rows.append(("chú thích ảnh không kèm ảnh", str(r.captions)))
    if m.source_name or m.source_url:
        rows.append(("nguồn", " ".join(x for x in (m.source_name, m.source_url) if x)))
    for label, value in rows:
        print(f"  {label}: {value}", file=stdout)
    for warning in r.warnings:
        print(f"  cảnh báo: {warning}", file=stdout)
