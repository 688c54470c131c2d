"""What the preview server answers: the files of the preview folder (never a file outside
it), the images folder's files sandboxed, the page of build errors, the page shown while the
first build runs, the preview's 404, and the refusal of requests from other hosts or sites
(the checks themselves are PreviewServer.refusal). server.py runs the server and its rebuilds.
"""
from __future__ import annotations

import asyncio
import html
import mimetypes
import socket
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from tornado import httputil, web
from tornado.httpserver import HTTPServer
from tornado.iostream import UnsatisfiableReadError

from .byteranges import UNSATISFIABLE, byte_range, etag, not_modified, same_version
from .errors import SiteError

if TYPE_CHECKING:
    from .server import PreviewServer
    from .themes import Asset


def resolve_request(preview: Path, raw: str) -> tuple[Path | None, str | None]:
    """(file to send, None) or (None, redirect location) or (None, None) for 404.

    Only files inside the preview folder are ever sent: "..", NUL, backslashes and
    anything that resolves (through links) outside it count as not found.
    """
    if "\x00" in raw or "\\" in raw:
        return None, None
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None, None
    try:
        real = preview.joinpath(*parts).resolve()
        if not real.is_relative_to(preview):
            return None, None
        if real.is_dir():
            if not (real / "index.html").is_file():
                return None, None
            if parts and not raw.endswith("/"):
                return None, "/" + quote("/".join(parts), errors="surrogateescape") + "/"
            return real / "index.html", None
        return (real, None) if real.is_file() else (None, None)
    except (OSError, ValueError):  # name too long, invalid bytes …: not a file we serve
        return None, None


def theme_asset(root: Path, raw: str) -> "Asset | None":
    """The theme's file a page of the preview asks for by its fingerprinted name ("assets/style.935fe681e9.css",
    a font it names), when no build has published it into the preview folder: the first build failed (an
    article's broken front matter), or the last good one was made before the theme changed. The editor's
    preview pane and the pages link the stylesheet the theme gives now, and showed unstyled until a build
    went well. The name is the file's digest: what is sent is what a good build would publish."""
    from .config import SiteConfig, load_config
    from .errors import BuildFailed
    from .themes import collect_assets
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if not parts or parts[0] != "assets" or ".." in parts:
        return None
    wanted = "/".join(parts)
    try:
        try:
            config = load_config(root)
        except (BuildFailed, SiteError):  # site.toml broken: the default theme's files (the digest must match)
            config = SiteConfig(root=root)
        assets = collect_assets(config)
    except (OSError, ValueError, SiteError):  # an unreadable theme folder: the build says why
        return None
    return next((a for a in assets.values() if a.output == wanted), None)


def is_html_request(raw: str) -> bool:
    last = raw.rsplit("/", 1)[-1]
    return last == "" or last.endswith((".html", ".htm")) or "." not in last


def _page(title: str, body: str, refresh: bool = False) -> bytes:
    meta = '<meta http-equiv="refresh" content="2">' if refresh else ""
    # No favicon request: /favicon.ico is a 404 in the browser's console (the site's own pages name theirs).
    return (f'<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">{meta}\n'
            '<link rel="icon" href="data:,">\n'
            f"<title>{html.escape(title)}</title>\n<style>body{{font:16px/1.5 system-ui,sans-serif;"
            f"max-width:60rem;margin:2rem auto;padding:0 1rem}}h1{{color:#a50e0e}}"
            f"li{{margin:.4rem 0;overflow-wrap:anywhere}}</style>\n"
            f"</head>\n<body>\n{body}\n</body>\n</html>\n").encode("utf-8")


def error_page(errors: list[SiteError]) -> bytes:
    # Not in monospace: common monospace fonts (DejaVu Sans Mono, Liberation Mono) lack Vietnamese
    # letters such as ấ ễ ắ, and the browser then stacks separate marks that drift off their letter.
    items = "\n".join(f"<li>{html.escape(str(e))}</li>" for e in errors)
    return _page("Lỗi dựng trang – xem trước",
                 f"<h1>Không dựng được trang: {len(errors)} lỗi</h1>\n"
                 f"<p>Sửa các lỗi dưới đây rồi lưu tệp lại; trang sẽ tự tải lại khi dựng xong.</p>\n"
                 f"<ol>\n{items}\n</ol>")


# Files of content/images are published as they are: an SVG (or an .html, .js …) there may carry
# script, and the preview's origin is the origin of the editor's backend (serve --cms writes and
# deletes files on a same-origin request). They are served sandboxed: no script runs, and what
# they request comes from an opaque origin, which the Origin check refuses.
SANDBOX = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'"
IMAGES_PREFIX = "images/"


def sandboxed(relative: str, kind: str) -> bool:
    """Whether a preview file is served under SANDBOX: anything of the images folder, any SVG."""
    return relative.startswith(IMAGES_PREFIX) or kind.startswith("image/svg")


# How long a request for a file the running build has not written yet waits for the build to end.
BUILD_WAIT = 300.0
BUILDING_PAGE = _page("Đang dựng trang xem trước",
                      "<h1>Đang dựng trang xem trước…</h1>\n<p>Trang sẽ tự hiện khi dựng xong.</p>", refresh=True)
# Tornado reads a request's head up to max_header_size and otherwise closes the connection
# without a word (the browser shows "connection reset"). It is let read up to HEAD_READ_MAX, so
# that an address or head past the HTTP limits browsers and servers keep (64 KB) is answered;
# past HEAD_READ_MAX, PreviewHTTPServer answers.
LINE_MAX = 64 * 1024
HEAD_READ_MAX = 4 * 1024 * 1024
TOO_LONG = {
    414: _page("Địa chỉ quá dài", "<h1>Địa chỉ quá dài</h1>\n<p>Địa chỉ trang được yêu cầu dài quá 64 KB; "
               "máy chủ xem trước không đọc địa chỉ dài như vậy. Hãy kiểm tra lại liên kết đã mở. "
               '<a href="/">Về trang chủ</a>.</p>'),
    431: _page("Phần đầu yêu cầu quá lớn", "<h1>Phần đầu yêu cầu quá lớn</h1>\n<p>Phần đầu (header) của yêu cầu "
               "gửi tới máy chủ xem trước lớn quá 64 KB, thường do cookie quá nhiều hoặc quá dài. Hãy xóa cookie "
               "của địa chỉ này trong trình duyệt rồi tải lại trang.</p>"),
}


def too_long(request) -> int | None:
    """414 for an address, 431 for a head, past LINE_MAX; None for a request of usual size."""
    if len(request.uri) > LINE_MAX:
        return 414
    if sum(len(name) + len(value) + 4 for name, value in request.headers.get_all()) > LINE_MAX:
        return 431
    return None


BAD_TARGET = "400: máy chủ xem trước chỉ nhận địa chỉ bắt đầu bằng “/” (như /bai-viet/…), không nhận “{target}”.\n"


def origin_form(request) -> str | None:
    """An absolute-form target (GET http://127.0.0.1:8000/a HTTP/1.1, which an HTTP/1.1 server
    must accept, RFC 9112 3.2.2) made the path it names, its authority taking the place of Host
    (checked then like any Host). The text of a 400 for a target that is neither a path nor an
    http(s) address ("*", "etc/passwd"): Tornado answered them in English."""
    target = request.uri
    if target.startswith("/"):
        return None
    parts = urlsplit(target) if "://" in target else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        shown = target if len(target) <= 80 else target[:80] + "…"
        return BAD_TARGET.format(target=shown)
    request.uri = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request.path, request.query = parts.path or "/", parts.query
    request.host = request.headers["Host"] = parts.netloc
    request.host_name = httputil.split_host_and_port(parts.netloc.lower())[0]
    return None


# Past HEAD_READ_MAX Tornado closes the connection unanswered. The answer is then written by a
# short-lived thread on a copy of the socket, which reads and drops what the client still sends
# for a while: closed with unread data, the socket resets the connection and the client may lose
# the answer. At most LINGERERS such connections at once; past that they are closed unanswered.
LINGER_SECONDS = 2.0
LINGER_BYTES = 64 * 1024 * 1024
LINGERERS = threading.BoundedSemaphore(8)
# A body answered before it is read (answer_at_once) is dropped up to its size, at most DRAIN_MAX,
# for at most DRAIN_SECONDS: a browser sends the whole body before it reads the answer.
DRAIN_MAX = 1024 ** 3
DRAIN_SECONDS = 60.0


def raw_answer(status: int, reason: str, kind: str, body: bytes) -> bytes:
    """A whole HTTP answer, written past Tornado on a connection it no longer handles."""
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nCache-Control: no-store\r\n"
            f"X-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode("latin-1") + body


def _head_too_large_answer() -> bytes:
    return raw_answer(431, "Request Header Fields Too Large", "text/html; charset=utf-8", TOO_LONG[431])


def _linger(sock: socket.socket, answer: bytes, seconds: float, limit: int) -> None:
    """Sends answer on sock, then drops what the client still sends (for up to seconds, up to limit
    bytes), then closes it."""
    try:
        sock.settimeout(seconds)
        sock.sendall(answer)
        sock.shutdown(socket.SHUT_WR)
        deadline, dropped = time.monotonic() + seconds, 0
        while time.monotonic() < deadline and dropped < limit:
            chunk = sock.recv(256 * 1024)
            if not chunk:
                break
            dropped += len(chunk)
    except OSError:  # the client went away or stopped reading: nothing more is owed to it
        return
    finally:
        sock.close()
        LINGERERS.release()


def answer_and_drain(sock: socket.socket, answer: bytes, seconds: float = LINGER_SECONDS,
                     limit: int = LINGER_BYTES) -> bool:
    """Answers on a copy of sock in a short-lived thread (see _linger); False, with nothing sent, when
    LINGERERS are all busy or the socket is gone. The caller closes sock (its copy stays open)."""
    if not LINGERERS.acquire(blocking=False):
        return False
    try:
        copy = sock.dup()
    except OSError:
        LINGERERS.release()
        return False
    threading.Thread(target=_linger, args=(copy, answer, seconds, limit), name="preview-linger",
                     daemon=True).start()
    return True


class PreviewHTTPServer(HTTPServer):
    """Tornado's HTTP server, answering a head past HEAD_READ_MAX with 431 (see _linger)."""

    def handle_stream(self, stream, address) -> None:
        reading_head = [False]
        read_until_regex, close = stream.read_until_regex, stream.close

        def reading(regex, max_bytes=None):  # only a request's head is read up to a regex
            reading_head[0] = True
            future = read_until_regex(regex, max_bytes)
            future.add_done_callback(lambda _: reading_head.__setitem__(0, False))
            return future

        def closing(exc_info=False) -> None:
            if reading_head[0] and isinstance(exc_info, UnsatisfiableReadError) and stream.socket is not None:
                answer_and_drain(stream.socket, _head_too_large_answer())
            close(exc_info)

        stream.read_until_regex, stream.close = reading, closing
        super().handle_stream(stream, address)


METHOD_REFUSED = "405: máy chủ xem trước chỉ trả lời yêu cầu GET và HEAD (xem trang), không nhận yêu cầu {method}.\n"
RANGE_REFUSED = "416: phần tệp được xin (tiêu đề Range) bắt đầu sau cuối tệp; tệp chỉ dài {size} byte.\n"
NOT_FOUND_PAGE = _page("Không tìm thấy trang", "<h1>Không tìm thấy trang</h1>\n"
                       '<p>Địa chỉ này không có trong trang xem trước. <a href="/">Về trang chủ</a>.</p>')


class PreviewHandler(web.RequestHandler):
    """Files of the preview folder; the error page while the last build is broken."""

    def initialize(self, server: "PreviewServer") -> None:
        self.server = server

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")  # a reload must show the new build
        self.set_header("X-Content-Type-Options", "nosniff")

    def decode_argument(self, value: bytes, name: str | None = None) -> str:
        # Invalid UTF-8 in a path is just a name no file has (404), not a 400.
        return value.decode("utf-8", "surrogateescape")

    async def get(self, raw: str) -> None:
        await self._send(raw)

    async def head(self, raw: str) -> None:
        await self._send(raw)

    async def _send(self, raw: str) -> None:
        server = self.server
        wants_html = is_html_request(raw)
        if wants_html and not server.ready:
            # 200, not 503: a browser logs any error status of a page as an error in its console, and
            # this page is the preview working as it should (it shows the site by itself once built).
            return self._reply(200, "text/html; charset=utf-8", BUILDING_PAGE)
        path, location = resolve_request(server.preview_real, raw)
        # A theme file by its fingerprinted name (the site's stylesheet, its font) is the theme's now, built
        # or not: the editor's preview pane links it at once, and the first build may fail (see theme_asset).
        asset = theme_asset(server.root, raw) if path is None and location is None and not wants_html else None
        if path is None and location is None and asset is None and server.building():
            # Not written yet by the build running now (an image of the first build). Looked for again once
            # it has ended, rather than a 404 in the browser's console.
            deadline = time.monotonic() + BUILD_WAIT
            while server.building() and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            path, location = resolve_request(server.preview_real, raw)
        if wants_html and server.errors:
            return self._reply(500, "text/html; charset=utf-8", error_page(server.errors))
        if location is not None:  # the query kept, as Netlify keeps it (was: "/tim-kiem?q=Bác" lost its search)
            query = self.request.query
            if query:  # as sent (Tornado gives it Latin-1 decoded), anything not ASCII or a space escaped
                location += "?" + quote(query.encode("latin-1", "replace"), safe="!$&'()*+,/:;=?@~%-._")
            return self.redirect(location)
        if path is None and asset is None:
            return self._reply(404, "text/html; charset=utf-8", self._not_found(wants_html))
        name = asset.output if asset is not None else path.relative_to(server.preview_real).as_posix()
        kind, _ = mimetypes.guess_type(name)
        kind = kind or "application/octet-stream"
        if sandboxed(name, kind):
            self.set_header("Content-Security-Policy", SANDBOX)
        if kind.startswith("text/") or kind in ("application/xml", "application/javascript", "image/svg+xml"):
            kind += "; charset=utf-8"
        try:
            body = asset.data if asset is not None else path.read_bytes()
        except OSError:  # removed or replaced by a rebuild publishing since it was found: gone for now
            self.clear_header("Content-Security-Policy")
            return self._reply(404, "text/html; charset=utf-8", self._not_found(wants_html))
        self.set_header("Accept-Ranges", "bytes")
        wanted = self.request.headers.get("Range")
        if wanted is not None and not_modified(self.request.headers.get("If-None-Match"), body):
            # a player's cached part still good (was: 206 again; Tornado checks If-None-Match for 200s only)
            self.set_header("Etag", etag(body))
            self.set_status(304)
            return self.finish()
        part = byte_range(wanted, len(body)) if same_version(self.request.headers.get("If-Range"), body) else None
        if part == UNSATISFIABLE:
            self.clear_header("Content-Security-Policy")
            self.set_header("Content-Range", f"bytes */{len(body)}")
            return self._reply(416, "text/plain; charset=utf-8", RANGE_REFUSED.format(size=len(body)).encode("utf-8"))
        if part is not None:
            first, last = part
            self.set_header("Content-Range", f"bytes {first}-{last}/{len(body)}")
            self.set_header("Etag", etag(body))  # Tornado gives only a 200 one: If-Range names it
            return self._reply(206, kind, body[first:last + 1])
        self._reply(200, kind, body)

    def _not_found(self, wants_html: bool) -> bytes:
        """The site's own 404 page for a page, if it can be read at this moment; ours otherwise."""
        if not wants_html:
            return NOT_FOUND_PAGE
        try:
            return (self.server.preview_real / "404.html").read_bytes()
        except OSError:  # not built (yet), or being replaced by a rebuild
            return NOT_FOUND_PAGE

    def _reply(self, status: int, kind: str, body: bytes) -> None:
        """Tornado leaves out the body of an answer to HEAD, keeping its Content-Length (and Etag):
        HEAD answered as GET would be (was: "Content-Length: 0" for every page)."""
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.finish(body)

    def write_error(self, status_code: int, **kwargs) -> None:
        """Tornado's own error page is English HTML (a PUT or POST to the preview: 405)."""
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        if status_code == 405:
            text = METHOD_REFUSED.format(method=self.request.method)
        else:
            text = f"{status_code}: máy chủ xem trước không trả lời được yêu cầu này.\n"
        self.finish(text.encode("utf-8"))


def has_body(request) -> bool:
    return request.headers.get("Content-Length", "0").strip() != "0" or "Transfer-Encoding" in request.headers


def answer_at_once(handler: web.RequestHandler, status: int, kind: str, body: bytes) -> None:
    """Answers a request before its body is read (called from prepare() of a stream_request_body
    handler), and drops the body as it comes, for a while: no more of it is ever kept, and a client
    that sends its whole body before it reads (a browser) still reads the answer."""
    try:
        declared = int(handler.request.headers.get("Content-Length", ""))
    except ValueError:  # chunked, or not a number
        declared = DRAIN_MAX
    answer = raw_answer(status, httputil.responses.get(status, "Error"), kind, body)
    stream = handler.detach()
    if stream.socket is not None:
        answer_and_drain(stream.socket, answer, DRAIN_SECONDS, max(0, min(declared, DRAIN_MAX)))
    stream.close()


@web.stream_request_body
class _Refused(web.RequestHandler):
    """The answer to a request for another host or from another site's page, or with a body its
    handler does not take: at once, the body never read into memory (see answer_at_once)."""

    def initialize(self, status: int, text: str, kind: str = "text/plain; charset=utf-8") -> None:
        self.status, self.text, self.kind = status, text, kind

    def prepare(self) -> None:
        if has_body(self.request):
            return answer_at_once(self, self.status, self.kind, self.text.encode("utf-8"))
        self.set_status(self.status)
        self.set_header("Content-Type", self.kind)
        self.set_header("Cache-Control", "no-store")
        self.finish(self.text.encode("utf-8"))

    def data_received(self, chunk: bytes) -> None:
        """Never called: prepare() answers before any of a body is read."""


def takes_no_body(handler_class, method: str) -> bool:
    """Whether a request of this method, to this handler, is refused whatever it sends: the handler
    does not answer the method (RequestHandler's own, a 405). Tornado first kept up to 100 MB of the
    body in memory, and past that closed the connection with a bare "400 Bad Request"."""
    name = method.lower()
    return (isinstance(handler_class, type) and issubclass(handler_class, web.RequestHandler)
            and name not in ("get", "head") and getattr(handler_class, name, None) is getattr(web.RequestHandler, name, None))


class GuardedApplication(web.Application):
    """Checks Host and Origin before any handler is chosen, so every request the preview
    answers is checked, through handlers added later (add_handlers) too.

    Host: a page on evil.example whose name is made to resolve to 127.0.0.1 (DNS rebinding)
    sends `Host: evil.example:PORT` and could read drafts; only the preview's own names are
    answered. Origin: any other site's page may open the live-reload websocket or send a
    request to 127.0.0.1 (a browser adds its Origin); only the preview's own pages may.
    """

    def __init__(self, guard: "PreviewServer", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.guard = guard

    def find_handler(self, request, **kwargs):
        status = too_long(request)
        if status is not None:
            return self.get_handler_delegate(request, _Refused, {"status": status, "text": TOO_LONG[status].decode(),
                                                                 "kind": "text/html; charset=utf-8"})
        bad_target = origin_form(request)
        if bad_target is not None:
            return self.get_handler_delegate(request, _Refused, {"status": 400, "text": bad_target})
        refusal = self.guard.refusal(request.headers.get("Host"), request.headers.get("Origin"))
        if refusal is not None:
            status, text = refusal
            return self.get_handler_delegate(request, _Refused, {"status": status, "text": text})
        delegate = super().find_handler(request, **kwargs)
        if has_body(request) and takes_no_body(getattr(delegate, "handler_class", None), request.method):
            return self.get_handler_delegate(request, _Refused, {"status": 405, "text": METHOD_REFUSED.format(
                method=request.method)})
        return delegate
