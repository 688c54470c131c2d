"""write.Staging: the new site beside the old one, published whole (swap) or file by file (patch)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.write import MARKER, MARKER_TEXT, Staging


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def live(tmp_path: Path, files: dict[str, bytes]) -> Path:
    out = tmp_path / "output"
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return out


def test_swap_replaces_the_whole_site_and_leaves_nothing_beside_it(tmp_path: Path):
    out = live(tmp_path, {"index.html": b"cu", "bo-di/index.html": b"x"})
    staging = Staging(out).open()
    staging.write("index.html", "mới")
    assert tree(out) == {"index.html": b"cu", "bo-di/index.html": b"x"}  # nothing changes before publish
    staging.publish()
    staging.discard()
    assert tree(out) == {MARKER: MARKER_TEXT.encode(), "index.html": "mới".encode()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_two_writers_of_one_path_are_an_error_naming_both(tmp_path: Path):
    staging = Staging(tmp_path / "output").open()
    staging.write("a/index.html", b"1", origin="content/articles/a.md")
    with pytest.raises(OutputError, match="content/articles/a.md và content/articles/b.md"):
        staging.claim("a/index.html", origin="content/articles/b.md")
    staging.discard()


def test_patch_moves_changed_files_keeps_the_rest_and_removes_vanished_ones(tmp_path: Path):
    out = live(tmp_path, {"index.html": b"cu", "giu/index.html": b"giu", "xoa/index.html": b"xoa"})
    kept_inode = (out / "giu/index.html").stat().st_ino
    staging = Staging(out, patch=True, previous=frozenset(tree(out))).open()
    staging.write("index.html", b"moi")
    staging.keep("giu/index.html")
    staging.write("them/index.html", b"them")
    staging.publish()
    staging.discard()
    assert tree(out) == {"index.html": b"moi", "giu/index.html": b"giu", "them/index.html": b"them"}
    assert (out / "giu/index.html").stat().st_ino == kept_inode
    assert not (out / "xoa").exists()  # its emptied folder is removed too


def test_patch_keeps_a_live_file_with_the_same_bytes(tmp_path: Path):
    out = live(tmp_path, {"tim-kiem/a.bin": b"same"})
    inode = (out / "tim-kiem/a.bin").stat().st_ino
    staging = Staging(out, patch=True, previous=frozenset(tree(out))).open()
    staging.write("tim-kiem/a.bin", b"same")  # compared with the live file
    assert staging.changed == []
    staging.publish()
    assert (out / "tim-kiem/a.bin").stat().st_ino == inode


def test_a_journal_left_by_a_killed_patch_is_completed_by_the_next_build(tmp_path: Path):
    out = live(tmp_path, {"index.html": b"cu", "xoa.html": b"x"})
    staging = Staging(out, patch=True, previous=frozenset(tree(out))).open()
    staging.write("index.html", b"moi")
    plan = {"moves": staging.changed, "deletes": ["xoa.html"]}
    staging.journal.write_text(json.dumps(plan), encoding="utf-8")  # killed right after committing
    again = Staging(out).open()  # the next build recovers before anything else
    assert tree(out) == {"index.html": b"moi"} and not again.journal.exists()
    again.discard()


def test_a_killed_swap_between_its_renames_is_undone(tmp_path: Path):
    out = live(tmp_path, {"index.html": b"cu"})
    out.rename(tmp_path / ".output.old")  # the first rename done, the second not
    Staging(out).open().discard()
    assert tree(out) == {"index.html": b"cu"}


def test_page_folders_are_made_whatever_exists_already(tmp_path):
    from generator.output import _make_folder
    _make_folder(str(tmp_path / "a" / "b" / "c"))  # parents missing
    _make_folder(str(tmp_path / "a" / "b" / "d"))  # parent there
    _make_folder(str(tmp_path / "a" / "b" / "d"))  # there already
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir()) == ["c", "d"]
    (tmp_path / "a" / "f").write_text("x")
    with pytest.raises(FileExistsError):
        _make_folder(str(tmp_path / "a" / "f"))  # a file where the folder goes
