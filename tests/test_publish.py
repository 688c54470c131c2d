"""The published site is never lost: careless output folders, killed or failing publishes, full
disks, read-only folders, odd files in content/ (issue 17, items 2, 4–7, 10, 11, 13 and "Also").

Full disks and read-only folders are real: small tmpfs and read-only bind mounts (the tests run
as root here, for whom permission bits do not stop a write). Where mounting is not possible the
test is skipped, saying so.
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bad.kit import PROJECT, add, cli, errors_of, make_site, snapshot
from generator.build import Builder, build
from generator.write import MARKER

OWNED = ("thư mục đầu ra “{}” đã có nội dung nhưng không phải do lamtheobac dựng ra (không có tệp "
         ".lamtheobac-output); để không làm mất dữ liệu, lamtheobac không thay thế nó: hãy chọn thư mục khác "
         "(--output) hoặc tự xóa thư mục này")


@contextlib.contextmanager
def mounted(*args: str, target: Path):
    """A mount for the test's lifetime (skipped when this machine does not allow mounting)."""
    done = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@contextlib.contextmanager
def read_only(folder: Path):
    """folder made read-only for everyone, root included (a read-only bind mount of itself)."""
    with mounted("--bind", str(folder), target=folder):
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {done.stderr.strip()}")
        yield folder


# Item 4: --output never replaces a folder the build did not make ----------------------------

@pytest.mark.parametrize("name", [".git", "docs"])
def test_output_pointing_at_a_folder_of_other_files_is_refused(tmp_path: Path, name: str):
    root = make_site(tmp_path)
    folder = root / name
    (folder / "sub").mkdir(parents=True)
    (folder / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (folder / "sub" / "guide.md").write_text("Hướng dẫn\n", encoding="utf-8")
    before = snapshot(folder)
    assert errors_of(root, output=name) == ["--output: " + OWNED.format(name)]
    assert snapshot(folder) == before


def test_a_symlinked_output_folder_is_refused_and_its_target_kept(tmp_path: Path):
    root = make_site(tmp_path / "site")
    elsewhere = tmp_path / "quan-trong"
    elsewhere.mkdir()
    (elsewhere / "so-lieu.txt").write_text("dữ liệu\n", encoding="utf-8")
    (root / "output").symlink_to(elsewhere, target_is_directory=True)
    assert errors_of(root) == [f"site.toml: thư mục đầu ra “output” là một liên kết tượng trưng (tới {elsewhere}); "
                               "lamtheobac không thay thế thư mục qua liên kết, hãy chọn một thư mục thật"]
    assert snapshot(elsewhere) == {"so-lieu.txt": "dữ liệu\n".encode()}


def test_an_empty_folder_or_one_the_build_made_is_used(tmp_path: Path):
    root = make_site(tmp_path)
    (root / "trong").mkdir()
    build(root, output="trong")
    assert (root / "trong" / MARKER).is_file() and (root / "trong/index.html").is_file()
    add(root, "moi.md", "---\ntitle: Bài mới\ndate: 2021-06-07\n---\n\nMới.\n")
    build(root, output="trong")  # ours now: replaced
    assert (root / "trong/bai-viet/moi/index.html").is_file()


# Item 13: an output that is a file ------------------------------------------------------------

def test_output_that_is_a_regular_file_is_a_message_not_a_crash(tmp_path: Path):
    root = make_site(tmp_path)
    (root / "output").write_text("ghi chú\n", encoding="utf-8")
    run = cli("build", "--root", str(root))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0] == ("site.toml: “output” đã có và là một tệp, không phải thư mục; lamtheobac "
                                          "không ghi đè tệp này: hãy xóa hoặc đổi tên nó, hoặc chọn thư mục đầu ra "
                                          "khác (--output)")
    assert (root / "output").read_text(encoding="utf-8") == "ghi chú\n"


# Item 6: a publish a killed build left half done is recovered first ------------------------------

def test_killed_between_renames_then_a_content_error_still_leaves_the_site(tmp_path: Path):
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    (root / "output").rename(root / ".output.old")  # killed between the two renames
    (root / ".output.new").mkdir()
    (root / ".output.new" / "index.html").write_text("nửa chừng", encoding="utf-8")
    add(root, "hong.md", "---\ntitle: \"\"\n---\n")
    run = cli("build", "--root", str(root))
    assert run.returncode == 1
    assert run.stdout.splitlines()[0] == "output/: đã khôi phục trang đã xuất bản trước lần dựng bị ngắt"
    assert run.stderr.splitlines()[-1] == "Không dựng được trang: 2 lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên."
    assert snapshot(root / "output") == before


def test_killed_mid_journal_then_a_content_error_completes_the_new_site_first(tmp_path: Path):
    root = make_site(tmp_path)
    builder = Builder(root)
    builder.build()
    add(root, "moi.md", "---\ntitle: Bài mới\ndate: 2021-06-07\n---\n\nMới.\n")
    builder.build()
    complete = snapshot(root / "output")
    # The same edit again, stopped right after its journal was committed: half the moves done.
    (root / "content/articles/moi.md").unlink()
    builder.build()
    add(root, "moi.md", "---\ntitle: Bài mới\ndate: 2021-06-07\n---\n\nMới.\n")
    from generator import write
    real = write.apply_plan

    def killed(target, staging, aside, plan, done=None):
        half = {"moves": plan["moves"][: len(plan["moves"]) // 2], "deletes": []}
        real(target, staging, aside, half, done)
        raise KeyboardInterrupt  # as a kill would, after the journal was written
    write.apply_plan = killed
    try:
        with pytest.raises(KeyboardInterrupt):
            builder.build()
    finally:
        write.apply_plan = real
    assert (root / ".output.journal").exists()
    add(root, "hong.md", "---\ntitle: \"\"\n---\n")
    run = cli("build", "--root", str(root))
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == "Không dựng được trang: 2 lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên."
    assert snapshot(root / "output") == complete  # the committed publish was completed, not left mixed
    assert not (root / ".output.journal").exists()


# Item 5: a read-only folder in the site stops a patch before anything moves --------------------

def test_a_read_only_subfolder_stops_publishing_before_anything_moves(tmp_path: Path):
    root = make_site(tmp_path)
    builder = Builder(root)
    builder.build()
    before = snapshot(root / "output")
    article = root / "content/articles/ha-noi-neu-guong.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    with read_only(root / "output" / "bai-viet" / "ha-noi-neu-guong"):
        assert errors_of(root) == [
            "không ghi được vào thư mục “output/bai-viet/ha-noi-neu-guong” của trang đã xuất bản (không có quyền "
            "ghi); trang đã xuất bản được giữ nguyên như trước"]
        assert snapshot(root / "output") == before
    build(root)
    assert "Thêm một câu." in (root / "output/bai-viet/ha-noi-neu-guong/index.html").read_text(encoding="utf-8")


def test_a_patch_failing_half_way_is_rolled_back(tmp_path: Path, monkeypatch):
    root = make_site(tmp_path)
    builder = Builder(root)
    builder.build()
    before = snapshot(root / "output")
    add(root, "moi.md", "---\ntitle: Bài mới\ndate: 2021-06-07\nprovince: Hà Nội\n---\n\nMới.\n")
    calls = []
    real = os.replace

    def failing(src, dst, *a, **k):
        if "/output/" in str(dst):  # a file moved into the live site
            calls.append(dst)
            if len(calls) == 3:
                raise OSError(28, "No space left on device", str(dst))
        return real(src, dst, *a, **k)
    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(Exception) as caught:
        builder.build()
    monkeypatch.undo()
    assert "ổ đĩa đã đầy; trang đã xuất bản được giữ nguyên như trước" in str(caught.value)
    assert snapshot(root / "output") == before
    assert not (root / ".output.journal").exists() and not (root / ".output.aside").exists()


# Item 11: full disks, read-only folders, a lock that is a folder --------------------------------

def test_a_full_output_disk_is_a_message_and_the_site_stays(tmp_path: Path):
    root = make_site(tmp_path / "site")
    disk = tmp_path / "disk"
    disk.mkdir()
    with mounted("-t", "tmpfs", "-o", "size=256k", "tmpfs", target=disk):
        for n in range(40):  # more than fits
            add(root, f"dai-{n}.md", f"---\ntitle: Bài dài {n}\ndate: 2021-06-07\n---\n\n" + "Nội dung dài. " * 800)
        run = cli("build", "--root", str(root), "--output", str(disk / "site"))
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert "ổ đĩa đã đầy" in run.stderr
        assert run.stderr.splitlines()[-1].endswith("Chưa có trang nào được xuất bản ở " + str(disk / "site") + "/.")


def test_a_full_cache_disk_is_a_message_and_the_site_stays(tmp_path: Path):
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    cache = root / ".cache"
    import shutil
    shutil.rmtree(cache)
    cache.mkdir()
    with mounted("-t", "tmpfs", "-o", "size=64k", "tmpfs", target=cache):
        for n in range(30):
            add(root, f"dai-{n}.md", f"---\ntitle: Bài dài {n}\ndate: 2021-06-07\n---\n\n" + "Nội dung dài. " * 800)
        run = cli("build", "--root", str(root))
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert "ổ đĩa đã đầy" in run.stderr or "database or disk is full" in run.stderr
        assert snapshot(root / "output") == before


@pytest.mark.parametrize("folder", ["project", "output", "cache"])
def test_a_read_only_folder_is_a_message_and_the_site_stays(tmp_path: Path, folder: str):
    root = make_site(tmp_path / "site")
    build(root)
    before = snapshot(root / "output")
    add(root, "moi.md", "---\ntitle: Bài mới\ndate: 2021-06-07\n---\n\nMới.\n")
    target = {"project": root, "output": root / "output", "cache": root / ".cache"}[folder]
    with read_only(target):
        run = cli("build", "--root", str(root))
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert "ổ đĩa chỉ cho phép đọc" in run.stderr or "không có quyền ghi" in run.stderr, run.stderr
        assert run.stderr.splitlines()[-1] == "Không dựng được trang: 1 lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên."
        assert snapshot(root / "output") == before


def test_a_lock_path_that_is_a_folder_is_a_message(tmp_path: Path):
    root = make_site(tmp_path)
    (root / ".lamtheobac.lock").mkdir()
    assert errors_of(root) == [".lamtheobac.lock: “.lamtheobac.lock” là một thư mục; tệp khóa của lamtheobac phải "
                               "là một tệp: hãy xóa thư mục đó rồi chạy lại"]


# Items 2, 10, 13: odd things in content/ -------------------------------------------------------

@pytest.mark.parametrize("folder", ["content", "content/articles", "content/images"])
def test_content_folders_that_are_links_outside_the_project_are_refused(tmp_path: Path, folder: str):
    root = make_site(tmp_path / "site")
    build(root)
    before = snapshot(root / "output")
    outside = tmp_path / "ngoai"
    (root / folder).rename(outside)
    (root / folder).symlink_to(outside, target_is_directory=True)
    errors = errors_of(root)
    assert f"{folder}:1: liên kết tượng trưng trỏ ra ngoài dự án (tới {outside}), không được dùng; hãy chép tệp " \
        "vào dự án" in errors
    assert len(errors) == (2 if folder == "content/images" else 1)  # and the article's photo is then missing
    assert snapshot(root / "output") == before


@pytest.mark.parametrize("kind", ["self", "parent", "pair"])
def test_symlink_loops_in_content_are_messages(tmp_path: Path, kind: str):
    root = make_site(tmp_path)
    articles = root / "content/articles"
    if kind == "self":
        (articles / "vong").symlink_to(articles / "vong")
        expected = "content/articles/vong:1: liên kết tượng trưng lặp vòng, không dùng được; hãy xóa hoặc sửa liên kết"
    elif kind == "parent":
        (articles / "vong").symlink_to(articles, target_is_directory=True)
        expected = ("content/articles/vong:1: liên kết tượng trưng lặp vòng (trỏ về một thư mục chứa nó); "
                    "hãy xóa liên kết này")
    else:
        (articles / "a").symlink_to(articles / "b")
        (articles / "b").symlink_to(articles / "a")
        expected = "content/articles/a:1: liên kết tượng trưng lặp vòng, không dùng được; hãy xóa hoặc sửa liên kết"
    errors = errors_of(root)
    assert errors[0] == expected


def test_an_image_with_a_name_that_is_not_utf8_is_a_message_in_an_incremental_build(tmp_path: Path):
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    name = b"\xe1nh-h\xf4i-ngh\xef.jpg"  # Latin-1 bytes, as an old archive would give
    with open(os.path.join(os.fsencode(root / "content/images"), name), "wb") as handle:
        handle.write(b"\xff\xd8\xff\xe0")
    errors = errors_of(root)
    assert errors == ["content/images/\ufffdnh-h\ufffdi-ngh\ufffd.jpg: tên tệp không phải UTF-8 hợp lệ (có lẽ chép "
                      "từ máy dùng bảng mã khác); hãy đổi tên tệp"]
    assert snapshot(root / "output") == before


# Item 7: the background search process dies with the build -------------------------------------

def test_killing_the_build_ends_its_background_process(tmp_path: Path):
    """kill -9 of the build alone: its children end too, so a pipe reading its output ends."""
    root = make_site(tmp_path)
    build(root)  # a search cache: the next build forks the background index process at its start
    for n in range(300):
        add(root, f"bai-{n}.md", f"---\ntitle: Bài {n}\ndate: 2021-06-07\n---\n\n" + "Nội dung. " * 200)
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    reader = subprocess.Popen(f"{sys.executable} -m generator build --root {root} | cat", shell=True, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    build_pid = None
    while build_pid is None and time.monotonic() < deadline:
        found = subprocess.run(["pgrep", "-f", "-s", str(reader.pid), "generator build"],
                               capture_output=True, text=True).stdout.split()
        children = [p for p in found if subprocess.run(["pgrep", "-P", p], capture_output=True).returncode == 0]
        build_pid = int(children[0]) if children else None
        time.sleep(0.01)
    assert build_pid, "the build never forked"
    os.kill(build_pid, signal.SIGKILL)
    try:
        reader.communicate(timeout=30)  # ends only when every writer of the pipe is gone
    except subprocess.TimeoutExpired:
        os.killpg(reader.pid, signal.SIGKILL)
        pytest.fail("a process of the killed build kept its output open")


# Also: edits the stamps miss, pages deleted by hand ---------------------------------------------

def test_an_edit_that_keeps_size_and_mtime_is_still_seen(tmp_path: Path):
    root = make_site(tmp_path)
    builder = Builder(root)
    builder.build()
    article = root / "content/articles/ha-noi-neu-guong.md"
    st = article.stat()
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("đậm", "mậđ"), encoding="utf-8")  # the same length in bytes
    assert article.stat().st_size == st.st_size
    os.utime(article, ns=(st.st_atime_ns, st.st_mtime_ns))  # the old modification time restored
    builder.build()
    assert "mậđ" in (root / "output/bai-viet/ha-noi-neu-guong/index.html").read_text(encoding="utf-8")


def test_a_published_page_deleted_by_hand_is_restored(tmp_path: Path):
    root = make_site(tmp_path)
    builder = Builder(root)
    builder.build()
    page = root / "output/bai-viet/ha-noi-neu-guong/index.html"
    before = page.read_bytes()
    page.unlink()
    (root / "output/tinh/ha-noi/feed.xml").unlink()
    result = builder.build()
    assert not result.unchanged and page.read_bytes() == before
    assert (root / "output/tinh/ha-noi/feed.xml").is_file()
    assert builder.build().unchanged
