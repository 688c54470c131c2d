"""Hostile and careless inputs, round 14: line breaks in one-line fields, Range requests to the
preview server, the web editor's admin/ path while [cms] is off."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from bad.kit import errors_of, make_site
from generator.byteranges import UNSATISFIABLE, byte_range, etag
from generator.fields import list_item
from generator.frontmatter import one_line

# Every line break Unicode and YAML know that is not "\n" itself: NEL, LS, PS, VT, FF, CR.
BREAKS = ("\u0085", "\u2028", "\u2029", "\x0b", "\x0c", "\r")

SEPARATED = '''---
title: "Dòng một\\u2028dòng hai\\u0085ba\\nbốn\\Pnăm"
date: 2021-05-20
province: "Hà\\u2029Nội"
tags: ["nêu\\u2028gương", "học\\vtập"]
author: "Nguyễn\\LVăn B"
summary: "Tóm\\u2029tắt\\fmột\\r\\nhai"
image: {src: /images/anh.jpg, alt: "Ảnh\\u2028hội nghị", caption: "Chú\\u2028thích"}
source: {name: "Báo\\u2028Nhân Dân", url: "https://nhandan.vn/a"}
---

Nội dung.
'''

TITLE = "Dòng một dòng hai ba bốn năm"


@pytest.mark.parametrize("text, folded", [
    ("a\u2028b", "a b"), ("a \u2029 b", "a b"), ("a\u0085b", "a b"), ("a\n\n  b", "a b"),
    ("a\r\nb", "a b"), ("không đổi", "không đổi"), ("a\u00a0b", "a\u00a0b"),
])
def test_one_line_folds_every_line_break_and_its_spaces(text, folded):
    assert one_line(text) == folded


def test_list_items_are_one_line():
    assert list_item("nêu\u2028gương") == "nêu gương"
    assert list_item("a\x0bb\x0cc") == "a b c"  # VT and FF: spaces (visible)


@pytest.fixture(scope="module")
def separated_site(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("separated"), {"tach-dong.md": SEPARATED})
    assert errors_of(root) == []
    return root / "output"


def _texts(output: Path):
    for path in sorted(output.rglob("*")):
        if not path.is_file() or path.suffix in (".jpg", ".png", ".woff2", ".avif", ".webp"):
            continue
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":  # the search index's parts
            raw = gzip.decompress(raw)
        yield path.relative_to(output).as_posix(), raw.decode("utf-8", "replace")


def test_line_breaks_in_one_line_fields_reach_no_output(separated_site):
    """Was: U+2028, U+2029, U+0085 of a title, summary, author, caption or tag in <title>, the cards
    of every list, feed.xml, JSON-LD and the search index (a line broken in the middle of a title)."""
    found = []
    for name, text in _texts(separated_site):
        for mark in ("\u0085", "\u2028", "\u2029", "\\u2028", "\\u2029", "\\u0085"):
            if mark in text:
                found.append((name, mark))
    assert found == []


def test_each_output_carries_the_folded_fields(separated_site):
    page = (separated_site / "bai-viet" / "tach-dong" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{TITLE} – Học tập và làm theo Bác</title>" in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["headline"] == TITLE
    assert ld["author"]["name"] == "Nguyễn Văn B"
    assert ld["description"] == "Tóm tắt một hai"
    assert ld["keywords"] == ["Hà Nội", "nêu gương", "học tập"]
    assert "Chú thích" in page and 'alt="Ảnh hội nghị"' in page and "Báo Nhân Dân" in page
    feed = (separated_site / "feed.xml").read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in feed
    index = "".join(text for name, text in _texts(separated_site) if name.startswith("tim-kiem/du-lieu/"))
    assert TITLE in index
    for mark in BREAKS:
        assert f"Dòng một{mark}" not in index


@pytest.mark.parametrize("mark", ["\u2028", "\u2029", "\u0085"])
def test_a_line_separator_in_a_data_file_is_reported_at_its_line(tmp_path, mark):
    """Was: a tag alias "gương\u2028mẫu" in content/data/tags.csv built, its name broken on every page."""
    root = make_site(tmp_path)
    data = root / "content" / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "tags.csv").write_text("name,description,aliases\nkể chuyện,Kể chuyện về Bác,\n"
                                   f"gương sáng,Gương người tốt,gương{mark}mẫu\n", encoding="utf-8")
    assert errors_of(root) == [
        f"content/data/tags.csv:3: cột “aliases” có ký tự xuống dòng U+{ord(mark):04X} (thường do chép từ Word "
        "hay trang web); mỗi ô là một dòng: hãy xóa ký tự đó hoặc thay bằng dấu cách"]
    assert not (root / "output").exists()


# Range requests to the preview server ------------------------------------------------------

@pytest.mark.parametrize("header, size, answer", [
    ("bytes=0-99", 1000, (0, 99)), ("bytes=500-", 1000, (500, 999)), ("bytes=-100", 1000, (900, 999)),
    ("bytes=-5000", 1000, (0, 999)), ("bytes=900-5000", 1000, (900, 999)), ("BYTES = 1 - 1", 1000, (1, 1)),
    ("bytes=999-999", 1000, (999, 999)), ("bytes=0-" + "9" * 5000, 1000, (0, 999)),
    ("bytes=1000-", 1000, UNSATISFIABLE), ("bytes=" + "9" * 5000 + "-", 1000, UNSATISFIABLE),
    ("bytes=-0", 1000, UNSATISFIABLE), ("bytes=0-", 0, UNSATISFIABLE), ("bytes=-1", 0, UNSATISFIABLE),
    (None, 1000, None), ("bytes=9-3", 1000, None), ("bytes=0-1,5-6", 1000, None), ("items=0-1", 1000, None),
    ("bytes=-", 1000, None), ("bytes=a-b", 1000, None), ("bytes=-1-2", 1000, None), ("bytes=0x10-", 1000, None),
], ids=lambda value: str(value)[:24])
def test_byte_range_reads_one_range_and_refuses_only_past_the_end(header, size, answer):
    assert byte_range(header, size) == answer


PAGE = "<!doctype html><p>Trang chủ</p>"


@pytest.fixture
def preview(tmp_path):
    """A preview server in this process, its folder holding a 1,000-byte "video" and a page."""
    import generator.server as server_module

    root = make_site(tmp_path / "site")
    server = server_module.PreviewServer(root, port=0)
    server.listen()
    server.ready = True
    (server.preview_real / "files").mkdir(parents=True)
    (server.preview_real / "files" / "phim.mp4").write_bytes(bytes(range(250)) * 4)
    (server.preview_real / "index.html").write_text(PAGE, encoding="utf-8")
    yield server
    for sock in server.sockets:
        sock.close()


def _fetch_all(server, requests, follow=True):
    """(status, headers, body) for each (path, headers, method[, body]) asked of the server, in order."""
    import asyncio

    from tornado.httpclient import AsyncHTTPClient, HTTPClientError
    from tornado.httpserver import HTTPServer

    async def main():
        http = HTTPServer(server.application())
        http.add_sockets(server.sockets)
        answers = []
        for path, headers, method, *body in requests:
            try:
                response = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{server.port}{path}", method=method,
                                                         headers={"Host": f"127.0.0.1:{server.port}", **headers},
                                                         body=body[0] if body else None, follow_redirects=follow)
            except HTTPClientError as exc:
                response = exc.response
            answers.append((response.code, response.headers, response.body))
        http.stop()
        return answers

    return asyncio.run(main())


def test_the_preview_answers_a_range_with_its_bytes(preview):
    """Was: every Range ignored (200, the whole file): a phone's player could not seek in a video."""
    data = bytes(range(250)) * 4
    (whole, *parts) = _fetch_all(preview, [
        ("/files/phim.mp4", {}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=100-199"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=-10"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=990-"}, "HEAD"),
        ("/", {"Range": "bytes=0-14"}, "GET"),
    ])
    assert whole[0] == 200 and whole[2] == data and whole[1]["Accept-Ranges"] == "bytes"
    assert [(code, headers["Content-Range"], headers["Content-Length"], body) for code, headers, body in parts] == [
        (206, "bytes 100-199/1000", "100", data[100:200]),
        (206, "bytes 990-999/1000", "10", data[990:]),
        (206, "bytes 990-999/1000", "10", b""),
        (206, f"bytes 0-14/{len(PAGE.encode())}", "15", b"<!doctype html>"),
    ]
    assert parts[0][1]["Content-Type"] == "video/mp4" and parts[0][1]["Etag"] == whole[1]["Etag"]


def test_the_preview_refuses_a_range_past_the_end_and_never_reads_outside_the_file(preview):
    answers = _fetch_all(preview, [
        ("/files/phim.mp4", {"Range": "bytes=1000-"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=" + "9" * 5000 + "-"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=-0"}, "GET"),
    ])
    for code, headers, body in answers:
        assert (code, headers["Content-Range"]) == (416, "bytes */1000")
        assert body.decode("utf-8") == ("416: phần tệp được xin (tiêu đề Range) bắt đầu sau cuối tệp; "
                                        "tệp chỉ dài 1000 byte.\n")


def test_the_preview_answers_the_whole_file_for_ranges_it_does_not_take(preview):
    data = bytes(range(250)) * 4
    answers = _fetch_all(preview, [
        ("/files/phim.mp4", {"Range": "bytes=0-1,5-6"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=9-3"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-Range": '"another-version"'}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-Range": "Wed, 21 Oct 2015 07:28:00 GMT"}, "GET"),
        ("/khong-co.mp4", {"Range": "bytes=0-9"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-Range": etag(data)}, "GET"),
    ])
    assert [(code, body == data, "Content-Range" in headers) for code, headers, body in answers[:-1]] == [
        (200, True, False), (200, True, False), (200, True, False), (200, True, False), (404, False, False)]
    assert answers[0][1]["Etag"] == etag(data)  # the If-Range a resumed download sends
    assert (answers[-1][0], answers[-1][2]) == (206, data[:10])


# The web editor's admin/ while site.toml has no [cms] ----------------------------------------

@pytest.mark.parametrize("articles", [
    {"cu.md": "---\ntitle: Bài cũ\ndate: 2021-01-01\naliases: [/admin/]\n---\n\nx\n"},
    {"cu.md": "---\ntitle: Bài cũ\ndate: 2021-01-01\naliases: [/Admin/index.html]\n---\n\nx\n"},
])
def test_an_alias_in_admin_is_refused_with_the_editor_off(tmp_path, articles):
    """Was: with no [cms], the alias "/admin/" published a page at /admin/ (where a visitor looks for
    the editor's login; turning the editor on later found its folder taken)."""
    root = make_site(tmp_path, articles)
    (alias,) = re.findall(r"aliases: \[(.*)\]", articles["cu.md"])
    assert errors_of(root) == [
        f"content/articles/cu.md:4: địa chỉ cũ “{alias}” nằm trong đường dẫn dành riêng của cổng (admin, assets, "
        "bai-viet, chu-de, don-vi-2025, files, images, nam, tim-kiem, tinh, trang, van-ban); hãy bỏ nó khỏi “aliases”"]
    assert not (root / "output").exists()


def test_a_page_named_admin_is_refused_with_the_editor_off(tmp_path):
    root = make_site(tmp_path)
    (root / "content" / "pages" / "admin.md").write_text("---\ntitle: Quản trị\n---\n\nx\n", encoding="utf-8")
    assert errors_of(root) == [
        "content/pages/admin.md:1: đường dẫn “admin” trùng với đường dẫn dành riêng của cổng (admin, assets, "
        "bai-viet, chu-de, don-vi-2025, files, images, nam, tim-kiem, tinh, trang, van-ban); hãy đặt “slug” khác"]


@pytest.mark.parametrize("cms", ["", "[cms]\n"])
@pytest.mark.parametrize("key, pattern", [("tags", "admin/"), ("tag", "Admin/{slug}/"), ("provinces", "assets/"),
                                          ("page", "files/{slug}/")])
def test_urls_in_the_builds_own_folders_are_refused(tmp_path, cms, key, pattern):
    """Was: [urls] tags = "admin/" wrote the tags' pages into admin/ while the editor was off."""
    root = make_site(tmp_path, toml=f'title = "Học tập và làm theo Bác"\nbase_url = "https://example.org/"\n'
                                    f'[urls]\n{key} = "{pattern}"\n{cms}')
    head = pattern.split("/")[0]
    default = {"tags": "chu-de/", "tag": "chu-de/{slug}/", "provinces": "tinh/", "page": "{slug}/"}[key]
    assert errors_of(root) == [
        f"site.toml:4: [urls] “{key}” bắt đầu bằng “{head}/”, thư mục cổng tự ghi (assets, images, files, admin: "
        f"giao diện, ảnh, tệp đính kèm, giao diện biên tập); hãy đặt đường dẫn khác, ví dụ “{default}”"]


def test_serve_cms_stops_answering_admin_once_cms_is_removed(tmp_path):
    """Was: `serve --cms` kept serving the editor and writing articles after [cms] was taken out of
    site.toml (or set enabled = false) while it ran."""
    import generator.server as server_module
    from generator.cms.local import API_PATH

    toml = 'title = "Học tập và làm theo Bác"\nbase_url = "https://example.org/"\n'
    root = make_site(tmp_path / "site", toml=toml + "[cms]\n")
    server = server_module.PreviewServer(root, port=0, cms=True)
    server.listen()
    server.ready = True
    entry = {"slug": "moi", "path": "content/articles/moi.md", "raw": "---\ntitle: Mới\ndate: 2024-01-01\n---\n\nx\n"}
    save = json.dumps({"action": "persistEntry", "params": {
        "branch": "main", "dataFiles": [entry], "assets": [],
        "options": {"commitMessage": "m", "useWorkflow": False, "status": "draft"}}})
    requests = [("/admin/", {}, "GET"), ("/admin", {}, "GET"), ("/admin/config.yml", {}, "GET"),
                ("/admin/decap-cms.js", {}, "GET")]
    try:
        on = _fetch_all(server, requests)
        assert [code for code, _, _ in on] == [200, 200, 200, 200]  # /admin followed to /admin/
        for off in (toml, toml + "[cms]\nenabled = false\n"):
            (root / "site.toml").write_text(off, encoding="utf-8")
            server.listen()
            answers = _fetch_all(server, [*requests, (API_PATH, {"Content-Type": "application/json"}, "POST", save)])
            text = ("site.toml không còn bật giao diện biên tập (không có “[cms]”, hoặc “enabled = false”): không xem, "
                    "sửa hay lưu được bài từ đây; hãy bật lại [cms] trong site.toml rồi tải lại trang")
            opened, configured = (f"Không mở được giao diện biên tập:\n{text}\n",
                                  f"Không tạo được cấu hình giao diện biên tập:\n{text}\n")
            assert [(code, body.decode("utf-8")) for code, _, body in answers[:4]] == [
                (404, opened), (404, opened), (404, configured), (404, opened)]
            assert (answers[4][0], json.loads(answers[4][2])) == (404, {"error": text})
            assert not (root / "content" / "articles" / "moi.md").exists()
    finally:
        for sock in server.sockets:
            sock.close()


@pytest.mark.parametrize("title", ["Một\u2028hai", "\"Một\u2029hai\"", "Một\u0085hai", "'Một \u2028 hai'"])
def test_a_raw_line_separator_in_the_front_matter_is_a_space(tmp_path, title):
    """Was: YAML took a pasted U+2028/U+2029/U+0085 for a line break: "title: Một<LS>hai" was refused
    ("hai" has no "key:") at the line of the next key, and errors past it pointed a line too far."""
    good = make_site(tmp_path / "good", {"tach.md": f"---\ntitle: {title}\ndate: 2021-01-01\n---\n\nx\n"})
    assert errors_of(good) == []
    page = (good / "output" / "bai-viet" / "tach" / "index.html").read_text(encoding="utf-8")
    assert "<title>Một hai – Học tập và làm theo Bác</title>" in page
    bad = make_site(tmp_path / "bad", {"tach.md": f"---\ntitle: {title}\ndate: 2021-01-01\ntags: [a\n---\n\nx\n"})
    assert errors_of(bad) == ["content/articles/tach.md:4: phần thông tin đầu bài không phải YAML hợp lệ: "
                              "danh sách […] chưa được đóng bằng “]” hoặc thiếu dấu phẩy giữa các mục"]


def test_the_previews_slash_redirect_keeps_the_query(preview):
    """Was: "/tim-kiem?q=Bác" sent to "/tim-kiem/", its search lost (Netlify keeps the query)."""
    (preview.preview_real / "tim-kiem").mkdir()
    (preview.preview_real / "tim-kiem" / "index.html").write_text(PAGE, encoding="utf-8")
    answers = _fetch_all(preview, [
        ("/tim-kiem?q=B%C3%A1c&tinh=ha-noi", {}, "GET"), ("/tim-kiem?q=Bác\"<>'", {}, "GET"), ("/tim-kiem", {}, "GET"),
    ], follow=False)
    assert [(code, headers.get("Location")) for code, headers, _ in answers] == [
        (302, "/tim-kiem/?q=B%C3%A1c&tinh=ha-noi"), (302, "/tim-kiem/?q=B%C3%A1c%22%3C%3E'"), (302, "/tim-kiem/")]


@pytest.mark.parametrize("value, code", [('"Học tập\\u2028và làm theo Bác"', "2028"), ('"Học tập\\u0085và"', "0085"),
                                         ('"""Học tập\nvà làm theo Bác"""', "000A"), ('"Học tập\u2029và"', "2029")])
def test_a_line_break_in_a_site_toml_text_is_reported_at_its_line(tmp_path, value, code):
    """Was: built, the title broken on <title> of every page, in the feeds and the web app's name."""
    toml = f'base_url = "https://example.org/"\ntitle = {value}\n[publisher]\naddress = "Số 1\\u2028Hà Nội"\n'
    root = make_site(tmp_path, toml=toml)
    said = ("giá trị này được in trên một dòng (tên trang, tiêu đề tin Atom, chân trang); hãy viết cả giá trị "
            "trên một dòng")
    last = toml.count("\n")
    assert errors_of(root) == [f"site.toml:2: “title” có ký tự xuống dòng U+{code}: {said}",
                               f"site.toml:{last}: [publisher] “address” có ký tự xuống dòng U+2028: {said}"]
    assert not (root / "output").exists()


def test_file_lines_end_at_newlines_only(tmp_path):
    """Was: splitlines() also ended a line at a U+2028 of a title, so the warnings that find a key
    again (lamtheobac check, scheduled articles) pointed a line too far."""
    from generator.frontmatter import file_lines, key_line

    path = tmp_path / "bai.md"
    path.write_text("---\ntitle: Một\u2028hai\u0085ba\x0cbốn\ndate: 2099-01-01\n---\n\nx\n", encoding="utf-8")
    assert key_line(file_lines(path), "date") == 3


# A worker killed in the middle of the build ----------------------------------------------------

def _killed_on_two(task, part):
    import os
    import signal
    if 2 in part:
        os.kill(os.getpid(), signal.SIGKILL)  # as the system does to a process filling the memory
    return sum(part)


_KILLED = """
import sys
from test_hostile_round14 import _killed_on_two
from generator.parallel import WorkerLost, fork_claims, fork_map
try:
    if sys.argv[1] == "imap":
        print(list(fork_map(_killed_on_two, [[0], [1], [2], [3]], None, 2)))
    else:
        print(fork_claims(_killed_on_two, list(range(8)), None, 2, 1))
except WorkerLost as exc:
    print(exc)
"""


@pytest.mark.parametrize("how", ["imap", "claims"])
def test_a_worker_killed_midway_ends_the_build_with_its_reason(tmp_path, how):
    """Was: a worker killed (out of memory: a template doubling a list) was replaced by the pool, its
    part never done, and the build waited for it for ever, saying nothing."""
    import os
    import subprocess
    import sys

    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(here.parent), str(here)])}
    script, said = tmp_path / "killed.py", tmp_path / "said.txt"
    script.write_text(_KILLED, encoding="utf-8")
    with said.open("w", encoding="utf-8") as out:  # a file: a pipe would wait for every process holding it
        try:
            subprocess.run([sys.executable, str(script), how], stdout=out, env=env, timeout=60, cwd=tmp_path)
        except subprocess.TimeoutExpired:
            pytest.fail("the work waited for ever for the killed worker's part")
    assert said.read_text(encoding="utf-8") == ("một tiến trình dựng trang bị dừng bởi tín hiệu 9 giữa chừng (tín hiệu 9 thường là do hệ "
                           "thống hết bộ nhớ: một mẫu trang hay một tệp quá lớn?); trang chưa được dựng xong, thư mục "
                           "kết quả cũ được giữ nguyên: hãy dựng lại\n")
