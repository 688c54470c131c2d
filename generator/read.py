"""Read: source files become Articles and Pages, in forked workers when there are many.

Articles the last build read from files that have not changed come from its
state unread (incremental.Reuse decides which). Workers keep each article's body
in the body store and send back the article without it: the main process never
holds every body.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .content import Article, Page, ReadSettings, errors_of, read_article, read_page
from .errors import ContentError, SiteError, os_reason
from .incremental import BodyStore, Reuse, SourceRecord, Tuning, article_key, article_row, article_token
from .pages import Links
from .removed import NOTE, notes
from .parallel import Progress, SharedArrays, fork_map, tapered
from .sources import SourceFile, Sources


@dataclass
class ReadArticles:
    """Every article of the site (without bodies), sorted by path, and what the cache keeps of them."""
    articles: list[Article]
    records: dict[str, SourceRecord]   # source path as shown -> stamp and content key
    tokens: dict[str, str]             # source path as shown -> what lists and cards show (article_token)
    errors: list[SiteError]
    notes: list[SiteError]             # what the build removed from the articles read ("Lưu ý: …")
    count: int                         # files read (not taken from the last build)
    made: list                         # search postings of the articles read (search.read_part), if asked


@dataclass
class _ReadTask:
    settings: ReadSettings
    reuse: Reuse
    store: BodyStore
    links: Links | None          # with the search index: the read articles' postings are made too
    maker: object = None         # search.Maker, made before the workers fork (they inherit its tables)
    shared: SharedArrays | None = None  # where the workers put the postings (not through the pipe)


def read_articles(sources: Sources, settings: ReadSettings, reuse: Reuse, store: BodyStore,
                  workers: int, progress: Progress, tuning: Tuning, links: Links | None = None) -> ReadArticles:
    """links: when given (and many articles are read), the search postings of the articles read
    are made in the workers too, while their bodies are at hand (search.read_part)."""
    bodies_kept = store.prepare()  # the store is deleted (or damaged) as a whole, not body by body
    plan = reuse.reads(sources.articles, bodies_kept)
    result = ReadArticles(plan.reused, plan.records, plan.tokens, [], [], len(plan.to_read), [])
    if plan.to_read:
        many = len(plan.to_read) >= tuning.parallel_min
        workers = workers if many else 1
        parts = tapered(plan.to_read, max(1, min(256, len(plan.to_read) // (workers * 4) or 1)), workers)
        task = _ReadTask(settings, reuse, store, links if many else None)
        if many and links is not None:  # made before forking: the workers inherit its tables
            from .search import Maker, Names
            task.maker = Maker(Names.from_registries(settings.registries))
            task.shared = SharedArrays.make(len(plan.to_read) * _SHARED_PER_ARTICLE)
        for rows, made in fork_map(_read_part, parts, task, workers, progress, "Đọc bài viết"):
            for shown, record, row, token, errors, noted in rows:
                result.errors += errors
                result.notes += noted
                if row is not None:
                    result.articles.append(Article(*row))
                    result.records[shown] = record
                    result.tokens[shown] = token
            if made is not None:
                part, where = made
                if where is not None:
                    lists, docs, values = task.shared.get(where)
                    part = replace(part, lists=lists, docs=docs, values=values)
                result.made.append(part)
    result.articles.sort(key=lambda a: a.path)
    return result


def _read_part(task: _ReadTask, part: Sequence[SourceFile]) -> tuple[list[tuple], object]:
    """Worker: read articles, keep their bodies in the store; send back, per file, (path, record,
    the article without body as a row, its token, errors, notes of what was removed from it), and the
    search postings of the articles read when asked."""
    out, bodies, read = [], [], []
    fingerprint = task.settings.fingerprint
    for source in part:
        shown = source.shown
        try:
            raw, st = read_source(source.path, shown)
        except OSError as exc:
            out.append((shown, None, None, "", [ContentError(f"không đọc được tệp: {os_reason(exc)}", shown, 1)], []))
            continue
        except ContentError as exc:
            out.append((shown, None, None, "", [exc], []))
            continue
        key = article_key(raw, fingerprint)
        record = SourceRecord(st.st_mtime_ns, st.st_size, st.st_ctime_ns, key)
        known = task.reuse.known(shown)
        if known is not None and known[1] == key and task.store.touch(key):  # touched but not changed
            out.append((shown, record, article_row(known[0]), known[2], [], []))
            continue
        try:
            article = read_article(source.path, shown, task.settings, raw=raw)
        except ContentError as exc:
            out.append((shown, None, None, "", errors_of(exc), []))
            continue
        bodies.append((key, article.body))
        read.append((article, key))
        bare = article_row(article)
        out.append((shown, record, bare[:_BODY] + ("",) + bare[_BODY + 1:], article_token(article), [],
                    notes(task.settings.renderer, raw, shown, NOTE)))
    task.store.save_many(bodies)  # one transaction per part
    return out, _postings(task, read) if task.links is not None and read else None


# Bytes of one article or page file, refused unread past this. An article is tens of KB (one of
# 100,000 footnotes: 3.4 MB; the web editor saves at most 2 MB); a 20 MB one took 8.5 s and 236 MB
# of memory to build, growing with it (a log renamed .md, photos pasted as data: text).
MAX_SOURCE_BYTES = 16 * 1024 * 1024


def read_source(path, shown: str) -> tuple[bytes, os.stat_result]:
    """A file's bytes and its stat, through one descriptor: Path.read_bytes and Path.stat spend
    ~25 us of Python around the same system calls, this ~9 (10,000 files in a cold build).
    A file past MAX_SOURCE_BYTES is a ContentError, not read."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if st.st_size > MAX_SOURCE_BYTES:
            raise ContentError(f"tệp nặng {-(-st.st_size // 1024 ** 2)} MB, quá {MAX_SOURCE_BYTES // 1024 ** 2} MB: "
                               "một bài chỉ cần vài trăm KB (có phải đã dán ảnh vào bài thành chữ “data:…”, hay đổi "
                               "tên nhầm một tệp khác thành .md?); đọc tệp này làm việc dựng trang chậm hàng phút và "
                               "tốn nhiều bộ nhớ: hãy bớt nội dung, đưa ảnh vào thư mục ảnh", shown, 1)
        raw = os.read(fd, st.st_size + 1)
        if len(raw) != st.st_size:  # grown since, or a short read: on to the end
            chunks = [raw]
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            raw = b"".join(chunks)
        return raw, st
    finally:
        os.close(fd)


def _postings(task: _ReadTask, read: list[tuple[Article, str]]):
    from .search import read_part
    articles = [article for article, _ in read]
    part = read_part(articles, [task.links(a) for a in articles], [key for _, key in read], task.settings.registries,
                     task.maker)
    where = task.shared.put([part.lists, part.docs, part.values]) if task.shared is not None else None
    if where is not None:  # the postings stay out of the pipe
        part = replace(part, lists=part.lists[:0], docs=part.docs[:0], values=part.values[:0])
    return part, where


# Virtual space reserved per article read for its postings in SharedArrays: pages are only
# taken as written (~5 KB an article in the bench corpus); a part that doesn't fit is piped.
_SHARED_PER_ARTICLE = 256 << 10


_BODY = [name for name in Article.__dataclass_fields__].index("body")


def read_pages(sources: Sources, settings: ReadSettings) -> tuple[list[Page], list[SiteError], list[SiteError]]:
    """The pages, the errors, and the notes of what was removed from them."""
    pages, errors, noted = [], [], []
    for source in sources.pages:
        try:
            raw, _ = read_source(source.path, source.shown)
            pages.append(read_page(source.path, source.shown, settings, raw=raw))
        except OSError as exc:
            errors.append(ContentError(f"không đọc được tệp: {os_reason(exc)}", source.shown, 1))
        except ContentError as exc:
            errors += errors_of(exc)
        else:
            noted += notes(settings.renderer, raw, source.shown, NOTE)
    return pages, errors, noted
