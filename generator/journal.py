"""A publish's moves and deletions under a journal, and what a killed build left beside the
output folder: an interrupted publish finished (the journal committed) or undone (the old site
put back); a failed patch undone step by step.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .errors import OutputError
from .folders import stamp


def leftovers(target: Path) -> tuple[Path, Path, Path, Path]:
    """(staging folder, old site, journal, files set aside) beside an output folder."""
    parent, name = target.parent, target.name
    return (parent / f".{name}.new", parent / f".{name}.old", parent / f".{name}.journal",
            parent / f".{name}.aside")


def interrupted(target: Path) -> bool:
    """Whether a killed build left a publish to finish or undo, or folders to remove (a build
    stopped while it rendered, or while it removed the old site's files)."""
    return any(path.exists() for path in leftovers(target))


def recover(target: Path) -> str:
    """Finish or undo what a killed build's publish started (call holding the lock); says what
    was done ("" if nothing)."""
    staging, old, journal, aside = leftovers(target)
    done = ""
    if journal.exists():  # committed: the new site goes in (roll forward)
        plan = json.loads(journal.read_text(encoding="utf-8"))
        apply_plan(target, staging, aside, plan)
        stamp(target, plan.get("stamp"))
        journal.unlink()
        done = "đã hoàn tất lần xuất bản bị ngắt giữa chừng"
    remove_tree(aside)  # what the last publish replaced, or a stopped build's unused files
    remove_tree(staging)
    if old.exists():
        if not target.exists():  # stopped between the two renames: the previous site comes back
            old.rename(target)
            done = "đã khôi phục trang đã xuất bản trước lần dựng bị ngắt"
        else:
            remove_tree(old)
    return done


def check_writable(target: Path, plan: dict) -> None:
    """Every folder a patch writes into or removes from can be written: checked before anything moves."""
    folders = {(target / path).parent for path in plan["moves"] + plan["deletes"]}
    for folder in sorted(folders):
        existing = folder
        while not existing.exists() and existing != target:
            existing = existing.parent
        if not os.access(existing, os.W_OK | os.X_OK):
            raise OutputError(f"không ghi được vào thư mục “{existing.relative_to(target.parent)}” của trang đã "
                              "xuất bản (không có quyền ghi); trang đã xuất bản được giữ nguyên như trước")


def apply_plan(target: Path, staging: Path, aside: Path, plan: dict, done: list[tuple[str, str]] | None = None) -> None:
    """Move staged files into the live site and remove vanished ones; each live file replaced or
    removed is first set aside. Idempotent (a step already done is skipped); each step done is
    recorded in `done` as ("move" or "delete", path, whether a live file was set aside)."""
    done = [] if done is None else done
    made: set[Path] = set()
    for path in plan["moves"]:
        source = staging / path
        if not source.exists():  # moved before the previous build was killed
            continue
        live = target / path
        if live.parent not in made:
            live.parent.mkdir(parents=True, exist_ok=True)
            made.add(live.parent)
        had = _set_aside(live, aside / path)
        done.append(("move", path, had))
        os.replace(source, live)
        done[-1] = ("moved", path, had)
    for path in plan["deletes"]:
        live = target / path
        if _set_aside(live, aside / path):
            done.append(("deleted", path, True))
        folder = live.parent
        while folder != target and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def _set_aside(live: Path, kept: Path) -> bool:
    if live.exists() or live.is_symlink():
        kept.parent.mkdir(parents=True, exist_ok=True)
        os.replace(live, kept)
        return True
    return False


def undo(target: Path, aside: Path, done: list) -> None:
    """Undo the steps apply_plan did, newest first: the live site as it was before."""
    for step, path, had in reversed(done):
        live = target / path
        if not had:  # a new file (or one about to be): removed, with the folders made for it
            if step == "moved":
                live.unlink(missing_ok=True)
            folder = live.parent
            while folder != target and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        if had:
            live.parent.mkdir(parents=True, exist_ok=True)
            os.replace(aside / path, live)
    remove_tree(aside)


def remove_tree(folder: Path) -> None:
    """A folder of ours removed, read-only or unreadable subfolders included."""
    if not folder.exists():
        return
    try:
        shutil.rmtree(folder)
    except PermissionError:
        _make_writable(folder)
        shutil.rmtree(folder)


def _make_writable(folder: Path) -> None:
    os.chmod(folder, 0o700)
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _make_writable(Path(entry.path))
