"""Writes that fail under `serve --cms`, `new` and `import`: a read-only content folder, a full disk.

Nothing is lost and nothing is left half-done: the editor gets the file and the reason in
Vietnamese. The disks are real (read-only bind mounts and small tmpfs, as in test_publish.py:
the tests run as root, for whom permission bits do not stop a write); skipped where mounting
is not allowed.
"""
from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bad.kit import PROJECT, cli, make_site
from test_publish import mounted, read_only
from generator.cms.backend import LocalBackend
from generator.cms.schema import folders
from generator.config import load_config

JPEG = (PROJECT / "content" / "images" / "hcm1.jpg").read_bytes()
ARTICLE = "---\ntitle: Bài mới\ndate: 2024-05-19T16:27:00+07:00\nimage: /images/anh-moi.jpg\n---\n\nNội dung.\n"


def backend(root: Path) -> LocalBackend:
    return LocalBackend(root, folders(load_config(root)))


def save(path: str, raw: str, photo: str | None = None) -> dict:
    assets = [{"path": photo, "content": base64.b64encode(JPEG).decode(), "encoding": "base64"}] if photo else []
    return {"action": "persistEntry", "params": {
        "branch": "main", "dataFiles": [{"slug": Path(path).stem, "path": path, "raw": raw}], "assets": assets,
        "options": {"commitMessage": "m", "useWorkflow": False, "status": "draft", "newEntry": True}}}


def dot_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_save_whose_photo_cannot_be_written_writes_nothing(tmp_path: Path):
    """The images folder read-only: the entry was saved, then the photo failed (500 'lỗi ghi tệp'),
    and the article named a photo that was not there: the preview stopped on it."""
    root = make_site(tmp_path / "site")
    with read_only(root / "content" / "images"):
        status, answer = backend(root).handle(save("content/articles/bai-moi.md", ARTICLE,
                                                   "content/images/anh-moi.jpg"))
    assert (status, answer) == (500, {"error": "không ghi được tệp “content/images/anh-moi.jpg”: ổ đĩa chỉ cho "
                                               "phép đọc; chưa tệp nào được lưu, các tệp đang có vẫn giữ nguyên"})
    assert not (root / "content/articles/bai-moi.md").exists()
    assert dot_files(root / "content/articles") == []


def test_a_save_in_a_read_only_articles_folder_names_the_file(tmp_path: Path):
    root = make_site(tmp_path / "site")
    before = sorted((root / "content/articles").iterdir())
    with read_only(root / "content" / "articles"):
        status, answer = backend(root).handle(save("content/articles/bai-moi.md", ARTICLE.replace(
            "image: /images/anh-moi.jpg\n", "")))
    assert (status, answer) == (500, {"error": "không ghi được tệp “content/articles/bai-moi.md”: ổ đĩa chỉ cho "
                                               "phép đọc; chưa tệp nào được lưu, các tệp đang có vẫn giữ nguyên"})
    assert sorted((root / "content/articles").iterdir()) == before


def test_a_deletion_on_a_read_only_disk_names_the_file(tmp_path: Path):
    root = make_site(tmp_path / "site")
    with read_only(root / "content" / "articles"):
        status, answer = backend(root).handle({"action": "deleteFile", "params": {
            "branch": "main", "path": "content/articles/dak-lak-mo-hinh.md"}})
    assert (status, answer) == (500, {"error": "không xóa được tệp “content/articles/dak-lak-mo-hinh.md”: ổ đĩa "
                                               "chỉ cho phép đọc; tệp vẫn còn"})
    assert (root / "content/articles/dak-lak-mo-hinh.md").is_file()


@contextmanager
def full_articles_folder(root: Path) -> Iterator[Path]:
    """The site's articles folder on a small tmpfs holding its articles, filled to its last block."""
    articles = root / "content" / "articles"
    kept = {p.name: p.read_bytes() for p in articles.iterdir()}
    shutil.rmtree(articles)
    articles.mkdir()
    with mounted("-t", "tmpfs", "-o", "size=64k", "tmpfs", target=articles):
        for name, data in kept.items():
            (articles / name).write_bytes(data)
        _fill(articles)
        yield articles


def test_a_save_onto_a_full_disk_keeps_the_article_and_leaves_no_temporary_file(tmp_path: Path):
    root = make_site(tmp_path / "site")
    with full_articles_folder(root) as articles:
        old = (articles / "dak-lak-mo-hinh.md").read_text(encoding="utf-8")
        status, answer = backend(root).handle({"action": "persistEntry", "params": {
            "branch": "main", "dataFiles": [{"slug": "dak-lak-mo-hinh", "path": "content/articles/dak-lak-mo-hinh.md",
                                             "raw": old.replace("\n\n", "\n\nThêm. " * 2000 + "\n\n", 1)}],
            "assets": [], "options": {"commitMessage": "m", "useWorkflow": False, "status": "draft"}}})
        assert (status, answer["error"]) == (500, "không ghi được tệp “content/articles/dak-lak-mo-hinh.md”: ổ đĩa "
                                                  "đã đầy; chưa tệp nào được lưu, các tệp đang có vẫn giữ nguyên")
        assert (articles / "dak-lak-mo-hinh.md").read_text(encoding="utf-8") == old
        assert dot_files(articles) == [".fill"]


def _fill(folder: Path) -> None:
    """The tmpfs at folder filled to its last block."""
    with open(folder / ".fill", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            return


def test_new_on_a_full_disk_leaves_no_empty_article(tmp_path: Path):
    """The file was made, its text failed to go in: an empty article was left, which stopped every
    build ('tệp rỗng') and made `new` again answer 'đã có tệp'."""
    root = make_site(tmp_path / "site")
    kept = sorted(p.name for p in (root / "content" / "articles").iterdir())
    with full_articles_folder(root) as articles:
        run = cli("new", "Bài mới đầy đĩa", "--root", str(root))
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert run.stderr.splitlines() == ["không ghi được tệp content/articles/bai-moi-day-dia.md: ổ đĩa đã đầy",
                                           "Chưa tạo bài viết nào."]
        assert sorted(p.name for p in articles.iterdir()) == sorted([".fill", *kept])


def test_new_and_import_into_a_read_only_articles_folder(tmp_path: Path):
    root = make_site(tmp_path / "site")
    page = tmp_path / "trang.html"
    page.write_text("<html><head><title>Nêu gương ở Lào Cai</title></head><body><article><h1>Nêu gương ở Lào Cai"
                    "</h1><p>Ngày 19/9/2016, Đảng bộ tỉnh Lào Cai tổ chức hội nghị học tập và làm theo tư tưởng, "
                    "đạo đức, phong cách Hồ Chí Minh với nhiều cán bộ tham dự.</p></article></body></html>",
                    encoding="utf-8")
    with read_only(root / "content" / "articles"):
        run = cli("new", "Bài mới", "--root", str(root))
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert run.stderr.splitlines() == ["không ghi được tệp content/articles/bai-moi.md: ổ đĩa chỉ cho phép đọc",
                                           "Chưa tạo bài viết nào."]
        run = cli("import", str(page), "--root", str(root))
        assert run.returncode == 1 and "Traceback" not in run.stderr + run.stdout, run.stderr
        assert "không ghi được tệp (ổ đĩa chỉ cho phép đọc); không ghi" in run.stdout + run.stderr


def test_new_and_import_do_not_write_through_an_articles_folder_leading_out(tmp_path: Path):
    """content/articles a link to a folder outside the project: the build refuses it, but `new`
    and `import` wrote through it and said so; the article was never built."""
    root = make_site(tmp_path / "site")
    outside = tmp_path / "ngoai"
    (root / "content" / "articles").rename(outside)
    (root / "content" / "articles").symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    said = f"content/articles:1: liên kết tượng trưng trỏ ra ngoài dự án (tới {outside}), không được dùng; hãy chép tệp vào dự án"
    run = cli("new", "Bài mới", "--root", str(root))
    assert (run.returncode, run.stderr.splitlines()) == (1, [said, "Chưa tạo bài viết nào."])
    page = next((PROJECT / "tests" / "fixtures" / "importer" / "seeds").glob("002_*.txt"))
    run = cli("import", str(page), "--root", str(root))
    assert (run.returncode, run.stderr.splitlines()) == (1, [said, "Chưa nhập bài nào."])
    assert sorted(p.name for p in outside.iterdir()) == before
    run = cli("import", str(page), "--root", str(root), "--out", str(tmp_path / "khac"))  # chosen: written
    assert run.returncode == 0 and len(list((tmp_path / "khac").iterdir())) == 1, run.stdout + run.stderr


def test_a_read_only_article_is_neither_saved_over_nor_deleted_by_the_web_editor(tmp_path: Path):
    """chmod a-w on an article (an archived one kept as it is): the save's final rename replaced it
    all the same, and deleteFile removed it."""
    root = make_site(tmp_path / "site")
    article = root / "content/articles/dak-lak-mo-hinh.md"
    old = article.read_bytes()
    article.chmod(0o444)
    status, answer = backend(root).handle({"action": "persistEntry", "params": {
        "branch": "main", "dataFiles": [{"slug": "dak-lak-mo-hinh", "path": "content/articles/dak-lak-mo-hinh.md",
                                         "raw": old.decode().replace("\n\n", "\n\nĐã sửa.\n\n", 1)}],
        "assets": [], "options": {"commitMessage": "m", "useWorkflow": False, "status": "draft"}}})
    assert (status, answer) == (409, {"error": "không lưu bài “content/articles/dak-lak-mo-hinh.md”: tệp đang được "
                                               "đặt chỉ đọc (read-only), có lẽ để giữ bài như hiện nay; muốn lưu, hãy "
                                               "bỏ thuộc tính chỉ đọc của tệp trước"})
    status, answer = backend(root).handle({"action": "deleteFile", "params": {
        "branch": "main", "path": "content/articles/dak-lak-mo-hinh.md"}})
    assert (status, answer) == (409, {"error": "không xóa tệp “content/articles/dak-lak-mo-hinh.md”: tệp đang được "
                                               "đặt chỉ đọc (read-only), có lẽ để giữ bài như hiện nay; muốn xóa, hãy "
                                               "bỏ thuộc tính chỉ đọc của tệp trước"})
    assert article.read_bytes() == old
    article.chmod(0o644)
    assert backend(root).handle({"action": "deleteFile", "params": {
        "branch": "main", "path": "content/articles/dak-lak-mo-hinh.md"}})[0] == 200


def _entry_with_photos(root: Path, shown: bool = True) -> list[str]:
    """An article and two photos of its own (as the web editor deletes it: the article and its photos);
    shown: the article shows them (else they are only deleted with it)."""
    images = root / "content" / "images"
    (images / "anh-rieng-1.jpg").write_bytes(JPEG)
    (images / "anh-rieng-2.jpg").write_bytes(JPEG)
    photos = "image: /images/anh-rieng-1.jpg\n" if shown else ""
    (root / "content/articles/bai-co-anh.md").write_text(
        f"---\ntitle: Bài có ảnh\ndate: 2024-05-19T16:27:00+07:00\n{photos}---\n\n"
        + ("Nội dung.\n\n![Ảnh hai](/images/anh-rieng-2.jpg)\n" if shown else "Nội dung.\n"), encoding="utf-8")
    return ["content/articles/bai-co-anh.md", "content/images/anh-rieng-1.jpg", "content/images/anh-rieng-2.jpg"]


def test_an_entry_deleted_with_its_photos_goes_whole(tmp_path: Path):
    """deleteFiles of an article and the photos only it shows was refused (409 'ảnh … đang được dùng
    trong' the very article being deleted): photos used by files deleted in the same request do not count."""
    root = make_site(tmp_path / "site")
    paths = _entry_with_photos(root)
    assert backend(root).handle({"action": "deleteFiles", "params": {"branch": "main", "paths": paths}}) == \
        (200, {"message": f"deleted files {', '.join(paths)}"})
    assert not any((root / p).exists() for p in paths)
    assert dot_files(root / "content/articles") == [] and dot_files(root / "content/images") == []


@pytest.mark.parametrize("shown", [False, True])
def test_an_entry_whose_photos_cannot_be_deleted_is_not_half_deleted(tmp_path: Path, shown: bool):
    """deleteFiles of an article and its photos, the images folder read-only: the article was deleted,
    then the photo failed (500 naming the photo only), the article gone without a word."""
    root = make_site(tmp_path / "site")
    paths = _entry_with_photos(root, shown)
    before = {p: (root / p).read_bytes() for p in paths}
    with read_only(root / "content" / "images"):
        status, answer = backend(root).handle({"action": "deleteFiles", "params": {"branch": "main", "paths": paths}})
    assert (status, answer) == (500, {"error": "không xóa được tệp “content/images/anh-rieng-1.jpg”: ổ đĩa chỉ cho "
                                               "phép đọc; chưa tệp nào bị xóa, các tệp vẫn còn nguyên"})
    assert {p: (root / p).read_bytes() for p in paths} == before
    assert dot_files(root / "content/articles") == [] and dot_files(root / "content/images") == []


def test_a_file_that_fails_to_go_after_being_set_aside_is_put_back_and_named(tmp_path: Path, monkeypatch):
    """The second step (the hidden copies unlinked) failing for one file (an I/O error): that file is
    given its name back, and the editor told which files are gone and which one stays."""
    root = make_site(tmp_path / "site")
    paths = _entry_with_photos(root, shown=False)
    unlink = Path.unlink

    def failing(self: Path, missing_ok: bool = False) -> None:
        if ".anh-rieng-2.jpg.dang-xoa-" in self.name:
            raise OSError(5, "Input/output error")
        unlink(self, missing_ok)
    monkeypatch.setattr(Path, "unlink", failing)
    status, answer = backend(root).handle({"action": "deleteFiles", "params": {"branch": "main", "paths": paths}})
    assert (status, answer) == (500, {"error": "không xóa được tệp “content/images/anh-rieng-2.jpg”: lỗi đọc ghi của ổ đĩa; "
                                               "tệp vẫn còn; đã xóa: content/articles/bai-co-anh.md, "
                                               "content/images/anh-rieng-1.jpg"})
    assert [p for p in paths if (root / p).exists()] == ["content/images/anh-rieng-2.jpg"]
    assert dot_files(root / "content/images") == []


def test_a_file_with_a_name_of_255_bytes_is_deleted(tmp_path: Path):
    """The longest name a folder holds: the hidden name it is set aside under keeps within 255 bytes."""
    root = make_site(tmp_path / "site")
    stem = "bài-" * 42  # NFC: "à" is 2 bytes, 210 bytes
    name = stem + "y" * (255 - 4 - len(stem.encode("utf-8"))) + ".jpg"
    assert len(name.encode("utf-8")) == 255
    (root / "content/images" / name).write_bytes(JPEG)
    status, _ = backend(root).handle({"action": "deleteFile", "params": {"path": f"content/images/{name}"}})
    assert status == 200 and not (root / "content/images" / name).exists()
    assert dot_files(root / "content/images") == []
