"""`lamtheobac serve`: build into a preview folder, serve it, rebuild on every save.

One worker thread waits for saved files and rebuilds; the Tornado loop keeps
serving meanwhile (the build publishes the preview folder in one rename). The
rebuild is a single callable, ``rebuild(changed_paths)``, so an incremental
builder can replace the full build without touching the rest.

The live-reload script comes from the ``livereload`` package: its
LiveScriptInjector is a Tornado output transform that inserts the script
before ``</head>`` in HTML *responses* only; nothing is ever written into the
preview folder, let alone into ``output/``. When the last build failed, every
HTML request gets a page listing the errors (with the same script), until a
good build makes the browser reload. What each request is answered is in
previewhttp.py.
"""
from __future__ import annotations

import asyncio
import ipaddress
import os
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Callable, TextIO

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.server import LiveScriptInjector
from livereload.watcher import Watcher as LiveReloadWatcher
from tornado import web
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets

from .errors import BuildFailed, SiteError, os_reason
from .previewhttp import HEAD_READ_MAX, GuardedApplication, PreviewHandler, PreviewHTTPServer

PREVIEW_DIR = ".cache/preview"
STOPPED = "Đã dừng máy chủ xem trước."
RETRY_PAUSE = 0.3  # seconds before building again when a save collided with the build

Rebuild = Callable[[set[Path]], object]

# livereload's own snippet (see livereload.server.Server.application): it loads
# /livereload.js from this server, which then opens the /livereload websocket.
LIVE_SCRIPT = (
    b'<script type="text/javascript">(function(){'
    b'var s=document.createElement("script");'
    b"var port=(window.location.port || (window.location.protocol == 'https:' ? 443: 80));"
    b's.src="//"+window.location.hostname+":"+port+ "/livereload.js?port=" + port;'
    b"document.head.appendChild(s);"
    b"})();</script>"
)


# The build forks worker processes from the rebuild thread. A child forked while
# another thread is inside print() inherits stdout's lock held, and hangs when it
# flushes at exit (the build then waits for it forever). So every line this
# server prints holds this lock, and a fork waits until no print is under way.
_OUTPUT_LOCK = threading.Lock()


def _after_fork_in_child() -> None:
    """A build worker must stop on SIGTERM/SIGINT like any process, at once, even
    while blocked in C: our Python-level handlers would only run between bytecodes."""
    _OUTPUT_LOCK.release()
    for sig, default in ((signal.SIGTERM, signal.SIG_DFL), (signal.SIGINT, signal.default_int_handler)):
        if getattr(signal.getsignal(sig), "__func__", None) is PreviewServer._on_signal:
            signal.signal(sig, default)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_OUTPUT_LOCK.acquire, after_in_parent=_OUTPUT_LOCK.release,
                        after_in_child=_after_fork_in_child)


class _Injector(LiveScriptInjector):
    script = LIVE_SCRIPT


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def full_rebuild(root: Path, preview: Path, base_url: str, drafts: bool,
                 log: Callable[[str], None]) -> Rebuild:
    """The rebuild: one incremental Builder kept for the whole session.

    `changed` needs no interpreting: the Builder finds what changed by itself. The
    returned callable also has `quick(changed)`, which re-renders edited article
    pages at once from the last build, before the full rebuild runs.
    """
    from .build import Builder, BuildOptions

    builder = Builder(root, BuildOptions(output=str(preview), base_url=base_url, drafts=drafts or None,
                                         future=drafts or None, preview=True), log)

    def rebuild(changed: set[Path]) -> object:
        return builder.build()
    rebuild.quick = builder.quick  # type: ignore[attr-defined]
    return rebuild


_WILDCARDS = ("0.0.0.0", "::", "")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


class PreviewServer:
    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 8000, drafts: bool = True,
                 rebuild: Rebuild | None = None, stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr,
                 cms: bool = False):
        self.root = root.resolve()
        self.host = host
        self.port = port
        self.drafts = drafts
        self.preview = self.root / PREVIEW_DIR
        self.preview_real = self.preview.resolve()
        self.stdout, self.stderr = stdout, stderr
        self._rebuild = rebuild
        self.cms = cms                      # serve the CMS and its local backend (generator/cms/local.py)
        self.errors: list[SiteError] = []   # the last build's problems; empty after a good build
        self.ready = False                  # a first build has finished (well or not)
        self._started = 0                   # builds begun (the rebuild thread counts them) …
        self._ended = 0                     # … and the last one whose end the loop has published
        self.sockets: list = []
        self._stopping = threading.Event()
        self._loop: IOLoop | None = None
        self._stop: asyncio.Event | None = None

    # -- setting up ---------------------------------------------------------
    def listen(self) -> None:
        """Bind now, so a busy port is reported before any building (OSError)."""
        self.sockets = bind_sockets(self.port, address=self.host)
        self.port = self.sockets[0].getsockname()[1]  # the real one when --port 0
        self.preview_real = self.preview.resolve()

    @property
    def base_url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}/"

    def allowed_hosts(self) -> set[str]:
        """The Host headers answered: 127.0.0.1, localhost and [::1] at the preview's port, and
        the host given with --host (with port 80 a browser leaves the port out)."""
        names = {"127.0.0.1", "localhost", "[::1]", url_host(self.host).lower()}
        hosts = {f"{name}:{self.port}" for name in names}
        return hosts | names if self.port == 80 else hosts

    def refusal(self, host: str | None, origin: str | None) -> tuple[int, str] | None:
        """(status, text) for a request that must not be answered, or None."""
        allowed = self.allowed_hosts()
        given = (host or "").strip().lower()
        name, _, port = given.rpartition(":") if not given.endswith("]") else (given, "", "")
        # Opened to the network (--host 0.0.0.0): any address of this machine, typed as an IP
        # (no DNS name can be rebound then), at the right port.
        wildcard_ok = self.host in _WILDCARDS and _is_ip(name) and port == str(self.port)
        if given not in allowed and not wildcard_ok:
            return 421, (f"Máy chủ xem trước chỉ trả lời địa chỉ {self.base_url} (hoặc http://localhost:{self.port}/), "
                         f"không trả lời tên “{given or '(không có)'}”.\n")
        if origin is not None:
            source = origin.strip().lower()
            scheme, _, where = source.partition("://")
            where_name, _, where_port = where.rpartition(":")
            if not (scheme == "http" and (where in allowed or self.host in _WILDCARDS and _is_ip(where_name)
                                          and where_port == str(self.port))):
                return 403, (f"Máy chủ xem trước không trả lời yêu cầu từ trang của nơi khác ({origin}).\n")
        return None

    def say(self, text: str, error: bool = False) -> None:
        with _OUTPUT_LOCK:
            print(text, file=self.stderr if error else self.stdout, flush=True)

    def watched(self) -> tuple[list[Path], list[Path]]:
        """Folders and files whose change means a rebuild (the defaults if site.toml is broken)."""
        from .config import CONFIG_NAME, SiteConfig, load_config
        try:
            config = load_config(self.root)
        except (BuildFailed, SiteError):
            config = SiteConfig(root=self.root)
        default = SiteConfig(root=self.root)
        # A folder that holds the project ("..", "../..": a typo the build refuses) would be
        # walked and watched whole, home folder and all, before the fix could be seen: its
        # default is watched instead.
        folders = []
        for name in ("content_dir", "data_dir", "themes_dir", "templates_dir"):
            mine = config.path(getattr(config, name))
            folders.append(default.path(getattr(default, name)) if self.root.is_relative_to(mine) else mine)
        unique = [f for i, f in enumerate(folders)
                  if f not in folders[:i] and not any(f.is_relative_to(o) for o in folders if o != f)]
        return unique, [self.root / CONFIG_NAME]

    def application(self) -> web.Application:
        # reload_waiters() logs the watcher's filepath: give it one.
        LiveReloadHandler.watcher = LiveReloadWatcher()
        LiveReloadHandler.live_css = False  # CSS is fingerprinted: a new name needs a page reload
        cms_routes = []
        if self.cms:
            from .cms.local import routes
            cms_routes = routes(self)
        return GuardedApplication(self, [
            (r"/livereload", LiveReloadHandler),
            (r"/livereload\.js", LiveReloadJSHandler),
            *cms_routes,
            (r"/(.*)", PreviewHandler, {"server": self}),
        ], transforms=[_Injector], log_function=lambda handler: None)  # no access log in the editor's terminal

    # -- running --------------------------------------------------------------
    def run(self) -> int:
        """Serve until Ctrl-C (or SIGTERM); 0 when stopped that way."""
        if not self.sockets:
            self.listen()
        try:
            asyncio.run(self._main())
        except KeyboardInterrupt:  # where the loop cannot take signal handlers
            self._stopping.set()
        self.say(STOPPED)
        return 0

    def stop(self) -> None:
        """Stop from another thread (tests)."""
        if self._loop is not None and self._stop is not None:
            self._loop.add_callback(self._stop.set)

    async def _main(self) -> None:
        self._loop = IOLoop.current()
        self._aloop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._pid = os.getpid()
        if threading.current_thread() is threading.main_thread():
            # Python-level handlers, not loop.add_signal_handler: the loop's C handler
            # and wakeup fd are inherited by build workers forked from the rebuild
            # thread, which then ignore SIGTERM and stop this server instead.
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, self._on_signal)
        http = PreviewHTTPServer(self.application(), max_header_size=HEAD_READ_MAX)
        http.add_sockets(self.sockets)
        if not is_loopback(self.host):
            self.say(f"Cảnh báo: máy chủ xem trước đang mở cho cả mạng ({self.host}); ai vào được mạng này "
                     "cũng xem được bài nháp. Bỏ --host để chỉ mở trên máy này.", error=True)
        self.say(f"Xem trước tại {self.base_url} (Ctrl-C để dừng)")
        worker = threading.Thread(target=self._work, name="preview-rebuild", daemon=True)
        worker.start()
        try:
            await self._stop.wait()
        finally:
            self._stopping.set()
            http.stop()
            worker.join(timeout=2)  # a long build still running dies with the process

    def _on_signal(self, signum: int, frame) -> None:
        if os.getpid() != self._pid:  # a forked build worker: die as if we had not been here
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        self._aloop.call_soon_threadsafe(self._stop.set)

    def _work(self) -> None:
        from .watch import make_watcher

        rebuild = self._rebuild or full_rebuild(self.root, self.preview, self.base_url, self.drafts,
                                                lambda _: None)
        dirs, files = self.watched()
        watcher = make_watcher(dirs, files)  # before building: a save during the first build counts
        try:
            self.say(f"Đang dựng trang xem trước vào {PREVIEW_DIR}/ …")
            self._build(rebuild, set())
            had_preview = self.preview.is_dir()
            while not self._stopping.is_set():
                try:
                    changed = watcher.wait(timeout=0.5)
                except OSError as exc:
                    self.say(f"Lỗi khi theo dõi thay đổi: {os_reason(exc)}", error=True)
                    time.sleep(0.5)
                    continue
                if had_preview and not self.preview.is_dir() and not self._stopping.is_set():
                    # Removed by hand (rm -rf .cache): every page answered 404 until the next edit.
                    self._build(rebuild, set())
                had_preview = self.preview.is_dir()  # a build that failed and made none is not retried
                if not changed or self._stopping.is_set():
                    continue
                self._quick(rebuild, changed)
                self._build(rebuild, changed)
                if any(p.name == "site.toml" for p in changed) and self.watched() != (dirs, files):
                    watcher.close()  # folders moved in site.toml: watch the new ones
                    dirs, files = self.watched()
                    watcher = make_watcher(dirs, files)
        finally:
            watcher.close()

    def _quick(self, rebuild: Rebuild, changed: set[Path]) -> None:
        """Show an edited article's page at once; the full rebuild follows."""
        quick = getattr(rebuild, "quick", None)
        if quick is None or self.errors:  # after a failed build only a full one can clear the error page
            return
        try:
            written = quick(changed)
        except SiteError as exc:
            self.say(f"Không cập nhật nhanh được: {exc}", error=True)
            return
        except OSError as exc:  # the full build that follows tells the file and the problem if it lasts
            self.say(f"Không cập nhật nhanh được trang của bài vừa sửa: {os_reason(exc, writing=True)}", error=True)
            return
        if written and self._loop is not None and not self._stopping.is_set():
            self._loop.add_callback(LiveReloadHandler.reload_waiters, "*")

    def building(self) -> bool:
        """Whether a build is writing the preview now (or the first one has yet to end)."""
        return not self.ready or self._started != self._ended

    def _build(self, rebuild: Rebuild, changed: set[Path]) -> None:
        self._started += 1  # only this thread writes it
        number = self._started
        started = time.perf_counter()
        since = time.time_ns()
        errors = self._attempt(rebuild, changed)
        if errors and self._saved_meanwhile(errors, since):
            # An editor's save landed while the build read the file (half written, or removed
            # and written again): its last event may have come before the build read it, so no
            # further event would fix the preview. Once more, after the save has settled.
            time.sleep(RETRY_PAUSE)
            errors = self._attempt(rebuild, changed)
        seconds = time.perf_counter() - started
        if self._loop is not None and not self._stopping.is_set():
            self._loop.add_callback(self._built, errors, changed, seconds, number)

    def _attempt(self, rebuild: Rebuild, changed: set[Path]) -> list[SiteError]:
        """The build's problems; none when it went well."""
        try:
            rebuild(changed)
            return []
        except BuildFailed as exc:
            return list(exc.errors)
        except SiteError as exc:
            return [exc]
        except Exception as exc:  # a generator bug must not take the preview down: show it
            with _OUTPUT_LOCK:
                traceback.print_exc(file=self.stderr)
            return [SiteError(f"lỗi bên trong trình dựng trang: {exc!r}")]

    def _saved_meanwhile(self, errors: list[SiteError], since: int) -> bool:
        """Whether a file an error names was written (or removed) since the build began. A file
        dated in the future (a skewed clock) does not count: it would be retried on every build."""
        now = time.time_ns()
        for path in {e.path for e in errors if e.path}:
            try:
                mtime = (self.root / path).stat().st_mtime_ns
            except FileNotFoundError:
                return True
            except OSError:
                continue  # unreadable: its error is real
            if since <= mtime <= now:
                return True
        return False

    def _built(self, errors: list[SiteError], changed: set[Path], seconds: float, number: int = 0) -> None:
        """On the loop thread: publish the outcome and make browsers reload."""
        self.errors = errors
        self.ready = True
        self._ended = max(self._ended, number)
        # Editors and sed save through temporary files that are gone by now: name the real ones.
        named = sorted(self._display(p) for p in changed if p.exists()) or sorted(self._display(p) for p in changed)
        shown = ", ".join(named[:3]) + (" …" if len(named) > 3 else "")
        if errors:
            for error in errors:
                self.say(str(error), error=True)
            self.say(f"Không dựng được trang: {len(errors)} lỗi. Trình duyệt đang hiện danh sách lỗi; "
                     "sửa rồi lưu lại để xem tiếp.", error=True)
        elif changed:
            self.say(f"Đã dựng lại ({shown}) trong {seconds:.2f} giây.")
        else:
            self.say(f"Đã dựng xong trong {seconds:.2f} giây.")
        LiveReloadHandler.watcher.filepath = shown or "*"
        LiveReloadHandler.reload_waiters("*")

    def _display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
