"""A build stopped at any point of its publish (Ctrl-C, a kill) leaves the old site or the new one
whole, and the next build goes on from what is there: no leftovers, no rebuild from scratch.

Each point is reached by an injected KeyboardInterrupt (what Ctrl-C raises) in the function that
runs there; one test sends real SIGINTs to a real build process, a second one during clean-up.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bad.kit import PROJECT, add, make_site, snapshot
from generator import commit, journal, write
from generator.build import Builder, BuildOptions
from generator.incremental import Tuning

SWAP = BuildOptions(tuning=Tuning(patch_max=0))  # the edit below changes more than a fifth of the pages
PATCH = BuildOptions()
NEW = "---\ntitle: Bài mới\ndate: 2021-06-07\nprovince: Hà Nội\n---\n\nMới.\n"
LEFTOVERS = (".output.new", ".output.old", ".output.journal", ".output.aside")


def _edited(tmp: Path, options: BuildOptions) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """(project built once then edited, the site before the edit, the site after it): the last
    from a copy built without interruption."""
    root = make_site(tmp / "site")
    Builder(root, options).build()
    before = snapshot(root / "output")
    add(root, "moi.md", NEW)
    copy = tmp / "copy"
    shutil.copytree(root, copy, symlinks=True)
    assert not Builder(copy, options).build().unchanged
    return root, before, snapshot(copy / "output")


def _stop(*_args, **_kwargs):
    raise KeyboardInterrupt


def _stopped_build(root: Path, options: BuildOptions) -> None:
    with pytest.raises(KeyboardInterrupt):
        Builder(root, options).build()


def _next_build_goes_on(root: Path, options: BuildOptions, after: dict[str, bytes], published: bool) -> None:
    """The next build leaves no leftovers and the new site. published: the interrupted build's site
    is in place (the next build has nothing to do); else the next build keeps the pages the edit
    did not change."""
    result = Builder(root, options).build()
    assert snapshot(root / "output") == after
    assert [name for name in LEFTOVERS if (root / name).exists()] == []
    assert list((root / ".cache/lamtheobac").glob("*.pending")) == []
    if published:
        assert result.unchanged, f"rendered {result.pages} pages again"
    else:
        assert result.reused > 0, f"rendered all {result.pages} pages again"


def _old_folder_removal_stopped(monkeypatch):
    real = journal.remove_tree
    stopping = lambda folder: _stop() if folder.name in (".output.old", ".output.aside") and folder.exists() \
        else real(folder)
    for module in (write, journal):  # the publish's clean-up (write) and a recovery's (journal)
        monkeypatch.setattr(module, "remove_tree", stopping)


@pytest.mark.parametrize("options", [SWAP, PATCH], ids=["swap", "patch"])
def test_stopped_while_removing_the_old_site(tmp_path: Path, monkeypatch, options):
    root, _, after = _edited(tmp_path, options)
    _old_folder_removal_stopped(monkeypatch)
    _stopped_build(root, options)
    monkeypatch.undo()
    assert snapshot(root / "output") == after
    _next_build_goes_on(root, options, after, True)


@pytest.mark.parametrize("options", [SWAP, PATCH], ids=["swap", "patch"])
def test_stopped_after_the_site_went_in_before_its_state_was_kept(tmp_path: Path, monkeypatch, options):
    root, _, after = _edited(tmp_path, options)
    monkeypatch.setattr(commit, "_promote", _stop)
    _stopped_build(root, options)
    monkeypatch.undo()
    assert snapshot(root / "output") == after
    _next_build_goes_on(root, options, after, True)


def test_stopped_half_way_through_a_patch(tmp_path: Path, monkeypatch):
    root, _, after = _edited(tmp_path, PATCH)
    real = write.apply_plan

    def half(target, staging, aside, plan, done=None):
        real(target, staging, aside, {**plan, "moves": plan["moves"][: len(plan["moves"]) // 2], "deletes": []}, done)
        raise KeyboardInterrupt
    monkeypatch.setattr(write, "apply_plan", half)
    _stopped_build(root, PATCH)
    monkeypatch.undo()
    _next_build_goes_on(root, PATCH, after, True)  # rolled forward: the new site is whole and known


def test_stopped_before_anything_moved_keeps_the_old_site(tmp_path: Path, monkeypatch):
    root, before, after = _edited(tmp_path, SWAP)
    monkeypatch.setattr(write.Staging, "publish", _stop)
    _stopped_build(root, SWAP)
    monkeypatch.undo()
    assert snapshot(root / "output") == before
    _next_build_goes_on(root, SWAP, after, False)


def test_the_swap_never_leaves_the_output_folder_missing(tmp_path: Path, monkeypatch):
    """Readers (a web server serving output/) and a kill between two renames saw no site at all:
    the two folders are exchanged in one step."""
    root, before, after = _edited(tmp_path, SWAP)
    seen = []
    real = os.rename

    def rename(src, dst, *a, **k):
        seen.append((Path(src).name, Path(dst).name, (root / "output").is_dir()))
        return real(src, dst, *a, **k)
    monkeypatch.setattr(os, "rename", rename)
    Builder(root, SWAP).build()
    monkeypatch.undo()
    assert snapshot(root / "output") == after
    assert ("output", ".output.old", True) not in seen  # the live folder was never renamed away
    assert all(present for _, _, present in seen)


def test_the_two_renames_when_the_folders_cannot_be_exchanged(tmp_path: Path, monkeypatch):
    root, before, after = _edited(tmp_path, SWAP)
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    real = os.rename

    def rename(src, dst, *a, **k):
        real(src, dst, *a, **k)
        if Path(dst).name == ".output.old":
            raise KeyboardInterrupt  # between the two renames
    monkeypatch.setattr(os, "rename", rename)
    _stopped_build(root, SWAP)
    monkeypatch.undo()
    _next_build_goes_on(root, SWAP, after, False)  # the old site came back; the edit built as usual


SIGNALLED = """
import os, signal, sys
from generator import commit, journal, write
real = journal.remove_tree
def removal(folder):
    if folder.name in (".output.old", ".output.aside", ".output.new") and folder.exists():
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C once the new site is in, again in every clean-up
    real(folder)
write.remove_tree = journal.remove_tree = removal
from generator.cli import main
sys.exit(main(["build", "--root", sys.argv[1], "-q"]))
"""


def test_real_ctrl_c_twice_while_cleaning_up(tmp_path: Path):
    root, _, after = _edited(tmp_path, PATCH)  # the command's own settings: the edit patches the site
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    run = subprocess.run([sys.executable, "-c", SIGNALLED, str(root)], env=env, capture_output=True, text=True,
                         timeout=120)
    assert (run.returncode, run.stderr) == (130, "Đã dừng.\n")
    assert snapshot(root / "output") == after
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1].startswith("Không có gì thay đổi"), run.stdout
    assert snapshot(root / "output") == after
    assert [name for name in LEFTOVERS if (root / name).exists()] == []


@pytest.mark.parametrize("options", [SWAP, PATCH], ids=["swap", "patch"])
def test_a_state_that_cannot_be_kept_after_the_site_went_in_is_said_so(tmp_path: Path, monkeypatch, options):
    """The disk fills up between the site going in and its state being kept: the message said the
    previous site was still there, while the new one was."""
    root, _, after = _edited(tmp_path, options)

    def full(*_args):
        raise OSError(28, "No space left on device", str(root / ".cache/lamtheobac/state"))
    monkeypatch.setattr(commit, "_promote", full)
    with pytest.raises(Exception) as caught:
        Builder(root, options).build()
    monkeypatch.undo()
    assert caught.value.published == ("Trang mới đã được xuất bản đầy đủ vào output/; chỉ bộ nhớ đệm chưa lưu được, "
                                      "lần dựng sau sẽ dựng lại từ đầu.")
    assert snapshot(root / "output") == after
    assert [name for name in LEFTOVERS if (root / name).exists()] == []
    result = Builder(root, options).build()  # from scratch, as said
    assert snapshot(root / "output") == after and result.reused == 0


def test_a_patched_folder_whose_time_cannot_be_set_keeps_its_own(tmp_path: Path, monkeypatch):
    """Not the output folder's owner (a folder shared by a group): its time cannot be set; the
    state then records the time the folder has."""
    root, _, after = _edited(tmp_path, PATCH)
    monkeypatch.setattr(write, "stamp", lambda folder, mtime_ns: None)
    assert not Builder(root, PATCH).build().unchanged
    monkeypatch.undo()
    _next_build_goes_on(root, PATCH, after, True)


CTRL_C_WHILE_LOADING = """
import importlib.abc, os, runpy, signal, sys

class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "generator.cli":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C right after Enter, while the modules load
        return None
sys.meta_path.insert(0, CtrlC())
sys.argv = ["lamtheobac", "build", "--root", sys.argv[1]]
runpy.run_module("generator", run_name="__main__", alter_sys=True)
"""


def test_ctrl_c_while_the_command_loads_says_stopped(tmp_path: Path):
    # Was: a KeyboardInterrupt traceback (exit status 1, or killed by SIGINT) for a Ctrl-C in the
    # first few tenths of a second of `python -m generator build`.
    root = make_site(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    run = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_LOADING, str(root)], env=env, capture_output=True,
                         text=True, timeout=120)
    assert (run.returncode, run.stderr) == (130, "Đã dừng.\n")
    assert not (root / "output").exists()
