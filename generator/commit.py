"""The published site and the state that describes it, committed together.

A build's state (incremental.State) tells the next build what the output folder holds; a state
that does not match the folder costs a rebuild of every page. So the state is written before the
site is published, as a pending file holding the id the output folder will have once the new
site is in (write.Staging.expected_id), and it becomes the state as soon as the site is in,
before the old site's files are removed. A build stopped anywhere in between (Ctrl-C, a kill, a
power cut) leaves a pending file: the next build, once the publish is finished or undone
(write.recover), keeps it if the output folder is the one it describes, and drops it otherwise.
The next build then goes on from the site that is there, old or new.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from .errors import OutputError
from .incremental import State, folder_id, save_state, saved_output_id
from .write import Lock, Staging, recover


def pending_path(state_file: Path) -> Path:
    """Not state-*.pickle: published_state, which looks for the state of a folder, never takes it."""
    return state_file.with_suffix(".pending")


def publish(staging: Staging, state_file: Path, state: State, packed: bytes | None, previous: State) -> None:
    """staging published, and state (its output_id set here) saved for the next build."""
    pending = pending_path(state_file)
    state.output_id = staging.expected_id()
    save_state(pending, state, packed, previous)

    failed: list[OSError] = []

    def committed() -> None:
        try:
            actual = folder_id(staging.target)
            if actual == state.output_id:
                _promote(pending, state_file)
                return
            # The folder's time could not be set as expected (not its owner, a coarse clock): the
            # state says what is there; written again, as only this rare case needs.
            finish()  # new_cache_file moves the state aside under the same name
            state.output_id = actual
            save_state(state_file, state, packed, previous)
            pending.unlink(missing_ok=True)
        except OSError as exc:  # a full disk: the site is in, the old one still goes; said after
            failed.append(exc)
            pending.unlink(missing_ok=True)
    try:
        staging.publish(committed)
    except OutputError:  # a patch that failed was undone: the pending state describes nothing
        pending.unlink(missing_ok=True)
        raise
    if failed:
        raise failed[0]


def settle(state_file: Path, output_dir: Path, root: Path) -> None:
    """A pending state a stopped build left (see the module's text): kept or dropped. Call
    before loading the state."""
    pending = pending_path(state_file)
    if not pending.exists():
        return
    with Lock(root):
        recover(output_dir)
        if not pending.exists():  # settled by a build that held the lock meanwhile
            return
        expected = saved_output_id(pending)
        if expected is not None and expected == folder_id(output_dir):
            _promote(pending, state_file)
        else:
            pending.unlink()


def _promote(pending: Path, state_file: Path) -> None:
    """The pending file becomes the state file: the old one moved aside first, not renamed over
    (see new_cache_file); stopped in between, there is no state but the pending one, which
    settle() then keeps."""
    aside = state_file.with_suffix(state_file.suffix + ".old")
    try:
        os.replace(state_file, aside)
    except FileNotFoundError:  # the first build
        os.rename(pending, state_file)
        return
    os.rename(pending, state_file)
    # Freeing a large file's blocks takes ~0.1 s (50 MB here): done while the build finishes.
    removal = threading.Thread(target=aside.unlink, kwargs={"missing_ok": True}, name="old-state-removal")
    removal.start()
    _REMOVALS.append(removal)


_REMOVALS: list[threading.Thread] = []


def finish() -> None:
    """Waits for the removal of the states replaced (call when the build's other work is done; a
    process ended before leaves a .old file, replaced by the next build's)."""
    while _REMOVALS:
        _REMOVALS.pop().join()
