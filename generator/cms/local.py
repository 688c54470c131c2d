"""`lamtheobac serve --cms`: the CMS page and its local backend inside the preview server.

The preview server adds these routes before its own. The admin page, its
config.yml and scripts are made here from the current site.toml, not taken from
the preview folder, so the CMS keeps working while the site's last build is
broken (the editor may need it to fix the article that broke it). The config
points Decap's `local_backend` at this server's /api/v1, which only answers
requests made on this machine by this server's own pages.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from tornado import web
from tornado.ioloop import IOLoop

from ..config import load_config
from ..errors import BuildFailed, SiteError
from ..previewhttp import DRAIN_MAX, answer_at_once
from ..themes import collect_assets
from ..taxonomy import load_registries
from .admin import enabled, index_html, script, stylesheets
from .backend import MAX_BODY, LocalBackend, megabytes
from .review import reviewer
from .schema import ADMIN_DIR, TAGS_WIDGET, cms_config, config_yaml, existing_tags, folders

API_PATH = "/api/v1"   # decap-server's path
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
# A request's body is read as it comes, never more than MAX_BODY of it kept. Past MAX_BODY the answer
# is 413 in Vietnamese: at once when the head says so (Content-Length, see answer_at_once), else once
# the body has come, up to DRAIN_MAX more of it read and dropped (a client that has not sent its whole
# body may not read the answer: closed with unread data, the connection is reset). A body that stops
# coming for BODY_IDLE_SECONDS is answered 408.
BODY_IDLE_SECONDS = 30.0


def check_serve(root: Path, host: str) -> list[str]:
    """Why `serve --cms` cannot start (messages for the editor), or []."""
    from ..server import is_loopback
    problems = []
    if not is_loopback(host):
        problems.append(f"--cms chỉ chạy được khi máy chủ xem trước mở trên máy này (--host 127.0.0.1), "
                        f"không phải “{host}”: giao diện biên tập ghi được vào thư mục bài viết.")
    try:
        config = load_config(root)
    except BuildFailed as exc:
        return problems + [str(e) for e in exc.errors]
    if not enabled(config):
        problems.append("site.toml chưa bật giao diện biên tập: thêm một dòng “[cms]” vào site.toml "
                        "(xem docs/huong-dan-bien-tap.md).")
    return problems


FOREIGN = "yêu cầu bị từ chối: giao diện biên tập chỉ nhận yêu cầu từ chính trang của nó trên máy này"


def stalled() -> str:
    return (f"máy chủ biên tập không nhận đủ yêu cầu: trình duyệt ngừng gửi giữa chừng (quá "
            f"{BODY_IDLE_SECONDS:g} giây không có dữ liệu). Chưa có gì được lưu; hãy bấm lưu lần nữa")


def too_large(size: int | None) -> str:
    """The 413 message; size: the body's size as its head says, None when unknown (chunked)."""
    said = f"{megabytes(size, up=True)}" if size is not None else f"hơn {megabytes(MAX_BODY)}"
    return (f"yêu cầu quá lớn ({said}; tối đa {megabytes(MAX_BODY)} mỗi lần lưu): chưa có gì được lưu. Mỗi lần "
            "lưu gửi bài cùng mọi ảnh mới chèn vào bài: hãy bớt ảnh mới (hoặc thu nhỏ ảnh), lưu bài, rồi chèn "
            "tiếp các ảnh còn lại")


class _Guarded(web.RequestHandler):
    """Only this machine, through this server's own address: refuses other hosts (DNS rebinding) and
    other sites' pages (cross-site requests)."""

    def initialize(self, server) -> None:
        self.server = server

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("X-Robots-Tag", "noindex")
        # Never in another site's frame: a page could show the editor under a decoy and have the
        # editor's clicks delete or publish (the requests would come from the editor's own page).
        # Sec-Fetch-Site refuses such a frame in the browsers that send it; these in all the others.
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Content-Security-Policy", "frame-ancestors 'none'")

    def own_origins(self) -> set[str]:
        return {f"http://{name}:{self.server.port}" for name in LOOPBACK_NAMES}

    def prepare(self) -> None:
        if self.foreign():
            raise web.HTTPError(403)

    def foreign(self) -> bool:
        """Whether the request comes through another address or from another site's page."""
        if f"http://{self.request.host}" not in self.own_origins():
            return True
        origin = self.request.headers.get("Origin")
        site = self.request.headers.get("Sec-Fetch-Site")
        return (origin is not None and origin not in self.own_origins()
                or site is not None and site not in ("same-origin", "none"))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        message = {403: FOREIGN, 404: "không có tệp này"}.get(status_code, "yêu cầu không hợp lệ")
        self.finish(json.dumps({"error": message}, ensure_ascii=False))

    def site(self):
        """The site's settings and registries as they are now; _Off once site.toml has no [cms]."""
        try:
            config = load_config(self.server.root)
            registries = load_registries(config.path(config.data_dir), config.root)
        except BuildFailed as exc:
            raise _Broken([str(e) for e in exc.errors]) from None
        except SiteError as exc:
            raise _Broken([str(exc)]) from None
        if not enabled(config):  # was: the editor kept reading and writing articles after [cms] was removed
            raise _Off([EDITOR_OFF])
        return config, registries

    def editor_on(self) -> bool:
        """Whether site.toml still turns the editor on (a broken site.toml: the pages say why)."""
        try:
            self.site()
        except _Off:
            return False
        except _Broken:
            return True
        return True


class _Broken(Exception):
    status = 500

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))


class _Off(_Broken):
    """site.toml no longer has [cms] (removed, or enabled = false, while `serve --cms` runs)."""
    status = 404


EDITOR_OFF = ("site.toml không còn bật giao diện biên tập (không có “[cms]”, hoặc “enabled = false”): "
              "không xem, sửa hay lưu được bài từ đây; hãy bật lại [cms] trong site.toml rồi tải lại trang")


@web.stream_request_body
class ApiHandler(_Guarded):
    """Decap's local backend: POST /api/v1 with JSON (a cross-site form cannot send that type).

    The body is taken as it comes (see MAX_BODY, DRAIN_MAX): Tornado would keep up to 100 MB of it
    in memory, and past that close the connection with a bare 400 (the editor's browser: a network
    error, as if the server had stopped)."""

    def prepare(self) -> None:
        self._chunks: list[bytes] | None = []
        self._received = 0
        self._idle = None
        declared = self._declared()
        if declared is not None and declared > MAX_BODY:
            return self._refuse_at_once(declared)
        self.request.connection.set_max_body_size(MAX_BODY + DRAIN_MAX)
        self._watch()

    def _declared(self) -> int | None:
        try:
            return int(self.request.headers.get("Content-Length", ""))
        except ValueError:  # none (chunked), or one Tornado refuses itself when it reads the body
            return None

    def _refuse_at_once(self, declared: int) -> None:
        status, message = (403, FOREIGN) if self.foreign() else (413, too_large(declared))
        answer_at_once(self, status, "application/json; charset=utf-8",
                       json.dumps({"error": message}, ensure_ascii=False).encode("utf-8"))

    def _watch(self) -> None:
        loop = IOLoop.current()
        if self._idle is not None:
            loop.remove_timeout(self._idle)
        self._idle = loop.call_later(BODY_IDLE_SECONDS, self._stalled)

    def _unwatch(self) -> None:
        if self._idle is not None:
            IOLoop.current().remove_timeout(self._idle)
            self._idle = None

    def _stalled(self) -> None:
        self._idle = None
        if not self._finished:
            self._answer(408, {"error": stalled()})

    def data_received(self, chunk: bytes) -> None:
        self._received += len(chunk)
        if self._chunks is not None and self._received <= MAX_BODY:
            self._chunks.append(chunk)
        else:
            self._chunks = None  # past the limit: dropped as it comes, answered 413 at its end
        self._watch()

    def on_connection_close(self) -> None:
        self._unwatch()
        super().on_connection_close()

    def on_finish(self) -> None:
        self._unwatch()

    def post(self) -> None:
        self._unwatch()
        if self.foreign():
            return self._answer(403, {"error": FOREIGN})
        if self._chunks is None:
            return self._answer(413, {"error": too_large(None)})
        if not self.request.headers.get("Content-Type", "").startswith("application/json"):
            return self._answer(415, {"error": "yêu cầu phải có Content-Type: application/json"})
        try:
            body = json.loads(b"".join(self._chunks))
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: "[[[[…" nested too deep
            return self._answer(422, {"error": "yêu cầu không phải JSON hợp lệ"})
        self._chunks = None
        try:
            config, registries = self.site()
            where = folders(config)
            backend = LocalBackend(config.root, where, reviewer(config, registries))
        except _Off as exc:
            return self._answer(exc.status, {"error": str(exc)})
        except (_Broken, SiteError) as exc:
            return self._answer(500, {"error": f"không đọc được site.toml: {exc}"})
        status, answer = backend.handle(body)
        self._answer(status, answer)

    def _answer(self, status: int, answer: Any) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(answer, ensure_ascii=False))


class AdminPage(_Guarded):
    """A page of the editor; HEAD answered as GET (Tornado leaves out the body, keeping its
    Content-Length): was a 405, for a page GET opens."""

    def head(self, *args: str) -> None:
        self.get(*args)

    def get(self) -> None:
        try:
            config, registries = self.site()
        except _Broken as exc:
            return self._text(exc.status, "text/plain", f"Không mở được giao diện biên tập:\n{exc}\n")
        # The stylesheet's name the preview's build gives it (the same theme files, the same fingerprint).
        styles = stylesheets(collect_assets(config), "/")
        self._text(200, "text/html", index_html(config, registries, identity=False, base="/", styles=styles))

    def _text(self, status: int, kind: str, body: str | bytes) -> None:
        self.set_status(status)
        self.set_header("Content-Type", f"{kind}; charset=utf-8")
        self.finish(body)


class ConfigHandler(AdminPage):
    """config.yml for this machine: the local backend, links to this preview, tags used so far."""

    def get(self) -> None:
        try:
            config, registries = self.site()
            origin = f"http://{self.request.host}"
            data = cms_config(config, registries, existing_tags(registries, self.built_tags()),
                              local_url=origin + API_PATH, site_url=origin + "/")
        except (_Broken, SiteError) as exc:
            return self._text(getattr(exc, "status", 500), "text/plain",
                              f"Không tạo được cấu hình giao diện biên tập:\n{exc}\n")
        self._text(200, "text/yaml", config_yaml(data))

    def built_tags(self) -> list[str]:
        """The tags the last preview build suggested (the articles' tags), if it made a config.yml."""
        try:
            built = yaml.safe_load((self.server.preview_real / ADMIN_DIR / "config.yml").read_text("utf-8"))
            fields = built["collections"][0]["fields"]
            return next(f.get("suggestions", []) for f in fields if f.get("widget") == TAGS_WIDGET)
        except (OSError, yaml.YAMLError, KeyError, IndexError, TypeError, StopIteration):
            return []  # no good build yet: the registry's tags only


class ScriptHandler(AdminPage):
    def get(self, name: str) -> None:
        if not self.editor_on():
            return self._text(404, "text/plain", f"Không mở được giao diện biên tập:\n{EDITOR_OFF}\n")
        try:
            data = script(name)
        except KeyError:
            raise web.HTTPError(404) from None
        kind = ("application/wasm" if name.endswith(".wasm") else
                "text/javascript" if name.endswith(".js") else "text/plain")
        self.set_header("Content-Type", kind + ("" if kind == "application/wasm" else "; charset=utf-8"))
        self.finish(data)


class _ToAdmin(AdminPage):
    """/admin -> /admin/, for GET and HEAD; other methods refused as on the editor's other pages
    (web.RedirectHandler answered them with Tornado's English page)."""

    def get(self) -> None:
        if not self.editor_on():
            return self._text(404, "text/plain", f"Không mở được giao diện biên tập:\n{EDITOR_OFF}\n")
        self.redirect("/admin/", permanent=True)

    head = get


def routes(server) -> list:
    """Tornado routes for the preview server (given as `server`: .root, .port, .preview_real)."""
    args = {"server": server}
    return [
        (API_PATH, ApiHandler, args),
        (r"/admin", _ToAdmin, args),
        (r"/admin/(?:index\.html)?", AdminPage, args),
        (r"/admin/config\.yml", ConfigHandler, args),
        (r"/admin/([^/]+)", ScriptHandler, args),
    ]
