"""`lamtheobac serve`: preview, live reload, error page, safety of what is served.

Each test starts the real command in a subprocess on a free loopback port
(--port 0, the URL is read from its output) and always stops it.
"""
from __future__ import annotations

import http.client
import io
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
WAIT = 20.0  # seconds: generous bound for slow CI machines; never a timing assertion
BUILDING = "<h1>Đang dựng trang xem trước…</h1>"  # the page shown until the first build is done (a 200)

ARTICLE = """---
title: "{title}"
date: 2024-05-0{n}T08:00:00+07:00
summary: "Tóm tắt bài {n}."
province: {province}
directives: ["05-CT/TW"]
tags: ["nêu gương"]
{extra}---

{body}
"""


def write_article(site: Path, slug: str, n: int, title: str, body: str, extra: str = "",
                  province: str = '["Lào Cai"]') -> Path:
    path = site / "content" / "articles" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(n=n, title=title, body=body, extra=extra, province=province), encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.toml").write_text('title = "Thử nghiệm"\nbase_url = "https://example.org/"\n', encoding="utf-8")
    write_article(root, "bai-mot", 1, "Bài một", "Nội dung bài một.")
    write_article(root, "bai-hai", 2, "Bài hai", "Nội dung bài hai.")
    return root


class Served:
    """`lamtheobac serve` in a subprocess; lines of its output collected as they come."""

    def __init__(self, root: Path, *args: str):
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", "0", *args],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.out: list[str] = []
        self.err: list[str] = []
        self.lines: queue.Queue[str] = queue.Queue()
        for stream, sink in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=self._pump, args=(stream, sink), daemon=True).start()
        self.port = self._port()

    def _pump(self, stream, sink: list[str]) -> None:
        for line in stream:
            sink.append(line.rstrip("\n"))
            self.lines.put(line)

    def _port(self) -> int:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            for line in list(self.out):
                if line.startswith("Xem trước tại http://"):
                    return int(line.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise AssertionError(f"server did not start: {self.out} {self.err}")

    def get(self, path: str, method: str = "GET") -> tuple[int, str, dict]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT)
        try:
            conn.request(method, path)
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8", "replace"), dict(response.getheaders())
        finally:
            conn.close()

    def raw(self, data: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=WAIT) as sock:
            sock.sendall(data)
            return _read_all(sock)

    def wait_for(self, check, what: str):
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            result = check()
            if result:
                return result
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; output: {self.out} {self.err}")

    def page_when(self, path: str, status: int, text: str) -> str:
        """The page once it answers status with text in it; the page shown while the preview is
        being built (a 200 too, with its own </html>) is not it."""
        def check():
            got, body, _ = self.get(path)
            return body if got == status and text in body and BUILDING not in body else None
        return self.wait_for(check, f"{path} -> {status} containing {text!r}")

    def stop(self, sig: int = signal.SIGINT) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=WAIT)
        return self.proc.returncode


@pytest.fixture
def served(site: Path):
    servers: list[Served] = []

    def start(*args: str, root: Path = site) -> Served:
        server = Served(root, *args)
        servers.append(server)
        return server
    yield start
    for server in servers:
        server.stop()


def test_serves_the_preview_with_the_live_reload_script(site: Path, served):
    server = served()
    body = server.page_when("/bai-viet/bai-mot/", 200, "Nội dung bài một.")
    assert "/livereload.js?port=" in body
    # The script is added to the response only: the preview files on disk don't have it.
    preview = site / ".cache" / "preview"
    on_disk = (preview / "bai-viet" / "bai-mot" / "index.html").read_text(encoding="utf-8")
    assert "livereload" not in on_disk
    assert not (site / "output").exists()
    status, js, headers = server.get("/livereload.js")
    assert status == 200 and "LiveReload" in js
    status, css, headers = server.get("/bai-viet/bai-mot")
    assert status == 302


def test_build_output_never_contains_the_live_reload_script(site: Path, tmp_path: Path):
    from generator.build import build

    result = build(site, output=str(tmp_path / "out"), drafts=True, future=True)
    files = [p for p in result.output.rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert b"livereload" not in path.read_bytes(), path


def test_an_edit_rebuilds_and_tells_the_browser_to_reload(site: Path, served):
    from tornado.ioloop import IOLoop
    from tornado.websocket import websocket_connect

    server = served()
    server.page_when("/bai-viet/bai-mot/", 200, "Nội dung bài một.")

    async def edit_and_listen() -> dict:
        ws = await websocket_connect(f"ws://127.0.0.1:{server.port}/livereload", connect_timeout=WAIT)
        ws.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        assert json.loads(await ws.read_message())["command"] == "hello"
        ws.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{server.port}/"}))
        write_article(site, "bai-mot", 1, "Bài một", "Nội dung đã sửa lần một.")
        while True:  # messages before the rebuild's "reload" (none expected) are skipped
            message = json.loads(await ws.read_message())
            if message.get("command") == "reload":
                ws.close()
                return message

    message = IOLoop.current().run_sync(edit_and_listen, timeout=WAIT)
    assert message["path"] == "*"
    # The first reload may come from the quick re-render of the edited page; the full
    # incremental rebuild follows and says so.
    server.page_when("/bai-viet/bai-mot/", 200, "Nội dung đã sửa lần một.")
    deadline = time.monotonic() + WAIT
    while not any(line.startswith("Đã dựng lại (content/articles/bai-mot.md)") for line in server.out):
        assert time.monotonic() < deadline, server.out
        time.sleep(0.05)


def test_an_edit_after_the_preview_folder_was_removed_rebuilds_it_without_an_english_error(site: Path, served):
    """rm -rf .cache (or its preview folder) while serve runs: every page answered 404 until the
    next edit, whose quick re-render printed "Không cập nhật nhanh được: [Errno 2] No such file or
    directory: '…/index.html.quick'"."""
    import shutil

    server = served()
    server.page_when("/bai-viet/bai-mot/", 200, "Nội dung bài một.")
    shutil.rmtree(site / ".cache" / "preview")  # no edit: the preview is made again (it answered 404 until one)
    server.page_when("/bai-viet/bai-mot/", 200, "Nội dung bài một.")
    shutil.rmtree(site / ".cache")
    write_article(site, "bai-mot", 1, "Bài một", "Nội dung đã sửa sau khi xóa.")
    server.page_when("/bai-viet/bai-mot/", 200, "Nội dung đã sửa sau khi xóa.")
    server.page_when("/", 200, "Bài một")
    assert not [line for line in server.err if "Errno" in line or "Không cập nhật nhanh" in line], server.err


def test_a_broken_file_shows_the_error_page_until_fixed(site: Path, served):
    server = served()
    server.page_when("/", 200, "Bài hai")
    write_article(site, "bai-hai", 2, "Bài hai", "Nội dung.", province='["<b>Lào Cay</b>"]')
    body = server.page_when("/bai-viet/bai-mot/", 500, "Không dựng được trang: 1 lỗi")
    assert ("content/articles/bai-hai.md:5: không có tỉnh, thành phố “&lt;b&gt;Lào Cay&lt;/b&gt;” "
            "trong danh mục") in body
    assert "<b>Lào Cay</b>" not in body
    assert "/livereload.js?port=" in body  # so the page reloads itself once fixed
    status, _, _ = server.get("/khong-co-trang-nay/")
    assert status == 500
    status, _, _ = server.get("/robots.txt")  # not a page: still the last good file
    assert status == 200
    write_article(site, "bai-hai", 2, "Bài hai đã sửa", "Nội dung.")
    server.page_when("/bai-viet/bai-hai/", 200, "Bài hai đã sửa")
    assert any("bai-hai.md:5: không có tỉnh" in line for line in server.err)


def test_drafts_and_future_articles_are_previewed_unless_no_drafts(site: Path, served, tmp_path: Path):
    write_article(site, "bai-nhap", 3, "Bài nháp", "Nháp.", extra="draft: true\n")
    future = site / "content" / "articles" / "bai-tuong-lai.md"
    future.write_text(ARTICLE.format(n=4, title="Bài tương lai", body="Sau.", extra="", province='["Lào Cai"]')
                      .replace("2024-05-04", "2999-01-01"), encoding="utf-8")
    server = served()
    server.page_when("/bai-viet/bai-nhap/", 200, "Bài nháp")
    server.page_when("/bai-viet/bai-tuong-lai/", 200, "Bài tương lai")
    server.stop()
    hidden = served("--no-drafts")
    hidden.page_when("/bai-viet/bai-mot/", 200, "Bài một")
    assert hidden.get("/bai-viet/bai-nhap/")[0] == 404
    assert hidden.get("/bai-viet/bai-tuong-lai/")[0] == 404

    from generator.build import build
    result = build(site, output=str(tmp_path / "out"))
    assert not (result.output / "bai-viet" / "bai-nhap").exists()
    assert not (result.output / "bai-viet" / "bai-tuong-lai").exists()


def test_binds_loopback_by_default_and_warns_otherwise(site: Path, served):
    from generator.server import PreviewServer

    preview = PreviewServer(site, port=0)
    preview.listen()
    try:
        assert {s.getsockname()[0] for s in preview.sockets} == {"127.0.0.1"}
        assert preview.base_url == f"http://127.0.0.1:{preview.port}/"
    finally:
        for sock in preview.sockets:
            sock.close()
    server = served()
    assert not any("Cảnh báo" in line for line in server.err)
    open_server = served("--host", "0.0.0.0")
    open_server.wait_for(lambda: any(line.startswith("Cảnh báo: máy chủ xem trước đang mở cho cả mạng (0.0.0.0)")
                                     for line in open_server.err), "the warning")


TRAVERSALS = [
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E/%2E%2E/etc/passwd",
    "/..%2f..%2fetc%2fpasswd",
    "/.%2e/.%2e/etc/passwd",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "/bai-viet/../../../etc/passwd",
    "/..\\..\\etc\\passwd",
    "/%5c..%5c..%5cetc%5cpasswd",
    "//etc/passwd",
    "/a%00b",
    "/" + "a" * 5000,
]


def test_paths_outside_the_preview_are_not_found(site: Path, served):
    server = served()
    server.page_when("/", 200, "Bài một")
    for path in TRAVERSALS:
        status, body, _ = server.get(path)  # http.client sends the path as given
        assert status == 404, path
        assert "root:" not in body
        reply = server.raw(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nConnection: close\r\n\r\n".encode())
        assert reply.startswith(b"HTTP/1.1 404 "), (path, reply[:80])
    assert server.get("/")[0] == 200


def test_request_lines_without_a_leading_slash_are_not_found(site: Path, served):
    server = served()
    server.page_when("/", 200, "Bài một")
    for target in ("../../etc/passwd", "etc/passwd", "http://127.0.0.1/../../etc/passwd", "*"):
        reply = server.raw(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nConnection: close\r\n\r\n".encode())
        assert reply[:13] in (b"HTTP/1.1 404 ", b"HTTP/1.1 400 ", b"HTTP/1.1 421 "), (target, reply[:80])
        assert b"root:" not in reply


def test_absolute_form_targets_are_answered_as_their_path_on_their_host(site: Path, served):
    # HTTP/1.1 servers must accept "GET http://host:port/path" (RFC 9112 3.2.2), its authority
    # taking the place of Host. Was: Tornado's English "404: Not Found" for every such request,
    # and for "OPTIONS *".
    write_article(site, "bai-nhap", 3, "Bài nháp bí mật", "Nháp.", extra="draft: true\n")
    server = served()
    server.page_when("/bai-viet/bai-nhap/", 200, "Bài nháp bí mật")
    port = server.port
    for target in (f"http://127.0.0.1:{port}/bai-viet/bai-nhap/", f"HTTP://LOCALHOST:{port}/bai-viet/bai-nhap/?a=1"):
        reply = server.raw(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        assert reply.startswith(b"HTTP/1.1 200 OK") and "Bài nháp bí mật".encode() in reply, (target, reply[:80])
    reply = server.raw(f"GET http://127.0.0.1:{port} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
    assert reply.startswith(b"HTTP/1.1 200 OK"), reply[:80]  # no path: the home page
    # The target's host is the one checked, whatever Host says (DNS rebinding through a proxy).
    reply = server.raw(f"GET http://evil.example:{port}/bai-viet/bai-nhap/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                       "Connection: close\r\n\r\n".encode())
    head, body = _head_and_body(reply)
    assert head["status"] == "HTTP/1.1 421 Misdirected Request"
    assert body.decode("utf-8").startswith("Máy chủ xem trước chỉ trả lời địa chỉ")
    for method in ("OPTIONS", "GET"):
        head, body = _head_and_body(server.raw(f"{method} * HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                               "Connection: close\r\n\r\n".encode()))
        assert head["status"] == "HTTP/1.1 400 Bad Request" and head["content-type"] == "text/plain; charset=utf-8"
        assert body.decode("utf-8") == ("400: máy chủ xem trước chỉ nhận địa chỉ bắt đầu bằng “/” (như /bai-viet/…), "
                                        "không nhận “*”.\n")
    for target in ("etc/passwd", "ftp://127.0.0.1/", "http://"):
        head, body = _head_and_body(server.raw(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                               "Connection: close\r\n\r\n".encode()))
        assert head["status"] == "HTTP/1.1 400 Bad Request", target
        assert body.decode("utf-8").startswith("400: máy chủ xem trước chỉ nhận địa chỉ bắt đầu bằng “/”"), target
    assert server.get("/")[0] == 200


def test_malformed_requests_do_not_stop_the_server(site: Path, served):
    server = served()
    server.page_when("/", 200, "Bài một")
    for junk in (b"GARBAGE\r\n\r\n", b"\x00\xff\xfe\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n",
                 b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
                 b"GET / HTTP/1.1\r\n" + b"X: " + b"a" * 100_000 + b"\r\n\r\n", b"GET /"):
        server.raw(junk)
    status, body, _ = server.get("/")
    assert status == 200 and "Bài một" in body
    assert server.proc.poll() is None


def _head_and_body(reply: bytes) -> tuple[dict[str, str], bytes]:
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    return {"status": lines[0], **{k.lower(): v for k, _, v in (line.partition(": ") for line in lines[1:])}}, body


def test_head_is_answered_as_get_without_the_body(site: Path, served):
    # Was: "Content-Length: 0" (and the empty body's Etag) for every page: a link checker or a
    # download manager asking HEAD took every page for empty.
    server = served()
    server.page_when("/", 200, "Bài một")
    for path in ("/", "/bai-viet/bai-mot/", "/khong-co/", "/robots.txt"):
        request = f"{{}} {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nConnection: close\r\n\r\n"
        get, body = _head_and_body(server.raw(request.format("GET").encode()))
        head, nothing = _head_and_body(server.raw(request.format("HEAD").encode()))
        assert nothing == b"" and len(body) > 0, path
        assert head["status"] == get["status"] and head["content-length"] == get["content-length"] == str(len(body))
        assert head.get("etag") == get.get("etag") and head["content-type"] == get["content-type"]


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "OPTIONS", "PATCH"])
def test_other_methods_are_refused_in_vietnamese(site: Path, served, method):
    # Was: Tornado's English HTML page "405: Method Not Allowed".
    server = served()
    server.page_when("/", 200, "Bài một")
    reply = server.raw(f"{method} /index.html HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Length: 3\r\n"
                       "Connection: close\r\n\r\nabc".encode())
    head, body = _head_and_body(reply)
    assert head["status"] == "HTTP/1.1 405 Method Not Allowed"
    assert head["content-type"] == "text/plain; charset=utf-8"
    assert body.decode("utf-8") == (f"405: máy chủ xem trước chỉ trả lời yêu cầu GET và HEAD (xem trang), không nhận "
                                    f"yêu cầu {method}.\n")
    assert server.get("/")[0] == 200


def test_ctrl_c_stops_cleanly(site: Path, served):
    server = served()
    server.page_when("/", 200, "Bài một")
    assert server.stop(signal.SIGINT) == 0
    server.wait_for(lambda: "Đã dừng máy chủ xem trước." in server.out, "the stop message")


def test_a_busy_port_is_reported_with_a_hint(site: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        done = subprocess.run([sys.executable, "-m", "generator", "serve", "--root", str(site), "--port", str(port)],
                              cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8", timeout=WAIT)
    assert done.returncode == 1
    assert done.stderr.strip() == (f"Cổng {port} đang được chương trình khác dùng. Hãy chọn cổng khác, "
                                   f"ví dụ: lamtheobac serve --port {port + 1}")
    assert not (site / ".cache").exists()


@pytest.mark.parametrize("kind", ["inotify", "polling"])
def test_watchers_report_saved_files_and_skip_editor_temporaries(tmp_path: Path, kind: str):
    from generator import watch

    if kind == "inotify" and not sys.platform.startswith("linux"):
        pytest.skip("inotify is Linux only")
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    config = tmp_path / "site.toml"
    config.write_text("", encoding="utf-8")
    cls = watch.InotifyWatcher if kind == "inotify" else watch.PollingWatcher
    watcher = cls([content, tmp_path / "templates"], [config])
    try:
        def changes(until=bool) -> set[Path]:
            found: set[Path] = set()
            deadline = time.monotonic() + WAIT
            while not until(found) and time.monotonic() < deadline:
                found |= watcher.wait(timeout=0.2)
            return found

        article = content / "articles" / "a.md"
        time.sleep(0.02)  # distinct mtimes for the polling watcher
        article.write_text("x", encoding="utf-8")
        (content / "articles" / ".a.md.swp").write_text("x", encoding="utf-8")
        assert changes() == {article}
        config.write_text("title = 'x'", encoding="utf-8")
        assert changes() == {config}
        (tmp_path / "templates").mkdir()  # a watched folder that appears later
        (tmp_path / "templates" / "page.html").write_text("x", encoding="utf-8")
        page = tmp_path / "templates" / "page.html"
        assert page in changes(until=lambda found: page in found)
    finally:
        watcher.close()


# DNS rebinding and other sites' pages ------------------------------------------------------

def raw_status(server: Served, headers: str, path: str = "/") -> bytes:
    reply = server.raw(f"GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n".encode())
    return reply.split(b"\r\n", 1)[0]


def test_only_the_previews_own_host_names_are_answered(site: Path, served):
    """A page on evil.example whose name is made to resolve to 127.0.0.1 (DNS rebinding) sends
    its own name as Host: it must not read the drafts."""
    write_article(site, "bai-nhap", 3, "Bài nháp bí mật", "Nháp.", extra="draft: true\n")
    server = served()
    server.page_when("/bai-viet/bai-nhap/", 200, "Bài nháp bí mật")
    port = server.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        assert raw_status(server, f"Host: {host}\r\n", "/bai-viet/bai-nhap/") == b"HTTP/1.1 200 OK", host
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}", f"127.0.0.1:{port + 1}",
                 "127.0.0.1", f"localhost.:{port}", ""):
        reply = server.raw(f"GET /bai-viet/bai-nhap/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        assert reply.startswith(b"HTTP/1.1 421 "), (host, reply[:80])
        assert "Bài nháp bí mật".encode() not in reply
        assert "Máy chủ xem trước chỉ trả lời địa chỉ".encode() in reply
    reply = server.raw(b"GET /bai-viet/bai-nhap/ HTTP/1.0\r\n\r\n")  # no Host at all
    assert reply.startswith(b"HTTP/1.1 421 ")
    for path in ("/livereload.js", "/livereload", "/robots.txt", "/khong-co/"):
        assert raw_status(server, "Host: evil.example\r\n", path).startswith(b"HTTP/1.1 421 "), path


def test_requests_from_other_sites_pages_are_refused(site: Path, served):
    server = served()
    server.page_when("/", 200, "Bài một")
    own = f"Host: 127.0.0.1:{server.port}\r\n"
    assert raw_status(server, own + f"Origin: http://127.0.0.1:{server.port}\r\n") == b"HTTP/1.1 200 OK"
    assert raw_status(server, own + f"Origin: http://localhost:{server.port}\r\n") == b"HTTP/1.1 200 OK"
    for origin in ("https://evil.example", "null", f"http://127.0.0.1:{server.port + 1}",
                   f"https://127.0.0.1:{server.port}", f"http://evil.example:{server.port}"):
        assert raw_status(server, own + f"Origin: {origin}\r\n").startswith(b"HTTP/1.1 403 "), origin


def test_the_live_reload_websocket_checks_its_origin(site: Path, served):
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.ioloop import IOLoop
    from tornado.websocket import websocket_connect

    server = served()
    server.page_when("/", 200, "Bài một")
    url = f"ws://127.0.0.1:{server.port}/livereload"

    async def connect(origin: str):
        request = HTTPRequest(url, headers={"Origin": origin}, connect_timeout=WAIT, request_timeout=WAIT)
        try:
            ws = await websocket_connect(request)
        except HTTPClientError as exc:
            return exc.code
        ws.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        answer = json.loads(await ws.read_message())["command"]
        ws.close()
        return answer

    assert IOLoop.current().run_sync(lambda: connect(f"http://127.0.0.1:{server.port}"), timeout=WAIT) == "hello"
    assert IOLoop.current().run_sync(lambda: connect("https://evil.example"), timeout=WAIT) == 403


def test_the_check_covers_handlers_added_later(site: Path):
    """The check sits in the application, before any handler is chosen: an endpoint added later
    (a CMS back end, say) is covered without doing anything."""
    import asyncio

    from tornado import web
    from tornado.httpclient import AsyncHTTPClient, HTTPClientError

    from generator.server import PreviewServer

    class Save(web.RequestHandler):
        def post(self):
            self.write("đã lưu")

    preview = PreviewServer(site, port=0)
    preview.listen()

    async def main():
        from tornado.httpserver import HTTPServer

        app = preview.application()
        app.add_handlers(r".*", [(r"/api/luu", Save)])
        http = HTTPServer(app)
        http.add_sockets(preview.sockets)
        client = AsyncHTTPClient()
        url = f"http://127.0.0.1:{preview.port}/api/luu"
        codes = []
        for headers in ({}, {"Host": "evil.example"}, {"Origin": "https://evil.example"}):
            try:
                response = await client.fetch(url, method="POST", body="x", headers=headers)
                codes.append((response.code, response.body.decode()))
            except HTTPClientError as exc:
                codes.append((exc.code, None))
        http.stop()
        return codes

    try:
        assert asyncio.run(main()) == [(200, "đã lưu"), (421, None), (403, None)]
    finally:
        for sock in preview.sockets:
            sock.close()


def test_the_error_page_is_not_in_monospace():
    """Common monospace fonts (DejaVu Sans Mono, Liberation Mono) lack letters such as ấ ễ ắ: the
    browser stacks separate marks that drift off their letter (seen in Chromium screenshots)."""
    from generator.errors import ContentError
    from generator.previewhttp import error_page
    page = error_page([ContentError("không tìm thấy ảnh “/images/hội-nghị.jpg”", "content/articles/đắk-lắk.md", 9)])
    text = page.decode("utf-8")
    assert "<li>content/articles/đắk-lắk.md:9: không tìm thấy ảnh “/images/hội-nghị.jpg”</li>" in text
    assert "<code" not in text and "<pre" not in text and "monospace" not in text


def test_a_file_removed_between_finding_and_reading_it_is_not_found(site: Path, monkeypatch, caplog):
    """A rebuild publishing (a rename of the preview folder) can remove a file after the handler found
    it and before it reads it. Was: an uncaught FileNotFoundError, Tornado's traceback in the editor's
    terminal and a bare 500; now a 404, as if asked a moment later."""
    import asyncio

    from tornado.httpclient import AsyncHTTPClient, HTTPClientError
    from tornado.httpserver import HTTPServer

    import generator.previewhttp as previewhttp
    import generator.server as server_module

    preview = server_module.PreviewServer(site, port=0)
    preview.listen()
    preview.ready = True
    (preview.preview_real / "images").mkdir(parents=True)
    gone = preview.preview_real / "images" / "anh.png"
    monkeypatch.setattr(previewhttp, "resolve_request", lambda folder, raw: (gone, None))

    async def main():
        http = HTTPServer(preview.application())
        http.add_sockets(preview.sockets)
        answers = []
        for path in ("/images/anh.png", "/bai-viet/"):
            try:
                response = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{preview.port}{path}")
                answers.append(response.code)
            except HTTPClientError as exc:
                answers.append((exc.code, "Không tìm thấy trang" in exc.response.body.decode()))
        http.stop()
        return answers

    try:
        assert asyncio.run(main()) == [(404, True), (404, True)]
    finally:
        for sock in preview.sockets:
            sock.close()
    assert not [record for record in caplog.records if record.exc_info]  # Tornado's "Uncaught exception"


def serve_with_or_without_cms(site: Path, served, cms: bool):
    """The preview server of the site, with the web editor's backend (`--cms`) or without."""
    if cms:
        with (site / "site.toml").open("a", encoding="utf-8") as toml:
            toml.write('[cms]\nbackend = "git-gateway"\n')
    return served(*(["--cms"] if cms else []))


def test_the_editors_pages_answer_head_as_get_and_refuse_other_methods_in_vietnamese(site: Path, served):
    # Was: 405 for HEAD on /admin/, /admin/config.yml and the scripts (GET answered 200), and
    # Tornado's English HTML page for any method but GET on /admin.
    server = serve_with_or_without_cms(site, served, True)
    server.page_when("/", 200, "Bài một")
    port = server.port
    request = f"{{}} {{}} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    for path in ("/admin/", "/admin/index.html", "/admin/config.yml", "/admin", "/admin/khong-co.js"):
        get, body = _head_and_body(server.raw(request.format("GET", path).encode()))
        head, nothing = _head_and_body(server.raw(request.format("HEAD", path).encode()))
        assert head["status"] == get["status"] and nothing == b"", path
        assert head.get("content-type") == get.get("content-type") and head.get("location") == get.get("location"), path
        assert head.get("content-length") == get.get("content-length") == str(len(body)), path
    assert get["status"] == "HTTP/1.1 404 Not Found"
    assert _head_and_body(server.raw(request.format("GET", "/admin").encode()))[0]["location"] == "/admin/"
    for method in ("DELETE", "OPTIONS", "PUT"):
        head, body = _head_and_body(server.raw(request.format(method, "/admin").encode()))
        assert head["status"] == "HTTP/1.1 405 Method Not Allowed", method
        assert head["content-type"] == "application/json; charset=utf-8"
        assert json.loads(body) == {"error": "yêu cầu không hợp lệ"}


@pytest.mark.parametrize("cms", [False, True])
def test_request_lines_and_heads_past_64_kb_are_answered_in_vietnamese(site: Path, served, cms):
    """Was: the connection closed without an answer (the browser: "connection reset") for a request
    line past 64 KB, a link with a huge query say, or a head grown by cookies."""
    server = serve_with_or_without_cms(site, served, cms)
    server.page_when("/", 200, "Bài một")
    host = f"Host: 127.0.0.1:{server.port}\r\nConnection: close\r\n"
    for size in (70_000, 1_000_000):
        head, body = _head_and_body(server.raw(f"GET /?q={'a' * size} HTTP/1.1\r\n{host}\r\n".encode()))
        assert head["status"] == "HTTP/1.1 414 Request-URI Too Long", size
        assert head["content-type"] == "text/html; charset=utf-8"
        assert "<h1>Địa chỉ quá dài</h1>" in body.decode("utf-8")
    cookies = "".join(f"Cookie: c{i}={'b' * 4000}\r\n" for i in range(20))
    head, body = _head_and_body(server.raw(f"GET / HTTP/1.1\r\n{host}{cookies}\r\n".encode()))
    assert head["status"] == "HTTP/1.1 431 Request Header Fields Too Large"
    assert "<h1>Phần đầu yêu cầu quá lớn</h1>" in body.decode("utf-8")
    reply = server.raw(f"GET /{'a' * 60_000} HTTP/1.1\r\n{host}\r\n".encode())  # under the limit: the usual 404
    assert reply.startswith(b"HTTP/1.1 404 ")
    assert server.get("/")[0] == 200 and server.proc.poll() is None
    assert not any("Traceback" in line for line in server.err), server.err


@pytest.mark.parametrize("cms", [False, True])
def test_a_head_past_4_mb_is_answered_431_too(site: Path, served, cms):
    """Tornado reads a head up to 4 MB; past that it closed the connection without an answer (the
    client: "connection reset by peer"). The answer is now written, and what the client still
    sends is read and dropped for a while, so that it gets the answer whole."""
    server = serve_with_or_without_cms(site, served, cms)
    server.page_when("/", 200, "Bài một")
    host = f"Host: 127.0.0.1:{server.port}\r\nConnection: close\r\n"
    for count in (1100, 3000):  # 4.4 MB, 12 MB
        cookies = "".join(f"Cookie: c{i}={'b' * 4000}\r\n" for i in range(count))
        head, body = _head_and_body(server.raw(f"GET / HTTP/1.1\r\n{host}{cookies}\r\n".encode()))
        assert head["status"] == "HTTP/1.1 431 Request Header Fields Too Large", count
        assert head["content-type"] == "text/html; charset=utf-8" and head["cache-control"] == "no-store"
        assert "<h1>Phần đầu yêu cầu quá lớn</h1>" in body.decode("utf-8")
        assert int(head["content-length"]) == len(body)
    assert server.get("/")[0] == 200 and server.proc.poll() is None
    assert not any("Traceback" in line for line in server.err), server.err


class _Loop:
    """Stands for the Tornado loop: runs what the rebuild thread hands it at once."""

    def add_callback(self, func, *args):
        func(*args)


def test_a_build_that_read_a_file_while_it_was_saved_is_retried_once(site: Path):
    """Was: the build that read an article half written by the editor's save showed its error
    until the next save. Only such a collision is retried: a real error is shown at once."""
    from generator.errors import BuildFailed, ContentError
    from generator.server import PreviewServer

    article = site / "content" / "articles" / "bai-mot.md"
    calls = []

    def saved_during_the_first_build(changed):
        calls.append(changed)
        if len(calls) == 1:
            article.write_text(article.read_text(encoding="utf-8"), encoding="utf-8")  # the save lands now
            raise BuildFailed([ContentError("thiếu phần đầu bài", "content/articles/bai-mot.md", 1)])

    def really_broken(changed):
        calls.append(changed)
        raise BuildFailed([ContentError("thiếu phần đầu bài", "content/articles/bai-mot.md", 1)])

    os.utime(article, ns=(1_000_000_000, 1_000_000_000))  # saved long ago
    out = io.StringIO()
    for rebuild, builds, errors in ((saved_during_the_first_build, 2, []),
                                    (really_broken, 1, ["content/articles/bai-mot.md:1: thiếu phần đầu bài"])):
        calls.clear()
        os.utime(article, ns=(1_000_000_000, 1_000_000_000))
        server = PreviewServer(site, port=0, rebuild=rebuild, stdout=out, stderr=out)
        server.application()
        server._loop = _Loop()
        server._build(rebuild, {article})
        assert len(calls) == builds
        assert [str(e) for e in server.errors] == errors
    # A file dated in the future (a skewed clock) is no save during the build.
    calls.clear()
    future = time.time_ns() + 3600 * 10**9
    os.utime(article, ns=(future, future))
    server._build(really_broken, {article})
    assert len(calls) == 1


@pytest.mark.parametrize("setting", ['themes_dir = "../.."', 'content_dir = ".."', 'data_dir = "."',
                                     'templates_dir = "/"'])
def test_a_folder_holding_the_project_is_not_watched(site: Path, setting: str):
    """Was: themes_dir = "../.." saved by mistake made the preview walk and watch every folder
    above the project (minutes for a home folder) before it could see the fix."""
    from generator.server import PreviewServer

    toml = site / "site.toml"
    toml.write_text(setting + "\n" + toml.read_text(encoding="utf-8"), encoding="utf-8")
    dirs, files = PreviewServer(site, port=0).watched()
    root = site.resolve()
    assert dirs and all(d.is_relative_to(root) and d != root for d in dirs), dirs
    assert files == [root / "site.toml"]


# --- the web editor's API: bodies past its limit, chunked, slow ----------------------------------

def _api_head(port: int, extra: str) -> bytes:
    return (f"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\n{extra}\r\n").encode()


def _send_and_read(port: int, head: bytes, body_parts, read_first: bool = False) -> bytes:
    """head, then the body's parts as fast as the server takes them, then the answer whole (or, with
    read_first, the answer before any of the body, as curl does after "Expect: 100-continue")."""
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as sock:
        sock.sendall(head)
        if not read_first:
            for part in body_parts:
                sock.sendall(part)
        return _read_all(sock)


def _read_all(sock: socket.socket) -> bytes:
    """What the server sends until it closes (or resets, or goes quiet for WAIT seconds)."""
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def _json_answer(reply: bytes) -> tuple[str, dict]:
    head, body = _head_and_body(reply)
    assert head.get("content-type") == "application/json; charset=utf-8", head
    return head["status"], json.loads(body.decode("utf-8"))


def test_a_post_past_the_editors_limit_is_answered_413_in_vietnamese(site: Path, served):
    """Past 100 MB (Tornado's limit) the connection was closed with a bare "400 Bad Request" and no
    word: the editor's browser said the server had stopped. Between the editor's limit (44 MB) and
    100 MB, and for a chunked body, the whole body was first kept in memory. Now the answer is 413 in
    Vietnamese, at once when the head gives the size, and the body is dropped as it comes."""
    from generator.cms.local import too_large
    server = serve_with_or_without_cms(site, served, True)
    server.page_when("/", 200, "Bài một")
    port = server.port
    mib = 1024 * 1024
    part = b"x" * (4 * mib)
    for size in (150 * mib, 60 * mib):  # the browser sends it all, then reads the answer
        reply = _send_and_read(port, _api_head(port, f"Content-Length: {size}\r\n"), [part] * (size // len(part)))
        status, answer = _json_answer(reply)
        assert status == "HTTP/1.1 413 Request Entity Too Large", size
        assert answer == {"error": too_large(size)}
    assert too_large(150 * mib) == (
        "yêu cầu quá lớn (150 MB; tối đa 44 MB mỗi lần lưu): chưa có gì được lưu. Mỗi lần lưu gửi bài cùng mọi "
        "ảnh mới chèn vào bài: hãy bớt ảnh mới (hoặc thu nhỏ ảnh), lưu bài, rồi chèn tiếp các ảnh còn lại")
    # a size no one sends (or a lie): answered before any of the body
    reply = _send_and_read(port, _api_head(port, "Content-Length: 1000000000000\r\nExpect: 100-continue\r\n"), [],
                           read_first=True)
    assert _json_answer(reply) == ("HTTP/1.1 413 Request Entity Too Large", {"error": too_large(10 ** 12)})
    # chunked: no size in the head; 60 MB and 120 MB (past Tornado's own limit)
    for count in (15, 30):
        chunks = [b"%x\r\n" % len(part) + part + b"\r\n"] * count + [b"0\r\n\r\n"]
        reply = _send_and_read(port, _api_head(port, "Transfer-Encoding: chunked\r\nConnection: close\r\n"), chunks)
        assert _json_answer(reply) == ("HTTP/1.1 413 Request Entity Too Large", {"error": too_large(None)}), count
    assert too_large(None).startswith("yêu cầu quá lớn (hơn 44 MB; tối đa 44 MB mỗi lần lưu): chưa có gì được lưu.")
    # another site's page is refused as before, whatever its size (was: a bare 400 past 100 MB)
    foreign = _api_head(port, f"Content-Length: {200 * mib}\r\n").replace(b"Origin: http://127.0.0.1",
                                                                          b"Origin: http://evil.example")
    head, body = _head_and_body(_send_and_read(port, foreign, [part] * 50))
    assert head["status"] == "HTTP/1.1 403 Forbidden"
    assert body.decode("utf-8") == "Máy chủ xem trước không trả lời yêu cầu từ trang của nơi khác " \
                                   f"(http://evil.example:{port}).\n"
    # a request of usual size, chunked or not, still works
    info = json.dumps({"action": "info"}).encode()
    status, answer = _json_answer(_send_and_read(port, _api_head(port, f"Content-Length: {len(info)}\r\n"
                                                                     "Connection: close\r\n"), [info]))
    assert status == "HTTP/1.1 200 OK" and answer["type"] == "local_fs"
    chunked = [b"%x\r\n" % len(info) + info + b"\r\n", b"0\r\n\r\n"]
    status, answer = _json_answer(_send_and_read(port, _api_head(port, "Transfer-Encoding: chunked\r\n"
                                                                     "Connection: close\r\n"), chunked))
    assert status == "HTTP/1.1 200 OK" and answer["type"] == "local_fs"
    assert server.proc.poll() is None
    assert not any("Traceback" in line for line in server.err), server.err


@pytest.mark.parametrize("cms", [False, True])
def test_a_body_sent_where_none_is_taken_is_refused_at_once(site: Path, served, cms):
    """A POST where no handler takes one (the preview's pages, the live reload, the editor's page):
    Tornado kept up to 100 MB of the body in memory before the 405, and past 100 MB closed the
    connection with a bare "400 Bad Request". Now the answer comes in Vietnamese before the body is
    read, and the body is dropped as it comes."""
    server = serve_with_or_without_cms(site, served, cms)
    server.page_when("/", 200, "Bài một")
    port = server.port
    part = b"x" * (4 * 1024 * 1024)
    sent = [("/index.html", 37 * len(part), [part] * 37)]  # past Tornado's 100 MB; small ones elsewhere
    sent += [(path, 3, [b"abc"]) for path in ("/index.html", "/livereload", "/admin/")]
    for path, size, parts in sent:
        head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: {size}\r\n"
                "Connection: close\r\n\r\n").encode()
        head_of, body = _head_and_body(_send_and_read(port, head, parts))
        assert head_of["status"] == "HTTP/1.1 405 Method Not Allowed", (path, size)
        assert body.decode("utf-8") == ("405: máy chủ xem trước chỉ trả lời yêu cầu GET và HEAD (xem trang), "
                                        "không nhận yêu cầu POST.\n"), (path, size)
    chunked = (f"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nTransfer-Encoding: chunked\r\n"
               "Connection: close\r\n\r\n").encode()
    head_of, _ = _head_and_body(_send_and_read(port, chunked, [b"%x\r\n" % len(part) + part + b"\r\n"] * 30
                                               + [b"0\r\n\r\n"]))
    assert head_of["status"] == "HTTP/1.1 405 Method Not Allowed"
    assert server.get("/")[0] == 200 and server.proc.poll() is None
    assert not any("Traceback" in line for line in server.err), server.err


def test_a_body_that_stops_coming_is_answered_408(site: Path, monkeypatch):
    """A body shorter than its Content-Length (a lie, or a browser stopped midway) held the request
    open for ever, unanswered. Now, past BODY_IDLE_SECONDS without data, it is answered 408 in
    Vietnamese; a slow body that keeps coming is taken."""
    import asyncio

    import generator.cms.local as local
    import generator.server as server_module
    from generator.previewhttp import PreviewHTTPServer

    monkeypatch.setattr(local, "BODY_IDLE_SECONDS", 1.0)
    with (site / "site.toml").open("a", encoding="utf-8") as toml:  # the editor answers only while [cms] is on
        toml.write("[cms]\n")
    preview = server_module.PreviewServer(site, port=0, cms=True)
    preview.listen()
    preview.ready = True
    stop = threading.Event()
    started = threading.Event()

    async def main():
        http = PreviewHTTPServer(preview.application())
        http.add_sockets(preview.sockets)
        started.set()
        while not stop.is_set():
            await asyncio.sleep(0.05)
        http.stop()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    try:
        assert started.wait(WAIT)
        port = preview.port
        with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as sock:
            sock.sendall(_api_head(port, "Content-Length: 1000\r\n") + b'{"action": "info"')
            began = time.monotonic()
            status, answer = _json_answer(sock.recv(65536))
            assert time.monotonic() - began < WAIT / 2
        assert status == "HTTP/1.1 408 Request Timeout"
        assert answer == {"error": "máy chủ biên tập không nhận đủ yêu cầu: trình duyệt ngừng gửi giữa chừng (quá 1 "
                                   "giây không có dữ liệu). Chưa có gì được lưu; hãy bấm lưu lần nữa"}
        # a slow body that keeps coming is read to its end and answered
        body = json.dumps({"action": "info"}).encode()
        with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as sock:
            sock.sendall(_api_head(port, f"Content-Length: {len(body)}\r\nConnection: close\r\n"))
            for i in range(0, len(body), 4):
                sock.sendall(body[i:i + 4])
                time.sleep(0.3)
            status, answer = _json_answer(b"".join(iter(lambda: sock.recv(65536), b"")))
        assert status == "HTTP/1.1 200 OK" and answer["type"] == "local_fs"
    finally:
        stop.set()
        thread.join(WAIT)
        for sock in preview.sockets:
            sock.close()
