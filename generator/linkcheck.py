"""Internal links and asset references of a built site, checked against its files.

Every href, src and srcset in the HTML pages that points inside the site must
name a file of the output (a folder needs its index.html). External http(s)
links, mailto:, tel:, data: and bare #fragments are not checked.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from .errors import SiteError, case_only
from .write import published_files

LINK_ATTRIBUTES = ("href", "src", "srcset")


class _References(HTMLParser):
    """(line, attribute, url) of every link-like attribute in one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if name not in LINK_ATTRIBUTES or value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.found.append((line, name, url))
            else:
                self.found.append((line, name, value.strip()))

    handle_startendtag = handle_starttag


def page_references(text: str) -> list[tuple[int, str, str]]:
    parser = _References()
    parser.feed(text)
    parser.close()
    return parser.found


class Target(NamedTuple):
    """Where an internal link leads: a path of the output ("" for the home page's folder), or outside the site."""
    path: str
    outside: bool = False


class BrokenLink(SiteError):
    """A broken internal link: the message for people, the link itself for tools (check)."""

    def __init__(self, message: str, page: str, line: int, url: str):
        super().__init__(message, page, line)
        self.url = url


def target_of(url: str, page: str, base_path: str, site_hosts: set[str]) -> Target | None:
    """What a link needs, or None when it is not ours to check."""
    parts = urlsplit(url)
    if not url or url.startswith("#"):
        return None
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None  # mailto:, tel:, data:, javascript: …
    if parts.netloc and parts.netloc.lower() not in site_hosts:
        return None  # another site
    absolute = urljoin(base_path + page, parts.path if not parts.netloc else parts.path or "/")
    path = unquote(absolute)
    if not path.startswith(base_path):
        return Target(path, outside=True)
    return Target(path[len(base_path):])


def check_links(output_dir: Path, base_path: str = "/", base_url: str | None = None) -> list[BrokenLink]:
    """Broken internal links of every HTML page under output_dir, as `page:line: message`.

    base_path is the site's path ("/" or "/hoc-tap/"); links are resolved against
    it. Absolute links to base_url's host are checked too.
    """
    output_dir = Path(output_dir)
    base_path = base_path if base_path.endswith("/") else base_path + "/"
    hosts = {urlsplit(base_url).netloc.lower()} if base_url else set()
    files = published_files(output_dir)
    folders = {f.rsplit("/", i)[0] for f in files for i in range(1, f.count("/") + 1)}
    folded = {f.casefold(): f for f in files}
    errors: list[BrokenLink] = []
    for page in sorted(f for f in files if f.endswith((".html", ".htm"))):
        text = (output_dir / page).read_text(encoding="utf-8", errors="replace")
        for line, attribute, url in page_references(text):
            found = target_of(url, page, base_path, hosts)
            if found is None:
                continue
            if found.outside:
                errors.append(BrokenLink(f"liên kết “{url}” trỏ ra ngoài thư mục gốc của trang ({base_path})",
                                         page, line, url))
                continue
            target = found.path
            folder = target == "" or target.endswith("/") or target.rstrip("/") in folders
            wanted = target.rstrip("/") + "/index.html" if folder and target else (target or "index.html")
            if wanted in files:
                continue
            if wanted.casefold() in folded:
                problem = case_only(wanted, folded[wanted.casefold()], " (máy Mac, Windows thì không, nên xem trên máy "
                                                                       "vẫn thấy)")
            elif folder and target.rstrip("/") in folders:
                problem = f"thư mục {target.rstrip('/')}/ không có index.html"
            else:
                page_like = attribute == "href" and wanted.endswith((".html", ".htm"))  # not a PDF to download
                problem = f"không có {'trang' if page_like else 'tệp'} {wanted} trong trang đã dựng"
            errors.append(BrokenLink(f"liên kết hỏng “{url}”: {problem}", page, line, url))
    return errors
